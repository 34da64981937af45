import datetime
import re

import pytest
from django.urls import reverse

from councils.models import Meeting
from councils.tests.factories import AgendaItemFactory, CouncilFactory, MeetingFactory, member_user
from policies.models import Policy, PolicyTransition, PolicyVersion
from policies.services import policy_freeze_version
from policies.tests.factories import CommitmentFactory, FocusAreaFactory, GoalFactory, PolicyFactory
from policies.tests.links import detail_url, staff_url

pytestmark = pytest.mark.django_db

S = Policy.State


# --- Visibility ------------------------------------------------------------------------------


def test_a_draft_is_absent_from_the_public_list_and_404s(client, aalborg, draft):
    PolicyFactory(municipality=aalborg, title="Offentlig politik", state=S.IN_FORCE)
    page = client.get(reverse("policies:index", args=["aalborg"])).content.decode()
    assert "Offentlig politik" in page
    assert "Hemmeligt udkast" not in page
    assert client.get(detail_url(draft)).status_code == 404


def test_another_municipalitys_editor_cannot_see_or_change_a_draft(client, draft, other_editor):
    client.force_login(other_editor)
    assert (
        "Hemmeligt udkast"
        not in client.get(reverse("policies:index", args=["aalborg"])).content.decode()
    )
    assert client.get(detail_url(draft)).status_code == 404
    assert client.get(staff_url("staff_edit", draft)).status_code == 403
    response = client.post(staff_url("staff_freeze", draft), {"label": "Snyd"})
    assert response.status_code == 403
    assert not PolicyVersion.objects.exists()


@pytest.mark.parametrize("who", ["editor", "member"])
def test_staff_and_council_members_read_the_draft(client, aalborg, draft, editor, who):
    user = editor if who == "editor" else member_user(CouncilFactory(municipality=aalborg))
    client.force_login(user)
    assert "Hemmeligt udkast" in client.get(detail_url(draft)).content.decode()
    assert (
        "Hemmeligt udkast"
        in client.get(reverse("policies:index", args=["aalborg"])).content.decode()
    )


def test_a_council_member_may_read_but_not_edit(client, aalborg, draft):
    client.force_login(member_user(CouncilFactory(municipality=aalborg)))
    assert client.get(staff_url("staff_edit", draft)).status_code == 403


def test_a_policy_in_hearing_is_public(client, aalborg):
    policy = PolicyFactory(municipality=aalborg, title="Høringsudkast", state=S.IN_HEARING)
    assert client.get(detail_url(policy)).status_code == 200


def test_an_adoption_known_only_by_its_year_shows_the_year(client, aalborg):
    policy = PolicyFactory(municipality=aalborg, state=S.SUPERSEDED, adopted_year=2015)
    page = client.get(detail_url(policy)).content.decode()
    assert re.search(r"<dt>Vedtaget</dt><dd>2015</dd>", page)


def test_an_adoption_date_wins_over_the_year(client, aalborg):
    policy = PolicyFactory(
        municipality=aalborg,
        state=S.ADOPTED,
        adopted_on=datetime.date(2015, 3, 9),
        adopted_year=2015,
    )
    page = client.get(detail_url(policy)).content.decode()
    assert "<dt>Vedtaget</dt><dd>9. marts 2015</dd>" in page


def test_a_draft_version_is_not_public(client, draft):
    policy_freeze_version(policy=draft, label="Internt", user=None)
    url = reverse("policies:version", args=["aalborg", draft.slug, 1])
    assert client.get(url).status_code == 404


def test_a_closed_decision_shows_only_its_public_title(client, aalborg):
    council = CouncilFactory(municipality=aalborg, name="Integrationsrådet")
    item = AgendaItemFactory(
        meeting=MeetingFactory(council=council, status=Meeting.Status.MINUTES_PUBLISHED),
        title="Fortrolig titel",
        is_closed=True,
        public_title="Lukket punkt",
    )
    policy = PolicyFactory(municipality=aalborg, state=S.COUNCIL_APPROVED)
    PolicyTransition.objects.create(
        policy=policy,
        from_state=S.IN_HEARING,
        to_state=S.COUNCIL_APPROVED,
        decided_on=datetime.date(2023, 4, 11),
        agenda_item=item,
    )
    page = client.get(detail_url(policy)).content.decode()
    assert "Lukket punkt" in page
    assert "Fortrolig titel" not in page


# --- The list and its timeline ---------------------------------------------------------------


def test_the_timeline_follows_the_chain_and_marks_the_policy_in_force(client, aalborg):
    p2005 = PolicyFactory(
        municipality=aalborg,
        title="Politik 2005",
        period_start=2005,
        period_end=None,
        state=S.SUPERSEDED,
    )
    p2012 = PolicyFactory(
        municipality=aalborg,
        title="Politik 2012-2015",
        period_start=2012,
        period_end=2015,
        state=S.SUPERSEDED,
        predecessor=p2005,
    )
    PolicyFactory(
        municipality=aalborg,
        title="Strategi 2023-2026",
        period_start=2023,
        period_end=2026,
        state=S.IN_FORCE,
        predecessor=p2012,
    )
    PolicyFactory(municipality=aalborg, title="Anden linje", period_start=2010, state=S.EXPIRED)
    page = client.get(reverse("policies:index", args=["aalborg"])).content.decode()
    titles = re.findall(r'ps-timeline-title"><a href="[^"]+">([^<]+)</a>', page)
    assert titles == ["Politik 2005", "Politik 2012-2015", "Strategi 2023-2026", "Anden linje"]
    assert "Gældende nu" in page
    assert ">Gældende</span>" in page
    assert page.count(">Gældende</span>") == 1


# --- The reading page ------------------------------------------------------------------------


def test_the_reading_page_has_anchors_for_every_part(client, aalborg):
    policy = PolicyFactory(municipality=aalborg, state=S.IN_FORCE, vision="Sammen kan vi mest.")
    area = FocusAreaFactory(policy=policy, title="Uddannelse")
    FocusAreaFactory(policy=policy, title="Arbejde", position=99)
    goal = GoalFactory(policy=policy, focus_area=area, title="Flere unge")
    CommitmentFactory(goal=goal, text="Vejledning")
    page = client.get(detail_url(policy)).content.decode()
    assert "<blockquote" in page and "Sammen kan vi mest." in page
    for anchor in ('id="fokus-1"', 'id="fokus-2"', 'id="maal-1-1"', 'id="indsats-1-1-1"'):
        assert anchor in page


def _policy_with_goals(municipality, count):
    policy = PolicyFactory(municipality=municipality, state=S.IN_FORCE)
    council = CouncilFactory(municipality=municipality)
    policy.prepared_by = council
    policy.save()
    areas = [FocusAreaFactory(policy=policy) for _ in range(2)]
    for index in range(count):
        goal = GoalFactory(policy=policy, focus_area=areas[index % 2])
        CommitmentFactory.create_batch(3, goal=goal)
    GoalFactory(policy=policy)  # one directly under the policy
    item = AgendaItemFactory(
        meeting=MeetingFactory(council=council, status=Meeting.Status.MINUTES_PUBLISHED)
    )
    PolicyTransition.objects.create(
        policy=policy,
        from_state=S.ADOPTED,
        to_state=S.IN_FORCE,
        decided_on=datetime.date(2023, 1, 1),
        agenda_item=item,
    )
    policy_freeze_version(policy=policy, label="Vedtaget", user=None)
    return policy


def test_the_reading_page_answers_in_a_constant_number_of_queries(
    client, aalborg, django_assert_max_num_queries
):
    small = _policy_with_goals(aalborg, 2)
    large = _policy_with_goals(aalborg, 40)
    counts = []
    for policy in (small, large):
        # 13 for the page itself, one each for the hearings, action plans and reports it links to.
        with django_assert_max_num_queries(16) as queries:
            response = client.get(detail_url(policy))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


# --- Versions and comparison -----------------------------------------------------------------


def test_a_version_page_shows_the_frozen_text_not_the_current_one(client, aalborg):
    policy = PolicyFactory(municipality=aalborg, state=S.IN_HEARING)
    goal = GoalFactory(policy=policy, title="Den oprindelige ordlyd")
    policy_freeze_version(policy=policy, label="Høringsudkast 15.02.2023", user=None)
    goal.title = "Den nye ordlyd"
    goal.save()
    page = client.get(reverse("policies:version", args=["aalborg", policy.slug, 1]))
    html = page.content.decode()
    assert "Den oprindelige ordlyd" in html and "Den nye ordlyd" not in html
    assert "Høringsudkast 15.02.2023" in html


def test_compare_marks_a_changed_goal_with_del_and_ins(client, aalborg):
    policy = PolicyFactory(municipality=aalborg, state=S.COUNCIL_APPROVED)
    goal = GoalFactory(policy=policy, title="arbejdspladser i Aalborg Kommune")
    policy_freeze_version(policy=policy, label="Høringsudkast", user=None)
    goal.title = "arbejdspladser, offentlige som private, i Aalborg Kommune"
    goal.save()
    policy_freeze_version(policy=policy, label="Vedtaget", user=None)
    url = reverse("policies:compare", args=["aalborg", policy.slug])
    html = client.get(url, {"fra": "1", "til": "2"}).content.decode()
    assert '<ins class="diff-ins">' in html and "offentlige som private" in html
    assert '<del class="diff-del">' in html
    assert "Tilføjet:" in html  # said in words, not by colour alone
    current = client.get(url, {"fra": "1", "til": "udkast"})
    assert current.status_code == 200
    assert client.get(url, {"fra": "9", "til": "2"}).status_code == 404


# --- Front page and staff home ---------------------------------------------------------------


def test_the_front_page_lists_policies_in_force_and_in_hearing(client, aalborg):
    PolicyFactory(municipality=aalborg, title="Gældende politik", state=S.IN_FORCE)
    PolicyFactory(municipality=aalborg, title="Politik i høring", state=S.IN_HEARING)
    PolicyFactory(municipality=aalborg, title="Udkast til politik", state=S.DRAFT)
    PolicyFactory(municipality=aalborg, title="Udløbet politik", state=S.EXPIRED)
    page = client.get(reverse("core:municipality", args=["aalborg"])).content.decode()
    assert "Gældende politik" in page and "Politik i høring" in page
    assert "Udkast til politik" not in page and "Udløbet politik" not in page
