"""The hearing report as CSV and XLSX.

Built from ``hearing_report_data`` only, so the visibility rule is the page's, and the
responders' contact fields are never among the columns. Cells that a spreadsheet would run
as a formula are neutralised (OWASP CSV injection).
"""

import csv
import io

from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def report_rows(report: dict) -> list[list[str]]:
    header = [
        _("Del af udkastet"),
        _("Reference"),
        _("Afsender"),
        _("Type afsender"),
        _("Bemærkning"),
        _("Holdning"),
        _("Temaer"),
        _("Resultat"),
        _("Administrationens svar"),
        _("Begrundelse"),
        _("Ændret del"),
        _("Offentligt"),
    ]
    rows = [header]
    for section in report["sections"]:
        for item in section["remarks"]:
            rows.append(
                [
                    neutralise(cell)
                    for cell in [
                        section["label"],
                        item["reference"],
                        item["responder"],
                        item["responder_kind"],
                        item["excerpt"],
                        item["stance"],
                        ", ".join(item["themes"]),
                        item["outcome"] or _("ikke besvaret"),
                        item["answer"],
                        item["reason"],
                        item["changed_part"],
                        _("ja") if item["is_public"] else _("nej"),
                    ]
                ]
            )
    return rows


def report_csv(report: dict) -> bytes:
    buffer = io.StringIO()
    # Semicolon and a BOM: what Danish Excel opens correctly with a double click.
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(report_rows(report))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def report_xlsx(report: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Høringsnotat")[:31]
    for row in report_rows(report):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    # Strings only: even a neutralised cell must never be typed as a formula.
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip(
        "ABCDEFGHIJKL", [30, 12, 25, 15, 60, 10, 20, 18, 60, 40, 20, 10], strict=True
    ):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
