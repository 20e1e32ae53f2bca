"""The task page with stored analysis: targets with progress bars, statuses with evidence
marked in the entries, figures marked, history of changes."""

import re

import pytest
from django.urls import reverse

from luoshi.core.models import Assessment, Measurement, Target
from luoshi.core.services.importing import import_document
from luoshi.sample import generate_plan


@pytest.fixture
def analysed(db):
    for doc in generate_plan(21, "安澜市", 2023, 30, periods=("h1", "q3")):
        import_document(doc, file_name=f"{doc.meta.period.kind}.txt")
    return Measurement.objects.exclude(target=None).exclude(ratio=None) \
        .select_related("task", "target").order_by("-report__period__month").first()


def test_target_progress_bar_against_time(admin_client, analysed):
    task, target = analysed.task, analysed.target
    html = admin_client.get(reverse("task_detail", args=[task.pk])).content.decode()
    panel = html.split('id="task-targets-title"', 1)[1].split("</section>", 1)[0]
    assert target.metric in panel
    width = float(re.search(r'progress-bar__done[^"]*" data-width="([\d.]+)"', panel).group(1))
    assert width == pytest.approx(min(100, round(analysed.ratio * 100, 1)), abs=0.06)
    assert 'data-left="75.0"' in panel  # Q3: three quarters of the year elapsed
    assert "按时间进度应达 75.0%" in panel
    if target.start is not None:
        assert '<mark class="mark-target">' in html.split('class="task__text"', 1)[1]


def test_status_and_evidence_marked_in_the_entry(admin_client, analysed):
    a = Assessment.objects.exclude(evidence=[]).exclude(evidence__isnull=True) \
        .select_related("task", "report__period").first()
    html = admin_client.get(reverse("task_detail", args=[a.task_id])).content.decode()
    block = html.split(f'id="period-{a.report_id}"', 1)[1].split("</article>", 1)[0]
    assert f'class="status status--{a.status}"' in block
    marked = re.findall(r'<mark class="mark-evidence">(.*?)</mark>', block)
    assert marked and marked[0] in [e["text"] for e in a.evidence]


def test_history_lists_the_import(admin_client, analysed):
    html = admin_client.get(reverse("task_detail", args=[analysed.task_id])).content.decode()
    history = html.split('id="task-history-title"', 1)[1].split("</section>", 1)[0]
    assert "新增" in history and "导入 h1.txt" in history


def test_inactive_targets_are_not_shown(admin_client, analysed):
    Target.objects.filter(pk=analysed.target_id).update(active=False, metric="已删除的指标")
    html = admin_client.get(reverse("task_detail", args=[analysed.task_id])).content.decode()
    assert "已删除的指标" not in html


# -- issue 10: kinds of target, corrections by people -------------------------------------------


def test_kind_note_and_no_time_share_for_a_rate(admin_client, analysed):
    rate = Target.objects.filter(kind="rate", active=True).select_related("task").first()
    if rate is None:  # the sample plan has growth targets; make one if it ever has none
        rate = analysed.target
        Target.objects.filter(pk=rate.pk).update(kind="rate")
    html = admin_client.get(reverse("task_detail", args=[rate.task_id])).content.decode()
    panel = html.split('id="task-targets-title"', 1)[1].split("</section>", 1)[0]
    assert "增速目标,不按时间进度折算" in panel


def test_office_corrects_a_status_with_who_and_why(supervisor_client, supervisor, analysed):
    a = Assessment.objects.exclude(status="behind").select_related("task").first()
    html = supervisor_client.get(reverse("task_detail", args=[a.task_id])).content.decode()
    assert f'action="{reverse("assessment_correct", args=[a.pk])}"' in html
    r = supervisor_client.post(reverse("assessment_correct", args=[a.pk]),
                               {"version": a.version, "status": "behind", "reason": "实地核查<停工>"})
    assert r.status_code == 302 and r["Location"].endswith(f"#period-{a.report_id}")
    fixed = Assessment.objects.get(pk=a.pk)
    assert (fixed.status, fixed.source, fixed.updated_by) == ("behind", "manual", supervisor)
    html = supervisor_client.get(r["Location"]).content.decode()
    block = html.split(f'id="period-{a.report_id}"', 1)[1].split("</article>", 1)[0]
    assert "人工修正" in block and supervisor.get_username() in block
    assert "实地核查&lt;停工&gt;" in block and "<停工>" not in block  # escaped
    assert "状态已修正为“滞后”" in html
    # the same (now stale) version again: refused with a message, nothing saved
    r = supervisor_client.post(reverse("assessment_correct", args=[a.pk]),
                               {"version": a.version, "status": "done", "reason": "x"}, follow=True)
    assert "已被他人修改" in r.content.decode()
    assert Assessment.objects.get(pk=a.pk).status == "behind"
    # no reason: refused
    r = supervisor_client.post(reverse("assessment_correct", args=[a.pk]),
                               {"version": fixed.version, "status": "done", "reason": " "}, follow=True)
    assert "请填写修正理由" in r.content.decode()
    # back to what the analysis derives
    supervisor_client.post(reverse("assessment_correct", args=[a.pk]),
                           {"version": fixed.version, "action": "revert"})
    assert Assessment.objects.get(pk=a.pk).source == "derived"


def test_leader_sees_no_form_and_may_not_post(leader_client, analysed):
    a = Assessment.objects.select_related("task").first()
    html = leader_client.get(reverse("task_detail", args=[a.task_id])).content.decode()
    assert "assessment_correct" not in html and "修正状态" not in html
    r = leader_client.post(reverse("assessment_correct", args=[a.pk]),
                           {"version": a.version, "status": "done", "reason": "x"})
    assert r.status_code == 404
    assert Assessment.objects.get(pk=a.pk).version == a.version


def test_correction_needs_csrf_and_post(supervisor, analysed):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    c.force_login(supervisor)
    a = Assessment.objects.first()
    assert c.post(reverse("assessment_correct", args=[a.pk]),
                  {"version": a.version, "status": "done", "reason": "x"}).status_code == 403
    assert c.get(reverse("assessment_correct", args=[a.pk])).status_code == 405
    assert Assessment.objects.get(pk=a.pk).version == a.version


@pytest.mark.browser
def test_correct_a_status_in_the_browser(web_page, transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from luoshi.rounds.accounts import add_user
    from luoshi.rounds.models import Role

    [doc] = generate_plan(5, "安澜市", 2023, 6, periods=("h1",))
    import_document(doc, file_name="h1.txt")
    add_user("督查员", Role.SUPERVISOR, password="pw-office-1")
    a = Assessment.objects.exclude(status="behind").first()
    page = web_page.page
    web_page.goto(reverse("login") + "?next=" + reverse("task_detail", args=[a.task_id]))
    page.get_by_label("用户名").fill("督查员")
    page.get_by_label("密码").fill("pw-office-1")
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("networkidle")
    block = page.locator(f"#period-{a.report_id}").locator("xpath=ancestor::article[1]")
    form = block.locator("details.correction", has_text="修正状态")
    form.get_by_text("修正状态").click()
    form.get_by_label("状态").select_option("behind")
    form.get_by_label("理由").fill("现场核查:停工")
    form.get_by_role("button", name="保存修正").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".messages").inner_text().startswith("状态已修正为")
    block = page.locator(f"#period-{a.report_id}").locator("xpath=ancestor::article[1]")
    assert block.locator(".status").first.inner_text() == "滞后"
    assert "督查员" in block.locator(".status-correction").inner_text()
    assert Assessment.objects.get(pk=a.pk).status == "behind"
    web_page.assert_clean()


def test_office_corrects_a_target_kind_on_the_page(supervisor_client, supervisor, analysed):
    t = analysed.target
    html = supervisor_client.get(reverse("task_detail", args=[t.task_id])).content.decode()
    assert f'action="{reverse("target_correct", args=[t.pk])}"' in html
    r = supervisor_client.post(reverse("target_correct", args=[t.pk]),
                               {"version": t.version, "kind": "level", "value": f"{t.value:g}",
                                "unit": t.unit, "reason": "年末水平值"}, follow=True)
    assert "目标已修正" in r.content.decode()
    fixed = Target.objects.get(pk=t.pk)
    assert (fixed.kind, fixed.source, fixed.corrected_by) == ("level", "manual", supervisor)
    panel = r.content.decode().split('id="task-targets-title"', 1)[1].split("</section>", 1)[0]
    assert "水平/比率/价格目标" in panel and supervisor.get_username() in panel
    # a value that is no number: refused, nothing saved
    r = supervisor_client.post(reverse("target_correct", args=[t.pk]),
                               {"version": fixed.version, "value": "很多", "reason": "x"}, follow=True)
    assert "须为数字" in r.content.decode()
    assert Target.objects.get(pk=t.pk).version == fixed.version


def test_the_kind_menu_offers_a_milestone(supervisor_client, analysed):
    # ONE THING: a target may be a milestone (新建1所); the menu must show it selected, or a
    # correction of the value would quietly make it another kind
    t = analysed.target
    Target.objects.filter(pk=t.pk).update(kind="milestone")
    html = supervisor_client.get(reverse("task_detail", args=[t.task_id])).content.decode()
    assert '<option value="milestone" selected>' in html
    assert '<option value="qualitative"' not in html


def test_leader_may_not_correct_a_target(leader_client, analysed):
    t = analysed.target
    r = leader_client.post(reverse("target_correct", args=[t.pk]),
                           {"version": t.version, "kind": "level", "reason": "x"})
    assert r.status_code == 404
    assert Target.objects.get(pk=t.pk).version == t.version


def test_office_corrects_a_measurement_on_the_page(supervisor_client, analysed):
    m = analysed
    url = reverse("measurement_correct", args=[m.pk])
    html = supervisor_client.get(reverse("task_detail", args=[m.task_id])).content.decode()
    assert f'action="{url}"' in html
    r = supervisor_client.post(url, {"value": "7.5", "target": "keep", "reason": "原文笔误"},
                               follow=True)
    assert "实绩已修正" in r.content.decode()
    fixed = Measurement.objects.get(report=m.report, progress=m.progress, start=m.start, end=m.end)
    assert fixed.value == 7.5
    r = supervisor_client.post(reverse("measurement_correct", args=[fixed.pk]),
                               {"target": "none", "reason": "另一指标"}, follow=True)
    again = Measurement.objects.get(report=m.report, progress=m.progress, start=m.start, end=m.end)
    assert again.target_id is None and again.value == 7.5  # both corrections kept
    history = r.content.decode().split('id="task-history-title"', 1)[1]
    assert "实绩" in history


def test_leader_may_not_correct_a_measurement(leader_client, analysed):
    r = leader_client.post(reverse("measurement_correct", args=[analysed.pk]),
                           {"value": "1", "reason": "x"})
    assert r.status_code == 404


def test_a_target_from_a_period_column_says_so_and_is_due_at_its_period_end(admin_client, analysed):
    """A 半年目标 column's target: the page names the column, and by the half year (or later)
    the whole of it is expected, not a share of the year."""
    Target.objects.filter(pk=analysed.target_id).update(column="半年目标", due_share=0.5, kind="cumulative")
    html = admin_client.get(reverse("task_detail", args=[analysed.task_id])).content.decode()
    panel = html.split('id="task-targets-title"', 1)[1].split("</section>", 1)[0]
    assert "表中“半年目标”列" in panel
    assert "按时间进度应达 100.0%" in panel and "按时间进度应达 75.0%" not in panel
