import datetime

import pytest
from django.urls import reverse

from actionplans import services
from actionplans.models import ActionPlan, StatusUpdate
from actionplans.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    FollowUpRoundFactory,
    IndicatorFactory,
    MeasurementFactory,
)
from policies.models import Policy
from policies.tests.factories import GoalFactory, PolicyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(aalborg):
    return PolicyFactory(
        municipality=aalborg, slug="integrationsstrategi-2023-2026", state=Policy.State.IN_FORCE
    )


def build(policy, goals):
    plan = ActionPlanFactory(policy=policy, state=ActionPlan.State.RUNNING)
    for n in range(goals):
        goal = GoalFactory(policy=policy)
        plan.goals.add(goal)
        for _ in range(2):
            ActionFactory(plan=plan, goal=goal)
        indicator = IndicatorFactory(goal=goal)
        for m in range(3):
            MeasurementFactory(indicator=indicator, period=datetime.date(2023 + m, 12, 31 - n % 2))
    return plan


def dashboard_url(policy):
    return reverse("actionplans:dashboard", args=[policy.municipality.slug, policy.slug])


@pytest.fixture
def count_queries(django_assert_max_num_queries):
    def count(client, url, most=30):
        with django_assert_max_num_queries(most) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    return count


def test_the_dashboard_answers_in_a_constant_number_of_queries(client, aalborg, count_queries):
    small = PolicyFactory(municipality=aalborg, state=Policy.State.IN_FORCE)
    large = PolicyFactory(municipality=aalborg, state=Policy.State.IN_FORCE)
    build(small, 2)
    build(large, 20)
    round = FollowUpRoundFactory(policy=large)
    round.closed_at = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    round.save()
    client.get(dashboard_url(small))  # warm up (sessions, content types)
    assert count_queries(client, dashboard_url(small)) == count_queries(
        client, dashboard_url(large), most=10
    )


def test_the_dashboard_shows_status_in_words_progress_and_last_update(client, policy, editor):
    plan = build(policy, 1)
    action = plan.actions.first()
    services.action_update_status(
        action=action,
        user=editor,
        status="at_risk",
        progress=35,
        note="Mangler lokaler",
        on=datetime.date(2026, 11, 20),
    )
    html = client.get(dashboard_url(policy)).content.decode()
    assert 'class="badge badge-warning">i risiko</span>' in html
    assert '<progress class="progress" max="100" value="35"' in html
    assert "35 %</span>" in html
    assert "20.11.2026" in html


def test_a_goal_whose_actions_are_all_cancelled_says_no_active_actions(client, policy):
    goal = GoalFactory(policy=policy)
    plan = ActionPlanFactory(policy=policy, goals=[goal])
    ActionFactory(plan=plan, goal=goal, status="cancelled")
    html = client.get(dashboard_url(policy)).content.decode()
    assert "ingen aktive handlinger" in html


def test_a_draft_plan_is_hidden_from_the_public_and_other_municipalities(
    client, policy, editor, other_editor
):
    goal = GoalFactory(policy=policy)
    draft = ActionPlanFactory(policy=policy, goals=[goal], state=ActionPlan.State.DRAFT)
    ActionFactory(plan=draft, goal=goal, title="Hemmelig kladdehandling")
    running = ActionPlanFactory(policy=policy, goals=[goal], title="Offentlig plan")
    ActionFactory(plan=running, goal=goal, title="Offentlig handling")

    for user in (None, other_editor):
        if user:
            client.force_login(user)
        html = client.get(dashboard_url(policy)).content.decode()
        assert "Offentlig handling" in html
        assert "Hemmelig kladdehandling" not in html
        assert draft.title not in html
    assert not ActionPlan.objects.visible_to(other_editor).filter(pk=draft.pk).exists()

    client.force_login(editor)
    assert "Hemmelig kladdehandling" in client.get(dashboard_url(policy)).content.decode()


def test_only_a_draft_plan_means_no_public_dashboard(client, policy):
    ActionPlanFactory(policy=policy, state=ActionPlan.State.DRAFT)
    assert client.get(dashboard_url(policy)).status_code == 404
    index = reverse("actionplans:index", args=["aalborg"])
    assert policy.title not in client.get(index).content.decode()


def test_the_index_lists_policies_with_public_plans(client, policy):
    build(policy, 1)
    html = client.get(reverse("actionplans:index", args=["aalborg"])).content.decode()
    assert dashboard_url(policy) in html


def test_the_status_report_of_an_open_round_is_not_public(client, policy, editor):
    build(policy, 1)
    round = FollowUpRoundFactory(policy=policy)
    url = reverse("actionplans:round_report", args=["aalborg", policy.slug, round.pk])
    assert client.get(url).status_code == 404
    services.round_close(round=round, user=editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "ikke rapporteret" in response.content.decode()


def test_staff_pages_need_an_editor_of_the_municipality(client, policy, other_editor):
    url = reverse("actionplans:staff_policy", args=["aalborg", policy.slug])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(other_editor)
    assert client.get(url).status_code == 403


def test_staff_pages_render_for_an_editor(client, policy, editor):
    plan = build(policy, 1)
    round = FollowUpRoundFactory(policy=policy)
    action = plan.actions.first()
    indicator = plan.goals.first().indicators.first()
    client.force_login(editor)
    for name, args in [
        ("staff_index", ["aalborg"]),
        ("staff_policy", ["aalborg", policy.slug]),
        ("plan_create", ["aalborg", policy.slug]),
        ("plan", ["aalborg", plan.pk]),
        ("action_create", ["aalborg", plan.pk]),
        ("action", ["aalborg", action.pk]),
        ("round_create", ["aalborg", policy.slug]),
        ("round", ["aalborg", round.pk]),
        ("round_update", ["aalborg", plan.pk, round.pk]),
        ("round_report_staff", ["aalborg", round.pk]),
        ("indicator_create", ["aalborg", policy.slug]),
        ("indicator", ["aalborg", indicator.pk]),
        ("measurements_import", ["aalborg", policy.slug]),
    ]:
        response = client.get(reverse(f"actionplans:{name}", args=args))
        assert response.status_code == 200, name


def _round_post(plan, values):
    data = {
        "status-TOTAL_FORMS": str(len(values)),
        "status-INITIAL_FORMS": str(len(values)),
        "status-MIN_NUM_FORMS": "0",
        "status-MAX_NUM_FORMS": "1000",
    }
    for i, (action, status, progress, note) in enumerate(values):
        data |= {
            f"status-{i}-action": action.pk,
            f"status-{i}-revision": action.revision,
            f"status-{i}-status": status,
            f"status-{i}-progress": progress,
            f"status-{i}-note": note,
        }
    return data


def test_the_round_screen_keeps_the_input_when_a_note_is_missing(client, policy, editor):
    plan = ActionPlanFactory(policy=policy)
    first, second = ActionFactory(plan=plan), ActionFactory(plan=plan)
    round = FollowUpRoundFactory(policy=policy)
    url = reverse("actionplans:round_update", args=["aalborg", plan.pk, round.pk])
    client.force_login(editor)
    response = client.post(
        url, _round_post(plan, [(first, "done", 100, "Fint"), (second, "off_track", 12, "")])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Skriv en bemærkning" in html
    assert 'value="12"' in html and "Fint</textarea>" in html
    assert not StatusUpdate.objects.exists()

    response = client.post(
        url,
        _round_post(
            plan, [(first, "done", 100, "Fint"), (second, "off_track", 12, "Ingen lokaler")]
        ),
    )
    assert response.status_code == 302
    assert StatusUpdate.objects.filter(round=round).count() == 2


def test_the_round_screen_refuses_changes_after_the_round_closed(client, policy, editor):
    plan = ActionPlanFactory(policy=policy)
    action = ActionFactory(plan=plan)
    round = FollowUpRoundFactory(policy=policy, name="2024 1. halvår")
    services.round_close(round=round, user=editor)
    url = reverse("actionplans:round_update", args=["aalborg", plan.pk, round.pk])
    client.force_login(editor)
    response = client.post(url, _round_post(plan, [(action, "done", 100, "")]), follow=True)
    html = response.content.decode()
    assert "2024 1. halvår" in html and "kan ikke længere ændres" in html
    assert not StatusUpdate.objects.exists()


def test_an_editor_creates_a_plan_an_action_and_runs_a_round(client, policy, editor):
    from actionplans.models import Action, FollowUpRound

    goal = GoalFactory(policy=policy)
    client.force_login(editor)
    response = client.post(
        reverse("actionplans:plan_create", args=["aalborg", policy.slug]),
        {"title": "Handleplan for mål 1", "goals": [goal.pk], "state": "draft"},
    )
    plan = ActionPlan.objects.get(title="Handleplan for mål 1")
    assert response.status_code == 302
    response = client.post(
        reverse("actionplans:action_create", args=["aalborg", plan.pk]),
        {"title": "Lektiecafé", "goal": goal.pk, "weight": 2},
    )
    assert response.status_code == 302
    action = Action.objects.get(title="Lektiecafé")
    assert (action.status, action.progress, action.weight) == ("not_started", 0, 2)

    response = client.post(
        reverse("actionplans:round_create", args=["aalborg", policy.slug]),
        {"name": "2099 1. halvår", "opens_on": "2099-06-01", "closes_on": "2099-06-30"},
    )
    round = FollowUpRound.objects.get(name="2099 1. halvår")
    client.post(reverse("actionplans:round_open", args=["aalborg", round.pk]))
    round.refresh_from_db()
    assert round.is_open()
    client.post(reverse("actionplans:round_close", args=["aalborg", round.pk]))
    round.refresh_from_db()
    assert round.is_closed
    response = client.post(
        reverse("actionplans:round_close", args=["aalborg", round.pk]), follow=True
    )
    assert "kan ikke længere ændres" in response.content.decode()


def test_a_stale_action_form_is_refused_as_a_conflict(client, policy, editor):
    goal = GoalFactory(policy=policy)
    plan = ActionPlanFactory(policy=policy, goals=[goal])
    action = ActionFactory(plan=plan, goal=goal, title="Før")
    client.force_login(editor)
    url = reverse("actionplans:action", args=["aalborg", action.pk])
    data = {"title": "Min udgave", "goal": goal.pk, "weight": 1, "revision": action.revision}
    services.action_update_status(action=action, user=editor, status="done", progress=100)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "En anden har gemt" in response.content.decode()
    action.refresh_from_db()
    assert action.title == "Før"


def test_the_municipality_front_page_links_the_dashboard(client, policy):
    build(policy, 1)
    html = client.get(reverse("core:municipality", args=["aalborg"])).content.decode()
    assert dashboard_url(policy) in html


def test_remarks_from_the_hearing_show_only_when_their_response_is_public(client, policy, editor):
    from hearings.models import Hearing, Remark
    from hearings.tests.factories import HearingFactory, RemarkFactory, ResponseFactory

    goal = GoalFactory(policy=policy)
    plan = ActionPlanFactory(policy=policy, goals=[goal])
    action = ActionFactory(plan=plan, goal=goal)
    hearing = HearingFactory(policy=policy, state=Hearing.State.PROCESSED)
    public = RemarkFactory(
        response=ResponseFactory(hearing=hearing),
        excerpt="Husk de internationale studerende",
        outcome=Remark.Outcome.TO_ACTION_PLANS,
        answer="Indgår i handleplanen.",
    )
    withheld = RemarkFactory(
        response=ResponseFactory(hearing=hearing, withheld=True),
        excerpt="Tilbageholdt bemærkning",
        outcome=Remark.Outcome.TO_ACTION_PLANS,
        answer="Indgår.",
    )
    services.action_save(
        action=action, user=editor, expected_revision=0, remarks=[public, withheld]
    )
    html = client.get(dashboard_url(policy)).content.decode()
    assert "Husk de internationale studerende" in html
    assert "Tilbageholdt bemærkning" not in html


def test_an_editor_enters_a_measurement_and_a_duplicate_period_is_refused(client, policy, editor):
    indicator = IndicatorFactory(goal=GoalFactory(policy=policy))
    url = reverse("actionplans:indicator", args=["aalborg", indicator.pk])
    client.force_login(editor)
    data = {"period": "2024-12-31", "value": "47,5", "source": "Jobindsats"}
    assert client.post(url, data).status_code == 302
    assert str(indicator.measurements.get().value) == "47.5000"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "allerede en måling" in response.content.decode()


def test_the_status_report_answers_in_a_constant_number_of_queries(
    client, aalborg, editor, count_queries
):
    urls = []
    for goals in (2, 12):
        policy = PolicyFactory(municipality=aalborg, state=Policy.State.IN_FORCE)
        plan = build(policy, goals)
        round = FollowUpRoundFactory(policy=policy)
        for action in plan.actions.all():
            services.action_update_status(
                action=action, user=editor, status="on_track", progress=40, round=round
            )
        services.round_close(round=round, user=editor)
        urls.append(reverse("actionplans:round_report", args=["aalborg", policy.slug, round.pk]))
    client.get(urls[0])
    assert count_queries(client, urls[0]) == count_queries(client, urls[1])


def test_the_status_report_shows_a_closed_items_outcome_only_to_its_readers(client, policy, editor):
    from councils.models import AgendaItem, Meeting
    from councils.tests.factories import AgendaItemFactory, MeetingFactory, member_user

    round = FollowUpRoundFactory(policy=policy)
    services.round_close(round=round, user=editor)
    meeting = MeetingFactory(
        council__municipality=policy.municipality, status=Meeting.Status.MINUTES_PUBLISHED
    )
    item = AgendaItemFactory(
        meeting=meeting,
        title="Lukket sag om en medarbejder",
        is_closed=True,
        public_title="Personalesag",
        outcome=AgendaItem.Outcome.REJECTED,
    )
    round.agenda_items.add(item)
    url = reverse("actionplans:round_report", args=["aalborg", policy.slug, round.pk])

    html = client.get(url).content.decode()
    assert "Personalesag" in html
    assert "Ikke godkendt" not in html and "Lukket sag" not in html
    client.force_login(member_user(meeting.council))
    html = client.get(url).content.decode()
    assert "Lukket sag om en medarbejder – Ikke godkendt" in html
