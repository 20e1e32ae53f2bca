"""One whole round in real headless Chromium, every person signing in through the login page:
the office opens it → two unit liaisons submit → one is returned with a comment → resubmitted
→ approved → published → the anonymous public page shows it; the export has the entries."""

import pytest
from django.urls import reverse

from luoshi.core.models import Report
from luoshi.export import write_document
from luoshi.reports.documents import document_for_report
from luoshi.rounds.accounts import add_user
from luoshi.rounds.models import EntryState, ReviewEvent, Role, RoundEntry

pytestmark = pytest.mark.browser
PASSWORD = "pw-round-browser-7"
ROADS_TEXT = "新建道路60公里,完成全年目标的六成。"
RIVER_FIRST = "完成河道清淤一处。"
RIVER_FINAL = "整治河道5处,长度3.2公里。"


@pytest.fixture
def world(transactional_db, fast_hashing):
    from round_plan import build_round_plan

    rp = build_round_plan()
    rp.parks.children.all().delete()
    rp.parks.delete()  # two tasks, two lead units: 市发改局 (roads) and 市水利局 (river)
    add_user("督查员", Role.SUPERVISOR, password=PASSWORD)
    add_user("发改联络员", Role.LIAISON, units=[rp.reform], password=PASSWORD)
    add_user("水利联络员", Role.LIAISON, units=[rp.water], password=PASSWORD)
    return rp


def follow(web, locator) -> None:
    """Click something that loads another page, and wait for that page (server-rendered pages:
    "load" is enough and much faster than waiting for the network to idle)."""
    with web.page.expect_navigation(wait_until="load"):
        locator.click()


def visit(web, path: str) -> None:
    response = web.page.goto(web.base_url + path, wait_until="load")
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"


def click(web, role: str, name: str) -> None:
    follow(web, web.page.get_by_role(role, name=name, exact=True))


def sign_in(web, username: str) -> None:
    page = web.page
    visit(web, reverse("report_list"))
    click(web, "link", "登录")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    click(web, "button", "登录")
    assert username in page.locator(".site-nav").inner_text()


def sign_out(web) -> None:
    click(web, "button", "退出")
    assert web.page.get_by_role("link", name="登录", exact=True).is_visible()


def open_entry(web, table: str, task_text: str) -> None:
    follow(web, web.page.locator(table).get_by_role("link", name=task_text))


def open_my_task(web, nav: str, task_text: str) -> None:
    click(web, "link", nav)
    open_entry(web, "table.round-mine", task_text)


def write_and_submit(web, done: str) -> None:
    page = web.page
    page.get_by_label("完成情况").fill(done)
    click(web, "button", "保存")
    assert "已保存" in page.locator(".messages").inner_text()
    click(web, "button", "提交")
    assert page.locator(".entry-state").inner_text() == "已提交"


def test_a_whole_round(web_page, world):
    web, page = web_page, web_page.page
    # The office opens the half-year round with a deadline.
    sign_in(web, "督查员")
    click(web, "link", "审核/轮次")
    click(web, "link", "开启新一轮填报")
    page.get_by_label("年度清单").select_option(str(world.plan.pk))
    page.get_by_label("报告期").select_option("h1")
    page.get_by_label("截止时间").fill("2099-07-10T17:00")
    click(web, "button", "开启")
    report = Report.objects.get(plan=world.plan, period=world.h1)
    assert page.url.endswith(reverse("round_report", args=[report.pk]))
    assert page.locator(".report-state").inner_text() == "填报中"
    sign_out(web)

    # Two units write and submit their entries (the roads task shows the last period first).
    sign_in(web, "发改联络员")
    open_my_task(web, "填报", "新建改造道路100公里。")
    assert "继续施工。" in page.locator(".previous").inner_text()
    write_and_submit(web, ROADS_TEXT)
    sign_out(web)
    sign_in(web, "水利联络员")
    open_my_task(web, "填报", "整治河道。")
    write_and_submit(web, RIVER_FIRST)
    sign_out(web)

    # The office returns the vague one with a comment and approves the other.
    sign_in(web, "督查员")
    visit(web, reverse("round_report", args=[report.pk]))
    assert page.locator(".report-state").inner_text() == "审核中"
    open_entry(web, "table.round-entries", "整治河道。")
    page.get_by_label("退回意见").fill("请补充整治处数和长度。")
    click(web, "button", "退回")
    assert "已退回:3 整治河道" in page.locator(".messages").inner_text()  # says what was done
    open_entry(web, "table.round-entries", "新建改造道路100公里。")
    click(web, "button", "审核通过")
    sign_out(web)

    # The unit sees the comment, corrects and resubmits.
    sign_in(web, "水利联络员")
    open_my_task(web, "填报", "整治河道。")
    assert page.locator(".entry-state").inner_text() == "已退回"
    assert "请补充整治处数和长度。" in page.locator(".return-comment").inner_text()
    write_and_submit(web, RIVER_FINAL)
    sign_out(web)

    # Approved and published.
    sign_in(web, "督查员")
    visit(web, reverse("round_report", args=[report.pk]))
    open_entry(web, "table.round-entries", "整治河道。")
    click(web, "button", "审核通过")
    click(web, "button", "发布")
    assert page.locator(".report-state").inner_text() == "已发布"
    sign_out(web)

    report.refresh_from_db()
    assert report.state == Report.State.PUBLISHED
    assert set(RoundEntry.objects.filter(progress__report=report)
               .values_list("state", flat=True)) == {EntryState.APPROVED}
    assert list(ReviewEvent.objects.filter(progress__task=world.river)
                .values_list("action", flat=True)) == ["submit", "return", "submit", "approve"]

    # Anyone, signed out, reads it on the public page.
    web.goto(reverse("public_report", args=[report.pk]))
    table = page.locator("table").first.inner_text()
    assert ROADS_TEXT in table and RIVER_FINAL in table and RIVER_FIRST not in table
    # Moving on once a page has loaded may cut its icon's request short: not an error.
    web.assert_clean()

    # The export of the published report has both entries.
    doc = document_for_report(report)
    cells = [item.done for task in doc.tasks for item in task.items]
    assert cells == [ROADS_TEXT, RIVER_FINAL]
    text = write_document(doc, "text").decode("utf-8")
    assert ROADS_TEXT in text and RIVER_FINAL in text
