"""One factory per policies model; other apps' tests import these and pass what differs
(a hearing's policy is in hearing, an action plan's in force)."""

import factory

from core.tests.factories import MunicipalityFactory
from policies.models import (
    Commitment,
    FocusArea,
    Goal,
    Policy,
    PolicyVersion,
    Principle,
    Section,
)


class PolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Policy

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Politik {n}")
    slug = factory.Sequence(lambda n: f"politik-{n}")
    period_start = 2023
    period_end = 2026
    state = Policy.State.DRAFT


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    policy = factory.SubFactory(PolicyFactory)
    heading = factory.Sequence(lambda n: f"Afsnit {n}")
    body = "<p>Tekst</p>"
    position = factory.Sequence(lambda n: n)


class PrincipleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Principle

    policy = factory.SubFactory(PolicyFactory)
    text = factory.Sequence(lambda n: f"Princip {n}")
    position = factory.Sequence(lambda n: n)


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    policy = factory.SubFactory(PolicyFactory)
    title = factory.Sequence(lambda n: f"Fokusområde {n}")
    position = factory.Sequence(lambda n: n)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    policy = factory.SubFactory(PolicyFactory)
    focus_area = None
    title = factory.Sequence(lambda n: f"Målsætning {n}")
    position = factory.Sequence(lambda n: n)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    goal = factory.SubFactory(GoalFactory)
    text = factory.Sequence(lambda n: f"Indsats {n}")
    position = factory.Sequence(lambda n: n)


class PolicyVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyVersion

    policy = factory.SubFactory(PolicyFactory)
    number = factory.Sequence(lambda n: n + 1)
    label = "Høringsudkast"
    snapshot = factory.LazyFunction(dict)
