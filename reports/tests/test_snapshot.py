"""The data a version is made from: fallbacks, and what changed between two snapshots."""

import pytest

from core.access import Reader
from reports import services
from reports.models import ReportVersion
from reports.snapshot import canonical_json
from reports.tests import factories, pdf

pytestmark = pytest.mark.django_db

PUBLIC = ReportVersion.Audience.PUBLIC


def test_the_fallbacks_make_a_report_without_the_other_apps_functions(
    cycle, monkeypatch, django_capture_on_commit_callbacks
):
    from reports import snapshot
    from reports.snapshot import base

    with_functions = snapshot.cycle_snapshot(cycle["policy"], PUBLIC, Reader.anonymous())
    monkeypatch.setattr(base, "optional", lambda *places: None)
    without = snapshot.cycle_snapshot(cycle["policy"], PUBLIC, Reader.anonymous())

    assert without["text"]["focus_areas"][0]["goals"][0]["title"] == "Flere unge i uddannelse"
    assert without["text"].keys() == with_functions["text"].keys()
    assert [r["reference"] for r in without["hearings"][0]["responses"]] == ["H1-0001"]
    assert without["action_plans"][0]["progress"] == 40
    assert without["latest_round"]["reported"] == 1
    for secret in (factories.CITIZEN_EMAIL, factories.CONFIDENTIAL_RESPONSE):
        assert secret not in canonical_json(without)

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


def test_the_snapshot_holds_a_year_only_adoption_and_the_hearing_summary(cycle):
    from hearings.models import Hearing
    from reports import snapshot

    old = cycle["policy"].predecessor
    old.adopted_year = 2015
    old.save()
    Hearing.objects.filter(policy=cycle["policy"]).update(
        summary="<p>Helt overordnet er der flere positive bemærkninger.</p>"
    )
    data = snapshot.cycle_snapshot(cycle["policy"], PUBLIC, Reader.anonymous())
    assert data["lineage"][0]["adopted_year"] == 2015
    assert "flere positive bemærkninger" in data["hearings"][0]["summary"]
