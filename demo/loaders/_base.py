"""What every loader shares: reading a data file, rich text, dates and the positional sync."""

import datetime
import zoneinfo
from pathlib import Path

import yaml
from django.utils.html import escape

from core.sanitize import clean_html

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TZ = zoneinfo.ZoneInfo("Europe/Copenhagen")
CHANGE_REASON = "Demodata"


def read(name):
    """One data file (YAML, safe loader: data only, no objects)."""
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def rich(blocks):
    """Rich text from the files' blocks: a string is a paragraph (text, escaped), and
    ``{list: [...]}``, ``{heading: ...}`` and ``{html: ...}`` (a paragraph holding a link)
    are the few other shapes the seeds need. Cleaned as the field would clean it, so a second
    load finds nothing changed."""
    parts = []
    for block in blocks or []:
        if isinstance(block, str):
            parts.append(f"<p>{escape(block)}</p>")
        elif "list" in block:
            parts.append("<ul>" + "".join(f"<li>{escape(li)}</li>" for li in block["list"]))
            parts.append("</ul>")
        elif "heading" in block:
            parts.append(f"<h4>{escape(block['heading'])}</h4>")
        else:
            parts.append(f"<p>{block['html']}</p>")
    return clean_html("".join(parts))


def at(day, time="16:00"):
    hour, minute = (int(part) for part in time.split(":"))
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def save(obj):
    """Validate and save a row the demo writes directly, with the history reason."""
    obj._change_reason = CHANGE_REASON
    obj.full_clean()
    obj.save()
    return obj


def sync_rows(model, existing, rows, **parent):
    """Make ``existing`` (a queryset) hold ``rows`` in order, reusing its rows by position
    (so ids, and what points at them, survive) and deleting what is left over."""
    existing = list(existing.order_by("position", "id") if _has_position(model) else existing)
    kept = []
    for index, values in enumerate(rows, start=1):
        wanted = {**parent, **values}
        if _has_position(model):
            wanted["position"] = index
        obj = existing[index - 1] if index <= len(existing) else model()
        if obj.pk is None or any(getattr(obj, key) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(obj, key, value)
            obj._change_reason = CHANGE_REASON
            obj.save()
        kept.append(obj)
    for obj in existing[len(rows) :]:
        obj.delete()
    return kept


def _has_position(model):
    return any(field.name == "position" for field in model._meta.concrete_fields)
