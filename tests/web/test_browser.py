"""Every page in real headless Chromium: loads clean, shows its content, escapes data."""

import pytest
from django.urls import reverse

from luoshi.core.models import Progress, Task

pytestmark = pytest.mark.browser


def test_report_list(web_page, live_sample):
    web_page.goto(reverse("report_list"))
    page = web_page.page
    assert page.title().startswith("落实情况表")
    assert page.locator("header .brand__name").inner_text() == "落实"
    rows = page.locator("table.report-list tbody tr")
    assert rows.count() == 1  # the public reads published reports only (issue 6)
    assert rows.first.locator("td").nth(0).inner_text() == "海城市"
    # The stylesheet is applied (served locally), not just linked.
    assert page.locator(".site-header").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(164, 22, 26)"
    rows.first.get_by_role("link").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(reverse("report_detail", args=[live_sample.report_q3.pk]))
    web_page.assert_clean()


def test_report_table(web_page, live_sample):
    web_page.goto(reverse("report_detail", args=[live_sample.report_q3.pk]))
    page = web_page.page
    assert page.locator("h1").inner_text() == live_sample.report_q3.title
    assert page.locator(".report-meta").get_by_text("TEST-2021-0009").is_visible()
    headers = page.locator("table.report-table thead th").all_inner_texts()
    assert headers == ["序号", "任务内容", "责任单位", "前三季度完成情况", "存在问题及困难", "下一步工作"]
    parks = page.locator(f"#task-{live_sample.parks.pk}")
    assert parks.locator("tr").count() == 2
    # The merged task cell spans both sub-item rows on screen.
    task_cell = parks.locator("td.col-task").bounding_box()
    second_row = parks.locator("tr").nth(1).bounding_box()
    assert task_cell["y"] + task_cell["height"] >= second_row["y"] + second_row["height"] - 1
    done = page.locator(f"#task-{live_sample.digital.pk} td.col-done").inner_text()
    assert done.splitlines() == ["1.新建基站一百个。", "2.完成数据平台。"]
    assert page.get_by_text("列第一位者为牵头单位。").is_visible()
    web_page.screenshot("report_table")
    web_page.assert_clean()


def test_task_page(web_page, live_sample):
    web_page.goto(reverse("task_detail", args=[live_sample.digital.pk]))
    page = web_page.page
    assert page.locator(".task__text").inner_text() == "建设数字城市。"
    assert page.locator(".unit-list li").all_inner_texts() == ["市发改局 牵头", "市经信局"]
    periods = page.locator(".period-block h3").all_inner_texts()
    assert periods == ["2021年前三季度"]  # the public: published periods only (issue 6)
    web_page.screenshot("task_page")
    page.locator(".period-block").nth(0).get_by_role("link").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"#task-{live_sample.digital.pk}")
    web_page.assert_clean()


def test_sub_item_page_and_keyboard_focus(web_page, live_sample):
    web_page.goto(reverse("task_detail", args=[live_sample.park_b.pk]))
    page = web_page.page
    assert "用地未批。" in page.locator(".period-block").inner_text()
    # The first Tab reaches the skip link, which is then visible and outlined.
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.inner_text() == "跳到正文"
    assert focused.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert focused.bounding_box()["y"] >= 0
    web_page.assert_clean()


def test_script_in_data_is_shown_as_text(web_page, live_sample):
    script = "<script>alert(1)</script>"
    task = Task.objects.create(plan=live_sample.plan, serial="9", text=f"任务{script}", order=9)
    Progress.objects.create(report=live_sample.report_q3, task=task, done=f"完成{script}")
    for url in (reverse("report_detail", args=[live_sample.report_q3.pk]),
                reverse("task_detail", args=[task.pk])):
        web_page.goto(url)
        assert web_page.page.get_by_text(f"任务{script}").first.is_visible()
        assert web_page.page.get_by_text(f"完成{script}").first.is_visible()
    web_page.assert_clean()  # no dialog opened, no error


def test_watcher_catches_what_the_page_tests_rely_on(web_page, live_server):
    """The clean-page checks above can fail: a 404, a console error, a dialog and a script the
    Content-Security-Policy refused are recorded."""
    page = web_page.page
    page.goto(live_server.url + "/no-such-page/")
    # Our pages' policy refuses inline script, and the refusal is a console error.
    page.set_content("<script>console.error('csp'); alert('csp')</script>")
    assert "Content Security Policy" in "\n".join(web_page.problems)
    assert web_page.dialogs == []
    page.goto("about:blank")
    page.set_content("<script>console.error('boom'); alert('hi')</script>")
    problems = "\n".join(web_page.problems)
    assert "HTTP 404" in problems and "console error: boom" in problems
    assert "console error: csp" not in problems
    assert web_page.dialogs == ["alert: hi"]
    with pytest.raises(AssertionError):
        web_page.assert_clean()


@pytest.mark.parametrize("width", [375, 768])
def test_narrow_screens_scroll_the_table_not_the_page(web_page, live_sample, width):
    page = web_page.page
    page.set_viewport_size({"width": width, "height": 800})
    for url in (reverse("report_list"),
                reverse("report_detail", args=[live_sample.report_q3.pk]),
                reverse("task_detail", args=[live_sample.parks.pk])):
        web_page.goto(url)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} is {overflow}px wider than a {width}px screen"
    web_page.assert_clean()


def test_real_seed_table_and_task_page(web_page, transactional_db, seed004):
    from luoshi.core.models import Report
    from luoshi.core.services.importing import import_document
    from luoshi.ingest import read_document

    result = import_document(read_document(seed004), file_name=seed004.name)
    report = Report.objects.get(pk=result.report_id)
    web_page.goto(reverse("report_detail", args=[report.pk]))
    page = web_page.page
    assert page.locator("table.report-table > tbody").count() == 150
    assert page.locator(".report-meta").inner_text().count("市政府办公室") == 1
    web_page.screenshot("report_table_seed004", full_page=False)  # the page is 150 tasks long
    task = Task.objects.get(plan=report.plan, parent=None, serial="3")
    web_page.goto(reverse("task_detail", args=[task.pk]))
    assert page.locator(".period-block .entry").count() == task.children.count()
    web_page.screenshot("task_page_seed004")
    web_page.assert_clean()
