"""Each role's home in real Chromium at 1366×768 and 390×844: loads clean (no console error, no
failed request), no horizontal scroll on the phone, screenshots in
test-artifacts/screenshots/home-<role>-<size>.png."""

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
    web_page.assert_clean()
