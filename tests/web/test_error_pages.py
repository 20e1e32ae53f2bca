"""Our own 403/404/500 pages (Chinese, navigation) and sign-in for a signed-out round visitor."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from luoshi.rounds.accounts import add_user
from luoshi.rounds.models import Role


@pytest.fixture
def production(settings):
    """Django shows its own debug pages when DEBUG is on; the handlers answer when it is off."""
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = False
    settings.ALLOWED_HOSTS = ["testserver"]


def test_404_is_ours(production, db):
    response = Client().get("/no/such/page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在(404)" in html and 'href="/"' in html
    assert 'class="site-nav"' in html  # the navigation is there
    assert "Not Found" not in html and "Page not found" not in html


def test_403_is_ours(production, db, client_for, fast_hashing):
    liaison = add_user("某联络员", Role.LIAISON, password="x" * 20)
    response = client_for(liaison).get(reverse("round_overdue_all"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "无权进行此操作(403)" in html and "某联络员" in html
    assert "Forbidden" not in html


def test_signed_out_round_visitor_is_sent_to_log_in(production, db):
    for path in ["/rounds/reports/999999/", "/rounds/entries/1/", reverse("round_overdue_all")]:
        response = Client().get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("login") + "?next=")
        assert path in response["Location"]


def test_signed_out_elsewhere_gets_404_not_login(production, db):
    assert Client().get("/reports/999999/").status_code == 404


def test_500_is_ours(production, db):
    from django.test import RequestFactory

    from luoshi.web.views.errors import server_error

    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "服务器出错(500)" in html and "返回首页" in html
    assert "Server Error" not in html


@pytest.fixture
def demo_debug(settings):
    """The demo's settings: debug on (``make run``), LUOSHI_DEBUG_404 left at its default."""
    settings.DEBUG = True
    settings.SECURE_SSL_REDIRECT = False
    settings.ALLOWED_HOSTS = ["testserver"]
    assert settings.LUOSHI_DEBUG_404 is False  # the default the demo runs with


@pytest.mark.parametrize("path", ["/no/such/page/", "/reports/999999/", "/tasks/999999/"],
                         ids=["unknown-address", "view-404", "view-404-task"])
def test_demo_with_debug_shows_our_404(demo_debug, db, path):
    response = Client().get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在(404)" in html and 'class="site-nav"' in html
    assert "URLconf" not in html and "Page not found" not in html


def test_demo_with_debug_keeps_slash_redirect_and_login(demo_debug, db):
    response = Client().get("/tasks")  # APPEND_SLASH still answers first
    assert response.status_code == 301 and response["Location"] == "/tasks/"
    response = Client().get("/rounds/reports/999999/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_debug_404_setting_brings_back_djangos_page(demo_debug, db, settings):
    settings.LUOSHI_DEBUG_404 = True
    html = Client().get("/no/such/page/").content.decode()
    assert "URLconf" in html and "页面不存在(404)" not in html
