"""Versions of an entry from its Change rows, and an escaped character diff between them; the
history of a task (itself, sub-items, entries, contributions, targets, statuses) in words."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from luoshi.core.models import Change, Milestone, Progress, Target, Task
from luoshi.rounds.models import Contribution, EntryState, ReviewEvent, RoundEntry
from luoshi.rounds.permissions import (
    readable_progress,
    reads_drafts,
    shown_assessments,
    unit_ids,
)
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


# -- the history of an entry as someone who does not read its drafts sees it ----------------
#
# An entry of a round is unfiled from the round's opening to its first submission, and from
# each return to the next submission. What was saved in such a stretch is its unit's draft
# (docs/visibility.md): the lead unit and the office read every save; anyone else who reads
# the entry (leaders, co-units, the public once published) reads it as it was filed. The saves
# of one stretch closed by a submission are folded into one change — the last of them, from
# the value before the stretch to the value submitted; a stretch still open is left out. The
# same holds for what follows the text: co-units' contributions (except to the co-unit
# itself) and the statuses re-derived from a draft.

Span = tuple[object, object]  # (start, end) datetimes; None: from the beginning / still open


def unfiled_spans(progress_ids) -> dict[int, list[Span]]:
    """For each entry of a round among ``progress_ids``: the stretches it was unfiled."""
    in_round = set(RoundEntry.objects.filter(progress_id__in=list(progress_ids))
                   .values_list("progress_id", flat=True))
    spans: dict[int, list[Span]] = {pk: [] for pk in in_round}
    opened: dict[int, object] = dict.fromkeys(in_round)  # entry -> start of its open stretch
    events = (ReviewEvent.objects.filter(progress_id__in=in_round,
                                         action__in=[ReviewEvent.Action.SUBMIT,
                                                     ReviewEvent.Action.RETURN])
              .order_by("at", "id").values_list("progress_id", "action", "at"))
    for pk, action, at in events:
        if action == ReviewEvent.Action.SUBMIT and pk in opened:
            spans[pk].append((opened.pop(pk), at))
        elif action == ReviewEvent.Action.RETURN and pk not in opened:
            opened[pk] = at
    for pk, start in opened.items():
        spans[pk].append((start, None))
    return spans


def _is_pair(value) -> bool:
    return isinstance(value, list) and len(value) == 2


def fold_drafts(changes: list[Change], spans: list[Span]) -> tuple[set[int], dict[int, dict]]:
    """Of one object's changes (oldest first): the ids to leave out, and for the last change
    of each closed stretch the fields to show instead (old value before the stretch → value
    submitted)."""
    hidden: set[int] = set()
    folded: dict[int, dict] = {}
    for start, end in spans:
        run = [c for c in changes if (start is None or c.at > start)
               and (end is None or c.at <= end)]
        hidden.update(c.pk for c in run)
        if end is None or not run:
            continue
        fields: dict = {}
        for c in run:
            for name, value in (c.fields or {}).items():
                if c.action == Change.Action.CREATE and name not in ("report", "task"):
                    value = ["", value]
                if _is_pair(value):
                    fields[name] = [fields[name][0] if _is_pair(fields.get(name)) else value[0],
                                    value[1]]
                else:
                    fields[name] = value
        fields = {k: v for k, v in fields.items() if not (_is_pair(v) and v[0] == v[1])}
        if any(_is_pair(v) for v in fields.values()):
            hidden.discard(run[-1].pk)
            folded[run[-1].pk] = fields
    return hidden, folded


def _apply(changes, hidden: set[int], folded: dict[int, dict]) -> list[Change]:
    out = []
    for c in changes:
        if c.pk in hidden:
            continue
        if c.pk in folded:
            c.fields, c.action = folded[c.pk], Change.Action.UPDATE
        out.append(c)
    return out


def versions(progress: Progress, viewer=None) -> list[Version]:
    """Oldest first: the entry as it was before the first recorded change, then after each;
    for a ``viewer`` who does not read the entry's drafts, the versions it was filed in."""
    changes = list(Change.objects.filter(model="progress", object_id=progress.pk)
                   .select_related("user").order_by("at", "id"))
    if viewer is not None and not reads_drafts(viewer, progress):
        changes = _apply(changes, *fold_drafts(changes,
                                               unfiled_spans([progress.pk]).get(progress.pk, [])))
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


def task_changes(user, task: Task) -> tuple[QuerySet[Change], dict[tuple[str, int], str],
                                             dict[int, dict]]:
    """The recorded changes the user may read about ``task`` (newest first), and what each
    (model, object id) is, in words. A top-level task brings its sub-items, entries in every
    report the user may read, their contributions and round states, its targets and statuses;
    a sub-item its own entries and contributions. Third: the changes to show folded, for the
    drafts the user does not read (see fold_drafts; the query leaves out the rest of them)."""
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
    hidden, folded = _drafts_of_others(user, entries)
    return changes.exclude(pk__in=hidden), names, folded


def _drafts_of_others(user, entries: list[Progress]) -> tuple[set[int], dict[int, dict]]:
    """The changes of ``entries`` the user may not read one by one (saves of a draft that is
    not theirs; see fold_drafts), and the folded fields of those shown instead."""
    foreign = [p for p in entries if not reads_drafts(user, p)]
    spans = {pk: s for pk, s in unfiled_spans([p.pk for p in foreign]).items() if s}
    hidden: set[int] = set()
    folded: dict[int, dict] = {}
    if not spans:
        return hidden, folded
    # Each object's changes, with the stretches that apply to it.
    owners: dict[tuple[str, int], list[Span]] = {("progress", pk): s for pk, s in spans.items()}
    mine = unit_ids(user)
    for pk, progress_id in (Contribution.objects.filter(progress_id__in=spans)
                            .exclude(unit__in=mine).values_list("pk", "progress_id")):
        owners["contribution", pk] = spans[progress_id]
    by_report: dict[int, list[Span]] = {}
    for p in foreign:
        by_report.setdefault(p.report_id, []).extend(spans.get(p.pk, []))
    rows: dict[tuple[str, int], list[Change]] = {}
    query = Q(pk__in=[])
    for model in ("progress", "contribution"):
        ids = [pk for m, pk in owners if m == model]
        query |= Q(model=model, object_id__in=ids)
    # Statuses re-derived while a draft of the task was saved: recorded with their report.
    tops = {p.task.parent_id or p.task_id for p in foreign}
    query |= Q(model="assessment", fields__report__in=list(by_report), fields__task__in=tops)
    for c in Change.objects.filter(query).order_by("at", "id"):
        key = (c.model, c.object_id)
        if c.model == "assessment":
            owners.setdefault(key, by_report.get((c.fields or {}).get("report"), []))
        rows.setdefault(key, []).append(c)
    for key, changes in rows.items():
        h, f = fold_drafts(changes, owners.get(key, []))
        hidden |= h
        folded |= f
    return hidden, folded


def apply_folds(changes, folded: dict[int, dict]) -> list[Change]:
    """The page's changes with the folded ones shown as folded (see fold_drafts)."""
    return _apply(list(changes), set(), folded)


def target_names(task: Task) -> dict[int, str]:
    top = task.parent or task
    return {t.pk: t.metric or t.span or f"目标{t.pk}" for t in Target.objects.filter(task=top)}
