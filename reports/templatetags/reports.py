from datetime import date, datetime

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def isodate(value, style="j. F Y"):
    """A date stored as ISO text in a snapshot, written out in the active language."""
    if not value:
        return ""
    try:
        parsed = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    return formats.date_format(parsed, style)


@register.filter
def percent(value):
    return "" if value is None else f"{value} %"
