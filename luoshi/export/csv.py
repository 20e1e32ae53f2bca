"""CSV writer: one row per item, the source's columns, UTF-8 with a BOM so Excel opens it.

A task with several items repeats its own cells (serial, task, units) on each item's row; an
item's sub-heading is the first line of its first progress cell, as in the other formats
(docs/formats.md), so the CSV reader can merge the task's rows back.
"""

from __future__ import annotations

import csv
import io

from luoshi.export.table import official_table
from luoshi.ingest.model import ParsedDocument


def write_csv(doc: ParsedDocument) -> bytes:
    table = official_table(doc)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(table.header)
    above: list = [None] * table.width
    for row in table.rows:
        cells = []
        for j, cell in enumerate(row):
            if cell is not None:
                above[j] = cell
            cells.append(above[j].text if above[j] is not None else "")
        w.writerow(cells)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
