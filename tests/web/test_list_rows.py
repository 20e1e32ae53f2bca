"""The task list's rows written in Python (luoshi.web.list_rows): every value from the data
escaped, safe highlights kept as built, columns as asked."""

from __future__ import annotations

import pytest
from django.utils.safestring import mark_safe

from luoshi.web.list_rows import rows_html
from luoshi.web.listing import Row, RowUnit

HOSTILE = '<script>alert("x")</script>&'


def _row(**changes) -> Row:
    values = dict(entry={"year": 2021, "vague": 1}, task_id=7, serial=HOSTILE,
                  text=mark_safe('<mark class="hit">污水</mark>处理'), task_text="污水处理",
                  units=[RowUnit(3, HOSTILE, True), RowUnit(4, "市水务局", False)],
                  government=HOSTILE, sub_items=[mark_safe("<mark>子项</mark>")],
                  done=f"第一行\n{HOSTILE}", match=mark_safe("<mark>词</mark>"),
                  match_where=HOSTILE, status=HOSTILE, reason=HOSTILE)
    values.update(changes)
    return Row(**values)


@pytest.mark.parametrize("with_period,with_status", [(True, True), (False, False),
                                                      (True, False), (False, True)])
def test_values_escaped_highlights_kept_columns_as_asked(with_period, with_status):
    html = rows_html([_row()], with_period=with_period, with_status=with_status)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<mark class="hit">污水</mark>处理' in html and "<li><mark>子项</mark></li>" in html
    assert '<a href="/tasks/7/">' in html and '<a href="/units/3/" class="lead">' in html
    assert ('class="col-done"' in html) == with_period
    assert ("第一行<br>" in html) == with_period  # line breaks kept, text escaped
    assert ('class="col-status"' in html) == with_status


def test_empty_cells_and_no_status_label_for_an_unknown_status():
    html = rows_html([_row(done="", status="", sub_items=[], match="")],
                     with_period=True, with_status=True)
    assert html.count('<span class="empty-cell">——</span>') == 2
    assert "sub-list" not in html and 'class="match"' not in html
    odd = rows_html([_row(status="nonsense")], with_period=False, with_status=True)
    assert 'status--nonsense"></span>' in odd
