"""A response's text in templates, as the reader may read it (see ``Response.shown_text``).

``{{ response|shown_text:reader }}``; ``reader`` is in every template's context
(core.context_processors), and a page that shows what the public sees passes its own.
"""

from django import template

register = template.Library()


@register.filter
def shown_text(response, reader):
    return response.shown_text(reader)


@register.filter
def shown_summary(response, reader):
    return response.shown_summary(reader)


@register.filter
def shown_excerpt(remark, reader):
    return remark.shown_excerpt(reader)
