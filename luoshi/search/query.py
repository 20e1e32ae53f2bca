"""Filter ``TaskEntry`` querysets by a search query."""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from luoshi.search.backends import match_rows, matching_entries_sql
from luoshi.search.models import TaskEntry
from luoshi.search.tokens import Word


def search_entries(
    entries: QuerySet[TaskEntry], words: list[Word], *, same_row: bool = True,
    scope: str | None = None,
) -> QuerySet[TaskEntry]:
    """The rows of ``entries`` matching ``words``.

    ``same_row`` (the default): the row itself must match — a task in one report: its text
    and that report's entries; a task's own row: its text and its entries in every report.
    Otherwise a row matches when any row of its task does.

    ``scope`` (same row only): the rows ``entries`` is limited to — ``task_scope()`` for the
    tasks' own rows, ``period_scope(id)`` for one period's — so SQLite's FTS5 returns only
    those (faster; the result is the same). It must not be narrower than ``entries``.
    """
    if not words:
        return entries
    if same_row:
        return match_rows(entries, words, scope)
    sql, params = matching_entries_sql(words)
    table = TaskEntry._meta.db_table
    return entries.filter(
        task_id__in=RawSQL(f"SELECT task_id FROM {table} WHERE id IN ({sql})", params)
    )
