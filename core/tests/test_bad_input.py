"""Undecodable and NUL-laden addresses are the client's error (400/404), never our 500."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

BAD_SEGMENTS = ["%00", "x%00y", "%ff", "%ff%fe", "%c0%af", "%ed%a0%80", "%e2%82", "..%2f..%2f"]


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _fill(route, bad):
    """Every slug and str parameter gets the bad text; ints get a number, so the bad
    text reaches as far into the view as an address can carry it."""
    parts = []
    for piece in route.replace("^", "").replace("$", "").split("/"):
        if piece.startswith("<int:"):
            parts.append("1")
        elif piece.startswith("<"):
            parts.append(bad)
        else:
            parts.append(piece)
    return "/" + "/".join(parts)


@pytest.fixture
def production(settings, aalborg):
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def test_the_reported_path_is_a_400(production):
    assert production.get("/aalborg/sager/%00/").status_code == 400


@pytest.mark.parametrize("bad", BAD_SEGMENTS)
def test_no_route_answers_500_to_bad_path_segments(production, bad):
    routes = [r for r in _routes(get_resolver().url_patterns) if "<" in r]
    assert len(routes) > 30
    failures = {}
    for route in routes:
        url = _fill(route, bad)
        status = production.get(url).status_code
        if status >= 500:
            failures[url] = status
    assert not failures


@pytest.mark.parametrize("query", ["?q=%00", "?page=%00", "?%00=1", "?q=%ff%fe&page=%c0"])
def test_bad_query_strings_are_never_a_500(production, query):
    for path in ["/", "/aalborg/", "/aalborg/sager/", "/aalborg/politikker/", "/aalborg/raad/",
                 "/konto/log-ind/"]:  # fmt: skip
        status = production.get(path + query).status_code
        assert status < 500, (path + query, status)
        if "%00" in query:
            assert status == 400
