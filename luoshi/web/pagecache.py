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

Whole pages for anonymous readers (``whole_page``, a view decorator). What an anonymous reader
is shown depends only on the data, the language and the address: they all share one scope
(the public's), the site header shows them no name, no count and no form, and nothing of a
session. So a decorated view's whole answer (status, the view's own headers, body) is kept
under the data version, the language and the full address (scheme, host, path and query),
and a hit skips the view and its template. Asked only for GET/HEAD by a reader who is not
signed in and has no message waiting (the header would show it); kept only when building it
left no trace on the request or the response that the next reader must not get: a 200, not
streamed, no cookie set, no CSRF token handed out (a form), no CSP nonce used, the session
and the messages untouched, no ``Cache-Control`` of private or no-store. The middleware still
runs around a hit (security headers, Vary, the language's header), as around the view.

Keys. Fragments that depend on who is looking are keyed by ``luoshi.web.access.scope_key``
(users with the same key see the same rows); the caller decides what goes in the key, except
the language: every fragment may hold words (a label, a menu's "2022年半年度"), so ``cached``
always adds the active language itself — a fragment built for an English reader is never
served to a Chinese one, whatever key its caller wrote.
"""

from __future__ import annotations

import functools
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
from django.http import HttpRequest, HttpResponse
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
    full = _full_key(version, key)
    pages = caches[CACHE]
    value = pages.get(full, _MISSING)
    if value is _MISSING:
        value = build()
        pages.set(full, value, TIMEOUT)
    return value


def _full_key(version: int, key: str) -> str:
    # Hashed: a key may hold any query string (cache backends want short, plain keys).
    key = f"{get_language()}:{key}"
    return f"luoshi:{version}:{hashlib.sha256(key.encode()).hexdigest()}"


def whole_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """``view``'s whole answer kept for anonymous readers (see the module's docstring). Only
    for a view whose anonymous answer depends on nothing but the data, the language and the
    address."""

    @functools.wraps(view)
    def serve(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        version = current() if _anonymous_reader(request) else None
        if version is None:
            return view(request, *args, **kwargs)
        full = _full_key(version, f"page:{request.scheme}://{request.get_host()}"
                                  f"{request.get_full_path()}")
        pages = caches[CACHE]
        kept = pages.get(full)
        if kept is not None:
            status, headers, body = kept
            response = HttpResponse(body, status=status)
            for name, value in headers:
                response.headers[name] = value
            return response
        response = view(request, *args, **kwargs)
        if _storable(request, response):
            pages.set(full, (response.status_code, list(response.headers.items()),
                             response.content), TIMEOUT)
        return response

    return serve


def _anonymous_reader(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    return messages is None or len(messages) == 0  # loads them; does not mark them read


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # a form's token was handed out
        return False
    if getattr(request, "_csp_nonce", None) is not None:  # named in this response's header
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages.added_new or messages.used):
        return False
    control = response.headers.get("Cache-Control", "").lower()
    return "private" not in control and "no-store" not in control


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
