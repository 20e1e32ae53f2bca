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
  must be two rows or more, the first numbered 1.
- A row's own cells are the cells up to the next opener. Every row has the same number of own
  cells (each cell is marked by its bar, empty ones too), the width W — the commonest count;
  the last row may be cut off.
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
from itertools import pairwise

from luoshi.ingest.grid import GridCell
from luoshi.ingest.headers import header_role, header_roles, normalise_header, split_header_words
from luoshi.ingest.text.align import align_scored, piece_fit
from luoshi.vocab import ColumnRole

__all__ = ["numbered_grid_rows"]

_NUMBER = re.compile(r"^\s*(?:(\d{1,3})[.、．](?!\d)|[(（](\d{1,3})[)）])")
_MIN_GLUED = 3  # each of two glued names is a full column name (目标任务 is one)
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


def _groups(cells: list[tuple[int, str, bool]], start: int) -> tuple[list[_Group], int] | None:
    """The groups and rows of the cells after the header, and the width W; None when the
    cells do not have the rule's shape."""
    openers: list[int] = []
    prev = 0
    for k in range(start, len(cells)):
        n = _number(cells[k][1])
        if n is not None and (n == prev + 1 or (n == 1 and prev > 0)):
            openers.append(k)
            prev = n
    if len(openers) < 2 or _number(cells[openers[0]][1]) != 1:
        return None
    restarts = {b for b in openers[1:] if _number(cells[b][1]) == 1}
    plain = [b - a for a, b in pairwise(openers) if b not in restarts]
    ends = [b - a for a, b in pairwise(openers) if b in restarts]
    if not plain and not ends:
        return None
    width = Counter(plain).most_common(1)[0][0] if plain else min(ends) - 1
    if width < 2 or any(n != width for n in plain):
        return None
    opening = {n - width for n in ends} | {openers[0] - start}
    if len(opening) != 1:
        return None  # groups that open with different numbers of cells: not this shape
    lead = opening.pop()
    groups: list[_Group] = []
    bounds = [*openers, len(cells)]

    def open_group(first: int) -> None:
        piece = [(ln, t) for ln, t, _ in cells[first : first + lead]]
        groups.append(_Group(piece[0] if piece else None, piece[1:]))

    open_group(start)
    for a, b in pairwise(bounds):
        if a in restarts:
            open_group(a - lead)
        own = [(ln, t) for ln, t, _ in cells[a : min(b, a + width)]]
        groups[-1].rows.append(own)
    return groups, width


def _readings(words: list[str]) -> list[tuple[list[str], str]]:
    """The header's readings (words, how), as found first: see the module rules."""
    cut_lines: list[str] = []
    for w in words:
        lines = [normalise_header(x) for x in w.split("\n") if normalise_header(x)]
        if len(lines) > 1 and all(header_role(x, True) is not ColumnRole.OTHER for x in lines):
            cut_lines += lines
        else:
            cut_lines.append(w)
    glued: list[str] = []
    for w in cut_lines:
        cut = split_header_words(w) if len(normalise_header(w)) >= 2 * _MIN_GLUED else None
        if cut and len(cut) > 1 and all(len(c) >= _MIN_GLUED for c in cut):
            glued += cut
        else:
            glued.append(w)
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


def _score(
    groups: list[_Group], roles: list[ColumnRole], named: bool
) -> tuple[float, list[list[int]]] | None:
    """Total fit of the rows under these columns, and each group's shared columns (with
    ``named``, the group's name is the category column's cell, the first shared one)."""
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
        total += sum(piece_fit(roles[c], t) for c, (_, t) in zip(cols[1:] if named else cols, g.shared, strict=True))
        rest = [r for c, r in enumerate(roles) if c not in cols]
        for own in g.rows:
            total += align_scored([t for _, t in own], rest)[1]
    return total, placed


def numbered_grid_rows(
    cells: list[tuple[int, str, bool]],
    start: int,
    words: list[str],
    header_line: int,
    warnings: list[tuple[int | None, str]],
) -> tuple[list[str], list[list[GridCell | None]]] | None:
    """(header words, grid rows header first) of the cells after the header by the numbered
    rows rule, or None when the cells do not have its shape."""
    found = _groups(cells, start)
    if found is None:
        return None
    groups, width = found
    full = width + len(groups[0].shared)
    all_named = all(g.name is not None for g in groups)
    best: tuple[float, int, list[str], str, list[list[int]], bool] | None = None
    for rank, (reading, how) in enumerate(_readings(words)):
        roles = header_roles(reading)
        # the group's name is a group row, or, in a table with a category column one
        # wider, that column's cell merged over the group's rows
        named = len(reading) == full + 1 and all_named and ColumnRole.CATEGORY in roles
        if len(reading) != full and not named:
            continue
        scored = _score(groups, roles, named)
        if scored is None:
            continue
        key = (scored[0], -rank)
        if best is None or key > (best[0], -best[1]):
            best = (scored[0], rank, reading, how, scored[1], named)
    if best is None:
        return None
    _, _, reading, how, placed, named = best
    last = groups[-1].rows[-1]
    after = [c for c in cells if c[0] > last[-1][0]] if len(last) == width else []
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
        rest = [c for c in range(len(words)) if c not in shared]
        for own in g.rows:
            r = len(rows)
            taken, _ = align_scored([t for _, t in own], [roles[c] for c in rest])
            row: list[GridCell | None] = [None] * len(words)
            for c, cell in shared.items():
                row[c] = cell
            for c, idx in zip(rest, taken, strict=True):
                text = "\n".join(own[j][1] for j in idx)
                row[c] = GridCell(text, r, c, line=own[idx[0]][0] if idx else own[0][0])
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
