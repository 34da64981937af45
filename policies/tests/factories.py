import datetime

import factory
from django.utils import timezone

from core.tests.factories import MunicipalityFactory, UserFactory
from councils.models import AgendaItem, Council, Meeting, Membership, Person
from policies.models import Commitment, FocusArea, Goal, Policy, Principle, Section


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Råd {n}")
    slug = factory.Sequence(lambda n: f"raad-{n}")
    kind = Council.Kind.ADVISORY_COUNCIL


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    council = factory.SubFactory(CouncilFactory)
    starts_at = factory.LazyFunction(
        lambda: timezone.make_aware(datetime.datetime(2023, 4, 11, 16, 0))
    )
    status = Meeting.Status.MINUTES_PUBLISHED


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Punkt {n}")


def council_member(council):
    """A user who currently sits on ``council``."""
    user = UserFactory()
    person = Person.objects.create(municipality=council.municipality, name="Medlem", user=user)
    Membership.objects.create(council=council, person=person)
    return user


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
