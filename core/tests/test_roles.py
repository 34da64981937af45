import pytest

from core.roles import editor_municipality_ids, has_staff_area, is_editor
from core.tests.factories import UserFactory


@pytest.mark.django_db
def test_an_editor_is_editor_of_their_municipality_only(editor, aalborg, norddjurs):
    assert is_editor(editor, aalborg)
    assert not is_editor(editor, norddjurs)
    assert editor_municipality_ids(editor) == {aalborg.id}
    assert has_staff_area(editor)


@pytest.mark.django_db
def test_a_citizen_account_has_no_staff_area(aalborg):
    citizen = UserFactory()
    assert not has_staff_area(citizen)
    assert editor_municipality_ids(citizen) == set()


@pytest.mark.django_db
def test_staff_home_is_closed_to_anonymous_and_citizens(client, aalborg):
    response = client.get("/arbejdsrum/")
    assert response.status_code == 302
    client.force_login(UserFactory())
    assert client.get("/arbejdsrum/").status_code == 403
