"""A whole round in real headless Chromium with everything issue 12 adds: a reminder seen in
the inbox, a co-unit's contribution inserted by the lead unit with one click, an attachment,
an extension request approved, a return, approval and publication."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from luoshi.core.models import Report, Task
from luoshi.rounds import services
from luoshi.rounds.accounts import add_user
from luoshi.rounds.models import ChangeRequest, EvidenceFile, Role

from .test_browser_round import PASSWORD, click, follow, sign_in, sign_out, visit

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CO_TEXT = "配合完成征地10亩。"


@pytest.fixture
def world(transactional_db, fast_hashing, tmp_path, monkeypatch):
    from round_plan import build_round_plan

    monkeypatch.setenv("LUOSHI_EVIDENCE_DIR", str(tmp_path / "evidence"))
    rp = build_round_plan()
    rp.parks.children.all().delete()
    rp.parks.delete()
    office = add_user("督查员", Role.SUPERVISOR, password=PASSWORD)
    add_user("发改联络员", Role.LIAISON, units=[rp.reform], password=PASSWORD)
    add_user("经信联络员", Role.LIAISON, units=[rp.economy], password=PASSWORD)
    add_user("水利联络员", Role.LIAISON, units=[rp.water], password=PASSWORD)
    rp.report = services.open_round(office, rp.plan, rp.h1, timezone.now() + timedelta(days=5))
    rp.roads_entry = rp.report.progress.get(task=rp.roads)
    rp.river_entry = rp.report.progress.get(task=rp.river)
    return rp


def entry_url(entry) -> str:
    return reverse("round_entry", args=[entry.pk])


def test_a_whole_round_with_everything(web_page, world, tmp_path):
    web, page = web_page, web_page.page
    # The office reminds every unit; the co-unit's liaison sees it in the inbox.
    sign_in(web, "督查员")
    visit(web, reverse("round_overdue", args=[world.report.pk]))
    follow(web, page.locator(".remind-form button"))
    assert "已发送" in page.locator(".messages").inner_text()
    sign_out(web)

    sign_in(web, "经信联络员")
    assert page.locator(".site-nav__inbox .badge").inner_text() == "2"  # opened, reminded
    follow(web, page.locator(".site-nav__inbox"))
    assert "【提醒】" in page.locator(".notices").inner_text()
    # …and files its contribution to the roads task.
    visit(web, entry_url(world.roads_entry))
    page.get_by_label("配合单位报送").fill(CO_TEXT)
    click(web, "button", "保存报送")
    sign_out(web)

    # The lead unit attaches a file, asks for an extension, inserts the contribution, submits.
    sign_in(web, "发改联络员")
    visit(web, entry_url(world.roads_entry))
    pdf = tmp_path / "现场照片.pdf"
    pdf.write_bytes(PDF)
    page.get_by_label("上传佐证材料").set_input_files(str(pdf))
    click(web, "button", "上传")
    assert "已上传佐证材料 现场照片.pdf" in page.locator(".messages").inner_text()
    visit(web, reverse("request_new", args=[world.roads.pk]))
    page.get_by_label("申请类型").select_option("deadline")
    page.get_by_label("申请理由").fill("雨季施工受阻。")
    page.get_by_label("申请的完成时限").fill("2022-12-31")
    click(web, "button", "提交申请")
    visit(web, entry_url(world.roads_entry))
    page.get_by_label("完成情况").fill("新建道路60公里。")
    page.get_by_role("button", name="插入到完成情况").click()
    assert CO_TEXT in page.get_by_label("完成情况").input_value()
    click(web, "button", "提交")
    assert page.locator(".entry-state").inner_text() == "已提交"
    sign_out(web)

    sign_in(web, "水利联络员")
    visit(web, entry_url(world.river_entry))
    page.get_by_label("完成情况").fill("整治河道5处,长度3.2公里。")
    click(web, "button", "提交")
    assert page.locator(".entry-state").inner_text() == "已提交"
    sign_out(web)

    # The office approves the extension and returns the roads entry.
    sign_in(web, "督查员")
    visit(web, reverse("request_list"))
    click(web, "button", "同意")
    assert Task.objects.get(pk=world.roads.pk).deadline.isoformat() == "2022-12-31"
    assert ChangeRequest.objects.get().state == "approved"
    visit(web, entry_url(world.roads_entry))
    page.get_by_label("退回意见").fill("请补充累计完成数。")
    click(web, "button", "退回")
    sign_out(web)

    # The unit sees the return as an alert and in its inbox, corrects and resubmits.
    sign_in(web, "发改联络员")
    assert page.locator(".site-nav__inbox .badge").is_visible()
    visit(web, entry_url(world.roads_entry))
    assert "请补充累计完成数。" in page.locator(".return-comment").inner_text()
    done = page.get_by_label("完成情况")
    done.fill(done.input_value() + "累计完成80公里。")
    click(web, "button", "提交")
    assert page.locator(".entry-state").inner_text() == "已提交"
    sign_out(web)

    # Approved and published with its statuses; the public reads it.
    sign_in(web, "督查员")
    for entry in (world.roads_entry, world.river_entry):
        visit(web, entry_url(entry))
        click(web, "button", "审核通过")
    visit(web, reverse("round_report", args=[world.report.pk]))
    page.get_by_label("同时公开各任务的状态判断(滞后、有风险等)").check()
    click(web, "button", "发布")
    assert page.locator(".report-state").inner_text() == "已发布"
    sign_out(web)
    report = Report.objects.get(pk=world.report.pk)
    assert report.state == Report.State.PUBLISHED and report.verdicts_public

    web.goto(reverse("public_report", args=[report.pk]))
    table = page.locator("table").first.inner_text()
    assert CO_TEXT in table and "累计完成80公里。" in table
    # The attachment is served to the public once the entry is published.
    file_url = reverse("round_evidence", args=[EvidenceFile.objects.get().pk])
    response = page.request.get(web.base_url + file_url)
    assert response.ok and response.body() == PDF
    web.assert_clean()
