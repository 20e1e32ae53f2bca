"""Versions of an entry from its Change rows, and an escaped line diff between them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from luoshi.core.models import Change, Progress

FIELDS = {"done": "完成情况", "problems": "存在问题及困难", "next_steps": "下一步工作"}


@dataclass
class Version:
    number: int
    change: Change | None
    values: dict[str, str]
    diffs: dict[str, SafeString] = field(default_factory=dict)


def diff_html(old: str, new: str) -> SafeString:
    """Character-level diff with <del>/<ins>; every piece of text is escaped first."""
    out = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape(old[a1:a2]))
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(old[a1:a2])}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(new[b1:b2])}</ins>")
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
    for i, change in enumerate(changes, 1):
        before, after = states[i - 1], states[i]
        diffs = {label: diff_html(before[f], after[f]) for f, label in FIELDS.items()
                 if before[f] != after[f]}
        out.append(Version(i + 1, change, after, diffs))
    return out
