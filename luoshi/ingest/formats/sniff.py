"""Which format a file is, from its bytes (the extension is only a fallback).

ZIP with word/document.xml -> docx, with xl/workbook.xml -> xlsx; %PDF- -> pdf; an OLE2
compound file (D0 CF 11 E0) -> "ole2" (an encrypted OOXML file or an old .doc/.xls, which we
cannot read and say so); <html / <table -> html; JSON of a ParsedDocument -> json; else text.
"""

from __future__ import annotations

import io
import re
import zipfile

CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML = re.compile(rb"<\s*(!doctype\s+html|html|table|body|head|meta|div|tr|td)\b", re.I)
_EXTENSIONS = {
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".pdf": "pdf",
    ".htm": "html",
    ".html": "html",
    ".shtml": "html",
    ".csv": "csv",
    ".json": "json",
    ".txt": "text",
}


def sniff(data: bytes, name: str = "") -> str:
    """The registry key of the format of ``data``: docx, xlsx, pdf, ole2, zip, html, json, csv
    or text. Content decides; the file name's extension only breaks ties for text-like data."""
    head = data[:4096]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if head.startswith(CFB_SIGNATURE):
        return "ole2"
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and b'"tasks"' in data[:1_000_000]:
        return "json"
    # (every tag opens with "<": a text without one needs no case-insensitive scan)
    if b"<" in data[:65536] and (
        _HTML.search(head) or (len(data) > 4096 and _HTML.search(data[:65536]))
    ):
        return "html"
    ext = _extension(name)
    if ext in ("csv", "html", "json"):
        return ext
    return "text"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError):
        # A truncated archive still has its local headers: look for the part names.
        head = data[:65536]
        if b"word/document.xml" in head or b"word/" in head:
            return "docx"
        if b"xl/workbook.xml" in head or b"xl/" in head:
            return "xlsx"
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return "zip"


def _extension(name: str) -> str:
    lower = name.lower()
    for ext, kind in _EXTENSIONS.items():
        if lower.endswith(ext):
            return kind
    return ""
