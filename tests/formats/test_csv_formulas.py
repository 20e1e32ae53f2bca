"""Every CSV luoshi writes neutralises spreadsheet formulas: the exporter, `luoshi export`, and
the task list's download share one rule (luoshi.export.csv.formula_escape)."""

from __future__ import annotations

import csv
import io

import pytest

from luoshi.cli import main
from luoshi.core.services.importing import import_document
from luoshi.export.csv import formula_escape, write_csv
from luoshi.sample import generate_plan
from tests.formats.docgen import seed004_like


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x.example","点此")', '\'=HYPERLINK("http://x.example","点此")'),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        # Text and numbers a spreadsheet shows as they are: unchanged.
        ("完成投资12亿元。", "完成投资12亿元。"),
        ("-", "-"),
        ("-5", "-5"),
        ("+3.5%", "+3.5%"),
        ("-1,200", "-1,200"),
        ("", ""),
        (7, 7),
    ],
)
def test_formula_escape(cell, expected):
    assert formula_escape(cell) == expected


def test_exporter_escapes_every_cell():
    doc = seed004_like(3)
    doc.tasks[0].text = "=HYPERLINK(1)"
    doc.tasks[1].items[0].done = "@cmd"
    rows = list(csv.reader(io.StringIO(write_csv(doc).decode("utf-8-sig"))))
    cells = {c for row in rows for c in row}
    assert "'=HYPERLINK(1)" in cells and not any(c.startswith(("=", "@")) for c in cells)
    assert any(c.startswith("'@cmd") for c in cells)


@pytest.mark.django_db
def test_cli_export_csv_escapes(tmp_path):
    doc = generate_plan(seed=5, government="安澜市", year=2023, n_tasks=4)[0]
    doc.tasks[0].text = '=HYPERLINK("http://evil.example","看")'
    report_id = import_document(doc, file_name="f.json").report_id
    out = tmp_path / "r.csv"
    assert main(["export", str(report_id), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    texts = [c for row in rows[1:] for c in row]
    assert '\'=HYPERLINK("http://evil.example","看")' in texts
    assert not any(c.startswith(("=", "@")) for c in texts)
