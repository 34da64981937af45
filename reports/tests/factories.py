"""A small, complete policy cycle for the report tests, built with the apps' own factories:
a policy with its tree and predecessor, a meeting with an open and a closed item about it,
a processed hearing with a citizen's and a confidential response, an action plan with a
status round, and an indicator with measurements.

One factory per model, imported from the app that owns the model (nothing is redefined
here). Case and PolicyTransition have no factory yet and are made with ``objects.create``.
Each confidential value carries a marker the tests look for.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from actionplans.models import Action, ActionPlan
from actionplans.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    FollowUpRoundFactory,
    IndicatorFactory,
    MeasurementFactory,
    StatusUpdateFactory,
)
from councils.models import AgendaItem, Case, Council, Meeting
from councils.tests.factories import AgendaItemFactory, CouncilFactory, MeetingFactory
from hearings.models import Hearing, Remark, Responder, Response
from hearings.tests.factories import (
    HearingFactory,
    RemarkFactory,
    ResponderFactory,
    ResponseFactory,
)
from policies.models import Policy, PolicyTransition
from policies.tests.factories import (
    CommitmentFactory,
    FocusAreaFactory,
    GoalFactory,
    PolicyFactory,
    SectionFactory,
)

CLOSED_SECRET = "Fortrolig sagsfremstilling om medarbejder Jensen"
CLOSED_TITLE = "Personalesag: Jensens ansættelse"
CITIZEN_EMAIL = "borger.hansen@example.dk"
CITIZEN_PHONE = "12 34 56 78"
CONFIDENTIAL_RESPONSE = "Fortroligt høringssvar fra Politiet"


def _at(day, hour=16):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def make_cycle(municipality):
    council = CouncilFactory(
        municipality=municipality,
        name="Integrationsrådet",
        slug="integrationsraadet",
        kind=Council.Kind.ADVISORY_COUNCIL,
    )
    old = PolicyFactory(
        municipality=municipality,
        title="Integrationspolitik 2012-2015",
        slug="integrationspolitik-2012-2015",
        period_start=2012,
        period_end=2015,
        state=Policy.State.SUPERSEDED,
    )
    policy = PolicyFactory(
        municipality=municipality,
        kind=Policy.Kind.STRATEGY,
        title="Integrationsstrategi 2023-2026",
        slug="integrationsstrategi-2023-2026",
        subtitle="Forskellighed er en styrke",
        vision="Sammen kan vi mest.",
        introduction="<p>Strategien afløser politikken fra 2012.</p>",
        state=Policy.State.IN_FORCE,
        prepared_by=council,
        predecessor=old,
    )
    SectionFactory(policy=policy, heading="Baggrund", body="<p>Tekst om baggrund.</p>")
    area = FocusAreaFactory(policy=policy, title="Uddannelse og job", position=1)
    goal = GoalFactory(
        policy=policy, focus_area=area, number="1", title="Flere unge i uddannelse", position=1
    )
    CommitmentFactory(goal=goal, text="Mentorordning for unge")

    meeting = MeetingFactory(
        council=council,
        starts_at=_at(datetime.date(2023, 4, 11)),
        location="Rådhuset",
        status=Meeting.Status.MINUTES_PUBLISHED,
    )
    case = Case.objects.create(municipality=municipality, number="23/100", title="Strategien")
    open_item = AgendaItemFactory(
        meeting=meeting,
        number=1,
        position=1,
        title="Godkendelse af integrationsstrategien",
        case=case,
        case_presentation="<p>Udkastet har været i høring.</p>",
        decision="<p>Godkendt med bemærkninger fra rådet.</p>",
        outcome=AgendaItem.Outcome.APPROVED_WITH_REMARKS,
    )
    closed_item = AgendaItemFactory(
        meeting=meeting,
        number=2,
        position=2,
        title=CLOSED_TITLE,
        is_closed=True,
        public_title="Personalesag",
        case_presentation=f"<p>{CLOSED_SECRET}</p>",
        decision="<p>Jensen fortsætter i stillingen.</p>",
        public_decision="Rådet traf beslutning i sagen.",
        outcome=AgendaItem.Outcome.APPROVED,
    )
    policy.agenda_items.add(open_item, closed_item)
    PolicyTransition.objects.create(
        policy=policy,
        from_state=Policy.State.ADOPTED,
        to_state=Policy.State.IN_FORCE,
        decided_on=datetime.date(2023, 4, 11),
        agenda_item=open_item,
    )

    hearing = HearingFactory(
        policy=policy,
        version=None,
        title="Høring om integrationsstrategien",
        opens_on=datetime.date(2023, 2, 15),
        closes_on=datetime.date(2023, 3, 31),
        state=Hearing.State.PROCESSED,
        citizens_may_answer=True,
    )
    citizen = ResponderFactory(
        municipality=municipality,
        kind=Responder.Kind.CITIZEN,
        name="Hanne Hansen",
        email=CITIZEN_EMAIL,
        phone=CITIZEN_PHONE,
        address="Boulevarden 1, 9000 Aalborg",
    )
    response = ResponseFactory(
        hearing=hearing,
        responder=citizen,
        reference="H1-0001",
        received_on=datetime.date(2023, 3, 1),
        channel=Response.Channel.WEB,
        text=f"Flere lektiecaféer, tak. Skriv til mig på {CITIZEN_EMAIL}.",
        publication_consent=True,
    )
    RemarkFactory(
        response=response,
        excerpt="Flere lektiecaféer",
        goal=goal,
        outcome=Remark.Outcome.TO_ACTION_PLANS,
        answer="Indgår i handleplanen for uddannelse.",
    )
    police = ResponderFactory(
        municipality=municipality,
        kind=Responder.Kind.ORGANISATION,
        name="Nordjyllands Politi",
        email="",
    )
    ResponseFactory(
        hearing=hearing,
        responder=police,
        reference="H1-0002",
        received_on=datetime.date(2023, 3, 2),
        channel=Response.Channel.EMAIL,
        text=CONFIDENTIAL_RESPONSE,
        confidential=True,
        publication_consent=False,
    )

    plan = ActionPlanFactory(
        policy=policy,
        title="Handleplan for uddannelse",
        state=ActionPlan.State.RUNNING,
        goals=[goal],
    )
    action = ActionFactory(
        plan=plan,
        goal=goal,
        title="Lektiecaféer i alle bydele",
        progress=40,
        status=Action.Status.ON_TRACK,
    )
    round = FollowUpRoundFactory(
        policy=policy,
        name="2023 2. halvår",
        opens_on=datetime.date(2023, 11, 1),
        closes_on=datetime.date(2023, 12, 1),
        closed_at=_at(datetime.date(2023, 12, 2)),
        summary="Indsatsen er godt i gang.",
    )
    StatusUpdateFactory(
        action=action,
        round=round,
        date=datetime.date(2023, 11, 20),
        status=Action.Status.ON_TRACK,
        progress=40,
    )
    indicator = IndicatorFactory(
        goal=goal,
        name="Andel unge i uddannelse",
        unit="%",
        baseline_value=Decimal("70"),
        baseline_date=datetime.date(2022, 12, 31),
        target_value=Decimal("80"),
        target_date=datetime.date(2026, 12, 31),
    )
    for year, value in ((2023, "72.5"), (2024, "75")):
        MeasurementFactory(
            indicator=indicator, period=datetime.date(year, 12, 31), value=Decimal(value)
        )
    return {
        "policy": policy,
        "council": council,
        "meeting": meeting,
        "open_item": open_item,
        "closed_item": closed_item,
        "hearing": hearing,
        "goal": goal,
        "plan": plan,
        "indicator": indicator,
    }
