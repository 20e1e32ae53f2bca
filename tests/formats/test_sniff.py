"""Format chosen by content: the table of magic numbers and markers."""

from __future__ import annotations

import io
import zipfile

import pytest

from luoshi.ingest.formats.sniff import CFB_SIGNATURE, sniff


def _zip(*names: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n in names:
            zf.writestr(n, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (_zip("[Content_Types].xml", "word/document.xml"), "a.bin", "docx"),
        (_zip("[Content_Types].xml", "xl/workbook.xml"), "a.docx", "xlsx"),  # content beats name
        (_zip("other.txt"), "a.xlsx", "zip"),
        (_zip("[Content_Types].xml", "xl/workbook.xml")[:200], "cut.xlsx", "xlsx"),  # truncated
        (CFB_SIGNATURE + b"\0" * 100, "locked.xlsx", "ole2"),
        (b"%PDF-1.4\n...", "a.txt", "pdf"),
        (b"<!DOCTYPE html><html><body></body></html>", "a.txt", "html"),
        ("<table><tr><td>序号</td></tr></table>".encode(), "frag", "html"),
        (b'{"meta": {}, "columns": [], "tasks": []}', "x", "json"),
        ("序号,任务内容\n1,甲\n".encode(), "t.csv", "csv"),
        ("序号\n\n任务内容\n".encode(), "t.txt", "text"),
        ("序号\n\n任务内容\n".encode(), "", "text"),
    ],
)
def test_sniff(data: bytes, name: str, expected: str) -> None:
    assert sniff(data, name) == expected
