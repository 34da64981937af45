import hashlib

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from councils.tests.factories import CouncilFactory, member_user
from reports import services
from reports.models import ReportVersion

pytestmark = pytest.mark.django_db

PUBLIC = ReportVersion.Audience.PUBLIC
COUNCIL = ReportVersion.Audience.COUNCIL
SECRETARIAT = ReportVersion.Audience.SECRETARIAT


def _order_url(policy):
    return reverse("reports:request", args=[policy.municipality.slug, policy.slug])


def _rendered(policy, audience, django_capture_on_commit_callbacks, council=None):
    with django_capture_on_commit_callbacks(execute=True):
        version = services.report_request(policy=policy, audience=audience, council=council)
    version.refresh_from_db()
    return version


def test_an_editor_orders_a_report_and_lands_on_its_page(
    client, editor, cycle, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _order_url(cycle["policy"]),
            {"audience": "council", "council": cycle["council"].pk, "label": "Til mødet"},
        )

    version = ReportVersion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == version.get_absolute_url()
    assert version.audience == COUNCIL and version.council == cycle["council"]
    assert version.label == "Til mødet"
    assert version.requested_by == editor
    page = client.get(version.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "Færdig" in html
    assert version.get_download_url() in html
    assert 'hx-trigger="every 2s"' not in html  # nothing left to wait for


def test_ordering_is_for_the_municipality_s_editors_only(client, other_editor, cycle):
    assert client.post(_order_url(cycle["policy"]), {"audience": "public"}).status_code == 403
    client.force_login(other_editor)
    assert client.post(_order_url(cycle["policy"]), {"audience": "public"}).status_code == 403
    assert client.get(_order_url(cycle["policy"])).status_code == 405
    assert not ReportVersion.objects.exists()


def test_a_queued_version_polls_its_status_and_can_be_refreshed_without_js(client, editor, cycle):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)  # not sent
    status_url = reverse("reports:status", args=["aalborg", version.pk])

    html = client.get(version.get_absolute_url()).content.decode()

    assert "I kø" in html
    assert f'hx-get="{status_url}"' in html
    assert 'hx-trigger="every 2s"' in html
    assert "<progress" in html
    assert f'href="{version.get_absolute_url()}"' in html  # the plain refresh link
    partial = client.get(status_url).content.decode()
    assert "<html" not in partial and 'hx-trigger="every 2s"' in partial


def test_download_gives_the_same_pdf_bytes_every_time(
    client, cycle, django_capture_on_commit_callbacks
):
    version = _rendered(cycle["policy"], PUBLIC, django_capture_on_commit_callbacks)

    first = client.get(version.get_download_url())
    second = client.get(version.get_download_url())

    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert "attachment" in first["Content-Disposition"]
    body = first.content
    assert body.startswith(b"%PDF")
    assert hashlib.sha256(body).hexdigest() == version.pdf_sha256
    assert second.content == body
    assert first["ETag"] == f'"{version.pdf_sha256}"'


def test_a_council_s_version_is_hidden_from_citizens_other_councils_and_municipalities(
    client, other_editor, cycle, django_capture_on_commit_callbacks
):
    version = _rendered(
        cycle["policy"], COUNCIL, django_capture_on_commit_callbacks, council=cycle["council"]
    )

    assert client.get(version.get_absolute_url()).status_code == 404
    assert client.get(version.get_download_url()).status_code == 404
    client.force_login(other_editor)
    assert client.get(version.get_download_url()).status_code == 404
    client.force_login(member_user(CouncilFactory(municipality=cycle["policy"].municipality)))
    assert client.get(version.get_absolute_url()).status_code == 404
    assert client.get(version.get_download_url()).status_code == 404
    client.force_login(member_user(cycle["council"]))
    assert client.get(version.get_download_url()).status_code == 200
    page = client.get(version.get_absolute_url()).content.decode()
    assert "Integrationsrådet og sekretariatet" in page  # whom it is for, in words
    assert "Også rådets lukkede punkter" in page


def test_a_failed_version_tells_staff_why_and_everyone_else_only_that_it_failed(
    client, editor, cycle, django_capture_on_commit_callbacks
):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    ReportVersion.objects.filter(pk=version.pk).update(attempts=3)
    services.report_mark_failed(version_id=version.pk, error="MemoryError: for stor")
    retry_url = reverse("reports:retry", args=["aalborg", version.pk])
    status_url = reverse("reports:status", args=["aalborg", version.pk])

    for who in (None, member_user(cycle["council"])):  # a citizen, a council member
        if who:
            client.force_login(who)
        for url in (version.get_absolute_url(), status_url):
            html = client.get(url).content.decode()
            assert "Rapporten kunne ikke dannes" in html
            assert "MemoryError" not in html and "for stor" not in html
            assert "3 forsøg" not in html and retry_url not in html
        assert client.post(retry_url).status_code == 403
        client.logout()

    client.force_login(editor)
    html = client.get(version.get_absolute_url()).content.decode()
    assert "MemoryError: for stor" in html
    assert "efter 3 forsøg" in html
    assert retry_url in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(retry_url)

    assert response.status_code == 302
    version.refresh_from_db()
    assert version.state == ReportVersion.State.DONE


def test_the_policy_page_fragment_lists_public_versions_only(
    cycle, django_capture_on_commit_callbacks
):
    public = _rendered(cycle["policy"], PUBLIC, django_capture_on_commit_callbacks)
    internal = _rendered(cycle["policy"], SECRETARIAT, django_capture_on_commit_callbacks)

    html = render_to_string(
        "reports/_policy_versions.html",
        {"versions": services.public_versions_for(cycle["policy"])},
    )

    assert public.get_download_url() in html
    assert internal.get_download_url() not in html
    assert f"{public.page_count} sider" in html


def test_the_staff_home_lists_the_latest_reports(client, editor, cycle):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    client.force_login(editor)

    html = client.get(reverse("core:staff_home")).content.decode()

    assert "Seneste rapporter" in html
    assert version.get_absolute_url() in html


def test_an_order_without_an_audience_is_refused_with_a_message(client, editor, cycle):
    client.force_login(editor)

    response = client.post(_order_url(cycle["policy"]), {"audience": "alle"}, follow=True)

    assert response.status_code == 200
    assert "vælg en målgruppe" in response.content.decode()
    assert not ReportVersion.objects.exists()


def _staff_pages(cycle):
    """Each kind's staff page and the order form's address on it."""
    return {
        "cycle": (
            reverse("policies:staff_edit", args=["aalborg", cycle["policy"].slug]),
            _order_url(cycle["policy"]),
        ),
        "minutes": (
            reverse("councils:staff_meeting", args=["aalborg", cycle["meeting"].pk]),
            reverse("reports:request_minutes", args=["aalborg", cycle["meeting"].pk]),
        ),
        "hearing": (
            reverse("hearings:staff_detail", args=["aalborg", cycle["hearing"].pk]),
            reverse("reports:request_hearing", args=["aalborg", cycle["hearing"].pk]),
        ),
    }


def test_each_staff_page_shows_its_order_form_with_the_audiences_written_out(client, editor, cycle):
    client.force_login(editor)

    for kind, (page, action) in _staff_pages(cycle).items():
        html = client.get(page).content.decode()
        form = html[html.index(f'action="{action}"') :]
        form = form[: form.index("</form>")]
        # Django's radios, one per audience, each with what it holds and who may open it.
        for value in ("public", "council", "secretariat"):
            assert f'name="audience" value="{value}"' in form, kind
        assert "Kun det, som alle borgere kan se." in form
        assert "Kun rådets medlemmer og sekretariatet kan hente den." in form
        assert "Alt, også fortrolige høringssvar." in form
        assert 'name="label"' in form
        if kind == "minutes":  # the meeting's own council; nothing to choose
            assert 'name="council"' not in form
            assert "Udgave til Integrationsrådet" in form
        else:
            assert '<select name="council"' in form
            assert f'<option value="{cycle["council"].pk}">Integrationsrådet</option>' in form


def test_no_order_form_for_anyone_but_the_secretariat(client, cycle):
    page, action = _staff_pages(cycle)["cycle"]
    client.force_login(member_user(cycle["council"]))

    response = client.get(page)

    assert action not in response.content.decode()


def test_minutes_and_hearing_reports_are_ordered_from_the_staff_side(
    client, editor, cycle, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    pages = _staff_pages(cycle)

    with django_capture_on_commit_callbacks(execute=True):
        minutes = client.post(pages["minutes"][1], {"audience": "council"})
        hearing = client.post(
            pages["hearing"][1], {"audience": "council", "council": cycle["council"].pk}
        )

    versions = {v.kind: v for v in ReportVersion.objects.all()}
    assert {kind: v.state for kind, v in versions.items()} == {
        "minutes": "done",
        "hearing": "done",
    }
    assert versions["minutes"].council == cycle["council"]  # implied by the meeting
    assert versions["hearing"].council == cycle["council"]
    assert minutes["Location"] == versions["minutes"].get_absolute_url()
    assert hearing["Location"] == versions["hearing"].get_absolute_url()
    assert versions["hearing"].download_name == f"hoeringsnotat-{cycle['hearing'].pk}-v1-raad.pdf"


def test_a_council_s_version_without_a_council_is_refused_back_on_the_staff_page(
    client, editor, cycle
):
    client.force_login(editor)
    page, action = _staff_pages(cycle)["hearing"]

    response = client.post(action, {"audience": "council"}, follow=True)

    assert response.redirect_chain[-1][0] == page
    assert "vælg det råd, udgaven er til." in response.content.decode()
    assert not ReportVersion.objects.exists()


def test_the_version_page_costs_a_fixed_number_of_queries(
    client, cycle, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    version = _rendered(cycle["policy"], PUBLIC, django_capture_on_commit_callbacks)

    with django_assert_max_num_queries(8):
        assert client.get(version.get_absolute_url()).status_code == 200
