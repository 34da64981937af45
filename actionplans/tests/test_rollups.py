from decimal import Decimal
from types import SimpleNamespace

import pytest

from actionplans.models import Action
from actionplans.rollups import (
    NOT_REPORTED,
    attainment,
    round_summary,
    weighted_progress,
)
from actionplans.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    FollowUpRoundFactory,
    StatusUpdateFactory,
)


def row(progress, weight=1, status=Action.Status.ON_TRACK):
    return SimpleNamespace(progress=progress, weight=weight, status=status)


def test_goal_without_actions_has_no_progress():
    assert weighted_progress([]) is None


def test_goal_whose_actions_are_all_cancelled_has_no_progress():
    assert weighted_progress([row(80, status="cancelled"), row(20, status="cancelled")]) is None


def test_goal_progress_is_the_weighted_average_ignoring_cancelled_actions():
    actions = [row(100, weight=3), row(0, weight=1), row(10, weight=5, status="cancelled")]
    assert weighted_progress(actions) == 75


def test_attainment_between_baseline_and_target():
    assert attainment(baseline=40, target=60, latest=50) == 50


def test_attainment_is_clamped_to_0_and_100():
    assert attainment(baseline=40, target=60, latest=30) == 0
    assert attainment(baseline=40, target=60, latest=90) == 100


def test_attainment_when_the_target_is_below_the_baseline():
    # Lower is better: unemployment from 12 % to 8 %; 10 % is halfway.
    assert attainment(baseline=Decimal("12"), target=Decimal("8"), latest=Decimal("10")) == 50
    assert attainment(baseline=12, target=8, latest=13) == 0
    assert attainment(baseline=12, target=8, latest=7) == 100


def test_attainment_without_measurements_is_unknown():
    assert attainment(baseline=1, target=2, latest=None) is None


@pytest.mark.django_db
def test_round_summary_counts_actions_per_status_and_the_unreported():
    plan = ActionPlanFactory()
    round = FollowUpRoundFactory(policy=plan.policy)
    first, second, third = (ActionFactory(plan=plan) for _ in range(3))
    StatusUpdateFactory(action=first, round=round, status="on_track")
    StatusUpdateFactory(action=second, round=round, status="at_risk", note="Mangler lokaler")
    counts = {row.status: row.count for row in round_summary(round, [first, second, third])}
    assert counts["on_track"] == 1
    assert counts["at_risk"] == 1
    assert counts["done"] == 0
    assert counts[NOT_REPORTED] == 1
