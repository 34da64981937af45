"""Sections that one app contributes to another app's pages, without importing it.

The arrows between apps point one way (core <- councils <- policies <- hearings,
actionplans, reports), yet a page often wants a word from an app further down the line:
the municipality page shows open hearings, a policy page its PDF reports, an agenda item
the policies it decided. Each app lists callables in its ``front`` module under a name
below; each returns ``None`` or a dict with ``title``, ``template`` and its own data, and
the page includes ``section.template`` with ``section`` in the context.

- FRONT_SECTIONS(request, municipality): the municipality's front page
- STAFF_SECTIONS(request): the staff home
- POLICY_SECTIONS(request, policy): a policy's public reading page
- POLICY_STAFF_SECTIONS(request, policy): a policy's staff page
- ITEM_SECTIONS(request, item): an agenda item's public page
- MEETING_STAFF_SECTIONS(request, meeting): a meeting's staff page
- HEARING_STAFF_SECTIONS(request, hearing): a hearing's staff page
"""

from importlib import import_module

APPS = ["councils", "policies", "hearings", "actionplans", "reports"]


def contributed(attribute, *args):
    sections = []
    for app in APPS:
        try:
            module = import_module(f"{app}.front")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.front":
                raise
            continue
        for contributor in getattr(module, attribute, []):
            section = contributor(*args)
            if section:
                sections.append(section)
    return sections


def front_sections(request, municipality):
    return contributed("FRONT_SECTIONS", request, municipality)


def staff_sections(request):
    return contributed("STAFF_SECTIONS", request)
