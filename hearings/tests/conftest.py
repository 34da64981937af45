import pytest

from hearings.tests.factories import HearingFactory


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """Each test gets its own in-memory cache, so rate-limit counters never leak between
    tests or into the developer's Redis."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "hearings-tests",
        }
    }
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def hearing(aalborg):
    return HearingFactory(policy__municipality=aalborg)
