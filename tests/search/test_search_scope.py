"""Searches scoped to the rows they list (luoshi.search.backends, migration 0007): the same
results as matching every row and filtering afterwards, and only rows of that scope."""

import pytest
from django.db import connection

from luoshi.core.models import Period
from luoshi.search.backends import fts5_query, period_scope, task_scope
from luoshi.search.models import TaskEntry
from luoshi.search.query import search_entries
from luoshi.search.tokens import query_words
from luoshi.vocab import PeriodKind

QUERIES = ["基站", "污水", "资金", "数字 基站", "乡村振兴", "市发改局", "按计划推进", "没有的词"]


def rows(entries, query: str, scope: str | None) -> set[tuple[int, int | None]]:
    found = search_entries(entries, query_words(query), scope=scope)
    return set(found.values_list("task_id", "report_id"))


@pytest.mark.parametrize("query", QUERIES)
def test_period_scope_same_rows_as_filtering_afterwards(indexed, query):
    s = indexed
    for report in (s.h1, s.q3):
        in_period = TaskEntry.objects.filter(period_id=report.period_id)
        scoped = rows(in_period, query, period_scope(report.period_id))
        assert scoped == rows(in_period, query, None)
        assert {r for _, r in scoped} <= {report.pk}
    own = TaskEntry.objects.filter(report__isnull=True)
    assert rows(own, query, task_scope()) == rows(own, query, None)


def test_period_scope_fixed_answers(indexed):
    s = indexed
    h1 = TaskEntry.objects.filter(period_id=s.h1.period_id)
    q3 = TaskEntry.objects.filter(period_id=s.q3.period_id)
    assert rows(h1, "基站", period_scope(s.h1.period_id)) == {(s.digital.pk, s.h1.pk)}
    assert rows(q3, "基站", period_scope(s.q3.period_id)) == {(s.digital.pk, s.q3.pk)}
    assert rows(q3, "资金", period_scope(s.q3.period_id)) == {(s.village.pk, s.q3.pk)}
    assert rows(h1, "资金", period_scope(s.h1.period_id)) == set()
    own = TaskEntry.objects.filter(report__isnull=True)
    assert rows(own, "基站", task_scope()) == {(s.digital.pk, None)}


def test_fts_returns_only_rows_in_scope(indexed):
    s = indexed
    every = TaskEntry.objects.all()
    anywhere = {(s.digital.pk, r) for r in (None, s.h1.pk, s.q3.pk)}
    assert rows(every, "基站", None) == anywhere
    if connection.vendor == "sqlite":  # the scope is in the FTS table itself
        assert rows(every, "基站", period_scope(s.h1.period_id)) == {(s.digital.pk, s.h1.pk)}
        assert rows(every, "基站", task_scope()) == {(s.digital.pk, None)}
    else:  # PostgreSQL ignores it: the queryset's own filter scopes the rows
        assert rows(every, "基站", task_scope()) == anywhere


def test_fts5_query_scope_and_column_filters():
    words = query_words("基站")
    assert fts5_query(words) == 'tokens : ("基站")'
    assert fts5_query(words, period_scope(7)) == 'scope : "p7" AND tokens : ("基站")'


def test_words_never_match_scope_tokens(indexed):
    s = indexed
    every = TaskEntry.objects.all()
    for word in ("t", f"p{s.h1.period_id}", f"r{s.h1.pk}"):
        assert rows(every, word, None) == set()


def test_report_moved_to_another_period_moves_its_rows(indexed):
    s = indexed
    later = Period.objects.create(year=2021, kind=PeriodKind.ANNUAL, month=12, label="全年")
    s.h1.period = later
    s.h1.save()
    moved = TaskEntry.objects.filter(period=later)
    assert rows(moved, "基站", period_scope(later.pk)) == {(s.digital.pk, s.h1.pk)}
    old = TaskEntry.objects.filter(period_id=s.q3.period_id)
    assert rows(old, "启动", period_scope(s.q3.period_id)) == set()
