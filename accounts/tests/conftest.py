import pytest


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """These tests sign in with passwords dozens of times; PBKDF2 would take minutes."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
