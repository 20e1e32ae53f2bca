"""A published table's row groups written in Python (luoshi.web.report_rows): the same bytes as
the template loop they replace (kept here as the reference), every value from the data escaped."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from luoshi.core.models import Task
from luoshi.web.report_rows import table_body_html
from luoshi.web.tables import Cell, Column, ReportTable, Row, TaskGroup

HOSTILE = '<script>alert("x")</script>&\'\n第二行'

# The loop of web/report_table.html before it called report_rows (autoescape on, as there).
REFERENCE = Template("{% load i18n %}" + '  {% for group in table.groups %}\n  <tbody id="task-{{ group.task.pk }}">\n    {% for row in group.rows %}\n    <tr>{% for cell in row.cells %}{% if cell.role == "serial" %}<th scope="rowgroup" class="col-serial" data-label="{{ cell.header }}"{% if cell.rowspan > 1 %} rowspan="{{ cell.rowspan }}"{% endif %}>{{ cell.text }}</th>{% elif cell.role == "task" %}<td class="col-task" data-label="{{ cell.header }}"{% if cell.rowspan > 1 %} rowspan="{{ cell.rowspan }}"{% endif %}>{% if task_links is not False %}<a href="{% url \'task_detail\' group.task.pk %}">{{ cell.text|linebreaksbr }}</a>{% else %}{{ cell.text|linebreaksbr }}{% endif %}</td>{% else %}<td class="col-{{ cell.role }}" data-label="{{ cell.header }}"{% if cell.rowspan > 1 %} rowspan="{{ cell.rowspan }}"{% endif %}>{% if cell.heading %}<strong class="sub-heading">{{ cell.heading|linebreaksbr }}</strong>{% endif %}{% if cell.text %}{{ cell.text|linebreaksbr }}{% elif not cell.heading %}<span class="empty-cell">——</span>{% endif %}</td>{% endif %}{% endfor %}</tr>\n    {% endfor %}\n  </tbody>\n  {% empty %}\n  <tbody><tr><td colspan="{{ table.columns|length }}" class="empty-state">{% translate "本表没有任务。" %}</td></tr></tbody>\n  {% endfor %}')

COLUMNS = [Column("序号", "serial"), Column(HOSTILE, "task"), Column("完成情况", "done"),
           Column("存在问题", "problems"), Column("x\" onclick=\"y", 'odd"role')]


def _group(pk: int, rows: int, heading: str | None, text: str) -> TaskGroup:
    group = TaskGroup(task=Task(pk=pk))
    for i in range(rows):
        cells = []
        if i == 0:
            cells += [Cell("serial", HOSTILE, rowspan=rows, header="序号"),
                      Cell("task", HOSTILE, rowspan=rows, header=HOSTILE)]
        cells += [Cell("done", text, heading=heading if i else None, header="完成情况"),
                  Cell("problems", "", heading=None, header="存在问题"),
                  Cell('odd"role', HOSTILE, heading=heading, header='x" onclick="y')]
        group.rows.append(Row(cells))
    return group


TABLES = {
    "one task, one row": ReportTable(COLUMNS, [_group(7, 1, None, "完成")], []),
    "sub-items with headings": ReportTable(COLUMNS, [_group(8, 3, HOSTILE, HOSTILE)], []),
    "heading, no text": ReportTable(COLUMNS, [_group(9, 2, "子项一", "")], []),
    "several tasks": ReportTable(COLUMNS, [_group(1, 1, None, ""), _group(2, 2, "子", "x")], []),
    "no tasks": ReportTable(COLUMNS, [], []),
}


@pytest.mark.parametrize("name", TABLES)
@pytest.mark.parametrize("task_links", [True, False, ""])
def test_same_bytes_as_the_template_loop(name, task_links):
    table = TABLES[name]
    context = {"table": table} if task_links == "" else {"table": table, "task_links": task_links}
    expected = REFERENCE.render(Context(context))
    assert table_body_html(table, task_links) == expected.removeprefix("  ")


def test_values_escaped():
    html = table_body_html(TABLES["sub-items with headings"])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'onclick="y' not in html and 'class="col-odd&quot;role"' in html
    assert "&lt;/script&gt;&amp;&#x27;<br>第二行" in html  # escaped, then the line break marked
    assert 'href="/tasks/8/"' in html and 'rowspan="3"' in html
