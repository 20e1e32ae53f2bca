"""Checks of a whole file against the budget before its reader runs (see ``budgets``).

Each check is linear in the file's size and costs far less than reading it, so a file beyond
a limit is refused before a parser builds anything from it:

- every file: its size;
- text-like formats (text, HTML, CSV, JSON) are parsed whole in memory: their size and lines;
- HTML: its number of tags (each becomes a parsed element) and of table cells;
- JSON: nesting depth and number of values, counted outside strings (``json`` recurses per
  level and builds one object per value);
- DOCX, XLSX: :func:`luoshi.ingest.safezip.check_archive`;
- PDF: each stream decoded through its filter chain by bounded decoders (a content stream
  decoding to gigabytes would be decoded whole by pdfminer; :mod:`luoshi.ingest.pdfstreams`),
  and the ranges pdfminer expands from fonts and CMaps bounded (:mod:`luoshi.ingest.pdfguard`).
"""

from __future__ import annotations

import re

from luoshi.ingest import pdfguard, pdfstreams
from luoshi.ingest.budgets import budget, check
from luoshi.ingest.safezip import check_archive

TEXT_FORMATS = frozenset({"text", "html", "csv", "json"})

# A JSON string (escapes included), to blank out before counting brackets. Linear: the two
# alternatives never match the same character.
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_JSON_BRACKET = re.compile(rb"[\[\]{}]")
_HTML_CELL = re.compile(rb"<t[dh][\s>/]", re.I)


def precheck(fmt: str, data: bytes, name: str) -> None:
    """Raise LimitExceeded (an IngestError) when ``data`` read as ``fmt`` would exceed the
    budget; IngestError for an archive member that cannot be read or declares a DTD."""
    check("max_input_bytes", len(data))
    if fmt in TEXT_FORMATS:
        check("max_text_bytes", len(data))
        check("max_lines", data.count(b"\n") + 1)
    if fmt == "html":
        check("max_html_nodes", data.count(b"<"))
        # Each <td>/<th> becomes at least one grid cell: refused before parsing.
        check("max_cells", sum(1 for _ in _HTML_CELL.finditer(data)))
    elif fmt == "json":
        check_json(data)
    elif fmt in ("docx", "xlsx"):
        check_archive(data, name, fmt)
    elif fmt == "pdf":
        check_pdf_streams(data)
        pdfguard.install()


def check_json(data: bytes) -> None:
    """Nesting depth and the number of values of a JSON text, strings not looked into."""
    bare = _JSON_STRING.sub(b'""', data)
    values = bare.count(b",") + bare.count(b"[") + bare.count(b"{") + 1
    check("max_json_values", values)
    depth = deepest = 0
    limit = budget().max_json_depth
    for m in _JSON_BRACKET.finditer(bare):
        if m.group() in b"[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        else:
            depth -= 1
    check("max_json_depth", deepest)


def check_pdf_streams(data: bytes) -> None:
    """Each stream of a PDF (images aside) decodes through its filters to at most
    max_member_bytes, all of them to at most max_unzipped_bytes (see ``pdfstreams``)."""
    b = budget()
    total = 0
    for start, names, raw in pdfstreams.streams(data):
        if not names:
            continue
        size = pdfstreams.decoded_size(names, raw, b.max_member_bytes, b.max_lzw_bytes)
        check("max_member_bytes", size, where=f"PDF stream at byte {start}")
        total += size
        check("max_unzipped_bytes", total)
