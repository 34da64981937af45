import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from actionplans import selectors, services
from actionplans.models import Action, StatusUpdate
from actionplans.tests.factories import ActionFactory, ActionPlanFactory, FollowUpRoundFactory
from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def test_a_status_update_becomes_the_actions_current_status(editor):
    action = ActionFactory(status="not_started", progress=0)
    services.action_update_status(action=action, user=editor, status="on_track", progress=30)
    action.refresh_from_db()
    assert (action.status, action.progress) == ("on_track", 30)
    assert action.updates.get().author == editor


@pytest.mark.parametrize("status", ["at_risk", "off_track"])
def test_at_risk_and_off_track_require_a_note(editor, status):
    action = ActionFactory()
    with pytest.raises(ValidationError) as error:
        services.action_update_status(action=action, user=editor, status=status, progress=10)
    assert "note" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.action_update_status(
            action=action, user=editor, status=status, progress=10, note="   "
        )
    assert not StatusUpdate.objects.exists()
    services.action_update_status(
        action=action, user=editor, status=status, progress=10, note="Mangler lokaler"
    )


def test_the_database_refuses_an_at_risk_update_without_a_note():
    action = ActionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusUpdate.objects.create(action=action, status="at_risk", progress=10, note="")


def test_the_database_refuses_progress_above_100():
    action = ActionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(progress=101)


def test_a_round_keeps_one_update_per_action_changed_in_place_while_open(editor):
    action = ActionFactory()
    round = FollowUpRoundFactory(policy=action.plan.policy)
    services.action_update_status(
        action=action, user=editor, status="on_track", progress=20, round=round
    )
    services.action_update_status(
        action=action, user=editor, status="on_track", progress=40, round=round
    )
    assert action.updates.get().progress == 40


def test_a_closed_round_refuses_every_later_change_with_a_clear_message(editor):
    action = ActionFactory()
    round = FollowUpRoundFactory(policy=action.plan.policy, name="2023 2. halvår")
    services.action_update_status(
        action=action, user=editor, status="on_track", progress=20, round=round
    )
    services.round_close(round=round, user=editor)

    with pytest.raises(ValidationError) as error:
        services.action_update_status(
            action=action, user=editor, status="done", progress=100, round=round
        )
    message = error.value.messages[0]
    assert "2023 2. halvår" in message
    assert "lukket" in message and "kan ikke længere ændres" in message
    assert action.updates.get().progress == 20

    with pytest.raises(ValidationError, match="kan ikke længere ændres"):
        services.round_change(
            round=round, user=editor, expected_revision=round.revision, name="Andet navn"
        )
    with pytest.raises(ValidationError, match="kan ikke længere ændres"):
        services.round_close(round=round, user=editor)
    with pytest.raises(ValidationError, match="kan ikke længere ændres"):
        services.round_open(round=round, user=editor)


def test_the_model_refuses_an_update_in_a_closed_round(editor):
    action = ActionFactory()
    round = FollowUpRoundFactory(policy=action.plan.policy)
    services.round_close(round=round, user=editor)
    update = StatusUpdate(action=action, round=round, status="done", progress=100)
    with pytest.raises(ValidationError, match="kan ikke længere ændres"):
        update.full_clean()


def test_a_round_submission_saves_all_lines_or_none(editor):
    plan = ActionPlanFactory()
    round = FollowUpRoundFactory(policy=plan.policy)
    good, bad = ActionFactory(plan=plan), ActionFactory(plan=plan)
    with pytest.raises(ValidationError):
        services.round_submit(
            round=round,
            user=editor,
            entries=[
                services.RoundEntry(action=good, status="done", progress=100),
                services.RoundEntry(action=bad, status="off_track", progress=5, note=""),
            ],
        )
    assert not StatusUpdate.objects.exists()
    good.refresh_from_db()
    assert good.status == "on_track"


def test_owners_are_reminded_when_a_round_opens_and_before_it_closes_once_each(aalborg):
    owner = UserFactory(email="ejer@example.dk")
    plan = ActionPlanFactory(policy__municipality=aalborg)
    ActionFactory(plan=plan, owner_user=owner, title="Lektiecafé")
    ActionFactory(plan=plan, owner_user=owner, title="Færdig ting", status="done")
    round = FollowUpRoundFactory(
        policy=plan.policy,
        name="2026 2. halvår",
        opens_on=datetime.date(2026, 11, 2),
        closes_on=datetime.date(2026, 12, 11),
    )
    assert services.round_reminders_send(round_id=round.pk, today=TODAY) == 1
    assert mail.outbox[0].to == ["ejer@example.dk"]
    assert "åbnet" in mail.outbox[0].subject
    assert "Lektiecafé" in mail.outbox[0].body and "Færdig ting" not in mail.outbox[0].body
    assert services.round_reminders_send(round_id=round.pk, today=TODAY) == 0

    closing_day = datetime.date(2026, 12, 11) - datetime.timedelta(
        days=services.REMINDER_DAYS_BEFORE_CLOSE
    )
    assert services.round_reminders_due(today=closing_day) == 1
    assert "Påmindelse" in mail.outbox[1].subject
    assert services.round_reminders_due(today=closing_day) == 0


def test_a_closed_round_reminds_no_one(editor, aalborg):
    owner = UserFactory(email="ejer@example.dk")
    plan = ActionPlanFactory(policy__municipality=aalborg)
    ActionFactory(plan=plan, owner_user=owner)
    round = FollowUpRoundFactory(policy=plan.policy, opens_on=datetime.date(2026, 1, 1))
    services.round_close(round=round, user=editor)
    assert services.round_reminders_send(round_id=round.pk, today=TODAY) == 0
    assert mail.outbox == []


def test_opening_a_round_enqueues_the_reminder_job(editor, django_capture_on_commit_callbacks):
    plan = ActionPlanFactory()
    round = FollowUpRoundFactory(
        policy=plan.policy, opens_on=datetime.date(2099, 1, 1), closes_on=datetime.date(2099, 2, 1)
    )
    from core.models_jobs import Job

    services.round_open(round=round, user=editor, today=TODAY)
    round.refresh_from_db()
    assert round.opens_on == TODAY
    assert Job.objects.filter(task_name=services.REMINDER_TASK, args=[round.pk]).exists()


def test_round_report_data_counts_and_lists_the_rounds_updates(editor):
    plan = ActionPlanFactory()
    round = FollowUpRoundFactory(policy=plan.policy)
    a, b = ActionFactory(plan=plan, weight=1), ActionFactory(plan=plan, weight=3)
    ActionFactory(plan=plan)  # not reported
    services.action_update_status(action=a, user=editor, status="done", progress=100, round=round)
    services.action_update_status(
        action=b, user=editor, status="at_risk", progress=20, note="Forsinket", round=round
    )
    data = selectors.round_report_data(round, editor)
    assert (data["reported"], data["total"]) == (2, 3)
    counts = {row.status: row.count for row in data["counts"]}
    assert counts == {"at_risk": 1, "done": 1, "not_reported": 1}
    assert data["goals"][0].progress == 40  # (100*1 + 20*3) / 4


def test_the_daily_task_sends_the_due_reminders(aalborg):
    from actionplans import tasks

    owner = UserFactory(email="ejer@example.dk")
    plan = ActionPlanFactory(policy__municipality=aalborg)
    ActionFactory(plan=plan, owner_user=owner)
    round = FollowUpRoundFactory(
        policy=plan.policy, opens_on=datetime.date(2020, 1, 1), closes_on=datetime.date(2099, 1, 1)
    )
    assert tasks.send_due_round_reminders.delay().get() == 1
    assert tasks.send_round_reminders.delay(round.pk).get() == 0  # already sent
    assert len(mail.outbox) == 1
