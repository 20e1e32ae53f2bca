"""`luoshi import` with hostile and broken files between good ones: each bad file is named on
stderr with its reason, the good files before and after it are imported, exit status 1."""

from __future__ import annotations

import pytest
from shared_docs import shared_path

from luoshi.cli import main
from luoshi.core.models import Report
from luoshi.ingest.registry import _READERS, register
from tests.ingest.hostile_files import docx_zip_bomb, json_deep, xlsx_far_cell

pytestmark = pytest.mark.django_db


def test_hostile_files_between_good_ones(tmp_path, capsys):
    good = [str(shared_path("seeds", "000_eb2b56e49a1860ea.txt")),
            str(shared_path("seeds", "004_fea78dcb383e1fba.txt"))]
    bad = []
    for name, build in [("bomb.docx", docx_zip_bomb), ("far.xlsx", xlsx_far_cell),
                        ("deep.json", json_deep)]:
        path = tmp_path / name
        path.write_bytes(build())
        bad.append(str(path))
    crash = tmp_path / "crash.boom"
    crash.write_bytes(b"anything")
    bad.append(str(crash))

    def broken(data: bytes, name: str):
        raise RuntimeError("a reader bug")

    register("boom", sniff=lambda d, n: n.endswith(".boom"), read=broken, priority=99)
    try:
        code = main(["import", good[0], *bad, good[1]])
    finally:
        del _READERS["boom"]
    out, err = capsys.readouterr()
    assert code == 1
    assert Report.objects.count() == 2  # the file after the bad ones was imported too
    # One line per bad file; the reader bug is also logged with its traceback (for developers).
    errors = [line for line in err.splitlines() if line.startswith(str(tmp_path))]
    assert "Traceback" in err and "RuntimeError: a reader bug" in err
    assert len(errors) == len(bad)
    for path, line in zip(bad, errors, strict=True):
        assert line.startswith((f"{path}: ", f"{path} ("))  # "file (member): reason"
    assert "LUOSHI_INGEST_MAX_MEMBER_BYTES" in errors[0]
    assert "LUOSHI_INGEST_MAX_CELLS" in errors[1]
    assert "LUOSHI_INGEST_MAX_JSON_DEPTH" in errors[2]
    assert "the file could not be read: RuntimeError: a reader bug (reader boom" in errors[3]
    assert out.splitlines()[-1].startswith("合计:6 个文件中 2 个已导入") and "4 个失败" in out
