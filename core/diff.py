"""Readable word-level diffs, marked up accessibly (not by colour alone).

Added words are wrapped in <ins>, removed words in <del>, each with a screen-reader
prefix, so the change is announced and survives printing in black and white.
"""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.sanitize import html_to_text

_TOKEN = re.compile(r"\s+|[^\s]+")


def _tokens(text):
    return _TOKEN.findall(text or "")


def word_diff(old, new):
    """HTML showing how plain text ``old`` became ``new``."""
    a, b = _tokens(old), _tokens(new)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            parts.append(
                f'<del class="diff-del"><span class="sr-only">{escape(_("Slettet:"))} </span>'
                f"{escape(''.join(a[i1:i2]))}</del>"
            )
        if op in ("insert", "replace"):
            parts.append(
                f'<ins class="diff-ins"><span class="sr-only">{escape(_("Tilføjet:"))} </span>'
                f"{escape(''.join(b[j1:j2]))}</ins>"
            )
    return mark_safe("".join(parts))  # every piece is escaped above


def rich_diff(old_html, new_html):
    """Word diff of two rich-text values, compared as their plain text."""
    return word_diff(html_to_text(old_html), html_to_text(new_html))


def changed(old, new):
    return (old or "") != (new or "")


def record_diff(older, newer, fields):
    """Field-by-field diff of two history records (or model instances).

    Returns a list of dicts ``{"field", "label", "diff"}`` for the fields that differ.
    """
    rows = []
    for name in fields:
        field = newer._meta.get_field(name)
        old, new = getattr(older, name, ""), getattr(newer, name, "")
        if hasattr(field, "choices") and field.choices:
            old = dict(field.choices).get(old, old)
            new = dict(field.choices).get(new, new)
        old, new = "" if old is None else str(old), "" if new is None else str(new)
        if changed(old, new):
            rows.append({"field": name, "label": field.verbose_name, "diff": rich_diff(old, new)})
    return rows
