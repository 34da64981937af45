import pytest
from django.core.exceptions import ImproperlyConfigured

from core.front import PAGES, _contributors, section, sections_for


def test_every_app_registers_its_sections_by_autodiscovery():
    registered = {
        page: [f"{fn.__module__}.{fn.__name__}" for fn in contributors]
        for page, contributors in _contributors.items()
    }
    assert "councils.front.upcoming_meetings" in registered["municipality"]
    assert "policies.front.policies_decided_at_item" in registered["item"]
    assert set(registered) == set(PAGES)


def test_a_misspelt_page_fails_loudly_when_registering_and_when_asking():
    with pytest.raises(ImproperlyConfigured, match="policy_staff"):
        section("polciy")
    with pytest.raises(ImproperlyConfigured):
        sections_for("front", None)
