"""Old binary Office files: .xls through xlrd, .doc through LibreOffice (or a clear error).

The two files in tests/ingest/data are our own made-up table (three tasks, the second with a
sub-item heading row spanning the progress columns), saved as .xls from an .xlsx and as .doc
(Word 97) from HTML by LibreOffice; see tests/ingest/data/README.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.ingest.formats.legacy import ole2_kind, soffice

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"
WANT = [
    (
        "1",
        "建设城市公园3个。",
        ["市建设局", "市财政局"],
        [(None, "已建成2个。", "资金紧张。", "加快建设。")],
    ),
    (
        "2",
        "新增就业1万人。",
        ["市人社局"],
        [("城镇新增就业", "新增8000人。", "岗位不足。", "开展招聘会。")],
    ),
    ("3", "改造老旧小区10个。", ["市住建局"], [(None, "完工6个。", "", "年底前完工。")]),
]


def _tasks(doc):
    return [
        (
            t.serial,
            t.text,
            t.units,
            [(i.heading, i.done, i.problems, i.next_steps) for i in t.items],
        )
        for t in doc.tasks
    ]


def test_ole2_kind_by_stream_names():
    assert ole2_kind((DATA / "legacy_table.xls").read_bytes()) == "xls"
    assert ole2_kind((DATA / "legacy_table.doc").read_bytes()) == "doc"
    assert ole2_kind(b"not an ole2 file") == ""


def test_xls_is_read_with_merged_cells():
    doc = read_document(DATA / "legacy_table.xls")
    assert doc.format == "xls"
    assert [str(c.role) for c in doc.columns] == [
        "serial",
        "task",
        "units",
        "done",
        "problems",
        "next_steps",
    ]
    assert _tasks(doc) == WANT
    assert doc.meta.period is not None and str(doc.meta.period.kind) == "q3"


def test_doc_is_converted_by_libreoffice_or_refused_saying_how():
    path = DATA / "legacy_table.doc"
    if soffice() is None:
        with pytest.raises(IngestError, match="LibreOffice is not installed"):
            read_document(path)
        return
    doc = read_document(path)
    assert doc.format == "doc"
    assert _tasks(doc) == WANT


def test_doc_without_libreoffice_says_how_to_convert(monkeypatch):
    monkeypatch.setenv("LUOSHI_SOFFICE", "")  # as on a machine without LibreOffice
    with pytest.raises(IngestError) as err:
        read_document(DATA / "legacy_table.doc")
    assert "另存为" in str(err.value) and ".docx" in str(err.value)


def test_damaged_xls_is_a_clear_error():
    data = (DATA / "legacy_table.xls").read_bytes()
    with pytest.raises(IngestError, match=r"\.xls"):
        read_document(data[:3000], name="cut.xls")
