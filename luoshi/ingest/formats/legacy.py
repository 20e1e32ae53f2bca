"""Old binary Office files (OLE2 compound documents): Excel .xls and Word .doc / WPS.

- ``.xls`` is read with xlrd (the maintained reader of the BIFF format); merged ranges become
  one GridCell, as in the .xlsx reader, and the grid goes through the same preamble and
  table choice.
- ``.doc`` and WPS files have no maintained pure-Python reader: they are converted to .docx
  by LibreOffice (``soffice --headless --convert-to docx``) when it is installed, in a
  temporary directory and within a time limit, then read as .docx. Without LibreOffice the
  error says how to convert the file.

Which one an OLE2 file is, is told by its stream names (Workbook/Book, WordDocument,
EncryptedPackage for a password-protected .docx/.xlsx).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from luoshi.ingest.errors import IngestError
from luoshi.ingest.formats.choose import progress_tables
from luoshi.ingest.formats.sniff import CFB_SIGNATURE
from luoshi.ingest.formats.xlsx import _split_preamble, merged_grid, value_text
from luoshi.ingest.grid import Grid

# Seconds LibreOffice may take to convert one file.
SOFFICE_TIMEOUT = int(os.environ.get("LUOSHI_SOFFICE_TIMEOUT", "60"))


def _stream(name: str) -> bytes:
    return name.encode("utf-16-le")


def ole2_kind(data: bytes) -> str:
    """ "xls", "doc", "encrypted" or "" for an OLE2 file, by its directory's stream names."""
    if not data.startswith(CFB_SIGNATURE):
        return ""
    if _stream("EncryptedPackage") in data:
        return "encrypted"
    if _stream("Workbook") in data or _stream("Book\x00") in data:
        return "xls"
    if _stream("WordDocument") in data:
        return "doc"
    return ""


def read_xls_grids(data: bytes, *, name: str = "") -> list[Grid]:
    """The progress tables of an old Excel .xls workbook."""
    import xlrd  # deferred: only for .xls files

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as exc:  # xlrd raises its own and struct/IndexError on damaged files
        raise IngestError(name, f"corrupt or unreadable .xls workbook: {exc}") from exc
    grids = []
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            grid = _sheet_grid(book, sheet)
            if grid is not None and grid.rows:
                grids.append(grid)
    finally:
        book.release_resources()
    if not grids:
        raise IngestError(
            name, "no table in the workbook: every sheet is empty or holds single values"
        )
    return progress_tables(grids)


def _cell_value(book, cell) -> object:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    return cell.value


def _sheet_grid(book, sheet) -> Grid | None:
    if sheet.nrows == 0:
        return None
    values = [
        [value_text(_cell_value(book, sheet.cell(r, c))) for c in range(sheet.ncols)]
        for r in range(sheet.nrows)
    ]
    width = max((c + 1 for row in values for c, v in enumerate(row) if v), default=0)
    # A merged range reaching past the last column with text is cut at it.
    merges = [
        (r0, c0, r1 - r0, min(c1, width) - c0)
        for r0, r1, c0, c1 in sheet.merged_cells
        if c0 < width
    ]
    return _split_preamble(merged_grid(values, merges, width, f"sheet {sheet.name!r}"))


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed (LUOSHI_SOFFICE overrides)."""
    configured = os.environ.get("LUOSHI_SOFFICE")
    if configured is not None:
        return configured if configured and Path(configured).exists() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def doc_to_docx(data: bytes, name: str) -> bytes:
    """An old Word .doc (or WPS) file converted to .docx by LibreOffice."""
    program = soffice()
    if program is None:
        raise IngestError(
            name,
            "an old Word .doc (or WPS) file, which luoshi reads through LibreOffice, and "
            "LibreOffice is not installed: install it (apt install libreoffice-writer) or "
            "save the file as .docx (Word/WPS: 文件 > 另存为 > .docx) and import that",
        )
    with tempfile.TemporaryDirectory(prefix="luoshi-doc-") as tmp:
        src = Path(tmp) / "input.doc"
        src.write_bytes(data)
        try:
            subprocess.run(
                [
                    program,
                    f"-env:UserInstallation=file://{tmp}/profile",
                    "--headless",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    tmp,
                    str(src),
                ],
                check=True,
                capture_output=True,
                timeout=SOFFICE_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            raise IngestError(
                name, f"LibreOffice took longer than {SOFFICE_TIMEOUT} s to convert the .doc"
            ) from None
        except (subprocess.CalledProcessError, OSError) as exc:
            raise IngestError(name, f"LibreOffice could not convert the .doc: {exc}") from exc
        out = Path(tmp) / "input.docx"
        if not out.exists():
            raise IngestError(
                name, "LibreOffice could not convert the .doc (damaged or not a Word file)"
            )
        return out.read_bytes()
