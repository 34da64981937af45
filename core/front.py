"""Sections of the municipality front page and the staff home, contributed by each app.

An app lists a callable in ``FRONT_SECTIONS`` / ``STAFF_SECTIONS`` of its ``front`` module;
each returns ``None`` or a dict with ``title``, ``template`` and its context.
Keeping the registry here lets ``core`` show them without importing the apps.
"""

from importlib import import_module

APPS = ["councils", "policies", "hearings", "actionplans", "reports"]


def _collect(attribute, *args):
    sections = []
    for app in APPS:
        try:
            module = import_module(f"{app}.front")
        except ModuleNotFoundError:
            continue
        for contributor in getattr(module, attribute, []):
            section = contributor(*args)
            if section:
                sections.append(section)
    return sections


def front_sections(request, municipality):
    return _collect("FRONT_SECTIONS", request, municipality)


def staff_sections(request):
    return _collect("STAFF_SECTIONS", request)
