"""CSV reader: the header row, then one row per item (as luoshi's CSV export writes them).

Consecutive rows with the same serial are one task: their task-level cells (every column
outside the run of progress columns) are merged back into one GridCell, so the layout step
reads them as a task's items, exactly as a merged cell in the other formats.
"""

from __future__ import annotations

import csv
import io

from luoshi.ingest.budgets import check
from luoshi.ingest.decode import decode_text
from luoshi.ingest.errors import IngestError
from luoshi.ingest.formats.cells import GridBuilder, clean_text
from luoshi.ingest.grid import Grid
from luoshi.ingest.headers import columns_from_headers
from luoshi.ingest.layout import item_columns
from luoshi.vocab import ColumnRole


def read_csv_grids(data: bytes, *, name: str = "") -> list[Grid]:
    text, _ = decode_text(data, name)
    # The delimiter comes from the header line alone: csv.Sniffer on a sample that ends inside
    # a long quoted cell guesses wrong (seed 004 came back as 153 rows instead of 150).
    header_line = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=header_line.count)
    try:
        rows = [
            [clean_text(v) for v in row]
            for row in csv.reader(io.StringIO(text), csv.excel, delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise IngestError(name, f"malformed CSV: {exc}") from exc
    rows = [r for r in rows if any(r)]
    if len(rows) < 2:
        raise IngestError(name, "no table in the CSV file: fewer than two rows")
    width = max(len(r) for r in rows)
    check("max_cells", width * len(rows))  # before padding every row to the widest
    rows = [r + [""] * (width - len(r)) for r in rows]
    columns, _ = columns_from_headers(rows[0])
    roles = [c.role for c in columns]
    key = roles.index(ColumnRole.SERIAL) if ColumnRole.SERIAL in roles else None
    task_level = [c for c in range(width) if c not in set(item_columns(columns))]
    b = GridBuilder()
    for c, text_ in enumerate(rows[0]):
        b.place(0, c, text_, line=1)
    r = 1
    while r < len(rows):
        end = r + 1
        if key is not None and rows[r][key]:
            while end < len(rows) and all(rows[end][c] == rows[r][c] for c in task_level):
                end += 1
        for c in range(width):
            if c in task_level:
                b.place(r, c, rows[r][c], end - r, 1, line=r + 1)
            else:
                for rr in range(r, end):
                    b.place(rr, c, rows[rr][c], line=rr + 1)
        r = end
    return [b.grid(where="csv")]
