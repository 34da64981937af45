import io
import time
import zipfile

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearings import forms as hearing_forms
from hearings import services
from hearings.models import Hearing, InternalNote, Remark, RemarkRead, Response
from hearings.tests.factories import (
    CouncilFactory,
    GoalFactory,
    HearingFactory,
    PolicyFactory,
    RemarkFactory,
    ResponderFactory,
    ResponseFactory,
    ThemeFactory,
    council_member,
)

pytestmark = pytest.mark.django_db

SECRET_EMAIL = "hemmelig.borger.7f3a@example.dk"
SECRET_PHONE = "+45 55 12 34 99"


def old_token(seconds=60):
    return signing.TimestampSigner(salt=hearing_forms._SIGNING_SALT).sign(
        str(int(time.time()) - seconds)
    )


def form_data(**overrides):
    data = {
        "name": "Karen Jensen",
        "email": "karen@example.dk",
        "organisation": "",
        "text": "Flere mødesteder i mit område, tak.",
        "publication_consent": "on",
        "website": "",
        "started": old_token(),
    }
    data.update(overrides)
    return data


def pdf_file(size=200, name="svar.pdf"):
    body = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"
    return SimpleUploadedFile(name, body + b"0" * max(size - len(body), 0), "application/pdf")


def docx_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile("svar.docx", buffer.getvalue(), "application/octet-stream")


@pytest.fixture
def hearing(aalborg):
    return HearingFactory(policy=PolicyFactory(municipality=aalborg))


def respond_url(hearing):
    return reverse("hearings:respond", args=[hearing.policy.municipality.slug, hearing.pk])


# --- the citizens' form -------------------------------------------------------------------


def test_citizen_answer_gives_a_receipt_page_with_the_reference(client, hearing):
    response = client.post(respond_url(hearing), form_data(), follow=True)
    saved = Response.objects.get(hearing=hearing)
    assert saved.reference in response.content.decode()
    assert saved.publication_consent and saved.responder.email == "karen@example.dk"
    assert response.redirect_chain[-1][0].endswith("/svar/kvittering/")


def test_form_errors_keep_what_was_typed(client, hearing):
    response = client.post(respond_url(hearing), form_data(email="ikke-en-adresse"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Der er fejl i formularen" in html
    assert "Flere mødesteder i mit område, tak." in html
    assert 'value="Karen Jensen"' in html
    assert not Response.objects.exists()


def test_honeypot_gives_a_receipt_but_saves_nothing(client, hearing):
    response = client.post(respond_url(hearing), form_data(website="http://spam"), follow=True)
    assert response.status_code == 200
    assert not Response.objects.exists()


def test_a_form_sent_too_fast_is_refused_and_keeps_the_input(client, hearing):
    response = client.post(respond_url(hearing), form_data(started=old_token(seconds=0)))
    assert "meget hurtigt" in response.content.decode()
    assert "Flere mødesteder" in response.content.decode()
    assert not Response.objects.exists()


def test_a_forged_timestamp_is_refused(client, hearing):
    client.post(respond_url(hearing), form_data(started="123:forged"))
    assert not Response.objects.exists()


def test_submissions_are_rate_limited_per_address(client, hearing, settings):
    from hearings.views import public as views

    for _ in range(views.RATE_LIMIT):
        assert client.post(respond_url(hearing), form_data()).status_code == 302
    response = client.post(respond_url(hearing), form_data())
    assert response.status_code == 429
    assert Response.objects.count() == views.RATE_LIMIT
    other = client.post(respond_url(hearing), form_data(), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_pdf_and_docx_attachments_are_accepted(client, hearing):
    client.post(respond_url(hearing), {**form_data(), "attachment": pdf_file()})
    client.post(respond_url(hearing), {**form_data(), "attachment": docx_file()})
    types = sorted(Response.objects.values_list("attachments__content_type", flat=True))
    assert types == [hearing_forms.PDF, hearing_forms.DOCX]


def test_a_renamed_executable_is_refused_by_content(client, hearing):
    fake = SimpleUploadedFile("svar.pdf", b"MZ\x90\x00" * 200, "application/pdf")
    response = client.post(respond_url(hearing), {**form_data(), "attachment": fake})
    assert "PDF- eller Word-fil" in response.content.decode()
    assert not Response.objects.exists()


def test_an_attachment_over_the_limit_is_refused(client, hearing, settings):
    settings.POLITIKSPOR_MAX_UPLOAD_MB = 1
    response = client.post(
        respond_url(hearing), {**form_data(), "attachment": pdf_file(size=1024 * 1024 + 1)}
    )
    assert "for stor" in response.content.decode()
    assert not Response.objects.exists()


def test_the_form_is_closed_when_citizens_may_not_answer(client, aalborg):
    hearing = HearingFactory(policy=PolicyFactory(municipality=aalborg), citizens_may_answer=False)
    response = client.post(respond_url(hearing), form_data())
    assert response.status_code == 302
    assert not Response.objects.exists()


# --- publication rules ------------------------------------------------------------------


@pytest.fixture
def processed_hearing(aalborg, editor):
    hearing = HearingFactory(policy=PolicyFactory(municipality=aalborg))
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
        services.remark_handle(remark=remark, outcome="noted", answer="Tak.", user=editor)
    Hearing.objects.filter(pk=hearing.pk).update(state=Hearing.State.PROCESSED)
    hearing.refresh_from_db()
    return hearing


def public_bodies(client, hearing):
    slug = hearing.policy.municipality.slug
    urls = [
        reverse("hearings:index", args=[slug]),
        reverse("hearings:detail", args=[slug, hearing.pk]),
        reverse("hearings:report", args=[slug, hearing.pk]),
        reverse("core:municipality", args=[slug]),
    ]
    bodies = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        bodies.append(response.content.decode())
    return bodies


def test_citizen_contact_data_never_appear_on_public_pages(client, processed_hearing):
    bodies = public_bodies(client, processed_hearing)
    assert any("Synlig Borger" in body for body in bodies)
    for body in bodies:
        assert SECRET_EMAIL not in body
        assert SECRET_PHONE not in body
        assert "Hemmelig Allé" not in body


def test_confidential_and_unconsented_responses_appear_nowhere_public(client, processed_hearing):
    for body in public_bodies(client, processed_hearing):
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
    hearing = HearingFactory(policy=PolicyFactory(municipality=aalborg), state="closed")
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
    hearing = HearingFactory(policy=PolicyFactory(municipality=aalborg), state="planned")
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


def _fill(hearing, responses, goals, themes):
    for index in range(responses):
        response = ResponseFactory(hearing=hearing)
        for goal in goals:
            remark = RemarkFactory(response=response, goal=goal, excerpt=f"Bemærkning {index}")
            remark.themes.add(themes[index % len(themes)])
            InternalNote.objects.create(remark=remark, author=hearing._editor, text="note")


def _review_queries(client, hearing, query=""):
    url = reverse("hearings:review", args=["aalborg", hearing.pk]) + query
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def test_review_page_query_count_is_constant_in_the_number_of_responses(client, aalborg, editor):
    hearing = HearingFactory(policy=PolicyFactory(municipality=aalborg))
    hearing._editor = editor
    goals = [GoalFactory(policy=hearing.policy, position=i) for i in range(3)]
    themes = [ThemeFactory(municipality=aalborg) for _ in range(3)]
    client.force_login(editor)
    _fill(hearing, 5, goals, themes)
    small, _ = _review_queries(client, hearing)
    small_filtered, _ = _review_queries(client, hearing, f"?theme={themes[0].pk}&unread=on&q=B")
    _fill(hearing, 45, goals, themes)
    large, response = _review_queries(client, hearing)
    large_filtered, _ = _review_queries(client, hearing, f"?theme={themes[0].pk}&unread=on&q=B")
    assert small == large, (small, large)
    assert small_filtered == large_filtered
    assert large <= 25
    assert "150 bemærkninger" in response.content.decode()


def test_review_is_for_council_members_and_editors_only(client, hearing, other_editor):
    url = reverse("hearings:review", args=["aalborg", hearing.pk])
    assert client.get(url).status_code == 302
    client.force_login(other_editor)
    assert client.get(url).status_code == 403
    member = council_member(CouncilFactory(municipality=hearing.policy.municipality))
    client.force_login(member)
    assert client.get(url).status_code == 200


def test_member_marks_read_and_writes_a_note_that_stays_internal(client, aalborg, editor):
    hearing = HearingFactory(policy=PolicyFactory(municipality=aalborg), state="processed")
    remark = RemarkFactory(response=ResponseFactory(hearing=hearing))
    services.remark_handle(remark=remark, outcome="noted", answer="Tak.", user=editor)
    member = council_member(CouncilFactory(municipality=aalborg))
    client.force_login(member)
    base = reverse("hearings:review", args=["aalborg", hearing.pk])
    read_url = reverse("hearings:mark_read", args=["aalborg", hearing.pk, remark.pk])
    note_url = reverse("hearings:add_note", args=["aalborg", hearing.pk, remark.pk])
    assert client.post(read_url, {"read": "1", "next": base}).status_code == 302
    assert RemarkRead.objects.filter(user=member, remark=remark).exists()
    unread = client.get(base + "?unread=on").content.decode()
    assert "Ingen bemærkninger matcher" in unread
    response = client.post(
        note_url, {f"note-{remark.pk}-text": "INTERN-NOTE-99"}, HTTP_HX_REQUEST="true"
    )
    assert "INTERN-NOTE-99" in response.content.decode()
    client.logout()
    for body in public_bodies(client, hearing):
        assert "INTERN-NOTE-99" not in body


def test_behind_a_proxy_the_forwarded_address_is_rate_limited(client, hearing, settings):
    from hearings.views import public as views

    settings.POLITIKSPOR_PROXY_COUNT = 1
    for _ in range(views.RATE_LIMIT):
        client.post(respond_url(hearing), form_data(), HTTP_X_FORWARDED_FOR="1.2.3.4")
    blocked = client.post(respond_url(hearing), form_data(), HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert blocked.status_code == 429
    # A forged left-most address does not escape the limit ...
    forged = client.post(respond_url(hearing), form_data(), HTTP_X_FORWARDED_FOR="9.9.9.9, 1.2.3.4")
    assert forged.status_code == 429
    # ... and another citizen behind the same proxy is not blocked.
    other = client.post(respond_url(hearing), form_data(), HTTP_X_FORWARDED_FOR="5.6.7.8")
    assert other.status_code == 302


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
def test_listing_pages_have_a_constant_query_count(client, aalborg, editor, page):
    hearing = HearingFactory(policy=PolicyFactory(municipality=aalborg), state="processed")
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
        with CaptureQueriesContext(connection) as captured:
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
    from hearings.tests.factories import ConsultedPartyFactory, PolicyVersionFactory

    policy = PolicyFactory(municipality=aalborg, title="Sundhedspolitik")
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
