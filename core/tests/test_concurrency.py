import pytest

from core.concurrency import EditConflict, save_if_unchanged
from core.models import Municipality


@pytest.mark.django_db
def test_second_editor_with_a_stale_revision_gets_a_conflict_and_first_save_stands():
    Municipality.objects.create(name="Aalborg", slug="aalborg")
    first = Municipality.objects.get(slug="aalborg")
    second = Municipality.objects.get(slug="aalborg")

    first.address = "Boulevarden 13"
    save_if_unchanged(first, expected_revision=0)

    second.address = "Et andet sted"
    with pytest.raises(EditConflict) as conflict:
        save_if_unchanged(second, expected_revision=0)

    assert conflict.value.current.address == "Boulevarden 13"
    assert Municipality.objects.get(slug="aalborg").address == "Boulevarden 13"
    assert Municipality.objects.get(slug="aalborg").revision == 1


@pytest.mark.django_db
def test_every_save_is_in_the_history_with_its_user(editor):
    municipality = Municipality.objects.get(slug="aalborg")
    municipality._history_user = editor
    municipality.address = "Boulevarden 13"
    save_if_unchanged(municipality, expected_revision=municipality.revision)
    latest = municipality.history.first()
    assert latest.history_user == editor
    assert latest.address == "Boulevarden 13"
