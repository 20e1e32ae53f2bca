"""**Labelled blocks**: a form whose labels stand on lines of their own, each over its content
(issue 9, fresh5 cause 1)::

    某单位2031年重点工作落实情况        (the title: preamble)
    任务安排                            (a label naming the task)
    <the task, one or more lines>
    落实情况                            (a label naming the progress)
    第一季度:…                          (its content: one line per quarter, or paragraphs)
    第二季度:…

Rules, true of such forms wherever they come from:

- a *label line* holds only a column label, with at most a closing colon: one the header
  vocabulary knows (任务内容, 重点任务, 责任单位, 落实情况, 进展情况, 存在问题 …) or a task's
  arrangement (任务安排, 工作安排, 工作任务: what is to be done);
- the page is such a form when a task label line is followed, further down, by a progress label
  line (落实情况, 进展情况, 完成情况 …), and each label line has at least one content line
  under it (a line that is no label) and at least one of them longer than a label (short
  words under a label are a flattened table's header cells: 项目名称 / 建设规模 / 总投资); a
  label's content runs to the next label line, its
  lines kept as written (第一季度:… 第二季度:… one per line);
- the first label line opens the first form, each later task label line the next one (a
  task); the other labels are the fields of the form they stand in (责任单位 over 任务安排
  is the first form's field); lines above the first label line are the preamble (the title);
- at most one form per task label; forms are warned, the alternative being a page that only
  uses those words as its own headings.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.headers import header_role, normalise_header
from luoshi.ingest.text.rows import Para
from luoshi.vocab import ColumnRole

LABELLED_LAYOUT = "forms"
# A task's arrangement named as a label: what is to be done (the vocabulary reads 任务安排 as
# no column, since in a table it heads a schedule as often).
_TASK_LABEL = re.compile(r"^(?:任务安排|工作安排|工作任务|任务部署|年度任务|重点任务|任务内容)$")
_LABEL_MAX = 8
_TASK_HEADER = "任务内容"
_PROGRESS_ROLES = frozenset({ColumnRole.DONE})


def _label(text: str) -> tuple[str, ColumnRole] | None:
    """(label, role) when the line holds only a label."""
    label = normalise_header(text.strip().rstrip(":：").strip("【】[] \u3000"))
    if not 2 <= len(label) <= _LABEL_MAX or not re.fullmatch(r"[\u4e00-\u9fa5]+", label):
        return None
    role = header_role(label, have_task=True)
    if _TASK_LABEL.match(label) and role is not ColumnRole.TASK:
        return _TASK_HEADER, ColumnRole.TASK  # the column under the vocabulary's own name
    if role is ColumnRole.OTHER:
        return None
    return label, role


def labelled_grid(paras: list[Para]) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a page of labelled blocks (rules above), or None when it is not one."""
    labels = [(k, found) for k, p in enumerate(paras) if (found := _label(p.text))]
    if not labels:
        return None
    # every label line has content under it: the next paragraph is no label
    starts = [k for k, _ in labels]
    if any(k + 1 >= len(paras) or (k + 1) in starts for k in starts):
        return None
    roles = [role for _, (_, role) in labels]
    if ColumnRole.TASK not in roles:
        return None
    if not any(role in _PROGRESS_ROLES for role in roles[roles.index(ColumnRole.TASK) + 1 :]):
        return None
    forms: list[dict[str, str]] = []
    lines: list[int] = []
    has_task = True  # (the first label opens the first form)
    for n, (k, (label, role)) in enumerate(labels):
        end = labels[n + 1][0] if n + 1 < len(labels) else len(paras)
        if role is ColumnRole.TASK and all(
            len(p.text.strip()) <= _LABEL_MAX for p in paras[k + 1 : end]
        ):
            return None  # short words under the task label: a flattened table's header cells
        value = "\n".join(p.text.strip() for p in paras[k + 1 : end])
        if not forms or (role is ColumnRole.TASK and has_task):
            forms.append({})
            lines.append(paras[k].line)
            has_task = False
        has_task = has_task or role is ColumnRole.TASK
        if label in forms[-1]:
            return None  # a field twice in one form: not this shape
        forms[-1][label] = value
    if not all(any(header_role(h, have_task=True) is ColumnRole.TASK for h in f) for f in forms):
        return None  # a form without its task
    if not all(any(header_role(h, have_task=True) in _PROGRESS_ROLES for h in f) for f in forms):
        return None
    columns: list[str] = []
    for f in forms:
        columns += [h for h in f if h not in columns]
    rows: list[list[GridCell | None]] = [
        [GridCell(h, 0, c, line=lines[0]) for c, h in enumerate(columns)]
    ]
    for f, line in zip(forms, lines, strict=True):
        r = len(rows)
        rows.append([GridCell(f.get(h, ""), r, c, line=line) for c, h in enumerate(columns)])
    preamble = [p.text.strip() for p in paras[: labels[0][0]]]
    warnings: list[tuple[int | None, str]] = [
        (
            lines[0],
            f"the page is {len(forms)} form(s) whose labels stand on lines of their own "
            f"({'/'.join(columns[:3])}): each task label opens a task — the alternative is a "
            "page using these words as its own headings",
        )
    ]
    return Grid(rows=rows, preamble=preamble), warnings
