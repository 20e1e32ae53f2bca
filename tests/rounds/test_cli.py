"""`luoshi users` and `luoshi remind` (mail through Django's locmem backend in tests)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from luoshi.cli import main
from luoshi.rounds.models import Reminder
from luoshi.rounds.permissions import role_of, unit_ids
from luoshi.rounds.services import EntryInput, save_entry, submit_entry


def test_users_add_and_bind(rp, capsys):
    assert main(["users", "add", "小王", "--role", "liaison", "--unit", "市发改局"]) == 0
    user = get_user_model().objects.get(username="小王")
    assert role_of(user) == "liaison" and unit_ids(user) == {rp.reform.pk}
    assert main(["users", "bind", "小王", "市水利局"]) == 0
    user = get_user_model().objects.get(username="小王")
    assert unit_ids(user) == {rp.reform.pk, rp.water.pk}
    assert main(["users", "add", "老李", "--role", "admin"]) == 0
    assert get_user_model().objects.get(username="老李").is_superuser
    assert "小王\tliaison\t" in (capsys.readouterr(), main(["users", "list"]),
                                 capsys.readouterr().out)[2]


@pytest.mark.parametrize("argv, message", [
    (["users", "add", "x", "--role", "liaison", "--unit", "不存在局"], "单位不存在: 不存在局"),
    (["users", "add", "y", "--role", "leader", "--unit", "市发改局"], "只有单位联络员"),
    (["users", "bind", "nobody", "市发改局"], "用户不存在: nobody"),
])
def test_users_bad_input(rp, capsys, argv, message):
    before = get_user_model().objects.count()
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert get_user_model().objects.count() == before


def test_users_bind_refuses_non_liaison(rp, people, capsys):
    assert main(["users", "bind", "领导", "市发改局"]) == 2
    assert "不是单位联络员" in capsys.readouterr().err


def test_remind_escalates_and_logs(opened, people, settings, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    p = opened.entry[opened.river.pk]
    save_entry(people.water, p, 1, EntryInput("整治河道5公里。", "", ""))
    submit_entry(people.water, p)
    mail.outbox.clear()  # the round's opening was announced to every unit
    assert main(["remind", "--report", str(opened.report.pk)]) == 0
    # 市发改局 leads roads; 市经信局 leads both park sub-items; 市水利局 has submitted.
    assert sorted(m.to[0] for m in mail.outbox) == ["liaison1@example.org",
                                                     "liaison2@example.org"]
    assert all(m.subject.startswith("【提醒】") for m in mail.outbox)
    assert "2 条未报送" in next(m.subject for m in mail.outbox if "市经信局" in m.subject)
    mail.outbox.clear()
    assert main(["remind"]) == 0
    assert all(m.subject.startswith("【催办】") for m in mail.outbox)
    assert all("duchashi@example.org" in m.to for m in mail.outbox)  # notice copies the office
    assert list(Reminder.objects.values_list("level", flat=True).order_by("id")) == [1, 1, 2, 2]


def test_remind_refuses_published_report(opened, capsys):
    assert main(["remind", "--report", str(opened.prev.pk)]) == 2
    assert "不在进行中的填报轮次中" in capsys.readouterr().err


def test_remind_due_sends_each_level_once_on_schedule(opened, people, capsys):
    """--due: 提醒 from BEFORE days before the deadline, 催办 from AFTER days after, 通报
    (copied to leaders) from BULLETIN days after; each level once per unit."""
    from datetime import timedelta

    from django.utils import timezone

    from luoshi.core.models import Report

    def at(days: float) -> None:  # the deadline is ``days`` from now
        Report.objects.filter(pk=opened.report.pk).update(
            deadline=timezone.now() + timedelta(days=days))

    people.leader.email = "lingdao@example.org"
    people.leader.save()
    mail.outbox.clear()
    at(10)
    assert main(["remind", "--due"]) == 0 and not Reminder.objects.exists()
    at(2)
    assert main(["remind", "--due", "--before", "3"]) == 0
    levels = sorted(Reminder.objects.values_list("level", flat=True))
    assert levels == [1, 1, 1]  # 发改 (roads), 经信 (parks), 水利 (river)
    assert main(["remind", "--due"]) == 0 and Reminder.objects.count() == 3  # once
    at(-1)
    assert main(["remind", "--due"]) == 0
    assert sorted(Reminder.objects.values_list("level", flat=True)) == [1, 1, 1, 2, 2, 2]
    mail.outbox.clear()
    at(-4)
    assert main(["remind", "--due", "--bulletin", "3"]) == 0
    bulletins = Reminder.objects.filter(level=3)
    assert bulletins.count() == 3
    assert all("lingdao@example.org" in m.to and m.subject.startswith("【通报】")
               for m in mail.outbox)
    out = capsys.readouterr()
    assert "通报\t市发改局" in out.out


def test_remind_lists_unreachable_units_and_fails(opened, people, capsys):
    people.water.luoshi_profile.units.clear()
    assert main(["remind"]) == 1
    assert "无法送达\t市水利局\t没有联络员账号" in capsys.readouterr().err
