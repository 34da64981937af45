"""The hearings: Aalborg's processed hearing of 2023 and Norddjurs' fictitious open one.

The first load walks Aalborg's hearing through the hearings services, as the secretariat
would; later loads find it by its draft and update its texts in place (responses by party,
remarks by position), so its ids and its trail stay.
"""

import datetime

from django.utils import timezone

from councils.models import Council
from demo.loaders._base import TZ, read, rich, save
from hearings import services
from hearings.models import Acknowledgement, ConsultedParty, Hearing, Theme
from policies.models import Policy
from policies.selectors import anchored

CHANGES_TEXT = "changes_text"
PROCESSED_FILE = "hearing-2023.yaml"
OPEN_DEMO_FILE = "hearing-norddjurs-demo.yaml"


def load(stdout):
    processed = _load_processed(read(PROCESSED_FILE))
    open_demo = _load_open_demo(read(OPEN_DEMO_FILE))
    parts = []
    if processed is not None:
        parts.append(f"{processed.title} ({processed.responses.count()} svar)")
    if open_demo is not None:
        parts.append(open_demo.title)
    stdout.write("Høringer: " + (", ".join(parts) or "ingen (politikkerne mangler)"))


def _policy(ref):
    return Policy.objects.filter(municipality__slug=ref["municipality"], slug=ref["slug"]).first()


def _party(municipality, name, data):
    spellings = data.get("spellings", {}).get(name, [name])
    council = Council.objects.filter(municipality=municipality, name__in=spellings).first()
    required = data.get("required_by_law", {})
    party, _ = ConsultedParty.objects.update_or_create(
        municipality=municipality,
        name=name,
        defaults={
            "kind": ConsultedParty.Kind.COUNCIL if council else ConsultedParty.Kind.ORGANISATION,
            "council": council,
            "required_by_law": name in required,
            "legal_basis": required.get(name, ""),
        },
    )
    return party


def _anchor(version, goal):
    """The goal's anchor on the version's reading page (maal-2 …)."""
    data = anchored(version.snapshot)
    goals = list(data.get("goals", []))
    for area in data.get("focus_areas", []):
        goals.extend(area.get("goals", []))
    for item in goals:
        if item.get("key") == f"goal-{goal.pk}":
            return item.get("anchor", "")
    return f"maal-{goal.number}"


def _load_processed(data):
    policy = _policy(data["policy"])
    draft = policy and policy.versions.filter(label=data["draft"]).first()
    if draft is None:
        return None
    municipality = policy.municipality
    parties = [_party(municipality, row["party"], data) for row in data["responses"]]
    for name in data["themes"]:
        Theme.objects.get_or_create(municipality=municipality, name=name)
    hearing = Hearing.objects.filter(policy=policy, version=draft).first()
    if hearing is None:
        hearing = _walk(policy, draft, parties, data)
    else:
        _refresh(hearing, parties, data)
    summary = rich(data.get("summary"))
    if hearing.summary != summary:
        hearing = services.hearing_set_summary(hearing=hearing, summary=summary)
    return hearing


def _walk(policy, draft, parties, data):
    marker = data["marker"]
    approved = policy.versions.filter(number__gt=draft.number).order_by("-number").first()
    goals = {goal.number: goal for goal in policy.goals.filter(focus_area__isnull=True)}
    themes = {theme.name: theme for theme in Theme.objects.filter(municipality=policy.municipality)}
    hearing = services.hearing_create(
        policy=policy,
        version=draft,
        title=data["title"],
        intro=rich(data["intro"]),
        opens_on=data["opens_on"],
        closes_on=data["closes_on"],
        citizens_may_answer=data["citizens_may_answer"],
        personal_data_delete_on=data["personal_data_delete_on"],
        parties=parties,
    )
    hearing = services.hearing_open(hearing=hearing, today=data["opens_on"])
    for party, row in zip(parties, data["responses"], strict=True):
        response = services.response_register(
            hearing=hearing,
            responder=services.responder_for_party(party=party),
            received_on=row["received_on"],
            channel="email",
            text=marker + " ".join(remark["excerpt"] for remark in row["remarks"]),
            summary=marker + row["summary"],
            registered_by=None,
            is_demo=True,
        )
        for remark_data in row["remarks"]:
            goal = goals.get(str(remark_data["goal"])) if remark_data["goal"] else None
            remark = services.remark_add(
                response=response,
                excerpt=marker + remark_data["excerpt"],
                stance=remark_data["stance"],
                goal=goal,
                themes=[themes[name] for name in remark_data.get("themes", [])],
            )
            changes = remark_data["outcome"] == CHANGES_TEXT
            services.remark_handle(
                remark=remark,
                outcome=remark_data["outcome"],
                answer=marker + remark_data["answer"],
                reason=marker + remark_data["reason"] if remark_data.get("reason") else "",
                changed_version=approved if changes else None,
                changed_anchor=_anchor(approved, goal) if changes and goal else "",
                user=None,
                expected_revision=remark.revision,
            )
        Acknowledgement.objects.create(
            response=response,
            sent_at=data["acknowledgement"]["sent_at"].replace(tzinfo=TZ),
            channel=Acknowledgement.Channel.EMAIL,
            text=marker + data["acknowledgement"]["text"],
        )
    hearing = services.hearing_close(hearing=hearing, today=data["closed_on"])
    return services.hearing_mark_processed(hearing=hearing)


def _refresh(hearing, parties, data):
    """Texts corrected in the file reach the rows they were loaded into."""
    marker = data["marker"]
    hearing.title, hearing.intro = data["title"], rich(data["intro"])
    save(hearing)
    for party, row in zip(parties, data["responses"], strict=True):
        response = hearing.responses.filter(responder__party=party).first()
        if response is None:
            continue
        response.text = marker + " ".join(remark["excerpt"] for remark in row["remarks"])
        response.summary = marker + row["summary"]
        save(response)
        remarks = response.remarks.order_by("position", "id")
        for remark, remark_data in zip(remarks, row["remarks"], strict=False):
            remark.excerpt = marker + remark_data["excerpt"]
            remark.answer = marker + remark_data["answer"]
            remark.reason = marker + remark_data["reason"] if remark_data.get("reason") else ""
            save(remark)
        response.acknowledgements.update(text=marker + data["acknowledgement"]["text"])


def _load_open_demo(data):
    policy = _policy(data["policy"])
    if policy is None:
        return None
    today = timezone.localdate()
    days = datetime.timedelta
    hearing = Hearing.objects.filter(policy=policy, is_demo=True).first() or Hearing(policy=policy)
    hearing.title = data["title"]
    hearing.intro = rich(data["intro"])
    hearing.version = policy.versions.order_by("-number").first()
    hearing.opens_on = today + days(days=data["opens_in_days"])
    hearing.closes_on = today + days(days=data["closes_in_days"])
    hearing.personal_data_delete_on = today + days(days=data["personal_data_delete_in_days"])
    hearing.citizens_may_answer = data["citizens_may_answer"]
    hearing.state = Hearing.State.OPEN
    hearing.is_demo = True
    save(hearing)
    for name in data["parties"]:
        hearing.parties.get_or_create(party=_party(policy.municipality, name, data))
    return hearing
