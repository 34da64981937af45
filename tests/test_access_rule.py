"""One access object decides who is an insider: nothing else reads roles or seats for it.

Before this rule there were seven places with three algorithms (core/roles.py,
councils/roles.py, hearings/roles.py, policies/models.py, reports/models.py,
councils/views/public.py and a made-up reader in reports/snapshot/base.py). This check fails
when a module other than core/access.py starts deciding again.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACCESS = ROOT / "core" / "access.py"

# What deciding looks like: reading a user's roles or council seats, trusting superusers,
# or standing in for a reader by hand.
DECIDING = {
    r"MunicipalityRole\.objects\.filter\(\s*user": "reads a user's roles",
    r"\.municipality_roles\.": "reads a user's roles",
    r"\bis_superuser\b": "decides on the superuser flag",
    r"person__user\b": "reads a user's council seats",
    r"_politikspor_(roles|councils|member)": "keeps its own cache of who is an insider",
    r"AnonymousUser\(\)": "builds a reader by hand (use Reader.anonymous())",
    r"\bclass \w*Reader\b": "makes up a reader (use core.access.Reader)",
    r"def (is_insider|insider_q|editor_q|is_editor|editor_municipality_ids)\(": (
        "a copy of the rule"
    ),
}

# Where the words above may appear without deciding anything, and why.
ALLOWED = {
    # The registered source of current seats: a fact the access object asks for.
    ("councils/models/bodies.py", "person__user\\b"),
    # The identity provider's groups are mapped onto role rows at sign-in: roles are
    # written there, and read back only to know which ones the mapping manages.
    ("accounts/oidc.py", "MunicipalityRole\\.objects\\.filter\\(\\s*user"),
    # Demo logins are created, not checked.
    ("core/demo_accounts.py", "\\bis_superuser\\b"),
    ("demo/loaders/accounts.py", "\\bis_superuser\\b"),
}


def python_modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        parts = relative.split("/")
        if parts[0] in {".venv", "var", "node_modules", "bench", "staticfiles"}:
            continue
        if "migrations" in parts or "tests" in parts or path == ACCESS:
            continue
        yield relative, path.read_text(encoding="utf-8")


def test_only_the_access_object_decides_who_is_an_insider():
    offences = []
    for relative, source in python_modules():
        for pattern, what in DECIDING.items():
            if (relative, pattern) in ALLOWED:
                continue
            for match in re.finditer(pattern, source):
                line = source.count("\n", 0, match.start()) + 1
                offences.append(f"{relative}:{line} {what}")
    assert not offences, "Access is decided outside core/access.py:\n" + "\n".join(offences)


def test_the_check_finds_a_copy_of_the_rule(tmp_path):
    # The check must be able to fail: a module with a home-made insider rule is caught.
    source = "def is_insider(user, municipality):\n    return user.is_superuser\n"
    found = [what for pattern, what in DECIDING.items() if re.search(pattern, source)]
    assert "a copy of the rule" in found and "decides on the superuser flag" in found


def test_every_model_states_its_own_read_rule():
    from django.apps import apps

    from core.visibility import VisibilityQuerySet

    ours = {"core", "councils", "policies", "hearings", "actionplans", "reports"}
    unruled = []
    for model in apps.get_models():
        if model._meta.app_label not in ours or model.__name__.startswith("Historical"):
            continue
        queryset = type(model._default_manager.get_queryset())
        if not issubclass(queryset, VisibilityQuerySet) or "rule" not in vars_of(queryset):
            unruled.append(model.__name__)
    # The job outbox and the staff roles are never shown on a page, feed, export or PDF
    # (roles are what the access object is made from).
    assert sorted(unruled) == ["Job", "MunicipalityRole"]


def vars_of(cls):
    names = set()
    for klass in cls.__mro__:
        if klass.__name__ == "VisibilityQuerySet":
            break
        names |= set(vars(klass))
    return names
