"""INDICATOR WITH RESULT and ONE ROW (issue 9, fresh6 cause 4), on a made-up notice: an
indicator column given a target and a result is the task column, and a single row followed by
the page's signature is a table of one row; a matrix by place stays no task list."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headers import header_roles, indicator_results
from luoshi.vocab import ColumnRole as R

PAGE = [
    "安澜区2031年重点民生实事老旧小区改造完成情况公示",
    "一、安澜区2031年老旧小区改造项目共12个,现已全部开工。",
    "附:2031年安澜区老旧小区改造项目情况",
    "指标名称",
    "全年任务目标(个)",
    "实际完成(个)",
    "完成进度",
    "开工改造老旧小区",
    "12",
    "12",
    "100%",
    "安澜区住房和城乡建设局",
    "2031年12月10日",
]


def test_a_one_row_indicator_table_is_read() -> None:
    doc = read_document("\n\n".join(PAGE).encode(), name="one.txt")
    assert [c.role for c in doc.columns][:3] == [R.TASK, R.TARGET, R.ACTUAL]
    assert [t.text for t in doc.tasks] == ["开工改造老旧小区"]
    extra = dict(doc.tasks[0].extra)
    assert extra["全年任务目标(个)"] == "12" and extra["实际完成(个)"] == "12"
    # the signature is no row, and is said to be left out
    assert any("signature (安澜区住房和城乡建设局" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("headers", "results"),
    [
        (["指标名称", "全年任务目标(个)", "实际完成(个)"], True),
        (["指标名称", "年度目标", "完成率"], True),
        # a matrix: places or years, no result column
        (["指标名称", "全省", "东城", "西城"], False),
        (["指标名称", "2030年", "2031年目标"], False),
    ],
)
def test_indicator_results(headers: list[str], results: bool) -> None:
    assert indicator_results(headers) is results
    assert (header_roles(headers)[0] is R.TASK) is results
