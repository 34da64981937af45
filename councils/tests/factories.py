import datetime
import zoneinfo

import factory

from core.tests.factories import MunicipalityFactory, UserFactory
from councils.models import (
    AgendaItem,
    Attachment,
    Case,
    Council,
    FollowUp,
    ItemGuest,
    Meeting,
    Membership,
    Person,
)

TZ = zoneinfo.ZoneInfo("Europe/Copenhagen")


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Udvalg {n}")
    slug = factory.Sequence(lambda n: f"udvalg-{n}")
    kind = Council.Kind.STANDING_COMMITTEE


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Person {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    council = factory.SubFactory(CouncilFactory)
    person = factory.SubFactory(
        PersonFactory, municipality=factory.SelfAttribute("..council.municipality")
    )
    role = Membership.Role.MEMBER


def member_user(council):
    """A login linked to a current member of ``council``."""
    user = UserFactory()
    MembershipFactory(
        council=council, person=PersonFactory(municipality=council.municipality, user=user)
    )
    return user


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    council = factory.SubFactory(CouncilFactory)
    starts_at = factory.Sequence(
        lambda n: datetime.datetime(2023, 4, 11, 16, 0, tzinfo=TZ) + datetime.timedelta(days=n)
    )
    status = Meeting.Status.PLANNED


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    position = factory.SelfAttribute("number")
    title = factory.Sequence(lambda n: f"Åbent punkt {n}")


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    item = factory.SubFactory(AgendaItemFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Bilag {n}")
    content_type = "application/pdf"
    file = factory.django.FileField(filename="bilag.pdf", data=b"%PDF-1.4 test")


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    municipality = factory.SubFactory(MunicipalityFactory)
    number = factory.Sequence(lambda n: f"23/{n + 100}")
    title = factory.Sequence(lambda n: f"Sag {n}")


class ItemGuestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ItemGuest

    item = factory.SubFactory(AgendaItemFactory)
    person = factory.SubFactory(
        PersonFactory, municipality=factory.SelfAttribute("..item.meeting.council.municipality")
    )


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    item = factory.SubFactory(AgendaItemFactory)
    kind = FollowUp.Kind.WORKING_GROUP
    title = factory.Sequence(lambda n: f"Arbejdsgruppe {n}")
    task = "Kommer med et forslag."
