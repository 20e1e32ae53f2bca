"""Derived statuses, when the core provides them (issue 4 adds status models).

The task list's status filter and the dashboard's status charts read ``TaskEntry.status``;
until statuses are derived and copied there, the pages leave those parts out.
"""

from __future__ import annotations

from luoshi.search.models import TaskEntry
from luoshi.vocab import STATUS_LABELS, Status

STATUS_CHOICES = [(s.value, STATUS_LABELS[s]) for s in Status]


def statuses_available() -> bool:
    """True once any index row carries a derived status."""
    return TaskEntry.objects.exclude(status="").exists()
