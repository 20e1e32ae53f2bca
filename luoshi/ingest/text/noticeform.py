"""A notice's own form read as tasks: refused (:func:`notice_form_reason`).

NOTICE FORM RULE, true of any page the paragraph readers (prose list, forms, headed report)
take for a task list: a notice (督查通知) sets out several arrangements — one per inspection,
say — each described by the same fields (督查内容: / 督查方式: / 时间安排:, the arrangement
labels of :func:`~luoshi.ingest.text.prose.cues.arrangement_label`). Read as a task list,
each arrangement becomes a "task" whose progress is those labelled lines, or a form whose
fields are those labels. It is no task list when

- two or more of its tasks, and half of them or more, carry two or more arrangement labels
  (lines opening with one, list number allowed, or form fields named by one),
- those tasks share two labels or more (the notice's form: the same fields each time),
- no task names a responsible unit, and no task has progress text other than labelled
  arrangement lines (a task with real progress, or a unit, is a task: a plan's forms with
  建设内容: / 完成时间: and 责任单位: stay read).

Likewise when three or more tasks, and two thirds of them or more, are themselves a label and
its value (``1.督查内容:…`` ``2.督查方式:…`` ``3.时间安排:…`` ``4.联系人:…``: the notice's own
arrangements, one per item, a few items of another kind among them), with no unit and no
progress anywhere.

The page is then refused as a notice, naming the shared fields. How sure: the labels are
field words, not a task's theme (稳增长:); a report whose every item said only 工作内容: /
完成时间: with no unit and no progress would be refused too — it holds nothing to track.
"""

from __future__ import annotations

import re

from luoshi.ingest.model import ParsedDocument, Task
from luoshi.ingest.text.prose.cues import arrangement_label

__all__ = ["notice_form_reason"]

_NUMBER = re.compile(r"^\s*(?:\d{1,3}[.、．](?!\d)|[(（]\d{1,3}[)）]|[①-⑳])\s*")
_MIN_LABELS = 2
_MIN_OWN = 3


def _lines(task: Task) -> list[str]:
    out: list[str] = []
    for item in task.items:
        for text in (item.done, item.problems, item.next_steps):
            out += [s for line in text.split("\n") if (s := line.strip())]
    return out


def _labels(task: Task) -> tuple[set[str], bool]:
    """(arrangement labels the task carries, whether it has other progress text)."""
    labels = {
        label
        for header in task.extra
        if (label := arrangement_label(f"{header}:")) is not None and task.extra[header]
    }
    other = False
    for line in _lines(task):
        label = arrangement_label(_NUMBER.sub("", line, count=1))
        if label is None:
            other = True
        else:
            labels.add(label)
    return labels, other


def notice_form_reason(doc: ParsedDocument) -> tuple[str, str] | None:
    """(reason, 中文理由) when the document is a notice's own form (the module's rule)."""
    tasks = doc.tasks
    if len(tasks) < 2 or any(t.units for t in tasks):
        return None
    seen = [_labels(t) for t in tasks]
    if any(other for _, other in seen):
        return None
    opening = [label for t in tasks if (label := arrangement_label(_NUMBER.sub("", t.text, count=1)))]
    if len(opening) >= _MIN_OWN and len(opening) * 3 >= len(tasks) * 2:
        names = " / ".join(dict.fromkeys(opening))
        return (
            f"a notice, no task list to import: {len(opening)} of its {len(tasks)} numbered "
            f"items are its own arrangements ({names}), not tasks",
            f"这是通知正文,{len(tasks)}个编号段落中{len(opening)}个是通知自身的安排({names}),不是任务",
        )
    labelled = [labels for labels, _ in seen if len(labels) >= _MIN_LABELS]
    if len(labelled) < 2 or len(labelled) * 2 < len(tasks):
        return None
    shared = set.intersection(*labelled)
    if len(shared) < _MIN_LABELS:
        return None
    names = " / ".join(sorted(shared, key=lambda w: min(_order(t, w) for t in tasks)))
    return (
        f"a notice, no task list to import: its {len(labelled)} arrangements each set out the "
        f"same fields ({names}), the notice's own form, not tasks",
        f"这是通知正文,{len(labelled)}项安排都按同样的栏目({names})写成,是通知自身的格式,不是任务",
    )


def _order(task: Task, label: str) -> int:
    """Where a label first stands in a task's lines or fields (to name them in order)."""
    keys = [arrangement_label(f"{h}:") for h in task.extra]
    keys += [arrangement_label(_NUMBER.sub("", line, count=1)) for line in _lines(task)]
    return keys.index(label) if label in keys else len(keys)
