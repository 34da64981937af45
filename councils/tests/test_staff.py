import datetime
import io
import zipfile

import pytest
from django.urls import reverse

from councils.models import AgendaItem, Attachment, Meeting
from councils.tests.factories import AgendaItemFactory, CouncilFactory
from demo.placeholder import placeholder_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(aalborg):
    return AgendaItemFactory(
        meeting__council=CouncilFactory(municipality=aalborg), title="Oprindelig titel"
    )


def _edit_url(item):
    return reverse("councils:staff_item", args=["aalborg", item.meeting_id, item.pk])


def _post_item(client, item, revision, title, **extra):
    data = {"title": title, "revision": revision, "decision": "", "outcome": "", **extra}
    return client.post(_edit_url(item), data, **extra.pop("headers", {}))


def test_create_meeting_in_the_work_area(client, editor, aalborg):
    council = CouncilFactory(municipality=aalborg)
    client.force_login(editor)
    url = reverse("councils:staff_meeting_create", args=["aalborg"])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"council": council.pk, "starts_at": "2024-06-20T16:00", "location": "Rådhuset",
         "standing_items": "on"},
    )  # fmt: skip
    meeting = Meeting.objects.get(council=council)
    assert response.status_code == 302
    assert meeting.items.count() == 4
    bad = client.post(url, {"council": council.pk, "starts_at": "ikke en dato", "location": "X"})
    assert bad.status_code == 200
    assert "Der er fejl i formularen" in bad.content.decode()
    assert 'value="X"' in bad.content.decode()


def test_conflict_shows_both_texts_and_a_second_save_wins(client, editor, item):
    client.force_login(editor)
    assert _post_item(client, item, 0, "Kollegaens titel").status_code == 302
    response = _post_item(client, item, 0, "Min titel")
    body = response.content.decode()
    assert response.status_code == 409
    assert "Min titel" in body and "Kollegaens titel" in body
    assert "En anden har gemt denne post" in body
    assert 'name="revision" value="1"' in body
    item.refresh_from_db()
    assert item.title == "Kollegaens titel"
    assert _post_item(client, item, 1, "Min titel").status_code == 302
    item.refresh_from_db()
    assert item.title == "Min titel"


def test_htmx_edit_returns_the_row_partial(client, editor, item):
    client.force_login(editor)
    form = client.get(_edit_url(item), headers={"HX-Request": "true"})
    assert "<html" not in form.content.decode() and 'name="revision"' in form.content.decode()
    saved = client.post(
        _edit_url(item), {"title": "Via htmx", "revision": 0}, headers={"HX-Request": "true"}
    )
    assert saved.status_code == 200
    assert "Via htmx" in saved.content.decode() and "<html" not in saved.content.decode()


def test_history_page_lists_versions_and_compares_two(client, editor, item):
    client.force_login(editor)
    _post_item(client, item, 0, "Ny titel")
    url = reverse("councils:staff_item_history", args=["aalborg", item.meeting_id, item.pk])
    versions = list(item.history.order_by("history_date"))
    page = client.get(url, {"a": versions[0].history_id, "b": versions[-1].history_id})
    body = page.content.decode()
    assert editor.first_name in body
    assert "diff-del" in body and "Oprindelig" in body and "diff-ins" in body


def _upload(client, item, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("councils:staff_attachment_upload", args=["aalborg", item.meeting_id, item.pk])
    return client.post(url, {"title": "Bilaget", "file": SimpleUploadedFile(name, content)})


def test_upload_accepts_pdf_and_office_files(client, editor, item):
    client.force_login(editor)
    assert _upload(client, item, "a.pdf", placeholder_pdf("Test", ["x"])).status_code == 302
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert _upload(client, item, "b.docx", docx.getvalue()).status_code == 302
    types = list(Attachment.objects.order_by("number").values_list("content_type", flat=True))
    assert types[0] == "application/pdf"
    assert types[1].endswith("wordprocessingml.document")


@pytest.mark.parametrize("content", [b"\x7fELF\x02\x01\x01" + b"\0" * 100, b"MZ\x90\0" * 50])
def test_upload_refuses_a_renamed_executable(client, editor, item, content):
    client.force_login(editor)
    response = _upload(client, item, "rapport.pdf", content)
    assert response.status_code == 400
    assert "ikke en tilladt filtype" in response.content.decode()
    assert not Attachment.objects.exists()


def test_upload_refuses_a_pdf_that_is_also_a_web_page(client, editor, item):
    client.force_login(editor)
    polyglot = placeholder_pdf("Test", ["x"]) + b"<html><script>alert(1)</script></html>"
    response = _upload(client, item, "rapport.html", polyglot)
    assert response.status_code == 400
    assert "mere end én filtype" in response.content.decode()
    assert not Attachment.objects.exists()


def test_an_upload_is_stored_under_the_extension_of_its_content(client, editor, item):
    client.force_login(editor)
    assert _upload(client, item, "referat.html", placeholder_pdf("Test", ["x"])).status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.file.name.endswith("/referat.pdf")
    download = client.get(attachment.get_download_url())
    assert download["Content-Type"] == "application/pdf"
    assert (
        ".pdf" in download["Content-Disposition"] and ".html" not in download["Content-Disposition"]
    )


def test_upload_refuses_an_oversize_file(client, editor, item, settings):
    settings.POLITIKSPOR_MAX_UPLOAD_MB = 1
    client.force_login(editor)
    big = placeholder_pdf("Stor", ["x"]) + b"0" * (1024 * 1024 + 10)
    response = _upload(client, item, "stor.pdf", big)
    assert response.status_code == 400
    assert "Filen er for stor" in response.content.decode()


def test_publish_and_correct_through_the_work_area(client, editor, item):
    client.force_login(editor)
    meeting = item.meeting
    status_url = reverse("councils:staff_meeting_status", args=["aalborg", meeting.pk])
    client.post(status_url, {"action": "publish_agenda"})
    AgendaItem.objects.filter(pk=item.pk).update(outcome="approved")
    client.post(status_url, {"action": "publish_minutes"})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.MINUTES_PUBLISHED
    assert client.get(_edit_url(item)).status_code == 302  # to the correction form
    correct = reverse("councils:staff_item_correct", args=["aalborg", meeting.pk, item.pk])
    missing_reason = client.post(correct, {"field": "decision", "new_value": "x", "reason": ""})
    assert missing_reason.status_code == 200 and "Der er fejl" in missing_reason.content.decode()
    client.post(correct, {"field": "decision", "new_value": "Rettet", "reason": "Fejl"})
    item.refresh_from_db()
    assert "Rettet" in item.decision
    public = client.get(reverse("councils:item", args=["aalborg", meeting.pk, item.number]))
    assert "Fejl" in public.content.decode()


def test_item_add_and_move_in_the_work_area(client, editor, aalborg):
    from councils import services

    meeting = services.meeting_create(
        council=CouncilFactory(municipality=aalborg),
        starts_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
    )
    client.force_login(editor)
    add = reverse("councils:staff_item_add", args=["aalborg", meeting.pk])
    assert client.post(add, {"nyt-title": "Ny sag"}).status_code == 302
    refused = client.post(add, {"nyt-title": "Lukket sag", "nyt-is_closed": "on"})
    assert refused.status_code == 400 and "offentlig titel" in refused.content.decode()
    new = meeting.items.get(title="Ny sag")
    move = reverse("councils:staff_item_move", args=["aalborg", meeting.pk, new.pk])
    response = client.post(move, {"direction": "up"}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and 'id="item-list"' in response.content.decode()
    new.refresh_from_db()
    assert new.number == 3


def test_guests_and_follow_ups_are_recorded(client, editor, item):
    from councils.models import FollowUp, ItemGuest

    client.force_login(editor)
    url = reverse("councils:staff_item_extras", args=["aalborg", item.meeting_id, item.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"form": "guest", "guest-name": "Arne Bilgram", "guest-capacity": "Chef"})
    guest = ItemGuest.objects.get(item=item)
    assert guest.person.name == "Arne Bilgram" and guest.capacity == "Chef"
    response = client.post(
        url,
        {
            "form": "followup",
            "followup-kind": "working_group",
            "followup-title": "Budgetønske",
            "followup-task": "Indsend budgetønsket",
            "followup-due_date": "2023-05-01",
            "followup-due_label": "primo maj 2023",
            "followup-members": [guest.person.pk],
        },
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get(item=item)
    assert list(follow_up.members.all()) == [guest.person]
    invalid = client.post(url, {"form": "followup", "followup-title": "Uden opgave"})
    assert invalid.status_code == 400 and 'value="Uden opgave"' in invalid.content.decode()


def test_meeting_edit_conflict_keeps_the_users_input(client, editor, item):
    client.force_login(editor)
    meeting = item.meeting
    url = reverse("councils:staff_meeting_edit", args=["aalborg", meeting.pk])
    data = {"starts_at": "2024-06-20T16:00", "revision": 0}
    assert client.post(url, {**data, "location": "Rådhuset"}).status_code == 302
    response = client.post(url, {**data, "location": "Mødesal 2"})
    body = response.content.decode()
    assert "En anden har gemt denne post" in body and 'value="Mødesal 2"' in body
    meeting.refresh_from_db()
    assert meeting.location == "Rådhuset"
