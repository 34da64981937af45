"""Signing in as a person does: password, then the second factor when the account needs it.

Editors and admins must use a second factor (accounts app). A test user without one enrols
on the page the site sends them to, reading the key as a person would type it into an app.
"""

from django.urls import reverse

from accounts.tests.helpers import PASSWORD, code_from_secret


def sign_in(page, live_server, username, *, next_url="", password=PASSWORD):
    address = live_server.url + reverse("login") + (f"?next={next_url}" if next_url else "")
    page.goto(address)
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(lambda url: "/konto/log-ind/" not in url)
    if "/konto/totrin/opsaet/" in page.url:
        secret = page.get_by_test_id("totp-secret").inner_text()
        page.get_by_label("Engangskode").fill(code_from_secret(secret))
        page.get_by_role("button", name="Bekræft").click()
        page.wait_for_url(lambda url: "/konto/totrin/" not in url)
    return page
