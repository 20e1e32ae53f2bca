"""Pages of API lists: ``limit`` and ``offset`` as DRF has them, with a ceiling on ``limit`` (an
unbounded one reached the database as a number SQLite cannot hold: a server error)."""

from __future__ import annotations

from rest_framework.pagination import LimitOffsetPagination

MAX_LIMIT = 1000


class Pages(LimitOffsetPagination):
    max_limit = MAX_LIMIT
