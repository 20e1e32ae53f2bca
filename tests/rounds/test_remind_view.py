"""发送催办 from the overdue pages: the same service as `luoshi remind`, with CSRF and roles."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from luoshi.rounds.models import Reminder
from luoshi.rounds.services import EntryInput, save_entry, submit_entry


@pytest.fixture
def round_(opened, people, settings):
    """市水利局 has submitted: 市发改局 (1 entry) and 市经信局 (2 sub-items) still owe."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    river = opened.entry[opened.river.pk]
    save_entry(people.water, river, 1, EntryInput("整治河道5公里。", "", ""))
    submit_entry(people.water, river)
    mail.outbox.clear()  # the round's opening was announced to every unit
    return opened


def remind_url(w):
    return reverse("round_remind", args=[w.report.pk])


def test_supervisor_sends_then_escalates(round_, people, client_for):
    c = client_for(people.supervisor)
    page = c.get(reverse("round_overdue", args=[round_.report.pk])).content.decode()
    assert remind_url(round_) in page and "csrfmiddlewaretoken" in page
    response = c.post(remind_url(round_), follow=True)
    assert response.redirect_chain[-1][0] == reverse("round_overdue", args=[round_.report.pk])
    html = response.content.decode()
    assert "已发送 2 条催办" in html and "市经信局(提醒,站内 1 人,邮件 1 人)" in html
    assert sorted(m.to[0] for m in mail.outbox) == ["liaison1@example.org",
                                                     "liaison2@example.org"]
    assert all(m.subject.startswith("【提醒】") for m in mail.outbox)
    # 市经信局 leads the parks and owes its part of the roads task as a co-unit.
    assert "2 条未报送、1 条配合报送未填" in next(m.subject for m in mail.outbox
                                                if m.to == ["liaison2@example.org"])
    # With a link to the page (on the site's own address), and in each liaison's inbox.
    assert all("http://127.0.0.1:8000/rounds/" in m.body for m in mail.outbox)
    inbox = client_for(people.economy).get(reverse("inbox")).content.decode()
    assert "【提醒】" in inbox and 'data-unread="2"' in inbox  # the opening, the reminder
    rows = list(Reminder.objects.order_by("id").values_list("unit__name", "level", "sent_by"))
    assert sorted(rows) == [("市发改局", 1, people.supervisor.pk),
                            ("市经信局", 1, people.supervisor.pk)]
    # The page shows the last reminder per unit: level and who sent it.
    row = html[html.index(f'id="unit-{round_.economy.pk}"'):]
    row = row[:row.index("</tr>")]
    assert "提醒" in row and "督查员" in row
    # A second send escalates to a notice copied to the office.
    mail.outbox.clear()
    html = c.post(remind_url(round_), follow=True).content.decode()
    assert "市发改局(催办,站内 1 人,邮件 2 人)" in html
    assert len(mail.outbox) == 2
    assert all(m.subject.startswith("【催办】") and "duchashi@example.org" in m.to
               for m in mail.outbox)
    assert sorted(Reminder.objects.values_list("level", flat=True)) == [1, 1, 2, 2]


def test_links_in_mail_start_with_the_site_address(round_, people, client_for, settings):
    settings.LUOSHI_SITE_URL = "https://luoshi.example.gov.cn"
    client_for(people.supervisor).post(remind_url(round_))
    assert mail.outbox and all("\nhttps://luoshi.example.gov.cn/rounds/" in m.body
                               for m in mail.outbox)


def test_one_unit_only_and_back_to_the_overview(round_, people, client_for):
    c = client_for(people.admin)
    response = c.post(remind_url(round_), {"unit": round_.economy.pk, "back": "all"})
    assert response.status_code == 302
    assert response["Location"] == reverse("round_overdue_all") + f"#report-{round_.report.pk}"
    assert [m.to for m in mail.outbox] == [["liaison2@example.org"]]
    assert list(Reminder.objects.values_list("unit", "level", "sent_by")) == [
        (round_.economy.pk, 1, people.admin.pk)]
    # A unit with nothing missing gets nothing.
    c.post(remind_url(round_), {"unit": round_.water.pk})
    assert len(mail.outbox) == 1 and Reminder.objects.count() == 1
    overview = c.get(reverse("round_overdue_all")).content.decode()
    assert "提醒 · " in overview and remind_url(round_) in overview


def test_units_that_cannot_be_reached_are_listed(round_, people, client_for):
    """A unit with no liaison account gets no reminder, and the page says so (it used to say
    there was nobody to remind)."""
    people.reform.luoshi_profile.units.clear()
    html = client_for(people.supervisor).post(remind_url(round_), follow=True).content.decode()
    assert "1 个单位无法催办:市发改局(没有联络员账号)" in html
    assert list(Reminder.objects.values_list("unit", flat=True)) == [round_.economy.pk]


def test_a_unit_without_e_mail_is_reminded_in_the_inbox(round_, people, client_for):
    people.economy.email = ""
    people.economy.save()
    client_for(people.supervisor).post(remind_url(round_), {"unit": round_.economy.pk})
    reminder = Reminder.objects.get()
    assert reminder.notified == 1 and reminder.recipients == []
    assert mail.outbox == []
    assert "【提醒】" in client_for(people.economy).get(reverse("inbox")).content.decode()


@pytest.mark.parametrize("role, status", [("leader", 403), ("reform", 403), ("water", 403),
                                          ("public", 404)])
def test_others_may_not_send(round_, people, client_for, role, status):
    c = client_for(getattr(people, role))
    assert c.post(remind_url(round_)).status_code == status
    assert mail.outbox == [] and not Reminder.objects.exists()
    if role == "leader":  # the leader sees the page, without the button
        page = c.get(reverse("round_overdue", args=[round_.report.pk])).content.decode()
        assert "市经信局" in page and remind_url(round_) not in page


def test_csrf_is_required(round_, people):
    c = Client(enforce_csrf_checks=True)
    c.force_login(people.supervisor)
    assert c.post(remind_url(round_)).status_code == 403
    assert mail.outbox == [] and not Reminder.objects.exists()


def test_get_is_refused_and_published_reports_are_not_reminded(round_, people, client_for):
    c = client_for(people.supervisor)
    assert c.get(remind_url(round_)).status_code == 405
    html = c.post(reverse("round_remind", args=[round_.prev.pk]), follow=True).content.decode()
    assert "不在填报中" in html
    assert mail.outbox == [] and not Reminder.objects.exists()
