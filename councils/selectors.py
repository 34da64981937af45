"""Reads of councils that are not one QuerySet's: an agenda item with the parts of it this
reader may see (guests, attachments, follow-ups), each through its own rule."""

from django.db.models import Prefetch

from councils.models import AgendaItem, Attachment, FollowUp, ItemGuest


def items_for_reader(user, **filters):
    """Agenda items with what this reader may see of them, in a constant number of queries."""
    return (
        AgendaItem.objects.visible_to(user)
        .filter(**filters)
        .select_related("case")
        .prefetch_related(
            Prefetch(
                "guests",
                queryset=ItemGuest.objects.visible_to(user).select_related("person"),
                to_attr="visible_guests",
            ),
            Prefetch(
                "attachments",
                queryset=Attachment.objects.visible_to(user).order_by("number"),
                to_attr="visible_attachments",
            ),
            Prefetch(
                "follow_ups",
                queryset=FollowUp.objects.visible_to(user).prefetch_related("members", "support"),
                to_attr="visible_follow_ups",
            ),
        )
        .order_by("position", "number")
    )
