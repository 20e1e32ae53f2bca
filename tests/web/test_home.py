"""Each role's first screen (luoshi/web/home.py): the leader's cards equal the dashboard's
figures, the liaison's to-do lists exactly their open items, the office sees rounds by state;
signing in lands there."""

from __future__ import annotations

import re

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


def test_leader_cards_equal_the_dashboard(demo, client_for):
    c = client_for(user("leader"))
    published = Report.objects.filter(state=Report.State.PUBLISHED).order_by("-pk")
    for report in [demo.report, *published[:3]]:
        home = c.get(reverse("home") + f"?report={report.pk}").content.decode()
        board = c.get(reverse("dashboard", args=[report.pk])).content.decode()
        for status in ("behind", "at_risk"):
            shown = int(re.search(rf'<td class="num" data-status="{status}">(\d+)</td>',
                                  board).group(1))
            assert figure(home, status) == shown, (report, status)
        unfiled = re.search(r'data-status="unfiled">(\d+)</td>', board)
        assert figure(home, "unfiled") == (int(unfiled.group(1)) if unfiled else 0)
        assert figure(home, "overdue") == 0  # the demo round's deadline is a week away


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
