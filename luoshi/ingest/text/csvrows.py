"""Comma-separated rows under a title: a CSV pasted into a page (or saved as .txt).

Rule: a header line of three or more comma-separated short words (no ``|`` or tab on the
line), opening with 序号, a category or the task column, at least two of them and most of
them known columns, opens a CSV table; it is read
from that line with the CSV reader (:mod:`luoshi.ingest.formats.csv`), the lines above are
its preamble (title, metadata). Prose uses ASCII commas too, but not between short known
column names.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid
from luoshi.ingest.headers import header_role, is_known_header, normalise_header
from luoshi.vocab import ColumnRole

CSV_LAYOUT = "csv-rows"
_MIN_KNOWN = 2
_MAX_WORD = 24
_MAX_LINE = 200
_MAX_FIRST = 8
_NOT_HEADER = re.compile(r"[。；;|\t]")
_FIRST_ROLES = (ColumnRole.SERIAL, ColumnRole.CATEGORY, ColumnRole.TASK)


# Lines with two commas and none of _NOT_HEADER's characters but the tab (which strip() may
# take off the ends): a superset of the lines the loop below reads — most lines of a page are
# sentences (a full stop) or have no two commas. (Tested line by line with str.count, the
# commas first: the same lines as the multiline regex ^[^\n。；;|]*,[^\n。；;|]*,[^\n。；;|]*$
# over the joined text — the lines hold no "\n" — at a third less time, which tried its
# anchor at every character. The four characters are looked for by str's own search, not a
# regex character class: the same test, several times faster on long lines. The commas are
# counted last, of the lines holding one: ``in`` costs a third of str.count's call, whose
# arguments are parsed from a tuple, and most lines hold no comma.)


def _candidates(lines: list[str]) -> list[int]:
    """Indexes of the lines that can be a CSV header, in order."""
    return [
        i
        for i, line in enumerate(lines)
        if "," in line
        and "。" not in line
        and "；" not in line
        and ";" not in line
        and "|" not in line
        and line.count(",") >= 2
    ]


def csv_header(lines: list[str]) -> int | None:
    """Index of the comma-separated header line, or None."""
    for i in _candidates(lines):
        s = lines[i].strip()
        if len(s) > _MAX_LINE or s.count(",") < 2 or _NOT_HEADER.search(s):
            continue  # (a full stop, a bar or a tab: a sentence or another layout)
        first = s.split(",", 1)[0].strip().strip('"')
        if not 0 < len(first) <= _MAX_FIRST or header_role(first, False) not in _FIRST_ROLES:
            continue  # a header opens with 序号, a category or the task column
        words = [w.strip().strip('"') for w in s.split(",")]
        if any(not w or len(normalise_header(w)) > _MAX_WORD for w in words):
            continue
        known = sum(1 for w in words if is_known_header(w))
        if known >= _MIN_KNOWN and known * 2 > len(words):
            return i
    return None


def csv_rows_grid(lines: list[str], name: str) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of the CSV table under the title, or None when there is no CSV header."""
    at = csv_header(lines)
    if at is None:
        return None
    from luoshi.ingest.formats.csv import read_csv_grids  # the formats import the text reader

    grid = read_csv_grids("\n".join(lines[at:]).encode(), name=name)[0]
    for row in grid.rows:
        for cell in row:
            if cell is not None and cell.line is not None:
                cell.line += at
    grid.preamble = [x for x in lines[:at] if x.strip()]
    return grid, [(at + 1, "comma-separated rows (CSV) under the title: read as a CSV table")]
