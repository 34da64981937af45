import pytest
from django.db import DatabaseError, transaction

from core.tests.factories import UserFactory
from councils.tests.factories import CouncilFactory, member_user
from policies.models import Policy, PolicyVersion
from policies.services import policy_freeze_version
from policies.tests.factories import GoalFactory, PolicyFactory

pytestmark = pytest.mark.django_db

S = Policy.State


def visible_slugs(user, municipality):
    return set(
        Policy.objects.visible_to(user)
        .filter(municipality=municipality)
        .values_list("slug", flat=True)
    )


def test_a_draft_is_visible_only_to_its_municipality_staff_and_council_members(
    aalborg, editor, other_editor
):
    from django.contrib.auth.models import AnonymousUser

    PolicyFactory(municipality=aalborg, slug="udkast", state=S.DRAFT)
    PolicyFactory(municipality=aalborg, slug="i-hoering", state=S.IN_HEARING)
    PolicyFactory(municipality=aalborg, slug="gaeldende", state=S.IN_FORCE)
    member = member_user(CouncilFactory(municipality=aalborg))
    public = {"i-hoering", "gaeldende"}

    assert visible_slugs(AnonymousUser(), aalborg) == public
    assert visible_slugs(UserFactory(), aalborg) == public
    assert visible_slugs(other_editor, aalborg) == public
    assert visible_slugs(editor, aalborg) == public | {"udkast"}
    assert visible_slugs(member, aalborg) == public | {"udkast"}


def test_every_state_from_the_hearing_on_is_public(aalborg):
    from django.contrib.auth.models import AnonymousUser

    for state in S.values:
        PolicyFactory(municipality=aalborg, slug=state.replace("_", "-"), state=state)
    visible = visible_slugs(AnonymousUser(), aalborg)
    assert visible == {s.replace("_", "-") for s in S.values if s != S.DRAFT}


def test_a_frozen_version_refuses_to_be_saved_again(aalborg):
    policy = PolicyFactory(municipality=aalborg)
    version = policy_freeze_version(policy=policy, label="Høringsudkast", user=None)
    version.label = "Noget andet"
    with pytest.raises(ValueError):
        version.save()


def test_the_database_refuses_to_update_a_frozen_version(aalborg):
    policy = PolicyFactory(municipality=aalborg)
    GoalFactory(policy=policy, title="Oprindelig")
    version = policy_freeze_version(policy=policy, label="Høringsudkast", user=None)
    with pytest.raises(DatabaseError), transaction.atomic():
        PolicyVersion.objects.filter(pk=version.pk).update(snapshot={"forfalsket": True})
    with pytest.raises(DatabaseError), transaction.atomic():
        PolicyVersion.objects.filter(pk=version.pk).update(label="Ændret")
    version.refresh_from_db()
    assert version.label == "Høringsudkast"
    assert version.snapshot["goals"][0]["title"] == "Oprindelig"


def test_deleting_the_user_who_froze_a_version_keeps_the_version(aalborg):
    user = UserFactory()
    policy = PolicyFactory(municipality=aalborg)
    version = policy_freeze_version(policy=policy, label="Vedtaget", user=user)
    user.delete()
    version.refresh_from_db()
    assert version.created_by is None
    assert version.label == "Vedtaget"
