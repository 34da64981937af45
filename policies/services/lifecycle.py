"""A policy's life: create, edit, move its state by a decision, freeze a named version."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core.concurrency import tracked_save
from core.transitions import transition as move
from policies.models import Policy, PolicyTransition, PolicyVersion
from policies.selectors import snapshot_policy

S = Policy.State

# Approving or adopting needs a hearing first, unless staff have said it needs none.
NEEDS_HEARING = {S.COUNCIL_APPROVED, S.ADOPTED}


@transaction.atomic
def policy_create(
    *,
    municipality,
    title: str,
    user,
    slug: str = "",
    kind: str = Policy.Kind.POLICY,
    **fields,
) -> Policy:
    from core.text import danish_slugify

    policy = Policy(
        municipality=municipality,
        title=title,
        slug=slug or danish_slugify(title)[:200],
        kind=kind,
        state=Policy.State.DRAFT,
        **fields,
    )
    return tracked_save(policy, reason=_("Oprettet"), user=user)


@transaction.atomic
def policy_update(*, policy: Policy, expected_revision: int, user) -> Policy:
    """Save edited fields of the policy itself; raises EditConflict if someone saved first."""
    return tracked_save(
        policy, reason=_("Redigeret"), user=user, expected_revision=expected_revision
    )


def _was_in_hearing(policy):
    return policy.state == S.IN_HEARING or policy.transitions.filter(to_state=S.IN_HEARING).exists()


@transaction.atomic
def policy_transition(
    *,
    policy: Policy,
    to_state: str,
    decided_on: datetime.date,
    user,
    agenda_item=None,
    note: str = "",
) -> PolicyTransition:
    """Move the policy to ``to_state`` by the decision at ``agenda_item`` on ``decided_on``.

    A successor coming into force supersedes its predecessor, recorded as a transition of
    the predecessor pointing at the same decision.
    """
    policy = Policy.objects.select_for_update().get(pk=policy.pk)
    from_state = policy.state
    Policy.TRANSITIONS.check(policy, to_state)
    if (
        to_state in NEEDS_HEARING
        and not policy.hearing_not_required
        and not _was_in_hearing(policy)
    ):
        raise ValidationError(
            _(
                "Politikken har ikke været i høring. Send den i høring først, eller markér "
                "at den ikke kræver høring."
            ),
            code="hearing_required",
        )
    if (
        agenda_item is not None
        and agenda_item.meeting.council.municipality_id != policy.municipality_id
    ):
        raise ValidationError(
            _("Beslutningen skal være truffet i kommunens egne råd og udvalg."),
            code="wrong_municipality",
        )
    transition = PolicyTransition(
        policy=policy,
        from_state=from_state,
        to_state=to_state,
        decided_on=decided_on,
        agenda_item=agenda_item,
        note=note,
        recorded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    tracked_save(transition, reason=_("Statusskift"), user=user)

    adopted = {"adopted_on": decided_on} if to_state == S.ADOPTED else {}
    move(
        policy,
        to=to_state,
        reason=_("Status: %(state)s") % {"state": S(to_state).label},
        user=user,
        **adopted,
    )
    if agenda_item is not None:
        policy.agenda_items.add(agenda_item)

    predecessor = policy.predecessor
    if (
        to_state == S.IN_FORCE
        and predecessor
        and Policy.TRANSITIONS.allows(predecessor.state, S.SUPERSEDED)
    ):
        policy_transition(
            policy=predecessor,
            to_state=S.SUPERSEDED,
            decided_on=decided_on,
            user=user,
            agenda_item=agenda_item,
            note=_("Erstattet af %(title)s.") % {"title": policy.title},
        )
    return transition


@transaction.atomic
def policy_freeze_version(*, policy: Policy, label: str, user) -> PolicyVersion:
    """Freeze the whole tree under ``label``; versions are numbered 1, 2, … per policy."""
    policy = Policy.objects.select_for_update().get(pk=policy.pk)
    number = (policy.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = PolicyVersion(
        policy=policy,
        number=number,
        label=label,
        snapshot=snapshot_policy(policy),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    version.full_clean()
    version.save()  # immutable: a version is made once and never saved again
    return version
