import io

import pytest
from django.core.management import call_command
from django.test import Client

from core.access import Reader
from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Council,
    FollowUp,
    ItemGuest,
    Meeting,
    Person,
)
from demo import lookups
from demo.loaders import councils, municipalities

pytestmark = pytest.mark.django_db

MODELS = [Council, Person, Meeting, AgendaItem, ItemGuest, Attachment, FollowUp, Attendance]


def _load():
    municipalities.load(io.StringIO())
    councils.load(io.StringIO())


def test_demo_loads_twice_without_duplicates():
    _load()
    counts = {model: model.objects.count() for model in MODELS}
    _load()
    assert counts == {model: model.objects.count() for model in MODELS}


def test_demo_holds_the_seed_facts():
    _load()
    meeting = lookups.strategy_draft_item().meeting
    items = list(meeting.items.order_by("position"))
    assert len(items) == 11
    assert items[0].title == "[Rekonstrueret] Godkendelse af dagsorden"
    assert items[-1].title == "[Rekonstrueret] Eventuelt"
    assert items[4].outcome == AgendaItem.Outcome.APPROVED_WITH_REMARKS
    assert "Ann-Dorthe Christensen" in items[3].decision
    assert {g.person.name for g in items[3].guests.all()} == {
        "Bente Jensen", "Betül Özkaya", "Ann-Dorte Christensen"
    }  # fmt: skip
    group = FollowUp.objects.get(item=items[2], kind=FollowUp.Kind.WORKING_GROUP)
    assert {p.name for p in group.members.all()} == {"Roman Jurowetzki", "Hirou Bayazidi"}
    assert {p.name for p in group.support.all()} == {"Denise Bakholm", "Rikke Ishøy"}
    assert group.due_label == "primo maj 2023" and str(group.due_date) == "2023-05-01"
    assert "7. september 2023 i Aalborg Zoo" in items[6].decision
    assert meeting.next_meeting(Reader.anonymous()).starts_at.date().isoformat() == "2023-06-20"
    assert meeting.council.memberships.get(role="chair").person.name == "Anna Lynge"

    case = lookups.case_22_740()
    route = list(case.items.order_by("meeting__starts_at"))
    assert [i.meeting.council.name for i in route] == [
        "Arbejdsmarkedsudvalget", "Dialogforum for Integration"
    ]  # fmt: skip
    dfi_item = route[1]
    assert dfi_item.outcome == AgendaItem.Outcome.APPROVED
    assert {a.person.name for a in dfi_item.meeting.attendance.filter(status="absent")} == {
        "Nana Højlund", "Sascha Roth", "Anna Nathalie Aissa"
    }  # fmt: skip
    assert list(dfi_item.attachments.values_list("journal_number", flat=True)) == [
        "32358/23", "32099/23", "120043/22", "114251/22"
    ]  # fmt: skip
    with dfi_item.attachments.first().file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_demo_public_urls_answer_and_hide_the_fictional_secret():
    _load()
    client = Client()
    for url in lookups.council_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert lookups.FICTIONAL_CONFIDENTIAL not in response.content.decode()
        assert "FIKTIVT DEMOPUNKT" not in response.content.decode()


def test_loaddemo_command_runs():
    call_command("loaddemo", stdout=io.StringIO())
    assert Meeting.objects.filter(council__slug="integrationsraadet").count() == 3
