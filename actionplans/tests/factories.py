"""One factory per actionplans model, on top of the policies app's factories. A plan, a round
and an indicator belong to a policy in force (public), so their pages show to everyone."""

import datetime
from decimal import Decimal

import factory

from actionplans.models import (
    Action,
    ActionPlan,
    FollowUpRound,
    Indicator,
    Measurement,
    StatusUpdate,
)
from core.tests.factories import DepartmentFactory
from policies.models import Policy
from policies.tests.factories import GoalFactory, PolicyFactory

IN_FORCE = Policy.State.IN_FORCE


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan
        skip_postgeneration_save = True

    policy = factory.SubFactory(PolicyFactory, state=IN_FORCE)
    title = factory.Sequence(lambda n: f"Handleplan {n}")
    state = ActionPlan.State.RUNNING

    @factory.post_generation
    def goals(self, create, extracted, **kwargs):
        if create and extracted:
            self.goals.set(extracted)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    plan = factory.SubFactory(ActionPlanFactory)
    goal = factory.LazyAttribute(lambda o: _goal_in_plan(o.plan))
    title = factory.Sequence(lambda n: f"Handling {n}")
    owner_department = factory.LazyAttribute(
        lambda o: DepartmentFactory(municipality=o.plan.policy.municipality)
    )
    status = Action.Status.ON_TRACK
    progress = 50
    weight = 1


def _goal_in_plan(plan):
    goal = plan.goals.first()
    if goal is None:
        goal = GoalFactory(policy=plan.policy)
        plan.goals.add(goal)
    return goal


class FollowUpRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUpRound

    policy = factory.SubFactory(PolicyFactory, state=IN_FORCE)
    name = factory.Sequence(lambda n: f"{2023 + n // 2} {n % 2 + 1}. halvår")
    opens_on = datetime.date(2026, 11, 1)
    closes_on = datetime.date(2026, 12, 15)


class StatusUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusUpdate

    action = factory.SubFactory(ActionFactory)
    date = datetime.date(2026, 11, 20)
    status = Action.Status.ON_TRACK
    progress = 50


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    goal = factory.SubFactory(GoalFactory, policy__state=IN_FORCE)
    name = factory.Sequence(lambda n: f"Indikator {n}")
    unit = "%"
    baseline_value = Decimal("40")
    baseline_date = datetime.date(2022, 12, 31)
    target_value = Decimal("60")
    target_date = datetime.date(2026, 12, 31)
    higher_is_better = True


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.Sequence(lambda n: datetime.date(2023 + n // 2, 6 if n % 2 == 0 else 12, 30))
    value = Decimal("45")
