"""The issue-5 pages in real headless Chromium: load clean, charts draw, filters and search
change the results, upload → preview → confirm works (the reading and importing done by
background jobs; tests/web/test_browser_import_job.py follows a job's page)."""

import pytest
from django.urls import reverse

from luoshi.core.models import Report, Task
from luoshi.export import write_document
from luoshi.rounds.accounts import add_user
from luoshi.rounds.models import Role
from luoshi.sample import generate_plan

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # Signing in hashes a password on both sides; the default hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def signed_in(web_page, django_user_model):
    """The browser signed in through the login page, as a superuser (reads all)."""
    django_user_model.objects.create_superuser("chief", password="pw-chief-1")
    login(web_page, "chief", "pw-chief-1")
    return web_page


def login(web_page, username: str, password: str, next_url: str = "/") -> None:
    page = web_page.page
    web_page.goto(reverse("login") + "?next=" + next_url)
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_load_state("networkidle")


def result_serials(page) -> list[str]:
    return page.locator("table.task-list td.col-serial").all_inner_texts()


def test_task_list_filters_and_search(live_sample, signed_in):
    web_page = signed_in
    s = live_sample
    web_page.goto(reverse("task_list"))
    page = web_page.page
    assert result_serials(page) == ["1", "2", "3", "1"]
    page.get_by_label("关键词").fill("基站")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_load_state("networkidle")
    assert result_serials(page) == ["1"]
    assert "q=%E5%9F%BA%E7%AB%99" in page.url  # the search is in the URL
    assert page.locator("mark").first.inner_text() == "基站"
    page.get_by_label("关键词").fill("")
    page.get_by_label("清单").select_option(str(s.plan.pk))
    page.get_by_label("报告期").select_option(str(s.report_h1.period_id))
    page.get_by_role("button", name="筛选").click()
    page.wait_for_load_state("networkidle")
    assert result_serials(page) == ["1", "2"]
    assert f"period={s.report_h1.period_id}" in page.url
    page.get_by_label("责任单位").select_option(str(s.units.office.pk))
    page.get_by_role("button", name="筛选").click()
    page.wait_for_load_state("networkidle")
    assert result_serials(page) == ["2"]
    web_page.screenshot("task_list")
    web_page.assert_clean()


def test_dashboard_charts_draw(live_sample, signed_in):
    from luoshi.core.models import Assessment

    web_page = signed_in
    s = live_sample
    for report, task, status in ((s.report_q3, s.parks, "behind"), (s.report_q3, s.digital,
                                 "on_track"), (s.report_h1, s.digital, "on_track")):
        Assessment.objects.create(report=report, task=task, status=status,
                                  derived_status=status, reason="示例理由")
    web_page.goto(reverse("dashboard", args=[live_sample.report_q3.pk]))
    page = web_page.page
    for chart in ("#chart-units", "#chart-compare", "#chart-statuses", "#chart-status-units",
                  "#chart-status-compare"):
        canvas = page.locator(f"{chart} canvas").first
        canvas.wait_for()
        box = canvas.bounding_box()
        assert box["width"] > 100 and box["height"] > 100, chart
        assert page.evaluate(f"() => !!echarts.getInstanceByDom(document.querySelector('{chart}'))")
    bars = page.evaluate(
        "() => echarts.getInstanceByDom(document.querySelector('#chart-units'))"
        ".getOption().yAxis[0].data.length")
    assert bars == 3
    assert page.locator('[data-figure="tasks"]').inner_text() == "3"
    assert page.locator(".flagged__item").count() == 1
    page.get_by_label("单位排序依据").select_option("empty")
    page.get_by_role("button", name="更新").click()
    page.wait_for_load_state("networkidle")
    assert "measure=empty" in page.url
    web_page.screenshot("dashboard")
    web_page.assert_clean()


def test_unit_page(live_sample, signed_in):
    web_page = signed_in
    web_page.goto(reverse("unit_detail", args=[live_sample.units.reform.pk]))
    page = web_page.page
    assert page.locator("h1").inner_text() == "市发改局"
    page.get_by_role("link", name="查看任务").first.click()
    page.wait_for_load_state("networkidle")
    assert result_serials(page) == ["1", "2"]
    web_page.assert_clean()


def test_public_report_prints_a4_landscape(web_page, live_sample):
    web_page.goto(reverse("public_report", args=[live_sample.report_q3.pk]))
    page = web_page.page
    assert page.locator("table.report-table > tbody").count() == 3
    page.emulate_media(media="print")
    assert page.locator(".site-header").evaluate("e => getComputedStyle(e).display") == "none"
    head = page.locator("table.report-table thead")
    assert head.evaluate("e => getComputedStyle(e).display") == "table-header-group"
    pdf = page.pdf(format="A4", landscape=True, prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    page.emulate_media(media="screen")
    response = page.goto(web_page.base_url + reverse("public_report",
                                                     args=[live_sample.report_h1.pk]))
    assert response.status == 404
    web_page.problems.clear()  # the 404 above was the point
    web_page.assert_clean()


def test_upload_preview_confirm(web_page, live_sample, django_user_model, tmp_path, settings):
    settings.DATA_DIR = tmp_path
    add_user("office", Role.SUPERVISOR, password="pw-office-1")
    page = web_page.page
    login(web_page, "office", "pw-office-1", reverse("import_upload"))
    assert page.url.endswith(reverse("import_upload"))
    doc = generate_plan(11, "安澜市", 2023, 6, periods=("q3",))[0]
    path = tmp_path / "安澜市前三季度.docx"
    path.write_bytes(write_document(doc, "docx"))
    page.get_by_label("落实情况表文件").set_input_files(str(path))
    page.get_by_role("button", name="上传并预览").click()
    # The job's page: the web process's job thread (LUOSHI_JOBS_INLINE) reads the file, the
    # page's script reloads it when the preview is ready.
    page.locator(".preview-count").wait_for(timeout=30_000)
    assert page.locator(".preview-count").inner_text() == "6"
    assert page.locator("table.preview-rows tbody tr").count() == 6
    assert not Report.objects.filter(plan__government__name="安澜市").exists()
    page.get_by_role("button", name="确认导入").click()
    page.locator(".import-outcome").wait_for(timeout=30_000)
    report = Report.objects.get(plan__government__name="安澜市")
    page.get_by_role("link", name="查看导入的落实情况表").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(reverse("report_detail", args=[report.pk]))
    assert Task.objects.filter(plan=report.plan, parent=None).count() == 6
    web_page.assert_clean()


def test_bad_upload_shows_the_reason(web_page, live_sample, django_user_model, tmp_path,
                                     settings):
    settings.DATA_DIR = tmp_path
    add_user("office2", Role.SUPERVISOR, password="pw-office-2")
    page = web_page.page
    login(web_page, "office2", "pw-office-2", reverse("import_upload"))
    bad = tmp_path / "坏表.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    page.get_by_label("落实情况表文件").set_input_files(str(bad))
    page.get_by_role("button", name="上传并预览").click()
    page.wait_for_load_state("networkidle")
    alert = page.get_by_role("alert")
    assert "坏表.xlsx" in alert.inner_text()
    # The error page answers 400 (expected), which Chromium also logs to the console.
    web_page.problems = [p for p in web_page.problems if "400" not in p]
    web_page.assert_clean()


def test_task_page_with_targets_and_evidence(transactional_db, signed_in):
    from luoshi.core.models import Measurement
    from luoshi.core.services.importing import import_document

    web_page = signed_in
    for doc in generate_plan(21, "安澜市", 2023, 30, periods=("h1", "q3")):
        import_document(doc, file_name=f"{doc.meta.period.kind}.txt")
    m = Measurement.objects.exclude(target=None).exclude(ratio=None) \
        .order_by("-report__period__month").first()
    web_page.goto(reverse("task_detail", args=[m.task_id]))
    page = web_page.page
    bar = page.locator(".progress-bar").first
    assert bar.bounding_box()["width"] > 100
    assert page.locator(".progress-bar__expected").first.bounding_box()["height"] > 0
    # The bars' lengths come from data attributes through static JS (no style attributes: CSP).
    done = page.locator(".progress-bar__done").first
    share = min(100.0, float(done.get_attribute("data-width"))) / 100
    assert done.bounding_box()["width"] == pytest.approx(share * bar.bounding_box()["width"], abs=2)
    assert page.locator("mark.mark-figure").count() >= 1
    web_page.screenshot("task_page_targets")
    web_page.assert_clean()


@pytest.mark.parametrize("width", [375, 768])
def test_new_pages_fit_narrow_screens(live_sample, signed_in, width):
    web_page = signed_in
    page = web_page.page
    page.set_viewport_size({"width": width, "height": 800})
    s = live_sample
    for url in (reverse("task_list") + f"?period={s.report_q3.period_id}&q=基站",
                reverse("dashboard", args=[s.report_q3.pk]),
                reverse("unit_detail", args=[s.units.reform.pk]),
                reverse("public_report", args=[s.report_q3.pk]),
                reverse("import_upload")):
        web_page.goto(url)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        widest = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth
                         && !e.closest('.table-scroll'))
            .slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + e.outerHTML.slice(0, 80))""")
        assert overflow <= 0, f"{url} is {overflow}px wider than a {width}px screen: {widest}"
    web_page.assert_clean()


def test_filters_work_from_the_keyboard(live_sample, signed_in):
    web_page = signed_in
    page = web_page.page
    web_page.goto(reverse("task_list"))
    page.get_by_label("关键词").focus()
    page.keyboard.type("用地")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # submits the GET form
    page.wait_for_load_state("networkidle")
    assert result_serials(page) == ["2"]
    assert page.locator("mark").first.inner_text() == "用地"
    web_page.assert_clean()
