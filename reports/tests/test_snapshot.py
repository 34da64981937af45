"""The data a version is made from, and what changed between two snapshots."""

import pytest

from core.access import Reader
from reports import services, snapshot
from reports.models import ReportVersion
from reports.snapshot import canonical_json
from reports.tests import factories, pdf

pytestmark = pytest.mark.django_db

PUBLIC = ReportVersion.Audience.PUBLIC


def test_the_public_cycle_snapshot_holds_the_text_hearing_plans_and_round_but_nothing_closed(
    cycle,
):
    data = snapshot.cycle_snapshot(cycle["policy"], PUBLIC, Reader.anonymous())

    assert data["text"]["focus_areas"][0]["goals"][0]["title"] == "Flere unge i uddannelse"
    # The confidential response is not the public's; the citizen's is, without contact data.
    assert [r["reference"] for r in data["hearings"][0]["responses"]] == ["H1-0001"]
    assert data["action_plans"][0]["progress"] == 40
    assert data["latest_round"]["reported"] == 1
    for secret in (factories.CITIZEN_EMAIL, factories.CONFIDENTIAL_RESPONSE):
        assert secret not in canonical_json(data)


def test_a_changed_goal_title_shows_in_the_next_version_s_changes(
    cycle, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    cycle["goal"].title = "Alle unge i job"
    cycle["goal"].save()
    with django_capture_on_commit_callbacks(execute=True):
        second = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    second.refresh_from_db()

    assert first.pk != second.pk and second.state == ReportVersion.State.DONE
    assert "Alle unge i job" in pdf.text(second.pdf.read()).split("forrige version")[-1]


def test_changes_since_the_previous_version_include_status_and_new_measurements(
    cycle, request_report
):
    import datetime as dt
    from decimal import Decimal

    from actionplans.models import Action, Measurement

    request_report(cycle["policy"], PUBLIC)
    Action.objects.filter(plan=cycle["plan"]).update(progress=80)
    Measurement.objects.create(
        indicator=cycle["indicator"], period=dt.date(2025, 12, 31), value=Decimal("78")
    )

    second = request_report(cycle["policy"], PUBLIC)

    changes = pdf.text(second.pdf.read()).split("Ændringer siden forrige version")[-1]
    assert "Politikkens tekst er uændret" in changes
    assert "Handlinger med ny status eller fremdrift" in changes
    assert "40 %" in changes and "80 %" in changes
    assert "Nye målinger" in changes and "Andel unge i uddannelse" in changes
