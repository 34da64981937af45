from django import template
from django.utils.safestring import mark_safe

from core.sanitize import clean_html, html_to_text

register = template.Library()


@register.filter
def rich(value):
    """Render staff rich text: sanitised again on output, whatever is in the database."""
    return mark_safe(clean_html(value))


@register.filter
def plaintext(value):
    return html_to_text(value)
