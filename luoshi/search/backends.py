"""Full-text matching per database: SQLite FTS5 or PostgreSQL text search, same semantics.

A query matches a row when every query word matches it, a word matching either itself or all
its shorter parts (see ``luoshi.search.tokens``). Both backends return SQL selecting the ids of
matching ``TaskEntry`` rows, to be used as a subquery; every value is a query parameter.

Dense searches (``page_in_list_order``): a search that matches many rows has its page read
from the first rows of the list's order (walking the order's index, each row checked against
the words) instead of fetching every match and sorting them all, which is what both databases
do on their own. PostgreSQL: a query of several words (``'乡村' & '振兴'``, the parts of a word
the dictionary lacks) is estimated as the product of the words' frequencies, as if they were
independent; in these texts they come together, so a search matching 9 % of the rows is
estimated at about 1 % and the planner fetches all of them from the GIN index. SQLite: FTS5
lists the matching ids and SQLite looks each up, then sorts them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import FieldDoesNotExist
from django.db import connection, connections, transaction
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


# What PostgreSQL may not plan within read_in_list_order: each is then given a prohibitive
# cost, used only where nothing else can answer the query.
_WALK_OFF = ("enable_bitmapscan", "enable_seqscan", "enable_sort")


@contextmanager
def read_in_list_order(alias: str) -> Iterator[bool]:
    """Within the block, queries on database ``alias`` are planned as walks of an index in
    their order: no bitmap scans (so not the GIN index, which has no other kind of scan), no
    sequential scans, no sorts. Yields whether that applies: PostgreSQL only; elsewhere the
    block runs as it is. For a query bounded by its index's own condition
    (``page_in_list_order``): without the sequential scan and the sort the planner cannot
    trade the bounded walk for a scan of every row on a poor estimate of that bound.

    The settings are the transaction's own (``set_config(..., true)``) inside an atomic block:
    its commit ends them, or within an outer transaction they are put back at the end of the
    block; on an error the block's rollback puts them back.
    """
    if connections[alias].vendor != "postgresql":
        yield False
        return
    nested = connections[alias].in_atomic_block
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"current_setting('{name}')" for name in _WALK_OFF)
                       + ", " + ", ".join(f"set_config('{name}', 'off', true)"
                                          for name in _WALK_OFF))
        before = cursor.fetchone()[:len(_WALK_OFF)]
        yield True
        if nested:  # the settings would outlive this block: put them back (a commit does)
            cursor.execute("SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(_WALK_OFF)),
                           [v for pair in zip(_WALK_OFF, before, strict=True) for v in pair])


def page_in_list_order(unsearched: QuerySet, words: list[Word], scope: str | None,
                       low: int, high: int, window: int) -> list | None:
    """Rows ``low`` to ``high`` of ``unsearched`` matching ``words`` (``match_rows``, with its
    ``scope``) read from the first ``window`` rows of ``unsearched``, or None when they are not
    all among them (then read the page as usual).

    ``unsearched``: the list without the search, sorted by columns of its table, ascending,
    the last of them the id (a total order: no ties). The matches among its first ``window``
    rows are the first matches of the whole list, so when they fill the slice, the slice is
    the page: same rows, same order. Read as the matching rows up to the window's last row
    (its sort key, a subquery: an index-only read), planned so that the database walks the
    order's index from the start, checks each row against the words, and stops at the
    slice's last match or at the window's end, whatever it estimates the matches to be:

    - PostgreSQL: the row's ``tsv`` checked as in ``match_rows``, with the GIN index, the
      sequential scan and the sort off (``read_in_list_order``);
    - SQLite: the row's id among those FTS5 returns, written ``+id IN (…)``, which SQLite may
      not use to look rows up by id (its own plan: every match looked up, then sorted). FTS5
      still returns every match of the scope: that part is not saved.

    A slice not filled from the window (the matches are sparse near the start of the list)
    costs that walk, then the usual plan; a slice ending past the window is not tried, nor is
    a list shorter than the window (the edge is then NULL: no rows, the usual plan).

    For a search known to match many rows (the task list: more than its count's cap), where
    the usual plan fetches and sorts every match: the first page of a search matching 9 % of
    100 000 tasks is found among the first ~600 rows, where the usual plan fetches all 9 100
    matches (~90 000 of a million tasks).
    """
    vendor = connections[unsearched.db].vendor
    if vendor not in ("postgresql", "sqlite") or not words or high > window:
        return None
    key = _ascending_columns(unsearched)
    if key is None:
        return None
    names, columns = key
    # The window's last row's sort key, read in the same statement.
    edge, params = unsearched.values_list(*names)[window - 1:window].query.sql_with_params()
    among = unsearched.extra(where=[f"({', '.join(columns)}) <= ({edge})"], params=params)
    if vendor == "postgresql":
        with read_in_list_order(unsearched.db):
            rows = list(match_rows(among, words)[low:high])
    else:
        sql, params = _sqlite(words, scope)
        ids = columns[-1]
        rows = list(among.extra(where=[f"+{ids} IN ({sql})"], params=params)[low:high])
    return rows if len(rows) == high - low else None


def _ascending_columns(rows: QuerySet) -> tuple[list[str], list[str]] | None:
    """The names and quoted columns of ``rows``' order when it is ascending columns of its
    table ending in the id, else None."""
    names, columns = [], []
    meta = rows.model._meta
    quote = connections[rows.db].ops.quote_name
    for name in rows.query.order_by:
        if not isinstance(name, str) or name.startswith("-"):
            return None
        try:
            field = meta.pk if name == "pk" else meta.get_field(name)
        except FieldDoesNotExist:  # an annotation (the status sort's rank)
            return None
        if not field.concrete or field.many_to_many or field.one_to_many:
            return None
        names.append(name)
        columns.append(f"{quote(meta.db_table)}.{quote(field.column)}")
    if not names or names[-1] not in ("pk", meta.pk.name):
        return None
    return names, columns
