"""A published table's row groups as HTML (``<tbody>`` per task), written in one pass.

The same rule as the task list's rows (``luoshi.web.list_rows``): every value from the data
is escaped here (``conditional_escape``, or ``linebreaksbr`` with autoescape, which escapes
before it adds ``<br>``); the words around them are the page's translated labels. The markup
is byte for byte what the loop in ``web/report_table.html`` wrote before it called this
(tests/web/test_report_rows.py renders that loop beside it). It is written here because the
loop resolved a dozen variables and tags per cell: for a 500-task table about two thirds of
the cost of building the report page.
"""

from __future__ import annotations

from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from luoshi.web.list_rows import EMPTY, url_prefix
from luoshi.web.tables import Cell, ReportTable


def _lines(text: object) -> str:
    return linebreaksbr(text, autoescape=True)  # escapes, then marks line breaks


def _cell(cell: Cell, task_href: str | None) -> str:
    header = conditional_escape(cell.header)
    span = f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
    if cell.role == "serial":
        return (f'<th scope="rowgroup" class="col-serial" data-label="{header}"{span}>'
                f"{conditional_escape(cell.text)}</th>")
    if cell.role == "task":
        text = _lines(cell.text)
        inner = f'<a href="{task_href}">{text}</a>' if task_href is not None else text
        return f'<td class="col-task" data-label="{header}"{span}>{inner}</td>'
    inner = f'<strong class="sub-heading">{_lines(cell.heading)}</strong>' if cell.heading else ""
    if cell.text:
        inner += _lines(cell.text)
    elif not cell.heading:
        inner += EMPTY
    return (f'<td class="col-{conditional_escape(cell.role)}" data-label="{header}"{span}>'
            f"{inner}</td>")


def table_body_html(table: ReportTable, task_links: object = True) -> SafeString:
    """Every task's ``<tbody>`` (its rows, task-level cells spanning them), or the one empty
    row; ``task_links`` False: the task cell without a link (pages with no task pages)."""
    prefix = url_prefix("task_detail") if task_links is not False else None
    out = []
    for group in table.groups:
        href = f"{prefix}{group.task.pk}/" if prefix is not None else None
        rows = "".join("\n    <tr>" + "".join(_cell(c, href) for c in row.cells) + "</tr>\n    "
                       for row in group.rows)
        out.append(f'\n  <tbody id="task-{group.task.pk}">\n    {rows}\n  </tbody>\n  ')
    if not out:
        out.append(f'\n  <tbody><tr><td colspan="{len(table.columns)}" class="empty-state">'
                   f'{conditional_escape(gettext("本表没有任务。"))}</td></tr></tbody>\n  ')
    return mark_safe("".join(out))  # every data value above is escaped
