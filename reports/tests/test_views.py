import hashlib

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from reports import services
from reports.models import ReportVersion
from reports.tests import factories

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


def test_internal_versions_are_hidden_from_citizens_and_other_municipalities(
    client, other_editor, cycle, django_capture_on_commit_callbacks
):
    from core.tests.factories import UserFactory

    version = _rendered(
        cycle["policy"], COUNCIL, django_capture_on_commit_callbacks, council=cycle["council"]
    )

    assert client.get(version.get_absolute_url()).status_code == 404
    assert client.get(version.get_download_url()).status_code == 404
    client.force_login(other_editor)
    assert client.get(version.get_download_url()).status_code == 404
    member = UserFactory()
    factories.make_member(cycle["council"], member)
    client.force_login(member)
    assert client.get(version.get_download_url()).status_code == 200


def test_a_failed_version_says_why_and_staff_can_retry_it(
    client, editor, cycle, django_capture_on_commit_callbacks
):
    version = services.report_request(policy=cycle["policy"], audience=PUBLIC)
    services.report_mark_failed(version_id=version.pk, error="MemoryError: for stor")
    retry_url = reverse("reports:retry", args=["aalborg", version.pk])

    anonymous = client.get(version.get_absolute_url()).content.decode()
    assert "MemoryError: for stor" in anonymous and retry_url not in anonymous
    assert client.post(retry_url).status_code == 403

    client.force_login(editor)
    assert retry_url in client.get(version.get_absolute_url()).content.decode()
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


def test_minutes_and_hearing_reports_are_ordered_from_the_staff_side(
    client, editor, cycle, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    minutes_url = reverse("reports:request_minutes", args=["aalborg", cycle["meeting"].pk])
    hearing_url = reverse("reports:request_hearing", args=["aalborg", cycle["hearing"].pk])
    form = render_to_string("reports/_order_form.html", {"action": minutes_url})
    assert f'action="{minutes_url}"' in form and 'name="audience"' in form

    with django_capture_on_commit_callbacks(execute=True):
        minutes = client.post(minutes_url, {"audience": "public"})
        hearing = client.post(hearing_url, {"audience": "secretariat"})

    kinds = dict(ReportVersion.objects.values_list("kind", "state"))
    assert kinds == {"minutes": "done", "hearing": "done"}
    assert minutes.status_code == hearing.status_code == 302


def test_the_version_page_costs_a_fixed_number_of_queries(
    client, cycle, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    version = _rendered(cycle["policy"], PUBLIC, django_capture_on_commit_callbacks)

    with django_assert_max_num_queries(8):
        assert client.get(version.get_absolute_url()).status_code == 200
