"""Keep the index in step with the core models.

Changes mark tasks and reports as dirty; their rows are rebuilt once, when the transaction
commits (at once in autocommit). So a dry-run import or a failed one, rolled back, costs
nothing and leaves the index as it was, and deleting a plan does not rebuild rows of tasks
about to disappear.

- An import: the importer writes in bulk (no per-row signals) and saves its ``ImportBatch``
  last, with its counts; that marks the report.
- A task, sub-item, unit link or progress entry saved or deleted one by one (admin, forms):
  marks its task.
- A status corrected by a person: marks its task.
- A report moved to another period, a unit renamed: the columns copied from them, at once.
"""

from __future__ import annotations

import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from luoshi.core.models import (
    Assessment,
    Change,
    ImportBatch,
    Progress,
    Report,
    Target,
    Task,
    TaskUnit,
    Unit,
)
from luoshi.search.indexing import reindex_report, reindex_tasks
from luoshi.search.models import TaskEntry

UID = "luoshi.search"
_local = threading.local()


def _dirty() -> tuple[set[int], set[int]]:
    if not hasattr(_local, "tasks"):
        _local.tasks, _local.reports = set(), set()
    return _local.tasks, _local.reports


def mark(*, tasks: tuple[int | None, ...] = (), reports: tuple[int | None, ...] = ()) -> None:
    """Rebuild the rows of these tasks / reports when the current transaction commits."""
    dirty_tasks, dirty_reports = _dirty()
    dirty_tasks.update(t for t in tasks if t)
    dirty_reports.update(r for r in reports if r)
    transaction.on_commit(flush)


def flush() -> None:
    """Rebuild what is marked. Marks left by a rolled-back transaction are rebuilt too, which
    is harmless: rebuilding is idempotent and skips what no longer exists."""
    dirty_tasks, dirty_reports = _dirty()
    if not dirty_tasks and not dirty_reports:
        return
    tasks, reports = set(dirty_tasks), set(dirty_reports)
    dirty_tasks.clear()
    dirty_reports.clear()
    for report_id in sorted(reports):
        reindex_report(report_id)
    if tasks:
        reindex_tasks(tasks)


def on_import(sender, instance: ImportBatch, created: bool, update_fields=None, raw=False,
              **kwargs) -> None:
    # The importer creates the batch before writing tasks and saves it again with its counts
    # once everything is written; marking on either is enough, the rebuild runs at commit.
    if not raw and instance.report_id is not None:
        mark(reports=(instance.report_id,))


def on_task(sender, instance: Task, raw=False, **kwargs) -> None:
    if not raw:
        mark(tasks=(instance.parent_id or instance.pk,))


def on_task_unit(sender, instance: TaskUnit, raw=False, **kwargs) -> None:
    if not raw:
        mark(tasks=(instance.task_id,))


def on_progress(sender, instance: Progress, raw=False, **kwargs) -> None:
    if not raw:
        mark(tasks=(instance.task_id,))


def on_assessment(sender, instance: Assessment, raw=False, **kwargs) -> None:
    # A status corrected by a person (saved one by one). Analysis writes in bulk during
    # imports, which the import hook covers; after a bulk re-analysis run ``reindex``.
    if not raw:
        mark(tasks=(instance.task_id,))


def on_change(sender, instance: Change, created: bool, raw=False, **kwargs) -> None:
    # Status and target corrections are conditional UPDATEs (no model signal) that record a
    # Change: the history tells which task to refresh.
    if raw or not created:
        return
    if instance.model == "assessment":
        mark(tasks=(instance.fields.get("task"),) if isinstance(instance.fields, dict) else ())
    elif instance.model == "target":
        task_id = Target.objects.filter(pk=instance.object_id).values_list("task_id", flat=True)
        mark(tasks=tuple(task_id))


def on_report(sender, instance: Report, created: bool, raw=False, **kwargs) -> None:
    if raw or created:
        return
    TaskEntry.objects.filter(report=instance).exclude(period_id=instance.period_id).update(
        period_id=instance.period_id
    )


def on_unit(sender, instance: Unit, created: bool, raw=False, **kwargs) -> None:
    if raw or created:
        return
    TaskEntry.objects.filter(lead_unit=instance).exclude(lead_name=instance.name).update(
        lead_name=instance.name[:200]
    )


def connect() -> None:
    post_save.connect(on_import, sender=ImportBatch, dispatch_uid=f"{UID}.import")
    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(on_task, sender=Task, dispatch_uid=f"{UID}.task.{name}")
        signal.connect(on_task_unit, sender=TaskUnit, dispatch_uid=f"{UID}.task_unit.{name}")
        signal.connect(on_progress, sender=Progress, dispatch_uid=f"{UID}.progress.{name}")
        signal.connect(on_assessment, sender=Assessment,
                       dispatch_uid=f"{UID}.assessment.{name}")
    post_save.connect(on_change, sender=Change, dispatch_uid=f"{UID}.change")
    post_save.connect(on_report, sender=Report, dispatch_uid=f"{UID}.report")
    post_save.connect(on_unit, sender=Unit, dispatch_uid=f"{UID}.unit")
