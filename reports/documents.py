"""The HTML of a report version, built from its stored snapshot only.

Nothing here reads the live data: a version rendered again (after a killed worker) gives the
same document as the first attempt would have.
"""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from reports.models import ReportVersion
from reports.snapshot import cycle_changes, policy_diff

TEMPLATES = {
    "cycle-1": "reports/pdf/cycle.html",
    "minutes-1": "reports/pdf/minutes.html",
    "hearing-1": "reports/pdf/hearing.html",
}


def _chart(indicator):
    """The indicator's SVG, drawn by the action plans' chart code from the stored numbers."""
    points = [
        SimpleNamespace(
            period=date.fromisoformat(m["period"]),
            value=Decimal(m["value"]),
            shown_period=m["label"] or date.fromisoformat(m["period"]).strftime("%d.%m.%Y"),
        )
        for m in indicator["measurements"]
    ]
    shaped = SimpleNamespace(
        pk=indicator["id"],
        name=indicator["name"],
        unit=indicator["unit"],
        baseline_value=Decimal(indicator["baseline_value"]),
        baseline_date=date.fromisoformat(indicator["baseline_date"]),
        target_value=Decimal(indicator["target_value"]),
        target_date=date.fromisoformat(indicator["target_date"]),
        higher_is_better=indicator["higher_is_better"],
    )
    try:
        from actionplans.charts import indicator_chart
    except ImportError:
        return ""
    svg = str(indicator_chart(shaped, points, chart_id=f"pdf-indikator-{indicator['id']}"))
    # SVG text does not inherit the page's CSS in WeasyPrint; without this it falls back to
    # the machine's default font (DejaVu), which the PDF must not depend on.
    return mark_safe(svg.replace("<svg ", '<svg font-family="IBM Plex Sans" ', 1))


def version_context(version: ReportVersion):
    data = version.snapshot
    context = {"version": version, "data": data, "public": version.is_public}
    if version.kind == ReportVersion.Kind.CYCLE:
        previous = version.previous
        context["previous"] = previous
        context["changes"] = (
            policy_diff(previous.snapshot.get("text"), data.get("text")) if previous else None
        )
        context["cycle_changes"] = cycle_changes(previous.snapshot, data) if previous else None
        sections = data.get("text", {}).get("sections", [])
        # A section may show the policy's goals or principles inside it (as on the web page);
        # then they are not repeated under their own heading.
        context["goals_in_section"] = any(s.get("list_kind") == "goals" for s in sections)
        context["principles_in_section"] = any(s.get("list_kind") == "principles" for s in sections)
        context["charts"] = {str(i["id"]): _chart(i) for i in data.get("indicators", [])}
        context["indicators"] = [
            {**i, "chart": context["charts"][str(i["id"])]} for i in data.get("indicators", [])
        ]
    return context


def version_html(version: ReportVersion) -> str:
    # Reports are written in Danish, whatever language the requesting page was in.
    with translation.override("da"):
        return render_to_string(TEMPLATES[version.template_version], version_context(version))
