"""Demo hearings.

1. Aalborg's hearing of the Integration Strategy 2023-2026 (seed 000): open 15 February -
   31 March 2023, the ten bodies the seed names, all of which answered. The seeds hold no
   response texts: every text below is written for the demo, starts with "[Demotekst]" and
   the rows carry ``is_demo``. The remarks asking for "offentlige som private" (goal 2) and
   "gode naboskaber" (goal 3) are the two changes between the demo's hearing draft and the
   approved text (see policies/demo.py). Acknowledgements follow the Integration Council's
   decision of 11 April 2023 (seed 001).
2. A fictitious open hearing on Norddjurs' Integration Policy 2021-2026 that citizens may
   answer, so the form can be tried in the browser. Marked as demo in title, text and data.

Runs after councils.demo and policies.demo; idempotent; creates nothing it cannot anchor.
"""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.models import Municipality
from councils.models import Council
from hearings import services
from hearings.models import Acknowledgement, ConsultedParty, Hearing, Remark, Theme
from policies.models import Policy

DEMO = "[Demotekst] "
STRATEGY_SLUG = "integrationsstrategi-2023-2026"
NORDDJURS_SLUG = "integrationspolitik-2021-2026"
DEMO_OPEN_TITLE = "DEMO: Høring om Integrationspolitik 2021-2026 (fiktiv)"

# Seniorrådet: ældrerådsloven (lov om ældreråd) § 1 – høring om alle forslag, der vedrører
# ældre. Handicaprådet: retssikkerhedsloven § 37 a (the brief's 'serviceloven' is the
# customary reference) – høring om initiativer af betydning for mennesker med handicap.
REQUIRED_BY_LAW = {
    "Seniorrådet": "ældrerådsloven",
    "Handicaprådet": "retssikkerhedsloven § 37 a",
}

# Seed 000 spells the council "Udsatterrådet" (the council's own name is Udsatterådet);
# the demo keeps the seed's spelling but finds either.
SPELLINGS = {"Udsatterrådet": ["Udsatterrådet", "Udsatterådet"]}

THEMES = ["Uddannelse", "Beskæftigelse", "Foreningsliv", "Sprog", "Samarbejde", "Ældre"]

# (body, received, summary, [(goal index 0-2 or None, stance, excerpt, outcome, answer,
#   reason, themes)])
NOTED = Remark.Outcome.NOTED
ACTION = Remark.Outcome.TO_ACTION_PLANS
CHANGE = Remark.Outcome.CHANGES_TEXT
NOT_TAKEN = Remark.Outcome.NOT_TAKEN_UP

RESPONSES = [
    (
        "Børne- og Undervisningsudvalget",
        datetime.date(2023, 3, 14),
        "Støtter målsætning 1; ønsker fokus på overgangen fra grundskole til uddannelse.",
        [
            (
                0,
                "supports",
                "Udvalget bakker op om, at flere unge med flerkulturel baggrund "
                "skal gennemføre en kompetencegivende uddannelse.",
                NOTED,
                "Integrationsrådet takker for opbakningen.",
                "",
                ["Uddannelse"],
            ),
            (
                0,
                "mixed",
                "Overgangen fra 9. klasse til ungdomsuddannelse bør have særlig "
                "opmærksomhed, herunder brobygning og mentorordninger.",
                ACTION,
                "Overgangen fra grundskole til ungdomsuddannelse tages op i handleplanen for "
                "målsætning 1 i samarbejde med Børn og Unge.",
                "",
                ["Uddannelse", "Samarbejde"],
            ),
        ],
    ),
    (
        "Senior- og Omsorgsudvalget",
        datetime.date(2023, 3, 20),
        "Savner ældre borgere med flerkulturel baggrund i strategien.",
        [
            (
                2,
                "mixed",
                "Ældre borgere med flerkulturel baggrund nævnes ikke. Udvalget "
                "foreslår en selvstændig målsætning om ældre.",
                NOT_TAKEN,
                "Ældre borgere er omfattet af målsætning 3 om inkluderende nærmiljøer.",
                "Strategien samler indsatsen i tre målsætninger; en fjerde målsætning vil sprede "
                "indsatsen. Ældre indgår i handleplanen for målsætning 3.",
                ["Ældre"],
            ),
        ],
    ),
    (
        "Sundheds- og Kulturudvalget",
        datetime.date(2023, 3, 22),
        "Foreslår kulturinstitutionerne som mødesteder.",
        [
            (
                2,
                "supports",
                "Biblioteker og kulturhuse kan være mødesteder for borgere på "
                "tværs af baggrund og bør nævnes i arbejdet med nærmiljøerne.",
                ACTION,
                "Bibliotekerne og kulturhusene inddrages i handleplanen for målsætning 3.",
                "",
                ["Foreningsliv", "Samarbejde"],
            ),
        ],
    ),
    (
        "Mangfoldighedsudvalget",
        datetime.date(2023, 3, 24),
        "Ønsker, at målsætning 2 nævner både offentlige og private arbejdspladser.",
        [
            (
                1,
                "mixed",
                "Målsætning 2 bør gælde både offentlige og private arbejdspladser, "
                "så kommunen går forrest som arbejdsgiver.",
                CHANGE,
                "Målsætning 2 er ændret, så den nu lyder '... kulturelt mangfoldige "
                "arbejdspladser, offentlige som private, i Aalborg Kommune'.",
                "",
                ["Beskæftigelse"],
            ),
            (
                None,
                "supports",
                "Udvalget støtter visionen 'Sammen kan vi mest'.",
                NOTED,
                "Integrationsrådet takker for opbakningen til visionen.",
                "",
                [],
            ),
        ],
    ),
    (
        "Det Lokale Beskæftigelsesråd",
        datetime.date(2023, 3, 27),
        "Vil inddrage virksomhederne i kulturdialogen.",
        [
            (
                1,
                "supports",
                "Virksomhederne og deres organisationer bør inddrages direkte i "
                "kulturdialogen, fx gennem virksomhedsnetværk.",
                ACTION,
                "Virksomhedsnetværk indgår i handleplanen for målsætning 2.",
                "",
                ["Beskæftigelse", "Samarbejde"],
            ),
            (
                1,
                "unclear",
                "Rådet ønsker konkrete måltal for beskæftigelsen i strategien.",
                NOT_TAKEN,
                "Strategien fastsætter ikke måltal.",
                "Måltal hører til handleplanerne og evalueringsparametrene, ikke til strategien.",
                ["Beskæftigelse"],
            ),
        ],
    ),
    (
        "Uddannelsesrådet",
        datetime.date(2023, 3, 28),
        "Peger på sammenhængen med Uddannelsesstrategien 2023-2026.",
        [
            (
                0,
                "supports",
                "Integrationsstrategien hænger godt sammen med udkastet til "
                "Uddannelsesstrategien 2023-2026, særligt om gode overgange.",
                NOTED,
                "Integrationsrådet er enigt og har drøftet Uddannelsesstrategien den "
                "11. april 2023.",
                "",
                ["Uddannelse"],
            ),
        ],
    ),
    (
        "Handicaprådet",
        datetime.date(2023, 3, 29),
        "Ønsker opmærksomhed på borgere med handicap og flerkulturel baggrund.",
        [
            (
                2,
                "mixed",
                "Borgere med handicap og flerkulturel baggrund kan have svært ved at "
                "finde vej til foreningslivet. Tilgængelighed bør indgå.",
                ACTION,
                "Tilgængelighed for borgere med handicap indgår i handleplanen for målsætning 3.",
                "",
                ["Foreningsliv"],
            ),
        ],
    ),
    (
        "Udsatterrådet",
        datetime.date(2023, 3, 30),
        "Ønsker naboskaber nævnt i målsætning 3.",
        [
            (
                2,
                "mixed",
                "Målsætning 3 bør nævne gode naboskaber, som er afgørende for "
                "udsatte borgere i boligområderne.",
                CHANGE,
                "Målsætning 3 er ændret, så gode naboskaber nu er nævnt.",
                "",
                ["Samarbejde"],
            ),
        ],
    ),
    (
        "Seniorrådet",
        datetime.date(2023, 3, 30),
        "Støtter strategien og tilbyder samarbejde om ældre.",
        [
            (
                2,
                "supports",
                "Seniorrådet tilbyder at bidrage til arbejdet med inkluderende "
                "nærmiljøer for ældre borgere med flerkulturel baggrund.",
                ACTION,
                "Seniorrådet inviteres med i arbejdet med handleplanen for målsætning 3.",
                "",
                ["Ældre", "Samarbejde"],
            ),
        ],
    ),
    (
        "Folkeoplysningsudvalget",
        datetime.date(2023, 3, 31),
        "Foreningerne er klar til at bidrage, men ønsker ressourcer.",
        [
            (
                2,
                "supports",
                "De lokale foreninger er en central vej til integration, og "
                "udvalget bakker op om målsætning 3.",
                NOTED,
                "Integrationsrådet takker for opbakningen.",
                "",
                ["Foreningsliv"],
            ),
            (
                2,
                "opposes",
                "Foreningerne kan ikke løfte opgaven uden ekstra tilskud; "
                "strategien bør afsætte midler.",
                NOT_TAKEN,
                "Strategien afsætter ikke midler.",
                "Bevillinger besluttes i budgetprocessen. Integrationsrådet kan fremsende "
                "budgetønsker, som det skete for MultiAalborg den 11. april 2023.",
                ["Foreningsliv"],
            ),
        ],
    ),
]

ACKNOWLEDGEMENT_TEXT = (
    DEMO + "Tak for jeres høringssvar til Aalborg Kommunes Integrationsstrategi 2023-2026. "
    "Integrationsrådet behandlede høringssvarene den 11. april 2023 og godkendte strategien "
    "med enkelte ændringer. Flere bemærkninger indgår i arbejdet med handleplanerne, som "
    "rådet begynder på til mødet den 20. juni 2023."
)


def _council(municipality, name):
    for spelling in SPELLINGS.get(name, [name]):
        council = Council.objects.filter(municipality=municipality, name=spelling).first()
        if council is not None:
            return council
    return None


def _party(municipality, name):
    council = _council(municipality, name)
    party, _created = ConsultedParty.objects.update_or_create(
        municipality=municipality,
        name=name,
        defaults={
            "kind": ConsultedParty.Kind.COUNCIL if council else ConsultedParty.Kind.ORGANISATION,
            "council": council,
            "required_by_law": name in REQUIRED_BY_LAW,
            "legal_basis": REQUIRED_BY_LAW.get(name, ""),
        },
    )
    return party


def _anchor(version, goal):
    """The goal's anchor on the version's reading page (maal-2 …)."""
    try:
        from policies.snapshots import anchored
    except ImportError:
        return f"maal-{goal.number}"
    if version is None:
        return f"maal-{goal.number}"
    data = anchored(version.snapshot)
    goals = list(data.get("goals", []))
    for area in data.get("focus_areas", []):
        goals.extend(area.get("goals", []))
    for item in goals:
        if item.get("key") == f"goal-{goal.pk}":
            return item.get("anchor", "")
    return f"maal-{goal.number}"


def _load_aalborg():
    aalborg = Municipality.objects.filter(slug="aalborg").first()
    policy = Policy.objects.filter(municipality=aalborg, slug=STRATEGY_SLUG).first()
    if aalborg is None or policy is None:
        return None
    draft = policy.versions.filter(label__startswith="Høringsudkast").order_by("number").first()
    if draft is None:
        return None
    parties = [_party(aalborg, name) for name, *_rest in RESPONSES]
    themes = {
        name: Theme.objects.get_or_create(municipality=aalborg, name=name)[0] for name in THEMES
    }
    existing = Hearing.objects.filter(policy=policy, version=draft).first()
    if existing is not None:
        return existing
    adopted = policy.versions.filter(label="Vedtaget").order_by("-number").first()
    goals = list(policy.goals.order_by("position", "id"))
    hearing = services.hearing_create(
        policy=policy,
        version=draft,
        title="Høring om Aalborg Kommunes Integrationsstrategi 2023-2026",
        intro="<p>Høringsudkast til Aalborg Kommunes Integrationsstrategi 2023-2026 er i "
        "direkte høring hos de politiske udvalg og råd. Integrationsrådet beder især om "
        "bemærkninger til de tre målsætninger.</p>",
        opens_on=datetime.date(2023, 2, 15),
        closes_on=datetime.date(2023, 3, 31),
        citizens_may_answer=False,
        personal_data_delete_on=datetime.date(2023, 9, 30),
        parties=parties,
    )
    hearing = services.hearing_open(hearing=hearing, today=datetime.date(2023, 2, 15))
    acknowledged_at = timezone.make_aware(datetime.datetime(2023, 4, 17, 10, 0))
    for index, (_name, received_on, summary, remarks) in enumerate(RESPONSES):
        party = parties[index]
        response = services.response_register(
            hearing=hearing,
            responder=services.responder_for_party(party=party),
            received_on=received_on,
            channel="email",
            text=DEMO + " ".join(remark[2] for remark in remarks),
            summary=DEMO + summary,
            registered_by=None,
            is_demo=True,
        )
        for goal_index, stance, excerpt, outcome, answer, reason, theme_names in remarks:
            goal = goals[goal_index] if goal_index is not None and goal_index < len(goals) else None
            remark = services.remark_add(
                response=response,
                excerpt=DEMO + excerpt,
                stance=stance,
                goal=goal,
                themes=[themes[t] for t in theme_names],
            )
            services.remark_handle(
                remark=remark,
                outcome=outcome,
                answer=DEMO + answer,
                reason=DEMO + reason if reason else "",
                changed_version=adopted if outcome == CHANGE else None,
                changed_anchor=_anchor(adopted, goal) if outcome == CHANGE and goal else "",
                user=None,
            )
        Acknowledgement.objects.create(
            response=response,
            sent_at=acknowledged_at,
            channel=Acknowledgement.Channel.EMAIL,
            text=ACKNOWLEDGEMENT_TEXT,
        )
    hearing = services.hearing_close(hearing=hearing, today=datetime.date(2023, 4, 1))
    return services.hearing_mark_processed(hearing=hearing)


def _load_norddjurs_demo():
    norddjurs = Municipality.objects.filter(slug="norddjurs").first()
    policy = Policy.objects.filter(municipality=norddjurs, slug=NORDDJURS_SLUG).first()
    if norddjurs is None or policy is None:
        return None
    today = timezone.localdate()
    party = _party(norddjurs, "Dialogforum for Integration")
    hearing = Hearing.objects.filter(policy=policy, is_demo=True).first()
    values = {
        "title": DEMO_OPEN_TITLE,
        "intro": "<p><strong>Dette er en fiktiv demohøring.</strong> Den findes kun, så "
        "høringsformularen kan prøves. Svar sendt her behandles ikke af Norddjurs "
        "Kommune.</p>",
        "version": policy.versions.order_by("-number").first(),
        "opens_on": today - datetime.timedelta(days=7),
        "closes_on": today + datetime.timedelta(days=60),
        "personal_data_delete_on": today + datetime.timedelta(days=90),
        "citizens_may_answer": True,
        "state": Hearing.State.OPEN,
        "is_demo": True,
    }
    if hearing is None:
        hearing = Hearing(policy=policy)
    for field, value in values.items():
        setattr(hearing, field, value)
    hearing._change_reason = "Demodata"
    hearing.full_clean()
    hearing.save()
    hearing.parties.get_or_create(party=party)
    return hearing


@transaction.atomic
def load(stdout):
    aalborg = _load_aalborg()
    norddjurs = _load_norddjurs_demo()
    parts = []
    if aalborg is not None:
        parts.append(f"{aalborg.title} ({aalborg.responses.count()} svar)")
    if norddjurs is not None:
        parts.append(norddjurs.title)
    stdout.write("Høringer: " + (", ".join(parts) or "ingen (politikkerne mangler)"))


def public_urls():
    """Public paths of the demo hearings, for the browser accessibility test."""
    urls = [
        reverse("hearings:index", args=["aalborg"]),
        reverse("hearings:index", args=["norddjurs"]),
    ]
    for hearing in Hearing.objects.filter(
        policy__slug__in=[STRATEGY_SLUG, NORDDJURS_SLUG]
    ).select_related("policy__municipality"):
        slug = hearing.policy.municipality.slug
        urls.append(reverse("hearings:detail", args=[slug, hearing.pk]))
        if hearing.accepts_citizens():
            urls.append(reverse("hearings:respond", args=[slug, hearing.pk]))
        if hearing.report_public:
            urls.append(reverse("hearings:report", args=[slug, hearing.pk]))
    return urls
