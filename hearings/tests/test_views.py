import io

import pytest
from django.urls import reverse

from councils.tests.factories import CouncilFactory
from hearings import services
from hearings.models import Hearing, Remark, Response
from hearings.tests.citizen import (
    SECRET_EMAIL,
    SECRET_PHONE,
    docx_file,
    pdf_file,
    public_bodies,
)
from hearings.tests.factories import (
    HearingFactory,
    RemarkFactory,
    ResponderFactory,
    ResponseFactory,
    ThemeFactory,
    answered,
)
from policies.models import Policy
from policies.tests.factories import GoalFactory, PolicyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def processed_hearing(aalborg, editor):
    hearing = HearingFactory(policy__municipality=aalborg)
    goal = GoalFactory(policy=hearing.policy)
    citizen = ResponderFactory(
        municipality=aalborg,
        name="Synlig Borger",
        email=SECRET_EMAIL,
        phone=SECRET_PHONE,
        address="Hemmelig Allé 7",
    )
    public = ResponseFactory(
        hearing=hearing, responder=citizen, text="Offentligt svar.", publication_consent=True
    )
    secret = ResponseFactory(hearing=hearing, text="FORTROLIG-TEKST-42", confidential=True)
    shy = ResponseFactory(
        hearing=hearing,
        responder=ResponderFactory(municipality=aalborg, name="Genert Borger"),
        text="Uden samtykke.",
        publication_consent=False,
    )
    for response in (public, secret, shy):
        remark = services.remark_add(response=response, excerpt=f"Om: {response.text}", goal=goal)
        answered(remark, user=editor)
    Hearing.objects.filter(pk=hearing.pk).update(state=Hearing.State.PROCESSED)
    hearing.refresh_from_db()
    return hearing


def test_citizen_contact_data_never_appear_on_public_pages(client, processed_hearing):
    bodies = public_bodies(client, processed_hearing)
    assert any("Synlig Borger" in body for body in bodies)
    for body in bodies:
        assert SECRET_EMAIL not in body
        assert SECRET_PHONE not in body
        assert "Hemmelig Allé" not in body


def test_confidential_and_unconsented_responses_appear_nowhere_public(client, processed_hearing):
    bodies = public_bodies(client, processed_hearing)
    assert any("Synlig Borger" in body for body in bodies)  # the public response is there
    for body in bodies:
        assert "FORTROLIG-TEKST-42" not in body
        assert "Genert Borger" not in body
        assert "Uden samtykke." not in body


def test_public_pages_stay_clean_for_a_logged_in_insider(client, processed_hearing, editor):
    client.force_login(editor)
    detail = client.get(processed_hearing.get_absolute_url()).content.decode()
    assert "FORTROLIG-TEKST-42" not in detail and SECRET_EMAIL not in detail


def test_public_export_has_no_contact_data_and_no_confidential_response(
    client, processed_hearing, editor
):
    client.force_login(editor)
    slug = processed_hearing.policy.municipality.slug
    for fmt in ("csv", "xlsx"):
        url = reverse("hearings:staff_export", args=[slug, processed_hearing.pk, fmt])
        public = client.get(url + "?offentlig=1").content
        staff = client.get(url).content
        if fmt == "xlsx":
            public, staff = _xlsx_text(public), _xlsx_text(staff)
        else:
            public, staff = public.decode("utf-8-sig"), staff.decode("utf-8-sig")
        assert "Synlig Borger" in public
        assert "FORTROLIG-TEKST-42" not in public and "Genert Borger" not in public
        assert "FORTROLIG-TEKST-42" in staff
        for text in (public, staff):
            assert SECRET_EMAIL not in text and SECRET_PHONE not in text


def _xlsx_text(content):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row)


def test_report_and_responses_are_hidden_before_processing(client, aalborg):
    hearing = HearingFactory(policy__municipality=aalborg, state="closed")
    ResponseFactory(hearing=hearing, text="Endnu ikke offentligt")
    slug = aalborg.slug
    assert client.get(reverse("hearings:report", args=[slug, hearing.pk])).status_code == 404
    assert "Endnu ikke offentligt" not in client.get(hearing.get_absolute_url()).content.decode()


def test_confidential_attachment_download_is_404_for_the_public(client, processed_hearing):
    from hearings.models import ResponseAttachment

    secret = Response.objects.get(confidential=True)
    attachment = ResponseAttachment.objects.create(
        response=secret, file=pdf_file(), original_name="x.pdf", content_type="application/pdf"
    )
    url = reverse("hearings:attachment", args=[attachment.pk])
    assert client.get(url).status_code == 404


def test_planned_hearing_is_404_for_the_public(client, aalborg):
    hearing = HearingFactory(policy__municipality=aalborg, state="planned")
    assert client.get(hearing.get_absolute_url()).status_code == 404


# --- staff --------------------------------------------------------------------------------


def test_staff_pages_need_an_editor_of_the_municipality(client, hearing, other_editor, editor):
    url = reverse("hearings:staff_detail", args=["aalborg", hearing.pk])
    assert client.get(url).status_code == 302
    client.force_login(other_editor)
    assert client.get(url).status_code == 403
    client.force_login(editor)
    assert client.get(url).status_code == 200


def test_staff_registers_a_letter_after_closing_only_with_an_override(client, hearing, editor):
    Hearing.objects.filter(pk=hearing.pk).update(state=Hearing.State.CLOSED)
    client.force_login(editor)
    url = reverse("hearings:staff_register", args=["aalborg", hearing.pk])
    data = {
        "kind": "organisation",
        "name": "Boligforeningen",
        "received_on": hearing.closes_on.isoformat(),
        "channel": "letter",
        "text": "Vores svar.",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Skriv begrundelsen" in response.content.decode()
    assert not Response.objects.exists()
    response = client.post(url, {**data, "late_override_reason": "Lå i postkassen."})
    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.late_override_by == editor


def test_staff_pages_render(client, processed_hearing, editor):
    client.force_login(editor)
    slug = "aalborg"
    response = Response.objects.filter(hearing=processed_hearing).first()
    for url in [
        reverse("hearings:staff_index", args=[slug]),
        reverse("hearings:staff_create", args=[slug]),
        reverse("hearings:staff_parties", args=[slug]),
        reverse("hearings:staff_detail", args=[slug, processed_hearing.pk]),
        reverse("hearings:staff_register", args=[slug, processed_hearing.pk]),
        reverse("hearings:staff_response", args=[slug, processed_hearing.pk, response.pk]),
        reverse("hearings:staff_bulk", args=[slug, processed_hearing.pk]) + "?unanswered=",
        reverse("core:staff_home"),
    ]:
        assert client.get(url).status_code == 200, url


def test_staff_handles_a_remark_through_htmx(client, hearing, editor):
    remark = RemarkFactory(response=ResponseFactory(hearing=hearing))
    theme = ThemeFactory(municipality=hearing.policy.municipality)
    client.force_login(editor)
    url = reverse("hearings:staff_remark_handle", args=["aalborg", hearing.pk, remark.pk])
    p = f"r{remark.pk}-"
    data = {p + "outcome": "not_taken_up", p + "answer": "Nej tak.", p + "revision": 0}
    response = client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200  # htmx swaps only 2xx responses
    assert "begrundelsen" in response.content.decode()
    response = client.post(
        url,
        {**data, p + "reason": "Uden for rammen.", p + "themes": [theme.pk]},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    remark.refresh_from_db()
    assert remark.outcome == "not_taken_up" and remark.revision == 1
    assert remark.theme_tags.get().tagged_by == editor
    stale = client.post(url, {**data, p + "reason": "Gammel"}, HTTP_HX_REQUEST="true")
    assert "En anden har gemt" in stale.content.decode()


def test_a_conflicting_answer_without_javascript_keeps_the_text_beside_the_saved_one(
    client, hearing, editor
):
    remark = RemarkFactory(response=ResponseFactory(hearing=hearing))
    client.force_login(editor)
    url = reverse("hearings:staff_remark_handle", args=["aalborg", hearing.pk, remark.pk])
    p = f"r{remark.pk}-"
    theirs = {p + "outcome": "noted", p + "answer": "Kollegaens svar.", p + "revision": 0}
    assert client.post(url, theirs).status_code == 302
    mine = {p + "outcome": "noted", p + "answer": "Mit eget svar.", p + "revision": 0}
    response = client.post(url, mine)
    body = response.content.decode()
    assert response.status_code == 409
    assert "En anden har gemt denne post" in body
    assert "Mit eget svar.</textarea>" in body  # still in the form
    assert 'data-conflict="saved">Kollegaens svar.' in body  # the saved answer beside it
    assert f'name="{p}revision" value="1"' in body
    remark.refresh_from_db()
    assert remark.answer == "Kollegaens svar."
    assert client.post(url, {**mine, p + "revision": 1}).status_code == 302
    remark.refresh_from_db()
    assert remark.answer == "Mit eget svar."


def test_an_invalid_answer_without_javascript_comes_back_with_its_error_and_text(
    client, hearing, editor
):
    remark = RemarkFactory(response=ResponseFactory(hearing=hearing))
    client.force_login(editor)
    url = reverse("hearings:staff_remark_handle", args=["aalborg", hearing.pk, remark.pk])
    p = f"r{remark.pk}-"
    response = client.post(
        url, {p + "outcome": "not_taken_up", p + "answer": "Nej tak.", p + "revision": 0}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "begrundelsen" in body and "Nej tak.</textarea>" in body


def test_bulk_page_answers_the_ticked_remarks(client, hearing, editor):
    remarks = [RemarkFactory(response=ResponseFactory(hearing=hearing)) for _ in range(3)]
    client.force_login(editor)
    url = reverse("hearings:staff_bulk", args=["aalborg", hearing.pk])
    response = client.post(
        url,
        {
            "remarks": [remarks[0].pk, remarks[1].pk],
            "outcome": "noted",
            "answer_template": "Tak, {afsender}.",
        },
    )
    assert response.status_code == 302
    assert Remark.objects.filter(outcome="noted").count() == 2


# --- the council's review -----------------------------------------------------------------


def test_staff_sets_parties_and_is_warned_about_a_missing_legal_party(client, hearing, editor):
    from hearings.models import ConsultedParty
    from hearings.tests.factories import ConsultedPartyFactory

    council = CouncilFactory(municipality=hearing.policy.municipality, name="Handicaprådet")
    ConsultedPartyFactory(
        municipality=hearing.policy.municipality,
        name="Handicaprådet",
        kind=ConsultedParty.Kind.COUNCIL,
        council=council,
        required_by_law=True,
    )
    other = ConsultedPartyFactory(municipality=hearing.policy.municipality)
    client.force_login(editor)
    url = reverse("hearings:staff_set_parties", args=["aalborg", hearing.pk])
    response = client.post(url, {"parties": [other.pk]}, follow=True)
    assert list(hearing.consulted_parties.all()) == [other]
    assert "Handicaprådet er lovpligtig høringspart" in response.content.decode()


@pytest.mark.parametrize("page", ["public", "staff", "index", "report"])
def test_listing_pages_have_a_constant_query_count(
    client, aalborg, editor, page, django_assert_max_num_queries
):
    hearing = HearingFactory(policy__municipality=aalborg, state="processed")
    goal = GoalFactory(policy=hearing.policy)
    client.force_login(editor)
    urls = {
        "public": hearing.get_absolute_url(),
        "staff": hearing.get_staff_url(),
        "index": reverse("hearings:index", args=["aalborg"]),
        "report": reverse("hearings:report", args=["aalborg", hearing.pk]),
    }

    def add(count):
        for _ in range(count):
            response = ResponseFactory(hearing=hearing)
            RemarkFactory(response=response, goal=goal, outcome="noted", answer="Tak.")
            HearingFactory(policy=hearing.policy, state="closed")

    def queries():
        with django_assert_max_num_queries(30) as captured:
            assert client.get(urls[page]).status_code == 200
        return len(captured)

    add(3)
    few = queries()
    add(12)
    assert queries() == few


def test_staff_registers_a_letter_with_two_attachments_and_downloads_them(client, hearing, editor):
    client.force_login(editor)
    url = reverse("hearings:staff_register", args=["aalborg", hearing.pk])
    response = client.post(
        url,
        {
            "kind": "citizen",
            "name": "Brevskriver",
            "address": "Postvej 3",
            "received_on": hearing.opens_on.isoformat(),
            "channel": "letter",
            "text": "Håndskrevet svar.",
            "files": [pdf_file(name="a.pdf"), docx_file()],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = Response.objects.get()
    attachments = list(saved.attachments.order_by("id"))
    assert [a.original_name for a in attachments] == ["a.pdf", "svar.docx"]
    download = client.get(attachments[0].get_download_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    client.logout()
    assert client.get(attachments[0].get_download_url()).status_code == 404


def test_staff_creates_a_hearing(client, aalborg, editor):
    from hearings.tests.factories import ConsultedPartyFactory
    from policies.tests.factories import PolicyVersionFactory

    policy = PolicyFactory(
        municipality=aalborg, title="Sundhedspolitik", state=Policy.State.IN_HEARING
    )
    version = PolicyVersionFactory(policy=policy)
    party = ConsultedPartyFactory(municipality=aalborg)
    client.force_login(editor)
    response = client.post(
        reverse("hearings:staff_create", args=["aalborg"]),
        {
            "policy": policy.pk,
            "version": version.pk,
            "title": "",
            "opens_on": "2027-01-01",
            "closes_on": "2027-02-01",
            "citizens_may_answer": "on",
            "parties": [party.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    hearing = Hearing.objects.get(policy=policy)
    assert hearing.title == "Høring om Sundhedspolitik"
    assert hearing.state == Hearing.State.PLANNED
    assert hearing.personal_data_delete_on > hearing.closes_on
    assert list(hearing.consulted_parties.all()) == [party]


def test_the_summary_is_shown_on_the_hearing_page_and_in_the_report(client, processed_hearing):
    services.hearing_set_summary(
        hearing=processed_hearing, summary="<p>Helt overordnet er der flere positive.</p>"
    )
    slug = processed_hearing.policy.municipality.slug
    for name in ("hearings:detail", "hearings:report"):
        page = client.get(reverse(name, args=[slug, processed_hearing.pk])).content.decode()
        assert "Opsummering" in page and "Helt overordnet er der flere positive." in page, name


def test_a_hearing_without_a_summary_shows_no_summary_heading(client, processed_hearing):
    slug = processed_hearing.policy.municipality.slug
    page = client.get(reverse("hearings:detail", args=[slug, processed_hearing.pk]))
    assert page.status_code == 200
    assert "Opsummering" not in page.content.decode()
