"""HTML reader: a saved government page or a bare table fragment -> expanded Grids.

rowspan/colspan are expanded (see ``GridBuilder.add_html_row``); page chrome (scripts, styles,
nav, header, footer, forms) is ignored; of several tables the progress tables are kept (see
``choose``); the text before a table is its preamble (title and metadata block). Cell text:
<br>, <p>, <div>, <li> break lines; lines stripped, blanks dropped, joined with "\\n".
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from luoshi.ingest.errors import IngestError
from luoshi.ingest.formats.cells import GridBuilder, clean_lines
from luoshi.ingest.formats.choose import progress_tables
from luoshi.ingest.grid import Grid

CHROME = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "iframe",
    "form",
    "select",
    "button",
    "textarea",
    "template",
    "svg",
    "object",
    "embed",
}
BLOCK = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "center",
    "hr",
    "address",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
PREAMBLE_MAX_LINES = 200


def decode_html(data: bytes, name: str = "") -> str:
    """The page's text: charset from <meta> (GB2312/GBK read as GB18030), else UTF-8, else
    detected. Undecodable bytes are an IngestError."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    m = _META_CHARSET.search(data[:8192])
    candidates = []
    if m:
        declared = m.group(1).decode("ascii", "ignore").lower()
        if declared in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "euc-cn"):
            declared = "gb18030"
        candidates.append(declared)
    candidates += ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(
            name, "cannot decode the HTML page: not UTF-8, GB18030 or a detectable charset"
        )
    return str(best)


def _cell_lines(el: lxml.html.HtmlElement) -> list[str]:
    """The lines of an element's text, breaking at <br> and block elements."""
    parts: list[str] = []
    _collect(el, parts, cell_sep="\n")
    return "".join(parts).split("\n")


def _collect(el, parts: list[str], cell_sep: str) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in CHROME or not tag:
        if tag == "" and el.tail:  # comments and processing instructions keep their tail
            parts.append(el.tail)
        return
    if tag == "br":
        parts.append("\n")
    elif tag in BLOCK:
        parts.append("\n")
    elif tag in ("td", "th"):
        parts.append(cell_sep)
    if el.text:
        parts.append(el.text)
    for child in el:
        _collect(child, parts, cell_sep)
        if isinstance(child.tag, str) and child.tag not in CHROME and child.tail:
            parts.append(child.tail)
    if tag in BLOCK:
        parts.append("\n")


def _span(el, attr: str) -> int:
    try:
        return max(1, min(int(str(el.get(attr, "1")).strip() or 1), 1000))
    except ValueError:
        return 1


def _own_rows(table) -> list:
    """The <tr>s of this table, not of tables nested in its cells."""
    return [tr for tr in table.iter("tr") if _nearest_table(tr) is table]


def _nearest_table(el):
    p = el.getparent()
    while p is not None and p.tag != "table":
        p = p.getparent()
    return p


def _table_grid(table, index: int) -> Grid:
    b = GridBuilder()
    for tr in _own_rows(table):
        cells = []
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            text = clean_lines(_cell_lines(td))
            cells.append((text, _span(td, "rowspan"), _span(td, "colspan"), td.sourceline))
        b.add_html_row(cells)
    return b.grid(where=f"table {index}")


def _text_before(root, stop_at: set, start_after=None) -> dict:
    """Lines of page text between tables: {table element: lines before it}."""
    result: dict = {}
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if el in stop_at:
            result[el] = "".join(parts).split("\n")
            parts.clear()
            return
        if tag in CHROME or tag in ("head", "title") or not tag:
            return
        if tag == "br" or tag in BLOCK:
            parts.append("\n")
        elif tag in ("td", "th"):
            parts.append(" ")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if isinstance(child.tag, str) and child.tag not in CHROME and child.tail:
                parts.append(child.tail)
        if tag in BLOCK:
            parts.append("\n")

    walk(root)
    return result


def read_html_grids(data: bytes | str, *, name: str = "") -> list[Grid]:
    """The progress tables of an HTML page or fragment, as expanded Grids with their preamble.

    Raises IngestError when the page has no table."""
    text = data if isinstance(data, str) else decode_html(data, name)
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        raise IngestError(name, "empty HTML page")
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise IngestError(name, f"cannot parse the HTML page: {exc}") from exc
    tables = [t for t in root.iter("table") if not any(a.tag in CHROME for a in t.iterancestors())]
    if not tables:
        raise IngestError(
            name, "no table found in the HTML page (is it the page with the progress table?)"
        )
    grids = {id(t): _table_grid(t, i + 1) for i, t in enumerate(tables)}
    by_id = {id(t): t for t in tables}
    chosen = progress_tables([grids[id(t)] for t in tables if grids[id(t)].rows])
    if not chosen:
        raise IngestError(name, "no table with rows found in the HTML page")
    chosen_ids = {id(g) for g in chosen}
    chosen_tables = [by_id[tid] for tid, g in grids.items() if id(g) in chosen_ids]
    # A chosen table nested inside another chosen one: keep the inner (layout tables wrap content).
    chosen_set = set(chosen_tables)  # linear, not pairwise: a page may hold 10,000 tables
    outer = {a for t in chosen_tables for a in t.iterancestors("table") if a in chosen_set}
    inner = [t for t in chosen_tables if t not in outer]
    before = _text_before(root, set(inner))
    out = []
    for t in inner:
        g = grids[id(t)]
        lines = [s for s in (x.strip() for x in before.get(t, [])) if s]
        g.preamble = lines[-PREAMBLE_MAX_LINES:]
        out.append(g)
    return out
