"""The secretariat's pages for policies: create, edit the tree with and without
JavaScript, conflicts, transitions, versions and history, the staff home."""

import pytest
from django.urls import reverse

from councils.models import Meeting
from councils.tests.factories import AgendaItemFactory
from policies.models import Goal, Policy
from policies.tests.factories import FocusAreaFactory, GoalFactory, PolicyFactory
from policies.tests.links import staff_url

pytestmark = pytest.mark.django_db

S = Policy.State


def test_anonymous_users_are_sent_to_login(client, draft):
    response = client.get(staff_url("staff_edit", draft))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_an_editor_creates_a_policy_as_a_draft(client, aalborg, editor):
    client.force_login(editor)
    response = client.post(
        reverse("policies:staff_create", args=["aalborg"]),
        {
            "title": "Ældrepolitik 2025-2028",
            "kind": "policy",
            "period_start": "2025",
            "period_end": "2028",
        },
    )
    policy = Policy.objects.get(title="Ældrepolitik 2025-2028")
    assert response.status_code == 302
    assert policy.state == S.DRAFT and policy.slug == "aeldrepolitik-2025-2028"


def test_a_taken_slug_is_refused_with_a_message(client, aalborg, editor):
    PolicyFactory(municipality=aalborg, slug="boernepolitik")
    client.force_login(editor)
    response = client.post(
        reverse("policies:staff_create", args=["aalborg"]),
        {"title": "Børnepolitik", "kind": "policy"},
    )
    assert response.status_code == 200
    assert Policy.objects.filter(slug="boernepolitik").count() == 1


def test_a_validation_error_keeps_what_was_typed(client, aalborg, editor):
    client.force_login(editor)
    response = client.post(
        reverse("policies:staff_create", args=["aalborg"]),
        {
            "title": "",
            "kind": "policy",
            "vision": "Min lange vision",
            "period_start": "2030",
            "period_end": "2020",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Min lange vision" in html
    assert not Policy.objects.exists()


def test_editing_a_goal_in_place_with_htmx_returns_the_tree(client, aalborg, editor, draft):
    goal = GoalFactory(policy=draft, title="Gammel")
    client.force_login(editor)
    url = staff_url("staff_part_edit", draft, "maal", goal.pk)
    form = client.get(url, headers={"HX-Request": "true"})
    assert 'name="revision"' in form.content.decode()
    assert "<html" not in form.content.decode()
    response = client.post(
        url,
        {"number": "1", "title": "Ny", "description": "", "revision": "0"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#ps-tree"
    assert 'id="ps-tree"' in response.content.decode()
    goal.refresh_from_db()
    assert goal.title == "Ny"
    assert goal.history.first().history_user == editor


def test_the_same_edit_works_without_javascript(client, aalborg, editor, draft):
    goal = GoalFactory(policy=draft, title="Gammel")
    client.force_login(editor)
    response = client.post(
        staff_url("staff_part_edit", draft, "maal", goal.pk),
        {"number": "", "title": "Ny", "description": "", "revision": "0"},
    )
    assert response.status_code == 302
    assert f"#del-maal-{goal.pk}" in response["Location"]


def test_a_conflict_shows_both_texts_and_loses_nothing(client, aalborg, editor, draft):
    goal = GoalFactory(policy=draft, title="Original")
    Goal.objects.filter(pk=goal.pk).update(title="Kollegaens tekst", revision=1)
    client.force_login(editor)
    response = client.post(
        staff_url("staff_part_edit", draft, "maal", goal.pk),
        {"number": "", "title": "Min tekst", "description": "", "revision": "0"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Min tekst" in html and "Kollegaens tekst" in html
    assert 'name="revision" value="1"' in html
    goal.refresh_from_db()
    assert goal.title == "Kollegaens tekst"


def test_adding_moving_and_deleting_parts(client, aalborg, editor, draft):
    client.force_login(editor)
    area = FocusAreaFactory(policy=draft)
    add = staff_url("staff_part_add", draft, "maal")
    client.post(add, {"parent": area.pk, "title": "Første", "number": "", "description": ""})
    client.post(add, {"parent": area.pk, "title": "Anden", "number": "", "description": ""})
    first, second = Goal.objects.filter(focus_area=area).order_by("position")
    assert [first.title, second.title] == ["Første", "Anden"]
    client.post(staff_url("staff_part_move", draft, "maal", second.pk), {"direction": "up"})
    assert list(
        Goal.objects.filter(focus_area=area).order_by("position").values_list("title", flat=True)
    ) == ["Anden", "Første"]
    client.post(staff_url("staff_part_move", draft, "maal", first.pk), {"focus_area": ""})
    first.refresh_from_db()
    assert first.focus_area is None
    client.post(staff_url("staff_part_delete", draft, "maal", first.pk))
    assert not Goal.objects.filter(pk=first.pk).exists()


def test_a_transition_names_the_decision(client, aalborg, editor, draft):
    item = AgendaItemFactory(
        meeting__council__municipality=aalborg, meeting__status=Meeting.Status.MINUTES_PUBLISHED
    )
    client.force_login(editor)
    response = client.post(
        staff_url("staff_transition", draft),
        {"to_state": "in_hearing", "decided_on": "2023-02-15", "agenda_item": item.pk},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == S.IN_HEARING
    assert draft.transitions.get().agenda_item == item


def test_adopting_without_a_hearing_is_refused_in_the_form(client, aalborg, editor, draft):
    client.force_login(editor)
    response = client.post(
        staff_url("staff_transition", draft), {"to_state": "adopted", "decided_on": "2023-02-15"}
    )
    assert response.status_code == 200
    assert "ikke været i høring" in response.content.decode()


def test_freezing_and_history_pages(client, aalborg, editor, draft):
    GoalFactory(policy=draft)
    client.force_login(editor)
    response = client.post(staff_url("staff_freeze", draft), {"label": "Høringsudkast"})
    assert response.status_code == 302
    assert draft.versions.get().label == "Høringsudkast"
    assert client.get(staff_url("staff_history", draft)).status_code == 200
    assert client.get(staff_url("staff_edit", draft)).status_code == 200


def test_the_staff_home_lists_drafts_of_the_editors_own_municipality(
    client, aalborg, norddjurs, editor
):
    PolicyFactory(municipality=aalborg, title="Aalborgs udkast")
    PolicyFactory(municipality=norddjurs, title="Norddjurs udkast")
    client.force_login(editor)
    page = client.get(reverse("core:staff_home")).content.decode()
    assert "Aalborgs udkast" in page
    assert "Norddjurs udkast" not in page
    assert reverse("policies:staff_index", args=["aalborg"]) in page


def test_two_editors_on_the_policy_text_get_a_conflict(client, aalborg, editor, draft):
    Policy.objects.filter(pk=draft.pk).update(vision="Kollegaens vision", revision=3)
    client.force_login(editor)
    response = client.post(
        staff_url("staff_edit", draft),
        {"title": draft.title, "kind": "policy", "vision": "Min vision", "revision": "2"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Min vision" in html and "Kollegaens vision" in html
    draft.refresh_from_db()
    assert draft.vision == "Kollegaens vision"
    saved = client.post(
        staff_url("staff_edit", draft),
        {"title": draft.title, "kind": "policy", "vision": "Min vision", "revision": "3"},
    )
    assert saved.status_code == 302
    draft.refresh_from_db()
    assert draft.vision == "Min vision"
