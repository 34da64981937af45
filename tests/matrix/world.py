"""The matrix's world, made with the apps' factories: two municipalities, three councils, a
policy in force and its draft successor, a meeting with a closed item, a processed hearing with
a public, a withheld and a confidential response, an action plan with a closed round, and a
report version of each kind for each audience (rendered to PDF by the in-process worker).

Every confidential field holds its marker from ``tests.matrix.markers``.
"""

import datetime
from types import SimpleNamespace

from django.test import Client, TestCase
from django.utils import timezone

from actionplans.models import ActionPlan
from actionplans.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    FollowUpRoundFactory,
    StatusUpdateFactory,
)
from core.tests.factories import DepartmentFactory, EditorFactory, MunicipalityFactory
from councils.models import AgendaItem, Council, Meeting, MinutesCorrection
from councils.tests.factories import (
    AgendaItemFactory,
    AttachmentFactory,
    CaseFactory,
    CouncilFactory,
    FollowUpFactory,
    ItemGuestFactory,
    MeetingFactory,
    PersonFactory,
    member_user,
)
from hearings.models import Hearing, InternalNote, Remark, Responder
from hearings.tests.factories import (
    HearingFactory,
    PolicyVersionFactory,
    RemarkFactory,
    ResponderFactory,
    ResponseAttachmentFactory,
    ResponseFactory,
)
from policies.models import Policy, PolicyTransition
from policies.selectors import snapshot_policy
from policies.tests.factories import GoalFactory, PolicyFactory
from reports import services as reports
from reports.models import ReportVersion
from tests.matrix.markers import BY_NAME, TAG

M = {name: marker.text for name, marker in BY_NAME.items()}
CASE_NUMBER = BY_NAME["closed_case_number"].text
A = ReportVersion.Audience


def _at(day, hour=16):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def build():
    aalborg = MunicipalityFactory(name="Aalborg", slug="aalborg")
    norddjurs = MunicipalityFactory(name="Norddjurs", slug="norddjurs")
    council = CouncilFactory(
        municipality=aalborg,
        name="Integrationsrådet",
        slug="integrationsraadet",
        kind=Council.Kind.ADVISORY_COUNCIL,
    )
    other_council = CouncilFactory(municipality=aalborg, name="Seniorrådet", slug="seniorraadet")
    norddjurs_council = CouncilFactory(
        municipality=norddjurs, name="Dialogforum", slug="dialogforum"
    )
    users = {
        "anonymous": None,
        "member": member_user(council),
        "member_other_council": member_user(other_council),
        "member_norddjurs": member_user(norddjurs_council),
        "editor": EditorFactory(municipality=aalborg),
        "editor_norddjurs": EditorFactory(municipality=norddjurs),
    }

    policy = PolicyFactory(
        municipality=aalborg,
        kind=Policy.Kind.STRATEGY,
        title=M["policy_published"],
        slug="integrationsstrategi",
        state=Policy.State.IN_FORCE,
        prepared_by=council,
    )
    goal = GoalFactory(policy=policy, number="1", title="Flere unge i uddannelse")
    draft = PolicyFactory(
        municipality=aalborg, title=M["policy_draft"], slug="udkast", predecessor=policy
    )
    PolicyVersionFactory(
        policy=draft, number=1, label="Arbejdsudkast", snapshot=snapshot_policy(draft)
    )
    norddjurs_draft = PolicyFactory(
        municipality=norddjurs, title=M["norddjurs_draft"], slug="udkast-norddjurs"
    )

    meeting, closed, closed_follow_up = _meeting(aalborg, council, policy, users["editor"])
    held_meeting = MeetingFactory(
        council=council, starts_at=_at(datetime.date(2023, 6, 20)), status=Meeting.Status.HELD
    )
    policy.agenda_items.add(
        AgendaItemFactory(
            meeting=held_meeting,
            number=1,
            title="Handleplanen for uddannelse",
            decision=f"<p>{M['draft_decision']}</p>",
        )
    )
    draft_meeting = MeetingFactory(
        council=council,
        starts_at=timezone.now() + datetime.timedelta(days=30),
        status=Meeting.Status.PLANNED,
    )
    AgendaItemFactory(meeting=draft_meeting, number=1, title=M["agenda_draft"])

    hearing, remarks = _hearing(aalborg, policy, goal)
    InternalNote.objects.create(remark=remarks[0], author=users["member"], text=M["internal_note"])
    planned = HearingFactory(
        policy=policy,
        title=M["planned_hearing"],
        state=Hearing.State.PLANNED,
        opens_on=timezone.localdate() + datetime.timedelta(days=40),
        closes_on=timezone.localdate() + datetime.timedelta(days=70),
    )

    department = DepartmentFactory(municipality=aalborg, name="Job og Velfærd")
    plan = ActionPlanFactory(policy=policy, title="Handleplan for uddannelse", goals=[goal])
    action = ActionFactory(
        plan=plan,
        goal=goal,
        title="Lektiecaféer i alle bydele",
        owner_department=department,
        source_follow_up=closed_follow_up,
    )
    action.from_remarks.set(remarks)
    ActionPlanFactory(
        policy=policy, title=M["draft_action_plan"], state=ActionPlan.State.DRAFT, goals=[goal]
    )
    round = FollowUpRoundFactory(
        policy=policy,
        name="2023 2. halvår",
        opens_on=datetime.date(2023, 11, 1),
        closes_on=datetime.date(2023, 12, 1),
        closed_at=_at(datetime.date(2023, 12, 2)),
        summary="Indsatsen er godt i gang.",
    )
    round.agenda_items.set([closed, *meeting.items.exclude(pk=closed.pk)])
    StatusUpdateFactory(action=action, round=round, date=datetime.date(2023, 11, 20))
    FollowUpRoundFactory(
        policy=policy,
        name="2024 1. halvår",
        opens_on=datetime.date(2024, 5, 1),
        closes_on=datetime.date(2024, 6, 30),
        summary=M["draft_round_summary"],
    )

    world = SimpleNamespace(
        aalborg=aalborg,
        norddjurs=norddjurs,
        council=council,
        other_council=other_council,
        users=users,
        policy=policy,
        draft=draft,
        norddjurs_draft=norddjurs_draft,
        meeting=meeting,
        draft_meeting=draft_meeting,
        held_meeting=held_meeting,
        closed=closed,
        open_item=meeting.items.get(number=1),
        closed_attachment=closed.attachments.get(),
        open_attachment=meeting.items.get(number=1).attachments.get(is_closed=False),
        hearing=hearing,
        planned=planned,
        remarks=remarks,
        round=round,
    )
    world.public_response = remarks[0].response
    world.confidential_response = remarks[1].response
    world.confidential_attachment = world.confidential_response.attachments.get()
    world.public_attachment = world.public_response.attachments.get()
    world.versions = _versions(world)
    world.clients = {reader: _client(user) for reader, user in users.items()}
    return world


def _meeting(aalborg, council, policy, editor):
    meeting = MeetingFactory(
        council=council,
        starts_at=_at(datetime.date(2023, 4, 11)),
        location="Rådhuset",
        status=Meeting.Status.MINUTES_PUBLISHED,
        minutes_published_at=_at(datetime.date(2023, 4, 20)),
    )
    open_item = AgendaItemFactory(
        meeting=meeting,
        number=1,
        position=1,
        title=M["open_item"],
        decision="<p>Godkendt med rådets bemærkninger.</p>",
        outcome=AgendaItem.Outcome.APPROVED_WITH_REMARKS,
    )
    AttachmentFactory(
        item=open_item,
        number=1,
        title="Strategiens høringsudkast",
        file__data=M["open_file"].encode(),
    )
    AttachmentFactory(
        item=open_item, number=2, title=M["closed_attachment_open_item"], is_closed=True
    )
    closed = AgendaItemFactory(
        meeting=meeting,
        number=2,
        position=2,
        title=M["closed_title"],
        is_closed=True,
        public_title=M["closed_public_title"],
        public_decision=M["closed_public_decision"],
        case=CaseFactory(municipality=aalborg, number=CASE_NUMBER, title=M["closed_case_title"]),
        case_presentation=f"<p>{M['closed_presentation']}</p>",
        recommendation=f"<p>{M['closed_recommendation']}</p>",
        decision=f"<p>{M['closed_decision']}</p>",
        outcome=AgendaItem.Outcome.REJECTED,
    )
    ItemGuestFactory(
        item=closed,
        person=PersonFactory(municipality=aalborg, name=M["closed_guest"]),
        capacity="konsulent",
    )
    AttachmentFactory(
        item=closed,
        number=1,
        title=M["closed_attachment"],
        journal_number=M["closed_journal"],
        file__data=M["closed_file"].encode(),
    )
    follow_up = FollowUpFactory(item=closed, title=M["closed_follow_up"])
    MinutesCorrection.objects.create(
        item=closed, made_by=editor, reason=M["closed_correction"], field="decision"
    )
    AgendaItemFactory(
        meeting=meeting,
        number=3,
        position=3,
        title=f"ANDET-PUNKT-{TAG}",
        outcome=AgendaItem.Outcome.APPROVED,
    )
    policy.agenda_items.add(open_item, closed)
    PolicyTransition.objects.create(
        policy=policy,
        from_state=Policy.State.ADOPTED,
        to_state=Policy.State.IN_FORCE,
        decided_on=datetime.date(2023, 4, 11),
        agenda_item=closed,
    )
    return meeting, closed, follow_up


def _hearing(aalborg, policy, goal):
    hearing = HearingFactory(
        policy=policy,
        title="Høring om integrationsstrategien",
        state=Hearing.State.PROCESSED,
    )
    public = ResponseFactory(
        hearing=hearing,
        responder=ResponderFactory(
            municipality=aalborg, name=M["public_sender"], email=M["responder_email"]
        ),
        text=(
            f"{M['public_response']}: flere lektiecaféer, tak. Ring til mig på {M['phone']} "
            f"eller skriv til {M['email']}."
        ),
        publication_consent=True,
    )
    ResponseAttachmentFactory(response=public, original_name="offentligt-bilag.pdf")
    confidential = ResponseFactory(
        hearing=hearing,
        responder=ResponderFactory(municipality=aalborg, name=M["confidential_sender"]),
        text=f"{M['confidential_response']}: om en enkelt familie.",
        confidential=True,
    )
    ResponseAttachmentFactory(
        response=confidential,
        original_name=f"{M['confidential_attachment']}.pdf",
        file__data=M["confidential_file"].encode(),
    )
    withheld = ResponseFactory(
        hearing=hearing,
        responder=ResponderFactory(
            municipality=aalborg,
            kind=Responder.Kind.ORGANISATION,
            name="Jens Kontaktperson",
            organisation=M["withheld_sender"],
        ),
        text=f"{M['withheld_response']}: et udkast, vi ikke vil have offentliggjort endnu.",
        withheld=True,
    )
    unconsented = ResponseFactory(
        hearing=hearing,
        responder=ResponderFactory(municipality=aalborg, name=M["unconsented_sender"]),
        text=f"{M['unconsented_response']}: skriv ikke mit navn.",
        publication_consent=False,
    )
    remarks = [
        RemarkFactory(
            response=response,
            excerpt=excerpt,
            goal=goal,
            outcome=Remark.Outcome.TO_ACTION_PLANS,
            answer="Indgår i handleplanen for uddannelse.",
        )
        for response, excerpt in (
            (public, f"{M['public_response']} lektiecaféer ({M['phone']}, {M['email']})"),
            (confidential, f"{M['confidential_response']} om familien"),
            (withheld, f"{M['withheld_response']} om udkastet"),
            (unconsented, f"{M['unconsented_response']} om navnet"),
        )
    ]
    return hearing, remarks


def _versions(world):
    """A done version of each kind for each audience, as the secretariat orders them."""
    editor = world.users["editor"]
    orders = {
        ("cycle", A.PUBLIC): lambda: reports.report_request(
            policy=world.policy, audience=A.PUBLIC, user=editor
        ),
        ("cycle", "council"): lambda: reports.report_request(
            policy=world.policy, audience=A.COUNCIL, council=world.council, user=editor
        ),
        ("cycle", "other_council"): lambda: reports.report_request(
            policy=world.policy, audience=A.COUNCIL, council=world.other_council, user=editor
        ),
        ("cycle", A.SECRETARIAT): lambda: reports.report_request(
            policy=world.policy, audience=A.SECRETARIAT, user=editor
        ),
        ("minutes", A.PUBLIC): lambda: reports.minutes_request(
            meeting=world.meeting, audience=A.PUBLIC, user=editor
        ),
        ("minutes", "council"): lambda: reports.minutes_request(
            meeting=world.meeting, audience=A.COUNCIL, user=editor
        ),
        ("minutes", A.SECRETARIAT): lambda: reports.minutes_request(
            meeting=world.meeting, audience=A.SECRETARIAT, user=editor
        ),
        ("hearing", A.PUBLIC): lambda: reports.hearing_report_request(
            hearing=world.hearing, audience=A.PUBLIC, user=editor
        ),
        ("hearing", "council"): lambda: reports.hearing_report_request(
            hearing=world.hearing, audience=A.COUNCIL, council=world.council, user=editor
        ),
        ("hearing", A.SECRETARIAT): lambda: reports.hearing_report_request(
            hearing=world.hearing, audience=A.SECRETARIAT, user=editor
        ),
        ("cycle", "norddjurs_secretariat"): lambda: reports.report_request(
            policy=world.norddjurs_draft,
            audience=A.SECRETARIAT,
            user=world.users["editor_norddjurs"],
        ),
    }
    versions = {}
    for key, order in orders.items():
        # The job is sent on commit; the in-process worker renders it there and then.
        with TestCase.captureOnCommitCallbacks(execute=True):
            version = order()
        version.refresh_from_db()
        assert version.is_done, (key, version.state, version.error)
        versions[key] = version
    return versions


def _client(user):
    from accounts.tests.helpers import give_session_a_second_factor

    client = Client()
    if user is not None:
        # Signed in as staff are: password and second factor (the world outlives the
        # per-test fixture that adds the second factor to force_login).
        client.force_login(user)
        give_session_a_second_factor(client, user)
    return client
