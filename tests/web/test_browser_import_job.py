"""A web import's job page in real headless Chromium: the upload returns at once to the job's
page, which follows the job (排队中 → … → 已完成) by itself and ends on the preview, the
outcome, or the failure in Chinese. The jobs run in a thread of the live server's process
(LUOSHI_JOBS_INLINE, as in ``make run``)."""

import pytest
from django.urls import reverse
from test_browser_pages import login

from luoshi.core.models import Report
from luoshi.export import write_document
from luoshi.jobs.models import Job
from luoshi.rounds.accounts import add_user
from luoshi.rounds.models import Role
from luoshi.sample import generate_plan

pytestmark = pytest.mark.browser


@pytest.fixture
def office(web_page, transactional_db, tmp_path, settings):
    settings.DATA_DIR = tmp_path
    settings.LUOSHI_JOBS_INLINE = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    add_user("office", Role.SUPERVISOR, password="pw-office-1")
    login(web_page, "office", "pw-office-1", reverse("import_upload"))
    return web_page


def upload(web_page, path) -> None:
    page = web_page.page
    page.get_by_label("落实情况表文件").set_input_files(str(path))
    page.get_by_role("button", name="上传并预览").click()


def test_the_job_page_reaches_done_and_shows_the_outcome(office, tmp_path):
    page = office.page
    doc = generate_plan(12, "安澜市", 2023, 5, periods=("h1",))[0]
    path = tmp_path / "安澜市半年度.html"
    path.write_bytes(write_document(doc, "html"))
    upload(office, path)
    page.wait_for_url("**/import/jobs/*/")
    preview_job = Job.objects.get(kind=Job.Kind.IMPORT_PREVIEW)
    assert page.url.endswith(reverse("import_job", args=[preview_job.pk]))
    page.locator(".job-state", has_text="已完成").wait_for(timeout=30_000)
    assert page.locator(".preview-count").inner_text() == "5"
    page.get_by_role("button", name="确认导入").click()
    page.locator(".job-state", has_text="已完成").wait_for(timeout=30_000)
    outcome = page.locator(".import-outcome").inner_text()
    assert "安澜市半年度.html:已导入:任务 5 项" in outcome
    report = Report.objects.get(plan__government__name="安澜市")
    assert Job.objects.get(kind=Job.Kind.IMPORT).result["report_id"] == report.pk
    office.screenshot("import_job_done")
    office.assert_clean()


def test_a_failing_job_ends_in_chinese_on_its_page(office, tmp_path):
    page = office.page
    path = tmp_path / "说明.txt"
    path.write_text("这不是一张表。\n只有两行字。\n", encoding="utf-8")
    upload(office, path)
    page.locator(".job-state", has_text="失败").wait_for(timeout=30_000)
    alert = page.get_by_role("alert").inner_text()
    assert "说明.txt" in alert and "数据库没有任何改动" in alert
    assert not Report.objects.exists()
    office.assert_clean()


def test_the_page_follows_a_job_run_by_a_worker(office, tmp_path, settings):
    """No job thread in the web process: the page shows 排队中 until a worker (here the
    worker's loop in the test's thread, on the same database) runs the job; the page's script
    notices and shows the preview without the person reloading."""
    from luoshi.jobs.queue import work

    settings.LUOSHI_JOBS_INLINE = False
    page = office.page
    path = tmp_path / "排队.html"
    path.write_bytes(write_document(generate_plan(13, "安澜市", 2022, 4, periods=("q3",))[0],
                                    "html"))
    upload(office, path)
    page.wait_for_url("**/import/jobs/*/")
    assert page.locator(".job-state").inner_text() == "排队中"
    assert page.locator("progress.job-progress").get_attribute("value") == "0"
    page.wait_for_timeout(1500)  # the script has asked at least once: still queued
    assert page.locator(".job-state").inner_text() == "排队中"
    office.screenshot("import_job_queued")
    assert work(burst=True) == 1
    page.locator(".preview-count").wait_for(timeout=15_000)
    assert page.locator(".job-state").inner_text() == "已完成"
    assert page.locator(".preview-count").inner_text() == "4"
    office.screenshot("import_job_preview")
    office.assert_clean()
