"""Page fragments cached by a data version that every write bumps.

The rule: a cached fragment is stored under the data version read *before* it was built, and
read only under the current version. Every statement that writes to the database through
Django (model saves and deletes, ``bulk_create``, ``QuerySet.update``, raw SQL on Django's
cursors — imports, analysis, corrections, round entries and approvals, publishing, the admin)
passes one database hook installed here, which gives the version a new random token when the
write commits (at once in autocommit). No writer has to remember to invalidate anything: the
hook is the one place.

Why nothing stale is served. The new token is written right after the commit, in the writer's
own request, before its response: whoever learned of a write (its author, anyone told of it)
asks afterwards and finds the new token. A request that reads the token in the instant
between another request's commit and its bump is concurrent with that write and gets the
state before it, as it could have by arriving a moment earlier. A request whose own
transaction has written and not yet committed (a test's transaction; a view inside
``atomic``) does not use the cache at all: it must see its own writes.

Not seen by the hook: writes that bypass Django's cursor (psql, a restored backup). After
those, ``luoshi.web.pagecache.bump()`` (or any later write through Django) makes the caches
start afresh. The project's own ``COPY`` (``core.services.rows``, the bulk paths) bypasses it
too and says so with the ``rows_copied`` signal, which counts as a write here.

Switched off with ``LUOSHI_PAGE_CACHE=0`` (settings): ``current`` is then None and every
fragment is built afresh — what a page costs the first time after a write.

Keys. Fragments that depend on who is looking are keyed by ``luoshi.web.access.scope_key``
(users with the same key see the same rows); the caller decides what goes in the key, except
the language: every fragment may hold words (a label, a menu's "2022年半年度"), so ``cached``
always adds the active language itself — a fragment built for an English reader is never
served to a Chinese one, whatever key its caller wrote.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

T = TypeVar("T")
TABLE = "web_dataversion"
CACHE = "pages"  # settings.CACHES: shared by the server's processes
TIMEOUT = 3600  # seconds; a version rarely lives that long on a busy system anyway
_WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|TRUNCATE|COPY)\b", re.IGNORECASE)
# Writes that change nothing a page shows: the version itself, sessions (a login, a flash
# message). The table name comes within the first words of these statements.
_IGNORED = (TABLE, "django_session")
_MISSING = object()


def _is_write(sql: str) -> bool:
    if not isinstance(sql, str) or not _WRITE.match(sql):
        return False
    head = sql[:200]
    return not any(name in head for name in _IGNORED)


def _hook(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if _is_write(sql):
        written(context["connection"])
    return result


def written(connection: BaseDatabaseWrapper) -> None:
    """Note a write on ``connection``: bump when it commits (now, in autocommit)."""
    if not connection.in_atomic_block:
        _bump(connection)
        return
    connection.luoshi_unbumped = True
    callback = getattr(connection, "luoshi_bump", None)
    if callback is None:
        alias = connection.alias
        callback = connection.luoshi_bump = lambda: _bump(connections[alias])
    if not any(entry[1] is callback for entry in connection.run_on_commit):
        transaction.on_commit(callback, using=connection.alias)


def _bump(connection: BaseDatabaseWrapper) -> None:
    token = secrets.randbits(62)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {TABLE} SET token = %s WHERE id = 1", [token])
            if cursor.rowcount == 0:
                cursor.execute(f"INSERT INTO {TABLE} (id, token) VALUES (1, %s)", [token])
    except DatabaseError:
        # No table yet (a migration running before this app's): no fragment can be cached
        # either (``current`` reads None), so there is nothing to invalidate.
        if connection.in_atomic_block:
            raise
    connection.luoshi_unbumped = False


def bump(using: str = "default") -> None:
    """A new data version now (after writes the hook cannot see)."""
    _bump(connections[using])


def current(using: str | None = None) -> int | None:
    """The data version, or None when caches must not be used: no version yet, or this
    connection holds writes not committed yet. Read where the data is read (a read replica
    gives the version of the rows it has)."""
    from luoshi.web.models import DataVersion

    if not settings.LUOSHI_PAGE_CACHE:  # switched off: every fragment is built afresh
        return None
    connection = connections[using or router.db_for_read(DataVersion)]
    if connection.in_atomic_block and getattr(connection, "luoshi_unbumped", False):
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT token FROM {TABLE} WHERE id = 1")
            row = cursor.fetchone()
    except DatabaseError:
        if connection.in_atomic_block:
            raise
        return None
    return row[0] if row else None


def cached(key: str, build: Callable[[], T], *, version: int | object | None = _MISSING) -> T:
    """``build()``, kept under ``key`` for the current data version. ``version``: the version
    the caller read before reading any data (one read for several fragments)."""
    version = current() if version is _MISSING else version
    if version is None or not settings.LUOSHI_PAGE_CACHE:
        return build()
    # Hashed: a key may hold any query string (cache backends want short, plain keys).
    key = f"{get_language()}:{key}"
    full = f"luoshi:{version}:{hashlib.sha256(key.encode()).hexdigest()}"
    pages = caches[CACHE]
    value = pages.get(full, _MISSING)
    if value is _MISSING:
        value = build()
        pages.set(full, value, TIMEOUT)
    return value


def render_parts(request, name: str, context: dict,
                 parts: tuple[str, ...] = ("title", "breadcrumbs", "content")) -> dict:
    """A page's parts below the site header (templates ``{name}_{part}.html``), rendered to
    strings that can be cached; the page's template puts them in its blocks."""
    return {part: mark_safe(render_to_string(f"{name}_{part}.html", context, request).strip())
            for part in parts}  # rendered with autoescape: safe, and still so once stripped


def install(connection: BaseDatabaseWrapper, **kwargs) -> None:
    """Hook every database connection (``connection_created``)."""
    if _hook not in connection.execute_wrappers:
        connection.execute_wrappers.append(_hook)


def _copied(sender, connection: BaseDatabaseWrapper, **kwargs) -> None:
    written(connection)


def connect() -> None:
    from luoshi.core.services.rows import rows_copied

    connection_created.connect(install, dispatch_uid="luoshi.web.pagecache")
    rows_copied.connect(_copied, dispatch_uid="luoshi.web.pagecache.copy")
    for connection in connections.all(initialized_only=True):
        install(connection)
