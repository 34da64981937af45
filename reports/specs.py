"""One spec per report kind: what a cycle report, minutes and a hearing report each are.

A spec says, in one place, what the rest of the pipeline asks about a kind: its target (the
policy, meeting or hearing it is about) and the version's field that holds it, how requests
for one target are serialised (its row lock), how its data are taken (snapshot), which
template renders it, who may order it (the municipality's secretariat), who may read it
(the version's audience, and only while the target itself is readable), which councils a
council's version can be for (a meeting's own council is implied; the cycle and hearing
reports let staff choose), and where its order form lives.

Services, views, documents, the model's read rule and the staff pages' sections all go
through ``SPECS`` instead of switching on the kind.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter

from django.db.models import Q
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from councils.models import Council, Meeting
from hearings.models import Hearing
from policies.models import Policy
from reports import documents, snapshot
from reports.models import ReportVersion

Kind = ReportVersion.Kind


def _no_extra_context(version):
    return {}


@dataclass(frozen=True)
class ReportSpec:
    kind: str
    # The ReportVersion field that points at the target, and the target's model.
    target: str
    model: type
    # From the target to its municipality (a lookup path, "council__municipality").
    municipality_path: str
    # How the order URL names the target ("slug" or "pk"), and the URL names involved.
    lookup: str
    order_url_name: str
    staff_url: Callable  # target -> the staff page that shows the order form
    snapshot: Callable  # (target, audience, reader) -> plain JSON data
    # The template version new versions are made with, and every one still rendered.
    template_version: str
    templates: Mapping[str, str]
    order_heading: Promise
    order_button: Promise
    file_stem: Callable  # version -> the download's name before "-v1.pdf"
    # Whom versions can be made for; a council's version is for one council: the target's
    # own when it fixes one (``implied_council``), else chosen from ``councils()``.
    audiences: tuple = tuple(ReportVersion.Audience.values)
    implied_council: Callable | None = None
    # Other version fields that follow from the target (a hearing report's policy).
    related: Callable = field(default=lambda target: {})
    context: Callable = _no_extra_context  # version -> more for the template
    select_related: tuple = ()

    # --- the target ---------------------------------------------------------------------

    def municipality_id(self, target) -> int:
        return attrgetter(self.municipality_path.replace("__", ".") + "_id")(target)

    def targets(self, municipality):
        """The targets of ``municipality`` an order can name (read rule applied by caller)."""
        return self.model.objects.filter(**{self.municipality_path: municipality}).select_related(
            *self.select_related
        )

    def lock(self, target):
        """Serialise requests for one target, so version numbers and the duplicate check hold."""
        self.model.objects.select_for_update().filter(pk=target.pk).first()

    def version_fields(self, target) -> dict:
        return {
            self.target: target,
            "municipality_id": self.municipality_id(target),
            **self.related(target),
        }

    def versions(self, target):
        """Every version of this kind made for ``target`` (all audiences)."""
        return ReportVersion.objects.filter(kind=self.kind, **{self.target: target})

    # --- who orders, who reads ----------------------------------------------------------

    def may_order(self, reader, target) -> bool:
        return reader.is_editor(self.municipality_id(target))

    def councils(self, target):
        """The councils a council's version of ``target`` can be for."""
        if self.implied_council is not None:
            return Council.objects.filter(pk=self.implied_council(target).pk)
        return Council.objects.filter(municipality_id=self.municipality_id(target)).order_by("name")

    def council_for(self, target, chosen):
        """The council a council's version is for: the implied one, or the chosen one."""
        return self.implied_council(target) if self.implied_council is not None else chosen

    def subject_q(self, reader) -> Q:
        """Versions of this kind whose target ``reader`` may read (the audience is the
        model's other half of the rule)."""
        return Q(kind=self.kind, **{f"{self.target}__in": self.model.objects.visible_to(reader)})

    # --- rendering and links -------------------------------------------------------------

    def template_for(self, version) -> str:
        return self.templates[version.template_version]

    def order_url(self, target) -> str:
        municipality_slug = attrgetter(self.municipality_path.replace("__", ".") + ".slug")(target)
        return reverse(
            f"reports:{self.order_url_name}",
            args=[municipality_slug, getattr(target, self.lookup)],
        )


CYCLE = ReportSpec(
    kind=Kind.CYCLE,
    target="policy",
    model=Policy,
    municipality_path="municipality",
    lookup="slug",
    order_url_name="request",
    staff_url=lambda policy: reverse(
        "policies:staff_edit", args=[policy.municipality.slug, policy.slug]
    ),
    snapshot=snapshot.cycle_snapshot,
    # 2: the lead and the footer say whom the version is for. Only unfinished versions are
    # ever rendered, so a "-1" one still waiting renders with today's template.
    template_version="cycle-2",
    templates={"cycle-1": "reports/pdf/cycle.html", "cycle-2": "reports/pdf/cycle.html"},
    order_heading=_("Bestil rapport"),
    order_button=_("Bestil rapport"),
    file_stem=lambda version: version.policy.slug,
    context=documents.cycle_context,
    select_related=("municipality",),
)

MINUTES = ReportSpec(
    kind=Kind.MINUTES,
    target="meeting",
    model=Meeting,
    municipality_path="council__municipality",
    lookup="pk",
    order_url_name="request_minutes",
    staff_url=lambda meeting: reverse(
        "councils:staff_meeting", args=[meeting.council.municipality.slug, meeting.pk]
    ),
    snapshot=snapshot.minutes_snapshot,
    template_version="minutes-2",
    templates={
        "minutes-1": "reports/pdf/minutes.html",
        "minutes-2": "reports/pdf/minutes.html",
    },
    order_heading=_("Referat som PDF"),
    order_button=_("Bestil PDF"),
    file_stem=lambda version: f"referat-{version.meeting_id}",
    # A meeting's minutes are its own council's: a council's version is for that council.
    implied_council=attrgetter("council"),
    select_related=("council__municipality",),
)

HEARING = ReportSpec(
    kind=Kind.HEARING,
    target="hearing",
    model=Hearing,
    municipality_path="policy__municipality",
    lookup="pk",
    order_url_name="request_hearing",
    staff_url=lambda hearing: hearing.get_staff_url(),
    snapshot=snapshot.hearing_snapshot,
    template_version="hearing-2",
    templates={
        "hearing-1": "reports/pdf/hearing.html",
        "hearing-2": "reports/pdf/hearing.html",
    },
    order_heading=_("Høringsnotat som PDF"),
    order_button=_("Bestil PDF"),
    file_stem=lambda version: f"hoeringsnotat-{version.hearing_id}",
    related=lambda hearing: {"policy": hearing.policy},
    select_related=("policy__municipality",),
)

SPECS = {spec.kind: spec for spec in (CYCLE, MINUTES, HEARING)}


def spec_for(kind) -> ReportSpec:
    return SPECS[kind]
