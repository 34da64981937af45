import pytest


@pytest.mark.django_db
def test_home_lists_municipalities_and_the_front_page_names_the_municipality(client, aalborg):
    home = client.get("/")
    assert home.status_code == 200
    assert "Aalborg Kommune" in home.content.decode()
    front = client.get("/aalborg/")
    assert front.status_code == 200
    assert "Aalborg Kommune" in front.content.decode()


@pytest.mark.django_db
def test_unknown_municipality_is_404(client):
    assert client.get("/gotham/").status_code == 404


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client, aalborg):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "default-src 'self'" in policy


@pytest.mark.django_db
def test_english_is_available_through_the_language_switch(client, aalborg):
    assert 'lang="da"' in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert 'lang="en"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_danish_is_the_default_even_for_an_english_browser(client, aalborg):
    page = client.get("/aalborg/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert 'lang="da"' in page.content.decode()
    assert "Politikker og strategier" in page.content.decode()
