"""What every snapshot module shares: plain JSON values, the canonical JSON and its hash."""

import hashlib
import json
from datetime import datetime
from decimal import Decimal

from django.utils import timezone

SNAPSHOT_FORMAT = 1


# --- plain values ---------------------------------------------------------------------------


def day(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).date().isoformat()
    return value.isoformat()


def number(value):
    if value is None:
        return None
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def canonical_json(snapshot):
    return json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def snapshot_hash(snapshot):
    return hashlib.sha256(canonical_json(snapshot).encode("utf-8")).hexdigest()


def normalise(snapshot):
    """What the database gives back: plain JSON types only (tuples become lists …)."""
    return json.loads(canonical_json(snapshot))
