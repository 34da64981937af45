from django import template

from core.front import contributed

register = template.Library()


@register.simple_tag(takes_context=True)
def contributions(context, name, obj):
    """Sections other apps contribute to this page:

    {% contributions "ITEM_SECTIONS" item as sections %}
    """
    return contributed(name, context["request"], obj)
