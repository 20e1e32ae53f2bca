"""Keep the index in step with the core models.

Changes mark tasks and reports as dirty; their rows are rebuilt once, when the transaction
commits (at once in autocommit). So a dry-run import or a failed one, rolled back, costs
nothing and leaves the index as it was, and deleting a plan does not rebuild rows of tasks
about to disappear.

The rule for writers. The index copies task texts and units, entry texts and statuses. It
follows the records a writer of those must leave anyway, so no writer calls the index itself:

- an import writes in bulk (no per-row signals) and, inside its transaction, sends
  ``report_imported``: the report's rows are written then and there (not at commit), so a
  process killed after the commit cannot leave a committed report unindexed; a file found
  already imported sends it with ``repair=True``, which rebuilds only rows found missing.
  ``luoshi check`` compares the index with the data and ``--fix`` repairs it;
- a person's change writes a ``Change`` row (the history, issue 6), including the conditional
  UPDATEs with a version check that fire no model signal: an entry saved in a round
  (``progress``), a status or target corrected (``assessment``, ``target``), a round opened
  (``report``: its new rows); the row tells which task or report to refresh;
- analysis (``luoshi.core.services.analysis``) writes statuses in bulk with no history: it
  sends ``statuses_changed`` with the tasks whose status moved (``luoshi analyze``, a round's
  re-analysis, a target correction's);
- a task, sub-item, unit link, progress entry or assessment saved or deleted one by one
  (admin, forms) sends Django's model signals: marks its task;
- a report moved to another period, a unit renamed: the columns copied from them, at once.

A new writer that changes indexed data in bulk and leaves none of these records must call
``mark(tasks=…)`` or ``mark(reports=…)`` itself, inside its transaction. ``luoshi reindex``
rebuilds everything from scratch.
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
from luoshi.core.services.analysis import statuses_changed
from luoshi.core.services.importing import report_imported
from luoshi.search.indexing import index_gaps, reindex_report, reindex_tasks
from luoshi.search.models import TaskEntry

UID = "luoshi.search"
# More tasks than this changed in one report: rebuild the report's rows in one go (and keep
# the task ids out of an IN list).
WHOLE_REPORT = 200
_local = threading.local()


def _dirty() -> tuple[set[int], set[int], dict[int, set[int]]]:
    if not hasattr(_local, "tasks"):
        _local.tasks, _local.reports, _local.in_report = set(), set(), {}
    return _local.tasks, _local.reports, _local.in_report


def mark(
    *,
    tasks: tuple[int | None, ...] = (),
    reports: tuple[int | None, ...] = (),
    in_report: int | None = None,
) -> None:
    """Rebuild the rows of these tasks / reports when the current transaction commits.

    ``in_report``: the tasks changed only as far as that report goes (a status derived for
    it); when the report is rebuilt anyway (an import), they need nothing more."""
    dirty_tasks, dirty_reports, dirty_in_report = _dirty()
    if in_report is not None:
        dirty_in_report.setdefault(in_report, set()).update(t for t in tasks if t)
    else:
        dirty_tasks.update(t for t in tasks if t)
    dirty_reports.update(r for r in reports if r)
    transaction.on_commit(flush)


def flush() -> None:
    """Rebuild what is marked. Marks left by a rolled-back transaction are rebuilt too, which
    is harmless: rebuilding is idempotent and skips what no longer exists."""
    dirty_tasks, dirty_reports, dirty_in_report = _dirty()
    if not dirty_tasks and not dirty_reports and not dirty_in_report:
        return
    tasks, reports = set(dirty_tasks), set(dirty_reports)
    for report_id, ids in dirty_in_report.items():
        if report_id not in reports:  # a report rebuilt below covers its own rows
            tasks |= ids
    dirty_tasks.clear()
    dirty_reports.clear()
    dirty_in_report.clear()
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


def on_report_imported(sender, report_id: int | None, repair: bool = False, **kwargs) -> None:
    """The import's report, indexed inside the import's own transaction (``repair``: only when
    its rows are found missing); the rebuild marked for commit is then not needed."""
    if report_id is None:
        return
    if not repair or index_gaps([report_id]):
        reindex_report(report_id)
    _, dirty_reports, dirty_in_report = _dirty()
    dirty_reports.discard(report_id)
    dirty_in_report.pop(report_id, None)


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
    # A status saved one by one (admin). Analysis writes in bulk: ``on_statuses``.
    if not raw:
        mark(tasks=(instance.task_id,))


def on_statuses(sender, report: Report, task_ids: set[int], **kwargs) -> None:
    if len(task_ids) > WHOLE_REPORT:
        mark(reports=(report.pk,))
    else:
        mark(tasks=tuple(task_ids), in_report=report.pk)


def on_change(sender, instance: Change, created: bool, raw=False, **kwargs) -> None:
    # Conditional UPDATEs (version checks) fire no model signal but record a Change: the
    # history tells what to refresh. Bulk-created history (imports) sends nothing here.
    if raw or not created:
        return
    fields = instance.fields if isinstance(instance.fields, dict) else {}
    if instance.model in ("progress", "round_entry"):
        # round_entry: an entry submitted, returned or approved is filed or not any more, and
        # the index holds filed text only (luoshi.rounds.permissions.filed_q); object_id is
        # the entry's.
        task_id = Progress.objects.filter(pk=instance.object_id).values_list("task_id", flat=True)
        mark(tasks=tuple(task_id))
    elif instance.model == "assessment":
        mark(tasks=(fields.get("task"),))
    elif instance.model == "target":
        task_id = Target.objects.filter(pk=instance.object_id).values_list("task_id", flat=True)
        mark(tasks=tuple(task_id))
    elif instance.model == "report":
        mark(reports=(instance.object_id,))


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
    report_imported.connect(on_report_imported, dispatch_uid=f"{UID}.imported")
    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(on_task, sender=Task, dispatch_uid=f"{UID}.task.{name}")
        signal.connect(on_task_unit, sender=TaskUnit, dispatch_uid=f"{UID}.task_unit.{name}")
        signal.connect(on_progress, sender=Progress, dispatch_uid=f"{UID}.progress.{name}")
        signal.connect(on_assessment, sender=Assessment,
                       dispatch_uid=f"{UID}.assessment.{name}")
    post_save.connect(on_change, sender=Change, dispatch_uid=f"{UID}.change")
    statuses_changed.connect(on_statuses, sender=Report, dispatch_uid=f"{UID}.statuses")
    post_save.connect(on_report, sender=Report, dispatch_uid=f"{UID}.report")
    post_save.connect(on_unit, sender=Unit, dispatch_uid=f"{UID}.unit")
