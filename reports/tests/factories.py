"""A small, complete policy cycle for the report tests: a policy with its tree, meetings with
an open and a closed item about it, a processed hearing with a citizen's response, an action
plan with a status round, and an indicator with measurements.

Plain functions over the models (not the other apps' factories, which are still moving), so
these tests depend only on the models' fields.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

CLOSED_SECRET = "Fortrolig sagsfremstilling om medarbejder Jensen"
CLOSED_TITLE = "Personalesag: Jensens ansættelse"
CITIZEN_EMAIL = "borger.hansen@example.dk"
CITIZEN_PHONE = "12 34 56 78"
CONFIDENTIAL_RESPONSE = "Fortroligt høringssvar fra Politiet"


def _at(day, hour=16):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def make_cycle(municipality):
    from actionplans.models import (
        Action,
        ActionPlan,
        FollowUpRound,
        Indicator,
        Measurement,
        StatusUpdate,
    )
    from councils.models import AgendaItem, Case, Council, Meeting
    from hearings.models import Hearing, Remark, Responder, Response
    from policies.models import Commitment, FocusArea, Goal, Policy, PolicyTransition, Section

    council = Council.objects.create(
        municipality=municipality,
        name="Integrationsrådet",
        slug="integrationsraadet",
        kind=Council.Kind.ADVISORY_COUNCIL,
    )
    old = Policy.objects.create(
        municipality=municipality,
        title="Integrationspolitik 2012-2015",
        slug="integrationspolitik-2012-2015",
        period_start=2012,
        period_end=2015,
        state=Policy.State.SUPERSEDED,
    )
    policy = Policy.objects.create(
        municipality=municipality,
        kind=Policy.Kind.STRATEGY,
        title="Integrationsstrategi 2023-2026",
        slug="integrationsstrategi-2023-2026",
        subtitle="Forskellighed er en styrke",
        period_start=2023,
        period_end=2026,
        vision="Sammen kan vi mest.",
        introduction="<p>Strategien afløser politikken fra 2012.</p>",
        state=Policy.State.IN_FORCE,
        prepared_by=council,
        predecessor=old,
    )
    Section.objects.create(policy=policy, heading="Baggrund", body="<p>Tekst om baggrund.</p>")
    area = FocusArea.objects.create(policy=policy, title="Uddannelse og job", position=1)
    goal = Goal.objects.create(
        policy=policy, focus_area=area, number="1", title="Flere unge i uddannelse", position=1
    )
    Commitment.objects.create(goal=goal, text="Mentorordning for unge")

    meeting = Meeting.objects.create(
        council=council,
        starts_at=_at(datetime.date(2023, 4, 11)),
        location="Rådhuset",
        status=Meeting.Status.MINUTES_PUBLISHED,
    )
    case = Case.objects.create(municipality=municipality, number="23/100", title="Strategien")
    open_item = AgendaItem.objects.create(
        meeting=meeting,
        number=1,
        position=1,
        title="Godkendelse af integrationsstrategien",
        case=case,
        case_presentation="<p>Udkastet har været i høring.</p>",
        decision="<p>Godkendt med bemærkninger fra rådet.</p>",
        outcome=AgendaItem.Outcome.APPROVED_WITH_REMARKS,
    )
    closed_item = AgendaItem.objects.create(
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

    hearing = Hearing.objects.create(
        policy=policy,
        title="Høring om integrationsstrategien",
        opens_on=datetime.date(2023, 2, 15),
        closes_on=datetime.date(2023, 3, 31),
        state=Hearing.State.PROCESSED,
        citizens_may_answer=True,
    )
    citizen = Responder.objects.create(
        municipality=municipality,
        kind=Responder.Kind.CITIZEN,
        name="Hanne Hansen",
        email=CITIZEN_EMAIL,
        phone=CITIZEN_PHONE,
        address="Boulevarden 1, 9000 Aalborg",
    )
    response = Response.objects.create(
        hearing=hearing,
        responder=citizen,
        reference="H1-0001",
        received_on=datetime.date(2023, 3, 1),
        channel=Response.Channel.WEB,
        text=f"Flere lektiecaféer, tak. Skriv til mig på {CITIZEN_EMAIL}.",
        publication_consent=True,
    )
    Remark.objects.create(
        response=response,
        excerpt="Flere lektiecaféer",
        goal=goal,
        outcome=Remark.Outcome.TO_ACTION_PLANS,
        answer="Indgår i handleplanen for uddannelse.",
    )
    police = Responder.objects.create(
        municipality=municipality, kind=Responder.Kind.ORGANISATION, name="Nordjyllands Politi"
    )
    Response.objects.create(
        hearing=hearing,
        responder=police,
        reference="H1-0002",
        received_on=datetime.date(2023, 3, 2),
        channel=Response.Channel.EMAIL,
        text=CONFIDENTIAL_RESPONSE,
        confidential=True,
    )

    plan = ActionPlan.objects.create(
        policy=policy, title="Handleplan for uddannelse", state=ActionPlan.State.RUNNING
    )
    plan.goals.add(goal)
    action = Action.objects.create(
        plan=plan, goal=goal, title="Lektiecaféer i alle bydele", progress=40,
        status=Action.Status.ON_TRACK,
    )  # fmt: skip
    round = FollowUpRound.objects.create(
        policy=policy,
        name="2023 2. halvår",
        opens_on=datetime.date(2023, 11, 1),
        closes_on=datetime.date(2023, 12, 1),
        closed_at=_at(datetime.date(2023, 12, 2)),
        summary="Indsatsen er godt i gang.",
    )
    StatusUpdate.objects.create(
        action=action, round=round, date=datetime.date(2023, 11, 20),
        status=Action.Status.ON_TRACK, progress=40,
    )  # fmt: skip
    indicator = Indicator.objects.create(
        goal=goal,
        name="Andel unge i uddannelse",
        unit="%",
        baseline_value=Decimal("70"),
        baseline_date=datetime.date(2022, 12, 31),
        target_value=Decimal("80"),
        target_date=datetime.date(2026, 12, 31),
    )
    for year, value in ((2023, "72.5"), (2024, "75")):
        Measurement.objects.create(
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


def make_member(council, user):
    """Make ``user`` a current member of ``council``."""
    from councils.models import Membership, Person

    person = Person.objects.create(municipality=council.municipality, name=str(user), user=user)
    return Membership.objects.create(council=council, person=person)
