"""The entry form in real headless Chromium: a liaison edits and clicks 提交 without 保存 — the
office sees what was typed; leaving with unsaved changes asks first (the entry form and a
co-unit's contribution form); typing is autosaved."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.urls import reverse

from luoshi.core.models import Progress
from luoshi.rounds import services
from luoshi.rounds.accounts import add_user
from luoshi.rounds.models import EntryAutosave, EntryState, Role, RoundEntry

from .test_browser_round import PASSWORD, click, sign_in, sign_out, visit


@contextmanager
def signed_in_recording_dialogs(chromium, live_server, username: str):
    """A fresh browser context signed in as ``username``, every dialog recorded by type and
    dismissed (so a beforeunload prompt keeps the page): yields (context, page, dialogs)."""
    context = chromium.new_context(locale="zh-CN")
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", on_dialog)
    try:
        page.goto(live_server.url + reverse("login"))
        page.get_by_label("用户名").fill(username)
        page.get_by_label("密码").fill(PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name="登录", exact=True).click()
        yield context, page, dialogs
    finally:
        context.close()

pytestmark = pytest.mark.browser
TYPED = "整治河道5处,长度3.2公里,未点保存直接提交。"


@pytest.fixture
def world(transactional_db, fast_hashing):
    from round_plan import build_round_plan

    rp = build_round_plan()
    office = add_user("督查员", Role.SUPERVISOR, password=PASSWORD)
    add_user("水利联络员", Role.LIAISON, units=[rp.water], password=PASSWORD)
    rp.report = services.open_round(office, rp.plan, rp.h1, None)
    rp.river_entry = rp.report.progress.get(task=rp.river)
    return rp


def test_submit_without_save_sends_what_was_typed(web_page, world):
    web, page = web_page, web_page.page
    sign_in(web, "水利联络员")
    visit(web, reverse("round_entry", args=[world.river_entry.pk]))
    page.get_by_label("完成情况").fill(TYPED)
    click(web, "button", "提交")
    assert page.locator(".entry-state").inner_text() == "已提交"
    sign_out(web)
    assert RoundEntry.objects.get(pk=world.river_entry.pk).state == EntryState.SUBMITTED
    sign_in(web, "督查员")
    visit(web, reverse("round_entry", args=[world.river_entry.pk]))
    assert page.locator(".entry-done").inner_text() == TYPED
    web.assert_clean()


def test_leaving_with_unsaved_changes_asks_and_typing_is_autosaved(chromium, live_server,
                                                                   world):
    with signed_in_recording_dialogs(chromium, live_server, "水利联络员") as (context, page,
                                                                            dialogs):
        entry_url = live_server.url + reverse("round_entry", args=[world.river_entry.pk])
        page.goto(entry_url)
        # Untouched: leaving asks nothing.
        page.goto(live_server.url + "/")
        assert dialogs == []
        page.goto(entry_url)
        page.get_by_label("完成情况").click()
        page.keyboard.type("正在填写")
        # The autosave (a few seconds after typing stops) keeps it without a version.
        page.locator(".autosave-status").filter(has_text="已自动暂存").wait_for(timeout=15000)
        kept = EntryAutosave.objects.get(progress=world.river_entry)
        assert kept.data["done"] == "正在填写" and kept.base_version == 1
        assert Progress.objects.get(pk=world.river_entry.pk).version == 1
        # Leaving now asks first; dismissed, the page and the text stay.
        page.get_by_role("link", name="落实情况表").first.click()
        page.wait_for_timeout(500)
        assert dialogs == ["beforeunload"]
        assert page.url == entry_url
        assert page.get_by_label("完成情况").input_value() == "正在填写"
        # Back later, the typing is restored.
        page.close()
        page = context.new_page()
        page.goto(entry_url)
        assert page.get_by_label("完成情况").input_value() == "正在填写"
        assert "已恢复" in page.locator(".restored").inner_text()


def test_entry_form_on_a_phone(web_page, world):
    """A liaison fills in on a phone (390×844): nothing sideways, every button, field and menu
    at least 44 px tall (a finger's tap), and the progress box tall enough to write in."""
    web, page = web_page, web_page.page
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(web, "水利联络员")
    visit(web, reverse("round_entry", args=[world.river_entry.pk]))
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    small = page.evaluate("""() => Array.from(document.querySelectorAll(
        'main button, main select, main textarea, main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main summary'))
      .filter(n => n.checkVisibility())
      .filter(n => n.getBoundingClientRect().height < 44)
      .map(n => n.outerHTML.slice(0, 80))""")
    assert small == []
    done = page.get_by_label("完成情况").bounding_box()
    assert done["height"] >= 120 and done["x"] + done["width"] <= 390
    web.screenshot("phone-entry")
    web.assert_clean()


def test_leaving_an_unsaved_contribution_asks_first(chromium, live_server, world):
    """The co-unit's contribution form: leaving untouched or after 保存报送 asks nothing;
    leaving with typing not saved asks, and dismissed, the text stays."""
    add_user("经信联络员", Role.LIAISON, units=[world.economy], password=PASSWORD)
    roads = world.report.progress.get(task=world.roads)
    with signed_in_recording_dialogs(chromium, live_server, "经信联络员") as (_, page, dialogs):
        entry_url = live_server.url + reverse("round_entry", args=[roads.pk])
        page.goto(entry_url)
        page.goto(live_server.url + "/")
        assert dialogs == []
        page.goto(entry_url)
        page.get_by_label("配合单位报送").click()
        page.keyboard.type("配合征地10亩")
        page.get_by_role("link", name="落实情况表").first.click()
        page.wait_for_timeout(500)
        assert dialogs == ["beforeunload"] and page.url == entry_url
        assert page.get_by_label("配合单位报送").input_value() == "配合征地10亩"
        with page.expect_navigation():
            page.get_by_role("button", name="保存报送").click()
        page.goto(live_server.url + "/")
        assert dialogs == ["beforeunload"]
