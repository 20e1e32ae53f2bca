"""Versions of an entry from its Change rows, and an escaped character diff between them; the
history of a task (itself, sub-items, entries, contributions, targets, statuses) in words."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from luoshi.core.models import Change, Milestone, Progress, Target, Task
from luoshi.rounds.models import Contribution, EntryState
from luoshi.rounds.permissions import readable_progress, shown_assessments
from luoshi.vocab import STATUS_LABELS, Status

FIELDS = {"done": "完成情况", "problems": "存在问题及困难", "next_steps": "下一步工作"}


@dataclass
class Version:
    number: int
    change: Change | None
    values: dict[str, str]
    diffs: dict[str, SafeString] = field(default_factory=dict)


def _words(text: str) -> list[str]:
    """Words (jieba's cut of Chinese, runs of digits/letters kept whole) and line breaks, so a
    diff marks whole words and a changed figure as one piece."""
    import jieba

    return [piece for piece in jieba.lcut(text.replace("\r\n", "\n"), HMM=False) if piece]


def _piece(text: str) -> str:
    return str(escape(text)).replace("\n", "<br>\n")


def diff_html(old: str, new: str) -> SafeString:
    """Word-level diff: deletions in <del>, additions in <ins> (coloured by the stylesheet),
    line breaks kept as <br>; every piece of text is escaped first."""
    out = []
    a, b = _words(old), _words(new)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(_piece("".join(a[a1:a2])))
        if op in ("delete", "replace"):
            out.append(f"<del>{_piece(''.join(a[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{_piece(''.join(b[b1:b2]))}</ins>")
    return mark_safe("".join(out))


def versions(progress: Progress) -> list[Version]:
    """Oldest first: the entry as it was before the first recorded change, then after each."""
    changes = list(Change.objects.filter(model="progress", object_id=progress.pk)
                   .select_related("user").order_by("at", "id"))
    current = {f: getattr(progress, f) for f in FIELDS}
    # Walk back from the current values to the first one.
    values = dict(current)
    states = [dict(values)]
    for change in reversed(changes):
        for f in FIELDS:
            pair = change.fields.get(f)
            if isinstance(pair, list) and len(pair) == 2:
                values[f] = pair[0] or ""
            elif change.action == Change.Action.CREATE and f in change.fields:
                values[f] = ""
        states.append(dict(values))
    states.reverse()
    out = [Version(1, None, states[0])]
    names = dict(Target.objects.filter(task=progress.task_id).values_list("pk", "metric"))
    for i, change in enumerate(changes, 1):
        before, after = states[i - 1], states[i]
        diffs = {label: diff_html(before[f], after[f]) for f, label in FIELDS.items()
                 if before[f] != after[f]}
        # The figures reported beside the text (target:<id>: [old, new]), named by target.
        for name, pair in (change.fields or {}).items():
            if name.startswith("target:"):
                tid = name.split(":", 1)[1]
                metric = names.get(int(tid)) if tid.isdigit() else None
                diffs[f"{field_words(name)} · {metric or '目标'}"] = _field_html(change, name,
                                                                               pair)
        out.append(Version(i + 1, change, after, diffs))
    return out


# -- a task's history: the task, its sub-items, entries, contributions, targets, statuses -----

TASK_HISTORY_PAGE = 50
MODEL_LABELS = {"task": "任务", "report": "落实情况表", "progress": "进展情况",
                "round_entry": "填报状态",
                "milestone": "节点",
                "contribution": "配合单位报送", "assessment": "状态", "target": "目标",
                "measurement": "实绩"}
FIELD_LABELS = {**FIELDS, "serial": "序号", "text": "任务内容", "units": "责任单位",
                "status": "状态", "reason": "理由", "state": "填报状态", "parent": "所属任务",
                "order": "顺序", "metric": "指标", "comparator": "比较", "value": "目标值",
                "value_max": "上限", "unit": "单位", "active": "有效", "extra": "其他栏目",
                "position": "行序", "source": "来源", "deadline": "完成时限",
                "closed": "已销号", "close_reason": "销号理由", "note": "说明",
                "via": "途径", "title": "节点", "due": "计划时间", "done_at": "完成时间",
                "kind": "目标类型", "span": "原文", "target": "对应目标"}
BEHALF_LABEL = "代为填报"


def field_words(name: str, model: str = "") -> str:
    """A recorded field's name in words, for every page that lists changes: never the code
    name (``target:40``, ``on_behalf_of``); a name nobody labelled reads 其他字段."""
    if name == "on_behalf_of":
        return BEHALF_LABEL
    if name.startswith("target:"):
        return "填报值"
    if model == "contribution" and name == "text":
        return "报送内容"
    return FIELD_LABELS.get(name) or CONTEXT_LABELS.get(name, "其他字段")


def model_words(model: str) -> str:
    return MODEL_LABELS.get(model, "记录")


# Keys that say where a change belongs rather than what changed.
CONTEXT_KEYS = {"report", "task"}
CONTEXT_LABELS = {"report": "报告", "task": "任务"}
# Words for coded values that are not statuses or states.
VIA = {"admin": "后台管理"}


@dataclass
class FieldChange:
    label: str
    html: SafeString  # escaped: a character diff for texts, "old → new" otherwise


@dataclass
class ChangeView:
    change: Change
    what: str  # 进展情况 · 半年度 …
    fields: list[FieldChange]
    on_behalf_of: str = ""


STATUSES = {s.value: STATUS_LABELS[s] for s in Status}
# Words for the values of coded fields (statuses, entry states) by field name.
CODES = {"status": STATUSES, "state": dict(EntryState.choices), "via": VIA}


def _plain(value, codes: dict[str, str] | None = None) -> str:
    if value is None or value == "":
        return "(空)"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return "、".join(_plain(v) for v in value) or "(空)"
    return (codes or {}).get(value, str(value)) if isinstance(value, str) else str(value)


def _field_html(change: Change, name: str, value) -> SafeString:
    codes = CODES.get(name)
    if change.action == Change.Action.UPDATE and isinstance(value, list) and len(value) == 2:
        old, new = value
        if codes is None and isinstance(old, str | None) and isinstance(new, str | None) and (
                len(old or "") > 12 or len(new or "") > 12):
            return diff_html(old or "", new or "")
        return mark_safe(f"<del>{escape(_plain(old, codes))}</del> → "
                         f"<ins>{escape(_plain(new, codes))}</ins>")
    return escape(_plain(value, codes))


def describe(change: Change, what: str, target_names: dict[int, str]) -> ChangeView:
    """A change with each field in words; texts as an escaped character diff."""
    fields, behalf = [], ""
    for name, value in (change.fields or {}).items():
        if name in CONTEXT_KEYS and change.model != "task":
            continue
        if name == "on_behalf_of":
            behalf = str(value)
            continue
        if name.startswith("target:"):
            tid = int(name.split(":", 1)[1]) if name.split(":", 1)[1].isdigit() else 0
            label = f"填报值 · {target_names.get(tid, '目标')}"
        elif change.model == "contribution" and name == "text":
            label = "报送内容"
        else:
            label = field_words(name, change.model)
        fields.append(FieldChange(label, _field_html(change, name, value)))
    return ChangeView(change, what, fields, behalf)


def _period(progress: Progress) -> str:
    return str(progress.report.period.label or progress.report.period)


def task_changes(user, task: Task) -> tuple[QuerySet[Change], dict[tuple[str, int], str]]:
    """The recorded changes the user may read about ``task`` (newest first), and what each
    (model, object id) is, in words. A top-level task brings its sub-items, entries in every
    report the user may read, their contributions and round states, its targets and statuses;
    a sub-item its own entries and contributions."""
    family = [task, *task.children.order_by("order", "pk")] if task.parent_id is None else [task]
    names: dict[tuple[str, int], str] = {}
    for t in family:
        names["task", t.pk] = "任务" if t.pk == task.pk else f"子项 {t.text[:20]}"
    entries = list(readable_progress(user).filter(task__in=family)
                   .select_related("report__period", "task"))
    for p in entries:
        where = _period(p) + (f" · {p.task.text[:20]}" if p.task_id != task.pk else "")
        names["progress", p.pk] = f"进展情况 · {where}"
        names["round_entry", p.pk] = f"填报状态 · {where}"
    for c in Contribution.objects.filter(progress__in=entries).select_related(
            "unit", "progress__report__period"):
        names["contribution", c.pk] = f"配合单位报送 · {c.unit.name} · {_period(c.progress)}"
    for m in Milestone.objects.filter(task__in=family):
        names["milestone", m.pk] = f"节点 · {m.title[:20]}"
    if task.parent_id is None:
        for t in Target.objects.filter(task=task):
            names["target", t.pk] = f"目标 · {t.metric or t.span or t.pk}"
        # Statuses of the reports whose entries the user may read.
        for a in shown_assessments(user).filter(
                task=task, report__in={p.report_id for p in entries}).select_related(
                "report__period"):
            names["assessment", a.pk] = f"状态 · {a.report.period.label or a.report.period}"
    wanted: dict[str, list[int]] = {}
    for model, pk in names:
        wanted.setdefault(model, []).append(pk)
    query = Q(pk__in=[])
    for model, ids in wanted.items():
        query |= Q(model=model, object_id__in=ids)
    changes = Change.objects.filter(query).select_related("user", "batch").order_by("-at", "-pk")
    return changes, names


def target_names(task: Task) -> dict[int, str]:
    top = task.parent or task
    return {t.pk: t.metric or t.span or f"目标{t.pk}" for t in Target.objects.filter(task=top)}
