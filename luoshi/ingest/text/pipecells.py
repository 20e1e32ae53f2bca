"""The **pipe-cells** layout: a pipe table flattened one cell per line, each cell closed by
``|``::

    序号 |
    项目内容 |
    责任单位 |
    进展情况 |
    1 |
    新建公园3个。 |
    市建设局 |
    已建成2个,         (a cell running over lines: closed by the line ending in |)
    第3个在建。 |
    2 |
    …

Rules, true of any such page: the header is the first run of three or more closed cells that
are header words, most of them known columns (a header word split over two cells, 责任 |
单位 |, is joined when the join is a known column); after it, a row opens at a cell holding
the next serial (or 1 after a group row); the cells up to the next row are the row's pieces,
aligned to the columns by content (:mod:`luoshi.ingest.text.align`), so an empty or merged
cell the page left out does not shift the rest; a lone cell between rows that reads as a
group (一、…) is a group row. The result is a Grid, read like any table.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid
from luoshi.ingest.headers import header_role, header_roles, normalise_header
from luoshi.ingest.text.shapes import is_group
from luoshi.ingest.text.spacerows import rows_from_pieces
from luoshi.vocab import ColumnRole

PIPE_CELLS_LAYOUT = "pipe-cells"
_SERIAL = re.compile(r"^(\d{1,3})[.、．]?$")
_MAX_HEADER_LEN = 24
_MIN_CLOSED_SHARE = 0.5


def _cells(lines: list[str]) -> list[tuple[int, str, bool]]:
    """(first line, text, closed) of each cell: text up to a closing |; lines without it
    continue the cell. Several | on a line close several cells (empty ones between)."""
    out: list[tuple[int, str, bool]] = []
    buf: list[str] = []
    start = 0
    for i, raw in enumerate(lines):
        s = raw.strip()
        if not s:
            continue
        if not buf:
            start = i + 1
        if s.endswith("|"):
            parts = s.split("|")[:-1]
            buf.append(parts[0].strip())
            out.append((start, "\n".join(b for b in buf if b), True))
            out += [(i + 1, p.strip(), True) for p in parts[1:]]
            buf = []
        else:
            buf.append(s)
    if buf:
        out.append((start, "\n".join(buf), False))
    return out


def looks_like_pipe_cells(lines: list[str]) -> bool:
    filled = [s.strip() for s in lines if s.strip()]
    closed = sum(1 for s in filled if s.endswith("|") and s.count("|") == 1 and len(s) > 1)
    return len(filled) >= 6 and closed >= _MIN_CLOSED_SHARE * len(filled)


def _header(cells: list[tuple[int, str, bool]]) -> tuple[int, int, list[str]] | None:
    """(start, end, words) of the header run of cells."""
    for a in range(len(cells)):
        # text above the table runs into the first cell (it has no closing |): its last line
        first = cells[a][1].split("\n")[-1]
        if header_role(first, have_task=False) is not ColumnRole.SERIAL:
            continue
        words = [normalise_header(first)]
        b = a + 1
        while b < len(cells):
            text = normalise_header(cells[b][1])
            if not text or len(text) > _MAX_HEADER_LEN or _SERIAL.match(text):
                break
            if header_role(text, True) is ColumnRole.OTHER and b + 1 < len(cells):
                joined = text + normalise_header(cells[b + 1][1])
                if header_role(joined, True) is not ColumnRole.OTHER:
                    words.append(joined)
                    b += 2
                    continue
            if is_group(cells[b][1]):
                break
            words.append(text)
            b += 1
        known = sum(1 for w in words if header_role(w, True) is not ColumnRole.OTHER)
        if len(words) >= 3 and known * 2 > len(words):
            return a, b, words
    return None


def pipe_cells_grid(
    lines: list[str], ends_newline: bool
) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a one-cell-per-line pipe table, or None when no header is found."""
    cells = _cells(lines)
    found = _header(cells)
    if found is None:
        return None
    a, b, words = found
    header_line = cells[a][0] + cells[a][1].count("\n")
    roles = header_roles(words)
    raw: list = []
    prev = 0
    k = b
    while k < len(cells):
        line, text, _ = cells[k]
        if (
            normalise_header(text) == words[0]
            and [normalise_header(c[1]) for c in cells[k : k + len(words)]] == words
        ):
            k += len(words)  # the header repeated at a page break; numbering goes on
            continue
        m = _SERIAL.match(text)
        if m and (int(m.group(1)) == prev + 1 or (int(m.group(1)) == 1 and prev != 0)):
            prev = int(m.group(1))
            raw.append(("row", line, [(line, text)]))
        elif is_group(text) and (not raw or raw[-1][0] == "group" or len(raw[-1][2]) > 1):
            raw.append(("group", line, text))
        elif raw and raw[-1][0] == "row":
            raw[-1][2].append((line, text))
        k += 1
    warnings: list[tuple[int | None, str]] = [
        (
            header_line,
            "a pipe table flattened one cell per line: rows found by their serials, cells "
            "aligned to the columns by what they look like; check the result",
        )
    ]
    rows = rows_from_pieces(words, roles, raw, header_line, ends_newline, warnings)
    if len(rows) < 2:
        return None
    preamble = [s.strip() for s in lines[: header_line - 1] if s.strip()]
    return Grid(rows=rows, preamble=preamble), warnings
