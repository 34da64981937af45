import io

import pytest
from openpyxl import load_workbook

from hearings import exports, selectors, services
from hearings.tests.factories import HearingFactory, ResponderFactory, ResponseFactory, answered
from policies.tests.factories import GoalFactory


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+45 12", "'+45 12"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tskjult", "'\tskjult"),
        ("\rskjult", "'\rskjult"),
        ("Almindelig tekst", "Almindelig tekst"),
        (None, ""),
    ],
)
def test_cells_that_start_like_a_formula_are_neutralised(value, expected):
    assert exports.neutralise(value) == expected


@pytest.fixture
def report(aalborg, editor):
    hearing = HearingFactory(policy__municipality=aalborg, state="processed")
    goal = GoalFactory(policy=hearing.policy, number="1")
    response = ResponseFactory(
        hearing=hearing,
        responder=ResponderFactory(
            municipality=aalborg, name="=cmd|' /C calc'!A0", email="skjult@example.dk"
        ),
    )
    remark = services.remark_add(response=response, excerpt="@SUM(1+1)", goal=goal)
    answered(remark, user=editor, answer="-Tak.")
    return selectors.hearing_report_data(hearing, editor)


@pytest.mark.django_db
def test_csv_export_is_neutralised_and_has_no_contact_data(report):
    text = exports.report_csv(report).decode("utf-8-sig")
    assert "'=cmd" in text and "'@SUM(1+1)" in text and "'-Tak." in text
    assert "skjult@example.dk" not in text


@pytest.mark.django_db
def test_xlsx_cells_are_text_never_formulas(report):
    sheet = load_workbook(io.BytesIO(exports.report_xlsx(report))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert all(cell.data_type == "s" for cell in cells if cell.value is not None)
    values = [cell.value for cell in cells]
    assert "'=cmd|' /C calc'!A0" in values
    assert not any("skjult@example.dk" in str(value) for value in values)
