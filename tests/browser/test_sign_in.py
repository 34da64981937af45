"""The sign-in forms in a browser: password, second-factor enrolment and code, lockout,
and the municipality's identity provider (a real OIDC provider on 127.0.0.1)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from accounts.tests.helpers import code_from_secret
from accounts.tests.oidc_provider import Provider
from core.tests.factories import EditorFactory, MunicipalityFactory

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
pytestmark = pytest.mark.password_only


@pytest.fixture
def editor(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    municipality = MunicipalityFactory(name="Aalborg", slug="aalborg")
    return EditorFactory(username="redaktoer", municipality=municipality)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="da-DK")
    yield context.new_page()
    context.close()


def assert_accessible(page):
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert not result.violations_count, result.generate_report()


def sign_in_with_password(page, live_server, username, password):
    page.goto(live_server.url + "/konto/log-ind/?next=/arbejdsrum/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()


def test_an_editor_signs_in_and_enrols_a_second_factor(page, live_server, editor):
    sign_in_with_password(page, live_server, "redaktoer", "kodeord-til-test")
    page.wait_for_url("**/konto/totrin/opsaet/**")
    assert page.locator("main h1").inner_text() == "Slå totrinsbekræftelse til"
    assert page.locator("main img[src^='data:image/svg+xml']").is_visible()
    assert_accessible(page)
    secret = page.get_by_test_id("totp-secret").inner_text()
    page.get_by_label("Engangskode").fill(code_from_secret(secret))
    page.get_by_role("button", name="Bekræft").click()
    page.wait_for_url("**/arbejdsrum/")
    assert "Totrinsbekræftelse er slået til" in page.content()


def test_wrong_passwords_end_in_a_clear_danish_lockout_message(page, live_server, editor):
    for _ in range(5):
        sign_in_with_password(page, live_server, "redaktoer", "forkert")
    heading = page.locator("main h1")
    assert heading.inner_text() == "Kontoen er midlertidigt spærret"
    assert "spærret i 15 minutter" in page.locator("main").inner_text()
    assert_accessible(page)
    # The right password does not open it either.
    sign_in_with_password(page, live_server, "redaktoer", "kodeord-til-test")
    assert page.locator("main h1").inner_text() == "Kontoen er midlertidigt spærret"


def test_sign_in_with_the_municipalitys_identity_provider(page, live_server, editor, settings):
    users = {"carl": {"password": "carl-kode", "sub": "carl-1", "email": "carl@aalborg.example",
                      "name": "Carl Christensen", "groups": ["pol-aalborg-redaktoer"],
                      "amr": ["pwd", "mfa"]}}  # fmt: skip
    with Provider(users) as provider:
        client = provider.register_client(live_server.url + "/konto/oidc/callback/")
        for name, value in provider.settings_for(client).items():
            setattr(settings, name, value)
        settings.OIDC_ENABLED = True
        settings.OIDC_RP_SCOPES = "openid email profile groups"
        settings.OIDC_ROLE_MAP = [("pol-aalborg-redaktoer", "aalborg", "editor")]
        page.goto(live_server.url + "/konto/log-ind/?next=/arbejdsrum/")
        page.get_by_role("link", name="Log ind med kommunens login").click()
        page.wait_for_url(provider.issuer + "/authorize**")
        page.get_by_label("User").fill("carl")
        page.get_by_label("Password").fill("carl-kode")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/arbejdsrum/")
        assert page.locator("main h1").is_visible()
