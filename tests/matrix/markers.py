"""The readers of the visibility matrix, and a unique marker in every confidential field.

Each marker is a text that occurs in exactly one field of the matrix's world; the matrix
asserts its absence from every output for every reader who may not read that field, and its
presence where an output shows the field to a reader who may.
"""

from dataclasses import dataclass

# Who reads. "member" sits on the council whose meeting has the closed item (Aalborg's
# Integrationsrådet); "member_other_council" on another Aalborg council; "member_norddjurs"
# on a Norddjurs council; the editors are the secretariats of each municipality.
READERS = (
    "anonymous",
    "member",
    "member_other_council",
    "member_norddjurs",
    "editor",
    "editor_norddjurs",
)

EVERYONE = frozenset(READERS)
ITEM_COUNCIL = frozenset({"member", "editor"})  # the item's council and the secretariat
AALBORG_INSIDERS = frozenset({"member", "member_other_council", "editor"})
AALBORG_SECRETARIAT = frozenset({"editor"})
NORDDJURS_INSIDERS = frozenset({"member_norddjurs", "editor_norddjurs"})
NOT_ITEM_COUNCIL = EVERYONE - ITEM_COUNCIL

STATES = ("draft", "published", "closed", "confidential", "withheld", "contact")
# "withheld": not published, read by the municipality's councils and secretariat (a withheld
# response, one without the citizen's consent, internal notes).

TAG = "7f3a"


@dataclass(frozen=True)
class Marker:
    name: str
    text: str
    state: str
    readers: frozenset  # who may read the field that holds it
    also: tuple = ()  # other spellings of it that must not appear either (in an address)

    def found_in(self, text):
        return any(form in text for form in (self.text, *self.also))


def _m(name, text, state, readers, also=()):
    return Marker(name, text, state, frozenset(readers), tuple(also))


ALL = [
    # draft: work in progress of a municipality
    _m("policy_draft", f"UDKAST-POLITIK-{TAG}", "draft", AALBORG_INSIDERS),
    _m("planned_hearing", f"PLANLAGT-HOERING-{TAG}", "draft", AALBORG_INSIDERS),
    _m("agenda_draft", f"KLADDE-PUNKT-{TAG}", "draft", ITEM_COUNCIL),
    _m("norddjurs_draft", f"UDKAST-NORDDJURS-{TAG}", "draft", NORDDJURS_INSIDERS),
    # an open item's decision written before the minutes are published
    _m("draft_decision", f"KLADDE-BESLUTNING-{TAG}", "draft", ITEM_COUNCIL),
    _m("draft_action_plan", f"UDKAST-HANDLEPLAN-{TAG}", "draft", AALBORG_INSIDERS),
    # the status report of a round that is still open is a draft
    _m("draft_round_summary", f"KLADDE-STATUS-{TAG}", "draft", AALBORG_INSIDERS),
    # published: what everyone reads (asserted present, never absent)
    _m("policy_published", f"OFFENTLIG-POLITIK-{TAG}", "published", EVERYONE),
    _m("open_item", f"OFFENTLIGT-PUNKT-{TAG}", "published", EVERYONE),
    _m("public_response", f"OFFENTLIGT-SVAR-{TAG}", "published", EVERYONE),
    _m("public_sender", f"OFFENTLIG-AFSENDER-{TAG}", "published", EVERYONE),
    _m("open_file", f"OFFENTLIG-FIL-{TAG}", "published", EVERYONE),
    # closed: a closed item's confidential parts, and what the public learns of it
    _m("closed_title", f"LUKKET-TITEL-{TAG}", "closed", ITEM_COUNCIL),
    # A case number has its own shape (22/740); in addresses it is written 22-740.
    _m("closed_case_number", f"91/{TAG}", "closed", ITEM_COUNCIL, also=[f"91-{TAG}"]),
    _m("closed_case_title", f"LUKKET-SAGSTITEL-{TAG}", "closed", ITEM_COUNCIL),
    _m("closed_presentation", f"LUKKET-SAGSFREMSTILLING-{TAG}", "closed", ITEM_COUNCIL),
    _m("closed_recommendation", f"LUKKET-INDSTILLING-{TAG}", "closed", ITEM_COUNCIL),
    _m("closed_decision", f"LUKKET-BESLUTNING-{TAG}", "closed", ITEM_COUNCIL),
    # The closed item's outcome: a label no other row of the world uses.
    _m("closed_outcome", "Ikke godkendt", "closed", ITEM_COUNCIL),
    _m("closed_guest", f"LUKKET-GAEST-{TAG}", "closed", ITEM_COUNCIL),
    _m("closed_attachment", f"LUKKET-BILAG-{TAG}", "closed", ITEM_COUNCIL),
    _m("closed_journal", f"LUKKET-JOURNAL-{TAG}", "closed", ITEM_COUNCIL),
    _m("closed_follow_up", f"LUKKET-OPFOELGNING-{TAG}", "closed", ITEM_COUNCIL),
    _m("closed_file", f"LUKKET-FIL-{TAG}", "closed", ITEM_COUNCIL),
    _m("closed_correction", f"LUKKET-RETTELSE-{TAG}", "closed", ITEM_COUNCIL),
    # a closed attachment on an open item
    _m("closed_attachment_open_item", f"LUKKET-BILAG-AABENT-PUNKT-{TAG}", "closed", ITEM_COUNCIL),
    _m("closed_public_title", f"OFFENTLIG-TITEL-{TAG}", "closed", EVERYONE),
    _m("closed_public_decision", f"OFFENTLIG-BESLUTNING-{TAG}", "closed", EVERYONE),
    # confidential: a confidential response is the secretariat's only
    _m("confidential_sender", f"FORTROLIG-AFSENDER-{TAG}", "confidential", AALBORG_SECRETARIAT),
    _m("confidential_response", f"FORTROLIG-SVAR-{TAG}", "confidential", AALBORG_SECRETARIAT),
    _m("confidential_attachment", f"FORTROLIG-BILAG-{TAG}", "confidential", AALBORG_SECRETARIAT),
    _m("confidential_file", f"FORTROLIG-FIL-{TAG}", "confidential", AALBORG_SECRETARIAT),
    # withheld: not published, read by the municipality's councils and secretariat
    _m("withheld_response", f"TILBAGEHOLDT-SVAR-{TAG}", "withheld", AALBORG_INSIDERS),
    _m("withheld_sender", f"TILBAGEHOLDT-AFSENDER-{TAG}", "withheld", AALBORG_INSIDERS),
    # a citizen who did not consent to publication: read inside the municipality only
    _m("unconsented_response", f"UDEN-SAMTYKKE-SVAR-{TAG}", "withheld", AALBORG_INSIDERS),
    _m("unconsented_sender", f"UDEN-SAMTYKKE-AFSENDER-{TAG}", "withheld", AALBORG_INSIDERS),
    _m("internal_note", f"INTERN-NOTE-{TAG}", "withheld", AALBORG_INSIDERS),
    # contact: typed into a consented public response, and the responder's own fields
    _m("phone", "23 45 67 89", "contact", AALBORG_SECRETARIAT),
    _m("email", f"kontakt.{TAG}@example.dk", "contact", AALBORG_SECRETARIAT),
    _m("responder_email", f"afsender.{TAG}@example.net", "contact", AALBORG_SECRETARIAT),
]

BY_NAME = {marker.name: marker for marker in ALL}
assert len(BY_NAME) == len(ALL) and len({m.text for m in ALL}) == len(ALL)

CLOSED_OUTCOME = BY_NAME["closed_outcome"]
# The titles that start each item's row (the closed item's real and public title, and the
# meeting's two open items).
CLOSED_ROW_TITLES = (BY_NAME["closed_title"].text, BY_NAME["closed_public_title"].text)
OTHER_ROW_TITLES = (BY_NAME["open_item"].text, f"ANDET-PUNKT-{TAG}")


def in_closed_row(text):
    """Whether the closed item's outcome appears in the closed item's own row: the nearest
    item title before it is the closed item's."""
    start = 0
    while (at := text.find(CLOSED_OUTCOME.text, start)) >= 0:
        before = {t: text.rfind(t, 0, at) for t in CLOSED_ROW_TITLES + OTHER_ROW_TITLES}
        nearest = max(before, key=before.get)
        if before[nearest] >= 0 and nearest in CLOSED_ROW_TITLES:
            return True
        start = at + 1
    return False
