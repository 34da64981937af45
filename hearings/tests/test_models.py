import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError

from councils.tests.factories import CouncilFactory, member_user
from hearings.models import ConsultedParty, Hearing, Remark, Response
from hearings.tests.factories import (
    ConsultedPartyFactory,
    HearingFactory,
    RemarkFactory,
    ResponderFactory,
    ResponseFactory,
)

pytestmark = pytest.mark.django_db


def test_planned_hearing_is_visible_only_to_insiders(aalborg, editor, other_editor):
    hearing = HearingFactory(policy__municipality=aalborg, state="planned")
    assert not Hearing.objects.visible_to(AnonymousUser()).filter(pk=hearing.pk).exists()
    assert not Hearing.objects.visible_to(other_editor).filter(pk=hearing.pk).exists()
    assert Hearing.objects.visible_to(editor).filter(pk=hearing.pk).exists()
    member = member_user(CouncilFactory(municipality=aalborg))
    assert Hearing.objects.visible_to(member).filter(pk=hearing.pk).exists()


def test_responses_become_public_only_when_processed_and_publishable(aalborg, editor):
    hearing = HearingFactory(policy__municipality=aalborg, state="closed")
    body = ResponderFactory(municipality=aalborg, kind="organisation")
    plain = ResponseFactory(hearing=hearing, responder=body)
    withheld = ResponseFactory(hearing=hearing, withheld=True)
    confidential = ResponseFactory(hearing=hearing, confidential=True)
    no_consent = ResponseFactory(hearing=hearing, publication_consent=False)
    consent = ResponseFactory(hearing=hearing, publication_consent=True)

    assert not Response.objects.public().exists()
    hearing.state = Hearing.State.PROCESSED
    hearing.save()
    assert set(Response.objects.public()) == {plain, consent}
    assert Response.objects.visible_to(editor).count() == 5

    member = member_user(CouncilFactory(municipality=aalborg))
    seen = set(Response.objects.visible_to(member))
    assert withheld in seen and no_consent in seen
    assert confidential not in seen


def test_a_handled_remark_without_answer_is_refused_by_the_database():
    remark = RemarkFactory()
    remark.outcome = Remark.Outcome.NOTED
    with pytest.raises(IntegrityError):
        remark.save()


def test_not_taken_up_without_reason_is_refused_by_the_database():
    remark = RemarkFactory()
    remark.outcome = Remark.Outcome.NOT_TAKEN_UP
    remark.answer = "Svar"
    with pytest.raises(IntegrityError):
        remark.save()


def test_due_transition_follows_the_dates():
    hearing = Hearing(
        opens_on=datetime.date(2023, 2, 15), closes_on=datetime.date(2023, 3, 31), state="planned"
    )
    assert hearing.due_transition(datetime.date(2023, 2, 14)) is None
    assert hearing.due_transition(datetime.date(2023, 2, 15)) == Hearing.State.OPEN
    hearing.state = Hearing.State.OPEN
    assert hearing.due_transition(datetime.date(2023, 3, 31)) is None
    assert hearing.due_transition(datetime.date(2023, 4, 1)) == Hearing.State.CLOSED
    assert hearing.days_left(datetime.date(2023, 3, 31)) == 1
    assert hearing.days_left(datetime.date(2023, 4, 2)) == 0


def test_hearing_without_a_legally_required_party_lists_it(aalborg):
    hearing = HearingFactory(policy__municipality=aalborg)
    council = CouncilFactory(municipality=aalborg, name="Seniorrådet")
    senior = ConsultedPartyFactory(
        municipality=aalborg,
        name="Seniorrådet",
        kind=ConsultedParty.Kind.COUNCIL,
        council=council,
        required_by_law=True,
    )
    assert list(hearing.missing_required_parties()) == [senior]
    hearing.parties.create(party=senior)
    assert not hearing.missing_required_parties().exists()
