"""The HTML of a report version, built from its stored snapshot only.

Nothing here reads the live data: a version rendered again (after a killed worker) gives the
same document as the first attempt would have.
"""

from datetime import date
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from actionplans.charts import Point, line_chart
from reports.models import ReportVersion
from reports.snapshot import cycle_changes, policy_diff

# SVG text does not inherit the page's CSS in WeasyPrint; without this it falls back to the
# machine's default font (DejaVu), which the PDF must not depend on.
PDF_FONT = "IBM Plex Sans"


def indicator_chart(indicator):
    """The indicator's SVG, drawn by the action plans' chart code from the stored numbers."""
    return line_chart(
        name=indicator["name"],
        unit=indicator["unit"],
        baseline_value=Decimal(indicator["baseline_value"]),
        baseline_date=date.fromisoformat(indicator["baseline_date"]),
        target_value=Decimal(indicator["target_value"]),
        target_date=date.fromisoformat(indicator["target_date"]),
        higher_is_better=indicator["higher_is_better"],
        points=[
            Point(date.fromisoformat(m["period"]), Decimal(m["value"]), m["label"] or "")
            for m in indicator["measurements"]
        ],
        chart_id=f"pdf-indikator-{indicator['id']}",
        font_family=PDF_FONT,
    )


def cycle_context(version: ReportVersion):
    """What the cycle report shows besides its snapshot: the changes since the previous
    version of the same audience, and the indicators' charts."""
    data = version.snapshot
    previous = version.previous
    sections = data.get("text", {}).get("sections", [])
    return {
        "previous": previous,
        "changes": policy_diff(previous.snapshot.get("text"), data.get("text"))
        if previous
        else None,
        "cycle_changes": cycle_changes(previous.snapshot, data) if previous else None,
        # A section may show the policy's goals or principles inside it (as on the web
        # page); then they are not repeated under their own heading.
        "goals_in_section": any(s.get("list_kind") == "goals" for s in sections),
        "principles_in_section": any(s.get("list_kind") == "principles" for s in sections),
        "indicators": [{**i, "chart": indicator_chart(i)} for i in data.get("indicators", [])],
    }


def version_context(version: ReportVersion):
    data = version.snapshot
    return {
        "version": version,
        "data": data,
        "public": version.is_public,
        # Who the version is for, as the PDF's lead and footer say it. Taken from the
        # snapshot (the council's name as it was when the data were taken).
        "audience_council": data.get("audience_council")
        or (version.council.name if version.council_id else ""),
        **version.spec.context(version),
    }


def version_html(version: ReportVersion) -> str:
    # Reports are written in Danish, whatever language the requesting page was in.
    with translation.override("da"):
        return render_to_string(version.spec.template_for(version), version_context(version))
