"""Each role's home in real Chromium at 1366×768 and 390×844: loads clean (no console error, no
failed request), no horizontal scroll on the phone, screenshots in
test-artifacts/screenshots/home-<role>-<size>.png; as the browser shows them, the leader's cards
equal the figures of the dashboard each card names, and the liaison's to-do lists exactly their
open entries."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from web.conftest import load_demo

pytestmark = pytest.mark.browser

SIZES = {"desktop": (1366, 768), "phone": (390, 844)}


@pytest.fixture
def demo_live(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return load_demo()


@pytest.mark.parametrize("size", SIZES)
def test_each_role_home(web_page, demo_live, live_server, size):
    from django.contrib.auth import get_user_model

    page = web_page.page
    page.set_viewport_size({"width": SIZES[size][0], "height": SIZES[size][1]})
    expected = {"leader": "重点工作落实概况", "liaison1": "我的待办", "office": "督查室工作台",
                None: "落实情况表"}
    for name, heading in expected.items():
        page.context.clear_cookies()
        if name is not None:
            client = Client()
            client.force_login(get_user_model().objects.get(username=name))
            page.context.add_cookies([{"name": "sessionid",
                                       "value": client.cookies["sessionid"].value,
                                       "url": live_server.url}])
        web_page.goto(reverse("home") if name else "/")
        assert heading in page.locator("h1").first.inner_text()
        if size == "phone":
            assert page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth"), name
        web_page.screenshot(f"home-{name or 'public'}-{size}")
        if name == "leader":
            leader_cards_equal_dashboards(web_page)
        if name == "liaison1":
            listed = page.eval_on_selector_all(
                "[data-entry]", "els => els.map(e => Number(e.dataset.entry))")
            assert sorted(listed) == open_entries(name)
    web_page.assert_clean()


def leader_cards_equal_dashboards(web_page) -> None:
    page = web_page.page
    cards = page.eval_on_selector_all("[data-card]", """els => els.map(e => ({
        key: e.dataset.card, report: e.dataset.report,
        value: Number(e.querySelector('[data-figure]').textContent)}))""")
    assert [c["key"] for c in cards] == ["behind", "at_risk", "unfiled", "overdue"]
    assert cards[0]["value"] > 0  # the demo's newest published period has tasks behind
    for card in cards:
        if card["key"] == "overdue":  # not on the dashboard; the demo's deadline is ahead
            assert card["value"] == 0
            continue
        web_page.goto(reverse("dashboard", args=[int(card["report"])]))
        shown = page.locator(f'td[data-status="{card["key"]}"]')
        value = int(shown.first.inner_text()) if shown.count() else 0
        assert value == card["value"], card
    web_page.goto(reverse("home"))


def open_entries(username: str) -> list[int]:
    from django.contrib.auth import get_user_model

    from luoshi.core.models import Progress
    from luoshi.rounds.models import EntryState
    from luoshi.rounds.permissions import liaison_tasks

    liaison = get_user_model().objects.get(username=username)
    return sorted(Progress.objects.filter(
        task__in=liaison_tasks(liaison), report__state__in=("open", "review"),
        round_entry__state__in=[EntryState.DRAFT, EntryState.RETURNED]).values_list(
        "pk", flat=True))
