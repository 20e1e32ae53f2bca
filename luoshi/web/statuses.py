"""Derived statuses (``luoshi.core`` Assessment: one per report and top-level task).

The task list filters and shows them, the dashboard charts them. The index row of a task in
a report carries that report's status; the task's own row its status in its latest report.
"""

from __future__ import annotations

from luoshi.core.models import Assessment
from luoshi.vocab import STATUS_LABELS, Status

STATUS_CHOICES = [(s.value, STATUS_LABELS[s]) for s in Status]


def statuses_available() -> bool:
    """True once any report has been analysed."""
    return Assessment.objects.exists()


def status_label(value: str) -> str:
    try:
        return STATUS_LABELS[Status(value)]
    except ValueError:
        return ""
