"""The whole demo, as `loaddemo` loads it: idempotent, and faithful to the seeds."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.access import Reader
from councils.models import AgendaItem, Meeting
from demo import lookups
from hearings.models import Hearing, Remark, Response
from policies.models import Goal, Policy, PolicyVersion

pytestmark = pytest.mark.django_db

MARK = "[Rekonstrueret]"
HEARING_SUMMARY = (
    "Helt overordnet er der flere positive bemærkninger til Integrationsstrategien. De mange "
    "positive tilkendegivelser om samarbejde og mulige handlinger giver et godt afsæt for det "
    "videre forløb med udmøntning af Integrationsstrategien. Blandt høringssvarene er flere "
    "bemærkninger, som Integrationsrådet vil inddrage i udarbejdelsen af handleplaner til "
    "implementering af Integrationsstrategien."
)
# Seed 001, in the order of the page: each item's decision and its first sentence after it.
MINUTES_2023_04_11 = [
    ("approved", ""),
    ("approved", ""),
    ("discussed", "Eventuelle ønsker til budgettet skal fremsendes primo maj 2023."),
    ("discussed", "Forfatterne bag MultiAalborg, Bente Jensen, Ann-Dorthe Christensen og Betül"),
    (
        "approved_with_remarks",
        "Integrationsrådet godkendte udkast til Integrationsstrategi 2023-2026 med enkelte "
        "ændringer.",
    ),
    ("discussed", "Integrationsrådet ønsker at kvittere for et godt udspil"),
    ("for_information", "der afvikles d. 7. september 2023 i Aalborg Zoo."),
    ("for_information", "Integrationsrådet tog orienteringen til efterretning."),
    ("for_information", "Anna Lynge orienterede om, at ansøgning om midlerne til"),
    ("for_information", "Dette er en ny rekord i Aalborg Kommune."),
    ("nothing", ""),
]
ROWS = [Policy, Goal, PolicyVersion, Meeting, AgendaItem, Hearing, Response, Remark]


def _ids():
    return {model: sorted(model.objects.values_list("pk", flat=True)) for model in ROWS}


@pytest.fixture
def loaded():
    call_command("loaddemo", stdout=io.StringIO())


def test_a_second_load_updates_in_place_and_prints_the_logins_only_once():
    first, second = io.StringIO(), io.StringIO()
    call_command("loaddemo", stdout=first)
    ids = _ids()
    call_command("loaddemo", stdout=second)
    assert _ids() == ids
    assert "Demo-logins" in first.getvalue() and "Demo-logins" not in second.getvalue()
    assert second.getvalue().splitlines()[:2] == [
        "Kommuner og forvaltninger: Aalborg, Norddjurs",
        "Råd og møder: Integrationsrådet 11.04.2023, Dialogforum for Integration 15.03.2023 "
        "(sag 22/740)",
    ]
    assert "Demodata er indlæst." in second.getvalue()


def test_the_hearing_summary_is_the_seeds_and_is_shown_publicly(loaded, client):
    hearing = Hearing.objects.get(policy__slug="integrationsstrategi-2023-2026", is_demo=False)
    assert HEARING_SUMMARY in hearing.summary
    assert "<li>Udsatterrådet</li>" in hearing.summary  # the seed's list, its spelling
    for name in ("hearings:detail", "hearings:report"):
        page = client.get(reverse(name, args=["aalborg", hearing.pk])).content.decode()
        assert HEARING_SUMMARY in page, name


def test_the_2012_policy_is_adopted_in_2015_without_an_invented_day(loaded, client):
    policy = Policy.objects.get(slug="integrationspolitik-2012-2015")
    assert policy.adopted_year == 2015 and policy.adopted_on is None
    page = client.get(policy.get_absolute_url()).content.decode()
    assert "<dt>Vedtaget</dt><dd>2015</dd>" in page


def test_case_22_740_is_the_seeds(loaded):
    case = lookups.case_22_740()
    assert case.title == "Status på Integrationspolitikken 2021-2026"
    item = case.items.get(meeting__council__slug="dialogforum-for-integration")
    assert item.recommendation == (
        "<p>Formand for Dialogforum for Integration indstiller, at punktet godkendes.</p>"
    )
    assert "Børn og Familier som trives, punkt a) til f)." in item.decision
    titles = list(item.attachments.order_by("number").values_list("title", flat=True))
    assert titles[3] == (
        "Plan for indsats mod radikaliserings i Norddjurs Kommune revideret 23.09.2021.pdf"
    )


def test_the_minutes_of_11_april_2023_hold_every_item_of_the_seed(loaded):
    meeting = lookups.strategy_draft_item().meeting
    items = list(meeting.items.order_by("position"))
    assert [(item.number, item.outcome) for item in items] == [
        (number, outcome) for number, (outcome, _text) in enumerate(MINUTES_2023_04_11, start=1)
    ]
    for item, (_outcome, text) in zip(items, MINUTES_2023_04_11, strict=True):
        assert text in item.decision, item.number
    assert meeting.next_meeting(Reader.anonymous()).starts_at.date().isoformat() == "2023-06-20"


def test_what_the_seeds_do_not_say_is_marked_where_it_is_read(loaded, client):
    meeting = lookups.strategy_draft_item().meeting
    # The page shows no item titles and no time of day.
    assert all(item.title.startswith(MARK) for item in meeting.items.all())
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "kl. 16.00" in page and f"{MARK} Referatet oplyser ikke klokkeslæt" in page
    committee = Meeting.objects.get(council__slug="arbejdsmarkedsudvalget")
    assert "kl. 08.30" in committee.location and committee.location.startswith(MARK)
    # No seed holds the hearing draft: its goals 2 and 3 say so on the version page.
    draft = PolicyVersion.objects.get(label="Høringsudkast 15.02.2023")
    page = client.get(draft.get_absolute_url()).content.decode()
    assert page.count(MARK) >= 2
    goals = {goal["number"]: goal["title"] for goal in draft.snapshot["goals"]}
    assert not goals["1"].startswith(MARK)
    assert goals["2"].startswith(MARK) and goals["3"].startswith(MARK)
    # The demo responses stay marked as invented.
    assert not Remark.objects.exclude(excerpt__startswith="[Demotekst]").exists()
