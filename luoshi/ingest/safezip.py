"""Checks of an Office archive (DOCX, XLSX) before a reader or openpyxl opens it.

A DOCX or XLSX file is a zip of XML parts. Four things in it can cost far more than the file's
size, and each is checked here against the budget, member by member, before any XML is parsed:

- a member whose declared size is huge (a zip bomb: 5 MB of zeros inflating to gigabytes).
  ``zipfile`` never inflates past the declared size, so checking the declared sizes bounds the
  real ones; every member is then inflated once in chunks, so a damaged deflate stream or CRC
  becomes a declared error here rather than ``zlib.error`` inside a reader;
- a DTD: OOXML never has one, so ``<!DOCTYPE``/``<!ENTITY`` (billion laughs, external
  entities) is refused outright;
- the number of XML elements (each becomes a parsed node);
- in a worksheet, the number of cells and the area of merged ranges: openpyxl materialises one
  object per position of a merged range, so ``A3:XFD1048576`` alone is 17 billion objects; in
  a Word document, the number of table cells.

:func:`xml_parser` is the lxml parser the readers use for the parts they parse themselves:
no entity expansion, no network, and libxml2's own depth and size limits left on.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from lxml import etree

from luoshi.ingest.budgets import LimitExceeded, budget, check, current
from luoshi.ingest.errors import IngestError

_CHUNK = 1 << 20
_XML_NAMES = (".xml", ".rels", ".vml")
_SHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_MERGE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]{0,40}:)?mergeCell\b[^>]{0,400}?\bref\s*=\s*[\"']"
    rb"\$?([A-Za-z]{1,3})\$?(\d{1,10})(?::\$?([A-Za-z]{1,3})\$?(\d{1,10}))?"
)


def xml_parser() -> etree.XMLParser:
    """A parser for untrusted XML: entities not expanded, no DTD or network access, and
    libxml2's limits on depth (256) and text node size kept (no ``huge_tree``)."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ch - 64)
    return n


def merged_area(xml: bytes) -> int:
    """Positions covered by the merged ranges of a worksheet part."""
    total = 0
    for m in _MERGE.finditer(xml):
        c1, r1, c2, r2 = m.groups()
        if c2 is None:
            continue
        rows = abs(int(r2) - int(r1)) + 1
        cols = abs(_column_number(c2) - _column_number(c1)) + 1
        total += rows * cols
    return total


def _as_utf8(xml: bytes) -> bytes:
    """UTF-16 parts (allowed by XML, rare in OOXML) re-encoded so the byte scans see tags."""
    if xml[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in xml[:64]:
        try:
            return xml.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return xml
    return xml


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, keep: bool) -> bytes:
    """Inflate one member in chunks (the CRC is checked at its end); its bytes when ``keep``."""
    parts: list[bytes] = []
    try:
        with zf.open(info) as f:
            while chunk := f.read(_CHUNK):
                if keep:
                    parts.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        raise IngestError(
            name, f"damaged archive: member {info.filename!r} cannot be read ({exc})"
        ) from exc
    return b"".join(parts)


def check_archive(data: bytes, name: str, kind: str) -> None:
    """Check a DOCX/XLSX archive against the budget; raise IngestError (LimitExceeded for a
    limit) naming the member. A file that is not a readable zip at all is left to the reader,
    which says what it is (encrypted, old .doc/.xls, truncated)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except NotImplementedError as exc:  # e.g. "zip file version 21.6": a damaged header
        raise IngestError(name, f"damaged or unsupported archive: {exc}") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError):
        return
    with zf:
        check("max_zip_members", len(infos))
        declared = 0
        for info in infos:
            check("max_member_bytes", info.file_size, where=info.filename)
            declared += info.file_size
        check("max_unzipped_bytes", declared)
        cells = 0
        for info in infos:
            if info.is_dir():
                continue
            is_xml = info.filename.lower().endswith(_XML_NAMES)
            content = _read_member(zf, info, name, keep=is_xml)
            if not is_xml:
                continue
            xml = _as_utf8(content)
            if b"<!DOCTYPE" in xml[:65536] or b"<!ENTITY" in xml:
                raise IngestError(
                    name,
                    f"refused: archive member {info.filename!r} declares a DTD or entities, "
                    "which Office files never do (entity expansion attack?)",
                )
            check("max_xml_nodes", xml.count(b"<"), where=info.filename)
            if kind == "xlsx" and _SHEET.match(info.filename):
                check("max_merged_cells", merged_area(xml), where=info.filename)
                # "<c " / "<c>" / "<c/>" and prefixed ":c " — an over-count is harmless.
                cells += sum(xml.count(t) for t in (b"<c ", b"<c>", b"<c/", b":c "))
                check("max_cells", cells, where=info.filename)
            elif kind == "docx" and info.filename == "word/document.xml":
                # Each table cell (w:tc) becomes at least one grid cell.
                tcs = sum(xml.count(t) for t in (b"<w:tc>", b"<w:tc "))
                check("max_cells", tcs, where=info.filename)


def used_area(ws) -> dict[str, int]:
    """``max_row``/``max_col`` of an openpyxl worksheet's cells that hold a value, for
    ``ws.iter_rows``: a styled but empty cell far away (Excel keeps formatting of whole rows
    and columns) is not part of the table. Raises LimitExceeded when the area is too large."""
    rows = cols = 0
    for (r, c), cell in ws._cells.items():
        if cell.value is not None and cell.value != "":
            rows, cols = max(rows, r), max(cols, c)
    area = rows * cols
    if area > budget().max_cells:
        run = current()
        raise LimitExceeded(run.source if run else "", "max_cells", area, budget().max_cells,
                            where=f"sheet {ws.title!r}, used area A1:{_letters(cols)}{rows}")
    return {"max_row": max(rows, 1), "max_col": max(cols, 1)}


def _letters(col: int) -> str:
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out or "A"
