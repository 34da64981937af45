"""The demo's landmarks, for tests and the browser checks: key rows and the public pages.

Everything is found through the data files, so a corrected file cannot leave a test
looking for a row that is no longer there.
"""

import datetime

from django.urls import reverse

from actionplans.models import ActionPlan
from core.models import Municipality
from councils.models import AgendaItem, Case, Council
from demo.loaders import actionplans, hearings
from demo.loaders._base import read
from demo.loaders.policies import POLICY_FILES
from hearings.models import Hearing
from policies.models import Policy

FICTIONAL = read("aalborg-integrationsraadet-fiktivt-moede.yaml")
# The confidential marker the public must never see.
FICTIONAL_CONFIDENTIAL = FICTIONAL["confidential"]
FICTIONAL_TITLE = FICTIONAL["closed_title"]
STRATEGY = read("aalborg-integrationsstrategi-2023-2026.yaml")


def strategy_draft_item():
    """Integrationsrådet, 11 April 2023, item 5: the strategy draft "approved with remarks"."""
    ref = next(step for step in STRATEGY["lifecycle"] if "agenda_item" in step["transition"])
    ref = ref["transition"]["agenda_item"]
    return AgendaItem.objects.get(
        meeting__council__municipality__slug=STRATEGY["municipality"],
        meeting__council__name=ref["council"],
        meeting__starts_at__date=ref["date"],
        number=ref["number"],
    )


def case_22_740():
    return Case.objects.get(municipality__slug="norddjurs", number="22/740")


def fictional_closed_item():
    return AgendaItem.objects.get(title=FICTIONAL_TITLE)


def council_urls():
    """Public paths of the demo's councils, meetings, items and case."""
    integration = Council.objects.get(municipality__slug="aalborg", slug="integrationsraadet")
    dfi = Council.objects.get(municipality__slug="norddjurs", slug="dialogforum-for-integration")
    strategy = strategy_draft_item()
    seed_meeting = strategy.meeting
    closed = fictional_closed_item()
    dfi_meeting = dfi.meetings.get(starts_at__date=datetime.date(2023, 3, 15))
    return [
        reverse("councils:index", args=["aalborg"]),
        reverse("councils:index", args=["norddjurs"]),
        integration.get_absolute_url(),
        dfi.get_absolute_url(),
        seed_meeting.get_absolute_url(),
        seed_meeting.items.get(number=3).get_absolute_url(),
        seed_meeting.items.get(number=4).get_absolute_url(),
        strategy.get_absolute_url(),
        closed.meeting.get_absolute_url(),
        closed.get_absolute_url(),
        dfi_meeting.get_absolute_url(),
        dfi_meeting.items.get(number=1).get_absolute_url(),
        case_22_740().get_absolute_url(),
    ]


def policy_urls():
    """Public paths of the demo's policy pages; the last is the strategy's comparison."""
    policies = [read(name) for name in POLICY_FILES]
    strategy = [STRATEGY["municipality"], STRATEGY["slug"]]
    return [
        reverse("policies:index", args=["aalborg"]),
        reverse("policies:index", args=["norddjurs"]),
        *(reverse("policies:detail", args=[p["municipality"], p["slug"]]) for p in policies),
        reverse("policies:version", args=[*strategy, 1]),
        reverse("policies:compare", args=strategy) + "?fra=1&til=2",
    ]


def hearing_urls():
    """Public paths of the demo hearings."""
    urls = [
        reverse("hearings:index", args=["aalborg"]),
        reverse("hearings:index", args=["norddjurs"]),
    ]
    refs = [read(name)["policy"] for name in (hearings.PROCESSED_FILE, hearings.OPEN_DEMO_FILE)]
    for hearing in Hearing.objects.filter(
        policy__slug__in=[ref["slug"] for ref in refs]
    ).select_related("policy__municipality"):
        slug = hearing.policy.municipality.slug
        urls.append(reverse("hearings:detail", args=[slug, hearing.pk]))
        if hearing.accepts_citizens():
            urls.append(reverse("hearings:respond", args=[slug, hearing.pk]))
        if hearing.report_public:
            urls.append(reverse("hearings:report", args=[slug, hearing.pk]))
    return urls


def actionplan_urls():
    """Public pages the action-plan demo fills (none before its municipalities exist)."""
    refs = [read(name)["policy"] for name in (actionplans.AALBORG_FILE, actionplans.NORDDJURS_FILE)]
    urls = [
        reverse("actionplans:index", args=[municipality.slug])
        for municipality in Municipality.objects.filter(
            slug__in=[ref["municipality"] for ref in refs]
        )
    ]
    for ref in refs:
        policy = Policy.objects.filter(
            municipality__slug=ref["municipality"], slug=ref["slug"]
        ).first()
        if policy is None:
            continue
        round = policy.follow_up_rounds.closed().order_by("opens_on").first()
        if round or policy.action_plans.exclude(state=ActionPlan.State.DRAFT).exists():
            urls.append(reverse("actionplans:dashboard", args=[ref["municipality"], ref["slug"]]))
        if round:
            urls.append(round.get_absolute_url())
    return urls


def public_urls():
    """Every public page the demo fills, for the accessibility checks."""
    return [*council_urls(), *policy_urls(), *hearing_urls(), *actionplan_urls()]
