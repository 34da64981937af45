import io

import pytest
from django.urls import reverse

from core.models import Municipality
from core.tests.factories import EditorFactory
from demo.loaders import councils, hearings, municipalities, policies
from demo.lookups import hearing_urls
from hearings.models import Acknowledgement, Hearing, Remark


@pytest.mark.django_db
def test_demo_loads_twice_and_holds_the_2023_hearing(client):
    for _ in range(2):
        for loader in (municipalities, councils, policies, hearings):
            loader.load(io.StringIO())
    hearing = Hearing.objects.get(policy__slug="integrationsstrategi-2023-2026")
    assert hearing.state == Hearing.State.PROCESSED
    assert hearing.parties.count() == 10
    assert hearing.responses.count() == 10
    assert hearing.missing_required_parties().count() == 0
    remarks = Remark.objects.filter(response__hearing=hearing)
    assert {"changes_text", "to_action_plans", "noted", "not_taken_up"} <= set(
        remarks.values_list("outcome", flat=True)
    )
    assert remarks.filter(goal__isnull=False).values("goal").distinct().count() == 3
    assert all(r.excerpt.startswith("[Demotekst]") for r in remarks)
    assert not Acknowledgement.objects.filter(
        response__hearing=hearing, sent_at__date__lte="2023-04-11"
    ).exists()
    assert Acknowledgement.objects.filter(response__hearing=hearing).count() == 10
    demo_open = Hearing.objects.get(is_demo=True, citizens_may_answer=True)
    assert demo_open.accepts_citizens()

    urls = hearing_urls()
    assert any(url.endswith("/svar/") for url in urls)
    assert any(url.endswith("/hoeringsnotat/") for url in urls)
    for url in urls:
        assert client.get(url).status_code == 200, url

    # The review shows the frozen draft; the report links the goal changed after the hearing.
    changed = Remark.objects.filter(response__hearing=hearing, outcome="changes_text")
    assert sorted(changed.values_list("changed_anchor", flat=True)) == ["maal-2", "maal-3"]
    client.force_login(EditorFactory(municipality=Municipality.objects.get(slug="aalborg")))
    review = client.get(reverse("hearings:review", args=["aalborg", hearing.pk])).content.decode()
    # The hearing draft's goal 2, without the "offentlige som private" added after the hearing.
    assert "kulturelt mangfoldige arbejdspladser i Aalborg Kommune" in review
    report = client.get(reverse("hearings:report", args=["aalborg", hearing.pk])).content.decode()
    assert "#maal-2" in report
