"""A dense search's page (more matches than the list counts) is looked for among the list's
first rows, walking its order's index (luoshi.search.backends.page_in_list_order): the same
rows in the same order as the database's own plan, and the dense path is taken exactly when
the count is capped."""

from __future__ import annotations

import importlib
import re

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from luoshi.core.models import Government, Period, Plan, Report, Task
from luoshi.search.backends import page_in_list_order, read_in_list_order, task_scope
from luoshi.search.indexing import reindex_all
from luoshi.search.models import TaskEntry
from luoshi.search.query import search_entries
from luoshi.search.tokens import query_words
from luoshi.vocab import PeriodKind

URL = reverse("task_list")
# Made-up texts: every third task is not about the villages, so the matches are not the rows.
MATCHING = "推进乡村振兴示范村建设第{n}批。"
OTHER = "修缮城区道路第{n}段。"
task_list = importlib.import_module("luoshi.web.views.task_list")  # the module, not the view


@pytest.fixture
def many(db) -> int:
    """Two governments, two years each, 12 tasks a plan, a published report each (a plan is
    listed once it has one); returns how many tasks match."""
    matching = 0
    periods = {year: Period.objects.create(year=year, kind=PeriodKind.H1, month=6,
                                           label="半年度") for year in (2021, 2022)}
    for g, name in enumerate(["甲城市", "乙城县"]):
        government = Government.objects.create(name=name)
        for year in (2021, 2022):
            plan = Plan.objects.create(government=government, year=year)
            Report.objects.create(plan=plan, period=periods[year], state=Report.State.PUBLISHED)
            tasks = []
            for n in range(1, 13):
                dense = (n + g) % 3 != 0
                matching += dense
                tasks.append(Task(plan=plan, serial=str(n), order=n,
                                  text=(MATCHING if dense else OTHER).format(n=n)))
            Task.objects.bulk_create(tasks)
    reindex_all()
    return matching


def page(client, **params) -> tuple[list[str], str]:
    response = client.get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'<td class="col-serial[^"]*"[^>]*>(.*?)</td>', html), html


def walked(queries: list[dict]) -> bool:
    return any("enable_bitmapscan" in q["sql"] for q in queries)


@pytest.mark.parametrize("params", [
    {"q": "乡村振兴"},
    {"q": "乡村振兴", "page": "2"},
    {"q": "乡村振兴", "page": "4"},
    {"q": "振兴 示范"},
])
@pytest.mark.parametrize("share", [
    1,  # every row would have to match: not filled, the usual plan
    2,  # page 1 among the first 10 rows (two in three match), page 2 among 20, page 4 40
    4,  # page 1 among 20 rows, page 2 among 40; page 4 (80 > twice the cap) not tried
])
def test_dense_page_has_the_same_rows_as_the_sparse_plan(admin_client, many, monkeypatch,
                                                         params, share):
    monkeypatch.setattr(task_list, "PER_PAGE", 5)
    monkeypatch.setattr(task_list, "SEARCH_CAP", 1000)  # within the cap: the database's plan
    sparse, html = page(admin_client, **params)
    assert f"共 {many} 项任务" in html
    # Past it: dense (pages up to the cap's, the 4th, are whole pages as before).
    monkeypatch.setattr(task_list, "SEARCH_CAP", 20)
    monkeypatch.setattr(task_list, "SEARCH_SHARE", share)
    dense, html = page(admin_client, **params)
    assert "超过 20 项任务" in html
    assert sparse and dense == sparse


def page_queries(queries: list[str]) -> list[int]:
    """Where the page's query is among ``queries``: matching (PostgreSQL @@, SQLite's FTS5
    MATCH), limited, not the count."""
    return [i for i, sql in enumerate(queries) if ("@@" in sql or " MATCH " in sql)
            and "LIMIT" in sql and "COUNT" not in sql]


def read(client, **params) -> list[str]:
    """The statements of one request for the list."""
    with CaptureQueriesContext(connection) as captured:
        page(client, **params)
    return [q["sql"] for q in captured.captured_queries]


def test_dense_path_is_taken_exactly_past_the_cap(admin_client, many, monkeypatch):
    monkeypatch.setattr(task_list, "PER_PAGE", 10)
    monkeypatch.setattr(task_list, "SEARCH_SHARE", 3)  # two in three match: 10 of 30 rows
    monkeypatch.setattr(task_list, "SEARCH_CAP", many)  # every match counted: sparse
    queries = read(admin_client, q="乡村振兴")
    [only] = [queries[i] for i in page_queries(queries)]
    assert "<= (SELECT" not in only and "enable_bitmapscan" not in " ".join(queries)
    monkeypatch.setattr(task_list, "SEARCH_CAP", many - 1)  # dense
    queries = read(admin_client, q="乡村振兴")
    # One page query, bounded by the window's last row: the page is what it found.
    [at] = page_queries(queries)
    assert "<= (SELECT" in queries[at]
    if connection.vendor == "postgresql":  # the GIN index off around it, then back
        turned = [i for i, sql in enumerate(queries) if "enable_bitmapscan" in sql]
        assert turned == [at - 1, at + 1]
    else:  # the ids FTS5 returns, not used to look rows up
        assert '+"search_taskentry"."id" IN (SELECT rowid' in queries[at]
    # A page whose window is past twice the cap (3 × 30 rows > 62), and a sort with no index
    # for its order: the usual plan, once.
    for params in ({"page": "3"}, {"sort": "-order"}):
        queries = read(admin_client, q="乡村振兴", **params)
        [only] = [queries[i] for i in page_queries(queries)]
        assert "<= (SELECT" not in only and "enable_bitmapscan" not in " ".join(queries)


def setting() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_bitmapscan")
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_the_setting_is_the_blocks_own():
    if connection.vendor != "postgresql":
        with read_in_list_order("default") as applies:
            assert applies is False
        return
    with transaction.atomic():  # as a request in a transaction: the setting must not leak
        with read_in_list_order("default") as applies:
            assert applies is True and setting() == "off"
            with connection.cursor() as cursor:
                cursor.execute("SHOW enable_seqscan")
                assert cursor.fetchone()[0] == "off"
        assert setting() == "on"
        with pytest.raises(ZeroDivisionError), read_in_list_order("default"):
            assert setting() == "off"
            raise ZeroDivisionError
        assert setting() == "on"  # the block's rollback put it back
    assert setting() == "on"


@pytest.mark.parametrize(("order", "walked"), [
    (("year_desc", "plan_id", "order", "pk"), True),  # the list's order
    (("lead_name", "year_desc", "plan_id", "order", "id"), True),
    (("year_desc", "plan_id", "-order", "-pk"), False),  # descending: no walk up to an edge
    (("year_desc", "plan_id", "order"), False),  # ties: the first matches are not a prefix
    (("rank", "pk"), False),  # an annotation: not a column to bound
])
def test_only_ascending_column_orders_ending_in_the_id_are_walked(many, order, walked):
    unsearched = (TaskEntry.objects.filter(report__isnull=True).annotate(rank=F("order"))
                  .order_by(*order).values("id"))
    found = page_in_list_order(unsearched, query_words("乡村振兴"), task_scope(), 0, 5, 20)
    if walked:
        searched = search_entries(unsearched, query_words("乡村振兴"), scope=task_scope())
        assert found == list(searched[:5])
    else:
        assert found is None


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_commit_ends_the_setting():
    with read_in_list_order("default") as applies:
        assert applies is (connection.vendor == "postgresql")
        if applies:
            assert setting() == "off"
    if applies:
        assert setting() == "on"
