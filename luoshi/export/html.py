"""HTML writer: a standalone page with the title, the metadata block and the official table
(rowspans for sub-items' shared cells, the header row repeated when printed)."""

from __future__ import annotations

from html import escape

from luoshi.export.table import OfficialTable, OutCell, official_table, plain_lines
from luoshi.ingest.model import ParsedDocument

STYLE = """
body { font-family: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "SimSun", "宋体", "Noto Serif CJK SC", serif;
       margin: 2em; }
h1 { font-family: "SimSun", "宋体", "STSong", "Noto Serif CJK SC", serif; text-align: center; font-size: 1.5em; }
.meta p { margin: 0.2em 0; }
table.progress { border-collapse: collapse; width: 100%; }
table.progress th, table.progress td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; }
table.progress th { font-family: "SimHei", "黑体", sans-serif; background: #f2f2f2; white-space: nowrap; }
thead { display: table-header-group; }
@page { size: A4 landscape; margin: 15mm; }
"""


def _cell_html(cell: OutCell, tag: str = "td") -> str:
    attrs = f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
    parts = []
    if cell.heading is not None:
        parts.append(f"<strong>{escape(cell.heading)}</strong>")
    parts.extend(escape(p) for p in plain_lines(cell.body))
    return f"<{tag}{attrs}>{'<br>'.join(parts)}</{tag}>"


def _header_row(table: OfficialTable) -> str:
    return "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in table.header) + "</tr>"


def write_html(doc: ParsedDocument, *, header_every: int = 0) -> bytes:
    """The page as UTF-8 bytes. ``header_every`` > 0 repeats the header row inside the body
    before every that many tasks, the way flattened published pages show page breaks."""
    table = official_table(doc)
    out = ['<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">',
           f"<title>{escape(table.title)}</title><style>{STYLE}</style></head><body>"]
    if table.title:
        out.append(f"<h1>{escape(table.title)}</h1>")
    if table.meta_lines:
        out.append('<div class="meta">' + "".join(f"<p>{escape(x)}</p>" for x in table.meta_lines) + "</div>")
    out.append(f'<table class="progress"><thead>{_header_row(table)}</thead><tbody>')
    prev_task = -1
    for row, t_index in zip(table.rows, table.task_of_row, strict=True):
        if header_every and t_index != prev_task and t_index and t_index % header_every == 0:
            out.append(_header_row(table))
        prev_task = t_index
        out.append("<tr>" + "".join(_cell_html(c) for c in row if c is not None) + "</tr>")
    out.append("</tbody></table></body></html>\n")
    return "\n".join(out).encode("utf-8")
