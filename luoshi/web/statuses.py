"""Derived statuses (``luoshi.core`` Assessment: one per report and top-level task).

The task list filters and shows them, the dashboard charts them. The index row of a task in
a report carries that report's status; the task's own row its status in its latest report.
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_lazy

from luoshi.core.models import Assessment
from luoshi.vocab import STATUS_LABELS, Status

# Menus in the page's language: decided when the menu is shown (luoshi.vocab keeps the labels
# as data, in Chinese, marked for the catalog).
STATUS_CHOICES = [(s.value, gettext_lazy(STATUS_LABELS[s])) for s in Status]


def statuses_available() -> bool:
    """True once any report has been analysed."""
    return Assessment.objects.exists()


def status_label(value: str) -> str:
    """The label as data (Chinese, for CSV and documents); ``shown_status`` on a page."""
    try:
        return STATUS_LABELS[Status(value)]
    except ValueError:
        return ""


def shown_status(value: str) -> str:
    """The label of a status value in the page's language (滞后 / Behind); empty for none."""
    label = status_label(value)
    return gettext(label) if label else ""
