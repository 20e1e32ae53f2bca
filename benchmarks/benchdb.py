"""Shared start of the database benchmarks: Django set up on a throw-away SQLite database in a
temporary directory, or on DATABASE_URL (e.g. under tests/pgserver.py), migrated.

    import benchdb
    connection = benchdb.setup("luoshi-bench-")   # before importing luoshi.core …
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def setup(prefix: str = "luoshi-bench-", *, keep_data_dir: bool = False) -> Any:
    """Configure and migrate; returns Django's connection. With ``keep_data_dir`` an existing
    LUOSHI_DATA_DIR is used as it is (to reuse a large generated set)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    reuse = keep_data_dir and os.environ.get("LUOSHI_DATA_DIR")
    if not os.environ.get("DATABASE_URL") and not reuse:
        os.environ["LUOSHI_DATA_DIR"] = tempfile.mkdtemp(prefix=prefix)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    return connection


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    """(seconds, value) of one call."""
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value
