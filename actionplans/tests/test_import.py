import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionplans import services
from actionplans.models import Measurement
from actionplans.tests.factories import IndicatorFactory, MeasurementFactory
from policies.models import Policy
from policies.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicators(aalborg):
    goal = GoalFactory(
        policy__municipality=aalborg,
        policy__slug="integrationsstrategi",
        policy__state=Policy.State.IN_FORCE,
    )
    job = IndicatorFactory(goal=goal, name="Andel i job eller uddannelse")
    unemployment = IndicatorFactory(
        goal=goal,
        name="Ledighed",
        baseline_value=12,
        target_value=8,
        higher_is_better=False,
    )
    MeasurementFactory(indicator=job, period=datetime.date(2023, 12, 31), value=44)
    return goal.policy, job, unemployment


def test_a_clean_file_imports_every_row(indicators, editor):
    policy, job, unemployment = indicators
    content = (
        "indikator;periode;værdi;periodetekst;kilde\n"
        "Andel i job eller uddannelse;2024-06-30;46,5;2024 1. halvår;Jobindsats\n"
        "ledighed;31.12.2024;11;;Danmarks Statistik\n"
    ).encode()
    result = services.measurements_import_csv(policy=policy, user=editor, content=content)
    assert result.ok and len(result.created) == 2
    assert job.measurements.get(period=datetime.date(2024, 6, 30)).value == Decimal("46.5")
    assert unemployment.measurements.get().period_label == ""


def test_bad_rows_are_all_reported_and_nothing_is_imported(indicators, editor):
    policy, *_ = indicators
    content = (
        "indikator;periode;værdi\n"
        "Andel i job eller uddannelse;2024-06-30;46,5\n"  # 2: fine
        "Andel i job eller uddannelse;2024-12-31;mange\n"  # 3: wrong number
        "Ukendt indikator;2024-12-31;10\n"  # 4: unknown indicator
        "Andel i job eller uddannelse;2023-12-31;45\n"  # 5: period already measured
        "Ledighed;2024-12-31;10\n"  # 6: fine
        "Ledighed;31.12.2024;9\n"  # 7: duplicate of line 6
        "Ledighed;i fjor;1,2,3\n"  # 8: two reasons
    ).encode()
    before = Measurement.objects.count()
    result = services.measurements_import_csv(policy=policy, user=editor, content=content)
    assert not result.ok
    assert Measurement.objects.count() == before
    rejected = {row.line: " | ".join(row.reasons) for row in result.rejected}
    assert sorted(rejected) == [3, 4, 5, 7, 8]
    assert "ikke et tal" in rejected[3]
    assert "ukendt indikator" in rejected[4]
    assert "findes allerede" in rejected[5]
    assert "linje 6" in rejected[7]
    assert "ikke en dato" in rejected[8] and "ikke et tal" in rejected[8]
    assert result.rows == 7


def test_a_file_without_the_required_columns_is_refused(indicators, editor):
    policy, *_ = indicators
    with pytest.raises(ValidationError, match="mangler kolonnerne"):
        services.measurements_import_csv(policy=policy, user=editor, content=b"navn;tal\nx;1\n")


def test_the_import_page_lists_rejected_rows_and_keeps_nothing(client, indicators, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    policy, *_ = indicators
    client.force_login(editor)
    upload = SimpleUploadedFile(
        "maalinger.csv", "indikator,periode,værdi\nLedighed,2024-12-31,x\n".encode()
    )
    url = reverse("actionplans:measurements_import", args=["aalborg", policy.slug])
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Intet er importeret" in html
    assert "ikke et tal" in html
    assert Measurement.objects.count() == 1


def test_an_indicator_name_used_under_two_goals_is_not_guessed(indicators, editor):
    policy, job, _ = indicators
    IndicatorFactory(goal=GoalFactory(policy=policy), name=job.name)
    content = f"indikator;periode;værdi\n{job.name};2025-06-30;50\n".encode()
    result = services.measurements_import_csv(policy=policy, user=editor, content=content)
    assert "flere målsætninger" in result.rejected[0].reasons[0]
    assert not Measurement.objects.filter(period=datetime.date(2025, 6, 30)).exists()
