"""Calendar (iCalendar, RFC 5545) and minutes (Atom) feeds.

Feeds are always read as an anonymous citizen would: whoever fetches them, a closed item
appears only with its public title and public decision.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.access import Reader
from core.views import municipality_from_slug
from councils.models import AgendaItem, Council, Meeting

DEFAULT_DURATION = datetime.timedelta(hours=2)
FEED_LENGTH = 50


def _calendar_response(request, meetings, name):
    calendar = Calendar()
    calendar.add("prodid", "-//Politikspor//Møder//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        event = Event()
        # Stable across edits: the id never changes; SEQUENCE counts the revisions.
        event.add("uid", f"meeting-{meeting.pk}@politikspor")
        event.add("dtstamp", meeting.updated_at)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at or meeting.starts_at + DEFAULT_DURATION)
        event.add("summary", meeting.council.name)
        if meeting.location:
            event.add("location", meeting.location)
        url = reverse("councils:meeting", args=[meeting.council.municipality.slug, meeting.pk])
        event.add("url", request.build_absolute_uri(url))
        event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
        event.add("sequence", meeting.revision)
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="moeder.ics"'
    return response


def _calendar_meetings(**filters):
    anonymous = Reader.anonymous()
    return (
        Meeting.objects.visible_to(anonymous)
        .filter(**filters)
        .select_related("council__municipality")
        .order_by("starts_at")
    )


def council_calendar(request, municipality, council):
    municipality = municipality_from_slug(request, municipality)
    council = get_object_or_404(
        Council.objects.visible_to(Reader.anonymous()), municipality=municipality, slug=council
    )
    return _calendar_response(
        request,
        _calendar_meetings(council=council),
        f"{council.name} – {municipality.name} Kommune",
    )


def municipality_calendar(request, municipality):
    municipality = municipality_from_slug(request, municipality)
    return _calendar_response(
        request,
        _calendar_meetings(council__municipality=municipality),
        _("Møder i %(name)s Kommune") % {"name": municipality.name},
    )


class MinutesFeed(Feed):
    """Published minutes, newest first."""

    feed_type = Atom1Feed

    def get_object(self, request, municipality):
        return municipality_from_slug(request, municipality)

    def title(self, municipality):
        return _("Referater fra %(name)s Kommune") % {"name": municipality.name}

    def subtitle(self, municipality):
        return _("Nyeste offentliggjorte referater fra råd og udvalg.")

    def link(self, municipality):
        return reverse("councils:index", args=[municipality.slug])

    def items(self, municipality):
        anonymous = Reader.anonymous()
        return (
            Meeting.objects.visible_to(anonymous)
            .with_published_minutes()
            .filter(council__municipality=municipality)
            .select_related("council__municipality")
            .prefetch_related(
                Prefetch(
                    "items",
                    queryset=AgendaItem.objects.visible_to(anonymous).order_by(
                        "position", "number"
                    ),
                    to_attr="public_items",
                )
            )
            .order_by("-minutes_published_at", "-starts_at")[:FEED_LENGTH]
        )

    def item_title(self, meeting):
        return _("Referat: %(meeting)s") % {"meeting": meeting}

    def item_link(self, meeting):
        return meeting.get_absolute_url()

    def item_guid(self, meeting):
        return f"meeting-{meeting.pk}-minutes@politikspor"

    item_guid_is_permalink = False

    def item_pubdate(self, meeting):
        return meeting.minutes_published_at or meeting.starts_at

    def item_updateddate(self, meeting):
        return meeting.updated_at

    def item_description(self, meeting):
        rows = []
        for item in meeting.public_items:
            _decision, public_decision = item.shown_decision()
            rows.append((item.number, item.shown_title(), item.shown_outcome() or public_decision))
        return format_html(
            "<ol>{}</ol>",
            format_html_join("", '<li value="{}">{}<br>{}</li>', ((n, t, r) for n, t, r in rows)),
        )
