"""Reads from a read replica, writes to the primary, without reading stale data after a write.

Active when ``DATABASE_REPLICA_URL`` is set (luoshi/settings.py adds the ``replica`` alias and
this router). A replica lags its primary by a little, so the rules are:

- every write goes to the primary (``default``);
- a read goes to the primary when it must see the primary's state:
  - inside a transaction on the primary (a read that decides a write: version checks,
    imports, the index rebuilt from the rows just saved);
  - once the current request (or, outside requests, the current thread) has written — the
    next page of the same request must not miss what it saved a moment ago;
  - for the apps in ``PRIMARY_APPS``: the session row written at sign-in is read by the very
    next request, which may come before the replica has it;
- every other read goes to the replica.

Writes made with a raw ``connection.cursor()`` do not pass through a router: code that does so
must use ``transaction.atomic()`` around the reads that follow it. Migrations run on the
primary only; the replica receives them by replication.
"""

from __future__ import annotations

import threading
from typing import Any

from django.core.signals import request_started
from django.db import connections

PRIMARY = "default"
REPLICA = "replica"
PRIMARY_APPS = frozenset({"sessions"})

_state = threading.local()


def _new_request(**kwargs: Any) -> None:
    _state.wrote = False


request_started.connect(_new_request, dispatch_uid="luoshi.dbrouter.request_started")


def wrote_in_this_request() -> bool:
    return getattr(_state, "wrote", False)


class ReplicaRouter:
    """Django database router: see the module's docstring for the rules."""

    def db_for_read(self, model: type, **hints: Any) -> str:
        if (model._meta.app_label in PRIMARY_APPS or wrote_in_this_request()
                or connections[PRIMARY].in_atomic_block):
            return PRIMARY
        return REPLICA

    def db_for_write(self, model: type, **hints: Any) -> str:
        _state.wrote = True
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # Both aliases hold the same rows: an object read from the replica may point at one
        # read from the primary.
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY
