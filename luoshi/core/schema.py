"""Bring the database schema up to date, so that commands work on a fresh SQLite file."""

from __future__ import annotations


def pending_migrations() -> int:
    """How many migrations the database lacks."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def ensure_migrated() -> bool:
    """Apply pending migrations (quietly). Returns whether any were applied."""
    from django.core.management import call_command

    if not pending_migrations():
        return False
    call_command("migrate", interactive=False, verbosity=0)
    return True
