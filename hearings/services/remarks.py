"""Remarks: split from responses, linked to the draft, tagged, answered (one or many)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import tracked_save, tracked_save_many
from hearings.models import (
    InternalNote,
    Remark,
    RemarkRead,
    RemarkTheme,
    Response,
    Theme,
)


def _target_label(*, goal=None, focus_area=None, commitment=None) -> str:
    if commitment is not None:
        return _("Indsats under %(goal)s: %(text)s") % {
            "goal": commitment.goal,
            "text": commitment.text[:300],
        }
    if goal is not None:
        return _("Målsætning %(goal)s") % {"goal": goal}
    if focus_area is not None:
        return _("Fokusområde: %(title)s") % {"title": focus_area.title}
    return _("Politikken som helhed")


@transaction.atomic
def remark_add(
    *,
    response: Response,
    excerpt: str,
    stance: str = Remark.Stance.UNCLEAR,
    goal=None,
    focus_area=None,
    commitment=None,
    themes: Iterable[Theme] = (),
    tagged_by=None,
) -> Remark:
    policy_id = response.hearing.policy_id
    for part in (goal, focus_area):
        if part is not None and part.policy_id != policy_id:
            raise ValidationError(_("Bemærkningen skal knyttes til høringens politik."))
    if commitment is not None and commitment.goal.policy_id != policy_id:
        raise ValidationError(_("Bemærkningen skal knyttes til høringens politik."))
    position = response.remarks.count() + 1
    remark = tracked_save(
        Remark(
            response=response,
            position=position,
            excerpt=excerpt,
            stance=stance,
            goal=goal,
            focus_area=focus_area,
            commitment=commitment,
            target_label=_target_label(goal=goal, focus_area=focus_area, commitment=commitment),
        ),
        reason=_("Bemærkning udskilt fra svaret"),
    )
    remark_set_themes(remark=remark, themes=themes, tagged_by=tagged_by)
    return remark


@transaction.atomic
def remark_set_themes(*, remark: Remark, themes: Iterable[Theme], tagged_by) -> None:
    wanted = {theme.pk for theme in themes}
    municipality_id = remark.response.hearing.policy.municipality_id
    if Theme.objects.filter(pk__in=wanted).exclude(municipality_id=municipality_id).exists():
        raise ValidationError(_("Temaet hører til en anden kommune."))
    RemarkTheme.objects.filter(remark=remark).exclude(theme_id__in=wanted).delete()
    existing = set(RemarkTheme.objects.filter(remark=remark).values_list("theme_id", flat=True))
    RemarkTheme.objects.bulk_create(
        [
            RemarkTheme(remark=remark, theme_id=theme_id, tagged_by=tagged_by)
            for theme_id in wanted - existing
        ]
    )


def _apply_handling(
    remark: Remark, *, outcome, answer, reason, changed_version, changed_anchor, user, now
):
    remark.outcome = outcome
    remark.answer = answer.strip()
    remark.reason = reason.strip()
    if changed_version is not None:
        if changed_version.policy_id != remark.response.hearing.policy_id:
            raise ValidationError({"changed_version": _("Versionen hører til en anden politik.")})
        remark.changed_version = changed_version
    if changed_anchor:
        remark.changed_anchor = changed_anchor
    remark.handled_by = user
    remark.handled_at = now
    remark.full_clean()


@transaction.atomic
def remark_handle(
    *,
    remark: Remark,
    outcome: str,
    answer: str,
    user,
    reason: str = "",
    changed_version=None,
    changed_anchor: str = "",
    expected_revision: int,
) -> Remark:
    """Classify a remark and give the administration's answer (both required).

    ``expected_revision``: the revision the answer form was built from; a remark someone
    answered since raises ``EditConflict``."""
    if outcome not in Remark.Outcome.values:
        raise ValidationError({"outcome": _("Vælg hvad der sker med bemærkningen.")})
    _apply_handling(
        remark,
        outcome=outcome,
        answer=answer,
        reason=reason,
        changed_version=changed_version,
        changed_anchor=changed_anchor,
        user=user,
        now=timezone.now(),
    )
    return tracked_save(
        remark,
        reason=_("Bemærkning besvaret: %(outcome)s") % {"outcome": Remark.Outcome(outcome).label},
        expected_revision=expected_revision,
    )


def render_answer_template(template: str, remark: Remark) -> str:
    """{afsender} and {vedroerer} in an answer template become the responder and target."""
    return template.replace("{afsender}", remark.response.responder.public_name).replace(
        "{vedroerer}", remark.target_label or _("Politikken som helhed")
    )


@transaction.atomic
def remarks_handle_bulk(
    *,
    remarks,
    outcome: str,
    answer_template: str,
    user,
    reason: str = "",
    only_unhandled: bool = True,
) -> int:
    """Answer many remarks with one outcome and one answer template (hundreds at a time)."""
    if outcome not in Remark.Outcome.values:
        raise ValidationError({"outcome": _("Vælg hvad der sker med bemærkningerne.")})
    if not answer_template.strip():
        raise ValidationError({"answer_template": _("Skriv svaret til bemærkningerne.")})
    queryset = remarks.select_related("response__responder", "response__hearing").select_for_update(
        of=("self",)
    )
    if only_unhandled:
        queryset = queryset.filter(outcome="")
    now = timezone.now()
    changed = []
    for remark in queryset:
        _apply_handling(
            remark,
            outcome=outcome,
            answer=render_answer_template(answer_template, remark),
            reason=reason,
            changed_version=None,
            changed_anchor="",
            user=user,
            now=now,
        )
        changed.append(remark)
    tracked_save_many(
        changed,
        fields=["outcome", "answer", "reason", "handled_by", "handled_at"],
        reason=_("Besvaret samlet"),
        user=user,
    )
    return len(changed)


def remark_mark_read(*, remark: Remark, user, read: bool = True) -> None:
    if read:
        RemarkRead.objects.get_or_create(remark=remark, user=user)
    else:
        RemarkRead.objects.filter(remark=remark, user=user).delete()


@transaction.atomic
def internal_note_add(*, remark: Remark, author, text: str) -> InternalNote:
    return tracked_save(
        InternalNote(remark=remark, author=author, text=text.strip()), reason=_("Note skrevet")
    )
