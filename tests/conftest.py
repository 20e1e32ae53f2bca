"""Shared fixtures: paths to the public documents in ../shared, users of each role."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browsers import find_chromium
from django.db.backends.signals import connection_created
from hypothesis import settings
from shared_docs import REPO, SHARED, shared_path  # noqa: F401 (re-exported)

# Property tests explore new random cases on a developer's machine; in CI (CI=true) they run a
# fixed sequence, so a red build is reproducible and a green one is not luck.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

def pytest_report_header(config) -> list[str]:
    """Say up front what the run has: the documents in ../shared, the database, the browser."""
    found = find_chromium()
    shared = str(SHARED) if SHARED.is_dir() else (
        f"absent ({SHARED}): tests that read the public documents are skipped")
    database = os.environ.get("DATABASE_URL", "").split("@")[-1] or "SQLite"
    return [f"luoshi: ../shared {shared}", f"luoshi: database {database}",
            f"luoshi: Chromium {found.path or '(none)'}: {found.source}"]


def _readers_take_no_table_locks(sender, connection, **kwargs) -> None:
    """The suite's SQLite database is Django's in-memory test database with a shared cache,
    where a reader in one thread meets another thread's write lock on a table as an immediate
    "database table is locked" (no busy timeout applies to it): a live-server page read while
    the job thread was writing failed so under load. A reader that takes no table locks
    (read_uncommitted, a shared-cache setting) never meets it; writers still lock each other
    and the job queue retries them. The file database luoshi runs on has no shared cache."""
    name = str(connection.settings_dict.get("NAME", ""))
    if connection.vendor == "sqlite" and "mode=memory" in name and "cache=shared" in name:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = 1")


connection_created.connect(_readers_take_no_table_locks)


# Users of each role (supervisor, leader, liaison_for, client_for …): tests/roles.py.
pytest_plugins = ["roles"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A test whose upload started the web process's job thread (LUOSHI_JOBS_INLINE, on in
    the suite's debug settings) waits for it before its fixtures' teardown empties the
    database (the hook runs before the fixtures' finalizers)."""
    from luoshi.jobs.queue import wait_inline

    wait_inline()
    yield


@pytest.fixture
def seed000() -> Path:
    return shared_path("seeds", "000_eb2b56e49a1860ea.txt")


@pytest.fixture
def seed004() -> Path:
    return shared_path("seeds", "004_fea78dcb383e1fba.txt")
