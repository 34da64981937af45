"""One visibility rule per model, proved across apps on the demo data.

Each role (anonymous citizen, council member, editor, editor of another municipality)
against each kind of object state (draft, published, closed), through the QuerySet rule
and through the pages and files a user would actually open.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import Client

from core.models import Municipality
from councils.models import AgendaItem, Attachment
from demo import lookups
from hearings.models import Hearing, Response
from policies.models import Policy

ROLES = ["anonymous", "member", "editor", "other_editor"]


@pytest.fixture
def world(db, django_user_model):
    call_command("loaddemo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    aalborg = Municipality.objects.get(slug="aalborg")
    draft = Policy.objects.create(
        municipality=aalborg, title="Hemmeligt udkast til boligpolitik", slug="boligpolitik-udkast"
    )
    users = {
        "anonymous": AnonymousUser(),
        "member": django_user_model.objects.get(username="raadsmedlem"),
        "editor": django_user_model.objects.get(username="redaktoer-aalborg"),
        "other_editor": django_user_model.objects.get(username="redaktoer-norddjurs"),
    }
    closed = lookups.fictional_closed_item()
    return {
        "users": users,
        "draft": draft,
        "published": Policy.objects.get(slug="integrationsstrategi-2023-2026"),
        "closed": closed,
        "open": lookups.strategy_draft_item(),
        "closed_attachment": Attachment.objects.filter(item=closed).first(),
    }


def client_for(user):
    client = Client(HTTP_HOST="localhost")
    if user.is_authenticated:
        client.force_login(user)
    return client


EXPECTED = {
    # object: roles that see it (whole object, or a closed item's confidential parts)
    "draft": {"member", "editor"},
    "published": set(ROLES),
    "closed_confidential": {"member", "editor"},
    "open": set(ROLES),
}


@pytest.mark.parametrize("role", ROLES)
def test_querysets_apply_one_rule_per_model(world, role):
    user = world["users"][role]
    policies = Policy.objects.visible_to(user)
    assert (world["draft"] in policies) == (role in EXPECTED["draft"])
    assert world["published"] in policies

    items = AgendaItem.objects.visible_to(user)
    closed = items.get(pk=world["closed"].pk)  # the row is public: its public title shows
    assert closed.can_read == (role in EXPECTED["closed_confidential"])
    assert closed.shown_title() == (
        world["closed"].title if role in EXPECTED["closed_confidential"] else closed.public_title
    )
    assert items.get(pk=world["open"].pk).can_read

    attachment = world["closed_attachment"]
    assert attachment is not None, "the demo's closed item has an attachment"
    assert Attachment.objects.visible_to(user).filter(pk=attachment.pk).exists() == (
        role in EXPECTED["closed_confidential"]
    )


@pytest.mark.parametrize("role", ROLES)
def test_pages_and_files_follow_the_same_rule(world, role):
    client = client_for(world["users"][role])
    sees_confidential = role in EXPECTED["closed_confidential"]

    draft_page = client.get(world["draft"].get_absolute_url())
    assert draft_page.status_code == (200 if role in EXPECTED["draft"] else 404)
    listing = client.get("/aalborg/politikker/").content.decode()
    assert ("Hemmeligt udkast" in listing) == (role in EXPECTED["draft"])

    closed = world["closed"]
    item_page = client.get(closed.get_absolute_url())
    assert item_page.status_code == 200
    body = item_page.content.decode()
    assert closed.public_title in body or sees_confidential
    assert (closed.title in body) == sees_confidential
    meeting_page = client.get(closed.meeting.get_absolute_url()).content.decode()
    assert (closed.title in meeting_page) == sees_confidential

    download = client.get(world["closed_attachment"].get_download_url())
    assert download.status_code == (200 if sees_confidential else 404)


def test_feeds_and_search_never_carry_a_closed_items_confidential_title(world):
    closed = world["closed"]
    client = client_for(world["users"]["editor"])  # feeds are anonymous whoever asks
    for url in ["/aalborg/referater.atom", "/aalborg/moeder.ics"]:
        response = client.get(url)
        assert response.status_code == 200
        assert closed.title not in response.content.decode()


def test_a_confidential_hearing_response_is_nowhere_public(world):
    hearing = Hearing.objects.filter(policy=world["published"]).first()
    response = Response.objects.filter(hearing=hearing).first()
    response.confidential = True
    response.text = "FORTROLIG-TEKST-123"
    response.save()
    anonymous = client_for(AnonymousUser())
    for url in [hearing.get_absolute_url(), f"/aalborg/hoeringer/{hearing.pk}/hoeringsnotat/"]:
        page = anonymous.get(url)
        assert page.status_code == 200
        assert "FORTROLIG-TEKST-123" not in page.content.decode()
    assert not Response.objects.visible_to(AnonymousUser()).filter(pk=response.pk).exists()
