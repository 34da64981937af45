import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends import locmem

from core.models import Job
from hearings import selectors, services, tasks
from hearings.models import Acknowledgement, Hearing, Remark, Responder
from hearings.tests.factories import (
    ConsultedPartyFactory,
    HearingFactory,
    HearingPartyFactory,
    RemarkFactory,
    ResponderFactory,
    ResponseFactory,
    answered,
)
from policies.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def hearing(aalborg):
    return HearingFactory(
        policy__municipality=aalborg,
        opens_on=D(2023, 2, 15),
        closes_on=D(2023, 3, 31),
    )


@pytest.fixture
def party_row(hearing):
    return HearingPartyFactory(hearing=hearing)


def _register(hearing, editor, **kwargs):
    responder = ResponderFactory(municipality=hearing.policy.municipality, kind="organisation")
    defaults = {
        "hearing": hearing,
        "responder": responder,
        "received_on": D(2023, 3, 1),
        "channel": "letter",
        "text": "Vi støtter strategien.",
        "registered_by": editor,
    }
    return services.response_register(**{**defaults, **kwargs})


def test_response_within_the_period_is_registered_with_a_reference(hearing, editor):
    response = _register(hearing, editor)
    assert response.reference == f"H{hearing.pk}-0001"
    assert response.registered_by == editor
    assert not response.late_override_reason


def test_late_response_is_refused_without_an_override(hearing, editor):
    with pytest.raises(ValidationError) as error:
        _register(hearing, editor, received_on=D(2023, 4, 3))
    assert "late_override_reason" in error.value.error_dict


def test_response_after_closing_is_refused_without_an_override(hearing, editor):
    hearing.state = Hearing.State.CLOSED
    hearing.save()
    with pytest.raises(ValidationError):
        _register(hearing, editor, received_on=D(2023, 3, 20))


def test_late_response_with_override_records_who_and_why(hearing, editor):
    hearing.state = Hearing.State.CLOSED
    hearing.save()
    response = _register(
        hearing, editor, received_on=D(2023, 4, 3), late_override_reason="Poststemplet 31.3."
    )
    assert response.late_override_by == editor
    assert response.late_override_reason == "Poststemplet 31.3."
    assert "Poststemplet 31.3." in response.history.first().history_change_reason


def test_hearing_cannot_open_before_its_date_or_close_before_its_deadline(hearing):
    hearing.state = Hearing.State.PLANNED
    hearing.save()
    with pytest.raises(ValidationError):
        services.hearing_open(hearing=hearing, today=D(2023, 2, 14))
    hearing = services.hearing_open(hearing=hearing, today=D(2023, 2, 15))
    assert hearing.state == Hearing.State.OPEN
    with pytest.raises(ValidationError):
        services.hearing_close(hearing=hearing, today=D(2023, 3, 31))
    assert services.hearing_close(hearing=hearing, today=D(2023, 4, 1)).state == "closed"


def test_hearing_is_processed_only_when_every_remark_is_answered(hearing, editor):
    hearing.state = Hearing.State.CLOSED
    hearing.save()
    remark = RemarkFactory(response=ResponseFactory(hearing=hearing))
    with pytest.raises(ValidationError):
        services.hearing_mark_processed(hearing=hearing)
    answered(remark, user=editor)
    assert services.hearing_mark_processed(hearing=hearing).state == "processed"


def test_remark_handling_requires_an_answer(hearing, editor):
    remark = RemarkFactory(response=ResponseFactory(hearing=hearing))
    with pytest.raises(ValidationError) as error:
        services.remark_handle(
            remark=remark,
            outcome="noted",
            answer="  ",
            user=editor,
            expected_revision=remark.revision,
        )
    assert "answer" in error.value.error_dict


def test_not_taken_up_requires_a_reason(hearing, editor):
    remark = RemarkFactory(response=ResponseFactory(hearing=hearing))
    with pytest.raises(ValidationError) as error:
        services.remark_handle(
            remark=remark,
            outcome="not_taken_up",
            answer="Nej.",
            user=editor,
            expected_revision=remark.revision,
        )
    assert "reason" in error.value.error_dict
    fresh = Remark.objects.get(pk=remark.pk)
    remark = services.remark_handle(
        remark=fresh,
        outcome="not_taken_up",
        answer="Nej.",
        reason="Ligger uden for kommunens kompetence.",
        user=editor,
        expected_revision=fresh.revision,
    )
    remark.refresh_from_db()
    assert remark.handled_by == editor and remark.handled_at


def test_changes_text_links_the_adopted_version(hearing, editor):
    from policies.tests.factories import PolicyVersionFactory

    adopted = PolicyVersionFactory(policy=hearing.policy, label="Vedtaget")
    remark = RemarkFactory(response=ResponseFactory(hearing=hearing))
    remark = services.remark_handle(
        remark=remark,
        outcome="changes_text",
        answer="Teksten er ændret.",
        changed_version=adopted,
        changed_anchor="maal-2",
        user=editor,
        expected_revision=remark.revision,
    )
    assert remark.changed_version == adopted and remark.changed_anchor == "maal-2"


def test_bulk_handling_answers_many_remarks_with_the_template(hearing, editor):
    remarks = [RemarkFactory(response=ResponseFactory(hearing=hearing)) for _ in range(5)]
    answered(remarks[0], user=editor, answer="Eget svar")
    count = services.remarks_handle_bulk(
        remarks=Remark.objects.filter(pk__in=[r.pk for r in remarks]),
        outcome="to_action_plans",
        answer_template="Tak, {afsender}. Det tages med i handleplanerne.",
        user=editor,
    )
    assert count == 4
    handled = Remark.objects.filter(outcome="to_action_plans")
    assert handled.count() == 4
    first = handled.select_related("response__responder").first()
    assert first.answer == (
        f"Tak, {first.response.responder.name}. Det tages med i handleplanerne."
    )
    assert Remark.objects.get(pk=remarks[0].pk).answer == "Eget svar"
    assert first.history.first().history_change_reason == "Besvaret samlet"


def test_bulk_not_taken_up_requires_a_reason(hearing, editor):
    RemarkFactory(response=ResponseFactory(hearing=hearing))
    with pytest.raises(ValidationError):
        services.remarks_handle_bulk(
            remarks=Remark.objects.all(), outcome="not_taken_up", answer_template="Nej", user=editor
        )
    assert not Remark.objects.exclude(outcome="").exists()


def test_tracker_shows_who_answered_and_days_left(hearing, editor):
    answered = HearingPartyFactory(hearing=hearing)
    silent = HearingPartyFactory(hearing=hearing)
    _register(
        hearing,
        editor,
        responder=services.responder_for_party(party=answered.party),
    )
    rows = {
        row.party_id: row
        for row in selectors.hearing_tracker(hearing=hearing, today=D(2023, 3, 29))
    }
    assert rows[answered.party_id].answered
    assert rows[answered.party_id].answered_on == D(2023, 3, 1)
    assert not rows[silent.party_id].answered
    assert rows[silent.party_id].days_left == 3
    assert rows[silent.party_id].may_remind and not rows[answered.party_id].may_remind


def test_reminder_is_mailed_and_recorded_and_refused_for_answered_parties(hearing, editor):
    row = HearingPartyFactory(hearing=hearing)
    services.party_remind(hearing_party=row, sent_by=editor, today=D(2023, 3, 25))
    row.refresh_from_db()
    assert row.reminder_count == 1 and row.reminded_at
    assert mail.outbox[-1].to == [row.party.contact_email]
    assert "31.03.2023" in mail.outbox[-1].body
    _register(hearing, editor, responder=services.responder_for_party(party=row.party))
    with pytest.raises(ValidationError):
        services.party_remind(hearing_party=row, sent_by=editor, today=D(2023, 3, 26))


def test_acknowledgement_is_mailed_and_recorded(hearing, editor):
    response = ResponseFactory(hearing=hearing)
    ack = services.acknowledgement_send(response=response, text="Tak for svaret.", sent_by=editor)
    assert ack.channel == "email" and ack.sent_by == editor
    assert mail.outbox[-1].to == [response.responder.email]


def test_acknowledge_all_uses_letter_when_there_is_no_email(hearing, editor):
    ResponseFactory(hearing=hearing)
    ResponseFactory(
        hearing=hearing,
        responder=ResponderFactory(municipality=hearing.policy.municipality, email=""),
    )
    assert services.acknowledgements_send_all(hearing=hearing, text="Tak.", sent_by=editor) == 2
    assert set(Acknowledgement.objects.values_list("channel", flat=True)) == {"email", "letter"}
    assert services.acknowledgements_send_all(hearing=hearing, text="Tak.", sent_by=editor) == 0


def test_citizen_submission_queues_a_receipt_with_the_reference(hearing):
    response = services.response_submit_citizen(
        hearing=hearing,
        name="Karen",
        email="karen@example.dk",
        text="Mere foreningsliv.",
        publication_consent=True,
        today=D(2023, 3, 1),
    )
    assert response.channel == "web" and response.responder.kind == Responder.Kind.CITIZEN
    # The receipt is a job in the outbox (sent to Celery after commit) ...
    job = Job.objects.get(task_name="hearings.tasks.send_response_receipt")
    assert job.args == [response.pk]
    # ... whose task mails the reference number, once.
    assert tasks.send_response_receipt(response.pk) is True
    assert tasks.send_response_receipt(response.pk) is False
    assert len(mail.outbox) == 1
    assert mail.outbox[-1].to == ["karen@example.dk"]
    assert response.reference in mail.outbox[-1].body
    response.refresh_from_db()
    assert response.receipt_sent_at


class RefusingOnceBackend(locmem.EmailBackend):
    """A mail server that refuses the first connection, as one restarting does."""

    refused = 0

    def send_messages(self, messages):
        if not RefusingOnceBackend.refused:
            RefusingOnceBackend.refused += 1
            raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(messages)


def test_a_mail_server_that_refuses_delays_the_receipt_and_never_loses_it(hearing, settings):
    response = services.response_submit_citizen(
        hearing=hearing,
        name="Karen",
        email="karen@example.dk",
        text="Mere foreningsliv.",
        today=D(2023, 3, 1),
    )
    settings.EMAIL_BACKEND = f"{__name__}.RefusingOnceBackend"
    # The first attempt is refused and scheduled again (eager mode runs the retry at once
    # instead of after the pause); the second sends the receipt.
    tasks.send_response_receipt.apply(args=[response.pk], throw=False)
    assert RefusingOnceBackend.refused == 1
    response.refresh_from_db()
    assert response.receipt_sent_at
    assert len(mail.outbox) == 1 and response.reference in mail.outbox[0].body


def test_citizens_cannot_answer_a_closed_hearing(hearing):
    with pytest.raises(ValidationError):
        services.response_submit_citizen(
            hearing=hearing, name="K", email="k@example.dk", text="x", today=D(2023, 4, 1)
        )


def test_report_data_groups_remarks_by_goal(hearing, editor):
    goal_one = GoalFactory(policy=hearing.policy, number="1", position=1)
    goal_two = GoalFactory(policy=hearing.policy, number="2", position=2)
    response = ResponseFactory(hearing=hearing)
    services.remark_add(response=response, excerpt="Om mål 2", goal=goal_two)
    services.remark_add(response=response, excerpt="Om mål 1", goal=goal_one)
    services.remark_add(response=response, excerpt="Om det hele")
    report = selectors.hearing_report_data(hearing, editor)
    assert [s["key"] for s in report["sections"]] == [
        f"maal-{goal_one.pk}",
        f"maal-{goal_two.pk}",
        "politik",
    ]
    assert report["sections"][0]["remarks"][0]["excerpt"] == "Om mål 1"
    assert report["responses"][0]["remark_count"] == 3
    # Plain values only: nothing a template could follow to a responder's contact fields.
    for item in [*report["responses"], *report["sections"][0]["remarks"]]:
        assert not any(hasattr(value, "_meta") for value in item.values())


def test_parties_must_belong_to_the_municipality(hearing, norddjurs):
    with pytest.raises(ValidationError):
        services.hearing_set_parties(
            hearing=hearing, parties=[ConsultedPartyFactory(municipality=norddjurs)]
        )


def test_purge_task_calls_the_service(hearing):
    ResponseFactory(hearing=hearing)
    Hearing.objects.filter(pk=hearing.pk).update(personal_data_delete_on=D(2023, 4, 1))
    assert tasks.purge_contact_data() == 1
    assert not Responder.objects.exclude(email="").filter(kind="citizen").exists()


def test_the_summary_is_cleaned_and_saved_with_a_history_reason(hearing):
    services.hearing_set_summary(
        hearing=hearing,
        summary="<p>Helt overordnet er der flere positive bemærkninger.</p>"
        "<script>alert(1)</script>",
    )
    hearing.refresh_from_db()
    assert hearing.summary == "<p>Helt overordnet er der flere positive bemærkninger.</p>"
    latest = hearing.history.latest()
    assert latest.history_change_reason == "Opsummering af høringen opdateret"
