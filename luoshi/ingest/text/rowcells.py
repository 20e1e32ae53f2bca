"""The cells of one row of a cells-per-line table (:mod:`luoshi.ingest.text.reader`): a row's
paragraphs assigned to its columns.

- fixed columns (task, units, leader, status …) take one paragraph each, in header order from
  both ends of the row; a unit cell may wrap over lines (a line ending in 、, a bracketed
  aside) or list one unit per paragraph when the row has paragraphs to spare (UNIT PER
  PARAGRAPH), leaders may stand one per line, a cell opening with point 1 goes on over the
  points numbered on (NUMBERED CELL);
- the progress columns between them (with a target cell standing next to them) are one run,
  cut into cells and sub-items by :mod:`luoshi.ingest.text.segment`;
- a row short of cells gets an empty cell for each extra blank line between its paragraphs;
  with progress columns it leaves its 备注 cell empty rather than fill it by position; in a
  table without progress columns, a short row is aligned to the columns by content
  (:mod:`luoshi.ingest.text.align`);
- what fits no column, and cells a cut-off row lacks, are warned, never silently dropped.

VERDICT IN A UNIT'S PLACE, true of any such table: a unit cell names an office, never how the
work stands; a status phrase where the unit cell would be (提前完成年度任务, 基本完成, with or
without its full stop) is the first paragraph of the progress, and the row has no unit cell
of its own (merged over rows: the cell above is carried down, warned) — never a unit carried
down to the rows below. A task cell whose points are numbered with a closing bracket only
(1) … 2) …) goes on over them as over 1. / (1) points (NUMBERED CELL).

MERGED CELL AFTER THE RUN RULE, true of any such table whose task has one sub-row per unit
(each unit its own progress) with the task, serial and unit cells merged over the sub-rows: the
flattening writes a merged cell once, in its first sub-row, so the cells after the progress
columns (units, leader …) come after the *first* sub-row's progress and the later sub-rows'
progress follows them::

    1 / task / 区投促局:progress₁ / 区投促局、 / 大观园街道办事处 / 大观园街道办事处:progress₂

So when a row's last paragraph is no cell of its last column (not a unit list: a sentence), the
cells after the run are looked for inside it: the first place, with progress before and after
it, where those columns' cells stand — a unit list (wrapped over lines ending in 、), a name, a
short status — and progress text follows. The paragraphs after them are the later sub-rows'
progress: an item of the task of their own, after the first sub-row's. The reading is warned
(a cut-off row with a unit list in its progress would read the same way).

UNIT SUB-ROWS RULE, the same table with the unit column *before* the progress and a unit cell
in each sub-row (not merged): ``1 / task / 区科技局 / progress₁ / 城东街道办事处 / progress₂``. A
unit list standing between progress paragraphs of a run that follows the unit column is the
next sub-row's unit cell: it joins the task's units, and the progress after it, up to the next
such cell, is an item headed by that unit (the first item by the row's own unit cell), so the
reader sees whose progress each is. Warned.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from luoshi.ingest.cells import is_empty_mark, numbering
from luoshi.ingest.layout import RowCells, item_columns
from luoshi.ingest.model import Column
from luoshi.ingest.text.align import SPANNED, align, carried_note, spanned_gaps
from luoshi.ingest.text.cellheader import PROGRESS_ROLES
from luoshi.ingest.text.rows import Para, Row
from luoshi.ingest.text.segment import segment
from luoshi.ingest.text.shapes import (
    CLOSING,
    looks_like_person,
    looks_like_status,
    looks_like_units,
)
from luoshi.vocab import ColumnRole

__all__ = ["carry_spanned_cells", "row_cells", "segmented_run"]

_UNIT_ROLES = (ColumnRole.UNITS, ColumnRole.LEAD_UNIT, ColumnRole.CO_UNITS)
# (Python 3.11 finds an enum member on its class at some 0.1 µs, the metaclass having a
# __getattr__: the roles row_cells compares every column of every row with, read once.)
_SERIAL, _TASK, _LEADER = ColumnRole.SERIAL, ColumnRole.TASK, ColumnRole.LEADER
_REMARKS = ColumnRole.REMARKS
_FILLED = "+"  # a progress column with content, for carry_spanned_cells
_DECLARED_STATUS = ColumnRole.DECLARED_STATUS
_NAME_ROLES = (ColumnRole.LEADER, ColumnRole.PERSON)
_SEGMENTED_ALSO = frozenset({ColumnRole.TARGET})
# A unit cell inside a progress run is looked for at every paragraph: one wrapped over more lines
# than this is no unit cell (and the search stays linear in the row's paragraphs).
_MAX_UNIT_LINES = 12
_UNIT_LINE_MAX = 60  # no unit cell, nor a line of one, is longer
_NO_UNIT_END = frozenset("。;；!！?？:：%")  # a unit cell's line never ends so
# A paragraph ending like a sentence is progress, never a unit or name cell.
_SENTENCE_CLOSE = re.compile(r"[。;；!！?？]$")
# (its characters: looks_like_units says no to a text holding one)
_SENTENCE_ENDS = frozenset("。;；!！?？")


def segmented_run(columns: list[Column]) -> list[int]:
    # A target cell may run over several paragraphs ("全年:" then 1., 2. …), so it is
    # segmented together with the progress cells when it stands next to them.
    return item_columns(columns, also=_SEGMENTED_ALSO)


class _FixedColumns(NamedTuple):
    before: list[int]  # the fixed columns before the run (all of them when there is none)
    after: list[int]  # the fixed columns after the run
    need: int  # cells a row has: the fixed ones, and the run as one
    run_roles: list[ColumnRole]
    task_cols: list[int]  # the task columns among ``before``
    progress: bool  # the run holds a progress column


# (the same for every row of a table: worked out once, kept for the table being read; the
# key holds a copy of the columns, so a changed list is never answered from it)
_last_fixed: list[tuple[list[Column], frozenset[int], list[int], _FixedColumns]] = []


def _fixed_columns(columns: list[Column], skip: set[int], run: list[int]) -> _FixedColumns:
    """The fixed columns of a row (not the serial, nor columns merged away) before and after
    the run, and what row_cells reads of the columns for every row."""
    memo = _last_fixed[-1] if _last_fixed else None
    if memo is not None and memo[2] == run and memo[1] == skip and memo[0] == columns:
        return memo[3]
    cols = [i for i, c in enumerate(columns) if c.role is not _SERIAL and i not in skip]
    before = [c for c in cols if not run or c < run[0]]
    after = [c for c in cols if run and c > run[-1]]
    got = _FixedColumns(
        before,
        after,
        len(before) + len(after) + (1 if run else 0),
        [columns[c].role for c in run],
        [c for c in before if columns[c].role is _TASK],
        any(columns[c].role in PROGRESS_ROLES for c in run),
    )
    _last_fixed[:] = [(list(columns), frozenset(skip), list(run), got)]
    return got


def _fill_empty_cells(paras: list[Para], need: int) -> list[Para]:
    """A row short of cells whose paragraphs are set apart by extra blank lines: each extra
    blank line is an empty cell (045: "12亿元" or nothing in the 任务数 column)."""
    out: list[Para] = []
    missing = need - len(paras)
    for k, p in enumerate(paras):
        if k and missing > 0 and p.gap >= 2:
            for _ in range(min(p.gap - 1, missing)):
                out.append(Para(p.line - 1, ""))
                missing -= 1
        out.append(p)
    return out


def row_cells(
    row: Row,
    columns: list[Column],
    warn: list,
    marked_empties: bool = False,
    run: list[int] | None = None,
) -> RowCells:
    """Assign a row's paragraphs to columns: fixed columns one paragraph each (units may wrap,
    leaders may be one per line), the progress run split by the segmenter. ``run``: the
    columns' ``segmented_run`` when the caller has it (the same for every row)."""
    if run is None:
        run = segmented_run(columns)
    before, after, need, run_roles, task_cols, progress = _fixed_columns(columns, row.skip, run)
    paras = row.paras
    if len(paras) > 2 * max(need, 2) and not progress:
        warn.append(
            (
                row.line,
                f"row {row.serial} has {len(paras)} paragraphs for {need} cells: cells merged "
                "over sub-rows (sub-items with their own leaders or units?) cannot be aligned "
                "in flattened text; its cells are a guess",
            )
        )
    if len(paras) < need:
        paras = _fill_empty_cells(paras, need)
    spare = len(paras) - need  # paragraphs more than cells: a cell over several paragraphs
    if not run and len(paras) < need and len(paras) >= 2:
        # fewer paragraphs than cells in a table of short cells (a cell merged over rows or
        # left empty): each paragraph goes to the column it fits, in order
        aligned = _aligned_row(row, paras, columns, [*before, *after], warn)
        if aligned is not None:
            return aligned
    # (positional, in the fields' order: a keyword call makes a dict per row)
    out = RowCells(row.serial, {}, [], row.line, paras[-1].line if paras else row.line)
    lo, hi = 0, len(paras)
    # a row with fewer paragraphs than cells, the run's counted each (SHORT ROW RULE, align.py)
    short = bool(run) and len(paras) < len(before) + len(after) + len(run)
    for c in reversed(after):
        if hi <= lo + len(run) + 1:
            break
        role = columns[c].role
        if role is _REMARKS and short:
            continue  # 备注, the cell rows most often leave empty: a short row has none
        take = 1
        if role in _UNIT_ROLES:
            text = paras[hi - 1].text
            short = len(text) <= 12 and not CLOSING.search(text) and not looks_like_status(text)
            if not (looks_like_units(text) or short):
                break  # not a unit cell: the row is cut off before it
            while hi - take - 1 > lo + len(run) and paras[hi - take - 1].text[-1] in "、,，":
                take += 1
        elif role is _DECLARED_STATUS and not looks_like_status(paras[hi - 1].text):
            if len(paras[hi - 1].text) > 12:
                break
        elif role in _NAME_ROLES:
            text = paras[hi - 1].text
            if not looks_like_person(text) and (len(text) > 12 or _is_progress(text)):
                break  # a name, never a sentence: the row is cut off, or its cells merged
        out.fixed[c] = (
            [paras[hi - 1].text] if take == 1 else [p.text for p in paras[hi - take : hi]]
        )
        hi -= take
    for c in before:
        if lo >= hi:
            break
        role = columns[c].role
        take = 1
        if role in _UNIT_ROLES:
            text = paras[lo].text
            if not (looks_like_units(text) or is_empty_mark(text) or text == ""):
                # (VERDICT IN A UNIT'S PLACE: a status phrase, 提前完成年度任务, is no unit)
                if len(text) > 12 or not text or CLOSING.search(text) or looks_like_status(text):
                    break  # not a unit cell: misaligned or cut off, said below
            take = _unit_span(paras, lo, hi - max(len(run), 1) - len(after) + (0 if run else 1))
            nxt = before[before.index(c) + 1] if c != before[-1] else None
            if nxt is None or columns[nxt].role not in _UNIT_ROLES:
                take = _unit_per_paragraph(paras, lo, take, spare)
            spare -= take - 1
        elif role is _LEADER:
            while lo + take < hi - 1 and looks_like_person(paras[lo + take].text):
                take += 1
        elif c != before[-1]:
            take = _numbered_cell(paras, lo, hi)
            spare -= take - 1
        # (most fixed cells are one paragraph: no slice and comprehension for it)
        out.fixed[c] = [paras[lo].text] if take == 1 else [p.text for p in paras[lo : lo + take]]
        lo += take
    middle = paras[lo:hi]
    # the progress run as sub-rows: (the sub-row's own unit cell, when it has one; paragraphs)
    parts: list[tuple[str | None, list[Para]]] = [(None, middle)]
    if run and after and not any(c in out.fixed for c in after):
        found = _merged_after(middle, [columns[c].role for c in after])
        if found is not None:
            spans, end = found
            for c, (a, b) in zip(after, spans, strict=True):
                out.fixed[c] = [p.text for p in middle[a:b]]
            parts = [(None, middle[: spans[0][0]]), (None, middle[end:])]
            warn.append(
                (
                    middle[spans[0][0]].line,
                    f"row {row.serial}: its {'/'.join(columns[c].header for c in after)} "
                    f"cell stands inside its progress, {len(parts[1][1])} paragraph(s) after "
                    "it: read as cells merged over sub-rows (one per unit), the later "
                    "paragraphs as the next sub-rows' progress",
                )
            )
    unit_col = before[-1] if run and before and run[0] == before[-1] + 1 else None
    middle_texts: list[str] | None = None  # (made once: for the unit cells and the segmenter)
    if (
        len(parts) == 1
        and unit_col is not None
        and columns[unit_col].role in _UNIT_ROLES
        and out.fixed.get(unit_col)
    ):
        middle_texts = [p.text for p in middle]
        cuts = _unit_sub_rows(middle, middle_texts)
        if cuts:
            own = out.fixed[unit_col]
            parts = [(_cell(own), middle[: cuts[0][0]])]
            for (a, b), nxt in zip(cuts, [*(c[0] for c in cuts[1:]), len(middle)], strict=True):
                parts.append((_cell([p.text for p in middle[a:b]]), middle[b:nxt]))
                out.fixed[unit_col] = [*out.fixed[unit_col], *(p.text for p in middle[a:b])]
            warn.append(
                (
                    middle[cuts[0][0]].line,
                    f"row {row.serial}: {len(cuts)} unit cell(s) inside its progress "
                    f"({middle[cuts[0][0]].text[:20]!r}…): read as one sub-row per unit, each "
                    "unit with the progress after it",
                )
            )
    # a spanned cell (牵头单位, 责任领导) missing before a filled one was merged over rows,
    # not cut off: carried down (carry_spanned_cells). (Every fixed cell found, the most rows:
    # out.fixed holds cells of these columns only, so nothing is missing.)
    if len(out.fixed) == len(before) + len(after):
        missing: list[str] = []
    else:
        filled = [c for c in [*before, *after] if out.fixed.get(c)] + (run if middle else [])
        missing = [
            columns[c].header
            for c in [*before, *after]
            if c not in out.fixed
            and not (short and columns[c].role is _REMARKS)
            and not (columns[c].role in SPANNED and any(f > c for f in filled))
        ]
    if run:
        if len(task_cols) == 1:  # (one task column, most tables: the join of one is itself)
            task_text = " ".join(out.fixed.get(task_cols[0], []))
        else:
            task_text = " ".join([" ".join(out.fixed.get(c, [])) for c in task_cols])
        for k, (own_unit, part) in enumerate(parts):
            texts = (
                middle_texts
                if part is middle and middle_texts is not None
                else [p.text for p in part]
            )
            segs = segment(texts, run_roles, task_text, marked_empties=marked_empties)
            if len(part) < len(run) and k == 0:
                # Fewer paragraphs than cells: name the cells the segmenter left empty.
                missing += [
                    columns[c].header
                    for c, (a, b) in zip(run, segs[0].cells, strict=True)
                    if a == b
                ]
            for seg in segs:
                heading = texts[seg.heading] if seg.heading is not None else own_unit
                cells = {c: texts[a:b] for c, (a, b) in zip(run, seg.cells, strict=True)}
                out.items.append((heading, cells))
    elif middle:
        last = before[-1] if before else None
        if (
            last is not None
            and columns[last].role in _UNIT_ROLES
            and all(looks_like_units(p.text) for p in middle)
        ):
            out.fixed[last] = out.fixed.get(last, []) + [p.text for p in middle]
        else:
            warn.append(
                (
                    middle[0].line,
                    f"row {row.serial}: {len(middle)} paragraph(s) after its last cell "
                    f"({middle[0].text[:20]!r}…) fit no column (a cut-off row?): ignored",
                )
            )
    if missing:
        warn.append(
            (
                out.line_end,
                f"row {row.serial} ends before its {'/'.join(missing)} cell(s): the table may "
                "be cut off here",
            )
        )
    return out


def carry_spanned_cells(rows: list[RowCells], columns: list[Column], warn: list) -> None:
    """SHORT ROW RULE (text/align.py) for the rows of a cells-per-line table: a spanned cell
    (类别, 牵头单位, 责任领导) a row has none of, before a cell it has, is the cell above
    merged over both rows: carried down (one warning naming the rows). In this layout an
    empty cell is no paragraph at all, so every row is asked."""
    roles = [c.role for c in columns]
    spanned = [c for c, role in enumerate(roles) if role in SPANNED]
    # A cell is carried only into a blank spanned cell of a row below the first: when no such
    # row has one (most tables), nothing can be carried, and the texts need not be built.
    if not any(
        not (rc.serial if roles[c] is _SERIAL else "\n".join(rc.fixed.get(c, []))).strip()
        for rc in rows[1:]
        for c in spanned
    ):
        return
    texts = []
    for rc in rows:
        # each column's text; a progress column only says whether it is filled (never
        # carried), and the serial is the row's own
        filled = {c for _, cells in rc.items for c, lines in cells.items() if lines}
        texts.append(
            [
                rc.serial if role is _SERIAL else "\n".join(rc.fixed.get(c, [])) or _FILLED * (c in filled)
                for c, role in enumerate(roles)
            ]
        )
    gaps = spanned_gaps(texts, range(len(rows)), roles)
    for r, c in gaps:
        rows[r].fixed[c] = texts[r][c].split("\n")
    note = carried_note(gaps, {r: rows[r].serial for r, _ in gaps}, [c.header for c in columns])
    if note:
        warn.append((None, note))


def _aligned_row(
    row: Row, paras: list[Para], columns: list[Column], cols: list[int], warn: list
) -> RowCells | None:
    """The row's paragraphs aligned to ``cols`` by content (text/align.py), or None when the
    alignment leaves out the task cell."""
    taken = align([p.text for p in paras], [columns[c].role for c in cols])
    out = RowCells(serial=row.serial, line_start=row.line, line_end=paras[-1].line)
    for c, idx in zip(cols, taken, strict=True):
        out.fixed[c] = [paras[j].text for j in idx]
    if not any(out.fixed[c] for c in cols if columns[c].role is ColumnRole.TASK):
        return None
    empty = [columns[c].header for c in cols if not out.fixed[c]]
    # a row cut off lacks its last cells: empty cells before a filled one were merged
    why = "merged over rows, or cut off" if not out.fixed[cols[-1]] else "merged over rows"
    warn.append(
        (
            row.line,
            f"row {row.serial} has {len(paras)} paragraphs for {len(cols)} cells: aligned by "
            f"content, {'/'.join(empty)} left empty ({why})",
        )
    )
    return out


def _merged_after(
    middle: list[Para], roles: list[ColumnRole]
) -> tuple[list[tuple[int, int]], int] | None:
    """Where the cells of the columns after the progress run stand inside the run (MERGED
    CELL AFTER THE RUN RULE): one (start, end) span per column and the end of the last, or
    None. The first paragraph is progress, and a sentence of progress follows the cells."""
    for j in range(1, len(middle) - 1):
        spans: list[tuple[int, int]] = []
        at = j
        for role in roles:
            if at >= len(middle) - 1:
                break
            text = middle[at].text
            if role in _UNIT_ROLES:
                take = _unit_span(middle, at, min(len(middle) - 1, at + _MAX_UNIT_LINES))
                joined = "".join(p.text for p in middle[at : at + take])
                if not looks_like_units(joined) or CLOSING.search(joined):
                    break
            elif role is ColumnRole.LEADER or role is ColumnRole.PERSON:
                take = 1
                if not looks_like_person(text):
                    break
            else:
                take = 1
                if len(text) > 12 or CLOSING.search(text):
                    break
            spans.append((at, at + take))
            at += take
        else:
            if _is_progress(middle[at].text):
                return spans, at
    return None


def _unit_sub_rows(middle: list[Para], texts: list[str]) -> list[tuple[int, int]]:
    """Spans of the unit cells standing inside a progress run that follows the unit column
    (UNIT SUB-ROWS RULE): each between progress paragraphs, a unit list by shape. ``texts``:
    the paragraphs' texts."""
    # A unit cell's first line is short and ends no sentence: one pass over the row's texts
    # rules out most paragraphs by these looks alone (asked of every row). An empty mark
    # ("——") is no unit list, nor is one with a line joined to it (no mark ends in 、, so
    # only an aside opening with a bracket joins it): such a mark is ruled out too.
    candidates = [
        j
        for j in range(1, len(texts) - 1)
        if texts[j]
        and len(texts[j]) <= _UNIT_LINE_MAX
        and texts[j][-1] not in _NO_UNIT_END
        and not (is_empty_mark(texts[j]) and texts[j + 1][:1] not in "(（")
    ]
    cuts: list[tuple[int, int]] = []
    for j in candidates:
        if (cuts and j < cuts[-1][1] + 1) or not _is_progress(texts[j - 1]):
            continue
        take = _unit_span(middle, j, min(len(middle) - 1, j + _MAX_UNIT_LINES))
        joined = "".join(texts[j : j + take])
        if (
            len(joined) <= _UNIT_LINE_MAX
            and looks_like_units(joined)
            and not CLOSING.search(joined)
            and j + take < len(middle)
            and _is_progress(texts[j + take])
        ):
            cuts.append((j, j + take))
    return cuts


def _cell(lines: list[str]) -> str:
    """A unit cell's lines as one heading (lines ending in 、 joined without a break)."""
    return (
        "".join(lines)
        if all(x.endswith(("、", ",", "，")) for x in lines[:-1])
        else "\n".join(lines)
    )


def _is_progress(text: str) -> bool:
    """A paragraph of progress, not a short cell: a sentence, or longer than any short cell."""
    return len(text) > 30 or (len(text) > 4 and _SENTENCE_CLOSE.search(text) is not None)


def _numbered_cell(paras: list[Para], lo: int, hi: int) -> int:
    """NUMBERED CELL: a cell opening with its point 1 (``1.``, ``(1)``, ``1)``, ``①``) goes on
    over the paragraphs numbered on (2., 3. …) in the same scheme: the points of one cell (a quarter's
    plan in two points), not cells of their own — the next cell opens anew, at 1 or without a
    number. Asked of a cell with another fixed cell after it, never of the one before the
    progress run, whose points may be the progress's."""
    first = _point(paras[lo].text)
    if first is None or first[1] != 1:
        return 1
    take = 1
    while lo + take < hi:
        n = _point(paras[lo + take].text)
        if n is None or n[0] != first[0] or n[1] != take + 1:
            break
        take += 1
    return take


# A point numbered with a closing bracket only, 1) or 1）: a cell's own points as often as (1).
_HALF_PAREN = re.compile(r"^(\d{1,2})\s*[)）](?=\S)")


def _point(text: str) -> tuple[str, int] | None:
    """(scheme, value) of a cell's opening point number: :func:`numbering`'s, or 1) / 1）."""
    n = numbering(text)
    if n is not None:
        return n.scheme, n.value
    m = _HALF_PAREN.match(text)
    return ("half_paren", int(m.group(1))) if m else None


def _unit_per_paragraph(paras: list[Para], lo: int, take: int, spare: int) -> int:
    """UNIT PER PARAGRAPH: a units cell listing one unit per paragraph (市住建局 / 柴桑区政府 /
    濂溪区政府) in a row with more paragraphs than cells: the unit paragraphs right after the
    cell's first are the same cell, as many as the row has paragraphs to spare, when the
    column after it is no unit column of its own (责任单位 / 配合单位 take one each)."""
    # (a paragraph ending like a sentence is no unit list, said before the shape is asked: the
    # paragraph after a unit cell is mostly the first of the progress, seldom seen twice)
    while (
        spare - (take - 1) > 0
        and lo + take < len(paras)
        and paras[lo + take].text[-1:] not in _SENTENCE_ENDS
        and looks_like_units(paras[lo + take - 1].text)
        and looks_like_units(paras[lo + take].text)
    ):
        take += 1
    return take


def _unit_span(paras: list[Para], lo: int, limit: int) -> int:
    """How many paragraphs from ``lo`` form one unit cell: continuation lines open with a
    parenthesis ("(市国资委)", but not a list item "(1)…") or follow a line ending in 、."""
    take = 1
    while lo + take < limit:
        prev, nxt = paras[lo + take - 1].text, paras[lo + take].text
        # (an empty paragraph is neither an aside nor a line ending in 、)
        aside = nxt[:1] in ("(", "（") and len(nxt) <= 20 and numbering(nxt) is None
        if aside or (prev.endswith(("、", ",", "，")) and not is_empty_mark(nxt)):
            take += 1
        else:
            break
    return take
