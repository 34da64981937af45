"""The one redaction rule, in both directions: what goes, and what a reader would miss."""

import pytest

from core.redact import REDACTED, REDACTED_CPR, holds_contact_details, redact

REMOVED = [
    # Danish phone numbers in the shapes people write them
    ("Ring til mig på 23 45 67 89.", f"Ring til mig på {REDACTED}."),
    ("Ring til mig på 23456789", f"Ring til mig på {REDACTED}"),
    ("tlf. +45 23 45 67 89", f"tlf. {REDACTED}"),
    ("tlf. +4523456789", f"tlf. {REDACTED}"),
    ("mobil 2345 6789, aften", f"mobil {REDACTED}, aften"),
    ("+45 2345 6789", REDACTED),
    ("0045 23456789", REDACTED),
    ("23-45-67-89", REDACTED),
    ("(23456789)", f"({REDACTED})"),
    ("tlf.23456789", f"tlf.{REDACTED}"),
    ("98 12 34 56 eller 40 11 22 33", f"{REDACTED} eller {REDACTED}"),
    ("23\u00a045\u00a067\u00a089", REDACTED),
    # e-mail addresses, also with Danish letters, plus and dots; the full stop stays
    ("Skriv til jens.hansen@example.dk.", f"Skriv til {REDACTED}."),
    ("søren+høring@aalborg.dk", REDACTED),
    ("Mail: a.b-c@sub.domain.org, tak", f"Mail: {REDACTED}, tak"),
    ("<anne@x.dk>", f"<{REDACTED}>"),
    # CPR-like numbers
    ("Mit cpr er 010203-1234.", f"Mit cpr er {REDACTED_CPR}."),
    ("0102031234", REDACTED_CPR),
    ("311299 1234", REDACTED_CPR),
    # several in one text
    (
        "Hilsen Anne, anne@example.dk, 23 45 67 89",
        f"Hilsen Anne, {REDACTED}, {REDACTED}",
    ),
]

KEPT = [
    "Integrationsstrategi 2023-2026",
    "politikken 2012-2015 og strategien 2023-2026",
    "i årene 2023 2026",
    "Sag 22/740 om integrationspolitikken",
    "Bilag 1 (32358/23)",
    "Budgettet er 1.250.000 kr.",
    "12.500.000 kr",
    "I alt 12345678 kr.",
    "2345 6789 kr. over fire år",
    "1 250 000 kr.",
    "Høringen løb fra 15.02.2023 til 31.03.2023",
    "mødet 11. april 2023 kl. 16.00-18.00",
    "15-02-2023",
    "Referencenummer H12-0007",
    "CVR 29189420",
    "CVR-nr. 29189420",
    "j.nr. 23456789",
    "Journalnummer: 23456789",
    "EAN 5798000416604",
    "Boulevarden 13, 9000 Aalborg",
    "20 % af 40 unge, 10 ud af 12",
    "123456789",  # nine digits: not a Danish phone number
    "4523456789",  # +45 without the plus is just ten digits
    "12345678",  # Danish numbers never start with 1
    "01234567",
    "10.20.30.40",
    "§ 37 a og § 10",
    "320101-12",  # too short for a CPR number
    "kl. 8.30",
    "www.aalborg.dk/integration",
    "@aalborgkommune på sociale medier",
    "",
]


@pytest.mark.parametrize(("text", "expected"), REMOVED)
def test_contact_details_in_free_text_are_removed(text, expected):
    assert redact(text) == expected
    assert holds_contact_details(text)


@pytest.mark.parametrize("text", KEPT)
def test_numbers_a_reader_needs_are_kept(text):
    assert redact(text) == text
    assert not holds_contact_details(text)


def test_redacting_twice_changes_nothing_more():
    once = redact("Ring 23 45 67 89 eller skriv til a@b.dk; cpr 010203-1234")
    assert redact(once) == once
    assert "23" not in once and "@" not in once


def test_none_and_empty_stay_empty():
    assert redact(None) == ""
    assert redact("") == ""
