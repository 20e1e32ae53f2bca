"""Querysets compiled to SQL once and run again with new values: what a page costs when it is
built afresh (the first request after a write) is mostly Django turning querysets into SQL —
the permission querysets of luoshi.rounds.permissions nest several subqueries, and building and
compiling them took 3–4 ms of a 7 ms task page, against under 1 ms in SQLite.

The rule: ``rows(key, build, **slots)`` calls ``build`` with a *stand-in* for every slot (a
distinct negative integer that no row id can be, or a list of them), compiles the queryset
once, and remembers where each stand-in landed among the statement's parameters. Later calls
with the same ``key`` and the same list lengths run that statement with the real values put in
those places. So the SQL is still the one Django writes for the one queryset (the rules stay
in luoshi.rounds.permissions, asked as before); only the writing is not repeated.

What the caller must put in ``key``: everything ``build`` reads besides its slots. For the
permission querysets that is ``luoshi.rounds.permissions.rule_inputs(user)`` (the role, and a
liaison's units, which the rules write into the statement as values). Under DEBUG (the test
suite, a developer's machine) every reuse is checked: the queryset is built and compiled again
and must give the same statement and values, so a key that misses an input fails at once.

Refused (the queryset is then run as usual, never a wrong answer): a slot whose stand-in does
not come out as itself among the parameters (a slot on a text column: only integer ids may be
slots); an empty list (Django answers "no rows" without SQL); a statement whose other values
hold a date or time, or its text (a rule reading the clock must be asked afresh each time).

Kept per thread (a compiled statement holds its thread's connection) and bounded (least
recently used go first).
"""

from __future__ import annotations

import datetime
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import ValuesIterable, ValuesListIterable
from django.db.models.sql.compiler import SQLCompiler

LIMIT = 256  # statements kept per thread
# Stand-ins: _BASE - n. Negative, so never a row's id; within a 32-bit integer column's range,
# so that no lookup answers "out of range, no rows" before any SQL is written.
_BASE = -2_000_000_000
_local = threading.local()
# A date or time as SQLite's backend passes it (text): 2026-12-01, 2026-12-01 04:05:06, 04:05:06.
_WHEN = re.compile(r"\d{4}-\d\d-\d\d(?:[ T]\d\d:\d\d|$)|\d\d:\d\d:\d\d")


@dataclass(frozen=True)
class _Statement:
    sql: str
    params: tuple
    places: tuple[tuple[int, str, int | None], ...]  # (parameter, slot, index in a list slot)
    compiler: SQLCompiler
    names: tuple[str, ...] | None  # values(): the rows' keys; values_list(): None
    counting: bool = False  # the statement counts the queryset's rows
    # The columns' converters (dates, JSON, decimals), found once: finding them asked the
    # backend and every column again at each run.
    converters: dict | None = None


class _Refused(Exception):
    """The queryset cannot be kept as a statement (see the module's docstring)."""


def _stand_ins(slots: dict[str, int | list[int]]) -> tuple[dict, dict[int, tuple[str, int | None]]]:
    given, where = {}, {}
    n = 0
    for name, value in slots.items():
        if isinstance(value, list | tuple):
            given[name] = []
            for i in range(len(value)):
                n += 1
                given[name].append(_BASE - n)
                where[_BASE - n] = (name, i)
        else:
            n += 1
            given[name] = _BASE - n
            where[_BASE - n] = (name, None)
    return given, where


def _compile(queryset: QuerySet, where: dict[int, tuple[str, int | None]],
             counting: bool = False) -> _Statement:
    if counting:  # the rows' ids only, without their order, counted around them
        queryset = queryset.order_by().values_list("pk")
    if queryset._iterable_class not in (ValuesIterable, ValuesListIterable):
        raise TypeError("prepared.rows: a values() or values_list() queryset")
    query = queryset.query
    compiler = query.get_compiler(queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet as empty:
        raise _Refused from empty
    if counting:
        sql = f"SELECT COUNT(*) FROM ({sql}) counted"
    places, seen = [], set()
    for i, value in enumerate(params):
        if type(value) is int and value in where:
            places.append((i, *where[value]))
            seen.add(value)
        elif isinstance(value, datetime.date | datetime.time | datetime.timedelta) or (
                isinstance(value, str) and _WHEN.match(value)):
            raise _Refused  # the clock: never frozen into a kept statement
    if seen != set(where):
        raise _Refused  # a stand-in changed on its way (not an integer column)
    if queryset._iterable_class is ValuesIterable:
        names = tuple(query.selected) if query.selected else (
            *query.extra_select, *query.values_select, *query.annotation_select)
    else:
        names = None
    converters = None
    if not counting:
        fields = [s[0] for s in compiler.select[:compiler.col_count]]
        if compiler.has_composite_fields(fields):
            raise _Refused  # (rows of a composite key: left to the ORM)
        converters = compiler.get_converters(fields)
    return _Statement(sql, tuple(params), tuple(places), compiler, names, counting, converters)


def _statements() -> OrderedDict:
    kept = getattr(_local, "statements", None)
    if kept is None:
        kept = _local.statements = OrderedDict()
    return kept


def rows(key: Hashable, build: Callable[..., QuerySet], **slots: int | list[int]) -> list:
    """The rows of ``build(**slots)`` (dicts for ``values()``, tuples for ``values_list()``),
    from a statement compiled once per ``key`` and list lengths. ``key``: everything ``build``
    reads besides ``slots`` (see the module's docstring)."""
    return _read(key, build, slots, counting=False)


def count(key: Hashable, build: Callable[..., QuerySet], **slots: int | list[int]) -> int:
    """``build(**slots).count()``, from a statement kept as ``rows`` keeps one."""
    return _read(key, build, slots, counting=True)


def _read(key: Hashable, build: Callable[..., QuerySet], slots: dict, *, counting: bool):
    slots = {k: list(v) if isinstance(v, list | tuple | set) else v for k, v in slots.items()}
    if any(isinstance(v, list) and not v for v in slots.values()):
        return build(**slots).count() if counting else list(build(**slots))
    shape = (key, counting, tuple((k, len(v) if isinstance(v, list) else None)
                                  for k, v in slots.items()))
    kept = _statements()
    statement = kept.get(shape)
    if statement is None or settings.DEBUG:
        given, where = _stand_ins(slots)
        try:
            fresh = _compile(build(**given), where, counting)
        except _Refused:
            return build(**slots).count() if counting else list(build(**slots))
        if statement is not None and (statement.sql, statement.params) != (fresh.sql,
                                                                            fresh.params):
            raise AssertionError(f"prepared.rows: key {key!r} misses an input of its queryset:"
                                 f"\n{statement.sql}\n{fresh.sql}")
        statement = statement or fresh
        kept[shape] = statement
        while len(kept) > LIMIT:
            kept.popitem(last=False)
    else:
        kept.move_to_end(shape)
    return _run(statement, slots)


def _run(statement: _Statement, slots: dict) -> list:
    params = list(statement.params)
    for i, name, index in statement.places:
        params[i] = slots[name] if index is None else slots[name][index]
    compiler = statement.compiler
    # This thread's connection now (the converters ask it, e.g. for its time zone).
    compiler.connection = connection = connections[compiler.using]
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, params)
        fetched = cursor.fetchall()
    if statement.counting:
        return fetched[0][0]
    width = compiler.col_count
    # Columns past col_count are the ordering's, added to the SELECT (as Django trims them).
    found = [row[:width] for row in fetched]
    if statement.converters:  # as compiler.results_iter, with the converters found once
        found = compiler.apply_converters(found, statement.converters)
    if statement.names is None:
        return [tuple(row) for row in found]
    names = statement.names
    return [dict(zip(names, row, strict=True)) for row in found]


def clear() -> None:
    """Forget this thread's statements (tests)."""
    _statements().clear()
