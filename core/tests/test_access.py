"""The one access object: who reads, worked out once."""

import pytest
from django.contrib.auth.models import AnonymousUser

from core.access import Reader
from core.models import MunicipalityRole
from core.tests.factories import UserFactory


@pytest.mark.django_db
def test_an_editor_is_editor_of_their_municipality_only(editor, aalborg, norddjurs):
    reader = Reader.of(editor)
    assert reader.is_editor(aalborg)
    assert not reader.is_editor(norddjurs)
    assert reader.editor_of == {aalborg.id}
    assert reader.has_staff_area
    assert not reader.is_admin(aalborg)


@pytest.mark.django_db
def test_an_admin_is_an_editor_too(aalborg):
    admin = UserFactory()
    MunicipalityRole.objects.create(user=admin, municipality=aalborg, role="admin")
    reader = Reader.of(admin)
    assert reader.is_admin(aalborg) and reader.is_editor(aalborg)


@pytest.mark.django_db
def test_a_superuser_is_the_secretariat_of_every_municipality(aalborg, norddjurs):
    reader = Reader.of(UserFactory(is_superuser=True))
    assert reader.is_editor(aalborg) and reader.is_editor(norddjurs)


@pytest.mark.django_db
def test_a_citizen_account_reads_as_the_public(aalborg):
    reader = Reader.of(UserFactory())
    assert not reader.has_staff_area
    assert reader.editor_of == set() and reader.member_of == set()
    assert Reader.of(AnonymousUser()).is_anonymous


@pytest.mark.django_db
def test_the_reader_is_worked_out_once_per_user_object(editor, django_assert_num_queries):
    with django_assert_num_queries(2):  # roles, memberships
        Reader.of(editor)
    with django_assert_num_queries(0):
        assert Reader.of(editor) is Reader.of(editor)


def test_audience_readers_are_exactly_their_audience():
    secretariat = Reader.secretariat(7)
    assert secretariat.is_editor(7) and not secretariat.is_editor(8)
    assert not secretariat.member_of


@pytest.mark.django_db
def test_staff_home_is_closed_to_anonymous_and_citizens(client, aalborg):
    response = client.get("/arbejdsrum/")
    assert response.status_code == 302
    client.force_login(UserFactory())
    assert client.get("/arbejdsrum/").status_code == 403
