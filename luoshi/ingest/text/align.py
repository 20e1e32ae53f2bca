"""Align a row's pieces of text to the header's columns by what each piece looks like.

SHORT ROW RULE (issue 9), one rule for every layout — cells per line, pipe rows, pipe cells,
space rows, and the ragged rows of HTML, DOCX and XLSX: a row with fewer cells than the header
is read by its content, never by position. Its cells stay in order; each column takes a run of
them (possibly none); the fit by content is chosen by :func:`align`'s dynamic programme. A
SPANNED column (序号, 类别, 牵头单位, 责任领导: the cells a table merges over the rows of a
group, :data:`SPANNED`) is the cell a short row most likely left out: where every cell is
bordered it is left empty at no cost, and then carried down from the row above with one warning
naming the rows (:func:`carry_spanned`). A 备注 column is the cell a row most often leaves
empty: a short row does not fill it by position. The last row of a page short of its last
cells may as well be cut off: the layouts warn so (a cut row lacks its last cells, never a
spanned cell before its task).

Used where a row's cell borders are not all marked: a space-separated row whose unit cell
wraps onto lines of its own, or whose task text holds a space. The rule, true of any such
table: the pieces stay in order; each column takes a run of consecutive pieces (possibly
none); a short-cell column (units, leader, person, status, deadline, figure) takes pieces that
look like its content, and the long-text columns (task, progress, target …) take the rest.
The alignment with the best total fit is chosen by dynamic programming, so a row with fewer
or more pieces than columns is aligned by content, not by position. A piece that is empty
(nothing between two borders, or an empty mark ——) is a cell of its own: it fits any column
alone and joins no neighbour. Every row names its task: the task column is left empty only
when no piece can go there (a row cut off after its serial), even when its text ends like an
organisation (新建幼儿园). Where every cell is bordered (a pipe-cells table), a row short of
a cell left it out, and the category is the cell most often left out (given once per group,
merged over its rows, carried down): leaving it empty costs nothing there, so such a row
gives its text to the task and target, not to the category (where pieces are cut by spaces a
short row may as well have run two cells together: the category costs as any text). A bare name (two to four characters, no figure, no status word:
徐国江) is weak evidence of a text column: in a row one cell short it goes to the person
column it looks like, not into an empty target beside it; and a yes/no answer (是, 否) is the
content of a status column (是否达序, 是否完成), not progress text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from luoshi.ingest.budgets import check, check_time
from luoshi.ingest.cells import ROW_NUMBER, is_empty_mark
from luoshi.ingest.grid import GridCell
from luoshi.ingest.text.shapes import looks_like_person, looks_like_status, looks_like_units
from luoshi.vocab import ColumnRole

_UNITS = frozenset({ColumnRole.UNITS, ColumnRole.LEAD_UNIT, ColumnRole.CO_UNITS})
_PEOPLE = frozenset({ColumnRole.LEADER, ColumnRole.PERSON})
_DIGIT = re.compile(r"\d")
_YES_NO = re.compile(r"^[是否]$")  # the answer in a 是否… column
# (or two joined, 36,37: a row's JOINED SERIALS, shapes.py)
_BARE_NUMBER = re.compile(r"^\d{1,4}(?:\s*[,，、]\s*\d{1,4})?[.、．]?$")
# An arabic list number opening a text (15.推进…, 3、…), not a decimal (1.5万).
_LISTED = re.compile(rf"^\s*{ROW_NUMBER}")
_SENTENCE = re.compile(r"[。；;]")
_FIGURE = re.compile(r"^[-+]?\d[\d.,，]*\s*(%|％|万元|亿元|个|人|项|元)?$")
_DATE = re.compile(
    r"^(\d{4}年)?\d{1,2}月(底|末|前|中旬|上旬|下旬)?(前)?$|^(年底|年内|全年|年末)前?$|^长期$"
    r"|^持续推进$|^(\d{4}年)?(第?[一二三四1-4]季度|上半年|下半年)(末|底)?前?$"
)
# Scores: a piece in a column it fits, a piece in a column it does not fit, an empty column.
_FITS, _MISFITS, _EMPTY_SHORT, _EMPTY_TEXT, _EMPTY_TASK = 2.0, -3.0, -0.5, -1.5, -6.0
_EMPTY_CATEGORY = 0.0

# The columns a table merges over a group's rows (SHORT ROW RULE): a short row left them out.
SPANNED = frozenset(
    {ColumnRole.SERIAL, ColumnRole.CATEGORY, ColumnRole.LEAD_UNIT, ColumnRole.LEADER}
)


def _unitish(piece: str) -> bool:
    """A unit name list: organisation endings, and no figures (已建成3所 is progress)."""
    # a trailing 、 or , says the list goes on (市财政局、), and says nothing for other text
    # (主体完工,): the piece is judged without it
    return looks_like_units(piece.rstrip("、,，")) and not _DIGIT.search(piece)


def _fit(role: ColumnRole, piece: str) -> float:
    if is_empty_mark(piece) or not piece.strip():
        return 1.0  # a cell the page marked empty (——, or nothing between its borders)
    if role in _UNITS:
        return _FITS if _unitish(piece) else _MISFITS
    if role in _PEOPLE:
        return _FITS if looks_like_person(piece) else _MISFITS
    if role is ColumnRole.DECLARED_STATUS:
        fits = looks_like_status(piece) or _FIGURE.match(piece) or _YES_NO.match(piece)
        return _FITS if fits else -1.0
    if role is ColumnRole.ACTUAL:
        return _FITS if _FIGURE.match(piece) else -1.0
    if role is ColumnRole.DEADLINE:
        return _FITS if _DATE.match(piece) else -1.0
    if role is ColumnRole.SERIAL:
        return _FITS if len(piece) <= 5 else _MISFITS
    if role is ColumnRole.TASK and _BARE_NUMBER.match(piece):
        return _MISFITS  # a bare number (a serial) names no task
    if role is ColumnRole.CATEGORY and (_LISTED.match(piece) or _SENTENCE.search(piece)):
        # a category names a class of tasks (四、教育文化, 民生保障): numbered in words or not
        # at all, and no sentence; a cell numbered 15. or a sentence is a task or progress
        return _MISFITS
    # long text: a unit list or a bare name is unlikely to be a task or progress text
    if _unitish(piece) and len(piece) <= 12:
        return -1.0
    if _YES_NO.match(piece):
        return -1.0  # a yes/no answer is a status cell's, not a text
    if _bare_name(piece):
        return 0.5
    return 1.0


def _bare_name(piece: str) -> bool:
    """Two to four characters, no figure, no status word: a person's name more likely than
    a text (徐国江; 已完成 and 推进中 are status words)."""
    return looks_like_person(piece) and not looks_like_status(piece)


def _more(role: ColumnRole, piece: str) -> float:
    """Score of one more piece in a column that already has one."""
    if not piece.strip() or is_empty_mark(piece):
        return -1.0  # an empty cell is a cell of its own, not part of its neighbour
    if role in _UNITS:
        return _FITS if _unitish(piece) else _MISFITS
    if role in _PEOPLE:
        return 1.0 if looks_like_person(piece) else _MISFITS
    if role in (ColumnRole.DECLARED_STATUS, ColumnRole.ACTUAL, ColumnRole.DEADLINE):
        return _MISFITS
    if role is ColumnRole.SERIAL:
        return _MISFITS * 2
    if _YES_NO.match(piece):
        return -1.0  # a yes/no answer is a status cell of its own, not more text
    if looks_like_status(piece) and len(piece) <= 8:
        # a bare status word (滞后, 序时推进) between texts is a cell of its own: a status
        # column takes it before a text column runs on over it
        return -0.5
    return 0.5 if not (_unitish(piece) and len(piece) <= 12) else -1.0


# A unit of measurement: a short word without figures (人次, 万方, 元/月/人).
_MEASURE = re.compile(r"^[^\d\s]{1,6}$")


def _fit_measure(piece: str) -> float:
    if is_empty_mark(piece) or not piece.strip():
        return 1.0
    return _FITS if _MEASURE.match(piece.strip()) else _MISFITS


def piece_fit(role: ColumnRole, piece: str) -> float:
    """How well one piece fits a column of ``role`` alone (positive: it looks like that
    column's content)."""
    return _fit(role, piece)


def misfits(
    pieces: Sequence[str], roles: Sequence[ColumnRole], taken: Sequence[Sequence[int]]
) -> int:
    """How many pieces an alignment (``taken``: each column's piece indexes) puts where they
    do not look like the column's content: lets a reader keep the reading by position unless
    the reading by content fits the row better."""
    bad = 0
    for role, idx in zip(roles, taken, strict=False):
        for n, i in enumerate(idx):
            bad += (_fit(role, pieces[i]) if n == 0 else _more(role, pieces[i])) < 0
    return bad


def align(
    pieces: Sequence[str],
    roles: Sequence[ColumnRole],
    measures: frozenset[int] = frozenset(),
    bordered: bool = False,
) -> list[list[int]]:
    """For each column, the indexes of the pieces it takes (in order, contiguous). Columns
    in ``measures`` hold a unit of measurement (a column headed 单位 in a table of figures):
    one short word without figures, or nothing. ``bordered``: every piece is a cell closed by
    its own border (a pipe-cells table), so a missing cell was left out by the page."""
    return align_scored(pieces, roles, measures, bordered)[0]


def align_scored(
    pieces: Sequence[str],
    roles: Sequence[ColumnRole],
    measures: frozenset[int] = frozenset(),
    bordered: bool = False,
) -> tuple[list[list[int]], float]:
    """:func:`align` and the alignment's total fit (higher is better): lets a reader compare
    readings of a header by how well the rows' cells fit each."""
    n, m = len(pieces), len(roles)
    # A real row has a few dozen pieces; a file whose rows never close gives one row of
    # thousands, which no reading of the table would make right: bounded like a row's
    # paragraphs (the work below is linear in it, but the tables are m·n).
    check(
        "max_row_paragraphs",
        n,
        where=f"a row of {n} pieces: no serial or row end cut it (rows whose serials do not "
        "count on 1, 2, 3 …, or that never close, run together)",
    )
    check_time()
    neg = float("-inf")
    # best[c][i]: best score placing pieces[:i] in columns[:c]; back[c][i]: start of column c-1
    best = [[neg] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for c in range(1, m + 1):
        role = roles[c - 1]
        empty = _EMPTY_SHORT if role not in _TEXT else _EMPTY_TEXT
        if role is ColumnRole.TASK:
            empty = _EMPTY_TASK  # every row names its task: a piece that could is taken
        elif role is ColumnRole.CATEGORY and bordered:
            # every cell bordered: a row short of a cell left it out, and a category is given
            # once per group (a merged cell, carried down), the cell most often left out (the
            # other spanned columns are short ones, left empty at a short column's cost: a
            # cell that looks like theirs — a bare name, a unit — still goes to them)
            empty = _EMPTY_CATEGORY
        measure = c - 1 in measures
        if measure:
            empty = _EMPTY_SHORT
            fits = [_fit_measure(p) for p in pieces]
            mores = [_MISFITS] * n
        else:
            fits = [_fit(role, p) for p in pieces]
            mores = [_more(role, p) for p in pieces]
        # Column c-1 takes pieces[j:i]: pieces[j] opens it (fits[j]) and each later piece up
        # to pieces[i-1] is one more (mores[j+1..i-1]). With more_sum = the sum of mores
        # before a position, that score is prev[j] + fits[j] - more_sum[j+1] + more_sum[i]: the
        # best j for every i comes from a running maximum over j < i, so a column costs n
        # steps, not n² (a row of 5,000 pieces took minutes). Every score is a multiple of
        # 0.5, so the sums are exact and ties go as in the plain double loop: the empty column
        # first, then the latest start.
        prev = best[c - 1]
        cur, brk = best[c], back[c]
        more_sum = 0.0  # sum of mores[:i]
        lead, lead_j = neg, -1  # max over j < i of prev[j] + fits[j] - sum of mores[:j+1]
        for i in range(n + 1):
            top = prev[i] + empty if prev[i] > neg else neg
            arg = i
            if lead_j >= 0 and lead + more_sum > top:
                top, arg = lead + more_sum, lead_j
            cur[i], brk[i] = top, arg
            if i < n:
                more_sum += mores[i]
                if prev[i] > neg:
                    key = prev[i] + fits[i] - more_sum
                    if key >= lead:
                        lead, lead_j = key, i
    out: list[list[int]] = [[] for _ in range(m)]
    i = n
    for c in range(m, 0, -1):
        j = back[c][i]
        out[c - 1] = list(range(j, i))
        i = j
    return out, best[m][n]


_TEXT = frozenset(
    {
        ColumnRole.TASK,
        ColumnRole.DONE,
        ColumnRole.PROBLEMS,
        ColumnRole.NEXT_STEPS,
        ColumnRole.TARGET,
        ColumnRole.OTHER,
        ColumnRole.REMARKS,
        ColumnRole.CATEGORY,
    }
)


def carry_spanned(
    rows: list[list[GridCell | None]],
    short: Sequence[int],
    roles: Sequence[ColumnRole],
    headers: Sequence[str],
    header: int = 0,
) -> str | None:
    """SHORT ROW RULE, the carrying, on Grid rows: a copy of the cell above goes where
    :func:`spanned_gaps` says (the row stays a task of its own). The header row (index
    ``header``) and the rows above it are never the cell above: a header word is no cell, so
    a short row right under the header has nothing to carry. ``rows`` are changed in place;
    returns the one warning, or None when nothing was carried."""
    texts = [[c.text if c is not None else "" for c in row] for row in rows]
    group = {r for r, row in enumerate(rows) if len(row) > 1 and len({id(c) for c in row}) == 1}
    group.update(range(header + 1))
    gaps = spanned_gaps(texts, short, roles, group)
    for r, c in gaps:
        here = rows[r][c]
        up = rows[r - 1][c]
        assert up is not None  # (a gap has text above)
        rows[r][c] = GridCell(up.text, r, c, line=here.line if here else up.line)
    serial = list(roles).index(ColumnRole.SERIAL) if ColumnRole.SERIAL in roles else None
    names = {r: (texts[r][serial] if serial is not None else "") or f"#{r}" for r, _ in gaps}
    return carried_note(gaps, names, headers)


def spanned_gaps(
    texts: list[list[str]],
    short: Sequence[int],
    roles: Sequence[ColumnRole],
    group: frozenset[int] | set[int] = frozenset(),
) -> list[tuple[int, int]]:
    """SHORT ROW RULE, the carrying: in each row of ``short`` (indexes of ``texts``: rows
    short of cells, aligned by content), a SPANNED column left empty takes the text of the
    row above — unless that row is a ``group`` row (a new group), or no later cell of the row
    is filled (a row cut off lacks its last cells: nothing to carry into them). ``texts`` are
    filled in place, in order, so a cell carries on down a run of short rows; returns the
    (row, column) filled."""
    gaps: list[tuple[int, int]] = []
    for r in sorted(short):
        if r < 1 or r - 1 in group:
            continue
        row, above = texts[r], texts[r - 1]
        for c, role in enumerate(roles):
            if role not in SPANNED or c >= len(row) or c >= len(above):
                continue
            if not row[c].strip() and above[c].strip() and any(t.strip() for t in row[c + 1 :]):
                row[c] = above[c]
                gaps.append((r, c))
    return gaps


def carried_note(
    gaps: Sequence[tuple[int, int]], names: dict[int, str], headers: Sequence[str]
) -> str | None:
    """The one warning of the cells carried down (``names``: each row's serial or place)."""
    if not gaps:
        return None
    rows = list(dict.fromkeys(r for r, _ in gaps))
    listed = [names[r] for r in rows]
    columns = "/".join(headers[c] for c in sorted({c for _, c in gaps}))
    return (
        f"{len(rows)} row(s) ({', '.join(listed[:6])}{'…' if len(rows) > 6 else ''}) short "
        f"of cells have no {columns} cell of their own: the cell above is carried down (a "
        "merged cell)"
    )
