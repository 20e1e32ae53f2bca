"""Why a page with no table header, no prose list and no forms is refused: a reason that says
what the page holds, not only what the reader looked for.

Rules, true of any page the text reader cannot read as a task list:

- a run of short paragraphs naming known column headers or columns of figures (指标名称,
  预期增长(%), 项目个数, 完成率 …) with no task column among them is a table of figures, not a task list: "a table without a task
  column (指标名称 / 预期增长(%) …)";
- points counted in words (一是… 二是…, 第一，…) that name no responsible units are a news
  report's or a speech's points: "prose news, no task list to import: its points are counted in words";
- numbered paragraphs (1. (1) ①) that name no units and were not read as a list are
  headings or progress points: said with their count;
- a page with a unit label (责任单位:) but fewer than two tasks carrying one: said;
- otherwise the page is running text, perhaps under headings (一、… (一)…, a report's
  sections): "prose news, no task list to import: N paragraphs of running text under M headings".

Every reason then says what was not found (a table header, a prose list, key-value forms), so
a user with an unusual table knows what to fix.
"""

from __future__ import annotations

import re

from luoshi.ingest.headers import header_role, normalise_header
from luoshi.ingest.text.proseitems import CN_NUMBERED, STYLES, WORD_STYLES, split_glued
from luoshi.ingest.text.rows import Para
from luoshi.ingest.units import UNIT_LABELS
from luoshi.vocab import ColumnRole

# A column of figures (an indicator table's header cells): 指标名称, 预期增长(%), 项目个数 …
_FIGURE_HEADER = re.compile(r"指标|预期|增长|增速|[(（]%[)）]|个数|投资计划|完成率|比例|比重|占比")
_UNIT_LABEL = re.compile(rf"(?:{UNIT_LABELS})\s*[:：]")
_MAX_HEADER_CELL = 10  # header cells are short; titles and headings are longer
_MIN_HEADER_CELLS = 2
_MIN_POINTS = 2
_LOOKED_FOR = (
    "no table header found (a row starting with 序号, or a task column header followed by other "
    "known column headers: 序号 / 任务内容 / 责任单位 / 完成情况), no numbered paragraphs with "
    "责任单位 lines, no key-value forms (任务: … 责任单位: …)"
)


def no_task_list_reason(paras: list[Para]) -> str:
    """The refusal reason for a page read as no task list (see the module's rules)."""
    return f"{_what_was_seen(paras)}; {_LOOKED_FOR}"


def _what_was_seen(paras: list[Para]) -> str:
    # the items as the prose reader saw them: several run together on a line are several
    texts = [p.text.strip() for p in split_glued(paras)]
    headers = _header_cells(texts)
    if len(headers) >= _MIN_HEADER_CELLS:
        shown = " / ".join(h for h, _ in headers[:4])
        return (
            f"a table without a task column ({shown} …): a table of figures or indicators, "
            "not a task list"
        )
    with_units = sum(1 for t in texts if _UNIT_LABEL.search(t))
    counted: dict[str, int] = {}
    for t in texts:
        for style, pattern in STYLES.items():
            if pattern.match(t):
                counted[style] = counted.get(style, 0) + 1
                break
        else:
            if CN_NUMBERED.match(t):
                counted["cn"] = counted.get("cn", 0) + 1
    words = sum(n for style, n in counted.items() if style in WORD_STYLES)
    headings = counted.get("cn", 0) + counted.get("cn_paren", 0)
    numbered = sum(counted.get(style, 0) for style in ("arabic", "paren", "half_paren", "circled"))
    if with_units == 1:
        return (
            "one paragraph names a responsible unit (责任单位:…), but a task list needs at least "
            "two tasks with units"
        )
    if words >= _MIN_POINTS and words >= numbered:
        return (
            f"prose news, no task list to import: its {words} points are counted in words (一是…, 二是…, "
            "第一…), as a report's or a speech's are, and name no responsible units"
        )
    if numbered >= _MIN_POINTS:
        return (
            f"prose, no task list to import: {numbered} numbered paragraphs, but they name no responsible "
            "units and do not read as a list of tasks (short headings, points of a report, or "
            "not numbered 1, 2, 3 …)"
        )
    under = f" under {headings} heading(s) (一、… (一)…)" if headings else ""
    return f"prose news, no task list to import: {len(texts)} paragraph(s) of running text{under}"


def _header_cells(texts: list[str]) -> list[tuple[str, ColumnRole]]:
    """The longest run of short paragraphs that each name a known column (a table's header
    cells flattened one per line), when no task column is among them."""
    best: list[tuple[str, ColumnRole]] = []
    run: list[tuple[str, ColumnRole]] = []
    for t in [*texts, ""]:
        cell = t.strip(" |｜")
        role = ColumnRole.OTHER
        numbered = CN_NUMBERED.match(cell) or any(p.match(cell) for p in STYLES.values())
        if cell and len(cell) <= _MAX_HEADER_CELL and not numbered:
            role = header_role(normalise_header(cell), have_task=False)
            if role is ColumnRole.OTHER and _FIGURE_HEADER.search(cell):
                role = ColumnRole.ACTUAL  # a figure's column, whatever its exact role
        if role is not ColumnRole.OTHER:
            run.append((cell, role))
            continue
        if not cell and run and t.strip():  # a lone "|" between cells: the run goes on
            continue
        if len(run) > len(best):
            best = run
        run = []
    if any(role is ColumnRole.TASK for _, role in best):
        return []
    return best
