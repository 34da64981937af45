"""One factory per hearings model, on top of the policies app's factories."""

import datetime

import factory

from core.tests.factories import MunicipalityFactory
from hearings import services
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
from policies.models import Policy
from policies.tests.factories import PolicyFactory, PolicyVersionFactory


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


class HearingFactory(factory.django.DjangoModelFactory):
    """An open hearing running around 'today' (tests pass ``today=`` where it matters)."""

    class Meta:
        model = Hearing

    policy = factory.SubFactory(PolicyFactory, state=Policy.State.IN_HEARING)
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


def answered(remark, *, user, answer="Tak.", outcome="noted"):
    """``remark`` answered through the service, as the secretariat's form does (for tests
    where an answered remark is the starting point, not what is tested)."""
    return services.remark_handle(
        remark=remark, outcome=outcome, answer=answer, user=user, expected_revision=remark.revision
    )
