"""Round pages: the flow through forms, the version conflict keeping what was typed, history."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from roles import PASSWORD

from luoshi.core.models import Assessment, Change, Progress, Report, Target
from luoshi.core.services.analysis import analyze_report
from luoshi.rounds.models import EntryState, LoginFailure, ReportedValue

FUTURE = (timezone.localtime() + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")


def test_supervisor_opens_a_round_through_the_form(rp, people, client_for):
    c = client_for(people.supervisor)
    response = c.post(reverse("round_open"), {"plan": rp.plan.pk, "kind": "h1",
                                               "deadline": FUTURE})
    report = Report.objects.get(plan=rp.plan, period=rp.h1)
    assert response.status_code == 302 and response["Location"] == reverse("round_report",
                                                                          args=[report.pk])
    assert report.state == Report.State.OPEN and report.progress.count() == 4
    html = c.get(reverse("round_report", args=[report.pk])).content.decode()
    assert "新建改造道路100公里" in html


def test_entry_page_shows_previous_period_as_context(opened, people, client_for):
    p = opened.entry[opened.roads.pk]
    html = client_for(people.reform).get(reverse("round_entry", args=[p.pk])).content.decode()
    assert "上期情况" in html and "继续施工。" in html and 'name="done"' in html


def test_second_save_is_refused_and_keeps_what_was_typed(opened, people, client_for):
    p = opened.entry[opened.roads.pk]
    a, b = client_for(people.reform), client_for(people.reform)
    url = reverse("round_entry_save", args=[p.pk])
    assert a.post(url, {"version": 1, "done": "甲写的。"}).status_code == 302
    response = b.post(url, {"version": 1, "done": "乙写的<b>重要</b>。"})
    html = response.content.decode()
    assert response.status_code == 409
    assert "已被 发改联络员" in html and "未丢失" in html
    assert "乙写的&lt;b&gt;重要&lt;/b&gt;。" in html  # kept in the form, escaped
    assert Progress.objects.get(pk=p.pk).done == "甲写的。"


def test_submit_with_warnings_asks_for_acknowledgement(opened, people, client_for):
    p = opened.entry[opened.roads.pk]
    c = client_for(people.reform)
    c.post(reverse("round_entry_save", args=[p.pk]), {"version": 1, "done": "按计划推进。"})
    response = c.post(reverse("round_entry_submit", args=[p.pk]), {})
    assert response.status_code == 409 and "套话" in response.content.decode()
    assert c.post(reverse("round_entry_submit", args=[p.pk]),
                  {"acknowledge": "on", "co_reason": "配合单位另行报送。"}).status_code == 302
    p.round_entry.refresh_from_db()
    assert p.round_entry.state == EntryState.SUBMITTED and p.round_entry.acknowledged
    html = client_for(people.supervisor).get(
        reverse("round_report", args=[opened.report.pk])).content.decode()
    assert "已确认" in html


def test_history_shows_escaped_diff(opened, people, client_for):
    p = opened.entry[opened.roads.pk]
    c = client_for(people.reform)
    c.post(reverse("round_entry_save", args=[p.pk]), {"version": 1, "done": "建成<script>1</script>"})
    c.post(reverse("round_entry_save", args=[p.pk]), {"version": 2, "done": "建成道路。"})
    html = c.get(reverse("round_entry_history", args=[p.pk])).content.decode()
    assert "第 3 版" in html and "<ins>道路。</ins>" in html
    assert "<script>1" not in html and "&lt;script&gt;1&lt;/script&gt;" in html


def test_login_page_and_throttling(rp, people, client, settings):
    settings.LUOSHI_LOGIN_MAX_FAILURES = 3
    url = reverse("login")
    assert "登录" in client.get(url).content.decode()
    for _ in range(3):
        response = client.post(url, {"username": "督查员", "password": "wrong"})
        assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert LoginFailure.objects.filter(username="督查员").count() == 3
    # Locked: even the right password is refused, with a message saying so.
    response = client.post(url, {"username": "督查员", "password": PASSWORD})
    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another user from another address is not locked.
    other = client.post(url, {"username": "领导", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_lock_expires_after_the_window(rp, people, client, settings):
    settings.LUOSHI_LOGIN_MAX_FAILURES = 2
    for _ in range(2):
        client.post(reverse("login"), {"username": "领导", "password": "wrong"})
    LoginFailure.objects.update(at=timezone.now() - timedelta(minutes=16))
    response = client.post(reverse("login"), {"username": "领导", "password": PASSWORD})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(people.leader.pk)
    assert not LoginFailure.objects.filter(username="领导").exists()  # cleared on success


def test_logout_is_a_post(people, client_for):
    c = client_for(people.leader)
    assert c.get(reverse("logout")).status_code == 405
    assert "_auth_user_id" in c.session
    assert c.post(reverse("logout"))["Location"] == "/"
    assert "_auth_user_id" not in c.session


def test_supervisor_edits_on_behalf_through_the_page(opened, people, client_for):
    p = opened.entry[opened.roads.pk]
    c = client_for(people.supervisor)
    html = c.get(reverse("round_entry", args=[p.pk])).content.decode()
    assert "代牵头单位填报" in html and 'name="done"' in html
    assert c.post(reverse("round_entry_save", args=[p.pk]),
                  {"version": 1, "done": "新建道路30公里。"}).status_code == 302
    change = Change.objects.get(model="progress", object_id=p.pk)
    assert change.user == people.supervisor and change.fields["on_behalf_of"] == "市发改局"
    # The status follows the new text at once.
    assert Assessment.objects.get(report=opened.report, task=opened.roads).status == "behind"
    lead = client_for(people.reform).get(reverse("round_entry", args=[p.pk])).content.decode()
    assert "代牵头单位填报" not in lead and "督查员" in lead


def test_entry_form_takes_a_value_per_stored_target(opened, people, client_for):
    analyze_report(opened.report)
    target = Target.objects.get(task=opened.roads)
    p = opened.entry[opened.roads.pk]
    c = client_for(people.reform)
    html = c.get(reverse("round_entry", args=[p.pk])).content.decode()
    assert f'name="target_{target.pk}"' in html and "目标 100公里" in html
    bad = c.post(reverse("round_entry_save", args=[p.pk]),
                 {"version": 1, "done": "推进中。", f"target_{target.pk}": "三十"})
    assert bad.status_code == 400 and not ReportedValue.objects.exists()
    assert Progress.objects.get(pk=p.pk).version == 1
    ok = c.post(reverse("round_entry_save", args=[p.pk]),
                {"version": 1, "done": "完成路基施工。", f"target_{target.pk}": "30"})
    assert ok.status_code == 302
    assert ReportedValue.objects.get(progress=p, target=target).value == 30
    html = c.get(reverse("round_entry", args=[p.pk])).content.decode()
    assert f'name="target_{target.pk}" value="30.0"' in html
    # With a reported figure the submission asks no acknowledgement for a missing figure.
    assert c.post(reverse("round_entry_submit", args=[p.pk]),
                  {"co_reason": "配合单位另行报送。"}).status_code == 302
