"""Full-text matching per database: SQLite FTS5 or PostgreSQL text search, same semantics.

A query matches a row when every query word matches it, a word matching either itself or all
its shorter parts (see ``luoshi.search.tokens``). Both backends return SQL selecting the ids of
matching ``TaskEntry`` rows, to be used as a subquery; every value is a query parameter.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from luoshi.search.tokens import Word

FTS_TABLE = "search_fts"
ENTRY_TABLE = "search_taskentry"


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def task_scope() -> str:
    """The scope of the tasks' own rows (no report)."""
    return "t"


def period_scope(period_id: int) -> str:
    """The scope of the rows of the reports of one period."""
    return f"p{int(period_id)}"


def fts5_query(words: list[Word], scope: str | None = None) -> str:
    """An FTS5 MATCH expression: each token quoted as a phrase, words joined by AND, within
    the ``tokens`` column; with ``scope`` (see migration 0007), only rows of that scope."""
    clauses = []
    for word in words:
        clause = _fts_phrase(word.text)
        if word.parts:
            parts = " AND ".join(_fts_phrase(p) for p in word.parts)
            clause = f"({clause} OR ({parts}))"
        clauses.append(clause)
    # The column filter keeps words off the scope tokens (a query word "t" or "p3").
    query = f"tokens : ({' AND '.join(clauses)})"
    if scope is not None:
        query = f"scope : {_fts_phrase(scope)} AND {query}"
    return query


def _sqlite(words: list[Word], scope: str | None = None) -> tuple[str, list]:
    return (f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
            [fts5_query(words, scope)])


def _tsquery(words: list[Word]) -> tuple[str, list]:
    # plainto_tsquery takes any text safely; && and || combine the per-word queries.
    one = "plainto_tsquery('simple', %s)"
    clauses, params = [], []
    for word in words:
        if word.parts:
            parts = " && ".join([one] * len(word.parts))
            clauses.append(f"({one} || ({parts}))")
            params += [word.text, *word.parts]
        else:
            clauses.append(one)
            params.append(word.text)
    return " && ".join(clauses), params


def _postgres(words: list[Word]) -> tuple[str, list]:
    query, params = _tsquery(words)
    # tsv: to_tsvector('simple', tokens), a stored column with a GIN index (migration 0003).
    return f"SELECT id FROM {ENTRY_TABLE} WHERE tsv @@ ({query})", params


def match_rows(entries: QuerySet, words: list[Word], scope: str | None = None) -> QuerySet:
    """``entries`` (TaskEntry rows) restricted to those matching ``words`` themselves.

    PostgreSQL: a condition on the row's own ``tsv``, so the planner can combine the GIN
    index with the other conditions (report null, period …). SQLite: the ids FTS5 returns;
    ``scope`` (``task_scope()``, ``period_scope(id)``), when ``entries`` are already limited
    to it, lets FTS5 return only those rows instead of every matching one. PostgreSQL
    ignores it.
    """
    if not words:
        raise ValueError("no words to search for")
    if connection.vendor == "postgresql":
        query, params = _tsquery(words)
        return entries.extra(where=[f'"{ENTRY_TABLE}"."tsv" @@ ({query})'], params=params)
    sql, params = _sqlite(words, scope)
    return entries.filter(pk__in=RawSQL(sql, params))


def matching_entries_sql(words: list[Word]) -> tuple[str, list]:
    """SQL and parameters selecting the ids of the ``TaskEntry`` rows matching ``words``."""
    if not words:
        raise ValueError("no words to search for")
    if connection.vendor == "postgresql":
        return _postgres(words)
    if connection.vendor == "sqlite":
        return _sqlite(words)
    raise NotImplementedError(f"full-text search on {connection.vendor}")
