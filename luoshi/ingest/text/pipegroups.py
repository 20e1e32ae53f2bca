"""Rows of a one-cell-per-line pipe table **without a 序号 column**, found by their own
numbers and read against the header (:mod:`luoshi.ingest.text.pipecells`).

NUMBERED ROWS RULE, true of any such page (a table of grouped projects, each group's lead
unit given once over its rows)::

    项目名称 |  牵头单位 |  推进情况 |  业主单位 |  本月进展情况 |     (two header levels)
    一、教育类项目(2个) |                                            (a group row)
    县教育局 |                                                       (the group's spanned cell)
    1.新建第二小学 |  县城投公司 |  主体完工。 |                      (a row: its own cells)
    2.改扩建幼儿园 |  县教投公司 |  已招标。 |
    二、卫生类项目(1个) |  县卫健委 |  1.新建住院楼 |  …                (numbering restarts)

- A row opens at a cell whose text opens with a list number (``1.``, ``1、``, ``(1)``) that
  counts on from the row before, or restarts at 1: the task cells carry the numbers. There
  must be two rows or more, the first numbered 1. A cell numbered 1 that holds its own 2.
  (on a line of its own, or after a ; 。 or comma) is a list inside a cell — a progress cell
  written as points (``1.文化中心北路已完工;`` / ``2.建设路完成路基。 |``) — not a row: a
  task cell opening a row holds one number.
- Cells numbered 1, 2 … one right after the other are the points of one cell, joined first
  (POINTS IN CELLS, :func:`_joined_points`).
- A row's own cells are the cells up to the next opener. Every row has the same number of own
  cells (each cell is marked by its bar, empty ones too), the width W — the commonest count;
  the last row may be cut off. A group's first row may hold more, the same number more in
  every group: merged cells flattened where they start, at their column's place (HTML's
  row-by-row order: ``1.新建第二小学 | 县教育局 | 县城投公司 | …`` then ``2.… | 县教投公司 |
  …``). Their columns are the ones whose leaving out makes the later rows fit best by content,
  a category, lead-unit or leader column first on a tie (given once for a group, as a row's
  own unit is not); they are carried down like the cells before the number.
- Cells beyond W before a number restarting at 1 (or before the first row) open a group:
  the first is the group's name (a group row), the others are cells the group's rows share
  (a merged cell flattened once: the group's 牵头单位), given to every row of the group,
  with one warning per column naming the rows. Every group opens with the same number of
  cells, else the rule does not hold and None is returned (the caller cuts rows by count).
  In a table one column wider whose header has a category column (类别), the group's name
  is that column's cell, merged over the group's rows, rather than a group row.
  A shared cell goes to the first column, other than task and serial, that its content
  fits (:func:`~luoshi.ingest.text.align.piece_fit`); a row's own cells are aligned by
  content to the other columns.
- The header is read against the rows. Its readings: as found; a header cell running over
  lines whose every line names a column cut at the lines, and a glued cell cut into known
  column words of three characters or more (业主单位本月进展情况 → 业主单位 / 本月进展情况),
  both being borders the flattening lost; and, for each, one top cell of a two-level header
  left out — a cell whose role a later cell shares (推进情况 over 业主单位 / 本月进展情况:
  the names under it follow it in the flattened text). Of the readings as wide as the rows
  (W plus the shared cells), the one whose columns the rows' cells fit best wins, the
  reading as found first on a tie; a reading other than as found is warned.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations, pairwise
from math import comb

from luoshi.ingest.grid import GridCell
from luoshi.ingest.headers import header_role, header_roles, normalise_header
from luoshi.ingest.headerwords import cut_glued
from luoshi.ingest.text.align import align_scored, piece_fit
from luoshi.vocab import ColumnRole

__all__ = ["numbered_grid_rows"]

_NUMBER = re.compile(r"^\s*(?:(\d{1,3})[.、．](?!\d)|[(（](\d{1,3})[)）])")
_NOT_SHARED = frozenset({ColumnRole.TASK, ColumnRole.SERIAL})

Piece = tuple[int, str]  # (line, text)


@dataclass
class _Group:
    name: Piece | None
    shared: list[Piece]
    rows: list[list[Piece]] = field(default_factory=list)


def _number(text: str) -> int | None:
    m = _NUMBER.match(text)
    return int(m.group(1) or m.group(2)) if m else None


# The second point of a list inside a cell: 2. (or 2、, (2)) at a line start or after a break.
_SECOND_POINT = re.compile(r"(?:\n|[;；。,，])\s*(?:2[.、．](?!\d)|[(（]2[)）])")


def _holds_list(text: str) -> bool:
    """Whether a cell opening with 1 numbers a list of its own (its 2. follows inside it)."""
    return _SECOND_POINT.search(text) is not None


def _style(text: str) -> str:
    """How a number is written: ".", "、" or "(" (1. 1、 (1))."""
    m = _NUMBER.match(text)
    if m is None:
        return ""
    return "(" if m.group(2) else m.group(0).strip()[-1].replace("．", ".")


def _joined_points(
    cells: list[tuple[int, str, bool]],
) -> tuple[list[tuple[int, str, bool]], list[int]]:
    """POINTS IN CELLS: a run of cells numbered 1, 2, 3 … in one style, each right after the
    other (``(1)新建教学楼已封顶; |`` / ``(2)运动场完成30%。 |``), is one cell written as
    points, each point closed by a bar: joined, one point per line. A row holds two cells or
    more (each marked by its bar, empty ones too), so a row's number never follows the task
    cell of the row above directly. A cell numbering on from the rows (3. after row 2.) ends
    the run unless the point before it runs on (ends with ; , 、). The cells, and the lines
    where runs were joined."""
    out: list[tuple[int, str, bool]] = []
    at: list[int] = []
    row, row_style = 0, ""  # the last numbered cell not in a run: the rows' numbering
    k = 0
    while k < len(cells):
        end = k + 1
        if _number(cells[k][1]) == 1:
            while (
                end < len(cells)
                and _number(cells[end][1]) == end - k + 1
                and _style(cells[end][1]) == _style(cells[k][1])
                # the next row's number, unless the point before it runs on (ends with ;)
                and (
                    end - k + 1 != row + 1
                    or _style(cells[end][1]) != row_style
                    or cells[end - 1][1].rstrip()[-1:] in _RUNS_ON
                )
            ):
                end += 1
        if end - k > 1:
            at.append(cells[k][0])
            out.append((cells[k][0], "\n".join(c[1] for c in cells[k:end]), cells[end - 1][2]))
        else:
            out.append(cells[k])
            if _number(cells[k][1]) is not None:
                row, row_style = _number(cells[k][1]) or 0, _style(cells[k][1])
        k = end
    return out, at


_RUNS_ON = frozenset(";；,，、")


def _groups(
    cells: list[tuple[int, str, bool]], start: int
) -> tuple[list[_Group], int, int] | None:
    """The groups and rows of the cells after the header, the width W of a row and how many
    more cells a group's first row holds (its merged cells); None when the cells do not have
    the rule's shape."""
    openers: list[int] = []
    prev = 0
    for k in range(start, len(cells)):
        n = _number(cells[k][1])
        if n == 1 and prev > 0 and _holds_list(cells[k][1]):
            continue  # points of a cell (1. … 2. …), not a row restarting the numbers
        if n is not None and (n == prev + 1 or (n == 1 and prev > 0)):
            openers.append(k)
            prev = n
    if len(openers) < 2 or _number(cells[openers[0]][1]) != 1:
        return None
    restarts = {b for b in openers[1:] if _number(cells[b][1]) == 1}
    firsts = {openers[0]} | restarts
    lead = openers[0] - start  # the cells opening a group, before its first number
    # each row's own cells (the next group's opening left out), the last row's unknown
    owns = [
        (a, b - a - (lead if b in restarts else 0)) for a, b in pairwise(openers)
    ]
    later = [n for a, n in owns if a not in firsts]
    if not later:
        return None
    width = Counter(later).most_common(1)[0][0]
    inner = {n - width for a, n in owns if a in firsts}
    if width < 2 or any(n != width for n in later) or len(inner) > 1 or min(inner, default=0) < 0:
        return None  # rows of different widths, or groups opening differently: not this shape
    extra = inner.pop() if inner else 0
    groups: list[_Group] = []
    bounds = [*openers, len(cells)]

    def open_group(first: int) -> None:
        piece = [(ln, t) for ln, t, _ in cells[first : first + lead]]
        groups.append(_Group(piece[0] if piece else None, piece[1:]))

    open_group(start)
    for a, b in pairwise(bounds):
        if a in restarts:
            open_group(a - lead)
        n = width + (extra if a in firsts else 0)
        groups[-1].rows.append([(ln, t) for ln, t, _ in cells[a : min(b, a + n)]])
    return groups, width, extra


def _readings(words: list[str]) -> list[tuple[list[str], str]]:
    """The header's readings (words, how), as found first: see the module rules."""
    cut_lines: list[str] = []
    for w in words:
        lines = [normalise_header(x) for x in w.split("\n") if normalise_header(x)]
        if len(lines) > 1 and all(header_role(x, True) is not ColumnRole.OTHER for x in lines):
            cut_lines += lines
        else:
            cut_lines.append(w)
    glued = cut_glued(cut_lines)
    bases = [(words, "")]
    if cut_lines != words:
        bases.append((cut_lines, "a header cell over lines cut at its lines"))
    if glued != cut_lines:
        bases.append((glued, "glued header cells cut by the vocabulary"))
    out = list(bases)
    for base, how in bases:
        roles = header_roles(base)
        for k in range(1, len(base) - 1):
            if roles[k] is not ColumnRole.OTHER and roles[k] in roles[k + 2 :]:
                top = normalise_header(base[k])
                names = "/".join(normalise_header(w) for w in base[k + 1 :])
                note = f"a two-level header: {top} spans {names}"
                out.append(([*base[:k], *base[k + 1 :]], f"{how}; {note}" if how else note))
    return out


def _shared_columns(
    shared: list[Piece], roles: list[ColumnRole], taken: list[int]
) -> list[int] | None:
    """The column of each shared cell: the first (not task, not serial, not taken) its
    content fits; None when one fits none."""
    out: list[int] = []
    for _, text in shared:
        col = next(
            (
                c
                for c, r in enumerate(roles)
                if r not in _NOT_SHARED
                and c not in out
                and c not in taken
                and piece_fit(r, text) > 1
            ),
            None,
        )
        if col is None:
            return None
        out.append(col)
    return out


# A merged cell given in a group's first row is likelier a lead unit or a category (given once
# for the group) than a row's own unit: the order tried when the rows' content ties.
_SPAN_PREFERENCE = (ColumnRole.CATEGORY, ColumnRole.LEAD_UNIT, ColumnRole.LEADER)
_MAX_SPAN_CHOICES = 64
_SAMPLE_ROWS = 40


def _sample(groups: list[_Group]) -> list[tuple[int, list[Piece]]]:
    """The rows a reading of the header is judged on, (index in its group, cells): the first
    ``_SAMPLE_ROWS`` of the table (a header's reading does not change down the page; judging
    every row of a long table would cost each reading a pass over it)."""
    out: list[tuple[int, list[Piece]]] = []
    for g in groups:
        for k, own in enumerate(g.rows):
            if len(out) >= _SAMPLE_ROWS:
                return out
            out.append((k, own))
    return out


def _score(
    groups: list[_Group], roles: list[ColumnRole], named: bool, extra: int
) -> tuple[float, list[list[int]], list[int]] | None:
    """Total fit of the rows under these columns, each group's shared columns (with
    ``named``, the group's name is the category column's cell, the first shared one) and
    the columns of the merged cells a group's first row holds (``extra`` of them)."""
    total = 0.0
    placed: list[list[int]] = []
    category = roles.index(ColumnRole.CATEGORY) if ColumnRole.CATEGORY in roles else None
    for g in groups:
        cols = _shared_columns(g.shared, roles, [category] if named else [])
        if cols is None:
            return None
        if named:
            cols = [category, *cols]  # type: ignore[list-item]
        placed.append(cols)
        pairs = zip(cols[1:] if named else cols, g.shared, strict=True)
        total += sum(piece_fit(roles[c], t) for c, (_, t) in pairs)
    taken = set(placed[0]) if placed else set()
    free = [c for c in range(len(roles)) if c not in taken]
    best: tuple[float, int, list[int]] | None = None
    sample = _sample(groups)
    spannable = [c for c in free if roles[c] not in _NOT_SHARED]
    if comb(len(spannable), extra) > _MAX_SPAN_CHOICES:
        return None  # more merged cells than a group's first row plausibly holds
    for spanned in combinations(spannable, extra):
        rest = [c for c in free if c not in spanned]
        fit = 0.0
        for k, own in sample:
            cols = free if k == 0 else rest
            fit += align_scored([t for _, t in own], [roles[c] for c in cols])[1]
        rank = sum(
            _SPAN_PREFERENCE.index(roles[c]) if roles[c] in _SPAN_PREFERENCE else 9
            for c in spanned
        )
        if best is None or (fit, -rank) > (best[0], -best[1]):
            best = (fit, rank, list(spanned))
    if best is None:
        return None
    return total + best[0], placed, best[2]


def numbered_grid_rows(
    cells: list[tuple[int, str, bool]],
    start: int,
    words: list[str],
    header_line: int,
    warnings: list[tuple[int | None, str]],
) -> tuple[list[str], list[list[GridCell | None]]] | None:
    """(header words, grid rows header first) of the cells after the header by the numbered
    rows rule, or None when the cells do not have its shape."""
    joined, at = _joined_points(cells[start:])
    cells = [*cells[:start], *joined]
    found = _groups(cells, start)
    if found is None:
        return None
    if at:
        warnings.append(
            (
                at[0],
                f"cells numbered in order one right after the other (lines "
                f"{', '.join(map(str, at[:8]))}): the points of one cell, joined (a row holds "
                "two cells or more, so no row's number follows the row above's task cell)",
            )
        )
    groups, width, extra = found
    full = width + len(groups[0].shared) + extra
    all_named = all(g.name is not None for g in groups)
    best: tuple[float, int, list[str], str, list[list[int]], list[int], bool] | None = None
    for rank, (reading, how) in enumerate(_readings(words)):
        roles = header_roles(reading)
        # the group's name is a group row, or, in a table with a category column one
        # wider, that column's cell merged over the group's rows
        named = len(reading) == full + 1 and all_named and ColumnRole.CATEGORY in roles
        if len(reading) != full and not named:
            continue
        scored = _score(groups, roles, named, extra)
        if scored is None:
            continue
        key = (scored[0], -rank)
        if best is None or key > (best[0], -best[1]):
            best = (scored[0], rank, reading, how, scored[1], scored[2], named)
    if best is None:
        return None
    _, _, reading, how, placed, spanned, named = best
    last = groups[-1].rows[-1]
    whole = width + (extra if len(groups[-1].rows) == 1 else 0)
    after = [c for c in cells if c[0] > last[-1][0]] if len(last) == whole else []
    if after:
        warnings.append(
            (
                after[0][0],
                f"{len(after)} cell(s) after the last row's {width} ({after[0][1][:20]!r}…) "
                "are not read as the table's (a page footer?)",
            )
        )
    words = [normalise_header(w) for w in reading]
    roles = header_roles(words)
    line0 = groups[0].rows[0][0][0]
    warnings.append(
        (
            line0,
            "a pipe table flattened one cell per line, without a 序号 column: rows found by "
            f"the numbers their task cells open with ({width} cells each), cells aligned to "
            "the columns by what they look like; check the result",
        )
    )
    if how:
        warnings.append((header_line, f"the header read as {'/'.join(words)}: {how}"))
    rows: list[list[GridCell | None]] = [
        [GridCell(w, 0, c, line=header_line) for c, w in enumerate(words)]
    ]
    for g, cols in zip(groups, placed, strict=True):
        cells_shared = g.shared
        if g.name is not None and named:
            cells_shared = [g.name, *g.shared]  # the category column's merged cell
        elif g.name is not None:
            r = len(rows)
            cell = GridCell(g.name[1], r, 0, colspan=len(words), line=g.name[0])
            rows.append([cell] * len(words))
        shared = {
            c: GridCell(t, len(rows), c, rowspan=len(g.rows), line=ln)
            for c, (ln, t) in zip(cols, cells_shared, strict=True)
        }
        free = [c for c in range(len(words)) if c not in shared]
        for k, own in enumerate(g.rows):
            r = len(rows)
            # the first row holds the merged cells of the ``spanned`` columns too
            cols = free if k == 0 else [c for c in free if c not in spanned]
            taken, _ = align_scored([t for _, t in own], [roles[c] for c in cols])
            row: list[GridCell | None] = [None] * len(words)
            for c, cell in shared.items():
                row[c] = cell
            for c, idx in zip(cols, taken, strict=True):
                text = "\n".join(own[j][1] for j in idx)
                line = own[idx[0]][0] if idx else own[0][0]
                if k == 0 and c in spanned:
                    shared[c] = GridCell(text, r, c, rowspan=len(g.rows), line=line)
                    row[c] = shared[c]
                else:
                    row[c] = GridCell(text, r, c, line=line)
            if k > 0:
                for c in spanned:
                    row[c] = shared[c]
            rows.append(row)
        if shared and len(g.rows) > 1:
            names = [normalise_header(g.rows[k][0][1])[:8] for k in range(1, len(g.rows))]
            for c, cell in shared.items():
                warnings.append(
                    (
                        cell.line,
                        f"column {words[c]}: {cell.text!r}, given once for the group "
                        f"{(g.name[1] if g.name else '')[:20]!r}, is carried down to its "
                        f"{len(g.rows) - 1} other row(s) ({', '.join(names[:6])}…): a merged "
                        "cell",
                    )
                )
    return words, rows
