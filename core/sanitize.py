"""Rich text that staff type is cleaned with an allow-list, on save and again on output.

nh3 (Rust's ammonia) is a maintained, fast allow-list sanitiser; bleach is deprecated.
"""

import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "blockquote", "q", "h2", "h3", "h4",
    "a", "abbr", "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
# No javascript:, data: or file: links, whatever someone pastes in.
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(value):
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def html_to_text(value):
    """Plain text of rich text, for diffs, feeds and search."""
    return nh3.clean(value or "", tags=set()).strip()
