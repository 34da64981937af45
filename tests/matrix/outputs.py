"""Every output of the product, as the matrix fetches it: pages, htmx partials, feeds,
exports, file downloads, the review page's filter choices, and each report version's page,
status partial and PDF.

An output states who gets it (``may``: 200; anyone else gets one of ``denied``), as whom its
content is made (``seen_as``: feeds and public pages read as the public whoever asks; a PDF
as its audience), which markers it shows to a reader who may read them (``carries``; a set
of readers narrows it, e.g. a closed item's public title is shown to those who may not read
the real one), and which it never shows (``never``).
"""

import functools
import io
import re
from dataclasses import dataclass, field

from openpyxl import load_workbook

from reports.tests.pdf import text as pdf_text
from tests.matrix.markers import (
    AALBORG_INSIDERS,
    AALBORG_SECRETARIAT,
    EVERYONE,
    ITEM_COUNCIL,
    NOT_ITEM_COUNCIL,
)

LOGGED_IN = EVERYONE - {"anonymous"}
DENIED = (302, 403, 404)
CONTACT = frozenset({"phone", "email", "responder_email"})


@dataclass(frozen=True)
class Output:
    name: str
    url: object  # world -> str
    kind: str = "html"  # html, ics, atom, csv, xlsx, pdf, file
    may: frozenset = EVERYONE
    denied: tuple = DENIED
    seen_as: object = None  # reader -> reader whose view the content is; None: the reader
    carries: dict = field(default_factory=dict)  # marker -> readers (None: its own readers)
    never: frozenset = frozenset()
    hidden: dict = field(default_factory=dict)  # marker -> readers it must not reach here
    post: object = None  # world -> form data, for an htmx POST
    htmx: bool = False
    extract: object = None  # text -> the part the output is about (a select's options)

    def reader_view(self, reader):
        return self.seen_as(reader) if self.seen_as else reader


def public(_reader):
    return "anonymous"


def carries(*names, **narrowed):
    return {**dict.fromkeys(names), **{k: frozenset(v) for k, v in narrowed.items()}}


CLOSED_IN_FULL = (
    "closed_title",
    "closed_case_number",
    "closed_presentation",
    "closed_recommendation",
    "closed_guest",
    "closed_decision",
    "closed_outcome",
    "closed_follow_up",
    "closed_attachment",
    "closed_journal",
)
RESPONSES = (
    "public_response",
    "public_sender",
    "withheld_response",
    "withheld_sender",
    "unconsented_response",
    "unconsented_sender",
    "confidential_response",
    "confidential_sender",
)


def responder_options(text):
    match = re.search(r'<select[^>]*name="responder".*?</select>', text, re.S)
    return match.group(0) if match else ""


def _staff(path):
    return lambda w: f"/arbejdsrum/aalborg/{path(w)}"


def _item(w, item):
    return f"moeder/{w.meeting.pk}/punkt/{item.pk}/"


def _review(w):
    return f"hoeringer/{w.hearing.pk}/gennemgang/"


def _note(w, remark):
    return f"/arbejdsrum/aalborg/{_review(w)}{remark.pk}/note/"


PAGES = [
    Output("home", lambda w: "/"),
    Output("municipality_front", lambda w: "/aalborg/", carries=carries("policy_published")),
    Output(
        "policy_index",
        lambda w: "/aalborg/politikker/",
        carries=carries("policy_published", "policy_draft"),
    ),
    Output(
        "policy_page",
        lambda w: w.policy.get_absolute_url(),
        carries=carries(
            "policy_published",
            "open_item",
            "closed_title",
            "planned_hearing",
            "policy_draft",
            closed_public_title=NOT_ITEM_COUNCIL,
        ),
    ),
    Output(
        "draft_policy_page",
        lambda w: w.draft.get_absolute_url(),
        may=AALBORG_INSIDERS,
        denied=(404,),
        carries=carries("policy_draft"),
    ),
    Output(
        "draft_policy_version_page",
        lambda w: w.draft.get_absolute_url() + "versioner/1/",
        may=AALBORG_INSIDERS,
        denied=(404,),
        carries=carries("policy_draft"),
    ),
    Output(
        "draft_policy_compare_page",
        lambda w: w.draft.get_absolute_url() + "sammenlign/",
        may=AALBORG_INSIDERS,
        denied=(404,),
        carries=carries("policy_draft"),
    ),
    Output(
        "norddjurs_policy_index",
        lambda w: "/norddjurs/politikker/",
        carries=carries("norddjurs_draft"),
    ),
    Output("council_index", lambda w: "/aalborg/raad/"),
    Output("council_page", lambda w: w.council.get_absolute_url()),
    Output(
        "meeting_page",
        lambda w: w.meeting.get_absolute_url(),
        carries=carries(
            "open_item",
            "closed_public_title",
            "closed_attachment_open_item",
            *CLOSED_IN_FULL,
            closed_public_decision=NOT_ITEM_COUNCIL,
        ),
    ),
    Output(
        "held_meeting_page",
        lambda w: w.held_meeting.get_absolute_url(),
        carries=carries("draft_decision"),
    ),
    Output(
        "closed_item_page",
        lambda w: w.closed.get_absolute_url(),
        carries=carries(
            "closed_public_title",
            "closed_correction",
            *CLOSED_IN_FULL,
            closed_public_decision=NOT_ITEM_COUNCIL,
        ),
    ),
    Output(
        "case_page",
        lambda w: w.closed.case.get_absolute_url(),
        may=ITEM_COUNCIL,
        denied=(404,),
        carries=carries(
            "closed_case_number", "closed_case_title", "closed_title", "closed_outcome"
        ),
    ),
    Output(
        "draft_agenda_page",
        lambda w: w.draft_meeting.get_absolute_url(),
        carries=carries("agenda_draft"),
    ),
    Output("calendar", lambda w: "/aalborg/moeder.ics", kind="ics", seen_as=public),
    Output(
        "council_calendar",
        lambda w: f"/aalborg/raad/{w.council.slug}/moeder.ics",
        kind="ics",
        seen_as=public,
    ),
    Output(
        "minutes_feed",
        lambda w: "/aalborg/referater.atom",
        kind="atom",
        seen_as=public,
        carries=carries("open_item", "closed_public_title", "closed_public_decision"),
    ),
    Output("hearing_index", lambda w: "/aalborg/hoeringer/", carries=carries("planned_hearing")),
    Output(
        "hearing_page",
        lambda w: w.hearing.get_absolute_url(),
        seen_as=public,
        carries=carries("public_response", "public_sender"),
    ),
    Output(
        "planned_hearing_page",
        lambda w: w.planned.get_absolute_url(),
        may=AALBORG_INSIDERS,
        denied=(404,),
        carries=carries("planned_hearing"),
    ),
    Output(
        "hearing_report_page",
        lambda w: f"/aalborg/hoeringer/{w.hearing.pk}/hoeringsnotat/",
        carries=carries(*RESPONSES, "phone", "email"),
    ),
    Output(
        "review_page",
        _staff(_review),
        may=AALBORG_INSIDERS,
        carries=carries(*RESPONSES, "phone", "email", "internal_note"),
    ),
    Output(
        "review_filter_choices",
        _staff(_review),
        may=AALBORG_INSIDERS,
        extract=responder_options,
        carries=carries(
            "public_sender", "withheld_sender", "unconsented_sender", "confidential_sender"
        ),
    ),
    # A search must not find what the reader reads redacted: a piece of a phone number, or
    # the name of an organisation's contact person.
    Output(
        "review_search_by_part_of_a_number",
        _staff(lambda w: _review(w) + "?q=67+89"),
        may=AALBORG_INSIDERS,
        carries=carries(public_response={"editor"}),
        hidden={"public_response": AALBORG_INSIDERS - {"editor"}},
    ),
    Output(
        "review_search_by_contact_person",
        _staff(lambda w: _review(w) + "?q=Kontaktperson"),
        may=AALBORG_INSIDERS,
        carries=carries(withheld_response={"editor"}),
        hidden={"withheld_response": AALBORG_INSIDERS - {"editor"}},
    ),
    Output(
        "review_mark_read_partial",
        lambda w: f"/arbejdsrum/aalborg/{_review(w)}{w.remarks[0].pk}/laest/",
        may=AALBORG_INSIDERS,
        post=lambda w: {"read": "1"},
        htmx=True,
    ),
    Output(
        "review_note_partial",
        lambda w: _note(w, w.remarks[0]),
        may=AALBORG_INSIDERS,
        post=lambda w: {f"note-{w.remarks[0].pk}-text": "En intern note"},
        htmx=True,
        carries=carries("public_sender", "internal_note"),
    ),
    Output(
        "review_note_partial_confidential",
        lambda w: _note(w, w.remarks[1]),
        may=AALBORG_SECRETARIAT,
        post=lambda w: {f"note-{w.remarks[1].pk}-text": "En intern note"},
        htmx=True,
        carries=carries("confidential_sender"),
    ),
    Output(
        "response_attachment_public",
        lambda w: w.public_attachment.get_download_url(),
        kind="file",
    ),
    Output(
        "response_attachment_confidential",
        lambda w: w.confidential_attachment.get_download_url(),
        kind="file",
        may=AALBORG_SECRETARIAT,
        denied=(404,),
        carries=carries("confidential_file"),
    ),
    Output(
        "attachment_open",
        lambda w: w.open_attachment.get_download_url(),
        kind="file",
        carries=carries("open_file"),
    ),
    Output(
        "attachment_closed",
        lambda w: w.closed_attachment.get_download_url(),
        kind="file",
        may=ITEM_COUNCIL,
        denied=(404,),
        carries=carries("closed_file"),
    ),
    Output(
        "actionplans_index",
        lambda w: "/aalborg/handleplaner/",
        carries=carries("policy_published"),
    ),
    Output(
        "actionplan_dashboard",
        lambda w: f"/aalborg/handleplaner/{w.policy.slug}/",
        carries=carries(
            "policy_published",
            "draft_action_plan",
            "public_response",
            "withheld_response",
            "confidential_response",
            "phone",
            "email",
            "closed_follow_up",
        ),
    ),
    Output(
        "round_report",
        lambda w: f"/aalborg/handleplaner/{w.policy.slug}/status/{w.round.pk}/",
        carries=carries(
            "open_item", "closed_title", "closed_outcome", closed_public_title=NOT_ITEM_COUNCIL
        ),
    ),
]

STAFF = [
    Output(
        "staff_home",
        lambda w: "/arbejdsrum/",
        may=LOGGED_IN,
        carries=carries(policy_draft={"editor"}, norddjurs_draft={"editor_norddjurs"}),
    ),
    Output(
        "staff_meeting",
        _staff(lambda w: f"moeder/{w.meeting.pk}/"),
        may=AALBORG_SECRETARIAT,
        carries=carries("open_item", "closed_title"),
    ),
    Output(
        "staff_item_row_partial",
        _staff(lambda w: _item(w, w.closed) + "raekke/"),
        may=AALBORG_SECRETARIAT,
        htmx=True,
        carries=carries("closed_title"),
    ),
    Output(
        "staff_item_history",
        _staff(lambda w: _item(w, w.closed) + "historik/"),
        may=AALBORG_SECRETARIAT,
    ),
    Output(
        "staff_hearing",
        _staff(lambda w: f"hoeringer/{w.hearing.pk}/"),
        may=AALBORG_SECRETARIAT,
        carries=carries(
            "public_sender", "withheld_sender", "unconsented_sender", "confidential_sender"
        ),
    ),
    Output(
        "staff_response",
        lambda w: w.public_response.get_staff_url(),
        may=AALBORG_SECRETARIAT,
        carries=carries("public_response", "phone", "email", "responder_email"),
    ),
    Output(
        "staff_response_confidential",
        lambda w: w.confidential_response.get_staff_url(),
        may=AALBORG_SECRETARIAT,
        carries=carries("confidential_response", "confidential_sender", "confidential_attachment"),
    ),
    Output(
        "staff_policy",
        _staff(lambda w: f"politikker/{w.draft.slug}/"),
        may=AALBORG_SECRETARIAT,
        carries=carries("policy_draft"),
    ),
    Output(
        "staff_round_report",
        _staff(lambda w: f"handleplaner/runde/{w.round.pk}/rapport/"),
        may=AALBORG_SECRETARIAT,
        carries=carries("closed_title", "closed_outcome"),
    ),
    Output(
        "norddjurs_staff_policies",
        lambda w: "/arbejdsrum/norddjurs/politikker/",
        may=frozenset({"editor_norddjurs"}),
        carries=carries("norddjurs_draft"),
    ),
]

EXPORT_CARRIES = carries(*RESPONSES, "phone", "email")
EXPORTS = [
    Output(
        f"export_{fmt}{suffix}",
        _staff(
            lambda w, fmt=fmt, query=query: f"hoeringer/{w.hearing.pk}/hoeringsnotat.{fmt}{query}"
        ),
        kind=fmt,
        may=AALBORG_SECRETARIAT,
        seen_as=public if query else None,
        carries=carries("public_response", "public_sender") if query else EXPORT_CARRIES,
        never=frozenset({"responder_email"}),
    )
    for fmt in ("csv", "xlsx")
    for suffix, query in (("", ""), ("_public", "?offentlig=1"))
]

# Report versions: (kind, audience key) -> who opens it, and whose view it holds.
AUDIENCES = {
    "public": (EVERYONE, "anonymous"),
    "council": (ITEM_COUNCIL, "member"),
    "other_council": (frozenset({"member_other_council", "editor"}), "member_other_council"),
    "secretariat": (AALBORG_SECRETARIAT, "editor"),
    "norddjurs_secretariat": (frozenset({"editor_norddjurs"}), "editor_norddjurs"),
}
PDF_CARRIES = {
    "cycle": carries(
        "policy_published",
        "open_item",
        "closed_title",
        "closed_case_number",
        "closed_decision",
        "closed_outcome",
        "planned_hearing",
        "draft_decision",
        "draft_round_summary",
        "draft_action_plan",
        *RESPONSES,
        closed_public_title=NOT_ITEM_COUNCIL,
        closed_public_decision=NOT_ITEM_COUNCIL,
    ),
    "minutes": carries(
        "open_item",
        "closed_attachment_open_item",
        *CLOSED_IN_FULL,
        closed_public_title=NOT_ITEM_COUNCIL,
        closed_public_decision=NOT_ITEM_COUNCIL,
    ),
    "hearing": carries(*RESPONSES),
}
VERSION_KEYS = [
    ("cycle", "public"),
    ("cycle", "council"),
    ("cycle", "other_council"),
    ("cycle", "secretariat"),
    ("minutes", "public"),
    ("minutes", "council"),
    ("minutes", "secretariat"),
    ("hearing", "public"),
    ("hearing", "council"),
    ("hearing", "secretariat"),
    ("cycle", "norddjurs_secretariat"),
]


def _version_outputs(kind, audience):
    may, view = AUDIENCES[audience]
    subject = "norddjurs_draft" if audience == "norddjurs_secretariat" else "policy_published"

    def url(suffix):
        return lambda w: w.versions[(kind, audience)].get_absolute_url() + suffix

    def seen_as(_reader):
        return view

    name = f"{kind}_report_{audience}"
    pdf_carries = carries(subject) if subject == "norddjurs_draft" else PDF_CARRIES[kind]
    return [
        Output(
            f"{name}_page",
            url(""),
            may=may,
            denied=(404,),
            seen_as=seen_as,
            carries=carries(subject) if kind == "cycle" else {},
        ),
        Output(f"{name}_status_partial", url("status/"), may=may, denied=(404,), htmx=True),
        Output(
            f"{name}_pdf",
            lambda w, kind=kind, audience=audience: w.versions[(kind, audience)].get_download_url(),
            kind="pdf",
            may=may,
            denied=(404,),
            seen_as=seen_as,
            carries=pdf_carries,
            never=CONTACT,  # a report never holds contact details, whatever its audience
        ),
    ]


VERSIONS = [output for key in VERSION_KEYS for output in _version_outputs(*key)]
ALL = PAGES + STAFF + EXPORTS + VERSIONS
BY_NAME = {output.name: output for output in ALL}
assert len(BY_NAME) == len(ALL)


@functools.lru_cache(maxsize=32)
def _pdf_words(content):
    """A PDF's text with its line breaks as spaces (every reader of a version gets the same
    bytes, so each is read once)."""
    return " ".join(pdf_text(content).split())


def body_text(output, response):
    """The response's content as text to search for markers."""
    # The test client closes a streamed response when its content is read to the end.
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.status_code != 200:
        return content.decode("utf-8", "replace")
    if output.kind == "pdf":
        return _pdf_words(content)
    if output.kind == "xlsx":
        sheet = load_workbook(io.BytesIO(content)).active
        return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value)
    text = content.decode("utf-8-sig", "replace")
    if output.kind == "ics":
        text = text.replace("\r\n ", "")  # RFC 5545 folds long lines
    return output.extract(text) if output.extract else text
