import datetime

import pytest
from django.core.exceptions import ValidationError

from core.concurrency import EditConflict
from core.diff import record_diff
from councils import services
from councils.models import AgendaItem, Meeting, MinutesCorrection
from councils.tests.factories import AgendaItemFactory, CouncilFactory

pytestmark = pytest.mark.django_db

WHEN = datetime.datetime(2024, 5, 1, 14, tzinfo=datetime.UTC)


def _meeting(aalborg):
    return services.meeting_create(council=CouncilFactory(municipality=aalborg), starts_at=WHEN)


def test_meeting_create_prefills_the_standing_items(aalborg):
    meeting = _meeting(aalborg)
    assert [i.title for i in meeting.items.order_by("position")] == [
        "Godkendelse af dagsorden",
        "Godkendelse af referat",
        "Meddelelser",
        "Eventuelt",
    ]


def test_added_items_go_before_eventuelt_and_can_be_moved(aalborg):
    meeting = _meeting(aalborg)
    item = services.item_add(meeting=meeting, title="Ny sag")
    assert item.number == 4
    assert meeting.items.get(number=5).title == "Eventuelt"
    services.item_move(item=item, offset=-3)
    titles = list(meeting.items.order_by("number").values_list("title", flat=True))
    assert titles[0] == "Ny sag" and titles[-1] == "Eventuelt"
    assert list(meeting.items.order_by("position").values_list("number", flat=True)) == [
        1, 2, 3, 4, 5
    ]  # fmt: skip


def test_publish_workflow(aalborg):
    meeting = _meeting(aalborg)
    with pytest.raises(ValidationError):
        services.meeting_publish_minutes(meeting=meeting)
    meeting = services.meeting_publish_agenda(meeting=meeting)
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED and meeting.agenda_published_at
    meeting = services.meeting_start_minutes(meeting=meeting)
    with pytest.raises(ValidationError, match="mangler et beslutningsresultat"):
        services.meeting_publish_minutes(meeting=meeting)
    meeting.items.update(outcome=AgendaItem.Outcome.APPROVED)
    meeting = services.meeting_publish_minutes(meeting=meeting)
    assert meeting.status == Meeting.Status.MINUTES_PUBLISHED and meeting.minutes_published_at
    assert meeting.history.first().history_change_reason == "Referat offentliggjort"


def test_published_minutes_change_only_through_a_recorded_correction(aalborg, editor):
    meeting = _meeting(aalborg)
    services.meeting_publish_agenda(meeting=meeting)
    meeting.items.update(outcome=AgendaItem.Outcome.APPROVED)
    services.meeting_publish_minutes(meeting=meeting)
    item = meeting.items.get(number=1)
    item.decision = "<p>Snyd</p>"
    with pytest.raises(ValidationError, match="rettelse"):
        services.item_update(item=item, expected_revision=item.revision)
    with pytest.raises(ValidationError):
        services.item_add(meeting=meeting, title="For sent")
    correction = services.item_correct(
        item=item, field="decision", new_value="<p>Rettet</p>", reason="Stavefejl", user=editor
    )
    item.refresh_from_db()
    assert item.decision == "<p>Rettet</p>"
    assert correction.old_value == "" and correction.made_by == editor
    assert MinutesCorrection.objects.count() == 1
    assert item.history.first().history_change_reason == "Rettelse: Stavefejl"


def test_closed_minutes_need_a_public_decision(aalborg):
    meeting = _meeting(aalborg)
    services.item_add(meeting=meeting, title="Personsag", is_closed=True, public_title="Lukket")
    services.meeting_publish_agenda(meeting=meeting)
    meeting.items.update(outcome=AgendaItem.Outcome.APPROVED)
    with pytest.raises(ValidationError, match="offentlig beslutning"):
        services.meeting_publish_minutes(meeting=meeting)


def test_second_save_from_a_stale_form_is_a_conflict(aalborg):
    item = AgendaItemFactory(meeting__council__municipality=aalborg, title="Start")
    first = AgendaItem.objects.get(pk=item.pk)
    second = AgendaItem.objects.get(pk=item.pk)
    first.title = "Første"
    services.item_update(item=first, expected_revision=0)
    second.title = "Anden"
    with pytest.raises(EditConflict) as conflict:
        services.item_update(item=second, expected_revision=0)
    assert conflict.value.current.title == "Første"
    services.item_update(item=second, expected_revision=conflict.value.current.revision)
    item.refresh_from_db()
    assert item.title == "Anden" and item.revision == 2


def test_history_diff_between_two_versions(aalborg):
    item = AgendaItemFactory(meeting__council__municipality=aalborg, decision="<p>gammel tekst</p>")
    item.decision = "<p>ny tekst</p>"
    services.item_update(item=item, expected_revision=0)
    newer, older = list(item.history.order_by("-history_date")[:2])
    rows = record_diff(older, newer, ["title", "decision"])
    assert [row["field"] for row in rows] == ["decision"]
    assert "<del" in rows[0]["diff"] and "gammel" in rows[0]["diff"]
    assert "<ins" in rows[0]["diff"] and "ny" in rows[0]["diff"]
