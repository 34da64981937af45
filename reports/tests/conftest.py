import pytest

from reports import services
from reports.models import ReportVersion


@pytest.fixture
def cycle(aalborg):
    from reports.tests.factories import make_cycle

    return make_cycle(aalborg)


@pytest.fixture
def request_report(django_capture_on_commit_callbacks, editor):
    """Request a report and let the (in-process) worker render it, as after a commit."""

    def request(policy, audience=ReportVersion.Audience.PUBLIC, label="", council=None):
        with django_capture_on_commit_callbacks(execute=True):
            version = services.report_request(
                policy=policy, audience=audience, council=council, label=label, user=editor
            )
        version.refresh_from_db()
        return version

    return request
