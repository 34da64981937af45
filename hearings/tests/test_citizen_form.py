"""The citizens' answer form: receipts, errors that keep the input, limits and bots."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hearings import forms as hearing_forms
from hearings.models import Response
from hearings.tests.citizen import (
    docx_file,
    form_data,
    old_token,
    pdf_file,
    respond_url,
)
from hearings.tests.factories import HearingFactory

pytestmark = pytest.mark.django_db


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
    response = client.post(respond_url(hearing), form_data(started="123:forged"))
    assert "Formularen er udløbet" in response.content.decode()
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


def test_a_pdf_that_is_also_a_web_page_is_refused(client, hearing):
    polyglot = pdf_file().read() + b"<html><body><script>alert(1)</script></body></html>"
    fake = SimpleUploadedFile("svar.html", polyglot, "text/html")
    response = client.post(respond_url(hearing), {**form_data(), "attachment": fake})
    assert "mere end én filtype" in response.content.decode()
    assert not Response.objects.exists()


def test_an_attachment_is_offered_under_the_extension_of_its_content(client, hearing):
    client.post(respond_url(hearing), {**form_data(), "attachment": pdf_file(name="svar.html")})
    attachment = Response.objects.get().attachments.get()
    assert attachment.original_name == "svar.pdf"
    assert attachment.file.name.endswith(".pdf")


def test_an_attachment_over_the_limit_is_refused(client, hearing, settings):
    settings.POLITIKSPOR_MAX_UPLOAD_MB = 1
    response = client.post(
        respond_url(hearing), {**form_data(), "attachment": pdf_file(size=1024 * 1024 + 1)}
    )
    assert "for stor" in response.content.decode()
    assert not Response.objects.exists()


def test_the_form_is_closed_when_citizens_may_not_answer(client, aalborg):
    hearing = HearingFactory(policy__municipality=aalborg, citizens_may_answer=False)
    response = client.post(respond_url(hearing), form_data())
    assert response.status_code == 302
    assert not Response.objects.exists()


# --- publication rules ------------------------------------------------------------------


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
