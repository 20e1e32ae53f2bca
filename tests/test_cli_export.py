"""`luoshi export`: writes a stored report; a missing report is a clear error."""

from __future__ import annotations

import pytest

from luoshi.cli import main
from luoshi.core.services.importing import import_document
from luoshi.ingest import read_document
from luoshi.sample import generate_plan

pytestmark = pytest.mark.django_db


def test_export_writes_a_file_that_reads_back(tmp_path, capsys):
    original = generate_plan(seed=3, government="安澜市", year=2023, n_tasks=12)[0]
    report_id = import_document(original, file_name="g.json").report_id
    out = tmp_path / "r.docx"
    assert main(["export", str(report_id), "--format", "docx", "-o", str(out)]) == 0
    back = read_document(out)
    assert [t.to_dict() for t in back.tasks] == [t.to_dict() for t in original.tasks]
    assert f"{out}:" in (err := capsys.readouterr().err) and " 字节" in err


def test_export_of_a_missing_report_fails_with_its_id(capsys):
    assert main(["export", "424242", "--format", "csv"]) == 1
    assert "luoshi export: 没有编号为 424242 的报告" in capsys.readouterr().err


def test_export_rejects_an_unknown_format(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["export", "1", "--format", "pdfx"])
    assert exc.value.code == 2
