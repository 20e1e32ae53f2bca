"""PDF reader (text layer): ruled tables found by pdfplumber, as expanded Grids.

Cell spans come from the cell rectangles: the distinct x and y edges of a table make its
column and row lines, and a rectangle covering several of them is one merged cell. Tables on
consecutive pages with the same columns are one table (the header row each page repeats is
kept as a row; the layout step skips repeated headers). Text inside a cell: lines that wrap
are joined without a break; a new paragraph starts where the gap between lines is larger than
usual or, in files without paragraph spacing, after a line that ends short of the cell's edge.
A PDF without a text layer (a scan) is an IngestError.
"""

from __future__ import annotations

import io
from bisect import bisect_left
from itertools import pairwise
from statistics import median

from luoshi.ingest.budgets import check, check_time
from luoshi.ingest.errors import IngestError
from luoshi.ingest.formats.cells import GridBuilder, clean_lines
from luoshi.ingest.formats.choose import progress_tables
from luoshi.ingest.grid import Grid

EDGE_TOLERANCE = 2.0  # points: edges closer than this are the same line of the table
PARAGRAPH_GAP = 0.5  # a gap above this share of the line height starts a paragraph


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > EDGE_TOLERANCE:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    i = bisect_left(edges, v - EDGE_TOLERANCE)
    return min(i, len(edges) - 1)


class _Line:
    __slots__ = ("bottom", "size", "text", "top", "x0", "x1")

    def __init__(self, chars: list[dict]) -> None:
        chars.sort(key=lambda ch: ch["x0"])
        self.text = "".join(ch["text"] for ch in chars)
        self.top = min(ch["top"] for ch in chars)
        self.bottom = max(ch["bottom"] for ch in chars)
        self.x0 = chars[0]["x0"]
        self.x1 = chars[-1]["x1"]
        self.size = median(ch["x1"] - ch["x0"] for ch in chars)


def _lines(chars: list[dict]) -> list[_Line]:
    chars = sorted(chars, key=lambda ch: (ch["top"], ch["x0"]))
    groups: list[list[dict]] = []
    for ch in chars:
        h = ch["bottom"] - ch["top"]
        if groups and abs(ch["top"] - groups[-1][0]["top"]) < h * 0.5:
            groups[-1].append(ch)
        else:
            groups.append([ch])
    return [_Line(g) for g in groups]


class _RawTable:
    def __init__(self, page_no: int, xs: list[float], cells: list[tuple], lines_by_cell: dict):
        self.page_no = page_no
        self.xs = xs
        self.cells = cells  # (row, col, rowspan, colspan, bbox)
        self.lines_by_cell = lines_by_cell
        self.nrows = max((r + rs for r, _, rs, _, _ in cells), default=0)
        self.ncols = len(xs) - 1


def _page_tables(page, page_no: int) -> tuple[list[_RawTable], float | None]:
    found = page.find_tables()
    if not found:
        return [], None
    chars = [ch for ch in page.chars if ch["text"].strip()]
    out = []
    for t in found:
        xs = _edges([c[0] for c in t.cells] + [c[2] for c in t.cells])
        ys = _edges([c[1] for c in t.cells] + [c[3] for c in t.cells])
        cells = []
        lines_by_cell: dict[int, list[_Line]] = {}
        for bbox in sorted(t.cells, key=lambda b: (b[1], b[0])):
            x0, top, x1, bottom = bbox
            c0, c1 = _index(xs, x0), _index(xs, x1)
            r0, r1 = _index(ys, top), _index(ys, bottom)
            inside = [
                ch
                for ch in chars
                if x0 <= (ch["x0"] + ch["x1"]) / 2 <= x1
                and top <= (ch["top"] + ch["bottom"]) / 2 <= bottom
            ]
            lines_by_cell[len(cells)] = _lines(inside)
            cells.append((r0, c0, max(1, r1 - r0), max(1, c1 - c0), bbox))
        out.append(_RawTable(page_no, xs, cells, lines_by_cell))
    return out, min(t.bbox[1] for t in found)


def _join(lines: list[_Line], bbox: tuple, gap_mode: bool) -> str:
    if not lines:
        return ""
    parts = [lines[0].text]
    for prev, line in pairwise(lines):
        height = prev.bottom - prev.top
        if gap_mode:
            new_para = line.top - prev.bottom > PARAGRAPH_GAP * height
        else:
            new_para = prev.x1 < bbox[2] - 2.5 * prev.size - 4
        parts.append("\n" if new_para else "")
        parts.append(line.text)
    return clean_lines("".join(parts).split("\n"))


def _uses_paragraph_gaps(tables: list[_RawTable]) -> bool:
    for t in tables:
        for lines in t.lines_by_cell.values():
            for prev, line in pairwise(lines):
                if line.top - prev.bottom > PARAGRAPH_GAP * (prev.bottom - prev.top):
                    return True
    return False


def _same_columns(a: _RawTable, b: _RawTable) -> bool:
    return a.ncols == b.ncols and all(
        abs(x - y) <= 3 * EDGE_TOLERANCE for x, y in zip(a.xs, b.xs, strict=True)
    )


_PDF_LIBRARIES = ("pdfminer", "pdfplumber", "pypdfium2")


def _raised_in_pdf_library(exc: BaseException) -> bool:
    """Raised inside the PDF libraries (a builtin IndexError from a two-number MediaBox …):
    they could not parse the file, which is damaged."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and str(tb.tb_frame.f_globals.get("__name__", "")).startswith(
        _PDF_LIBRARIES
    )


def read_pdf_grids(data: bytes, *, name: str = "") -> list[Grid]:
    """The ruled tables of a PDF with a text layer. Raises IngestError for a scanned PDF (no
    text), an encrypted or damaged file, or a PDF without a ruled table."""
    import pdfplumber  # deferred: heavy import
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    raw: list[_RawTable] = []
    preamble: list[str] = []
    any_text = False
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            check("max_pdf_pages", len(pdf.pages))
            for page_no, page in enumerate(pdf.pages, start=1):
                check_time(f"page {page_no}")
                if page.chars:
                    any_text = True
                tables, first_top = _page_tables(page, page_no)
                if not raw and page.chars:
                    top = first_top if first_top is not None else page.height
                    above = page.crop((0, 0, page.width, max(top, 1))).extract_text() or ""
                    preamble.extend(s for s in (x.strip() for x in above.split("\n")) if s)
                raw.extend(tables)
    except PDFPasswordIncorrect as exc:
        raise IngestError(name, "encrypted PDF: a password is needed to read it") from exc
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise IngestError(name, f"corrupt PDF: {exc or type(exc).__name__}") from exc
    except Exception as exc:  # pdfminer raises many private types for damaged files
        if type(exc).__module__.startswith(_PDF_LIBRARIES) or _raised_in_pdf_library(exc):
            raise IngestError(name, f"corrupt PDF: {exc or type(exc).__name__}") from exc
        raise
    if not any_text:
        raise IngestError(
            name,
            "no text layer: scanned PDF? luoshi reads PDFs with text; "
            "run OCR first or use the Word/Excel original",
        )
    if not raw:
        raise IngestError(name, "no ruled table found in the PDF text layer")
    gap_mode = _uses_paragraph_gaps(raw)
    # Group tables continued across pages.
    groups: list[list[_RawTable]] = []
    for t in raw:
        if groups and groups[-1][-1].page_no == t.page_no - 1 and _same_columns(groups[-1][-1], t):
            groups[-1].append(t)
        else:
            groups.append([t])
    grids = []
    for gi, group in enumerate(groups, start=1):
        b = GridBuilder()
        offset = 0
        for t in group:
            for i, (r, c, rs, cs, bbox) in enumerate(t.cells):
                text = _join(t.lines_by_cell[i], bbox, gap_mode)
                b.place(offset + r, c, text, rs, cs, line=None)
            offset += t.nrows
        pages = (
            f"pages {group[0].page_no}-{group[-1].page_no}"
            if len(group) > 1
            else f"page {group[0].page_no}"
        )
        grids.append(b.grid(where=f"table {gi} ({pages})", preamble=preamble if gi == 1 else []))
    return progress_tables(grids)
