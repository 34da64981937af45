import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from actionplans.charts import indicator_chart
from actionplans.models import ActionPlan
from actionplans.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    IndicatorFactory,
    MeasurementFactory,
)
from policies.models import Policy
from policies.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(aalborg):
    goal = GoalFactory(
        policy__municipality=aalborg, policy__slug="strategi", policy__state=Policy.State.IN_FORCE
    )
    indicator = IndicatorFactory(
        goal=goal,
        name="Ledighed blandt indvandrere",
        unit="%",
        baseline_value=Decimal("12"),
        target_value=Decimal("8"),
        higher_is_better=False,
    )
    for period, value in [("2023-12-31", "11.5"), ("2024-06-30", "10.25"), ("2024-12-31", "9")]:
        MeasurementFactory(
            indicator=indicator,
            period=datetime.date.fromisoformat(period),
            value=Decimal(value),
            source="Demodata",
        )
    return indicator


def test_the_chart_has_a_point_per_measurement_and_baseline_and_target_lines(indicator):
    svg = indicator_chart(indicator, list(indicator.measurements.all()), chart_id="c1")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'role="img"' in svg
    assert 'aria-labelledby="c1-title c1-desc"' in svg
    assert '<title id="c1-title">Ledighed blandt indvandrere</title>' in svg
    desc = re.search(r'<desc id="c1-desc">(.*?)</desc>', svg).group(1)
    assert "Lavere er bedre" in desc and "3 målinger" in desc
    assert re.findall(r'data-value="([^"]+)"', svg) == ["11.5000", "10.2500", "9.0000"]
    assert svg.count('class="ps-chart-point"') == 3
    assert "<polyline" in svg
    assert 'class="ps-chart-baseline"' in svg and "Udgangspunkt: 12 %" in svg
    assert 'class="ps-chart-target"' in svg and "Mål: 8 %" in svg
    assert "style=" not in svg and "<script" not in svg


def test_the_chart_marks_the_lower_target_below_the_baseline(indicator):
    svg = indicator_chart(indicator, list(indicator.measurements.all()), chart_id="c1")
    baseline_y = float(re.search(r'ps-chart-baseline"><line x1="\d+" y1="([\d.]+)"', svg)[1])
    target_y = float(re.search(r'ps-chart-target"><line x1="\d+" y1="([\d.]+)"', svg)[1])
    assert target_y > baseline_y  # SVG y grows downwards: the lower target is drawn lower


def test_a_chart_without_measurements_says_so(indicator):
    svg = indicator_chart(indicator, [], chart_id="c2")
    assert "Ingen målinger endnu" in svg and "<polyline" not in svg


def test_the_dashboard_shows_the_chart_with_a_table_of_the_same_values(client, indicator):
    goal = indicator.goal
    plan = ActionPlanFactory(policy=goal.policy, goals=[goal], state=ActionPlan.State.RUNNING)
    ActionFactory(plan=plan, goal=goal)
    url = reverse("actionplans:dashboard", args=["aalborg", goal.policy.slug])
    html = client.get(url).content.decode()
    assert f'aria-labelledby="indikator-{indicator.pk}-title indikator-{indicator.pk}-desc"' in html
    table = html[html.index("<caption>Målinger: Ledighed blandt indvandrere") :]
    table = table[: table.index("</table>")]
    for period, value in [("31.12.2023", "11,5"), ("30.06.2024", "10,25"), ("31.12.2024", "9")]:
        assert period in table and f"<td>{value}</td>" in table
    assert "<td>12</td>" in table and "<td>8</td>" in table  # baseline and target rows
