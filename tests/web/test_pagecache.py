"""The data version every write bumps, and pages cached by it (luoshi.web.pagecache): real
commits (transactional tests), since the version moves when a write commits."""

from __future__ import annotations

import secrets

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from luoshi.core.models import Government, Task
from luoshi.search.indexing import reindex_all
from luoshi.web import pagecache

pytestmark = pytest.mark.django_db(transaction=True)


def _changes(write) -> bool:
    before = pagecache.current()
    write()
    after = pagecache.current()
    return after is not None and after != before


def test_every_kind_of_write_gives_a_new_version():
    city = Government.objects.create(name="海城市", level=Government.Level.CITY)
    assert pagecache.current() is not None
    writes = {
        "save": lambda: Government.objects.create(name="山前区", level=Government.Level.DISTRICT),
        "update": lambda: Government.objects.filter(pk=city.pk).update(name="海城"),
        "bulk_create": lambda: Government.objects.bulk_create(
            [Government(name=f"县{i}", level=Government.Level.COUNTY) for i in range(3)]),
        "raw SQL": lambda: connection.cursor().execute(
            "UPDATE core_government SET name = %s WHERE id = %s", ["海城市", city.pk]),
        "delete": lambda: Government.objects.filter(name="县0").delete(),
        # the bulk paths' RowTable: COPY on PostgreSQL, past Django's cursor hooks
        "bulk rows": lambda: _row_table_write(),
    }
    for name, write in writes.items():
        assert _changes(write), name
    # Reads (a page served) keep the version.
    assert not _changes(lambda: list(Government.objects.all()))
    assert not _changes(lambda: Client().get(reverse("task_list")))


def _row_table_write() -> None:
    from luoshi.core.services.rows import RowTable

    with transaction.atomic():
        RowTable(Government, ["name", "level"]).write([("行县", Government.Level.COUNTY)])


def test_a_transaction_bumps_at_commit_and_not_on_rollback():
    Government.objects.create(name="海城市", level=Government.Level.CITY)
    before = pagecache.current()
    with transaction.atomic():
        Government.objects.create(name="山前区", level=Government.Level.DISTRICT)
        # Its own uncommitted writes: no cache for this connection now.
        assert pagecache.current() is None
    committed = pagecache.current()
    assert committed not in (None, before)
    with pytest.raises(RuntimeError), transaction.atomic():
        Government.objects.create(name="某县", level=Government.Level.COUNTY)
        raise RuntimeError("rolled back")
    assert pagecache.current() == committed


def _list(client: Client, **params) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("task_list"), params)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_cached_list_is_never_served_after_a_write(live_sample):
    s = live_sample
    reindex_all()
    public = Client()
    html, cold = _list(public, plan=s.plan.pk, period=s.report_q3.period_id)
    assert "建设数字城市。" in html
    again, warm = _list(public, plan=s.plan.pk, period=s.report_q3.period_id)
    assert again == html and warm <= 2 < cold  # the version, then the cache
    task = Task.objects.get(pk=s.digital.pk)
    task.text = "建设智慧城市。"
    task.save()  # the index follows at commit (luoshi.search.signals)
    html, _ = _list(public, plan=s.plan.pk, period=s.report_q3.period_id)
    assert "建设智慧城市。" in html and "建设数字城市。" not in html


def test_what_one_scope_sees_is_not_served_to_another(admin_client, live_sample):
    s = live_sample
    reindex_all()
    public = Client()
    # 山前区's only report is a draft: the office lists its task, the public does not.
    for first, second in ((admin_client, public), (public, admin_client)):
        pagecache.bump()
        seen = {c: _list(c)[0] for c in (first, second)}
        assert "整治河道。" in seen[admin_client]
        assert "整治河道。" not in seen[public]
    assert s.report_old.state == "draft"


def _task(client: Client, pk: int) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("task_detail", args=[pk]))
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_task_page_cached_for_readers_fresh_after_a_write(live_sample, supervisor_client):
    from luoshi.core.models import Progress

    s = live_sample
    public = Client()
    html, cold = _task(public, s.digital.pk)
    assert "资金尚未到位。" in html
    again, warm = _task(public, s.digital.pk)
    assert again == html and warm <= 2 < cold
    Progress.objects.filter(task=s.digital, report=s.report_q3).update(problems="用地已落实。")
    html, _ = _task(public, s.digital.pk)
    assert "用地已落实。" in html and "资金尚未到位。" not in html
    # The office's page has correction forms with its own CSRF token: built every time.
    first, cold = _task(supervisor_client, s.digital.pk)
    _again, warm = _task(supervisor_client, s.digital.pk)
    assert "csrfmiddlewaretoken" in first and warm == cold


def test_report_page_cached_fresh_after_a_write(live_sample, admin_client):
    from luoshi.core.models import Progress

    s = live_sample
    public = Client()
    url = reverse("report_detail", args=[s.report_q3.pk])
    with CaptureQueriesContext(connection) as cold:
        html = public.get(url).content.decode()
    with CaptureQueriesContext(connection) as warm:
        again = public.get(url).content.decode()
    assert "资金尚未到位。" in html and again == html and len(warm) <= 1 < len(cold)
    Progress.objects.filter(task=s.digital, report=s.report_q3).update(problems="用地已落实。")
    html = public.get(url).content.decode()
    assert "用地已落实。" in html and "资金尚未到位。" not in html
    # A draft report stays hidden from the public however often the office opened it.
    draft = reverse("report_detail", args=[s.report_old.pk])
    assert admin_client.get(draft).status_code == 200
    assert public.get(draft).status_code == 404


def test_list_menus_follow_a_new_report(live_sample):
    from luoshi.core.models import Period, Plan, Report

    s = live_sample
    reindex_all()
    public = Client()
    html, _ = _list(public)
    assert "海城市 2022年" not in html
    plan = Plan.objects.create(government=s.city, year=2022)
    period = Period.objects.create(year=2022, kind="h1", month=6, label="半年度")
    Report.objects.create(plan=plan, period=period, state="published")
    html, _ = _list(public)
    assert "海城市 2022年" in html and "2022年半年度" in html


def test_switched_off_every_page_is_built_afresh(live_sample, settings):
    """LUOSHI_PAGE_CACHE=0: no version is read for caching and nothing is kept, so a second
    request costs what the first did (and a fragment builder runs every time)."""
    s = live_sample
    settings.LUOSHI_PAGE_CACHE = False
    public = Client()
    html, first = _task(public, s.digital.pk)
    again, second = _task(public, s.digital.pk)
    assert again == html and second == first > 2
    built = []
    assert pagecache.current() is None
    for _ in range(2):
        pagecache.cached("k", lambda: built.append(1) or len(built), version=7)
    assert built == [1, 1]


def test_a_fragment_is_kept_per_language():
    """Every fragment may hold words: ``cached`` keys it by the active language whatever key
    its caller wrote."""
    from django.utils import translation

    built = []
    version = secrets.randbits(62)  # the page cache is files shared by runs: a version of its own
    for language in ("zh-hans", "en", "zh-hans", "en"):
        with translation.override(language):
            pagecache.cached("words", lambda: built.append(translation.get_language()) or
                             translation.get_language(), version=version)
    assert built == ["zh-hans", "en"]


def test_a_page_built_for_one_language_is_not_served_in_another(live_sample, settings,
                                                                tmp_path):
    """The task list's menus (kept per viewer scope) and its content, asked for in Chinese
    and then in English and back: each reader gets their own language's words."""
    from i18n.conftest import PO, compile_catalog

    settings.LOCALE_PATHS = [compile_catalog(PO, tmp_path)]
    reindex_all()
    public = Client()
    pages = {}
    pagecache.bump()
    for language in ("zh-hans", "en", "zh-hans", "en"):
        for _ in range(2):  # built, then from the cache
            response = public.get(reverse("task_list"), HTTP_ACCEPT_LANGUAGE=language)
            pages.setdefault(language, set()).add(response.content.decode())
    assert len(pages["zh-hans"]) == len(pages["en"]) == 1  # the same page each time
    zh, en = pages["zh-hans"].pop(), pages["en"].pop()
    assert "海城市 2021年</option>" in zh and "海城市 2021年" not in en
    assert "海城市 2021</option>" in en
