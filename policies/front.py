"""What the policies app adds to the municipality front page and the staff home."""

from django.db import models
from django.utils.translation import gettext as _

from core.access import Reader
from core.front import section
from policies.models import Policy


@section("municipality")
def policies_in_force_and_hearing(request, municipality):
    policies = list(
        Policy.objects.visible_to(request.user)
        .filter(
            municipality=municipality,
            state__in=[Policy.State.IN_FORCE, Policy.State.IN_HEARING],
        )
        .select_related("municipality")
        .order_by("state", "title")
    )
    if not policies:
        return None
    return {
        "title": _("Gældende politikker og politikker i høring"),
        "template": "policies/_front_policies.html",
        "policies": policies,
        "municipality": municipality,
    }


@section("staff_home")
def drafts_to_work_on(request):
    from core.models import Municipality

    municipalities = list(
        Municipality.objects.filter(id__in=Reader.of(request).editor_of).order_by("name")
    )
    if not municipalities:
        return None
    policies = list(
        Policy.objects.editable_by(request.user)
        .filter(state__in=[Policy.State.DRAFT, Policy.State.IN_HEARING])
        .select_related("municipality")
        .order_by("municipality__name", "title")
    )
    return {
        "title": _("Politikker under udarbejdelse"),
        "template": "policies/_staff_policies.html",
        "policies": policies,
        "municipalities": municipalities,
    }


@section("item")
def policies_decided_at_item(request, item):
    """The policies an agenda item is about (the links live here, not in councils).

    Not for a closed item the reader may not read: the link itself would say too much."""
    if not getattr(item, "can_read", False):
        return None
    policies = list(
        Policy.objects.visible_to(request.user)
        .filter(models.Q(agenda_items=item) | models.Q(transitions__agenda_item=item))
        .select_related("municipality")
        .distinct()
    )
    if not policies:
        return None
    return {"template": "policies/_item_policies.html", "policies": policies}
