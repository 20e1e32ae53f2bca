"""Pipe sub-rows joined to the task above keep each target beside its own progress
(SUB-ROW ITEMS RULE, luoshi/ingest/text/pipesubrows.py). Made-up pages."""

from luoshi.extract import analyze_task
from luoshi.ingest import read_document

HEAD = "2031年安澜区民生实事进展情况表(截至9月底)\n"


def test_each_target_is_an_item_with_its_progress_and_the_unit_is_shared():
    page = HEAD + (
        "序号 | 项目内容 | 进展情况 | 责任单位 |\n"
        "1 | 大中修农村公路100公里。 | 完成50公里。 | 交通局 |\n"
        "新增公交线路3条。 | 新增公交线路4条。 | ||\n"
        "优化公交线路20条。 | 优化25条, |||\n"
        "其中城区12条。 | |||\n"  # a wrapped line of the sub-row's progress
        "2 | 新建学校2所。 | 已开工。 | 教育局 |\n"
    )
    doc = read_document(page.encode(), name="s.txt")
    first, second = doc.tasks
    assert first.units == ["交通局"] and second.units == ["教育局"]
    assert first.text.split("\n") == ["大中修农村公路100公里。", "新增公交线路3条。", "优化公交线路20条。"]
    assert [(i.heading, i.done) for i in first.items] == [
        ("大中修农村公路100公里。", "完成50公里。"),
        ("新增公交线路3条。", "新增公交线路4条。"),
        ("优化公交线路20条。", "优化25条,\n其中城区12条。"),
    ]
    # every target is still read from the task, and its figure from its own item
    analysis = analyze_task(first, doc.meta.period, doc.meta.year)
    assert len(analysis.targets) == 3
    assert {(m.target, m.span.item) for m in analysis.measurements} == {(0, 0), (1, 1), (2, 2)}


def test_without_a_progress_column_the_targets_join_the_cells():
    page = HEAD + (
        "序号 | 项目内容 | 年度目标 | 责任单位 |\n"
        "1 | 农村公路 | 大中修100公里。 | 交通局 |\n"
        "公交线路 | 新增3条。 | ||\n"
        "2 | 学校 | 新建2所。 | 教育局 |\n"
    )
    doc = read_document(page.encode(), name="p.txt")
    assert doc.tasks[0].text == "农村公路\n公交线路"
    assert doc.tasks[0].extra["年度目标"] == "大中修100公里。\n新增3条。"
