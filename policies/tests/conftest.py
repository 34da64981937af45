import pytest

from policies.models import Policy
from policies.tests.factories import PolicyFactory


@pytest.fixture
def draft(aalborg):
    return PolicyFactory(municipality=aalborg, title="Hemmeligt udkast", state=Policy.State.DRAFT)
