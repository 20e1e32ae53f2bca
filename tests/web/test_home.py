"""Each role's first screen (luoshi/web/home.py): the leader's cards equal the dashboard's
figures, the liaison's to-do lists exactly their open items, the office sees rounds by state;
signing in lands there."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse
from web.conftest import load_demo

from luoshi.core.models import Progress, Report
from luoshi.rounds.models import EntryState
from luoshi.rounds.permissions import liaison_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, fast_hashing):
    result = load_demo()
    assert result is not None and result.report is not None
    return result


def user(name):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=name)


def figure(html: str, key: str) -> int:
    return int(re.search(rf'data-figure="{key}">(\d+)<', html).group(1))


def card_report(html: str, key: str) -> int:
    return int(re.search(rf'data-card="{key}" data-report="(\d+)"', html).group(1))


def dashboard_figure(board: str, key: str) -> int:
    """The figure the dashboard shows for a status, or for the unfiled tasks (0 if absent)."""
    found = re.search(rf'<td class="num" data-status="{key}">(\d+)</td>', board)
    return int(found.group(1)) if found else 0


def test_leader_cards_equal_the_dashboard(demo, client_for):
    """Each card's figure equals the dashboard of the report the card says it counts."""
    c = client_for(user("leader"))
    published = Report.objects.filter(state=Report.State.PUBLISHED).order_by("-pk")
    for chosen in ["", demo.report.pk, *published[:3].values_list("pk", flat=True)]:
        home = c.get(reverse("home") + f"?report={chosen}").content.decode()
        for key in ("behind", "at_risk", "unfiled"):
            board = c.get(reverse("dashboard", args=[card_report(home, key)])).content.decode()
            assert figure(home, key) == dashboard_figure(board, key), (chosen, key)
        assert figure(home, "overdue") == 0  # the demo round's deadline is a week away


def test_leader_opens_on_the_latest_published_period_and_the_round_being_filled(demo, client_for):
    """What lags is counted in the newest published report (a round being filled has statuses
    only for what was approved so far: opening on it showed 滞后 0); who has not reported is
    counted in the round being filled for that plan, and the page says so."""
    c = client_for(user("leader"))
    html = c.get(reverse("home")).content.decode()
    newest = max(Report.objects.filter(state=Report.State.PUBLISHED, plan=demo.report.plan),
                 key=lambda r: (r.period.year, r.period.month or 0))
    assert card_report(html, "behind") == card_report(html, "at_risk") == newest.pk
    assert card_report(html, "unfiled") == card_report(html, "overdue") == demo.report.pk
    assert figure(html, "behind") > 0  # the demo's published periods have tasks behind
    assert figure(html, "unfiled") > 0  # and its round is half filled
    assert f'data-filing="{demo.report.pk}"' in html and "(填报中)" in html
    # Chosen explicitly, the round counts all four itself and no note is needed.
    chosen = c.get(reverse("home") + f"?report={demo.report.pk}").content.decode()
    assert {card_report(chosen, k) for k in ("behind", "at_risk", "unfiled", "overdue")} == {
        demo.report.pk}
    assert "data-filing=" not in chosen


@pytest.mark.parametrize("chosen", ["²", "٣", "abc", ""])
def test_leader_with_a_report_that_is_no_number_sees_the_latest(demo, client_for, chosen):
    # "²".isdigit() is true but int("²") fails: such a ?report= is ignored, not a server error.
    c = client_for(user("leader"))
    response = c.get(reverse("home"), {"report": chosen})
    assert response.status_code == 200
    assert response.content.decode().count("data-card=") == 4


def test_leader_list_is_by_severity(demo, client_for):
    c = client_for(user("leader"))
    report = Report.objects.filter(state=Report.State.PUBLISHED).order_by("-pk").first()
    html = c.get(reverse("home") + f"?report={report.pk}").content.decode()
    flagged = html.split('id="flagged-title"', 1)[1].split("</ol>", 1)[0]
    order = re.findall(r'class="flag flag--(\w+)"', flagged)
    assert order == sorted(order, key=lambda s: {"behind": 0, "at_risk": 1}[s])
    shares = [int(p) for p in re.findall(
        r"</meter> (\d+)%", html.split('id="units-rank-title"', 1)[1])]
    assert shares == sorted(shares, reverse=True)


def test_liaison_todo_lists_exactly_their_open_items(demo, client_for):
    liaison = user("liaison1")
    html = client_for(liaison).get(reverse("home")).content.decode()
    listed = {int(pk) for pk in re.findall(r'data-entry="(\d+)"', html)}
    open_items = set(Progress.objects.filter(
        report=demo.report, task__in=liaison_tasks(liaison),
        round_entry__state__in=[EntryState.DRAFT, EntryState.RETURNED]).values_list("pk",
                                                                                  flat=True))
    assert open_items and listed == open_items
    returned = Progress.objects.filter(pk__in=open_items,
                                       round_entry__state=EntryState.RETURNED).first()
    if returned is not None:
        assert returned.round_entry.comment in html
    assert "还剩 " in html and "截止时间" in html


def test_office_sees_rounds_by_state(demo, client_for):
    html = client_for(user("office")).get(reverse("home")).content.decode()
    row = html.split(f'data-round="{demo.report.pk}"', 1)[1].split("</tr>", 1)[0]
    entries = demo.report.progress
    for state in ("draft", "returned", "submitted", "approved"):
        n = entries.filter(round_entry__state=state).count()
        assert f'data-state="{state}">{n}</td>' in row


def test_signing_in_lands_on_home_and_public_goes_to_the_list(demo, client):
    response = client.post(reverse("login"), {"username": "liaison1",
                                              "password": "pw-demo-12345"})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    client.logout()
    assert client.get(reverse("home"))["Location"] == reverse("report_list")


def _card(html: str, key: str) -> str:
    return html.split(f'data-card="{key}"', 1)[1].split('<div class="card', 1)[0]


def test_leader_cards_say_the_change_since_the_last_period(demo, client_for):
    """Each card's change is its figure minus the same card's figure for the period before
    (the home page of that period, chosen)."""
    c = client_for(user("leader"))
    home = c.get(reverse("home")).content.decode()
    report = Report.objects.get(pk=card_report(home, "behind"))
    earlier = [r for r in Report.objects.filter(plan=report.plan, state=Report.State.PUBLISHED)
               if (r.period.year, r.period.month or 0) < (report.period.year,
                                                          report.period.month or 0)]
    assert earlier, "the demo's plan has an earlier published period"
    before = max(earlier, key=lambda r: (r.period.year, r.period.month or 0))
    then = c.get(reverse("home") + f"?report={before.pk}").content.decode()
    for key in ("behind", "at_risk"):
        change = int(re.search(r'card__delta">较.*? ([+-]\d+)<', _card(home, key)).group(1))
        assert change == figure(home, key) - figure(then, key), key


def test_leader_sees_tasks_behind_two_periods_running_with_reason_and_unit(demo, client_for):
    """The streak list holds exactly the tasks behind in the report shown and in the period
    before it; every flagged task shows its lead unit and its reason."""
    from luoshi.core.models import Assessment

    c = client_for(user("leader"))
    home = c.get(reverse("home")).content.decode()
    report = Report.objects.get(pk=card_report(home, "behind"))
    reports = sorted(Report.objects.filter(plan=report.plan, state=Report.State.PUBLISHED),
                     key=lambda r: (r.period.year, r.period.month or 0))
    before = reports[reports.index(report) - 1]

    def behind(r):
        return set(Assessment.objects.filter(report=r, status="behind")
                   .values_list("task_id", flat=True))

    expected = behind(report) & behind(before)
    section = home.split('id="streak-title"', 1)[1].split("</section>", 1)[0]
    listed = {int(pk) for pk in re.findall(r'href="/tasks/(\d+)/"', section)}
    assert expected and listed == expected
    flagged = home.split('id="flagged-title"', 1)[1].split("</ol>", 1)[0]
    items = flagged.split('class="flag flag--')[1:]
    units = [re.search(r'flag__unit">([^<]*)<', i).group(1) for i in items]
    assert items and all(u and u != "—" for u in units), units
    assert all('class="status-reason">' in i for i in items), items[:1]


def test_office_and_liaison_see_the_requests_waiting(demo, client_for):
    """A 延期 request a liaison made: on their home as pending, on the office's as waiting;
    the office's round row names the units that still owe entries."""
    from luoshi.rounds.requests import file_request

    liaison = user("liaison1")
    entry = Progress.objects.filter(report=demo.report, task__in=liaison_tasks(liaison)).first()
    made = file_request(liaison, entry.task, "deadline", "施工许可尚未批复。",
                        new_deadline=date(2031, 6, 30))
    mine = client_for(liaison).get(reverse("home")).content.decode()
    assert f'data-request="{made.pk}"' in mine.split('id="pending-title"', 1)[1]
    office = client_for(user("office")).get(reverse("home")).content.decode()
    waiting = office.split('id="requests-title"', 1)[1].split("</section>", 1)[0]
    assert "(1)" in waiting and f'href="/tasks/{entry.task_id}/"' in waiting
    row = office.split(f'data-round="{demo.report.pk}"', 1)[1].split("</tr>", 1)[0]
    owing = row.split('data-label="未交单位">', 1)[1].split("</td>", 1)[0]
    assert re.search(r"\S+((\d+))", owing), owing  # a unit and how many it owes


def test_liaison_sees_a_returned_entry_first_with_the_comment(demo, client_for):
    """The demo's returned entry, on the home of a liaison of its lead unit: under 已退回, with
    the office's comment beside it."""
    from luoshi.rounds.models import Profile

    returned = Progress.objects.get(report=demo.report, round_entry__state=EntryState.RETURNED)
    lead = returned.task.units.through.objects.filter(task=returned.task).order_by(
        "order").first().unit
    liaison = Profile.objects.filter(units=lead).first().user
    html = client_for(liaison).get(reverse("home")).content.decode()
    item = html.split(f'class="todo-item todo-item--returned" data-entry="{returned.pk}"', 1)[1]
    item = item.split("</li>", 1)[0]
    assert f'class="return-comment">退回意见:{returned.round_entry.comment}<' in item
    assert html.index("已退回,需修改") < html.index('data-entry=')


def test_leader_overdue_card_counts_the_units_the_overdue_page_lists(demo, client_for):
    """Once the round's deadline has passed, 逾期 is the number of units the round's overdue
    page lists (units still owing entries); before it, 0."""
    from datetime import timedelta

    from django.utils import timezone

    Report.objects.filter(pk=demo.report.pk).update(deadline=timezone.now() - timedelta(days=2))
    home = client_for(user("leader")).get(reverse("home")).content.decode()
    assert card_report(home, "overdue") == demo.report.pk
    page = client_for(user("office")).get(
        reverse("round_overdue", args=[demo.report.pk])).content.decode()
    owing = len(re.findall(r'<tr id="unit-\d+">', page))
    assert owing > 0 and figure(home, "overdue") == owing
