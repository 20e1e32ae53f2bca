"""Module-scoped imported seeds for the analysis tests: imported once, rolled back at the end.

Each test still runs in its own savepoint (pytest-django's ``django_db``), so what one test
corrects never leaks into the next.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.db import transaction

from luoshi.core.services.importing import import_document


@contextmanager
def imported(django_db_blocker, *docs):
    """Import ``(doc, file_name)`` pairs in a transaction that is rolled back afterwards."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield [import_document(doc, file_name=name) for doc, name in docs]
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
