"""Measurements of indicators, one at a time or from a CSV file (all rows or none)."""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from actionplans.models import (
    Indicator,
    Measurement,
)
from core.concurrency import tracked_save


@transaction.atomic
def measurement_create(
    *,
    indicator: Indicator,
    user,
    period: date,
    value: Decimal,
    period_label: str = "",
    source: str = "",
    note: str = "",
) -> Measurement:
    measurement = Measurement(
        indicator=indicator,
        period=period,
        period_label=period_label,
        value=value,
        source=source,
        note=note,
    )
    return tracked_save(measurement, reason=_("Måling registreret"))


@dataclass
class RejectedRow:
    line: int
    raw: str
    reasons: list[str]


@dataclass
class ImportResult:
    created: list[Measurement] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self):
        return not self.rejected


COLUMNS = {
    "indicator": ("indikator", "indicator"),
    "period": ("periode", "period"),
    "value": ("værdi", "vaerdi", "value"),
    "period_label": ("periodetekst", "periode som tekst", "period_label", "label"),
    "source": ("kilde", "source"),
    "note": ("bemærkning", "note"),
}
REQUIRED_COLUMNS = ("indicator", "period", "value")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def parse_number(text: str) -> Decimal:
    """A number as Danes and spreadsheets write it: 1.234,5 or 1234,5 or 1234.5."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    if not _NUMBER.match(cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(text) from exc


def parse_period(text: str) -> date:
    """A period as 2023-12-31, 31.12.2023, 31-12-2023 or a year (2023 → 31.12.2023)."""
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 12, 31)
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _read_rows(content: bytes | str):
    if isinstance(content, bytes):
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                _("Filen kan ikke læses: gem den som CSV i UTF-8 og prøv igen.")
            ) from exc
    sample = content[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.reader(io.StringIO(content), dialect)
    return list(reader)


def _header_map(header):
    names = [cell.strip().lower() for cell in header]
    mapping = {}
    for key, aliases in COLUMNS.items():
        for index, name in enumerate(names):
            if name in aliases:
                mapping[key] = index
                break
    missing = [COLUMNS[key][0] for key in REQUIRED_COLUMNS if key not in mapping]
    if missing:
        raise ValidationError(
            _("Filen mangler kolonnerne: %(columns)s. Første linje skal være overskrifter.")
            % {"columns": ", ".join(missing)}
        )
    return mapping


@transaction.atomic
def measurements_import_csv(*, policy, user, content: bytes | str) -> ImportResult:
    """Import measurements for ``policy``'s indicators from a CSV file: all rows or none.

    Columns (first line): indikator, periode, værdi, and optionally periodetekst, kilde,
    bemærkning; separated by semicolon or comma. Every rejected row is reported with all
    its reasons; if any row is rejected, nothing is saved.
    """
    rows = _read_rows(content)
    if not rows:
        raise ValidationError(_("Filen er tom."))
    mapping = _header_map(rows[0])
    indicators = {}
    for indicator in Indicator.objects.filter(goal__policy=policy).select_related("goal"):
        indicators.setdefault(indicator.name.strip().lower(), []).append(indicator)
    existing = set(
        Measurement.objects.filter(indicator__goal__policy=policy).values_list(
            "indicator_id", "period"
        )
    )
    result = ImportResult()
    seen = {}
    pending = []

    def cell(row, key):
        index = mapping.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    for line, row in enumerate(rows[1:], start=2):
        if not any(value.strip() for value in row):
            continue
        result.rows += 1
        reasons = []
        name = cell(row, "indicator")
        matches = indicators.get(name.lower(), [])
        indicator = matches[0] if len(matches) == 1 else None
        if not name:
            reasons.append(_("indikator mangler"))
        elif not matches:
            reasons.append(_("ukendt indikator “%(name)s”") % {"name": name})
        elif len(matches) > 1:
            # Names are unique per goal only; guessing would put values on the wrong goal.
            reasons.append(
                _("indikatoren “%(name)s” findes under flere målsætninger") % {"name": name}
            )
        period = value = None
        try:
            period = parse_period(cell(row, "period"))
        except ValueError:
            reasons.append(
                _("periode “%(text)s” er ikke en dato (fx 2023-12-31 eller 31.12.2023)")
                % {"text": cell(row, "period")}
            )
        try:
            value = parse_number(cell(row, "value"))
        except ValueError:
            reasons.append(_("værdi “%(text)s” er ikke et tal") % {"text": cell(row, "value")})
        if indicator is not None and period is not None:
            key = (indicator.pk, period)
            if key in existing:
                reasons.append(
                    _("der findes allerede en måling for %(indicator)s i perioden %(period)s")
                    % {"indicator": indicator.name, "period": period.strftime("%d.%m.%Y")}
                )
            elif key in seen:
                reasons.append(
                    _("samme indikator og periode som linje %(line)s") % {"line": seen[key]}
                )
            else:
                seen[key] = line
        measurement = None
        if not reasons:
            measurement = Measurement(
                indicator=indicator,
                period=period,
                value=value,
                period_label=cell(row, "period_label")[:50],
                source=cell(row, "source")[:300],
                note=cell(row, "note"),
            )
            try:
                measurement.full_clean(validate_unique=False)
            except ValidationError as exc:
                reasons.extend(exc.messages)
        if reasons:
            result.rejected.append(
                RejectedRow(line=line, raw=";".join(row), reasons=[str(r) for r in reasons])
            )
        else:
            pending.append(measurement)

    if result.rejected or not pending:
        if not result.rejected:
            raise ValidationError(_("Filen indeholder ingen målinger."))
        return result
    result.created = bulk_create_with_history(pending, Measurement)
    return result
