"""Helpers for the hearings view tests: the citizens' form and the public pages."""

import io
import time
import zipfile

from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hearings import forms as hearing_forms

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


def respond_url(hearing):
    return reverse("hearings:respond", args=[hearing.policy.municipality.slug, hearing.pk])


# --- the citizens' form -------------------------------------------------------------------


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
