"""催办 across all running rounds (the overdue page) and `luoshi remind --overdue-only`."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from luoshi.cli import main
from luoshi.core.models import Period, Report
from luoshi.rounds import services
from luoshi.rounds.models import Reminder
from luoshi.rounds.reminders import overdue_units
from luoshi.rounds.services import EntryInput
from luoshi.vocab import PeriodKind


@pytest.fixture
def two_rounds(opened, people):
    """H1 past its deadline (市水利局 has submitted); Q3 open with a deadline ahead."""
    Report.objects.filter(pk=opened.report.pk).update(
        deadline=timezone.now() - timedelta(days=2))
    river = opened.entry[opened.river.pk]
    services.save_entry(people.water, river, 1, EntryInput("整治河道5公里。", "", ""))
    services.submit_entry(people.water, river)
    q3 = Period.objects.create(year=2022, kind=PeriodKind.Q3, month=9, label="前三季度")
    opened.q3_report = services.open_round(people.supervisor, opened.plan, q3,
                                           timezone.now() + timedelta(days=20))
    return opened


def test_overdue_units_counts_sub_items_for_the_parents_lead(two_rounds, django_assert_max_num_queries):
    # A fixed number: lead units' entries (2), co-units' missing contributions (3), units,
    # reminders.
    with django_assert_max_num_queries(7):
        owing = overdue_units(two_rounds.report)
    assert [(o.unit.name, o.missing, o.sent, o.contributions) for o in owing] == [
        ("市经信局", 2, 0, 1), ("市发改局", 1, 0, 0)]


def test_overdue_page_lists_late_rounds_first(two_rounds, people, client_for):
    c = client_for(people.supervisor)
    html = c.get(reverse("round_overdue_all")).content.decode()
    h1, q3 = html.index(f'id="report-{two_rounds.report.pk}"'), html.index(
        f'id="report-{two_rounds.q3_report.pk}"')
    assert h1 < q3
    late = html[h1:q3]
    assert "已逾期" in late and "未提交 3 条" in late and "市经信局" in late
    assert "市水利局" not in late  # it has submitted
    assert "未提交 4 条" in html[q3:] and "已逾期" not in html[q3:]
    only = c.get(reverse("round_overdue_all") + "?overdue=1").content.decode()
    assert f'id="report-{two_rounds.report.pk}"' in only
    assert f'id="report-{two_rounds.q3_report.pk}"' not in only


def test_overdue_page_is_for_the_office_and_leaders(two_rounds, people, client_for):
    assert client_for(people.leader).get(reverse("round_overdue_all")).status_code == 200
    assert client_for(people.reform).get(reverse("round_overdue_all")).status_code == 403
    anonymous = client_for(None).get(reverse("round_overdue_all"))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))


def test_remind_overdue_only_skips_rounds_before_their_deadline(two_rounds, settings, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()  # the rounds' openings were announced to every unit
    assert main(["remind", "--overdue-only"]) == 0
    assert set(Reminder.objects.values_list("report", flat=True)) == {two_rounds.report.pk}
    assert sorted(r.unit.name for r in Reminder.objects.all()) == ["市发改局", "市经信局"]
    assert len(mail.outbox) == 2 and all("半年度" in m.subject for m in mail.outbox)
    out = capsys.readouterr()
    assert "已发送提醒 2 条" in out.err and "提醒\t市经信局\t2" in out.out
    # Without the flag the round still ahead of its deadline is reminded too.
    mail.outbox.clear()
    assert main(["remind"]) == 0
    assert Reminder.objects.filter(report=two_rounds.q3_report).count() == 3
    # A round with no deadline is never overdue.
    Report.objects.filter(pk=two_rounds.report.pk).update(deadline=None)
    before = Reminder.objects.count()
    assert main(["remind", "--overdue-only"]) == 0
    assert Reminder.objects.count() == before
