"""Contact details typed into a response: the secretariat reads them, nobody else does.

The rule is ``Reader.reads_contact_details`` with ``core.redact``; these tests follow it
through each output of a response. The cross-app matrix (tests/test_visibility_matrix.py)
asserts the same over every reader and every output.
"""

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from core.access import Reader
from core.redact import REDACTED
from councils.tests.factories import CouncilFactory, member_user
from hearings import selectors, services
from hearings.models import Hearing
from hearings.tests.factories import (
    HearingFactory,
    ResponderFactory,
    ResponseFactory,
    answered,
)
from policies.tests.factories import GoalFactory

PHONE = "23 45 67 89"
EMAIL = "ring.ikke@example.dk"
TEXT = f"Flere lektiecaféer. Ring til mig på {PHONE} eller skriv til {EMAIL}."


@pytest.fixture
def typed(aalborg, editor):
    hearing = HearingFactory(policy__municipality=aalborg, state=Hearing.State.PROCESSED)
    goal = GoalFactory(policy=hearing.policy, number="1")
    response = ResponseFactory(
        hearing=hearing,
        responder=ResponderFactory(municipality=aalborg, name="Anne Borger"),
        text=TEXT,
        summary=f"Vil have lektiecaféer ({PHONE}).",
        publication_consent=True,
    )
    remark = services.remark_add(response=response, excerpt=f"Lektiecaféer – {EMAIL}", goal=goal)
    answered(remark, user=editor)
    return {"hearing": hearing, "response": response, "remark": remark}


@pytest.fixture
def member(aalborg):
    return member_user(CouncilFactory(municipality=aalborg))


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def shows_contact(text):
    return PHONE in text or EMAIL in text


@pytest.mark.django_db
def test_the_secretariat_reads_the_text_as_written_everyone_else_redacted(
    typed, editor, other_editor, member
):
    response, remark = typed["response"], typed["remark"]
    assert response.shown_text(editor) == TEXT
    assert PHONE in response.shown_summary(editor)
    assert EMAIL in remark.shown_excerpt(
        Reader.secretariat(response.hearing.policy.municipality_id)
    )
    for who in (
        member,
        other_editor,
        Reader.anonymous(),
        Reader.council(member.person.memberships.get().council),
    ):
        assert not shows_contact(response.shown_text(who))
        assert not shows_contact(response.shown_summary(who))
        assert not shows_contact(remark.shown_excerpt(who))
        assert REDACTED in response.shown_text(who)
    assert response.shown_text(member).startswith("Flere lektiecaféer. Ring til mig på ")


@pytest.mark.django_db
def test_the_public_hearing_page_shows_the_public_text_also_to_the_secretariat(typed, editor):
    url = typed["hearing"].get_absolute_url()
    for client in (client_for(), client_for(editor)):
        page = client.get(url).content.decode()
        assert "Flere lektiecaféer" in page
        assert not shows_contact(page)
        assert REDACTED in page


@pytest.mark.django_db
def test_the_hearing_report_page_redacts_for_council_members_not_for_the_secretariat(
    typed, editor, member
):
    url = f"/aalborg/hoeringer/{typed['hearing'].pk}/hoeringsnotat/"
    assert not shows_contact(client_for().get(url).content.decode())
    assert not shows_contact(client_for(member).get(url).content.decode())
    assert EMAIL in client_for(editor).get(url).content.decode()


@pytest.mark.django_db
def test_the_review_page_redacts_for_council_members(typed, editor, member):
    url = f"/arbejdsrum/aalborg/hoeringer/{typed['hearing'].pk}/gennemgang/"
    page = client_for(member).get(url).content.decode()
    assert "Lektiecaféer" in page and not shows_contact(page)
    assert EMAIL in client_for(editor).get(url).content.decode()


@pytest.mark.django_db
def test_exports_carry_contact_details_only_in_the_secretariats_own_file(typed, editor):
    base = f"/arbejdsrum/aalborg/hoeringer/{typed['hearing'].pk}/hoeringsnotat"
    client = client_for(editor)
    own_csv = client.get(f"{base}.csv").content.decode("utf-8-sig")
    public_csv = client.get(f"{base}.csv?offentlig=1").content.decode("utf-8-sig")
    assert EMAIL in own_csv
    assert "Lektiecaféer" in public_csv and not shows_contact(public_csv)
    sheet = load_workbook(io.BytesIO(client.get(f"{base}.xlsx?offentlig=1").content)).active
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "Lektiecaféer" in cells and not shows_contact(cells)


@pytest.mark.django_db
def test_report_data_for_a_council_member_holds_no_contact_details(typed, member):
    report = selectors.hearing_report_data(typed["hearing"], member)
    assert not shows_contact(report["responses"][0]["summary"])
    assert not shows_contact(report["sections"][0]["remarks"][0]["excerpt"])
