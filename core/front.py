"""Sections that one app contributes to another app's pages, without importing it.

The arrows between apps point one way (core <- councils <- policies <- hearings,
actionplans, reports), yet a page often wants a word from an app further down the line:
the municipality page shows open hearings, a policy page its PDF reports, an agenda item
the policies it decided. An app registers a contributor in its own ``front`` module::

    @section("policy")
    def hearings_of_policy(request, policy): ...

and ``core.apps`` imports every installed app's ``front`` at start-up (Django's
``autodiscover_modules``, as the admin finds ``admin.py``), so the kernel names no app.
A contributor returns ``None`` or a dict with ``template`` (and ``title``) and its data;
the page's view calls ``sections_for`` and the template includes ``section.template``
with ``section`` in the context. Templates never query through it. A page name that is
not listed below fails at once, in the registering app and in the asking view.
"""

from django.core.exceptions import ImproperlyConfigured

# page -> what its contributors are called with, after the request.
PAGES = {
    "municipality": "the municipality on its front page",
    "staff_home": "nothing: the staff home",
    "policy": "the policy on its public reading page",
    "policy_staff": "the policy on its staff page",
    "item": "the agenda item on its public page",
    "meeting_staff": "the meeting on its staff page",
    "hearing_staff": "the hearing on its staff page",
}

_contributors = {page: [] for page in PAGES}


def _known(page):
    if page not in PAGES:
        raise ImproperlyConfigured(
            f"No page {page!r} takes sections; the pages are: {', '.join(PAGES)}."
        )
    return page


def section(page):
    """Register the decorated function as a contributor to ``page``."""
    _known(page)

    def register(contributor):
        if contributor not in _contributors[page]:
            _contributors[page].append(contributor)
        return contributor

    return register


def sections_for(page, request, *args):
    """The sections the apps contribute to ``page``, in the order of INSTALLED_APPS."""
    return [
        found
        for contributor in _contributors[_known(page)]
        if (found := contributor(request, *args))
    ]
