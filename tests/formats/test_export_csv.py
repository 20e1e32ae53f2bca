"""CSV writer: BOM, one row per item, task cells repeated."""

from __future__ import annotations

import csv
import io

from luoshi.export.csv import write_csv
from tests.formats.docgen import seed004_like


def test_one_row_per_item_with_bom() -> None:
    doc = seed004_like(8)
    data = write_csv(doc)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [c.header for c in doc.columns]
    assert len(rows) == 1 + sum(len(t.items) for t in doc.tasks)
    serials = [r[0] for r in rows[1:]]
    assert serials == [t.serial for t in doc.tasks for _ in t.items]
    multi = next(t for t in doc.tasks if len(t.items) > 1)
    first = serials.index(multi.serial)
    assert rows[1 + first][3].split("\n")[0] == multi.items[0].heading
    assert rows[1 + first + 1][1] == multi.text  # the task's cells repeated on each item row
