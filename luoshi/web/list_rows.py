"""The task list's table rows as HTML, written in one pass over plain values.

The rule: every value that comes from the data is escaped here (``escape_text``) unless it is
already safe markup built by an escaping function (search highlights and snippets,
``luoshi.search.highlight``); the words around them are the translated labels of the page.
The markup is the same as a template loop would write; it is written here because a template
loop resolves a dozen variables and tags per row, which was most of the cost of building a
list page (50 rows: about 3 ms of a 20 ms page; here about 0.3 ms). Links are a prefix plus
an id (no ``reverse()`` per row).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape as html_escape

from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from luoshi.web.listing import Row, RowUnit
from luoshi.web.statuses import shown_status

EMPTY = '<span class="empty-cell">——</span>'


def escape_text(value) -> str:
    """What Django's ``escape`` writes for a text or a number (``html.escape`` of
    ``str(value)``), without the wrapper Django puts around it to look for lazy arguments at
    every call (most of its cost; a list page escapes about a thousand values). A lazy text
    is made a str first, in the language of the page being written, as the wrapper would."""
    return html_escape(str(value))


def url_prefix(name: str) -> str:
    """The address of object ``name`` without its id: reverse(name, [pk]) is prefix + pk + /."""
    url = reverse(name, args=[0])
    assert url.endswith("/0/"), url
    return url[:-2]


def units_html(units: Iterable[RowUnit], unit_url: str, lead: str) -> SafeString:
    """A row's units as links, the lead one marked."""
    marked = ' class="lead"'
    hidden = f'<span class="visually-hidden">({escape_text(lead)})</span>'
    return mark_safe("、".join(  # names escaped; ids are integers
        f'<a href="{unit_url}{u.id}/"{marked if u.lead else ""}>{escape_text(u.name)}</a>'
        + (hidden if u.lead else "") for u in units))


def rows_html(rows: Iterable[Row], *, with_period: bool, with_status: bool) -> SafeString:
    """The ``<tr>`` of every row: plan and year, serial, task (with sub-items and where a
    search matched), units, and — with a period chosen — 完成情况, and the status column
    when statuses exist."""
    task_url, unit_url = url_prefix("task_detail"), url_prefix("unit_detail")
    lead = gettext("牵头")
    # data-label: the column's name, shown before each cell on a narrow screen.
    plan_l, serial_l, task_l, units_l, done_l, status_l = (escape_text(gettext(s)) for s in (
        "地区·年度", "序号", "任务内容", "责任单位", "完成情况", "状态"))
    vague = f' <span class="badge badge--vague">{escape_text(gettext("笼统"))}</span>'
    out = []
    for row in rows:
        e = row.entry
        subs = "".join(f"<li>{conditional_escape(s)}</li>" for s in row.sub_items)
        cells = [
            f'\n    <tr>\n      <td class="col-plan card-meta" data-label="{plan_l}">'
            f'{escape_text(row.government)} {escape_text(e["year"])}</td>\n'
            f'      <td class="col-serial card-meta" data-label="{serial_l}">'
            f'{escape_text(row.serial)}</td>\n'
            f'      <td class="col-task card-title" data-label="{task_l}">\n'
            f'        <a href="{task_url}{int(row.task_id)}/">{conditional_escape(row.text)}</a>\n'
            f'        {f"""<ul class="sub-list">{subs}</ul>""" if subs else ""}\n'
            f'        {_match(row)}\n'
            f'      </td>\n'
            f'      <td class="col-units" data-label="{units_l}">'
            f'{units_html(row.units, unit_url, lead)}</td>\n      ',
        ]
        if with_period:
            done = linebreaksbr(row.done, autoescape=True) if row.done else EMPTY
            cells.append(f'<td class="col-done" data-label="{done_l}">{done}'
                         f'{vague if e["vague"] else ""}</td>')
        cells.append("\n      ")
        if with_status:
            cells.append(f'<td class="col-status" data-label="{status_l}">{_status(row)}</td>')
        cells.append("\n    </tr>\n  ")
        out.append("".join(cells))
    return mark_safe("".join(out))  # every value escaped above


def _match(row: Row) -> str:
    if not row.match:
        return ""
    return (f'<p class="match"><span class="match__where">{escape_text(row.match_where)}:</span>'
            f"{conditional_escape(row.match)}</p>")


def _status(row: Row) -> str:
    if not row.status:
        return EMPTY
    reason = f'<p class="status-reason">{escape_text(row.reason)}</p>' if row.reason else ""
    return (f'<span class="status status--{escape_text(row.status)}">'
            f"{escape_text(shown_status(row.status))}</span>{reason}")
