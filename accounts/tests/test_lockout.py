"""Wrong passwords lock the account (django-axes), on our login and on /admin/'s."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command

from accounts.tests.helpers import PASSWORD, password_login
from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URLS = ["/konto/log-ind/", "/admin/login/"]


@pytest.fixture
def staff_user():
    return UserFactory(username="sekretaer", is_staff=True)


def _fail(client, url, times):
    """Wrong passwords; the form comes back with its error until the fifth locks."""
    for attempt in range(1, times + 1):
        response = password_login(client, "sekretaer", "forkert", url=url)
        assert response.status_code == (429 if attempt >= 5 else 200)


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, staff_user, url):
    _fail(client, url, 5)
    response = password_login(client, "sekretaer", PASSWORD, url=url)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Kontoen er midlertidigt spærret" in body
    assert "15 minutter" in body
    assert "_auth_user_id" not in client.session


def test_the_lockout_follows_the_account_not_the_address(client, staff_user):
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"):
        password_login(client, "sekretaer", "forkert", REMOTE_ADDR=address)
    response = password_login(client, "sekretaer", PASSWORD, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429


def test_an_admin_unlocks_the_account_with_the_management_command(client, staff_user):
    _fail(client, "/konto/log-ind/", 5)
    call_command("axes_reset_username", "sekretaer")
    response = password_login(client, "sekretaer", PASSWORD)
    assert response.status_code == 302


def test_an_admin_unlocks_the_account_in_the_django_admin(client, staff_user, django_user_model):
    _fail(client, "/konto/log-ind/", 5)
    superuser = django_user_model.objects.create_superuser("chef", "chef@example.dk", "x")
    admin = client.__class__()
    admin.force_login(superuser)
    listing = admin.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200 and "sekretaer" in listing.content.decode()
    attempt = AccessAttempt.objects.get(username="sekretaer")
    admin.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert password_login(client, "sekretaer", PASSWORD).status_code == 302


def test_a_right_password_before_the_limit_starts_the_count_again(client, staff_user):
    _fail(client, "/konto/log-ind/", 4)
    assert password_login(client, "sekretaer", PASSWORD).status_code == 302
    client.logout()
    _fail(client, "/konto/log-ind/", 4)
    assert password_login(client, "sekretaer", PASSWORD).status_code == 302
