"""Issue 9: a table without a 序号 column whose task cells open with their number (14.改扩建…)
takes that number as the row's serial, the task text without it, when the numbers rise from
row to row (gridlayout._serials_in_task_cells); a 事项名称 of any kind (民生事项名称) heads the
task column; of two progress columns of one period the one saying how the work stands
(完成情况) is the progress, not the one giving its results (取得成效). Made-up tables."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headers import columns_from_headers, header_role, main_done_column
from luoshi.vocab import ColumnRole as R


@pytest.mark.parametrize(
    ("header", "have_task", "role"),
    [
        ("民生事项名称", False, R.TASK),
        ("事项名称", False, R.TASK),
        ("2030年度任务目标", True, R.TARGET),
    ],
)
def test_header_role(header: str, have_task: bool, role: R) -> None:
    assert header_role(header, have_task) is role


@pytest.mark.parametrize(
    ("headers", "progress"),
    [
        (["事项", "1-9月份工作完成情况", "1-9月份工作取得成效"], "1-9月份工作完成情况"),
        (["事项", "1-9月份工作取得成效", "1-9月份工作完成情况"], "1-9月份工作完成情况"),
        # a later period still wins
        (["事项", "上半年完成情况", "1-9月份工作成效"], "1-9月份工作成效"),
        # headers that do not tell: the last
        (["事项", "完成情况", "进展情况"], "进展情况"),
    ],
)
def test_the_progress_column(headers: list[str], progress: str) -> None:
    columns, _ = columns_from_headers(headers)
    assert columns[main_done_column(columns)].header == progress


_HEADER = "类别 | 民生事项名称 | 责任单位 | 完成情况 |"


def _page(rows: list[str]) -> bytes:
    return ("2030年民生事项1-9月份完成情况\n" + "\n".join([_HEADER, *rows]) + "\n").encode()


def test_numbers_opening_the_task_cells_are_the_serials() -> None:
    doc = read_document(
        _page(
            [
                "教育 | 7.新建城东小学 | 市教育局 | 主体完工。 |",
                "教育 | 8.改造校园操场 | 市教育局 | 已完成。 |",
                "交通 | 9.新开公交线路3条 | 市交通局 | 已开通2条。 |",
            ]
        ),
        name="page.txt",
    )
    assert [(t.serial, t.text) for t in doc.tasks] == [
        ("7", "新建城东小学"),
        ("8", "改造校园操场"),
        ("9", "新开公交线路3条"),
    ]


def test_numbers_that_do_not_rise_are_the_cells_own() -> None:
    # every cell lists its own points from 1: no serials, the text kept whole
    doc = read_document(
        _page(
            [
                "教育 | 1.新建城东小学;2.新建城西小学 | 市教育局 | 主体完工。 |",
                "交通 | 1.新开公交线路;2.新建站台 | 市交通局 | 已开通。 |",
            ]
        ),
        name="page.txt",
    )
    assert [t.serial for t in doc.tasks] == ["1", "2"]
    assert doc.tasks[0].text.startswith("1.新建城东小学")


_WIDE = "类别 | 民生事项名称 | 年度任务目标 | 责任单位 | 分管领导 | 完成情况 |"


def test_rows_without_their_spanned_category_align_by_content() -> None:
    # rows 8 and 9 lack the category cell given on row 7 only; row 8 ends with a doubled
    # border (| |), an empty end cell that does not make it a full row (text/pipe.py)
    page = "\n".join(
        [
            "2030年民生事项1-9月份完成情况",
            _WIDE,
            "一、教育 | 7.新建城东小学 | 年内主体完工 | 市教育局 | 王明 | 主体已完工。 |",
            "8.改造校园操场 | 完成操场改造5处 | 市教育局 | 王明 | 已完成3处。 | |",
            "9.新增托育机构 | 新增托位300个 | 市卫健局 | 李华 | 已新增托位210个。 |",
            "10.新建口袋公园 | 新建公园3个 | 市城管局 | 赵军 | 已建成2个。 |",
        ]
    )
    doc = read_document(page.encode(), name="page.txt")
    got = [(t.serial, t.text, t.units, t.extra.get("分管领导")) for t in doc.tasks]
    assert got[:3] == [
        ("7", "新建城东小学", ["市教育局"], "王明"),
        ("8", "改造校园操场", ["市教育局"], "王明"),
        ("9", "新增托育机构", ["市卫健局"], "李华"),
    ]
    # row 8's trailing empty cell is dropped and the row aligned by content, with a warning
    assert any(
        w.message.startswith("row 8.改造校园操场") and "aligned by content" in w.message
        for w in doc.warnings
    )


def test_a_row_with_an_empty_last_cell_that_fits_stays_by_position() -> None:
    page = "\n".join(
        [
            "2030年重点工作完成情况",
            "序号 | 任务内容 | 责任单位 | 完成情况 | 备注 |",
            "1 | 新建学校3所 | 市教育局 | 已完工2所。 | |",
            "2 | 新建道路5公里 | 市交通局 | 已完工3公里。 | 跨年度 |",
            "3 | 改造小区10个 | 市住建局 | 已改造6个。 | |",
        ]
    )
    doc = read_document(page.encode(), name="page.txt")
    assert [(t.text, t.units) for t in doc.tasks] == [
        ("新建学校3所", ["市教育局"]),
        ("新建道路5公里", ["市交通局"]),
        ("改造小区10个", ["市住建局"]),
    ]
    assert not any("doubled border" in w.message for w in doc.warnings)
