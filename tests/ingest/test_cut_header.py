"""CUT HEADER (luoshi/ingest/headers.py): a header cell cut short by its column's width keeps
its beginning (主要领 for 主要领导); it names the column its completion names, is warned, and
is not joined with the next header cell. Made-up pages."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headers import cut_header_completion, header_roles
from luoshi.ingest.text.cellheader import merge_split_headers
from luoshi.vocab import ColumnRole as R


@pytest.mark.parametrize(
    ("cell", "whole"),
    [
        ("主要领", "主要领导"),
        ("牵头单", "牵头单位"),
        ("完成情", "完成情况"),
        ("项目名", "项目名称"),
        ("存在问", "存在问题"),
        ("完成时", "完成时限"),  # 时限 and 时间 both name the deadline: one role
        # not cut: a whole header, a completion naming nothing, too short to tell
        ("主要领导", None),
        ("责任", None),
        ("区政府", None),
        ("市领", None),
    ],
)
def test_cut_header_completion(cell: str, whole: str | None) -> None:
    assert cut_header_completion(cell) == whole


def test_cut_cell_takes_its_completions_role() -> None:
    roles = header_roles(["序号", "实事名称", "主要领", "承办单位", "进展情"])
    assert roles == [R.SERIAL, R.TASK, R.LEADER, R.UNITS, R.DONE]


@pytest.mark.parametrize(
    ("cells", "merged"),
    [
        # a cut cell is a column of its own, not the head of the next
        (["序号", "工作任务", "主要领", "承办单位"], ["序号", "工作任务", "主要领", "承办单位"]),
        # a cell split over two lines is still joined: the next line opens with what was lost
        (["序号", "工作任务", "主要领", "导", "承办单位"], ["序号", "工作任务", "主要领导", "承办单位"]),
    ],
)
def test_cut_cell_not_joined(cells: list[str], merged: list[str]) -> None:
    assert merge_split_headers(cells) == merged


PAGE = """某区文化局2022年民生实事进展情况

序号

实事名称

实事内容

主要领

承办单位

最新进展情况

1

建设社区书屋项目

新建社区书屋5个

王某某

区文化局

已建成社区书屋5个,全部开放。

2

开展惠民演出活动

全年演出60场

李某

区文化馆

已演出32场。
"""


def test_page_with_a_cut_header_cell() -> None:
    doc = read_document(PAGE.encode(), name="cut.txt")
    roles = [c.role for c in doc.columns]
    assert roles == [R.SERIAL, R.TASK, R.TARGET, R.LEADER, R.UNITS, R.DONE]
    first = doc.tasks[0]
    assert first.units == ["区文化局"]
    assert first.extra["主要领"] == "王某某"
    assert first.items[0].done.startswith("已建成")
    assert any("read as 主要领导, cut short" in w.message for w in doc.warnings)
