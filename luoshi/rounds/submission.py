"""Checks run when a liaison submits an entry: warnings they must acknowledge."""

from __future__ import annotations

from luoshi.core.models import Progress, Target, Task
from luoshi.extract import measurements as measure
from luoshi.extract.status import is_boilerplate
from luoshi.extract.targets import extract_targets


def task_targets(task: Task) -> list[Target]:
    """The task's active numeric targets as stored by the analysis; unsaved ones derived from
    the text when the task was never analysed (they have no id)."""
    stored = list(Target.objects.filter(task=task, active=True))
    if stored or Target.objects.filter(task=task).exists():
        return stored
    return [Target(task=task, metric=t.metric, comparator=t.comparator, value=t.value,
                   unit=t.unit, span=t.span.text) for t in extract_targets(task.text)]


def has_figure(text: str) -> bool:
    candidates, ratios = measure.scan(text)
    return bool(candidates or ratios)


def submission_warnings(progress: Progress) -> list[dict]:
    warnings = []
    done = progress.done.strip()
    if is_boilerplate(done):
        warnings.append({"code": "boilerplate",
                         "message": "完成情况只有套话(如“按计划推进”),没有具体进展"})
    targets = task_targets(progress.task)
    if targets:
        reported = progress.reported_values.exclude(value=None).exists() if progress.pk else False
        if not reported and not has_figure(done):
            wanted = "、".join(f"{t.metric or '目标'}{t.value:g}{t.unit}" for t in targets[:3])
            warnings.append({"code": "no_figure",
                             "message": f"任务有量化目标({wanted}),但未填报数字"})
    return warnings
