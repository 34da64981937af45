import datetime

import pytest
from django.core.exceptions import ValidationError

from core.concurrency import EditConflict
from councils.models import Meeting
from councils.tests.factories import AgendaItemFactory
from policies.models import Goal, Policy, PolicyTransition
from policies.services import (
    part_create,
    part_delete,
    part_move,
    part_save,
    policy_create,
    policy_freeze_version,
    policy_transition,
)
from policies.tests.factories import FocusAreaFactory, GoalFactory, PolicyFactory

pytestmark = pytest.mark.django_db

S = Policy.State
DAY = datetime.date(2023, 4, 11)


def walk(policy, user, *states):
    for state in states:
        policy_transition(policy=policy, to_state=state, decided_on=DAY, user=user)
    policy.refresh_from_db()
    return policy


def test_policy_create_starts_a_draft_with_a_danish_slug(aalborg, editor):
    policy = policy_create(municipality=aalborg, title="Ældrepolitik for Års", user=editor)
    assert policy.state == S.DRAFT
    assert policy.slug == "aeldrepolitik-for-aars"
    assert policy.history.first().history_user == editor


def test_the_full_lifecycle_is_recorded_transition_by_transition(aalborg, editor):
    policy = PolicyFactory(municipality=aalborg)
    walk(policy, editor, S.IN_HEARING, S.COUNCIL_APPROVED, S.ADOPTED, S.IN_FORCE, S.EXPIRED)
    assert policy.state == S.EXPIRED
    assert policy.adopted_on == DAY
    assert list(policy.transitions.values_list("to_state", flat=True)) == [
        S.IN_HEARING,
        S.COUNCIL_APPROVED,
        S.ADOPTED,
        S.IN_FORCE,
        S.EXPIRED,
    ]


@pytest.mark.parametrize("to_state", [S.COUNCIL_APPROVED, S.ADOPTED])
def test_a_policy_never_in_hearing_cannot_be_approved_or_adopted(aalborg, editor, to_state):
    policy = PolicyFactory(municipality=aalborg)
    with pytest.raises(ValidationError) as error:
        policy_transition(policy=policy, to_state=to_state, decided_on=DAY, user=editor)
    assert error.value.code == "hearing_required"
    policy.refresh_from_db()
    assert policy.state == S.DRAFT
    assert not policy.transitions.exists()


def test_staff_may_say_a_policy_needs_no_hearing(aalborg, editor):
    policy = PolicyFactory(municipality=aalborg, hearing_not_required=True)
    walk(policy, editor, S.ADOPTED)
    assert policy.state == S.ADOPTED


def test_a_policy_sent_back_from_hearing_may_still_be_approved(aalborg, editor):
    policy = PolicyFactory(municipality=aalborg)
    walk(policy, editor, S.IN_HEARING, S.DRAFT, S.COUNCIL_APPROVED)
    assert policy.state == S.COUNCIL_APPROVED


def test_states_cannot_be_skipped_backwards(aalborg, editor):
    policy = PolicyFactory(municipality=aalborg, state=S.IN_FORCE)
    with pytest.raises(ValidationError):
        policy_transition(policy=policy, to_state=S.DRAFT, decided_on=DAY, user=editor)


def test_a_transition_points_at_the_decision_and_lists_the_item(aalborg, editor):
    item = AgendaItemFactory(
        meeting__council__municipality=aalborg, meeting__status=Meeting.Status.MINUTES_PUBLISHED
    )
    policy = PolicyFactory(municipality=aalborg)
    transition = policy_transition(
        policy=policy, to_state=S.IN_HEARING, decided_on=DAY, agenda_item=item, user=editor
    )
    assert transition.agenda_item == item
    assert transition.recorded_by == editor
    assert list(policy.agenda_items.all()) == [item]


def test_a_decision_of_another_municipality_is_refused(aalborg, norddjurs, editor):
    item = AgendaItemFactory(
        meeting__council__municipality=norddjurs, meeting__status=Meeting.Status.MINUTES_PUBLISHED
    )
    policy = PolicyFactory(municipality=aalborg)
    with pytest.raises(ValidationError):
        policy_transition(
            policy=policy, to_state=S.IN_HEARING, decided_on=DAY, agenda_item=item, user=editor
        )


def test_a_successor_coming_into_force_supersedes_its_predecessor(aalborg, editor):
    old = PolicyFactory(municipality=aalborg, state=S.IN_FORCE)
    new = PolicyFactory(municipality=aalborg, predecessor=old, hearing_not_required=True)
    walk(new, editor, S.ADOPTED, S.IN_FORCE)
    old.refresh_from_db()
    assert old.state == S.SUPERSEDED
    last = PolicyTransition.objects.filter(policy=old).last()
    assert last.to_state == S.SUPERSEDED
    assert new.title in last.note


def test_versions_are_numbered_per_policy(aalborg, editor):
    first, second = PolicyFactory(municipality=aalborg), PolicyFactory(municipality=aalborg)
    assert policy_freeze_version(policy=first, label="a", user=editor).number == 1
    assert policy_freeze_version(policy=first, label="b", user=editor).number == 2
    assert policy_freeze_version(policy=second, label="a", user=editor).number == 1


def test_a_frozen_version_keeps_its_text_when_the_policy_changes(aalborg, editor):
    policy = PolicyFactory(municipality=aalborg)
    goal = GoalFactory(policy=policy, title="Før")
    version = policy_freeze_version(policy=policy, label="Høringsudkast", user=editor)
    goal.title = "Efter"
    goal.save()
    version.refresh_from_db()
    assert version.snapshot["goals"][0]["title"] == "Før"


def test_parts_are_added_at_the_end_and_moved_among_siblings(aalborg, editor):
    policy = PolicyFactory(municipality=aalborg)
    first = part_create(part=Goal(policy=policy, title="Et"), user=editor)
    second = part_create(part=Goal(policy=policy, title="To"), user=editor)
    assert (first.position, second.position) == (1, 2)
    part_move(part=second, user=editor, direction="up")
    titles = list(Goal.objects.filter(policy=policy).order_by("position").values_list("title"))
    assert titles == [("To",), ("Et",)]


def test_a_goal_moves_to_another_focus_area_and_the_old_list_closes_ranks(aalborg, editor):
    policy = PolicyFactory(municipality=aalborg)
    area = FocusAreaFactory(policy=policy)
    a = part_create(part=Goal(policy=policy, title="A"), user=editor)
    b = part_create(part=Goal(policy=policy, title="B"), user=editor)
    part_move(part=a, user=editor, focus_area=area)
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.focus_area == area and a.position == 1
    assert b.position == 1


def test_a_goal_cannot_move_to_another_policys_focus_area(aalborg, editor):
    goal = GoalFactory(policy=PolicyFactory(municipality=aalborg))
    with pytest.raises(ValidationError):
        part_move(part=goal, user=editor, focus_area=FocusAreaFactory())


def test_two_editors_on_the_same_goal_get_a_conflict(aalborg, editor):
    goal = GoalFactory(policy=PolicyFactory(municipality=aalborg), title="Start")
    mine, theirs = Goal.objects.get(pk=goal.pk), Goal.objects.get(pk=goal.pk)
    theirs.title = "Deres"
    part_save(part=theirs, expected_revision=0, user=editor)
    mine.title = "Min"
    with pytest.raises(EditConflict):
        part_save(part=mine, expected_revision=0, user=editor)
    goal.refresh_from_db()
    assert goal.title == "Deres"


def test_deleting_a_part_renumbers_the_rest_and_keeps_history(aalborg, editor):
    policy = PolicyFactory(municipality=aalborg)
    a = part_create(part=Goal(policy=policy, title="A"), user=editor)
    b = part_create(part=Goal(policy=policy, title="B"), user=editor)
    deleted_id = a.pk
    part_delete(part=a, user=editor)
    b.refresh_from_db()
    assert b.position == 1
    record = Goal.history.get(id=deleted_id, history_type="-")
    assert record.history_user == editor
