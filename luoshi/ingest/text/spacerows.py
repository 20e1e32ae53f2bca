"""The **space-rows** layout: one table row per line, cells separated by runs of spaces::

    序号 目标任务 责任单位 上半年推进情况           (header: header words separated by spaces)
    一、经济社会发展主要预期目标                     (group row)
    1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。
    2 第一产业增加值增长5%。 区农业农村委          (a unit cell wrapped onto lines of its own,
    区林业局                                        the row going on after it)
    第一产业增加值同比增长3.4%。

Rules, true of such pages whatever the place: the header is a line of three or more pieces
most of which name known columns (or of two short ones: the task column, then another known
column; runs of single characters are one word spaced out, 序 号, and in a header parted by
single spaces a short piece set off by a run of spaces is one word with the next when the
two name a column, 牵头  领导 — SPACED HEADER WORDS), among them a task or progress column, the first being the
serial, a category or the task column — or the leader or the unit when the task column
follows it (LEADER FIRST: ``负责领导 重点工作 基本要求 牵头部门 …``, a table sorted by who answers
for each task) — (or, when the words themselves hold spaces, a line
that :func:`~luoshi.ingest.headerwords.split_header_words` cuts wholly into known words, opening
with 序号); a row opens with a line whose first piece is the next serial (or 1 after a group
row; or a serial skipping some, on a line of three pieces or more: PICKED ROWS, a unit's own
rows of a longer list, 81 85 87, warned) — in a table without serials, with any line of two or more pieces; every other line
until the next row belongs to the row (a group row when it reads as one: 一、…, (二)…) — a line
of one piece opening with the point number after the one opening the piece above it (``2.…``
under ``1.…``) goes on that piece's cell, a cell written as numbered points; rows wider
than the header cut a header word holding two glued names (当前进度牵头单位); the row's pieces
are aligned to the columns by
content (:mod:`luoshi.ingest.text.align`). The result is a Grid, read like any other.

A header glued into one line without spaces is read too when its first word is a period key
(GLUED PERIOD HEADER: ``年度季别`` + ``里程碑工作内容说明`` + ``近期执行概况说明``, cut by
:func:`~luoshi.ingest.headerwords.split_header_words`) and the line after it opens with a
year-quarter key and a space; under such a key column rows open with a year-quarter key
(YEAR-QUARTER ROWS: ``1081`` = year 108, quarter 1), each a quarter before or after the previous
row's. A line of Latin words only (``Scroll To Top``) is a site's chrome, no cell.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.headers import (
    header_key as key_of,
)
from luoshi.ingest.headers import header_role, header_roles, normalise_header
from luoshi.ingest.headerwords import (
    opens_with_first_column,
    split_header_words,
    unglue_header,
    ungroup_header,
)
from luoshi.ingest.text.align import align, carry_spanned
from luoshi.ingest.text.shapes import CLOSING, ROW_SERIAL, is_group, joined_serials
from luoshi.ingest.text.spacepieces import close_padding, join_spaced_name
from luoshi.ingest.text.spacesubrows import Pieces, is_sub_row, join_sub_rows, share_not_amount
from luoshi.ingest.text.spanrows import continuation_cuts, continuation_note, lead_cells
from luoshi.ingest.text.unitsubrows import joined_row, merged_cut
from luoshi.vocab import ColumnRole

SPACE_LAYOUT = "space-rows"
_SERIAL = re.compile(rf"^({ROW_SERIAL})[.、．]?$")
_TOTAL = re.compile(r"^(合计|小计|总计|共计)")
_MAX_HEADER_LEN = 24
# PICKED ROWS: a unit's own rows picked out of a longer numbered list keep the list's serials
# (81, 85, 87): a line opening with a serial above the next one, with three pieces or more
# (a row's shape, not a wrapped cell's), opens a row too; warned with the alternative.
_PICKED_PIECES = 3
_MAX_PICKED_SERIAL = 999
_MAX_HEADER_LINE = 160
_MAX_TWO_WORD = 8  # a two-column header's words are short names, not phrases
# A header row opens with the serial, a category or the task column.
_FIRST_ROLES = (ColumnRole.SERIAL, ColumnRole.CATEGORY, ColumnRole.TASK)
# LEADER FIRST: a table sorted by who answers for its tasks opens with the leader or the
# unit (负责领导 重点工作 … ; 牵头单位 工作任务 …) when the task column follows it.
_SUBJECT_ROLES = (ColumnRole.LEADER, ColumnRole.LEAD_UNIT, ColumnRole.UNITS)


def _header_words(line: str) -> list[str] | None:
    if len(line) <= _MAX_HEADER_LINE:
        line = close_padding(line)  # (a longer line is no header: not worth the look)
    tokens = line.split()
    if len(tokens) == 2 and "|" not in line:
        # two columns: both known header words, the task column first (项目名称 进展情况)
        roles = header_roles(tokens)
        if (
            all(len(normalise_header(t)) <= _MAX_TWO_WORD for t in tokens)
            and roles[0] is ColumnRole.TASK
            and roles[1] not in (ColumnRole.OTHER, ColumnRole.TASK, ColumnRole.SERIAL)
        ):
            return tokens
        return None
    if len(tokens) < 3 or len(line) > _MAX_HEADER_LINE or "|" in line:
        return None
    tokens = _join_letters(tokens)
    if all(len(normalise_header(t)) <= _MAX_HEADER_LEN for t in tokens):
        roles = header_roles(tokens)
        known = sum(1 for r in roles if r is not ColumnRole.OTHER)
        text_role = any(r in (ColumnRole.TASK, ColumnRole.DONE) for r in roles)
        first = roles[0] in _FIRST_ROLES or (
            roles[0] in _SUBJECT_ROLES and ColumnRole.TASK in roles[1:]
        )
        if first and known >= 2 and text_role and known * 2 >= len(tokens):
            return tokens
    if not opens_with_first_column(line):
        return None
    words = split_header_words(line)
    if words and len(words) >= 3 and header_role(words[0], False) is ColumnRole.SERIAL:
        return words
    return None


def _join_letters(tokens: list[str]) -> list[str]:
    """Header pieces with runs of single characters joined: a header word spaced out to fill
    its cell (序 号, 备  注) is one word; a space between longer pieces is a cell border."""
    out: list[str] = []
    run = ""
    for t in tokens:
        if len(t) == 1:
            run += t
            continue
        if run:
            out.append(run)
            run = ""
        out.append(t)
    if run:
        out.append(run)
    return out


def find_space_header(lines: list[str]) -> tuple[int, list[str]] | None:
    """(line index, header words) of a space-separated header line, looked for above the
    first lone 序号 line (where a cells-per-line header starts)."""
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if normalise_header(s) in ("序号", "序號"):
            return None
        if " " in s or "\t" in s or "\u3000" in s:
            words = _header_words(s)
            if words:
                return i, words
        elif (words := _glued_period_header(s)) and _year_quarter_row(lines, i):
            return i, words
    return None


# A line of Latin words only: a site's navigation (Scroll To Top), never a Chinese table's text.
_LATIN_CHROME = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+)+$")
# A row key that is a year and a quarter: 1081 = year 108 (of the Minguo calendar, or any
# year written in two to four digits), quarter 1.
_YEAR_QUARTER = re.compile(r"^(\d{2,4})([1-4])$")
_PERIOD_KEY = re.compile(r"^(?:年度)?季别$")


def _glued_period_header(line: str) -> list[str] | None:
    """GLUED PERIOD HEADER: a line without spaces cut wholly into three or more known header
    words whose first is a period key (年度季别) — ``年度季別里程碑工作內容說明近期執行概況說明``."""
    if len(line) > _MAX_HEADER_LINE or not opens_with_first_column(line):
        return None
    words = split_header_words(line)
    if not words or len(words) < 3 or not _PERIOD_KEY.match(key_of(words[0])):
        return None
    roles = header_roles(words)
    return words if any(r in (ColumnRole.TASK, ColumnRole.DONE) for r in roles) else None


def _year_quarter_row(lines: list[str], h: int) -> bool:
    """The first line after the header opens with a year-quarter key and a space."""
    nxt = next((x.strip() for x in lines[h + 1 :] if x.strip()), "")
    return bool(nxt.split() and _YEAR_QUARTER.match(nxt.split()[0]) and " " in nxt)


def _quarter_index(value: int) -> int:
    year, quarter = divmod(value, 10)
    return year * 4 + quarter - 1


def _next_period_key(prev: int, value: int) -> bool:
    """YEAR-QUARTER ROWS: under a period key column a row opens with a year-quarter key: the
    first with any, each later one a quarter before or after the previous row's (tables list
    milestones newest first as often as oldest first)."""
    if not _YEAR_QUARTER.match(str(value)):
        return False
    return prev == 0 or abs(_quarter_index(value) - _quarter_index(prev)) == 1


def _second_header_line(pieces: list[str]) -> bool:
    """A line right under the header, before any row, of two or more header words, at least
    half of them known and none a serial or a figure: the second line of a two-level header
    (read by GROUPING HEADER when the rows show its top word spans it; else left out, as any
    line before the first row is)."""
    if len(pieces) < 2 or any(_FIGURE.match(p) for p in pieces):
        return False
    known = sum(header_role(p, True) is not ColumnRole.OTHER for p in pieces)
    return known * 2 >= len(pieces)


def _serial(piece: str) -> int | None:
    m = _SERIAL.match(piece)
    if m is None:
        pair = joined_serials(piece)  # 36,37: the row's first number opens it
        return pair[0] if pair else None
    return int(m.group(1))


def _last_serial(piece: str, value: int) -> int:
    """The number the next row counts on from: the second of joined serials (36,37 → 37)."""
    pair = joined_serials(piece)
    return pair[1] if pair else value


def space_grid(
    lines: list[str], h: int, words: list[str], ends_newline: bool
) -> tuple[Grid, list[tuple[int | None, str]]]:
    """The Grid of a space-rows table whose header is lines[h]."""
    roles = header_roles(words)
    warnings: list[tuple[int | None, str]] = []
    header_key = [normalise_header(w) for w in words]
    # raw rows: ("row", first line, [(line, piece)]) or ("group", line, text)
    raw: list[tuple[str, int, list[tuple[int, str]] | str]] = []
    totals: list[int] = []
    prev = 0
    # Without a 序号 column a row is a line of two or more cells; a line of one piece is a
    # group row or the wrapped end of a cell above.
    # a category column before 序号: a row opens with its serial, or with its category cell
    # then its serial; a row without one has the category of the row above (a merged cell)
    category_first = roles[:2] == [ColumnRole.CATEGORY, ColumnRole.SERIAL]
    numbered = roles[0] is ColumnRole.SERIAL or category_first
    period_keys = bool(_PERIOD_KEY.match(key_of(words[0])))  # rows keyed by year and quarter
    # indicator rows under a numbered row (spacesubrows.py), by the row's first line
    subs: dict[int, list[Pieces]] = {}
    measures = _measure_columns(words, roles)
    skipped: list[int] = []  # PICKED ROWS: serials that skip the ones before them
    second_line: list[str] = []
    for i in range(h + 1, len(lines)):
        s = lines[i].strip()
        if not s:
            continue
        if _LATIN_CHROME.match(s):
            continue  # a site's chrome (Scroll To Top, Back to top), no cell of a Chinese table
        pieces = join_spaced_name(s.split())
        if [normalise_header(p) for p in pieces] == header_key or normalise_header(s) == "".join(
            header_key
        ):
            continue  # the header repeated at a page break; numbering goes on
        if numbered and not raw and not second_line and _second_header_line(pieces):
            second_line = pieces  # a two-level header's second line (GROUPING HEADER below)
            continue
        value = _serial(pieces[0]) if numbered else None
        own_category = False
        if value is None and category_first and len(pieces) > 1:
            value = _serial(pieces[1])  # the row's category cell stands before its serial
            own_category = value is not None
        if not numbered and len(pieces) >= 2 and not is_group(s) and not _TOTAL.match(s):
            raw.append(("row", i + 1, [(i + 1, p) for p in pieces]))
            continue
        picked = (
            value is not None
            and not period_keys
            and value > prev + 1
            and value <= _MAX_PICKED_SERIAL
            and len(pieces) >= _PICKED_PIECES
        )
        if value is not None and (
            (_next_period_key(prev, value) if period_keys else value == prev + 1)
            or (value == 1 and prev != 0 and not period_keys)
            or picked
        ):
            if picked:
                skipped.append(value)
            prev = _last_serial(pieces[1] if own_category else pieces[0], value)
            cells = [(i + 1, p) for p in pieces]
            if category_first and not own_category:
                cells.insert(0, (i + 1, ""))  # a category merged down from the row above
            raw.append(("row", i + 1, cells))
            continue
        if is_group(s):
            raw.append(("group", i + 1, s))
            continue
        if _TOTAL.match(pieces[0]):
            totals.append(i + 1)  # a total row: figures over the rows, not a task
            raw.append(("total", i + 1, s))
            continue
        if raw and raw[-1][0] == "row":
            first = raw[-1][1]
            if numbered and not category_first and is_sub_row(pieces, roles, measures):
                subs.setdefault(first, []).append([(i + 1, p) for p in pieces])  # type: ignore[arg-type]
            elif first in subs:
                subs[first][-1].extend((i + 1, p) for p in pieces)  # wraps the indicator row
            else:
                cells = raw[-1][2]
                if len(pieces) == 1 and _counts_on(cells[-1][1], s):  # type: ignore[index]
                    # "2.…" under "1.…": the next point of the same cell, not a cell of its own
                    cells[-1] = (cells[-1][0], cells[-1][1] + "\n" + s)  # type: ignore[index]
                    continue
                cells.extend((i + 1, p) for p in pieces)  # type: ignore[union-attr]
    raw = [r for r in raw if r[0] != "total"]
    if subs:
        warnings.append(
            (
                min(subs),
                f"{sum(map(len, subs.values()))} line(s) without a serial carry figures of their "
                f"own under row(s) {', '.join(str(r[2][0][1]) for r in raw if r[1] in subs)}: "
                "read as indicator rows of the row above (its serial and name merged over them), "
                "joined to it one line per indicator, —— for an empty cell; check the result",
            )
        )
    if numbered and not category_first and (extra := _headerless_category(words, roles, raw)):
        words, roles = extra
        warnings.append(
            (
                h + 1,
                "the rows carry one more text cell before the task than the header names: a "
                "category column without a header (a merged cell), read as 类别",
            )
        )
    widths = [len(r[2]) for r in raw[:-1] if r[0] == "row"]  # the last may be cut off
    usual = max(set(widths), key=widths.count) if widths else 0  # the rows' usual width
    if widths and (unglued := unglue_header(words, usual)):
        # rows wider than the header: a header word held two glued names (当前进度牵头单位)
        words, roles = unglued, header_roles(unglued)
        warnings.append((h + 1, f"header words glued together, cut: {'/'.join(words)}"))
    elif widths and (
        grouped := ungroup_header(words + second_line, usual)
    ):
        # rows one cell short of the header: a top word spanning sub-words (GROUPING HEADER)
        words, roles = grouped[0], header_roles(grouped[0])
        warnings.append((h + 1, grouped[1]))
    if totals:
        warnings.append((totals[0], f"{len(totals)} total row(s) (合计/小计): not tasks"))
    if skipped:
        warnings.append(
            (
                h + 1,
                f"serials skip ({', '.join(map(str, skipped[:5]))}): read as rows picked out of a "
                "longer numbered list (a unit's own rows) — the alternative is that lines "
                "opening with those numbers are the text of the row above",
            )
        )
    rows = rows_from_pieces(words, roles, raw, h + 1, ends_newline, warnings, subs)
    if category_first:
        _carry_down(rows, 0, words[0], warnings)
    warnings.insert(
        0,
        (
            h + 1,
            "cells separated by spaces: rows found "
            + ("by their serials" if numbered else "as lines of two or more cells (no serials)")
            + ", cells aligned to the columns by what they look like (units, names, text); "
            "check the result",
        ),
    )
    return Grid(rows=rows, preamble=[s.strip() for s in lines[:h] if s.strip()]), warnings


# A column of units of measurement (人次, 万方, 元/月/人), not of responsible units.
_MEASURE_HEADER = re.compile(r"^(计量)?单位$")
_MEASURE = re.compile(r"^[\u4e00-\u9fa5a-zA-Z%/·]{1,6}$")
_FIGURE = re.compile(r"^[-+]?\d[\d.,，%％]*")
_FIGURE_ROLES = frozenset({ColumnRole.TARGET, ColumnRole.ACTUAL, ColumnRole.DECLARED_STATUS})


_POINT = re.compile(r"^(\d{1,2})[.、．](?!\d)")


def _counts_on(cell: str, line: str) -> bool:
    """Whether ``line`` opens with the point number after the one opening the last line of
    ``cell`` (1.… then 2.…): a cell written as numbered points over several lines."""
    last = _POINT.match(cell.rsplit("\n", 1)[-1])
    this = _POINT.match(line)
    return bool(last and this and int(this.group(1)) == int(last.group(1)) + 1)


def _measure_columns(words: list[str], roles: list[ColumnRole]) -> frozenset[int]:
    """Columns headed 单位 (计量单位) of unknown role right before a figure column (target,
    actual, status): units of measurement of the figures, not responsible units."""
    return frozenset(
        c
        for c, w in enumerate(words[:-1])
        if roles[c] is ColumnRole.OTHER
        and _MEASURE_HEADER.match(normalise_header(w))
        and roles[c + 1] in _FIGURE_ROLES
    )


def _headerless_category(
    words: list[str], roles: list[ColumnRole], raw: list
) -> tuple[list[str], list[ColumnRole]] | None:
    """Words and roles with a category column inserted after the serial, or None.

    The rule: in a table of figures (the task followed only by a unit-of-measurement column
    (单位) before its figure columns: target, actual, status), a row's text pieces before its
    first figure or measure word are its task's cells. When most numbered rows (two thirds,
    the last, perhaps cut, left out) carry exactly one text piece more there than the header
    names, that piece is the cell of a column the header does not name, before the task:
    the item's name merged over its indicator rows, a category."""
    if len(roles) < 3 or roles[0] is not ColumnRole.SERIAL or roles[1] is not ColumnRole.TASK:
        return None
    k = 2
    while k < len(words) and _MEASURE_HEADER.match(normalise_header(words[k])):
        k += 1
    if k >= len(roles) or roles[k] not in _FIGURE_ROLES:
        return None
    rows = [r for r in raw[:-1] if r[0] == "row"]
    if len(rows) < 3:
        return None
    wider = 0
    for _, _, pieces in rows:
        texts = [p for _, p in pieces[1:]]
        lead = 0
        for p in texts:
            if _FIGURE.match(p) or (lead and _MEASURE.match(p) and len(p) <= 4):
                break
            lead += 1
        wider += lead == 2
    if wider * 3 < len(rows) * 2:
        return None
    return [words[0], "类别", *words[1:]], [roles[0], ColumnRole.CATEGORY, *roles[1:]]


def _carry_down(rows: list[list[GridCell | None]], c: int, header: str, warnings: list) -> None:
    """Empty cells of column ``c`` under a filled one take its value (a merged cell written
    on its first row only); one warning naming the rows. Group rows end the run."""
    above: GridCell | None = None
    carried: list[str] = []
    for r, row in enumerate(rows[1:], 1):
        cell = row[c]
        if cell is None or (len(row) > 1 and all(x is cell for x in row)):
            above = None  # a group row
            continue
        if cell.text:
            above = cell
        elif above is not None:
            row[c] = GridCell(above.text, r, c, line=cell.line)
            carried.append(str(r))
    if carried:
        warnings.append(
            (
                None,
                f"column {header}: {len(carried)} row(s) have no cell of their own; the "
                "category above is carried down (a merged cell)",
            )
        )


# Columns whose cells are sentences: only there does a missing full stop say the text was
# cut (a status 滞后, a unit 县教育局 or a date ends without one).
_SENTENCE_ROLES = frozenset(
    {
        ColumnRole.TASK,
        ColumnRole.DONE,
        ColumnRole.PROBLEMS,
        ColumnRole.NEXT_STEPS,
        ColumnRole.TARGET,
        ColumnRole.REMARKS,
        ColumnRole.OTHER,
    }
)


def _continuations(
    raw: list, words: list[str], roles: list[ColumnRole], warnings: list
) -> list:
    """``raw`` with each row holding a second row sharing its serial split in two
    (CONTINUATION ROW RULE, :mod:`luoshi.ingest.text.spanrows`): the second row opens with
    the first's serial and the cells before its task, carried down."""
    lead = lead_cells(roles)
    rows = [(k, r[2]) for k, r in enumerate(raw) if r[0] == "row" and r[2]]
    if lead is None or not rows:
        return raw
    cuts = dict(zip((k for k, _ in rows), continuation_cuts(
        [[t for _, t in pieces[1:]] for _, pieces in rows], lead, roles[1:]), strict=True))
    if not any(cuts.values()):
        return raw
    out: list = []
    split: list[str] = []
    for k, entry in enumerate(raw):
        cut = cuts.get(k)
        if cut is None:
            out.append(entry)
            continue
        pieces = entry[2]
        out.append(("row", entry[1], pieces[: cut + 1]))
        out.append(("row", pieces[cut + 1][0], [*pieces[: lead + 1], *pieces[cut + 1 :]]))
        split.append(pieces[0][1])
    last = cuts.get(rows[-1][0]) is not None
    warnings.append((None, continuation_note(split, words[: lead + 1], last)))
    return out


def rows_from_pieces(
    words: list[str],
    roles: list[ColumnRole],
    raw: list,
    header_line: int,
    ends_newline: bool,
    warnings: list[tuple[int | None, str]],
    indicator_rows: dict[int, list[Pieces]] | None = None,
    marked: bool = False,
) -> list[list[GridCell | None]]:
    """Grid rows (header first) from rows given as their pieces ("row", line, [(line, piece)])
    and group rows ("group", line, text); each row's pieces aligned to the columns by
    content, its indicator rows (``indicator_rows``, by the row's line: spacesubrows.py) joined to it.
    With ``marked`` (every piece a cell closed by its own border, as in a pipe-cells table) a
    row of exactly as many pieces as columns, none empty, has every cell there and is aligned
    by position: content cannot move a cell the page bordered (a long deadline, two names in
    one cell). Empty pieces (``||``) show bars that do not match the cells one for one (a cell
    left out, stray bars at the end), so such a row's count proves nothing: aligned by content,
    where a row short of a cell leaves out its category first (``align``'s ``bordered``).
    The last row is checked for being cut off."""
    width = len(words)
    rows: list[list[GridCell | None]] = [
        [GridCell(w, 0, c, line=header_line) for c, w in enumerate(words)]
    ]
    measures = _measure_columns(words, roles)
    raw = _continuations(raw, words, roles, warnings)
    short: list[int] = []  # rows short of cells, aligned by content
    for k, (kind, line_no, content) in enumerate(raw):
        r = len(rows)
        if kind == "group":
            cell = GridCell(str(content), r, 0, colspan=width, line=line_no)
            rows.append([cell] * width)
            continue
        pieces = content  # type: ignore[assignment]
        texts = [p for _, p in pieces]
        subs: list[tuple[int, list[str]]] = []
        found = merged_cut(texts, roles)
        if found is not None:
            # one sub-row per unit, the unit cell merged over them (unitsubrows.py)
            cut, step = found
            subs = [(pieces[j][0], texts[j : j + step]) for j in range(cut, len(texts), step)]
            warnings.append(
                (
                    pieces[cut][0],
                    f"row {texts[0]}: {len(subs)} more progress cell(s) after its "
                    f"{words[-1]} cell: read as sub-rows (one per unit) under cells merged over "
                    "them, their progress joined to the row's",
                )
            )
            pieces, texts = pieces[:cut], texts[:cut]
        if marked and len(texts) == width and all(t.strip() for t in texts):
            taken = [[j] for j in range(width)]  # every bordered cell there: by position
        else:
            taken = share_not_amount(texts, roles, align(texts, roles, measures, marked))
            if len(texts) < width:
                short.append(r)
        row: list[GridCell | None] = []
        for c, idx in enumerate(taken):
            text = ""
            for n, j in enumerate(idx):
                if n:
                    text += " " if pieces[j][0] == pieces[idx[n - 1]][0] else "\n"
                text += texts[j]
            row.append(GridCell(text, r, c, line=pieces[idx[0]][0] if idx else line_no))
        if subs:
            row = joined_row(row, subs, roles)
        if indicator_rows and line_no in indicator_rows:
            row = join_sub_rows(row, indicator_rows[line_no], roles, measures)
        rows.append(row)
        if k == len(raw) - 1:
            # cut off: columns empty after the last filled one (an empty column between
            # filled ones is a merged or left-out cell, not a cut)
            filled = max((c for c, idx in enumerate(taken) if idx), default=-1)
            missing = [words[c] for c in range(filled + 1, width)]
            last = texts[-1]
            last_role = roles[filled] if filled >= 0 else ColumnRole.OTHER
            if missing:
                warnings.append(
                    (
                        pieces[-1][0],
                        f"row {texts[0]} ends before its {'/'.join(missing)} cell(s): the "
                        "table may be cut off here",
                    )
                )
            elif not ends_newline and last_role in _SENTENCE_ROLES and not CLOSING.search(last):
                warnings.append(
                    (
                        pieces[-1][0],
                        f"the text ends mid-sentence ({last[-12:]!r}): row {texts[0]} is "
                        "probably cut off",
                    )
                )
    if short and (carried := carry_spanned(rows, short, roles, words)):
        warnings.append((None, carried))  # SHORT ROW RULE (text/align.py)
    return rows
