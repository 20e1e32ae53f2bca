"""Rows of a cells-per-line table of short cells — targets, figures, status words — read by
content instead of by position.

Rule, true of any such table flattened one cell per paragraph: when the table carries figure
columns (a target, an actual figure or a declared status) and no problems or next-steps
column, and every cell is short (no paragraph longer than ``MAX_CELL``), a row's paragraphs
are aligned to its columns by what they look like (:mod:`luoshi.ingest.text.align`), so a cell
the page left out — a unit or leader merged over several rows, written on the first of them
only — does not shift the rest. Such a unit, leader or category cell is carried down from the
row above, with one warning per column naming the rows: in flattened text a merged cell looks
like a missing one, so the reader says what it assumed. A unit name wrapped mid-word over two
paragraphs is joined first, and so is a figure cell wrapped before its number (控制在 /
10410人内) or before its measure word (提升4个 / 百分点), and a task cell whose last word
wrapped (…占区级税收 / 比重); a progress column holding bare figures is the actual figure.
"""

from __future__ import annotations

import re

from luoshi.ingest.layout import RowCells
from luoshi.ingest.model import Column
from luoshi.ingest.text.align import align
from luoshi.ingest.text.rows import Row
from luoshi.ingest.text.shapes import looks_like_units
from luoshi.vocab import ColumnRole

MAX_CELL = 60
_FIGURE_ROLES = frozenset({ColumnRole.TARGET, ColumnRole.ACTUAL, ColumnRole.DECLARED_STATUS})
_TEXT_ITEMS = frozenset({ColumnRole.PROBLEMS, ColumnRole.NEXT_STEPS})
_ITEM_ROLES = frozenset({ColumnRole.DONE, ColumnRole.PROBLEMS, ColumnRole.NEXT_STEPS})
# Cells merged over rows in these tables: written on the first row only.
_CARRIED = frozenset(
    {ColumnRole.UNITS, ColumnRole.LEAD_UNIT, ColumnRole.CO_UNITS, ColumnRole.LEADER}
)


def _cols(row: Row, columns: list[Column], category_first: bool) -> list[int]:
    return [
        i
        for i, c in enumerate(columns)
        if c.role is not ColumnRole.SERIAL and i not in row.skip and not (category_first and i == 0)
    ]


def is_short_cell_table(rows: list[Row], columns: list[Column], category_first: bool) -> bool:
    """The table qualifies (module docstring), and some row's paragraph count differs from
    its cell count (else reading by position is as good)."""
    roles = {c.role for c in columns}
    if not roles & _FIGURE_ROLES or roles & _TEXT_ITEMS or len(rows) < 2:
        return False
    if any(len(p.text) > MAX_CELL for r in rows for p in r.paras):
        return False
    return any(len(r.paras) != len(_cols(r, columns, category_first)) for r in rows)


def aligned_rows(
    rows: list[Row], columns: list[Column], category_first: bool, warn: list
) -> list[tuple[RowCells, str]]:
    """Each row's cells aligned by content; merged unit/leader cells carried down; each row
    with its group (a spanned sub-group of the task column included, see _sub_groups)."""
    out: list[RowCells] = []
    above: dict[int, list[str]] = {}
    carried: dict[int, list[str]] = {}
    aligned = []
    for row in rows:
        cols = _cols(row, columns, category_first)
        texts = _join_wrapped_figures(_join_wrapped_names([p.text for p in row.paras]))
        aligned.append((cols, texts, align(texts, [columns[c].role for c in cols])))
    _figure_progress(columns, aligned, warn)
    groups = _sub_groups(rows, columns, aligned, warn)
    for row, (cols, texts, taken) in zip(rows, aligned, strict=True):
        rc = RowCells(
            serial=row.serial,
            line_start=row.line,
            line_end=row.paras[-1].line if row.paras else row.line,
        )
        items: dict[int, list[str]] = {}
        short = len(texts) < len(cols)
        for c, idx in zip(cols, taken, strict=True):
            lines = [texts[j] for j in idx]
            if not lines and short and columns[c].role in _CARRIED and above.get(c):
                lines = list(above[c])
                carried.setdefault(c, []).append(row.serial)
            if lines:
                above[c] = lines
            if columns[c].role in _ITEM_ROLES:
                items[c] = lines
            else:
                rc.fixed[c] = lines
        if items:
            rc.items = [(None, items)]
        out.append(rc)
    warn.append(
        (
            rows[0].line,
            "a table of short cells (targets, figures, status): each row's paragraphs aligned "
            "to the columns by content, not by position; check the result",
        )
    )
    for c, serials in carried.items():
        warn.append(
            (
                None,
                f"column {columns[c].header}: {len(serials)} row(s) ({', '.join(serials[:6])}"
                f"{'…' if len(serials) > 6 else ''}) have no cell of their own; the cell above "
                "is carried down (a merged cell)",
            )
        )
    return list(zip(out, groups, strict=True))


_FIGURE = re.compile(r"^[-+]?\d[\d.,，]*\s*(%|％|万元|亿元|个|人|项|元|户|所)?$")
_MIN_FIGURES = 0.8
_LEVEL_START = "市区县省镇乡州各"


def _join_wrapped_names(texts: list[str]) -> list[str]:
    """A unit name wrapped mid-word over two paragraphs ("市人力资源" / "社会保障局") is one:
    a piece opening like a unit name (市, 区, 县 …) that does not end like one, with no
    figures, followed by a piece that does, joining into a unit name."""
    out: list[str] = []
    for t in texts:
        prev = out[-1] if out else ""
        if (
            prev
            and prev[0] in _LEVEL_START
            and len(prev) <= 10
            and not re.search(r"\d", prev)
            and not looks_like_units(prev)
            and looks_like_units(t)
            and looks_like_units(prev + t)
        ):
            out[-1] = prev + t
        else:
            out.append(t)
    return out


# The tail of a figure wrapped onto a line of its own: a measure word alone (百分点, 万元).
_FIGURE_TAIL = re.compile(
    r"^(?:个?百分点|万元|亿元|万人|人次|万平方米|平方米|公里|以上|以下|以内|左右)$"
)
# The head of a figure cell wrapped before its number: a verb or bound awaiting its figure.
_FIGURE_HEAD = re.compile(
    r"(?:控制在|保持在|稳定在|达到|不低于|不少于|不超过|不高于|提高到|提升到|增长到)$"
)


def _join_wrapped_figures(texts: list[str]) -> list[str]:
    """A figure cell wrapped over two paragraphs is one: a paragraph holding only a measure
    word (百分点, 万元, 以上) ends the paragraph before it ("提升4个" / "百分点"), and a
    paragraph ending in a bound awaiting its figure, with no figure of its own (控制在, 不低于,
    达到), opens the paragraph after it ("控制在" / "10410人内")."""
    out: list[str] = []
    for t in texts:
        prev = out[-1] if out else ""
        if prev and (
            (_FIGURE_TAIL.match(t) and re.search(r"\d", prev))
            or (_FIGURE_HEAD.search(prev) and not re.search(r"\d", prev) and re.search(r"\d", t))
        ):
            out[-1] = prev + t
        else:
            out.append(t)
    return out


def _figure_progress(columns: list[Column], aligned: list, warn: list) -> None:
    """A column named as progress (进度) whose cells are, in ``_MIN_FIGURES`` of the rows
    that fill it, bare figures is the achieved figure: role actual (kept in the task's extra
    cells), with a warning naming it."""
    for c, col in enumerate(columns):
        if col.role is not ColumnRole.DONE:
            continue
        cells = [
            [texts[j] for j in taken[cols.index(c)]]
            for cols, texts, taken in aligned
            if c in cols and taken[cols.index(c)]
        ]
        figures = sum(1 for cell in cells if len(cell) == 1 and _FIGURE.match(cell[0]))
        if cells and figures >= _MIN_FIGURES * len(cells):
            columns[c] = Column(col.header, ColumnRole.ACTUAL)
            warn.append(
                (
                    None,
                    f"column {col.header}: {figures} of its {len(cells)} cells are bare figures: "
                    "read as the achieved figure (actual), not progress text",
                )
            )


_MAX_TAIL = 3


def _wrapped_tail(first: str, second: str) -> bool:
    """``second`` is the end of ``first`` wrapped onto its own line, not a task under a
    sub-group: at most ``_MAX_TAIL`` characters, no figure, and ``first`` not a closed
    sentence (a task names something longer than a word)."""
    return (
        len(second) <= _MAX_TAIL
        and not re.search(r"\d", second)
        and not re.search(r"[。;；:：]$", first)
    )


def _sub_groups(rows: list[Row], columns: list[Column], aligned: list, warn: list) -> list[str]:
    """A task column holding two paragraphs in a few rows and one in the others: the first of
    the two is a sub-group cell merged over the rows below (促进城乡劳动者就业创业 over its
    indicators), written on its first row only. It is taken out of the task text and becomes
    the group of its row and the rows below it (up to the next one), with one warning."""
    task = next((c for c, col in enumerate(columns) if col.role is ColumnRole.TASK), None)
    if task is None:
        return [r.group for r in rows]
    counts = [len(taken[cols.index(task)]) if task in cols else 0 for cols, _, taken in aligned]
    for k, (cols, texts, taken) in enumerate(aligned):
        idx = taken[cols.index(task)] if task in cols else []
        if len(idx) == 2 and _wrapped_tail(texts[idx[0]], texts[idx[1]]):
            # the task's own text wrapped onto a second line ("…占区级税收" / "比重"): one cell
            texts[idx[0]] += texts[idx[1]]
            taken[cols.index(task)] = idx[:1]
            counts[k] = 1
    doubles = [k for k, n in enumerate(counts) if n == 2]
    singles = sum(1 for n in counts if n == 1)
    if not doubles or singles < 2 * len(doubles):
        return [r.group for r in rows]
    out: list[str] = []
    current = ""
    for k, (row, (cols, texts, taken)) in enumerate(zip(rows, aligned, strict=True)):
        if k in doubles:
            idx = taken[cols.index(task)]
            current = texts[idx[0]]
            taken[cols.index(task)] = idx[1:]
        if row.group and k and row.group != rows[k - 1].group:
            current = ""  # a new group row above: the sub-group ends
        out.append(" ".join(g for g in (row.group, current) if g))
    warn.append(
        (
            rows[doubles[0]].line,
            f"column {columns[task].header}: rows {', '.join(rows[k].serial for k in doubles)} "
            "hold two paragraphs where the others hold one: the first is read as a sub-group "
            "merged over the rows below (kept as their group), the second as the task",
        )
    )
    return out
