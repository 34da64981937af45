"""Sign-in with the municipality's identity provider, against a real OpenID Connect
provider (accounts/tests/oidc_provider.py, Authlib) over HTTP on 127.0.0.1."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from accounts.tests.oidc_provider import Provider
from core.models import MunicipalityRole

pytestmark = [pytest.mark.django_db, pytest.mark.password_only]

CALLBACK = "http://testserver/konto/oidc/callback/"
USERS = {
    "anne": {"password": "anne-kode", "sub": "anne-0001", "email": "anne@aalborg.example",
             "name": "Anne Andersen", "groups": ["pol-aalborg-redaktoer"], "amr": ["pwd"]},
    "carl": {"password": "carl-kode", "sub": "carl-0003", "email": "carl@aalborg.example",
             "name": "Carl Christensen", "groups": ["pol-aalborg-admin", "andet"],
             "amr": ["pwd", "mfa"]},
    "bo": {"password": "bo-kode", "sub": "bo-0002", "email": "bo@aalborg.example",
           "name": "Bo Bertelsen", "groups": ["kantine"], "amr": ["pwd"]},
}  # fmt: skip


@pytest.fixture
def provider():
    with Provider({name: dict(user) for name, user in USERS.items()}) as running:
        yield running


@pytest.fixture
def oidc(provider, settings, aalborg, norddjurs):
    client = provider.register_client(CALLBACK)
    for name, value in provider.settings_for(client).items():
        setattr(settings, name, value)
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_SCOPES = "openid email profile groups"
    settings.OIDC_ROLES_CLAIM = "groups"
    settings.OIDC_ROLE_MAP = [
        ("pol-aalborg-redaktoer", "aalborg", "editor"),
        ("pol-aalborg-admin", "aalborg", "admin"),
        ("pol-norddjurs-redaktoer", "norddjurs", "editor"),
    ]
    settings.OIDC_MFA_AMR_VALUES = ["mfa"]
    return provider


def sign_in(client, username, password=None, next_url="/arbejdsrum/"):
    """Our button, the provider's own form, back to our callback."""
    start = client.get("/konto/oidc/log-ind/", {"next": next_url})
    assert start.status_code == 302
    authorize = start["Location"]
    query = parse_qs(urlsplit(authorize).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"]
    assert requests.get(authorize, timeout=10).status_code == 200  # the provider's form
    answer = requests.post(
        authorize,
        data={"username": username, "password": password or USERS[username]["password"]},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["Location"])
    assert f"http://testserver{back.path}" == CALLBACK
    return client.get(back.path + "?" + back.query)


def test_an_editor_group_becomes_the_editor_role_and_the_user_is_matched_by_subject(
    client, oidc, aalborg, django_user_model
):
    response = sign_in(client, "anne")
    assert response.status_code == 302 and response["Location"] == "/arbejdsrum/"
    user = django_user_model.objects.get(email="anne@aalborg.example")
    assert user.first_name == "Anne" and user.last_name == "Andersen"
    assert not user.has_usable_password()
    assert set(
        MunicipalityRole.objects.filter(user=user).values_list("municipality__slug", "role")
    ) == {("aalborg", "editor")}
    # Signing in again finds the same account, by issuer and subject.
    client.logout()
    sign_in(client, "anne")
    assert django_user_model.objects.filter(email="anne@aalborg.example").count() == 1


def test_without_mfa_from_the_provider_the_editor_still_enrols_a_second_factor(client, oidc):
    sign_in(client, "anne")
    staff = client.get("/arbejdsrum/")
    assert staff.status_code == 302 and staff["Location"].startswith("/konto/totrin/opsaet/")


def test_mfa_at_the_provider_counts_as_the_second_factor(client, oidc, django_user_model):
    sign_in(client, "carl")
    assert client.get("/arbejdsrum/").status_code == 200
    user = django_user_model.objects.get(email="carl@aalborg.example")
    assert list(MunicipalityRole.objects.filter(user=user).values_list("role", flat=True)) == [
        "admin"
    ]


def test_a_group_taken_away_at_the_provider_takes_the_role_away(
    client, oidc, django_user_model, norddjurs
):
    sign_in(client, "anne")
    user = django_user_model.objects.get(email="anne@aalborg.example")
    # A role the mapping does not manage (given by hand here) is left alone.
    MunicipalityRole.objects.create(user=user, municipality=norddjurs, role="admin")
    oidc.users["anne"]["groups"] = ["pol-aalborg-admin"]
    client.logout()
    sign_in(client, "anne")
    roles = set(
        MunicipalityRole.objects.filter(user=user).values_list("municipality__slug", "role")
    )
    assert roles == {("aalborg", "admin"), ("norddjurs", "admin")}


def test_a_person_the_mapping_gives_no_role_is_refused(client, oidc, django_user_model):
    response = sign_in(client, "bo")
    assert response.status_code == 302 and response["Location"] == "/konto/log-ind/"
    assert "_auth_user_id" not in client.session
    page = client.get("/konto/log-ind/")
    assert "giver ikke adgang til Politikspor" in page.content.decode()


def test_a_wrong_password_at_the_provider_never_reaches_us(client, oidc):
    start = client.get("/konto/oidc/log-ind/")
    answer = requests.post(start["Location"], data={"username": "anne", "password": "forkert"},
                           allow_redirects=False, timeout=10)  # fmt: skip
    assert answer.status_code == 200 and "Unknown user" in answer.text
    assert "_auth_user_id" not in client.session


def test_the_login_page_offers_the_provider_only_when_it_is_configured(client, settings, oidc):
    assert "Log ind med kommunens login" in client.get("/konto/log-ind/").content.decode()
    settings.OIDC_ENABLED = False
    assert "Log ind med kommunens login" not in client.get("/konto/log-ind/").content.decode()
    assert client.get("/konto/oidc/log-ind/").status_code == 404
