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


def test_the_decisions_trail_finds_items_by_link_transition_and_status_report(cycle):
    from actionplans.tests.factories import FollowUpRoundFactory
    from councils.tests.factories import AgendaItemFactory
    from policies.models import Policy, PolicyTransition

    meeting = cycle["meeting"]
    by_transition = AgendaItemFactory(meeting=meeting, number=3, title="Vedtagelse i byrådet")
    by_round = AgendaItemFactory(meeting=meeting, number=4, title="Status på implementering")
    AgendaItemFactory(meeting=meeting, number=5, title="Et andet emne")
    PolicyTransition.objects.create(
        policy=cycle["policy"],
        from_state=Policy.State.IN_FORCE,
        to_state=Policy.State.IN_FORCE,
        decided_on=meeting.starts_at.date(),
        agenda_item=by_transition,
    )
    FollowUpRoundFactory(policy=cycle["policy"]).agenda_items.add(by_round)

    rows = snapshot.cycle_snapshot(cycle["policy"], PUBLIC, Reader.anonymous())["decisions"]

    assert [row["number"] for row in rows] == [1, 2, 3, 4]
    assert (
        rows[2]["title"] == "Vedtagelse i byrådet"
        and rows[3]["title"] == "Status på implementering"
    )
