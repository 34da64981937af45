import io

import pytest
from django.urls import reverse

from councils.models import Council
from demo import lookups
from demo.loaders import councils, municipalities, policies
from policies.models import Goal, Policy, PolicyVersion

pytestmark = pytest.mark.django_db

S = Policy.State


def _load_demo():
    out = io.StringIO()
    for loader in (municipalities, councils, policies):
        loader.load(out)


def test_the_demo_loads_twice_without_duplicates_and_holds_the_seed_facts(client):
    _load_demo()
    counts = [Policy.objects.count(), Goal.objects.count(), PolicyVersion.objects.count()]
    _load_demo()
    assert [Policy.objects.count(), Goal.objects.count(), PolicyVersion.objects.count()] == counts

    strategy = Policy.objects.get(slug="integrationsstrategi-2023-2026")
    assert strategy.vision == (
        "Forskellighed er en styrke, når alle tager medansvar for fællesskabet. Sammen kan vi mest."
    )
    assert list(strategy.goals.values_list("number", flat=True)) == ["1", "2", "3"]
    assert list(strategy.versions.values_list("label", flat=True)) == [
        "Høringsudkast 15.02.2023",
        "Godkendt af Integrationsrådet 11.04.2023",
    ]
    assert strategy.state == S.COUNCIL_APPROVED
    approval = strategy.transitions.get(to_state=S.COUNCIL_APPROVED)
    assert "enkelte ændringer" in approval.note
    if Council.objects.filter(name="Integrationsrådet").exists():  # councils demo present
        assert "Integrationsstrategi" in approval.agenda_item.title
        assert approval.agenda_item in strategy.agenda_items.all()
    assert strategy.predecessor.slug == "integrationspolitik-2012-2015"

    p2012 = Policy.objects.get(slug="integrationspolitik-2012-2015")
    assert p2012.focus_areas.count() == 5
    assert p2012.predecessor.slug == "integrationspolitik-2005"
    p2005 = Policy.objects.get(slug="integrationspolitik-2005")
    assert p2005.focus_areas.count() == 10
    assert p2005.principles.count() == 4
    assert p2005.goals.filter(focus_area__isnull=True).count() == 5
    norddjurs = Policy.objects.get(slug="integrationspolitik-2021-2026")
    assert norddjurs.state == S.IN_FORCE
    assert norddjurs.focus_areas.get().title == "Børn og Familier som trives"

    for url in lookups.policy_urls():
        assert client.get(url).status_code == 200, url
    compare = client.get(lookups.policy_urls()[-1]).content.decode()
    assert "offentlige som private" in compare and "<ins" in compare
    timeline = client.get(reverse("policies:index", args=["aalborg"])).content.decode()
    assert (
        timeline.index("integrationspolitik-2005")
        < timeline.index("integrationspolitik-2012-2015")
        < timeline.index("integrationsstrategi-2023-2026")
    )
