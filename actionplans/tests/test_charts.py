"""Indicator charts, tested for what a reader gets: the chart's name and description (what a
screen reader says), one point per measurement with its value, the baseline and target
labels, and the same numbers in the table beside it. Not the SVG's coordinates or classes."""

import datetime
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse

from actionplans.charts import Point, indicator_chart, line_chart
from actionplans.models import ActionPlan
from actionplans.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    IndicatorFactory,
    MeasurementFactory,
)
from policies.models import Policy
from policies.tests.factories import GoalFactory

SVG = "{http://www.w3.org/2000/svg}"
MEASURED = [("2023-12-31", "11.5"), ("2024-06-30", "10.25"), ("2024-12-31", "9")]


def read_chart(svg):
    """What assistive technology and a mouse-over give: the chart's accessible name and
    description, each point's tooltip, and the texts drawn on it."""
    root = ET.fromstring(str(svg))
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    name_id, desc_id = root.get("aria-labelledby").split()
    chart_title = by_id[name_id]
    return {
        "role": root.get("role"),
        "name": chart_title.text,
        "description": by_id[desc_id].text,
        "points": [title.text for title in root.iter(f"{SVG}title") if title is not chart_title],
        "labels": {text.text: float(text.get("y")) for text in root.iter(f"{SVG}text")},
    }


def plain_chart(points, **overrides):
    values = {
        "name": "Ledighed blandt indvandrere",
        "unit": "%",
        "baseline_value": Decimal("12"),
        "baseline_date": datetime.date(2022, 12, 31),
        "target_value": Decimal("8"),
        "target_date": datetime.date(2026, 12, 31),
        "higher_is_better": False,
        "points": points,
        "chart_id": "c1",
        **overrides,
    }
    return line_chart(**values)


def _points():
    return [Point(datetime.date.fromisoformat(day), Decimal(value)) for day, value in MEASURED]


def test_a_chart_from_plain_values_names_itself_and_tells_the_development_in_words():
    chart = read_chart(plain_chart(list(reversed(_points()))))  # any order in, time order out

    assert chart["role"] == "img"
    assert chart["name"] == "Ledighed blandt indvandrere"
    assert chart["description"] == (
        "Udgangspunkt 12 % (31.12.2022), mål 8 % senest 31.12.2026. Lavere er bedre. "
        "3 målinger fra 31.12.2023 (11,5 %) til 31.12.2024 (9 %). "
        "Alle tal står i tabellen ved diagrammet."
    )
    assert chart["points"] == ["31.12.2023: 11,5 %", "30.06.2024: 10,25 %", "31.12.2024: 9 %"]
    assert "Udgangspunkt: 12 %" in chart["labels"] and "Mål: 8 %" in chart["labels"]


def test_a_point_s_own_period_name_is_shown_instead_of_its_date():
    chart = read_chart(
        plain_chart([Point(datetime.date(2023, 12, 31), Decimal("72.5"), "2023")], unit="")
    )

    assert chart["points"] == ["2023: 72,5"]


def test_a_lower_target_is_drawn_below_the_baseline():
    labels = read_chart(plain_chart(_points()))["labels"]

    # SVG y grows downwards: the lower target's label sits lower on the chart.
    assert labels["Mål: 8 %"] > labels["Udgangspunkt: 12 %"]


def test_a_chart_without_measurements_says_so():
    chart = read_chart(plain_chart([]))

    assert chart["points"] == []
    assert "Ingen målinger endnu" in chart["labels"]
    assert "Ingen målinger endnu." in chart["description"]


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
    for period, value in MEASURED:
        MeasurementFactory(
            indicator=indicator,
            period=datetime.date.fromisoformat(period),
            value=Decimal(value),
            source="Demodata",
        )
    return indicator


@pytest.mark.django_db
def test_a_live_indicator_is_drawn_like_its_plain_values(indicator):
    from_model = read_chart(
        indicator_chart(indicator, list(indicator.measurements.all()), chart_id="c1")
    )
    from_values = read_chart(
        plain_chart(
            _points(),
            baseline_date=indicator.baseline_date,
            target_date=indicator.target_date,
        )
    )

    assert from_model == from_values


@pytest.mark.django_db
def test_the_dashboard_shows_the_chart_with_a_table_of_the_same_values(client, indicator):
    goal = indicator.goal
    plan = ActionPlanFactory(policy=goal.policy, goals=[goal], state=ActionPlan.State.RUNNING)
    ActionFactory(plan=plan, goal=goal)
    url = reverse("actionplans:dashboard", args=["aalborg", goal.policy.slug])

    html = client.get(url).content.decode()

    start = re.search(r'<svg[^>]*role="img"', html).start()  # the chart, not an icon
    svg = html[start : html.index("</svg>", start) + len("</svg>")]
    chart = read_chart(svg)
    assert chart["name"] == "Ledighed blandt indvandrere"
    assert "3 målinger" in chart["description"]
    assert len(chart["points"]) == 3
    table = html[html.index("<caption>Målinger: Ledighed blandt indvandrere") :]
    table = table[: table.index("</table>")]
    for period, value in [("31.12.2023", "11,5"), ("30.06.2024", "10,25"), ("31.12.2024", "9")]:
        assert period in table and f"<td>{value}</td>" in table
    assert "<td>12</td>" in table and "<td>8</td>" in table  # baseline and target rows
