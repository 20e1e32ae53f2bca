"""`luoshi demo`: sample plans through the importer; --if-empty; loading twice changes nothing."""

from __future__ import annotations

import re
import stat
from collections import Counter
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from luoshi.cli import main
from luoshi.cli.demo import DEMO_SET, LOGINS_FILE
from luoshi.core.models import Change, Government, Plan, Progress, Report, Task, TaskUnit
from luoshi.rounds.demo import RETURN_COMMENT, ROUND_GOVERNMENT, ROUND_YEAR
from luoshi.rounds.models import EntryState, ReviewEvent, Role, RoundEntry
from luoshi.rounds.permissions import ADMIN, role_of
from luoshi.rounds.reminders import overdue_units
from luoshi.vocab import PeriodKind, UnitRole

pytestmark = pytest.mark.django_db


def test_demo_loads_two_governments_two_years_several_periods(capsys):
    assert main(["demo", "--tasks", "6"]) == 0
    out, _ = capsys.readouterr()
    n_tables = sum(len(periods) for _g, _y, periods, _l in DEMO_SET)
    assert f"luoshi demo: 已加载示例表 {n_tables} 张" in out.splitlines()
    assert Report.objects.filter(state=Report.State.PUBLISHED).count() == n_tables
    assert Report.objects.count() == n_tables + 1  # and the demo round, open
    assert set(Government.objects.values_list("name", flat=True)) == {"安澜市", "安澜市东湖区"}
    assert Plan.objects.count() == 4
    assert Task.objects.filter(parent__isnull=True).count() == 4 * 6
    # The city's 2023 plan has four periods attached to the same six tasks.
    task = Task.objects.get(plan__government__name="安澜市", plan__year=2023, serial="1")
    assert task.progress.count() == 4 or task.children.first().progress.count() == 4
    assert Progress.objects.filter(report__state=Report.State.PUBLISHED).exists()


def test_demo_twice_changes_nothing(capsys):
    main(["demo", "--tasks", "3"])
    counts = (Report.objects.count(), Task.objects.count(), Progress.objects.count())
    assert main(["demo", "--tasks", "3"]) == 0
    out, _ = capsys.readouterr()
    assert "luoshi demo: 已加载示例表 0 张" in out.splitlines()
    assert (Report.objects.count(), Task.objects.count(), Progress.objects.count()) == counts


def test_if_empty_does_nothing_when_reports_exist(capsys):
    main(["demo", "--tasks", "3"])
    capsys.readouterr()
    counts = (Report.objects.count(), Task.objects.count())
    assert main(["demo", "--if-empty", "--tasks", "9"]) == 0
    out, _ = capsys.readouterr()
    assert "luoshi demo: 数据库中已有报告,未加载示例数据" in out
    assert (Report.objects.count(), Task.objects.count()) == counts


def test_tasks_must_be_positive(capsys):
    assert main(["demo", "--tasks", "0"]) == 2
    assert "luoshi demo: --tasks 至少为 1" in capsys.readouterr().err
    assert Report.objects.count() == 0


# --- demo users and the demo round (issue 6) ------------------------------------------------

ROUND_TASKS = "10"  # enough tasks for every step of luoshi.rounds.demo.SCRIPT


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path, fast_hashing):
    """demo-logins.txt goes to a temporary LUOSHI_DATA_DIR, never the checkout's var/."""
    settings.DATA_DIR = tmp_path
    return tmp_path


def run_demo(capsys, *extra: str) -> str:
    assert main(["demo", "--tasks", ROUND_TASKS, *extra]) == 0
    return capsys.readouterr().out


def printed_password(out: str) -> str:
    match = re.search(r"^密码\(所有用户相同\):(\S+)$", out, re.M)
    assert match, out
    return match.group(1)


def demo_report() -> Report:
    return Report.objects.get(plan__government__name=ROUND_GOVERNMENT, plan__year=ROUND_YEAR,
                              period__kind=PeriodKind.ANNUAL)


def test_demo_users_of_each_role_log_in_with_the_printed_password(capsys, data_dir):
    out = run_demo(capsys, "--url", "http://127.0.0.1:8799")
    password = printed_password(out)
    assert "http://127.0.0.1:8799/accounts/login/" in out
    User = get_user_model()
    roles = {u.username: role_of(u) for u in User.objects.all()}
    assert roles == {"admin": ADMIN, "office": Role.SUPERVISOR, "leader": Role.LEADER,
                     "liaison1": Role.LIAISON, "liaison2": Role.LIAISON,
                     "liaison3": Role.LIAISON}
    report = demo_report()
    for name in ("liaison1", "liaison2", "liaison3"):
        units = list(User.objects.get(username=name).luoshi_profile.units.all())
        assert len(units) == 1
        # Each liaison's unit leads entries in the open round, and the console names it.
        assert TaskUnit.objects.filter(unit=units[0], role=UnitRole.LEAD,
                                       task__plan=report.plan).exists()
        assert re.search(rf"^  {name} .*{units[0].name}$", out, re.M)
    for name in roles:
        client = Client()
        wrong = client.post(reverse("login"), {"username": name, "password": password + "x"})
        assert wrong.status_code == 200 and "_auth_user_id" not in client.session
        response = client.post(reverse("login"), {"username": name, "password": password})
        assert response.status_code == 302, name
        assert client.session["_auth_user_id"] == str(User.objects.get(username=name).pk)
    saved = data_dir / LOGINS_FILE
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert password in saved.read_text(encoding="utf-8")
    assert "liaison3" in saved.read_text(encoding="utf-8")


def test_password_is_new_for_each_fresh_database(capsys):
    first = printed_password(run_demo(capsys))
    # What a fresh database would hold before the people and round: the sample tables.
    get_user_model().objects.all().delete()
    demo_report().delete()
    second = printed_password(run_demo(capsys))
    assert first != second
    assert len(first) >= 16 and len(second) >= 16


def test_demo_round_is_open_and_partly_filled(capsys):
    before = timezone.now()
    run_demo(capsys)
    report = demo_report()
    assert report.state == Report.State.OPEN
    assert timedelta(days=6, hours=23) < report.deadline - before <= timedelta(days=7, minutes=1)
    entries = RoundEntry.objects.filter(progress__report=report)
    states = Counter(entries.values_list("state", flat=True))
    assert states[EntryState.SUBMITTED] == 3  # two plain, one boilerplate acknowledged
    assert states[EntryState.RETURNED] == 1
    assert states[EntryState.APPROVED] == 1
    assert states[EntryState.DRAFT] == report.progress.count() - 5 > 0
    returned = entries.get(state=EntryState.RETURNED)
    assert returned.comment == RETURN_COMMENT
    acknowledged = entries.get(acknowledged=True)
    assert acknowledged.state == EntryState.SUBMITTED
    assert "boilerplate" in {w["code"] for w in acknowledged.warnings}
    # Liaisons wrote and submitted; the office returned and approved.
    events = ReviewEvent.objects.filter(progress__report=report)
    assert {e.user.username for e in events.filter(action="submit")} <= {
        "liaison1", "liaison2", "liaison3"}
    assert {e.user.username for e in events.exclude(action="submit")} == {"office"}
    assert report.progress.filter(round_entry__state=EntryState.DRAFT, done="").count() == \
        states[EntryState.DRAFT]
    assert overdue_units(report)  # the overdue view has units to chase


def test_demo_pages_have_something_to_show(capsys):
    run_demo(capsys)
    report = demo_report()
    User = get_user_model()
    office = Client()
    office.force_login(User.objects.get(username="office"))
    page = office.get(reverse("round_report", args=[report.pk])).content.decode()
    assert "已退回" in page and "已审核" in page and "已提交" in page
    assert office.get(reverse("round_overdue", args=[report.pk])).status_code == 200
    returned = RoundEntry.objects.get(progress__report=report, state=EntryState.RETURNED)
    liaison = User.objects.get(username="liaison1")
    assert returned.submitted_by == liaison
    form = Client()
    form.force_login(liaison)
    assert returned.progress in [p for p in form.get(reverse("round_home")).context["mine"]]
    entry_page = form.get(reverse("round_entry", args=[returned.progress_id])).content.decode()
    assert RETURN_COMMENT in entry_page


def test_demo_twice_changes_nothing_in_people_and_round(capsys, data_dir):
    run_demo(capsys)
    saved = (data_dir / LOGINS_FILE).read_text(encoding="utf-8")

    def snapshot():
        return (get_user_model().objects.count(), Report.objects.count(),
                Progress.objects.count(), RoundEntry.objects.count(),
                ReviewEvent.objects.count(), Change.objects.count(),
                sorted(RoundEntry.objects.values_list("progress_id", "state")))

    counts = snapshot()
    out = run_demo(capsys)
    assert "数据库中已有用户,未创建演示用户" in out
    assert "密码" not in out  # printed once only
    assert snapshot() == counts
    assert (data_dir / LOGINS_FILE).read_text(encoding="utf-8") == saved
    out = run_demo(capsys, "--if-empty")
    assert f"演示账号见 {data_dir / LOGINS_FILE}" in out
    assert snapshot() == counts


def test_no_demo_users_when_users_exist(capsys, supervisor, data_dir):
    out = run_demo(capsys)
    assert "未创建演示用户" in out
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["督查员"]
    assert not Report.objects.filter(period__kind=PeriodKind.ANNUAL, plan__year=ROUND_YEAR,
                                     plan__government__name=ROUND_GOVERNMENT).exists()
    assert not (data_dir / LOGINS_FILE).exists()
