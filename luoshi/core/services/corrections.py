"""People's corrections of the derived analysis: a status, a target, a measurement.

    correct_status(report, task, "behind", "…", user=u, expected_version=a.version)
    correct_target(target, user=u, expected_version=t.version, value=50)   # or active=False
    add_target(task, user=u, metric="…", comparator=">=", value=40, unit="亿元")
    correct_measurement(m, user=u, reason="…", value=12.5)                 # or target=…

Corrections win: a manual assessment keeps its status and reason (re-analysis only refreshes
``derived_*``); a corrected or removed target is never overwritten or brought back; a
measurement's correction is kept apart and applied by every analysis before the status is
decided (the verdict follows the corrected figure). A correction with a
stale ``expected_version`` raises ``StaleVersion`` and changes nothing; every correction writes
a ``Change`` row (who, when, why) and re-analyses what it touches.

Every form of correction (web, API, CLI) checks its reason with ``clean_reason`` (one rule for
its length and emptiness), and so do the services here.
"""

from __future__ import annotations

import math
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from luoshi.core.models import (
    Assessment,
    Change,
    Measurement,
    MeasurementCorrection,
    Report,
    Target,
    Task,
)
from luoshi.core.models.analysis import Source
from luoshi.core.services.analysis import COMPARATORS, _analyze
from luoshi.extract.rules import TARGET_KINDS
from luoshi.vocab import Status

MAX_REASON = 2000  # characters of a correction's reason, after stripping


def clean_reason(reason: str | None, *, required: bool = True) -> str:
    """A correction's reason as every form takes it (web, API, CLI and the services below):
    stripped of surrounding space; refused, never cut, when longer than ``MAX_REASON``; refused
    when empty if ``required``. ``ValueError`` with a Chinese message naming what is wrong."""
    text = (reason or "").strip()
    if required and not text:
        raise ValueError("请填写修正理由")
    if len(text) > MAX_REASON:
        raise ValueError(f"理由不能超过{MAX_REASON}字(现为{len(text)}字)")
    return text


class StaleVersion(Exception):
    """Someone else changed the object since it was read: the correction was not saved."""

    def __init__(self, what: str, expected: int, current: int):
        self.what, self.expected, self.current = what, expected, current
        super().__init__(
            f"{what} was changed by someone else (version {current}, you edited version "
            f"{expected}); nothing was saved — reload and apply your change again"
        )


def correct_status(report: Report, task: Task, status: str, reason: str, *, user,
                   expected_version: int) -> Assessment:
    """A person sets the status (and why). Wins over re-analysis until ``revert_status``."""
    status = Status(status).value  # ValueError for an unknown status
    reason = clean_reason(reason, required=False)
    return _update_assessment(report, task, user, expected_version,
                              {"status": status, "reason": reason, "source": Source.MANUAL})


def revert_status(report: Report, task: Task, *, user, expected_version: int) -> Assessment:
    """Drop a person's correction: the status is again what analysis derives."""
    a = Assessment.objects.get(report=report, task=task)
    return _update_assessment(report, task, user, expected_version, {
        "status": a.derived_status, "reason": a.derived_reason, "evidence": a.derived_evidence,
        "source": Source.DERIVED})


def _update_assessment(report: Report, task: Task, user, expected: int,
                       values: dict[str, Any]) -> Assessment:
    with transaction.atomic():
        a = Assessment.objects.select_for_update().get(report=report, task=task)
        if a.version != expected:
            raise StaleVersion(f"the status of task {task.serial or task.pk}", expected, a.version)
        diff = {k: [getattr(a, k), v] for k, v in values.items()
                if k != "evidence" and getattr(a, k) != v}
        # The conditional update is the real check: two saves of one version, one wins.
        n = Assessment.objects.filter(pk=a.pk, version=expected).update(
            **values, version=F("version") + 1, updated_by=user, updated_at=timezone.now())
        if n != 1:
            raise StaleVersion(f"the status of task {task.serial or task.pk}", expected,
                               expected + 1)
        Change.objects.create(model="assessment", object_id=a.pk, action=Change.Action.UPDATE,
                              fields=diff | {"report": report.pk, "task": task.pk}, user=user)
        a.refresh_from_db()
        return a


TARGET_FIELDS = ("metric", "comparator", "value", "value_max", "unit", "active", "kind")


def _check_target_values(values: dict[str, Any]) -> None:
    if "comparator" in values and values["comparator"] not in COMPARATORS:
        raise ValueError(f"comparator {values['comparator']!r}: use one of {', '.join(COMPARATORS)}")
    if values.get("kind") and values["kind"] not in TARGET_KINDS:
        raise ValueError(f"kind {values['kind']!r}: use one of {', '.join(TARGET_KINDS)}")
    for k in ("value", "value_max"):
        _check_number(k, values.get(k))


def _check_number(name: str, v: Any) -> None:
    if v is not None and (not isinstance(v, int | float) or not math.isfinite(v)):
        raise ValueError(f"{name} must be a finite number, not {v!r}")


def correct_target(target: Target, *, user, expected_version: int, reason: str = "",
                   **values: Any) -> Target:
    """A person corrects a target (metric, comparator, value, value_max, unit) or removes it
    (``active=False``). The row turns manual and re-analysis keeps it. Statuses of the task's
    reports are re-derived with the corrected targets."""
    unknown = set(values) - set(TARGET_FIELDS)
    if unknown:
        raise ValueError(f"cannot correct {', '.join(sorted(unknown))} of a target")
    _check_target_values(values)
    reason = clean_reason(reason, required=False)
    with transaction.atomic():
        row = Target.objects.select_for_update().get(pk=target.pk)
        if row.version != expected_version:
            raise StaleVersion(f"target #{row.pk}", expected_version, row.version)
        diff = {k: [getattr(row, k), v] for k, v in values.items() if getattr(row, k) != v}
        derived = row.derived
        if row.source == Source.DERIVED:
            derived = {k: getattr(row, k) for k in
                       ("metric", "comparator", "value", "value_max", "unit", "span", "start",
                        "end", "kind", "column", "due_share", "origin")}
        n = Target.objects.filter(pk=row.pk, version=expected_version).update(
            **values, source=Source.MANUAL, derived=derived, version=F("version") + 1,
            corrected_by=user, corrected_at=timezone.now())
        if n != 1:
            raise StaleVersion(f"target #{row.pk}", expected_version, expected_version + 1)
        extra = {"task": row.task_id} | ({"reason": reason} if reason else {})
        Change.objects.create(model="target", object_id=row.pk, action=Change.Action.UPDATE,
                              fields=diff | extra, user=user)
        _reanalyze_task(row.task_id)
        row.refresh_from_db()
        return row


def add_target(task: Task, *, user, metric: str, comparator: str, value: float,
               unit: str = "", value_max: float | None = None) -> Target:
    """A target the analysis missed, added by a person."""
    values = {"metric": metric, "comparator": comparator, "value": value, "unit": unit,
              "value_max": value_max}
    _check_target_values(values)
    with transaction.atomic():
        position = (Target.objects.filter(task=task).order_by("-position")
                    .values_list("position", flat=True).first() or 0) + 1
        row = Target.objects.create(task=task, position=position, source=Source.MANUAL,
                                    corrected_by=user, corrected_at=timezone.now(), **values)
        Change.objects.create(model="target", object_id=row.pk, action=Change.Action.CREATE,
                              fields=values | {"task": task.pk}, user=user)
        _reanalyze_task(task.pk)
        return row


def _reanalyze_task(task_id: int) -> None:
    for report in Report.objects.filter(assessments__task_id=task_id).select_related("period"):
        _analyze(report, {task_id})


# -- measurements ------------------------------------------------------------------------------


_NO_CHANGE = object()


def correct_measurement(measurement: Measurement, *, user, reason: str = "",
                        value: float | None = None, target: Any = _NO_CHANGE,
                        active: bool = True) -> MeasurementCorrection:
    """A person corrects a derived measurement: its ``value``, the ``target`` it measures
    (a Target of the same task, or None for none), or ``active=False`` (not a measurement).
    Kept apart, applied by every analysis before the status is decided; recorded in the
    history."""
    _check_number("value", value)
    reason = clean_reason(reason, required=False)
    if target is not _NO_CHANGE and target is not None and target.task_id != measurement.task_id:
        raise ValueError(f"target #{target.pk} belongs to another task")
    m = measurement
    with transaction.atomic():
        where = {"report_id": m.report_id, "progress_id": m.progress_id, "field": m.field,
                 "start": m.start, "end": m.end}
        # A later correction of the same figure adds to the earlier one (a value, then a match).
        prior = MeasurementCorrection.objects.select_for_update().filter(**where).first()
        value_given, target_given = value is not None, target is not _NO_CHANGE
        if value is None and prior is not None:
            value = prior.value
        set_target = target is not _NO_CHANGE or (prior is not None and prior.set_target)
        if target is _NO_CHANGE:
            target = prior.target if prior is not None and prior.set_target else None
        fix, _ = MeasurementCorrection.objects.update_or_create(
            **where,
            defaults={"task_id": m.task_id, "span": m.span, "value": value, "target": target,
                      "set_target": set_target, "active": active,
                      "reason": reason, "corrected_by": user})
        fields: dict[str, Any] = {"task": m.task_id, "report": m.report_id, "span": m.span}
        if value_given:
            fields["value"] = [m.value, value]
        if target_given:
            fields["target"] = [m.target_id, getattr(target, "pk", None)]
        if not active:
            fields["active"] = [True, False]
        if fix.reason:
            fields["reason"] = fix.reason
        Change.objects.create(model="measurement", object_id=fix.pk, action=Change.Action.UPDATE,
                              fields=fields, user=user)
        _analyze(Report.objects.select_related("period").get(pk=m.report_id), {m.task_id})
        return fix
