"""Factories for hearings, plus minimal ones for councils and policies (those apps have none
yet; replace with theirs when they land)."""

import datetime

import factory

from core.tests.factories import MunicipalityFactory, UserFactory
from councils.models import Council, Membership, Person
from hearings.models import (
    ConsultedParty,
    Hearing,
    HearingParty,
    Remark,
    Responder,
    Response,
    ResponseAttachment,
    Theme,
)
from policies.models import Commitment, FocusArea, Goal, Policy, PolicyVersion


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Råd {n}")
    slug = factory.Sequence(lambda n: f"raad-{n}")
    kind = Council.Kind.ADVISORY_COUNCIL


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Person {n}")


def council_member(council):
    """A user who currently sits on ``council``."""
    user = UserFactory()
    person = PersonFactory(municipality=council.municipality, user=user)
    Membership.objects.create(council=council, person=person)
    return user


class PolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Policy

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Politik {n}")
    slug = factory.Sequence(lambda n: f"politik-{n}")
    kind = Policy.Kind.STRATEGY
    state = Policy.State.IN_HEARING
    vision = "Sammen kan vi mest."


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    policy = factory.SubFactory(PolicyFactory)
    title = factory.Sequence(lambda n: f"Fokusområde {n}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    policy = factory.SubFactory(PolicyFactory)
    number = factory.Sequence(lambda n: str(n % 9 + 1))
    title = factory.Sequence(lambda n: f"Målsætning {n}")
    position = factory.Sequence(lambda n: n)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    goal = factory.SubFactory(GoalFactory)
    text = factory.Sequence(lambda n: f"Indsats {n}")


class PolicyVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyVersion

    policy = factory.SubFactory(PolicyFactory)
    number = factory.Sequence(lambda n: n + 1)
    label = "Høringsudkast"
    snapshot = factory.LazyFunction(dict)


class ConsultedPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultedParty

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Forening {n}")
    kind = ConsultedParty.Kind.ORGANISATION
    contact_email = factory.Sequence(lambda n: f"forening{n}@example.org")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Tema {n}")


TODAY = datetime.date(2026, 11, 23)


class HearingFactory(factory.django.DjangoModelFactory):
    """An open hearing running around 'today' (tests pass ``today=`` where it matters)."""

    class Meta:
        model = Hearing

    policy = factory.SubFactory(PolicyFactory)
    version = factory.LazyAttribute(lambda o: PolicyVersionFactory(policy=o.policy))
    title = factory.Sequence(lambda n: f"Høring {n}")
    opens_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=10))
    closes_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=20))
    personal_data_delete_on = factory.LazyAttribute(
        lambda o: o.closes_on + datetime.timedelta(days=90)
    )
    state = Hearing.State.OPEN
    citizens_may_answer = True


class HearingPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HearingParty

    hearing = factory.SubFactory(HearingFactory)
    party = factory.LazyAttribute(
        lambda o: ConsultedPartyFactory(municipality=o.hearing.policy.municipality)
    )


class ResponderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Responder

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = Responder.Kind.CITIZEN
    name = factory.Sequence(lambda n: f"Borger {n}")
    email = factory.Sequence(lambda n: f"borger{n}@example.net")


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    hearing = factory.SubFactory(HearingFactory)
    responder = factory.LazyAttribute(
        lambda o: ResponderFactory(municipality=o.hearing.policy.municipality)
    )
    reference = factory.Sequence(lambda n: f"T-{n:05d}")
    received_on = factory.LazyAttribute(lambda o: o.hearing.opens_on)
    channel = Response.Channel.EMAIL
    text = factory.Sequence(lambda n: f"Høringssvar nummer {n}.")
    publication_consent = True


class RemarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Remark

    response = factory.SubFactory(ResponseFactory)
    excerpt = factory.Sequence(lambda n: f"Bemærkning {n}")
    stance = Remark.Stance.SUPPORTS


class ResponseAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResponseAttachment

    response = factory.SubFactory(ResponseFactory)
    original_name = factory.Sequence(lambda n: f"bilag-{n}.pdf")
    content_type = "application/pdf"
    file = factory.django.FileField(filename="svar.pdf", data=b"%PDF-1.4 test")
    size = 13
