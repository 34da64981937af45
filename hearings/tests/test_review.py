"""The council's review page: who may use it, read marks, notes and its query count."""

import pytest
from django.urls import reverse

from councils.tests.factories import CouncilFactory, member_user
from hearings.models import InternalNote, RemarkRead
from hearings.tests.citizen import public_bodies
from hearings.tests.factories import (
    HearingFactory,
    RemarkFactory,
    ResponseFactory,
    ThemeFactory,
    answered,
)
from policies.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db


def _fill(hearing, responses, goals, themes):
    for index in range(responses):
        response = ResponseFactory(hearing=hearing)
        for goal in goals:
            remark = RemarkFactory(response=response, goal=goal, excerpt=f"Bemærkning {index}")
            remark.themes.add(themes[index % len(themes)])
            InternalNote.objects.create(remark=remark, author=hearing._editor, text="note")


def test_review_page_query_count_is_constant_in_the_number_of_responses(
    client, aalborg, editor, django_assert_max_num_queries
):
    def _review_queries(client, hearing, query=""):
        url = reverse("hearings:review", args=["aalborg", hearing.pk]) + query
        with django_assert_max_num_queries(25) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response

    hearing = HearingFactory(policy__municipality=aalborg)
    hearing._editor = editor
    goals = [GoalFactory(policy=hearing.policy, position=i) for i in range(3)]
    themes = [ThemeFactory(municipality=aalborg) for _ in range(3)]
    client.force_login(editor)
    _fill(hearing, 5, goals, themes)
    small, _ = _review_queries(client, hearing)
    small_filtered, _ = _review_queries(client, hearing, f"?theme={themes[0].pk}&unread=on&q=B")
    _fill(hearing, 45, goals, themes)
    large, response = _review_queries(client, hearing)
    large_filtered, _ = _review_queries(client, hearing, f"?theme={themes[0].pk}&unread=on&q=B")
    assert small == large, (small, large)
    assert small_filtered == large_filtered
    assert "150 bemærkninger" in response.content.decode()


def test_review_is_for_council_members_and_editors_only(client, hearing, other_editor):
    url = reverse("hearings:review", args=["aalborg", hearing.pk])
    assert client.get(url).status_code == 302
    client.force_login(other_editor)
    assert client.get(url).status_code == 403
    member = member_user(CouncilFactory(municipality=hearing.policy.municipality))
    client.force_login(member)
    assert client.get(url).status_code == 200


def test_member_marks_read_and_writes_a_note_that_stays_internal(client, aalborg, editor):
    hearing = HearingFactory(policy__municipality=aalborg, state="processed")
    remark = RemarkFactory(response=ResponseFactory(hearing=hearing))
    answered(remark, user=editor)
    member = member_user(CouncilFactory(municipality=aalborg))
    client.force_login(member)
    base = reverse("hearings:review", args=["aalborg", hearing.pk])
    read_url = reverse("hearings:mark_read", args=["aalborg", hearing.pk, remark.pk])
    note_url = reverse("hearings:add_note", args=["aalborg", hearing.pk, remark.pk])
    assert client.post(read_url, {"read": "1", "next": base}).status_code == 302
    assert RemarkRead.objects.filter(user=member, remark=remark).exists()
    unread = client.get(base + "?unread=on").content.decode()
    assert "Ingen bemærkninger matcher" in unread
    response = client.post(
        note_url, {f"note-{remark.pk}-text": "INTERN-NOTE-99"}, HTTP_HX_REQUEST="true"
    )
    assert "INTERN-NOTE-99" in response.content.decode()
    client.logout()
    for body in public_bodies(client, hearing):
        assert "INTERN-NOTE-99" not in body


def test_a_text_search_finds_only_what_the_reader_reads(client, aalborg, editor):
    """A council member reads contact details redacted, so a search by a piece of a phone
    number or by an organisation's contact person must not point at the response either."""
    from hearings.tests.factories import ResponderFactory

    hearing = HearingFactory(policy__municipality=aalborg)
    goal = GoalFactory(policy=hearing.policy)
    RemarkFactory(
        response=ResponseFactory(hearing=hearing),
        goal=goal,
        excerpt="Lektiecaféer, ring 23 45 67 89",
    )
    organisation = ResponderFactory(
        municipality=aalborg,
        kind="organisation",
        name="Jens Kontaktperson",
        organisation="Foreningen Sammen",
    )
    RemarkFactory(response=ResponseFactory(hearing=hearing, responder=organisation), goal=goal)
    member = member_user(CouncilFactory(municipality=aalborg))

    def found(user, query):
        client.force_login(user)
        response = client.get(
            reverse("hearings:review", args=["aalborg", hearing.pk]) + f"?q={query}"
        )
        assert response.status_code == 200
        return response.context["total"]

    for query, expected in (("67+89", 1), ("Kontaktperson", 1), ("Lektiecaf", 1), ("Sammen", 1)):
        assert found(editor, query) == expected, query
    assert found(member, "67+89") == 0
    assert found(member, "Kontaktperson") == 0
    assert found(member, "Lektiecaf") == 1
    assert found(member, "Sammen") == 1
