"""CSV writer: one row per item, the source's columns, UTF-8 with a BOM so Excel opens it.

A task with several items repeats its own cells (serial, task, units) on each item's row; an
item's sub-heading is the first line of its first progress cell, as in the other formats
(docs/formats.md), so the CSV reader can merge the task's rows back.
"""

from __future__ import annotations

import csv
import io
import re

from luoshi.export.table import official_table
from luoshi.ingest.model import ParsedDocument

# A number as a spreadsheet would read it ("-5", "+3.5%", "-1,200"): harmless, left as it is.
_NUMBER = re.compile(r"[+-]?[\d,]*\.?\d+%?")


def formula_escape(value: object) -> object:
    """A cell a spreadsheet would run as a formula, made text by a leading apostrophe.

    Spreadsheets evaluate a CSV cell that starts with = + - @ (or a tab or carriage return
    before one): "=HYPERLINK(…)" in a published table must not become a live link or command
    when an official opens the export. Left alone: non-strings, a lone sign ("-", an empty
    marker in many tables), and plain signed numbers. Every CSV luoshi writes (this exporter
    and the task list's download) goes through here.
    """
    if not isinstance(value, str) or not value:
        return value
    first = value[0]
    if first in "=@\t\r" or (first in "+-" and len(value) > 1 and not _NUMBER.fullmatch(value)):
        return "'" + value
    return value


def write_csv(doc: ParsedDocument) -> bytes:
    table = official_table(doc)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([formula_escape(h) for h in table.header])
    above: list = [None] * table.width
    for row in table.rows:
        cells = []
        for j, cell in enumerate(row):
            if cell is not None:
                above[j] = cell
            cells.append(formula_escape(above[j].text) if above[j] is not None else "")
        w.writerow(cells)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
