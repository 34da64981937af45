"""Demo action plans, rounds and indicators for Aalborg and Norddjurs. Idempotent.

What comes from the seed documents is real: Aalborg's three goals (000), the Integration
Council's working group and its budget request about MultiAalborg (001), Norddjurs'
"Status på implementering af integrationspolitikken 2021-2026" seen by
Arbejdsmarkedsudvalget on 14 September 2022 and by DFI on 15 March 2023 (002). Everything
else is invented to show the product and is marked: titles start with "[Demo]", and every
measured value has the source "Demodata (fiktive tal)".

Rounds for Aalborg: "2023 2. halvår" and "2024 1. halvår" are closed; "2026 2. halvår"
(2 November to 11 December 2026) is open, so that it is open on the demo day 23 November 2026.
Runs after councils.demo, policies.demo and hearings.demo; a missing policy, department or
council creates nothing for it.
"""

import datetime
from decimal import Decimal

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from actionplans.models import (
    Action,
    ActionPlan,
    FollowUpRound,
    Indicator,
    Measurement,
    StatusUpdate,
)
from core.models import Department, Municipality

DEMO = "[Demo] "
DEMO_SOURCE = "Demodata (fiktive tal)"
AALBORG_POLICY = "integrationsstrategi-2023-2026"
NORDDJURS_POLICY = "integrationspolitik-2021-2026"


def _aware(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


AALBORG_ROUNDS = [
    # name, opens_on, closes_on, closed on (None: open), summary
    (
        "2023 2. halvår",
        datetime.date(2024, 1, 8),
        datetime.date(2024, 1, 31),
        datetime.date(2024, 2, 1),
        DEMO + "Første opfølgning efter vedtagelsen. De fleste handlinger er sat i gang; "
        "fastholdelse af internationale studerende er forsinket.",
    ),
    (
        "2024 1. halvår",
        datetime.date(2024, 8, 1),
        datetime.date(2024, 8, 30),
        datetime.date(2024, 9, 2),
        DEMO + "Mangfoldighedsaftenen er gennemført. Kulturdialogforløbene er i risiko, "
        "fordi for få virksomheder har tilmeldt sig.",
    ),
    (
        "2026 2. halvår",
        datetime.date(2026, 11, 2),
        datetime.date(2026, 12, 11),
        None,
        "",
    ),
]

# (status, progress, note) per round, in the order of AALBORG_ROUNDS; None: not reported.
ON = "on_track"
AALBORG_PLANS = {
    "1": {
        "title": DEMO + "Handleplan for målsætning 1: uddannelse og beskæftigelse for unge",
        "department": "Job og Velfærd",
        "partners": "Børn og Unge, Uddannelsesrådet, Det Lokale Beskæftigelsesråd (demo)",
        "actions": [
            (
                DEMO + "Uddannelsesmentorer til unge med flerkulturel baggrund",
                "Job og Velfærd",
                2,
                datetime.date(2026, 6, 30),
                [(ON, 20, ""), (ON, 45, ""), (ON, 80, "")],
            ),
            (
                DEMO + "Brobygning fra 9. klasse til ungdomsuddannelse",
                "Børn og Unge",
                1,
                datetime.date(2025, 12, 31),
                [("not_started", 0, ""), (ON, 30, ""), ("done", 100, "")],
            ),
            (
                DEMO + "Fastholdelse af internationale studerende på det lokale arbejdsmarked",
                "Job- og Uddannelsesafdelingen",
                1,
                datetime.date(2026, 12, 31),
                [
                    ("off_track", 5, "Samarbejdsaftale med universitetet mangler (demo)."),
                    ("at_risk", 25, "Aftalen er på plads; rekruttering går langsomt (demo)."),
                    None,
                ],
            ),
        ],
        "indicators": [
            (
                DEMO + "Andel 25-årige med flerkulturel baggrund med kompetencegivende uddannelse",
                "%",
                Decimal("55"),
                Decimal("65"),
                True,
                [Decimal(v) for v in ("55.4", "56.1", "57.0", "57.8", "58.9", "59.6", "60.8")],
            ),
            (
                DEMO + "Ledighed blandt 18-29-årige med flerkulturel baggrund",
                "%",
                Decimal("9"),
                Decimal("6"),
                False,
                [Decimal(v) for v in ("8.9", "8.6", "8.8", "8.1", "7.7", "7.9", "7.4")],
            ),
        ],
    },
    "2": {
        "title": DEMO + "Handleplan for målsætning 2: kulturelt mangfoldige arbejdspladser",
        "department": "Job og Velfærd",
        "partners": "Mangfoldighedsudvalget, lokale virksomheder (demo)",
        "actions": [
            (
                DEMO + "Kulturdialog-forløb for private og offentlige arbejdspladser",
                "Job- og Integrationshuset",
                2,
                datetime.date(2026, 12, 31),
                [
                    (ON, 15, ""),
                    ("at_risk", 30, "For få virksomheder har tilmeldt sig (demo)."),
                    (ON, 60, ""),
                ],
            ),
            (
                DEMO + "Årlig integrationspris til afdelinger i Job og Velfærd",
                "Job og Velfærd",
                1,
                datetime.date(2026, 12, 31),
                [(ON, 25, ""), (ON, 50, ""), (ON, 75, "")],
            ),
            (
                DEMO + "Mangfoldighedsaften 7. september 2023 i Aalborg Zoo",
                "Job og Velfærd",
                1,
                datetime.date(2023, 9, 7),
                [("done", 100, ""), ("done", 100, ""), None],
            ),
        ],
        "indicators": [
            (
                DEMO + "Andel medarbejdere med flerkulturel baggrund i Job og Velfærd",
                "%",
                Decimal("8"),
                Decimal("12"),
                True,
                [Decimal(v) for v in ("8.1", "8.4", "8.9", "9.3", "9.2", "9.8", "10.3")],
            ),
        ],
    },
    "3": {
        "title": DEMO + "Handleplan for målsætning 3: nærmiljøer, foreninger og naboskaber",
        "department": "Sundhed og Kultur",
        "partners": "Folkeoplysningsudvalget, boligsociale helhedsplaner (demo)",
        "actions": [
            (
                DEMO + "Foreningsambassadører i boligområderne",
                "Sundhed og Kultur",
                2,
                datetime.date(2026, 6, 30),
                [(ON, 10, ""), (ON, 35, ""), ("at_risk", 55, "To ambassadører er stoppet (demo).")],
            ),
            (
                DEMO + "Helhedsplanen med fokus på beskæftigelse udvides til Aalborg SØ",
                "Job- og Integrationshuset",
                1,
                datetime.date(2025, 12, 31),
                [("not_started", 0, ""), (ON, 20, ""), (ON, 70, "")],
            ),
        ],
        "indicators": [
            (
                DEMO + "Andel borgere med flerkulturel baggrund, der er aktive i en forening",
                "%",
                Decimal("30"),
                Decimal("40"),
                True,
                [Decimal(v) for v in ("30.2", "31.0", "30.6", "32.4", "33.1", "33.0", "34.5")],
            ),
        ],
    },
}
MEASUREMENT_PERIODS = [
    (datetime.date(2023, 6, 30), "2023 1. halvår"),
    (datetime.date(2023, 12, 31), "2023 2. halvår"),
    (datetime.date(2024, 6, 30), "2024 1. halvår"),
    (datetime.date(2024, 12, 31), "2024 2. halvår"),
    (datetime.date(2025, 6, 30), "2025 1. halvår"),
    (datetime.date(2025, 12, 31), "2025 2. halvår"),
    (datetime.date(2026, 6, 30), "2026 1. halvår"),
]

NORDDJURS_REPORT = "Status på implementering af integrationspolitikken 2021-2026"
NORDDJURS_SUMMARY = (
    "Integrationsindsatsen er forankret bredt i organisationen. Målene for "
    "integrationsindsatsen indgår i den årlige beskæftigelsesplan, hvor der opfølges på "
    "målene to gange årligt. Arbejdsmarkedsudvalget godkendte den 14. september 2022 "
    "orientering om status på implementeringen af Integrationspolitik 2021-2026. Dialogforum "
    "for Integration drøftede status den 15. marts 2023 (sag 22/740), godkendte punktet og "
    "anbefalede en status til Børne- og Ungdomsudvalget for indsatsområdet Børn og Familier "
    "som trives, punkt a) til f)."
)
NORDDJURS_ROUNDS = [
    (
        "2022 1. halvår",
        datetime.date(2022, 6, 1),
        datetime.date(2022, 8, 15),
        datetime.date(2022, 8, 31),
        NORDDJURS_REPORT,
        NORDDJURS_SUMMARY,
    ),
    (
        "2022 2. halvår",
        datetime.date(2022, 12, 1),
        datetime.date(2023, 1, 31),
        datetime.date(2023, 2, 15),
        "",
        DEMO + "Opfølgning på integrationsmålene i beskæftigelsesplanen.",
    ),
    (
        "2023 1. halvår",
        datetime.date(2023, 6, 1),
        datetime.date(2023, 8, 15),
        datetime.date(2023, 8, 31),
        "",
        DEMO + "Opfølgning på integrationsmålene i beskæftigelsesplanen.",
    ),
]


def load(stdout):
    aalborg = _aalborg()
    norddjurs = _norddjurs()
    done = [name for name, ok in (("Aalborg", aalborg), ("Norddjurs", norddjurs)) if ok]
    if done:
        stdout.write("Handleplaner, opfølgningsrunder og indikatorer: " + ", ".join(done))
    else:
        stdout.write("Handleplaner: ingen demo (politikkerne findes ikke endnu)")


def _policy(municipality_slug, policy_slug):
    from policies.models import Policy

    return (
        Policy.objects.filter(municipality__slug=municipality_slug, slug=policy_slug)
        .select_related("municipality")
        .first()
    )


def _department(municipality, name):
    return Department.objects.filter(municipality=municipality, name=name).first()


def _rounds(policy, rows):
    rounds = []
    for name, opens_on, closes_on, closed_on, *rest in rows:
        report_title, summary = rest if len(rest) == 2 else ("", rest[0])
        round, created = FollowUpRound.objects.get_or_create(
            policy=policy,
            name=name,
            defaults={
                "opens_on": opens_on,
                "closes_on": closes_on,
                "report_title": report_title,
                "summary": summary,
            },
        )
        rounds.append((round, created, closed_on))
    return rounds


def _close(rounds):
    # Closed after their updates are in, backdated to when the round really closed.
    for round, _created, closed_on in rounds:
        if closed_on and not round.is_closed:
            round.closed_at = _aware(closed_on)
            round.save(update_fields=["closed_at"])


def _record(action, rounds, history):
    for (round, _created, _closed_on), entry in zip(rounds, history, strict=False):
        if entry is None or round.is_closed:
            continue  # a closed round is never touched again, not even by the demo
        status, progress, note = entry
        day = min(round.closes_on, round.opens_on + datetime.timedelta(days=10))
        StatusUpdate.objects.get_or_create(
            action=action,
            round=round,
            defaults={"status": status, "progress": progress, "note": note, "date": day},
        )
    latest = action.updates.order_by("-date", "-id").first()
    if latest and (action.status, action.progress) != (latest.status, latest.progress):
        action.status, action.progress = latest.status, latest.progress
        action.save(update_fields=["status", "progress"])


def _aalborg():
    policy = _policy("aalborg", AALBORG_POLICY)
    if policy is None:
        return False
    municipality = policy.municipality
    goals = {goal.number.strip().rstrip("."): goal for goal in policy.goals.all()}
    rounds = _rounds(policy, AALBORG_ROUNDS)
    for number, spec in AALBORG_PLANS.items():
        goal = goals.get(number)
        if goal is None:
            continue
        plan, _ = ActionPlan.objects.get_or_create(
            policy=policy,
            title=spec["title"],
            defaults={
                "department": _department(municipality, spec["department"]),
                "partners": spec["partners"],
                "period_start": datetime.date(2023, 7, 1),
                "period_end": datetime.date(2026, 12, 31),
                "state": ActionPlan.State.RUNNING,
            },
        )
        plan.goals.add(goal)
        for title, department, weight, due, history in spec["actions"]:
            action, _ = Action.objects.get_or_create(
                plan=plan,
                title=title,
                defaults={
                    "goal": goal,
                    "description": "Demodata: en tænkt handling, der viser, hvordan "
                    "målsætningen kan følges op.",
                    "owner_department": _department(municipality, department),
                    "start_date": datetime.date(2023, 7, 1),
                    "due_date": due,
                    "weight": weight,
                },
            )
            _record(action, rounds, history)
        for name, unit, baseline, target, higher, values in spec["indicators"]:
            _indicator(goal, name, unit, baseline, target, higher, values)
        if number == "3":
            _budget_request(policy, plan, goal, rounds)
    _close(rounds)
    return True


def _indicator(goal, name, unit, baseline, target, higher, values):
    indicator, _ = Indicator.objects.get_or_create(
        goal=goal,
        name=name,
        defaults={
            "unit": unit,
            "baseline_value": baseline,
            "baseline_date": datetime.date(2022, 12, 31),
            "target_value": target,
            "target_date": datetime.date(2026, 12, 31),
            "higher_is_better": higher,
            "data_source": DEMO_SOURCE,
        },
    )
    for (period, label), value in zip(MEASUREMENT_PERIODS, values, strict=True):
        Measurement.objects.get_or_create(
            indicator=indicator,
            period=period,
            defaults={"period_label": label, "value": value, "source": DEMO_SOURCE},
        )


def _budget_request(policy, plan, goal, rounds):
    """The Integration Council's working group and its budget request (11 April 2023)."""
    from councils.models import FollowUp

    follow_up = (
        FollowUp.objects.filter(item__meeting__council__municipality=policy.municipality)
        .filter(Q(title__icontains="budgetønske") | Q(task__icontains="budgetønske"))
        .filter(item__meeting__starts_at__date=datetime.date(2023, 4, 11))
        .first()
    )
    members = list(follow_up.members.all()) if follow_up else []
    owner = next((p for p in members if "Jurowetzki" in p.name), members[0] if members else None)
    action, _ = Action.objects.get_or_create(
        plan=plan,
        title="Budgetønske: finansiering af opfølgning på MultiAalborg-projektet",
        defaults={
            "goal": goal,
            "description": (
                "Integrationsrådet vedtog den 11. april 2023 at indsende et budgetønske vedr. "
                "finansiering af opfølgning på MultiAalborg-projektet. Arbejdsgruppe: Roman "
                "Jurowetzki og Hirou Bayazidi; sekretariatsbistand: Denise Bakholm og Rikke "
                "Ishøy. Ønsker til budgettet skulle fremsendes primo maj 2023. "
                "Status og fremdrift her er demodata."
            ),
            "owner_department": _department(policy.municipality, "Job og Velfærd"),
            "owner_person": owner,
            "start_date": datetime.date(2023, 4, 11),
            "due_date": datetime.date(2023, 5, 5),
            "is_budget_request": True,
            "source_follow_up": follow_up,
        },
    )
    if follow_up and action.source_follow_up_id is None:
        action.source_follow_up = follow_up
        action.owner_person = action.owner_person or owner
        action.save(update_fields=["source_follow_up", "owner_person"])
    _record(action, rounds, [("done", 100, ""), ("done", 100, ""), None])


def _norddjurs():
    policy = _policy("norddjurs", NORDDJURS_POLICY)
    if policy is None:
        return False
    rounds = _rounds(policy, NORDDJURS_ROUNDS)
    report_round = rounds[0][0]
    _link_agenda_items(policy, report_round)
    goals = list(policy.goals.all()[:5])
    if goals:
        plan, _ = ActionPlan.objects.get_or_create(
            policy=policy,
            title=DEMO + "Integrationsmålene i den årlige beskæftigelsesplan",
            defaults={
                "department": _department(policy.municipality, "Arbejdsmarked"),
                "partners": "Dialogforum for Integration (demo)",
                "period_start": datetime.date(2021, 1, 1),
                "period_end": datetime.date(2026, 12, 31),
                "state": ActionPlan.State.RUNNING,
            },
        )
        plan.goals.add(*goals)
        for index, goal in enumerate(goals):
            action, _ = Action.objects.get_or_create(
                plan=plan,
                title=DEMO + f"Opfølgning på målsætning {goal.number or index + 1}",
                defaults={
                    "goal": goal,
                    "description": "Demodata: opfølgning to gange årligt i beskæftigelsesplanen.",
                    "owner_department": _department(policy.municipality, "Arbejdsmarked"),
                },
            )
            progress = 20 + 15 * (index % 3)
            history = [
                (ON, progress, ""),
                (ON, progress + 15, "")
                if index % 3
                else ("at_risk", progress + 5, "Målet er ikke nået endnu (demo)."),
                (ON, progress + 30, ""),
            ]
            _record(action, rounds, history)
    _close(rounds)
    return True


def _link_agenda_items(policy, round):
    """The meetings that saw the status report: AMU 14.09.2022 and DFI 15.03.2023 (22/740)."""
    from councils.models import AgendaItem

    items = AgendaItem.objects.filter(meeting__council__municipality=policy.municipality).filter(
        Q(case__number="22/740")
        | Q(
            meeting__starts_at__date=datetime.date(2022, 9, 14),
            title__icontains="integrationspolitik",
        )
    )
    if items.exists():
        round.agenda_items.add(*items)


def public_urls():
    """Public pages the demo fills, for the browser accessibility test."""
    urls = []
    for municipality in Municipality.objects.filter(slug__in=["aalborg", "norddjurs"]):
        urls.append(reverse("actionplans:index", args=[municipality.slug]))
    for municipality_slug, policy_slug in (
        ("aalborg", AALBORG_POLICY),
        ("norddjurs", NORDDJURS_POLICY),
    ):
        policy = _policy(municipality_slug, policy_slug)
        if policy is None:
            continue
        round = policy.follow_up_rounds.closed().order_by("opens_on").first()
        if round or policy.action_plans.exclude(state=ActionPlan.State.DRAFT).exists():
            urls.append(reverse("actionplans:dashboard", args=[municipality_slug, policy_slug]))
        if round:
            urls.append(round.get_absolute_url())
    return urls
