"""A text layout whose cell borders are marked by ``|``, read as a Grid (then the shared grid layout)
(the other such layout, a line of ``|`` after each cell, is :mod:`.bar`):

- **pipe**: one row per line, cells between ``|`` (``1 | 任务 | 完成情况 |``). A site's
  navigation row ("信息公开 | 重要工作 | 政府绩效目标 |") may stand above the title; the header is
  the first pipe row naming known columns. A row without its closing ``|`` is cut off.
  Rules true of any pipe table, Markdown or ASCII: a row made only of rule characters
  (``--- | :---:``, ``+----+``) draws the table's lines and holds no cells; when the header
  row opens with ``|`` (``| 序号 | 任务 |``) every row does, and that bar opens the first cell
  rather than closing an empty one. A row right under the header with no serial, whose short
  cells join the header cells above into more known column names (任务 / 内容), is the
  header's second line. A wrapped line whose other cells are empty continues the cell left
  unfinished (ending on a comma), else the first not ending like a sentence. In a numbered
  table a row without serial or unit whose text cells come first (``新增托位500个。 |
  新增托位600个。 | ||``) is more targets of the task above, joined to its cells
  (:func:`_sub_row`), unless it ends with a rating of its own in the declared status column:
  then it is a task of its own (RATED ROWS RULE, :mod:`luoshi.ingest.ratedrows`). A second
  header line of fewer cells, all header words, under a
  header narrower than the rows below (rows of header - 1 + that many cells) is the names of
  the columns one top cell spans (``2018年7月进展情况`` over ``完成投资 | 完成率 | 实施情况``):
  the top cell is the one whose role the names below share (a progress cell over progress
  figures), else the one naming no known column, else the one whose empty cells after it
  make it span as many columns as the names below (a group row: ``项目名称 | 项目类别 | ||||``
  over five labels; empty cells ending the top line are no columns); the grid gets the
  two-row header with the span, read like a two-row header in any format. A line of bars only holds no cells. When
  most rows are wider than the header and the header cells that cut wholly into known words
  (当前进度牵头单位) make it exactly that wide, those cells were glued: they are cut. A row
  closed by its ``|`` but short of cells (a cell merged from the row above, a category given
  once), other than the last (more likely cut off, unless its cells show a cell before its
  last left out), is aligned to the columns by content (text/align.py), not by position; a
  total or group row is not. Under a header naming every column, empty cells at a row's end
  (one bar too many) do not make a row of fewer filled cells full. A line opening with a
  publication metadata key (索引号:, 成文日期:, 发布机构:) ends the table: no rows after it.
"""

from __future__ import annotations

import re

from luoshi.ingest.cells import empty_runs, without_trailing_empties
from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.headers import header_roles, is_known_header, normalise_header
from luoshi.ingest.headerwords import unglue_header
from luoshi.ingest.metadata import opens_with_metadata_key
from luoshi.ingest.ratedrows import cut_rated_row, rated_placement
from luoshi.ingest.text.align import carry_spanned
from luoshi.ingest.text.pipeheader import header_continuation
from luoshi.ingest.text.pipesubrows import SubRow, sub_item_rows
from luoshi.vocab import ColumnRole

PIPE_LAYOUT = "pipe"
MAX_HEADER_LEN = 24
SERIAL_CELL = re.compile(r"^\d{1,4}[.、．]?$")
_TOTAL = re.compile(r"^(?:合|小|总|總|共)[计計]")
_RULE = re.compile(r"^[\s|+:=\-—_]*$")


def is_rule_row(line: str) -> bool:
    """A line drawing the table's rules (``--- | ---``, ``|:--|--:|``, ``+----+``)."""
    s = line.strip()
    drawn = "|" in s or "+" in s or len(s) >= 3  # not a lone "——" (an empty cell's mark)
    return drawn and ("-" in s or "=" in s or "—" in s) and bool(_RULE.match(s))


def _pipe_cells(line: str, opening_bar: bool = False) -> tuple[list[str], bool] | None:
    """(cells, closed) of a pipe row, or None when the line is not one. With
    ``opening_bar`` (the header opens with |) a leading | opens the first cell."""
    s = line.strip()
    if "|" not in s:
        return None
    if opening_bar and s.startswith("|") and len(s) > 1:
        s = s[1:].lstrip()
    parts = s.split("|")
    closed = s.endswith("|")
    if closed:
        parts = parts[:-1]
    if len(parts) < 2:
        return None
    return [p.strip() for p in parts], closed


def _header_score(cells: list[str]) -> int:
    return sum(
        1 for c in cells if 0 < len(normalise_header(c)) <= MAX_HEADER_LEN and is_known_header(c)
    )


def find_pipe_header(lines: list[str]) -> int | None:
    """Index of the pipe header row: the first pipe row naming two known columns."""
    for i, line in enumerate(lines):
        found = _pipe_cells(line, opening_bar=True)
        if found and _header_score(found[0]) >= 2:
            return i
    return None


def continued_header(lines: list[str], h: int) -> tuple[list[int], list[str]]:
    """The lines continuing the pipe header at ``lines[h]`` and their cells (pipeheader.py),
    unless the line under it is a second header level spanned by a top cell (a two-level
    header, whose names go under that cell, not after the last)."""
    opening_bar = lines[h].strip().startswith("|")
    cells, _ = _pipe_cells(lines[h], opening_bar)  # type: ignore[misc]
    if _spanned_header(lines, h, cells, opening_bar) is not None:
        return [], []
    return header_continuation(lines, h)


def pipe_grid(lines: list[str], h: int) -> tuple[Grid, list[tuple[int | None, str]]]:
    """The Grid of a pipe table whose header is lines[h]; warnings for cut-off rows."""
    warnings: list[tuple[int | None, str]] = []
    opening_bar = lines[h].strip().startswith("|")
    header_cells, _ = _pipe_cells(lines[h], opening_bar)  # type: ignore[misc]
    more, extra = continued_header(lines, h)  # HEADER OVER LINES (pipeheader.py)
    if more:
        header_cells = [c for c in header_cells if c] + extra
        warnings.append((h + 1, f"the header goes on over {len(more)} more line(s): joined"))
    unglued = _unglued_header(lines, h, header_cells, opening_bar)
    if unglued is not None:
        warnings.append(
            (h + 1, f"header cells glued together, cut into known columns: {'/'.join(unglued)}")
        )
        header_cells = unglued
    span = _spanned_header(lines, h, header_cells, opening_bar)
    top_cells = header_cells
    if span is not None:
        k, names, sub_at = span
        top_cells = header_cells = without_trailing_empties(header_cells)
        header_cells = header_cells[:k] + names + header_cells[k + 1 :]
    width = len(header_cells)
    raw: list[tuple[int, list[str], bool]] = [(h + 1, header_cells, True)]
    sub_rows: list[int] = []  # lines of rows joined to the task row above (_sub_row)
    subs: dict[int, list[SubRow]] = {}  # raw index of a task row -> its joined sub-rows
    rated: set[int] = set()  # raw indexes of rows rated on their own, spanned cells left out
    anchor = 0  # the raw index of the last row not rated: what a sub-row is asked under
    header_roles_ = header_roles(header_cells)
    last_line = max((k for k, t in enumerate(lines) if t.strip()), default=0)
    footer_at = None  # the line of the page's publication block, which ends the table
    for i in range(h + 1, len(lines)):
        line = lines[i]
        if not line.strip() or is_rule_row(line) or not line.replace("|", "").strip():
            continue  # blank, a rule, or bars only: no cells
        first_cell = next((p for p in line.split("|") if p.strip()), "")
        if len(raw) > 1 and opens_with_metadata_key(first_cell):
            footer_at = i
            warnings.append((i + 1, _FOOTER_NOTE.format(first_cell.strip())))
            break
        if (span is not None and i == sub_at) or i in more:
            continue  # the header's second line, put in the grid below
        found = _pipe_cells(line, opening_bar)
        if found is None:
            if raw and not raw[-1][2] and len(raw) > 1:
                # a cell running over several lines: the row has not been closed yet
                raw[-1][1][-1] += "\n" + line.strip()
                if line.strip().endswith("|"):
                    raw[-1] = (raw[-1][0], raw[-1][1], True)
            elif SERIAL_CELL.match(line.strip()):
                raw.append((i + 1, [line.strip(), ""], False))  # a row cut off after its serial
            else:
                raw.append((i + 1, [line.strip()], True))  # a lone line: a group row
            continue
        cells, closed = found
        if _is_continuation(cells, raw) and len(raw) - 1 in subs:
            # a wrapped line of the last joined sub-row's last cell
            pairs = subs[len(raw) - 1][-1][1]
            c, text = pairs[-1]
            pairs[-1] = (c, f"{text}\n{cells[0]}")
            continue
        if _is_continuation(cells, raw):
            # "新增学位810个 | |||||": a wrapped cell's last line, the row's other cells empty
            prev_cells = raw[-1][1]
            at = _open_cell(prev_cells)
            prev_cells[at] = f"{prev_cells[at]}\n{cells[0]}" if prev_cells[at] else cells[0]
            continue
        at_end = i >= last_line  # the page's last line: a row there may be cut off
        # (a rated row under a rated row is asked of the numbered row above them both)
        if len(raw) - 1 not in rated:
            anchor = len(raw) - 1
        joined = _sub_row(cells, closed or at_end, raw, header_roles_, anchor)
        placed = rated_placement([t for _, t in joined], header_roles_) if joined else None
        if joined and placed is None and not closed and at_end and len(raw) - 1 in rated:
            # the page's last row cut off under rated rows: placed where they open
            placed = cut_rated_row([t for _, t in joined], raw[-1][1])
        if placed is not None:
            rated.add(len(raw))  # RATED ROWS RULE (ratedrows.py): a row of its own
            raw.append((i + 1, placed, closed))
            continue
        if joined is not None and anchor == len(raw) - 1:
            subs.setdefault(len(raw) - 1, []).append((i + 1, joined))  # SUB-ROW ITEMS RULE
            sub_rows.append(i + 1)
            continue
        if raw and not raw[-1][2] and len(raw) > 1 and len(raw[-1][1]) < width:
            # continuation of an unclosed row whose cell ran onto this line
            raw[-1][1][-1] += "\n" + cells[0]
            raw[-1][1].extend(cells[1:])
            raw[-1] = (raw[-1][0], raw[-1][1], closed)
            continue
        raw.append((i + 1, cells, closed))
    if sub_rows:
        warnings.append(
            (
                sub_rows[0],
                f"{len(sub_rows)} row(s) without a serial and with no cell past their text "
                f"(lines {', '.join(map(str, sub_rows[:8]))}): read as more targets of the task "
                "above, each with its own progress as a sub-item (the alternative: tasks of "
                "their own)",
            )
        )
    if (
        span is None
        and len(raw) > 1
        and not subs
        and (joined := _second_header_line(header_cells, raw[1][1])) is not None
    ):
        warnings.append((raw[1][0], f"a header over two lines: columns {'/'.join(joined)}"))
        header_cells = joined
        raw[0] = (raw[0][0], joined, True)
        del raw[1]
    rows: list[list[GridCell | None]] = []
    roles = header_roles(header_cells)
    category_first = roles[:2] == [ColumnRole.CATEGORY, ColumnRole.SERIAL]
    # a header with empty cells is padded to the page's width, and so are its rows
    named = all(t.strip() for t in header_cells)
    if span is not None:
        rows.extend(_span_rows(top_cells, span, h + 1))
        warnings.append(
            (
                span[2] + 1,
                f"a header over two lines: {top_cells[span[0]]} spans {'/'.join(span[1])}",
            )
        )
        raw = raw[1:]
        subs = {k - 1: v for k, v in subs.items()}
        rated = {k - 1 for k in rated}
    short: list[int] = []  # rows short of cells, aligned by content
    top = len(rows)  # the header row's index (after a spanning top line's)
    for k, (line_no, cells, closed) in enumerate(raw):
        r = len(rows)
        if r and category_first and len(cells) < width and SERIAL_CELL.match(cells[0]):
            # a row opening with its serial under a category-first header: its category cell
            # is merged from the row above (carried down by the grid layout)
            cells = ["", *cells]
        aligned = None
        # the last row short of cells is more likely cut off (an excerpt) than merged, unless
        # the page's publication block follows it, or its cells say a cell before its last
        # is the one left out (a cut-off row lacks its last cells)
        last = k == len(raw) - 1 and footer_at is None
        if k in rated:
            pass  # its cells are placed; the cells it leaves out are merged from above
        elif r and closed and 2 <= len(cells) < width and not _is_summary_row(cells):
            aligned = _aligned(cells, roles)
            if last and aligned is not None and None not in aligned[: len(cells)]:
                aligned = None
        elif r and closed and named and (filled := _trailing_empty_dropped(cells, width, roles)):
            aligned, cells = filled
        if aligned is not None:
            short.append(r)
            empty = [header_cells[c] for c, t in enumerate(aligned) if t is None]
            warnings.append(
                (
                    line_no,
                    f"row {cells[0] or r} has {len(cells)} cells for {width} columns: aligned "
                    f"by content, {'/'.join(empty)} left empty (merged from the row above, or "
                    "left out)",
                )
            )
            cells = [t or "" for t in aligned]
        row: list[GridCell | None] = [
            GridCell(text=t, row=r, col=c, line=line_no) for c, t in enumerate(cells[:width])
        ]
        if len(cells) > width:
            warnings.append(
                (
                    line_no,
                    f"pipe row has {len(cells)} cells, the header {width}: extra cells dropped",
                )
            )
        row += [None] * (width - len(row))
        if k in rated and rows:
            for c, text in enumerate(cells[:width]):
                if not text and (merged := rows[-1][c]) is not None:
                    merged.rowspan += 1  # the row above's cell, merged over this row
                    row[c] = merged
        joined_rows = sub_item_rows(r, line_no, cells[:width], subs[k], roles) if k in subs else None
        if joined_rows is not None:
            rows.extend(joined_rows)
        else:
            for _line, pairs in subs.get(k, []):
                for c, text in pairs:  # no progress column: the targets joined in the cells
                    cell = row[c]
                    if cell is not None:
                        cell.text = f"{cell.text}\n{text}" if cell.text else text
            rows.append(row)
        if r and len(cells) > 1 and aligned is None and (not closed or len(cells) < width):
            missing = [header_cells[c] for c in range(len(cells), width)]
            what = f"ends before its {'/'.join(missing)} cell(s)" if missing else "has no closing |"
            warnings.append(
                (
                    line_no,
                    f"row {cells[0] or r} {what}: the table may be cut off here"
                    + ("" if last else " (not the last row: check the source)"),
                )
            )
    if short and (carried := carry_spanned(rows, short, roles, header_cells, top)):
        warnings.append((None, carried))  # SHORT ROW RULE (text/align.py)
    return Grid(rows=rows, where="", preamble=[s for s in lines[:h] if s.strip()]), warnings


_FOOTER_NOTE = (
    "the page's publication block ({}…) ends the table: it and the lines after it are no rows"
)


def _trailing_empty_dropped(
    cells: list[str], width: int, roles: list[ColumnRole]
) -> tuple[list[str | None], list[str]] | None:
    """(aligned cells, cells) of a closed row whose empty cells at its end make it look as
    wide as the header when its filled cells are fewer (``15.推进… | … | 监督电话… | |`` under
    a category-first header: its category merged from the row above, one bar too many at its
    end): the filled cells aligned by content, when that puts each where it looks like its
    column's content and position does not; else None (an empty last cell, such as 备注, is then just that). Asked only
    under a header naming every column: a header with empty cells is padded to the page's
    width, and so are its rows."""
    trimmed = list(cells)
    while trimmed and not trimmed[-1].strip():
        trimmed.pop()
    if len(trimmed) == len(cells) or not 2 <= len(trimmed) < width or _is_summary_row(trimmed):
        return None
    from luoshi.ingest.text.align import align, misfits

    taken = align(trimmed, roles)
    by_position = [[c] for c in range(len(trimmed))]
    if any(len(idx) > 1 for idx in taken):
        return None  # two cells in one column: the borders say otherwise
    if misfits(trimmed, roles, taken) or not misfits(trimmed, roles, by_position):
        return None  # position fits, or content no better: an empty last cell is just that
    return [trimmed[idx[0]] if idx else None for idx in taken], trimmed


def _is_summary_row(cells: list[str]) -> bool:
    """A total or group row (合计…, 一、…): its short width says nothing of merged cells."""
    from luoshi.ingest.text.shapes import is_group

    first = normalise_header(cells[0])
    return bool(_TOTAL.match(first)) or is_group(cells[0]) or is_group(cells[1])


def _aligned(cells: list[str], roles: list[ColumnRole]) -> list[str | None] | None:
    """A closed row short of cells, its cells aligned to the columns by what they look like
    (text/align.py): each column's cell or None where the row has none; None when the
    alignment does not keep one cell per column taken."""
    from luoshi.ingest.text.align import align

    taken = align(cells, roles)
    if any(len(idx) > 1 for idx in taken):
        return None  # two cells in one column: the borders say otherwise
    return [cells[idx[0]] if idx else None for idx in taken]


def _short_header_words(cells: list[str]) -> bool:
    return all(
        0 < len(normalise_header(c)) <= MAX_HEADER_LEN and not any(p in c for p in "。;；,，")
        for c in cells
    )


def _row_widths(lines: list[str], start: int, opening_bar: bool) -> list[int]:
    return [
        len(f[0])
        for line in lines[start : start + 200]
        if (f := _pipe_cells(line, opening_bar)) is not None
    ]


def _unglued_header(
    lines: list[str], h: int, header: list[str], opening_bar: bool
) -> list[str] | None:
    """The header with glued cells cut (当前进度牵头单位 → 当前进度 / 牵头单位) when the rows
    are wider than the header and cutting the cells that cut wholly into known column words
    makes the header exactly as wide as most rows; else None."""
    widths = _row_widths(lines, h + 1, opening_bar)
    if not widths:
        return None
    return unglue_header(header, max(set(widths), key=widths.count))


def _spanned_header(
    lines: list[str], h: int, header: list[str], opening_bar: bool
) -> tuple[int, list[str], int] | None:
    """(top cell index, names below it, line index of the second line) when the header is
    two lines with one top cell spanning the second line's cells (see the module rules)."""
    sub_at = next((i for i in range(h + 1, min(len(lines), h + 4)) if lines[i].strip()), None)
    if sub_at is None:
        return None
    found = _pipe_cells(lines[sub_at], opening_bar)
    if found is None:
        return None
    sub = without_trailing_empties(found[0])
    # a top cell followed by empty cells spans them (an office's merged cell, flattened)
    spans = {k: n for k, n in empty_runs(header).items() if n + 1 == len(sub)}
    header = without_trailing_empties(header)
    if len(sub) < 2 or SERIAL_CELL.match(sub[0]) or not _short_header_words(sub):
        return None
    if sum(1 for c in sub if is_known_header(c)) * 2 < len(sub):
        return None
    widths = [
        len(f[0])
        for line in lines[sub_at + 1 : sub_at + 200]
        if (f := _pipe_cells(line, opening_bar)) is not None
    ]
    wide = len(header) - 1 + len(sub)
    if not widths or max(widths) <= len(header) or max(widths) > wide:
        return None  # the rows are not as wide as the header with the span opened
    top_roles = header_roles(header)
    sub_roles = set(header_roles([*header, *sub])[len(header) :])
    progress = {ColumnRole.DONE, ColumnRole.ACTUAL, ColumnRole.DECLARED_STATUS}
    shared = [
        k
        for k, r in enumerate(top_roles)
        if r in sub_roles or (r is ColumnRole.DONE and sub_roles <= progress)
    ]
    unknown = [k for k, r in enumerate(top_roles) if r is ColumnRole.OTHER]
    pick = shared or unknown or sorted(k for k in spans if k < len(header))
    if not pick:
        return None
    return pick[-1], [normalise_header(c) for c in sub], sub_at


def _span_rows(
    top: list[str], span: tuple[int, list[str], int], line: int
) -> list[list[GridCell | None]]:
    """The two header rows of a spanned header: the top cell repeated over the columns it
    spans, the other top cells standing in both rows (a cell spanning two rows)."""
    k, names, sub_at = span
    first: list[GridCell | None] = []
    second: list[GridCell | None] = []
    for c, text in enumerate(top):
        if c == k:
            cell = GridCell(text=text, row=0, col=len(first), colspan=len(names), line=line)
            first += [cell] * len(names)
            second += [
                GridCell(text=n, row=1, col=len(second) + j, line=sub_at + 1)
                for j, n in enumerate(names)
            ]
        else:
            cell = GridCell(text=text, row=0, col=len(first), line=line)
            first.append(cell)
            second.append(cell)
    return [first, second]


def _second_header_line(header: list[str], cells: list[str]) -> list[str] | None:
    """The header joined with the row under it when that row is the header's second line:
    no serial, every cell short and no sentence, and the joins name more known columns than
    the first line alone (任务 / 内容, 责任 / 单位, 完成 / 情况)."""
    if len(cells) > len(header) or not any(cells) or SERIAL_CELL.match(cells[0]):
        return None
    if any(len(normalise_header(c)) > 8 or any(p in c for p in "。;；,，") for c in cells):
        return None
    below = cells + [""] * (len(header) - len(cells))
    joined = [normalise_header(t) + normalise_header(b) for t, b in zip(header, below, strict=True)]
    before = sum(1 for t in header if is_known_header(t))
    after = sum(1 for t in joined if is_known_header(t))
    return joined if after > before else None


_SUB_ROW_ROLES = frozenset(
    {ColumnRole.TASK, ColumnRole.TARGET, ColumnRole.DONE, ColumnRole.ACTUAL, ColumnRole.PROBLEMS}
)


def _sub_row(
    cells: list[str], closed: bool, raw: list, roles: list[ColumnRole], at: int = -1
) -> list[tuple[int, str]] | None:
    """(column, text) pairs when a closed pipe row (or the page's last, cut off) is one more
    target of the task row above:
    the table is numbered (its first column the serial, the row above a task row holding
    one), this row has no serial, its text cells come first and the rest are empty, and,
    read from the task column on (the serial's place left out, as a merged cell is), they
    fall in text columns only (task, target, progress), none in the unit column —
    "新增托位500个。 | 新增托位600个。 | ||" under "2 | 新建驿站7家。 | 新建13家。 | 卫健局 |".
    ``at``: the raw index of the row it is asked under (the last not rated on its own). None
    otherwise."""
    from luoshi.ingest.text.shapes import is_group

    if not closed or len(raw) < 2 or not roles or roles[0] is not ColumnRole.SERIAL:
        return None
    above = raw[at][1]
    if not raw[at][2] or not above or not SERIAL_CELL.match(above[0].strip()):
        return None
    if not cells[0] or SERIAL_CELL.match(cells[0]) or is_group(cells[0]) or _TOTAL.match(cells[0]):
        return None
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(c.strip() for c in cells[len(filled) :]):
        return None  # empty cells between texts, or a single cell (a wrapped line)
    if len(filled) + 1 > len(roles) or len(above) < len(filled) + 1:
        return None
    if any(roles[1 + j] not in _SUB_ROW_ROLES for j in range(len(filled))):
        return None
    return [(1 + j, text) for j, text in enumerate(filled)]


def _is_continuation(cells: list[str], raw: list) -> bool:
    """A pipe row holding text in its first cell only, not a serial, under a task row: the
    last line of a cell of the row above that wrapped (cells of a merged layout row)."""
    return (
        len(raw) > 1
        and len(raw[-1][1]) > 1
        and bool(cells[0])
        and not SERIAL_CELL.match(cells[0])
        and len(cells) > 2
        and not any(c.strip() for c in cells[1:])
    )


def _open_cell(cells: list[str]) -> int:
    """The cell a continuation line goes on: the last ending mid-sentence (on a comma, 、 or
    colon: unfinished), else the first after the serial not ending like a finished sentence,
    else the second (the task)."""
    from luoshi.ingest.text.shapes import CLOSING

    for c in range(len(cells) - 1, 0, -1):
        if cells[c] and cells[c][-1] in ",，、:：;；(（":
            return c
    for c in range(1, len(cells)):
        if cells[c] and not CLOSING.search(cells[c]):
            return c
    return 1
