"""One spec per report kind (reports.specs): each kind is complete, a version is read only
while its target is, and the PDF draws its charts from the stored numbers."""

import pytest

from core.access import Reader
from policies.models import Policy
from reports import documents, specs
from reports.models import ReportVersion

pytestmark = pytest.mark.django_db

PUBLIC = ReportVersion.Audience.PUBLIC


def test_every_kind_has_a_spec_that_renders_its_current_template():
    assert set(specs.SPECS) == set(ReportVersion.Kind.values)
    for spec in specs.SPECS.values():
        assert spec.template_version in spec.templates
        # Versions made before a template bump can still be rendered.
        assert f"{spec.kind}-1" in spec.templates


def test_each_spec_names_its_target_municipality_and_order_address(cycle):
    targets = {"cycle": cycle["policy"], "minutes": cycle["meeting"], "hearing": cycle["hearing"]}

    for kind, target in targets.items():
        spec = specs.SPECS[kind]
        assert spec.municipality_id(target) == cycle["policy"].municipality_id
        assert spec.targets(cycle["policy"].municipality).get(pk=target.pk) == target
        assert spec.order_url(target).startswith("/arbejdsrum/aalborg/")
        assert spec.may_order(Reader.secretariat(spec.municipality_id(target)), target)
        assert not spec.may_order(Reader.council(cycle["council"]), target)
    assert list(specs.MINUTES.councils(cycle["meeting"])) == [cycle["council"]]
    assert specs.HEARING.version_fields(cycle["hearing"])["policy"] == cycle["policy"]


def test_a_public_version_is_read_only_while_its_target_is(cycle, request_report):
    public = request_report(cycle["policy"], PUBLIC)
    assert list(ReportVersion.objects.visible_to(Reader.anonymous())) == [public]

    # The policy is taken back to a draft (not public): its public PDF goes with it.
    Policy.objects.filter(pk=cycle["policy"].pk).update(state=Policy.State.DRAFT)

    assert not ReportVersion.objects.visible_to(Reader.anonymous()).exists()
    assert ReportVersion.objects.visible_to(Reader.secretariat(public.municipality_id)).exists()


def test_the_pdf_draws_each_indicator_from_the_stored_numbers(cycle, request_report):
    version = request_report(cycle["policy"], PUBLIC)
    # The live indicator changes after the data were taken; the PDF shows what was taken.
    cycle["indicator"].measurements.update(value=1)

    html = documents.version_html(version)

    chart = html[html.index("<svg") : html.index("</svg>")]
    assert 'font-family="IBM Plex Sans"' in chart  # WeasyPrint's SVG text needs it
    assert "<title" in chart and "Andel unge i uddannelse" in chart
    assert "2 målinger fra 31.12.2023 (72,5 %) til 31.12.2024 (75 %)" in chart
    assert "31.12.2024: 75 %" in chart
    table = html[html.index("<caption>Målinger: Andel unge i uddannelse") :]
    assert "72.5" in table[: table.index("</table>")]
