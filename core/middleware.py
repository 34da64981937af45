import contextlib
import logging
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class LanguageMiddleware:
    """Danish unless the reader chose otherwise with the language switch.

    Django's LocaleMiddleware follows the browser's Accept-Language, so a Danish citizen
    with an English browser would get the English site; a kommune's site is Danish first.
    The switch sets the language cookie, which is all this reads.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class RejectNulMiddleware:
    """A NUL byte in the path or the query string is answered 400 before any view runs.

    PostgreSQL cannot store or compare text with NUL in it, so `/aalborg/sager/%00/` would
    reach the database and fail there (a 500). No address of ours contains one, so it is
    the request that is bad. Form fields refuse NUL themselves (Django's
    ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                _("Adressen indeholder et tegn, som ikke kan bruges (NUL)."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class DatabaseOutageMiddleware:
    """A request that meets a restarting database is tried once more (reads only) and
    otherwise answered 503 with Retry-After, never a 500.

    A restart of PostgreSQL (an upgrade, a fail-over) drops the connections in flight and
    refuses new ones for a second or two. A GET or HEAD is safe to run again on a fresh
    connection; anything else is answered 503 so the browser's user can send it again.
    Errors raised outside the view (a session saved after it) reach `core.views.server_error`,
    which answers 503 for the same errors.
    """

    RETRY_PAUSE_SECONDS = 1.0

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request._politikspor_view = (view_func, view_args, view_kwargs)

    def process_exception(self, request, exception):
        if not is_database_outage(exception):
            return None
        view = getattr(request, "_politikspor_view", None)
        if request.method in ("GET", "HEAD") and view and not getattr(request, "_retried", False):
            request._retried = True
            logger.warning("database unavailable (%s); retrying %s once", exception, request.path)
            close_old_connections_now()
            time.sleep(self.RETRY_PAUSE_SECONDS)
            func, args, kwargs = view
            try:
                response = func(request, *args, **kwargs)
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
                return response
            except Exception as again:
                if not is_database_outage(again):
                    raise
                exception = again
        logger.warning("database unavailable (%s); answering 503 for %s", exception, request.path)
        close_old_connections_now()
        return database_unavailable_response(request)


def is_database_outage(exception):
    return isinstance(exception, OperationalError | InterfaceError)


def close_old_connections_now():
    """Drop every connection of this thread, so the next query opens a fresh one."""
    for connection in connections.all(initialized_only=True):
        # It is broken already; closing it is best effort.
        with contextlib.suppress(Exception):
            connection.close()


def database_unavailable_response(request):
    response = HttpResponse(
        render_to_string("503.html", request=None),
        status=503,
        content_type="text/html; charset=utf-8",
    )
    response["Retry-After"] = "5"
    response["Cache-Control"] = "no-store"
    return response
