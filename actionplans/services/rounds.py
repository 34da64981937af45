"""Follow-up rounds: create, change, open, close (and lock), remind the owners."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplans.models import (
    Action,
    ActionPlan,
    FollowUpRound,
)
from core.concurrency import tracked_save
from core.jobs import job_enqueue

# Owners are reminded this many days before a round closes (and when it opens).
REMINDER_DAYS_BEFORE_CLOSE = getattr(settings, "ACTIONPLANS_REMINDER_DAYS_BEFORE_CLOSE", 7)
REMINDER_TASK = "actionplans.tasks.send_round_reminders"


def _refuse_if_locked(round):
    if round is not None and round.is_closed:
        raise ValidationError(round.locked_message(), code="round_locked")


def lock_open_round(round_id):
    round = FollowUpRound.objects.select_for_update().select_related("policy").get(pk=round_id)
    _refuse_if_locked(round)
    return round


@transaction.atomic
def round_create(
    *,
    policy,
    user,
    name: str,
    opens_on: date,
    closes_on: date,
    report_title: str = "",
    summary: str = "",
) -> FollowUpRound:
    round = FollowUpRound(
        policy=policy,
        name=name,
        opens_on=opens_on,
        closes_on=closes_on,
        report_title=report_title,
        summary=summary,
    )
    tracked_save(round, reason=_("Opfølgningsrunde oprettet"), user=user)
    if round.is_open():
        job_enqueue(task_name=REMINDER_TASK, args=[round.pk])
    return round


@transaction.atomic
def round_change(*, round: FollowUpRound, user, expected_revision: int, **fields):
    """Change a round's name, dates, report title or summary; refused once it is closed."""
    current = lock_open_round(round.pk)
    for name, value in fields.items():
        setattr(current, name, value)
    return tracked_save(
        current, reason=_("Opfølgningsrunde ændret"), user=user, expected_revision=expected_revision
    )


@transaction.atomic
def round_open(*, round: FollowUpRound, user, today: date | None = None) -> FollowUpRound:
    """Open a round now (moving its opening day forward if needed) and remind the owners."""
    today = today or timezone.localdate()
    current = lock_open_round(round.pk)
    if current.opens_on > today:
        current.opens_on = today
        if current.closes_on < today:
            current.closes_on = today
        tracked_save(current, reason=_("Opfølgningsrunde åbnet"), user=user)
    job_enqueue(task_name=REMINDER_TASK, args=[current.pk])
    return current


@transaction.atomic
def round_close(*, round: FollowUpRound, user) -> FollowUpRound:
    """Close and lock a round: its status report is final from now on."""
    current = lock_open_round(round.pk)
    current.closed_at = timezone.now()
    current.closed_by = user if getattr(user, "is_authenticated", False) else None
    tracked_save(
        current, reason=_("Opfølgningsrunde lukket"), user=user, fields=["closed_at", "closed_by"]
    )
    round.closed_at, round.closed_by, round.revision = (
        current.closed_at,
        current.closed_by,
        current.revision,
    )
    return current


def _owners_with_actions(round):
    """Users who own an action in the round's policy (active plans), with their actions."""
    actions = (
        Action.objects.filter(plan__policy_id=round.policy_id, owner_user__isnull=False)
        .exclude(plan__state=ActionPlan.State.COMPLETED)
        .exclude(status__in=[Action.Status.DONE, Action.Status.CANCELLED])
        .exclude(owner_user__email="")
        .select_related("owner_user", "plan")
        .order_by("owner_user_id", "title")
    )
    owners = {}
    for action in actions:
        owners.setdefault(action.owner_user, []).append(action)
    return owners


def _send_reminder(round, *, closing: bool):
    sent = 0
    closes = round.closes_on.strftime("%d.%m.%Y")
    for user, actions in _owners_with_actions(round).items():
        if closing:
            subject = _("Påmindelse: giv status i %(round)s senest %(date)s") % {
                "round": round.name,
                "date": closes,
            }
        else:
            subject = _("Opfølgningsrunden %(round)s er åbnet") % {"round": round.name}
        lines = [
            _("Kære %(name)s") % {"name": user.get_full_name() or user.username},
            "",
            _(
                "Opfølgningsrunden %(round)s for %(policy)s er åben. Giv status på dine "
                "handlinger senest %(date)s:"
            )
            % {"round": round.name, "policy": round.policy.title, "date": closes},
            "",
            *[f"- {action.title} ({action.plan.title})" for action in actions],
            "",
            _("Med venlig hilsen"),
            "Politikspor",
        ]
        send_mail(subject, "\n".join(lines), None, [user.email])
        sent += 1
    return sent


@transaction.atomic
def round_reminders_send(*, round_id: int, today: date | None = None) -> int:
    """Send the reminders that are due for one round; idempotent (each is sent once).

    The opening reminder goes out once the round is open; the closing reminder
    ``REMINDER_DAYS_BEFORE_CLOSE`` days before it closes. A closed round reminds no one.
    """
    today = today or timezone.localdate()
    round = FollowUpRound.objects.select_for_update().select_related("policy").get(pk=round_id)
    if round.is_closed or round.opens_on > today:
        return 0
    sent = 0
    now = timezone.now()
    if round.opening_reminder_sent_at is None:
        sent += _send_reminder(round, closing=False)
        round.opening_reminder_sent_at = now
    closing_due = round.closes_on - timedelta(days=REMINDER_DAYS_BEFORE_CLOSE) <= today
    if closing_due and round.closing_reminder_sent_at is None and today <= round.closes_on:
        sent += _send_reminder(round, closing=True)
        round.closing_reminder_sent_at = now
    round.save(update_fields=["opening_reminder_sent_at", "closing_reminder_sent_at"])
    return sent


def round_reminders_due(*, today: date | None = None) -> int:
    """Every open round's due reminders (the daily beat task)."""
    today = today or timezone.localdate()
    sent = 0
    for round_id in FollowUpRound.objects.open_on(today).values_list("pk", flat=True):
        sent += round_reminders_send(round_id=round_id, today=today)
    return sent
