import pytest

from hearings.tests.factories import HearingFactory


@pytest.fixture
def hearing(aalborg):
    return HearingFactory(policy__municipality=aalborg)
