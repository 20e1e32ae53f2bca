"""Indicator rows (rules.INDICATOR_UNIT_MAX): a bare number under a target or achieved-figure
column is in the unit the row's name or the column's header gives in brackets. Self-written
rows."""

from __future__ import annotations

import pytest

from luoshi.extract import analyze_task
from luoshi.extract.table import indicator_unit, table_unit
from luoshi.ingest.model import Item, Task
from luoshi.vocab import Status

from .conftest import Q3


def row(text, **extra):
    return Task(serial="1", text=text, items=[Item()], extra=extra)


@pytest.mark.parametrize(
    ("header", "text", "expected"),
    [
        ("目标任务", "新增城镇就业(人)", ("人", "新增城镇就业")),
        ("目标任务", "职业技能培训（人次）", ("人次", "职业技能培训")),
        ("年度目标(万元)", "完成技改投资", ("万元", "完成技改投资")),  # the header's unit first
        ("目标任务", "登记失业率低于(%)", ("%", "登记失业率低于")),
        ("目标任务", "建设养老服务中心(含社区站点)", None),  # brackets of words: no unit
        ("目标任务", "新增城镇就业", None),
    ],
)
def test_indicator_unit(header, text, expected):
    assert indicator_unit(header, text) == expected


@pytest.mark.parametrize(
    ("text", "extra", "target", "figure", "status"),
    [
        # a running total: 2100 of 3000 at three quarters is 0.93 of the time share
        ("新增城镇就业(人)", {"目标任务": "3000", "已完成数": "2100"},
         ("=", 3000, "人", "cumulative"), (2100, 0), Status.ON_TRACK),
        # the comparator from the row's name: a cap met
        ("登记失业率控制在(%)", {"目标任务": "4.5", "进度": "4.1"},
         ("<=", 4.5, "%", "level"), (4.1, 0), Status.ON_TRACK),
        # well under the time share: red
        ("职业技能培训（人次）", {"目标任务": "8000", "已完成数": "2000"},
         ("=", 8000, "人次", "cumulative"), (2000, 0), Status.BEHIND),
        # the unit in the header
        ("完成技改投资", {"全年目标(亿元)": "20", "完成投资额(亿元)": "16"},
         ("=", 20, "亿元", "cumulative"), (16, 0), Status.ON_TRACK),
        # no unit anywhere: neither a target nor a figure is guessed
        ("新增城镇就业", {"目标任务": "3000", "已完成数": "2100"}, None, None, Status.ON_TRACK),
    ],
)
def test_bare_numbers(text, extra, target, figure, status):
    a = analyze_task(row(text, **extra), Q3, 2023)
    if target is None:
        assert a.targets == [] and a.measurements == []
    else:
        (t,) = a.targets
        assert (t.comparator, t.value, t.unit, t.kind) == target
        assert t.span.field == "target_column" and t.span.text == str(target[1])
        (m,) = a.measurements
        assert (m.value, m.target) == figure
        assert m.span.field == "actual"
    assert a.status.value is status


@pytest.mark.parametrize(
    ("line", "header", "expected"),
    [
        ("金额单位:万元", "年度计划投资", "万元"),
        ("金额单位:万元", "完成投(籌)資", "万元"),  # traditional forms of the header
        ("金额单位:万元", "新增就业人数", ""),  # a money line says nothing of a count
        ("单位:亿元", "全年目标", "亿元"),  # a plain line: every column
        ("单位:个", "已完成数", "个"),
        ("", "年度计划投资", ""),
        ("单位:市发改委", "全年目标", ""),  # not a unit of measure
    ],
)
def test_table_unit(line, header, expected):
    assert table_unit(header, line) == expected


def test_unit_line_gives_bare_amounts_their_unit():
    """金额单位:万元 over a table: the planned and completed investment are 万元; the row's
    own per-cent cell keeps its %, and a header's own unit wins over the line."""
    task = row("实施城乡居民养老保险工程", 年度计划投资="40000", 完成投资="30000", 投资完成率="75%")
    task.unit_line = "金额单位:万元"
    a = analyze_task(task, Q3, 2023)
    (t,) = a.targets
    assert (t.value, t.unit, t.kind) == (40000, "万元", "cumulative")
    (m,) = a.measurements
    assert (m.value, m.unit, m.target, m.ratio) == (30000, "万元", 0, 0.75)
    assert a.status.value is Status.ON_TRACK  # 75% at three quarters
    own = row("某工程", **{"年度计划投资(亿元)": "4", "完成投资(亿元)": "3"})
    own.unit_line = "金额单位:万元"
    assert analyze_task(own, Q3, 2023).targets[0].unit == "亿元"
    bare = row("实施城乡居民养老保险工程", 年度计划投资="40000", 完成投资="30000")
    assert analyze_task(bare, Q3, 2023).targets == []  # no line, no unit: nothing guessed


def test_completion_rate_column_is_the_figures_stated_ratio():
    a = analyze_task(row("新增城镇就业(人)", 目标任务="3000", 已完成数="2100", **{"完成目标(%)": "70"}), Q3, 2023)
    (m,) = a.measurements
    assert m.ratio_stated == 70 and a.figures == []  # the rate is no second figure


def test_words_under_an_achieved_figure_column_are_read_as_progress():
    a = analyze_task(row("落实创业补贴政策", 进度="发放创业补贴120万元,贴息贷款300万元。"), Q3, 2023)
    assert [(f.value, f.unit, f.span.field) for f in a.figures] == [(120, "万元", "actual"), (300, "万元", "actual")]
    assert a.status.value is Status.ON_TRACK  # not no_data: the row reports progress


def test_a_figure_the_progress_text_gives_is_not_read_twice():
    t = Task(serial="1", text="新增城镇就业(人)", items=[Item(done="已新增就业2100人。")],
             extra={"目标任务": "3000", "已完成数": "2100"})
    a = analyze_task(t, Q3, 2023)
    assert [(m.value, m.span.field) for m in a.measurements] == [(2100, "done")]


def test_an_earlier_period_column_is_not_this_entrys_progress():
    # 一季度完成情况 kept beside the latest column is the first quarter's entry (its own report)
    t = Task(serial="1", text="新建充电桩800个", items=[Item(done="累计新建充电桩610个。")],
             extra={"一季度完成情况": "新建充电桩150个。"})
    a = analyze_task(t, Q3, 2023)
    assert [m.value for m in a.measurements + a.figures] == [610]


def test_a_real_tables_unit_line_reaches_its_amounts():
    """A published investment table whose amounts are given once, in a unit line above it
    (corpus 145): the reader keeps the line and the analysis reads the planned and completed
    investment in it, with the row's completion rate as the stated ratio."""
    from shared_docs import shared_path

    from luoshi.ingest import read_document

    doc = read_document(shared_path("corpus", "145.txt"))
    assert doc.meta.unit_line == "金额单位:万元"
    task = doc.tasks[0]
    assert task.unit_line == doc.meta.unit_line
    a = analyze_task(task, doc.meta.period, doc.meta.year)
    assert [(t.value, t.unit) for t in a.targets] == [(40000, "万元")]
    (m,) = [m for m in a.measurements if m.span.field == "actual"]
    assert (m.value, m.unit, m.ratio_stated) == (56280, "万元", 140.7)


def test_the_unit_line_reaches_the_analysis_from_another_format():
    """The same mechanism for an HTML page: the line above the table is the document's, and
    each task of the table carries it."""
    from luoshi.extract import analyze_document
    from luoshi.ingest import read_document

    html = ("<html><body><h1>某市2023年民生实事项目进展情况(三季度)</h1><p>金额单位:万元</p><table>"
            "<tr><th>序号</th><th>项目名称</th><th>年度计划投资</th><th>完成投资</th><th>进展情况</th>"
            "<th>责任单位</th></tr><tr><td>1</td><td>实施城乡居民养老保险工程</td><td>40000</td>"
            "<td>30000</td><td>已发放养老金。</td><td>市人社局</td></tr></table></body></html>")
    doc = read_document(html.encode("utf-8"), name="a.html")
    assert doc.meta.unit_line == "金额单位:万元"
    (a,) = analyze_document(doc)
    assert [(t.value, t.unit) for t in a.targets] == [(40000, "万元")]
    assert [(m.value, m.unit) for m in a.measurements] == [(30000, "万元")]
