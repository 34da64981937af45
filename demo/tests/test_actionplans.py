import datetime

import pytest
from django.utils import timezone

from actionplans.models import Action, ActionPlan, FollowUpRound, Measurement, StatusUpdate
from demo.loaders import actionplans as demo
from demo.loaders import municipalities
from demo.loaders._base import read
from demo.lookups import actionplan_urls
from policies.models import Policy
from policies.tests.factories import GoalFactory, PolicyFactory

AALBORG = read("actionplans-aalborg.yaml")
NORDDJURS = read("actionplans-norddjurs.yaml")
AALBORG_POLICY = AALBORG["policy"]["slug"]
NORDDJURS_POLICY = NORDDJURS["policy"]["slug"]
NORDDJURS_REPORT = NORDDJURS["rounds"][0]["report_title"]
DEMO_SOURCE = AALBORG["demo_source"]

IN_FORCE = Policy.State.IN_FORCE

pytestmark = pytest.mark.django_db


class Out:
    def __init__(self):
        self.lines = []

    def write(self, text):
        self.lines.append(text)


@pytest.fixture
def seeded(aalborg, norddjurs):
    from councils.models import AgendaItem, Council, FollowUp, Meeting, Person

    municipalities.load(Out())
    policy = PolicyFactory(municipality=aalborg, slug=AALBORG_POLICY, state=IN_FORCE)
    for number in "123":
        GoalFactory(policy=policy, number=number)
    north = PolicyFactory(municipality=norddjurs, slug=NORDDJURS_POLICY, state=IN_FORCE)
    GoalFactory(policy=north, number="a")
    council = Council.objects.create(
        municipality=aalborg, name="Integrationsrådet", slug="integrationsraadet", kind="forum"
    )
    meeting = Meeting.objects.create(
        council=council,
        starts_at=timezone.make_aware(datetime.datetime(2023, 4, 11, 16)),
        status=Meeting.Status.MINUTES_PUBLISHED,
    )
    item = AgendaItem.objects.create(meeting=meeting, number=3, title="Budgetproces")
    follow_up = FollowUp.objects.create(
        item=item,
        kind="working_group",
        title="Budgetønske om opfølgning på MultiAalborg",
        task="Indsende budgetønsket",
    )
    follow_up.members.add(
        Person.objects.create(municipality=aalborg, name="Roman Jurowetzki"),
        Person.objects.create(municipality=aalborg, name="Hirou Bayazidi"),
    )
    return follow_up


def test_the_demo_is_idempotent_and_links_the_budget_request(seeded, client):
    demo.load(Out())
    counts = [
        m.objects.count() for m in (ActionPlan, Action, FollowUpRound, StatusUpdate, Measurement)
    ]
    demo.load(Out())
    assert counts == [
        m.objects.count() for m in (ActionPlan, Action, FollowUpRound, StatusUpdate, Measurement)
    ]
    request = Action.objects.get(is_budget_request=True)
    assert request.source_follow_up == seeded
    assert request.owner_person.name == "Roman Jurowetzki"
    aalborg_rounds = FollowUpRound.objects.filter(policy__slug=AALBORG_POLICY)
    assert aalborg_rounds.closed().count() == 2
    assert aalborg_rounds.open_on(datetime.date(2026, 11, 23)).get().name == "2026 2. halvår"
    assert FollowUpRound.objects.get(report_title=NORDDJURS_REPORT).is_closed
    assert not Measurement.objects.exclude(source=DEMO_SOURCE).exists()

    urls = actionplan_urls()
    assert len(urls) == 6
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_the_demo_creates_nothing_without_the_policies(db):
    out = Out()
    demo.load(out)
    assert not ActionPlan.objects.exists() and not FollowUpRound.objects.exists()
    assert actionplan_urls() == []
