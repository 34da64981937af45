"""Editors, admins and superusers need a second factor (TOTP); enrolment on first sign-in."""

import time

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import LAST_SEEN_SESSION_KEY
from accounts.tests.helpers import code_from_secret, current_code, password_login
from core.tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.password_only]

STAFF_HOME = "/arbejdsrum/"


def _enrol(client, editor):
    page = client.get("/konto/totrin/opsaet/")
    secret = page.context["secret"]
    return client.post(
        "/konto/totrin/opsaet/", {"token": code_from_secret(secret), "next": STAFF_HOME}
    )


def test_an_editor_without_a_device_is_sent_to_enrolment_after_the_password(client, editor):
    response = password_login(client, editor.username, next=STAFF_HOME)
    assert response.status_code == 302
    staff = client.get(STAFF_HOME)
    assert staff.status_code == 302
    assert staff["Location"].startswith("/konto/totrin/opsaet/")


def test_enrolment_shows_a_server_drawn_qr_code_and_the_key(client, editor):
    password_login(client, editor.username)
    page = client.get("/konto/totrin/opsaet/")
    body = page.content.decode()
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in body  # drawn on the server, no script, no CDN
    assert page.context["secret"] in body
    assert "otpauth://totp/" in TOTPDevice.objects.get(user=editor).config_url


def test_enrolment_with_the_apps_code_lets_the_editor_in(client, editor):
    password_login(client, editor.username)
    response = _enrol(client, editor)
    assert response.status_code == 302 and response["Location"] == STAFF_HOME
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert client.get(STAFF_HOME).status_code == 200


def test_a_wrong_code_at_enrolment_is_refused_and_nothing_is_confirmed(client, editor):
    password_login(client, editor.username)
    client.get("/konto/totrin/opsaet/")
    response = client.post("/konto/totrin/opsaet/", {"token": "000000"})
    assert response.status_code == 400
    assert "Koden passer ikke" in response.content.decode()
    assert not TOTPDevice.objects.get(user=editor).confirmed
    assert client.get(STAFF_HOME).status_code == 302


def test_an_enrolled_editor_is_asked_for_the_code_and_let_in_with_it(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    password_login(client, editor.username)
    prompt = client.get(STAFF_HOME)
    assert prompt["Location"].startswith("/konto/totrin/?")
    wrong = client.post("/konto/totrin/", {"token": "123456"})
    assert wrong.status_code == 400 and "Koden er forkert" in wrong.content.decode()
    # django-otp throttles after a wrong code (1 s, then 2, 4, …): guessing is slow.
    too_soon = client.post("/konto/totrin/", {"token": current_code(device)})
    assert too_soon.status_code == 400
    time.sleep(1.1)
    right = client.post("/konto/totrin/", {"token": current_code(device), "next": STAFF_HOME})
    assert right.status_code == 302 and right["Location"] == STAFF_HOME
    assert client.get(STAFF_HOME).status_code == 200


def test_a_password_alone_cannot_replace_an_enrolled_device(client, editor):
    TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    password_login(client, editor.username)
    response = client.get("/konto/totrin/opsaet/")
    assert response.status_code == 302 and response["Location"] == "/konto/totrin/"
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_the_django_admin_needs_the_second_factor_too(client, django_user_model):
    django_user_model.objects.create_superuser("chef", "chef@example.dk", "kodeord-til-test")
    password_login(client, "chef", url="/admin/login/")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/totrin/opsaet/?next=/admin/")


def test_a_council_member_without_a_role_needs_no_second_factor(client, aalborg):
    member = UserFactory(username="raadsmedlem")
    password_login(client, member.username)
    assert client.get("/").status_code == 200
    assert not TOTPDevice.objects.filter(user=member).exists()


def test_a_session_idle_too_long_is_signed_out(client, editor, settings):
    client.force_login(editor)
    session = client.session
    session[LAST_SEEN_SESSION_KEY] = int(time.time()) - settings.STAFF_IDLE_MINUTES * 60 - 5
    session.save()
    response = client.get(STAFF_HOME, follow=True)
    assert response.redirect_chain[-1][0].startswith("/konto/log-ind/")
    assert "ikke har været aktiv" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_staff_sessions_last_hours_not_weeks(settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.STAFF_IDLE_MINUTES <= 60
