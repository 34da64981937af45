import pytest

from core.tests.factories import UserFactory
from councils.models import AgendaItem, Case, ItemGuest, Meeting
from councils.tests.factories import (
    AgendaItemFactory,
    AttachmentFactory,
    CouncilFactory,
    MeetingFactory,
    PersonFactory,
    member_user,
)

SECRETS = ["HEMMELIG TITEL", "HEMMELIG TEKST", "HEMMELIG BESLUTNING", "HEMMELIG GÆST",
           "HEMMELIGT BILAG", "HEMMELIG SAG"]  # fmt: skip


@pytest.fixture
def world(aalborg, norddjurs, editor, other_editor):
    """One council with meetings in every state, an open and a closed item."""
    council = CouncilFactory(municipality=aalborg, name="Integrationsrådet", slug="integration")
    published = MeetingFactory(council=council, status=Meeting.Status.MINUTES_PUBLISHED)
    secret_case = Case.objects.create(municipality=aalborg, number="99/1", title="HEMMELIG SAG")
    open_item = AgendaItemFactory(
        meeting=published,
        number=1,
        title="ÅBEN TITEL",
        decision="<p>ÅBEN BESLUTNING</p>",
        outcome=AgendaItem.Outcome.APPROVED,
    )
    open_attachment = AttachmentFactory(item=open_item, number=1, title="Åbent bilag")
    closed_item = AgendaItemFactory(
        meeting=published,
        number=2,
        title="HEMMELIG TITEL",
        is_closed=True,
        public_title="Offentlig titel",
        public_decision="Offentlig beslutning",
        case=secret_case,
        case_presentation="<p>HEMMELIG TEKST</p>",
        decision="<p>HEMMELIG BESLUTNING</p>",
        outcome=AgendaItem.Outcome.APPROVED,
    )
    ItemGuest.objects.create(
        item=closed_item, person=PersonFactory(municipality=aalborg, name="HEMMELIG GÆST")
    )
    closed_attachment = AttachmentFactory(item=closed_item, number=1, title="HEMMELIGT BILAG")
    draft = MeetingFactory(council=council, status=Meeting.Status.MINUTES_DRAFT)
    draft_item = AgendaItemFactory(
        meeting=draft, number=1, title="Punkt i udkast", decision="<p>UDKAST BESLUTNING</p>"
    )
    planned = MeetingFactory(council=council, status=Meeting.Status.PLANNED)
    planned_item = AgendaItemFactory(meeting=planned, number=1, title="IKKE OFFENTLIG DAGSORDEN")
    planned_attachment = AttachmentFactory(item=planned_item, number=1, title="Udkast-bilag")
    return {
        "council": council,
        "published": published,
        "open_item": open_item,
        "open_attachment": open_attachment,
        "closed_item": closed_item,
        "closed_attachment": closed_attachment,
        "draft": draft,
        "draft_item": draft_item,
        "planned": planned,
        "planned_item": planned_item,
        "planned_attachment": planned_attachment,
        "member": member_user(council),
        "editor": editor,
        "other_editor": other_editor,
        "stranger": UserFactory(),
    }
