"""Contact details people type into free text, and the one rule that removes them.

Citizens write "ring til mig på 23 45 67 89" or "skriv til jens@example.dk" in the text of a
hearing response. The responder's own contact fields (``Responder.email`` …) are never shown
anywhere public, but text is shown, so the text is redacted too. This module is the one
place that knows what such a detail looks like:

- e-mail addresses;
- Danish phone numbers in their usual shapes: ``23 45 67 89``, ``23456789``, ``2345 6789``,
  ``23-45-67-89``, with or without ``+45`` / ``0045`` in front (a Danish subscriber number
  has eight digits and never starts with 0 or 1);
- CPR-like numbers: ``010203-1234``, ``0102031234`` (a valid day and month first).

Numbers a reader would miss if they went are left alone: years and periods (``2023-2026``),
case and journal numbers (``22/740``, ``32358/23``), amounts (``1.250.000 kr.``,
``12345678 kr.``), dates (``15.02.2023``), postcodes, and eight digits labelled as a CVR,
EAN, journal or document number.

Who sees a text unredacted is the access object's question
(``core.access.Reader.reads_contact_details``): the municipality's secretariat, in its
work area and on every page it reads as itself. Everyone else – the public, council members,
feeds, public exports, every PDF, and later search (issue 13: index ``redact(text)``, so a
search for a phone number finds nothing) and the API (issue 14: serve ``shown_text`` as an
anonymous reader) – gets ``redact(text)``. The hearing's scheduled purge writes
``redact(text)`` over the stored text and its history once the deletion date has passed
(``hearings.services.contact_data_purge``).
"""

import re

REDACTED = "[kontaktoplysning fjernet]"
REDACTED_CPR = "[personnummer fjernet]"

EMAIL_RE = re.compile(r"(?<![\w.+%-])[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")

# Not part of a longer number: no digit right before or after, nor a digit behind a
# thousands dot, a decimal comma, a slash or a hyphen ("1.250.000", "32358/23", "2023-2026").
_NOT_AFTER_NUMBER = r"(?<!\d)(?<!\d[.,/-])"
_NOT_BEFORE_NUMBER = r"(?!\d)(?![.,/-]\d)"
_SPACE = "[ \u00a0]"

CPR_RE = re.compile(
    _NOT_AFTER_NUMBER
    + r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}(?:-|"
    + _SPACE
    + r")?\d{4}"
    + _NOT_BEFORE_NUMBER
)

PHONE_RE = re.compile(
    r"(?:(?<![\w+])(?:\+|00)45(?:" + _SPACE + r"|-)?|" + _NOT_AFTER_NUMBER + r")"
    r"(?P<number>"
    r"[2-9]\d{7}"  # 23456789
    r"|[2-9]\d(?P<sep>" + _SPACE + r"|-)\d{2}(?P=sep)\d{2}(?P=sep)\d{2}"  # 23 45 67 89
    r"|[2-9]\d{3}" + _SPACE + r"\d{4}"  # 2345 6789
    r")" + _NOT_BEFORE_NUMBER
)

# Eight digits that a label in front or a unit behind says are something else.
_LABEL_BEFORE = re.compile(
    r"(?:cvr|cvr-nr|se-nr|p-nr|ean|j\.?\s?nr|journal(?:nummer|nr)?|sagsnr|sags?nummer"
    r"|dok(?:ument)?(?:nummer|nr)?|bilag|konto(?:nummer|nr)?|reg(?:\.|istrerings)?nr)"
    r"\.?:?\s*$",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(r"^\s?(?:kr\b|kr\.|,-|%|mio\b|mia\b|dkk\b|euro\b|eur\b)", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _phone(match):
    text = match.string
    if _LABEL_BEFORE.search(text[max(0, match.start() - 25) : match.start()]):
        return match.group(0)
    if _UNIT_AFTER.match(text[match.end() : match.end() + 6]):
        return match.group(0)
    number = match.group("number")
    halves = re.split(_SPACE, number)
    if len(halves) == 2 and all(_YEAR.fullmatch(half) for half in halves):
        return match.group(0)  # "2023 2026": two years, not a phone number
    return REDACTED


def redact(text: str) -> str:
    """``text`` with e-mail addresses, Danish phone numbers and CPR-like numbers replaced by
    a visible marker. Idempotent; empty stays empty."""
    if not text:
        return text or ""
    text = EMAIL_RE.sub(REDACTED, text)
    text = CPR_RE.sub(REDACTED_CPR, text)
    return PHONE_RE.sub(_phone, text)


def holds_contact_details(text: str) -> bool:
    return bool(text) and redact(text) != text


def shown_free_text(text: str, who, municipality) -> str:
    """``text`` as ``who`` (a request, user or Reader) may read it in ``municipality``."""
    from core.access import Reader

    if Reader.of(who).reads_contact_details(municipality):
        return text or ""
    return redact(text)
