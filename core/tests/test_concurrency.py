import pytest
from django import forms

from core.concurrency import (
    EditConflict,
    RevisionFormMixin,
    after_conflict,
    conflict_rows,
    tracked_save,
)
from core.models import Municipality


@pytest.mark.django_db
def test_second_editor_with_a_stale_revision_gets_a_conflict_and_first_save_stands():
    Municipality.objects.create(name="Aalborg", slug="aalborg")
    first = Municipality.objects.get(slug="aalborg")
    second = Municipality.objects.get(slug="aalborg")

    first.address = "Boulevarden 13"
    tracked_save(first, reason="Ny adresse", expected_revision=0)

    second.address = "Et andet sted"
    with pytest.raises(EditConflict) as conflict:
        tracked_save(second, reason="Ny adresse", expected_revision=0)

    assert conflict.value.current.address == "Boulevarden 13"
    assert Municipality.objects.get(slug="aalborg").address == "Boulevarden 13"
    assert Municipality.objects.get(slug="aalborg").revision == 1


@pytest.mark.django_db
def test_every_save_is_in_the_history_with_its_user_and_reason(editor):
    municipality = Municipality.objects.get(slug="aalborg")
    municipality.address = "Boulevarden 13"
    tracked_save(
        municipality, reason="Flyttet", user=editor, expected_revision=municipality.revision
    )
    latest = municipality.history.first()
    assert latest.history_user == editor
    assert latest.history_change_reason == "Flyttet"
    assert latest.address == "Boulevarden 13"


@pytest.mark.django_db
def test_a_new_row_starts_at_revision_0_and_a_workflow_step_bumps_it(aalborg):
    municipality = tracked_save(Municipality(name="Aarhus", slug="aarhus"), reason="Oprettet")
    assert municipality.revision == 0
    municipality.code = "751"
    tracked_save(municipality, reason="Kode", fields=["code"])
    municipality.refresh_from_db()
    assert (municipality.revision, municipality.code) == (1, "751")


@pytest.mark.django_db
def test_a_save_is_validated_before_it_is_written(aalborg):
    aalborg.cvr = "for langt nummer"
    with pytest.raises(Exception, match="cvr"):
        tracked_save(aalborg, reason="CVR", expected_revision=aalborg.revision)
    aalborg.refresh_from_db()
    assert aalborg.revision == 0


class AddressForm(RevisionFormMixin, forms.ModelForm):
    class Meta:
        model = Municipality
        fields = ["address", "code"]


@pytest.mark.django_db
def test_after_a_conflict_the_form_keeps_the_input_and_shows_the_saved_values(aalborg):
    form = AddressForm({"address": "Mit forslag", "code": "", "revision": "0"}, instance=aalborg)
    assert form.is_valid()
    Municipality.objects.filter(pk=aalborg.pk).update(address="Kollegaens", revision=1)
    with pytest.raises(EditConflict) as clash:
        tracked_save(form.instance, reason="Adresse", expected_revision=0)

    again, rows = after_conflict(
        form, clash.value, lambda data, saved: AddressForm(data, instance=saved)
    )

    assert again["address"].value() == "Mit forslag"
    assert again["revision"].value() == "1"
    assert "En anden har gemt denne post" in again.non_field_errors()[0]
    assert [(row["mine"], row["saved"]) for row in rows] == [("Mit forslag", "Kollegaens")]
    assert conflict_rows(again, clash.value.current)[0]["saved"] == "Kollegaens"
