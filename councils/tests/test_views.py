import datetime

import pytest
from django.urls import reverse

from councils.models import Meeting
from councils.tests.conftest import SECRETS
from councils.tests.factories import AgendaItemFactory, AttachmentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

INSIDERS = ["member", "editor"]
OUTSIDERS = [None, "stranger", "other_editor"]


def _client(client, world, who):
    if who:
        client.force_login(world[who])
    return client


def _pages(world):
    published, closed = world["published"], world["closed_item"]
    return [
        reverse("councils:index", args=["aalborg"]),
        reverse("councils:council", args=["aalborg", world["council"].slug]),
        reverse("councils:meeting", args=["aalborg", published.pk]),
        reverse("councils:item", args=["aalborg", published.pk, closed.number]),
        reverse("councils:meeting", args=["aalborg", world["draft"].pk]),
        reverse("councils:meeting", args=["aalborg", world["planned"].pk]),
    ]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_never_see_the_closed_items_confidential_parts(client, world, who):
    client = _client(client, world, who)
    for url in _pages(world):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for secret in SECRETS:
            assert secret not in body, (url, secret)
        assert "UDKAST BESLUTNING" not in body
        assert "IKKE OFFENTLIG DAGSORDEN" not in body
    closed_page = client.get(_pages(world)[3]).content.decode()
    assert "Offentlig titel" in closed_page
    assert "Offentlig beslutning" in closed_page


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_404_for_hidden_files_items_and_cases(client, world, who):
    client = _client(client, world, who)
    for attachment in ("closed_attachment", "planned_attachment"):
        response = client.get(reverse("councils:attachment", args=[world[attachment].pk]))
        assert response.status_code == 404
        assert b"HEMMELIG" not in response.content
    missing = client.get(reverse("councils:attachment", args=[999999]))
    assert missing.status_code == 404
    planned_item = reverse("councils:item", args=["aalborg", world["planned"].pk, 1])
    assert client.get(planned_item).status_code == 404
    assert client.get(reverse("councils:case", args=["aalborg", "99-1"])).status_code == 404
    ok = client.get(reverse("councils:attachment", args=[world["open_attachment"].pk]))
    assert ok.status_code == 200
    assert ok["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in ok["Content-Disposition"]
    assert ok["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("who", INSIDERS)
def test_council_members_and_secretariat_read_everything(client, world, who):
    client = _client(client, world, who)
    published = world["published"]
    body = client.get(reverse("councils:meeting", args=["aalborg", published.pk])).content.decode()
    for secret in SECRETS[:5]:
        assert secret in body
    draft = client.get(reverse("councils:meeting", args=["aalborg", world["draft"].pk]))
    assert "UDKAST BESLUTNING" in draft.content.decode()
    planned = client.get(reverse("councils:meeting", args=["aalborg", world["planned"].pk]))
    assert "IKKE OFFENTLIG DAGSORDEN" in planned.content.decode()
    download = client.get(reverse("councils:attachment", args=[world["closed_attachment"].pk]))
    assert download.status_code == 200
    case = client.get(reverse("councils:case", args=["aalborg", "99-1"]))
    assert case.status_code == 200 and "HEMMELIG SAG" in case.content.decode()


@pytest.mark.parametrize("who", [None, "member", "editor", "other_editor"])
def test_feeds_are_always_anonymous(client, world, who):
    client = _client(client, world, who)
    atom = client.get(reverse("councils:minutes_feed", args=["aalborg"]))
    assert atom.status_code == 200
    body = atom.content.decode()
    assert "ÅBEN TITEL" in body and "Offentlig titel" in body
    for secret in [*SECRETS, "UDKAST BESLUTNING", "IKKE OFFENTLIG DAGSORDEN", "Punkt i udkast"]:
        assert secret not in body
    for url in (
        reverse("councils:calendar", args=["aalborg"]),
        reverse("councils:council_calendar", args=["aalborg", world["council"].slug]),
    ):
        text = client.get(url).content.decode()
        for secret in SECRETS:
            assert secret not in text


def test_ical_feed_parses_with_stable_uids(client, world):
    from icalendar import Calendar

    world["draft"].status = Meeting.Status.CANCELLED
    world["draft"].location = "Rådhuset"
    world["draft"].save()
    url = reverse("councils:council_calendar", args=["aalborg", world["council"].slug])
    response = client.get(url)
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        f"meeting-{world[name].pk}@politikspor" for name in ("published", "draft", "planned")
    }
    cancelled = events[f"meeting-{world['draft'].pk}@politikspor"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["LOCATION"]) == "Rådhuset"
    assert str(cancelled["SUMMARY"]) == "Integrationsrådet"
    assert "DTSTAMP" in cancelled
    again = Calendar.from_ical(client.get(url).content)
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == set(events)


def _meeting_queries(client, meeting, assert_max_queries):
    url = reverse("councils:meeting", args=[meeting.council.municipality.slug, meeting.pk])
    with assert_max_queries(20) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", [None, "editor"])
def test_meeting_page_queries_do_not_grow_with_items(
    client, world, who, django_assert_max_num_queries
):
    client = _client(client, world, who)
    council = world["council"]
    counts = []
    for size in (3, 300):
        meeting = MeetingFactory(
            council=council,
            status=Meeting.Status.MINUTES_PUBLISHED,
            starts_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
            + datetime.timedelta(days=size),
        )
        for number in range(1, size + 1):
            item = AgendaItemFactory(
                meeting=meeting,
                number=number,
                is_closed=number % 10 == 0,
                public_title="Lukket" if number % 10 == 0 else "",
            )
            AttachmentFactory(item=item, number=1)
        counts.append(_meeting_queries(client, meeting, django_assert_max_num_queries))
    assert counts[0] == counts[1], counts
    assert counts[1] >= 3, counts


def test_staff_pages_need_the_municipalitys_editor(client, world):
    url = reverse("councils:staff_meeting", args=["aalborg", world["published"].pk])
    assert client.get(url).status_code == 302  # to login
    client.force_login(world["other_editor"])
    assert client.get(url).status_code == 403
    client.force_login(world["member"])
    assert client.get(url).status_code == 403
    client.force_login(world["editor"])
    assert client.get(url).status_code == 200


def test_front_page_and_staff_home_sections(client, world):
    upcoming = MeetingFactory(
        council=world["council"],
        starts_at=datetime.datetime(2099, 1, 1, 16, tzinfo=datetime.UTC),
        location="Fremtidssalen",
    )
    body = client.get(reverse("core:municipality", args=["aalborg"])).content.decode()
    assert reverse("councils:meeting", args=["aalborg", upcoming.pk]) in body
    assert "Fremtidssalen" in body
    client.force_login(world["editor"])
    home = client.get(reverse("core:staff_home")).content.decode()
    assert "Møder der mangler dagsorden eller referat" in home
