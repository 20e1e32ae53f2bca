"""The **paragraph-per-task** layout: a progress report that gives each task one unnumbered
paragraph, its first sentence the task and the rest what was done::

    新建城市公园3个(2021—2023年)。上半年,完成选址2处,开工1个。
    改造老旧小区20个。截至6月底,已开工12个,完工5个。

Rules, true of such reports wherever they come from:

- the page's opening (title, lead paragraph) names a progress report (完成情况, 进展情况, 通报 …,
  not 分解/印发/方案: :func:`~luoshi.ingest.text.prose.items.is_report`), looked for in any three
  consecutive paragraphs of the last eight before the first task paragraph (a page's title
  may stand under its site's lines: breadcrumbs, date, source); or, when it names none, at
  least half of the task sentences end with the years the task runs in brackets
  (``(2029—2033年)``, ``(2031年)``): a plan's tasks, not news (news paragraphs open with a
  headline sentence, not a task dated by its plan years) — warned as the less sure reading;
- a task paragraph is unnumbered and has the shape *task sentence, then progress*: its first
  sentence (at most 80 characters, no reporting period in it) states the task, and the next
  sentence opens with a reporting period (上半年, 截至…, 1-6月, 今年以来, 目前 …) — the split of
  :func:`~luoshi.ingest.text.prose.items.split_done`;
- at least three paragraphs have that shape and they are at least two thirds of the paragraphs
  from the first of them on (a news story has some such sentences, not a page of them);
- any other paragraph between them continues the progress of the task above (warned).

Tried after the prose list, the forms and the headed report found nothing; always warned,
naming the alternative (news written in paragraphs). The result is a Grid (任务内容,
进展情况; no serial column, the page has none), read like any table.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.text.prose.items import CN_NUMBERED, STYLES, is_report, split_done
from luoshi.ingest.text.rows import Para
from luoshi.ingest.text.shapes import CLOSING

PARAGRAPHS_LAYOUT = "paragraph-tasks"
_OPENING = 8  # paragraphs before the first task paragraph looked at for the report's title
# The years a task runs, bracketed at the end of its sentence: (2029—2033年), (2031年).
_PLAN_YEARS = re.compile(r"[(（]\s*(?:19|20)\d{2}\s*(?:年?\s*[-—–－~至到]\s*(?:19|20)?\d{2})?\s*年[)）]\s*[。.]?$")
MIN_TASKS = 3
MAX_TASK_SENTENCE = 80


def _task_and_done(text: str) -> tuple[str, str] | None:
    text = text.strip()
    if CN_NUMBERED.match(text) or any(s.match(text) for s in STYLES.values()):
        return None
    head, done = split_done(text)
    if not done or not head or len(head) > MAX_TASK_SENTENCE:
        return None
    if head.rstrip("。").count("。"):
        return None  # more than one sentence before the progress: running text
    return head, done


def paragraph_tasks_grid(
    paras: list[Para],
) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a report giving each task one paragraph, or None (rules above)."""
    shapes = [_task_and_done(p.text) for p in paras]
    at = [k for k, s in enumerate(shapes) if s is not None]
    if len(at) < MIN_TASKS or len(at) * 3 < (len(paras) - at[0]) * 2:
        return None
    opening = paras[max(0, at[0] - _OPENING) : at[0]] or paras[:1]
    reported = any(is_report(opening[k:]) for k in range(len(opening)))
    dated = sum(1 for k in at if _PLAN_YEARS.search(shapes[k][0]))  # type: ignore[index]
    if not reported and dated * 2 < len(at):
        return None
    header = ["任务内容", "进展情况"]
    rows: list[list[GridCell | None]] = [
        [GridCell(h, 0, c, line=paras[at[0]].line) for c, h in enumerate(header)]
    ]
    parts: list[tuple[str, list[str]]] = []  # (task, progress paragraphs)
    lines: list[int] = []
    continued = 0
    for k in range(at[0], len(paras)):
        shape = shapes[k]
        if shape is not None:
            parts.append((shape[0], [shape[1]]))
            lines.append(paras[k].line)
        else:
            parts[-1][1].append(paras[k].text.strip())
            continued += 1
    cells = [[task, "\n".join(done)] for task, done in parts]
    for r, (row, line) in enumerate(zip(cells, lines, strict=True), 1):
        rows.append([GridCell(t, r, c, line=line) for c, t in enumerate(row)])
    warnings: list[tuple[int | None, str]] = [
        (
            lines[0],
            f"each of {len(cells)} paragraphs states a task and then what was done "
            f"({cells[0][0][:16]!r}…): read as one task per paragraph — the alternative is news "
            "written in paragraphs: check the tasks",
        )
    ]
    if not reported:
        warnings.append(
            (
                lines[0],
                f"the page names no progress report: read as one because {dated} of the "
                f"{len(cells)} task sentences end with the years the task runs in brackets",
            )
        )
    if continued:
        warnings.append(
            (None, f"{continued} paragraph(s) of another shape read as the progress above them")
        )
    if not CLOSING.search(cells[-1][1]):
        warnings.append(
            (lines[-1], "the text ends mid-sentence: the last task is probably cut off")
        )
    return Grid(rows=rows, preamble=[p.text for p in paras[: at[0]]]), warnings
