"""The reads of policies that are not QuerySet methods: snapshots, their differences, the
trail of changes."""

import pytest

from policies.selectors import policy_history, snapshot_diff, snapshot_json, snapshot_policy
from policies.services import part_save
from policies.tests.factories import CommitmentFactory, FocusAreaFactory, GoalFactory, PolicyFactory

pytestmark = pytest.mark.django_db


def test_the_snapshot_is_deterministic_and_in_reading_order(aalborg):
    policy = PolicyFactory(municipality=aalborg)
    area = FocusAreaFactory(policy=policy, position=2, title="B")
    FocusAreaFactory(policy=policy, position=1, title="A")
    goal = GoalFactory(policy=policy, focus_area=area, title="Mål")
    CommitmentFactory(goal=goal, position=2, text="to")
    CommitmentFactory(goal=goal, position=1, text="en")
    snapshot = snapshot_policy(policy)
    assert [f["title"] for f in snapshot["focus_areas"]] == ["A", "B"]
    assert [c["text"] for c in snapshot["focus_areas"][1]["goals"][0]["commitments"]] == [
        "en",
        "to",
    ]
    assert snapshot_json(snapshot) == snapshot_json(snapshot_policy(policy))


def test_the_diff_shows_changed_added_removed_and_moved_parts(aalborg):
    policy = PolicyFactory(municipality=aalborg)
    area = FocusAreaFactory(policy=policy, title="Område")
    changed = GoalFactory(policy=policy, focus_area=area, title="Flere unge i job")
    removed = GoalFactory(policy=policy, focus_area=area, title="Gammelt mål")
    moved = GoalFactory(policy=policy, title="Flyttes")
    old = snapshot_policy(policy)
    removed_key = f"goal-{removed.pk}"

    changed.title = "Flere unge i uddannelse"
    changed.save()
    removed.delete()
    moved.focus_area = area
    moved.save()
    GoalFactory(policy=policy, title="Nyt mål")
    diff = snapshot_diff(old, snapshot_policy(policy))

    by_key = {c["key"]: c for c in diff["changes"]}
    assert by_key[f"goal-{changed.pk}"]["change"] == "changed"
    html = str(by_key[f"goal-{changed.pk}"]["fields"][0]["diff"])
    assert "<del" in html and "<ins" in html and "uddannelse" in html
    assert by_key[removed_key]["change"] == "removed"
    assert by_key[f"goal-{moved.pk}"]["change"] == "moved"
    assert any(c["change"] == "added" and c["name"] == "Nyt mål" for c in diff["changes"])
    assert diff["counts"] == {"added": 1, "removed": 1, "changed": 1, "moved": 1}


def test_identical_snapshots_have_no_differences(aalborg):
    policy = PolicyFactory(municipality=aalborg)
    GoalFactory(policy=policy)
    assert snapshot_diff(snapshot_policy(policy), snapshot_policy(policy))["changes"] == []


def test_the_history_lists_every_saved_change_newest_first_with_its_diff(aalborg, editor):
    policy = PolicyFactory(municipality=aalborg)
    goal = GoalFactory(policy=policy, title="Flere unge i job")
    goal.title = "Flere unge i uddannelse"
    part_save(part=goal, expected_revision=goal.revision, user=editor)
    rows = policy_history(policy)
    newest = rows[0]
    assert newest["record"].history_user == editor
    assert newest["kind"] == "målsætning"
    assert newest["name"] == "Flere unge i uddannelse"
    assert [d["field"] for d in newest["diff"]] == ["title"]
    assert "<del" in str(newest["diff"][0]["diff"]) and "uddannelse" in str(
        newest["diff"][0]["diff"]
    )
    assert [row["kind"] for row in rows[1:]] == ["målsætning", "politik"]  # created, created
    assert rows[1]["diff"] == []
