"""Evidence spans shown in their text: escaped, the span inside <mark>.

An evidence item (``Assessment.evidence``) is ``{"field", "item", "start", "end", "text",
"progress", "task"}``: ``text`` is ``getattr(progress, field)[start:end]``, or a slice of the
task's text when ``field == "text"``.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from luoshi.core.models import Progress, Task

FIELD_LABELS = {"done": "完成情况", "problems": "存在问题", "next_steps": "下一步", "text": "任务",
                "declared": "表中标注", "reported": "填报值", "actual": "表中完成数", "target_column": "表中目标"}


def mark_span(text: str, start: int, end: int, context: int | None = 40) -> SafeString:
    """``text`` (or ``context`` characters either side of the span) with the span marked."""
    text = text or ""
    if not (0 <= start <= end <= len(text)):
        return mark_safe(escape(text[: (context or len(text)) * 2]))  # span out of date
    a = 0 if context is None else max(0, start - context)
    b = len(text) if context is None else min(len(text), end + context)
    return mark_safe(
        ("…" if a else "") + escape(text[a:start]) + "<mark>" + escape(text[start:end])
        + "</mark>" + escape(text[end:b]) + ("…" if b < len(text) else "")
    )  # every piece is escaped


def evidence_snippets(items: list[list[dict]]) -> list[list[dict]]:
    """For each list of evidence items: [{"label", "html"}], loading the texts in 2 queries."""
    progress_ids = {e.get("progress") for group in items for e in group if e.get("progress")}
    task_ids = {e.get("task") for group in items for e in group
                if e.get("field") == "text" and e.get("task")}
    entries = Progress.objects.in_bulk(progress_ids) if progress_ids else {}
    tasks = Task.objects.in_bulk(task_ids) if task_ids else {}
    out = []
    for group in items:
        shown = []
        for e in group:
            field = e.get("field", "")
            if field == "text":
                source = getattr(tasks.get(e.get("task")), "text", "")
            else:
                source = getattr(entries.get(e.get("progress")), field, "") if field in (
                    "done", "problems", "next_steps") else ""
            start, end = int(e.get("start") or 0), int(e.get("end") or 0)
            if source and source[start:end] == e.get("text"):
                html = mark_span(source, start, end)
            else:  # the text changed since: show the quoted span alone
                html = mark_safe("<mark>" + escape(e.get("text", "")) + "</mark>")
            shown.append({"label": FIELD_LABELS.get(field, field), "html": html})
        out.append(shown)
    return out
