"""A merged progress column (进展情况、存在问题及下一步打算) split by its cells' own labels."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.layout import split_labelled_progress

SPLIT_CASES = [
    (
        "进展情况:已开工。\n存在问题:资金不足。\n下步打算:加快推进。",
        {"done": "已开工。", "problems": "资金不足。", "next_steps": "加快推进。"},
    ),
    # text before the first label is progress; labels after a full stop
    (
        "完成投资5亿元。存在问题:用地紧张。下一步:争取指标。",
        {"done": "完成投资5亿元。", "problems": "用地紧张。", "next_steps": "争取指标。"},
    ),
    # numbered labels and their variants
    (
        "一、工作进展:完成80%。二、存在的问题及困难:审批慢。三、下步工作打算:验收。",
        {"done": "完成80%。", "problems": "审批慢。", "next_steps": "验收。"},
    ),
    # no problems / next-steps label: nothing to split by
    ("进展情况:已完成。", None),
    # a label word inside a sentence is not a label
    ("已解决前期存在问题:用地。下一步继续。", None),
]


@pytest.mark.parametrize(("text", "parts"), SPLIT_CASES)
def test_split_labelled_progress(text, parts):
    assert split_labelled_progress(text) == parts


def page(*cells: str) -> bytes:
    head = [
        "2030年安澜市重点工作三季度进展情况",
        "序号",
        "工作任务",
        "责任单位",
        "进展情况、存在问题及下一步打算",
    ]
    return "\n\n".join([*head, *cells]).encode() + b"\n"


def test_merged_column_split_in_a_table():
    doc = read_document(
        page(
            "1",
            "新建公园。",
            "市建设局",
            "进展情况:已建成。存在问题:无。下步打算:验收。",
            "2",
            "新增就业。",
            "市人社局",
            "新增1万人。",
        ),
        name="merged.txt",
    )
    assert [str(c.role) for c in doc.columns] == ["serial", "task", "units", "done"]
    first, second = doc.tasks[0].items[0], doc.tasks[1].items[0]
    assert (first.done, first.problems, first.next_steps) == ("已建成。", "无。", "验收。")
    assert second.done == "新增1万人。" and second.problems == ""
    # the one cell without labels is named, once, with the cause
    messages = [w.message for w in doc.warnings if "labels" in w.message]
    assert len(messages) == 1 and "rows 2" in messages[0]
