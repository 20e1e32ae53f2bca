"""Whole pages kept for anonymous readers (luoshi.web.pagecache.whole_page): one query (the
data version) for a page seen before, never across viewers, never stale, never with a form's
token or a message that belongs to one reader. Real commits (transactional tests), since the
version moves when a write commits."""

from __future__ import annotations

import importlib

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from luoshi.core.models import Progress
from luoshi.search.indexing import reindex_all
from luoshi.web import pagecache

pytestmark = pytest.mark.django_db(transaction=True)


def _get(client: Client, url: str, **extra) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries)


def test_each_cached_page_kind_is_one_query_for_an_anonymous_reader(live_sample, monkeypatch):
    s = live_sample
    reindex_all()
    public = Client()
    rendered = []
    # The site template, rendered around the kept parts by each view's module.
    for name in ("tasks", "task_list", "reports"):
        module = importlib.import_module(f"luoshi.web.views.{name}")
        monkeypatch.setattr(module, "render", lambda *a, _r=module.render, **k: (
                rendered.append(1), _r(*a, **k))[1])
    for url in (
        reverse("task_detail", args=[s.digital.pk]),
        reverse("task_detail", args=[s.park_a.pk]),
        reverse("task_list") + f"?plan={s.plan.pk}&period={s.report_q3.period_id}",
        reverse("report_detail", args=[s.report_q3.pk]),
    ):
        built = public.get(url)
        rendered.clear()
        with CaptureQueriesContext(connection) as queries:
            kept = public.get(url)
        assert not rendered, url  # the whole page kept: no template rendered again
        # The same bytes and headers (the middleware's too); only the data version read (no
        # session, no permission query).
        assert kept.content == built.content and kept.status_code == 200, url
        assert dict(kept.headers) == dict(built.headers), url
        assert len(queries) == 1, url


def test_the_address_is_the_key(live_sample):
    """Two tasks, and one page with another query string: each its own page."""
    s = live_sample
    public = Client()
    digital = reverse("task_detail", args=[s.digital.pk])
    first, _ = _get(public, digital)
    other, _ = _get(public, reverse("task_detail", args=[s.roads.pk]))
    assert "建设数字城市。" in first and "改造老旧道路。" in other
    assert "建设数字城市。" not in other
    query, _ = _get(public, digital + "?x=1")
    # The sign-in link carries the page's address: the query string is part of the page.
    assert f"next=/tasks/{s.digital.pk}/%3Fx%3D1" in query
    assert "%3Fx%3D1" not in first


def test_never_served_to_a_signed_in_reader_nor_theirs_to_the_public(
    live_sample, leader_client, liaison_for, client_for
):
    """The half-year round is running: its entry is seen by the leader and by the lead unit's
    liaison (a draft is seen by its own unit), never by the public — whatever order the pages
    are asked in, and however often each was served."""
    s = live_sample
    url = reverse("task_detail", args=[s.digital.pk])
    liaison_client = client_for(liaison_for(s.units.reform, name="发改联络员"))
    public = Client()
    for order in ((public, leader_client, liaison_client), (leader_client, liaison_client, public)):
        pagecache.bump()
        seen = {}
        for client in (*order, *order):
            html, _ = _get(client, url)
            if client is public:  # (a signed-in page's logout form has a token of its own)
                assert seen.setdefault(client, html) == html
            seen[client] = html
        assert "启动基站建设。" not in seen[public] and "领导" not in seen[public]
        assert "启动基站建设。" in seen[leader_client] and "领导" in seen[leader_client]
        assert "启动基站建设。" in seen[liaison_client] and "发改联络员" in seen[liaison_client]


def test_fresh_after_a_write(live_sample):
    s = live_sample
    public = Client()
    url = reverse("task_detail", args=[s.digital.pk])
    html, _ = _get(public, url)
    assert "资金尚未到位。" in html
    Progress.objects.filter(task=s.digital, report=s.report_q3).update(problems="用地已落实。")
    html, _ = _get(public, url)
    assert "用地已落实。" in html and "资金尚未到位。" not in html


def test_kept_per_language(live_sample, settings, tmp_path):
    from i18n.conftest import PO, compile_catalog

    settings.LOCALE_PATHS = [compile_catalog(PO, tmp_path)]
    s = live_sample
    public = Client()
    url = reverse("task_detail", args=[s.digital.pk])
    pages = {}
    for language in ("zh-hans", "en", "zh-hans", "en"):
        html, _ = _get(public, url, HTTP_ACCEPT_LANGUAGE=language)
        assert pages.setdefault(language, html) == html
    assert pages["zh-hans"] != pages["en"]
    assert '<html lang="zh-Hans">' in pages["zh-hans"]


def test_a_waiting_message_is_shown_and_the_page_not_kept(live_sample):
    """A message (one reader's) is part of that reader's page: neither served from nor kept
    in the shared page."""
    s = live_sample
    url = reverse("task_detail", args=[s.digital.pk])
    public, told = Client(), Client()
    plain, _ = _get(public, url)  # kept
    storage = CookieStorage(RequestFactory().get("/"))
    told.cookies["messages"] = storage._encode([Message(constants.INFO, "欢迎回来。")])
    html, _ = _get(told, url)
    assert "欢迎回来。" in html
    again, _ = _get(told, url)  # shown once, then the shared page
    assert "欢迎回来。" not in again and again == plain
    assert "欢迎回来。" not in _get(Client(), url)[0]


@pytest.mark.parametrize("mark", ["csrf token", "cookie", "private", "not found"])
def test_a_page_that_leaves_a_trace_is_built_every_time(mark, rf):
    """A view whose answer holds something of one request (a form's token, a cookie, a
    private answer) or is not a page is not kept: each reader gets their own."""
    built = []

    @pagecache.whole_page
    def view(request):
        built.append(1)
        response = HttpResponse(
            f"token {get_token(request)}" if mark == "csrf token" else "x",
            status=404 if mark == "not found" else 200,
        )
        if mark == "cookie":
            response.set_cookie("seen", "1")
        if mark == "private":
            response.headers["Cache-Control"] = "private"
        return response

    from django.contrib.auth.models import AnonymousUser

    pagecache.bump()
    for _ in range(2):
        request = rf.get("/made-up/")
        request.user = AnonymousUser()
        view(request)
    assert len(built) == 2

    kept = []

    @pagecache.whole_page
    def plain(request):
        kept.append(1)
        return HttpResponse("x")

    for _ in range(2):
        request = rf.get("/made-up/")
        request.user = AnonymousUser()
        assert plain(request).content == b"x"
    assert len(kept) == 1  # the control: a plain page is kept
