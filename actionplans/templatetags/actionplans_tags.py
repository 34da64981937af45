from django import template

from actionplans.charts import format_value, with_unit

register = template.Library()


@register.filter
def number(value):
    """A measured value as people write it: no trailing zeros, the language's decimal sign."""
    return format_value(value)


@register.filter
def unit(value, unit_name):
    return with_unit(value, unit_name)


@register.filter
def whole_percent(value):
    """A roll-up share rounded to a whole percent, as a number (None stays None); not
    reports' ``percent``, which writes the value with a percent sign."""
    if value is None:
        return None
    return round(value)
