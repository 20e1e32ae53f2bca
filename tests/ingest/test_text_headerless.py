"""Pipe tables without a header row (luoshi/ingest/text/headerless.py): columns inferred from
the cells' content, read like any pipe table, always with a warning."""

from __future__ import annotations

import pytest

from luoshi.ingest import IngestError, read_document

TASK1 = "招大引强行动。招引10亿元以上项目8个,亿元以上项目60个。"
TASK2 = "高校经济行动。落地高校经济项目100个,实现技术交易总额120亿元以上。"
PLAN1 = "1季度:招引项目2个; 2季度:招引项目4个; 3季度:招引项目6个。"
PLAN2 = "1季度:落地项目20个; 2季度:落地项目30个; 3季度:落地项目30个。"
DONE1 = "截至6月底,已招引10亿元以上项目5个,完成年度目标的62%。"
DONE2 = "已落地高校经济项目58个,累计实现技术交易额70亿元。"

CASES = [
    # (name, rows, roles, first task's cells)
    (
        "plan: targets, leader, space-separated units",
        f"1 | {TASK1} | {PLAN1} | 陆夏峰 | *区投促局 各镇街 |\n"
        f"2 | {TASK2} | {PLAN2} | 韩斌 | *区科技局 各平台 |\n",
        ["serial", "task", "target", "leader", "units"],
        {"units": ["区投促局", "各镇街"], "text": TASK1},
    ),
    (
        "progress report: done words make the progress column",
        f"\n7 | {TASK1} | 区投促局、区发改局 | {DONE1} |\n8 | {TASK2} | 区科技局 | {DONE2} |\n",
        ["serial", "task", "units", "done"],
        {"units": ["区投促局", "区发改局"], "text": TASK1, "done": DONE1},
    ),
    (
        "rows not closed by a last |",
        f"1 | {TASK1} | 区投促局 | {DONE1}\n2 | {TASK2} | 区科技局 | {DONE2}\n",
        ["serial", "task", "units", "done"],
        {"units": ["区投促局"], "text": TASK1, "done": DONE1},
    ),
    (
        "a last column of status phrases is a declared status, not a remark",
        f"1 | {TASK1} | 区投促局 | {DONE1} | 按时序推进 |\n2 | {TASK2} | 区科技局 | {DONE2} | 已完成 |\n",
        ["serial", "task", "units", "done", "declared_status"],
        {"units": ["区投促局"], "text": TASK1, "done": DONE1},
    ),
]


@pytest.mark.parametrize("body,roles,first", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_headerless_pipe_rows(body: str, roles: list[str], first: dict) -> None:
    doc = read_document(body.encode(), name="excerpt.txt")
    assert doc.layout == "pipe"
    assert [str(c.role) for c in doc.columns] == roles
    assert len(doc.tasks) == 2
    task = doc.tasks[0]
    assert task.text == first["text"]
    assert task.units == first["units"]
    if "done" in first:
        assert task.items[0].done == first["done"]
    assert any("no header row" in w.message for w in doc.warnings)
    assert not any("cut off" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "body",
    [
        # one row is not a table
        f"1 | {TASK1} | 区投促局 |\n",
        # serials not consecutive: two unrelated lines
        f"1 | {TASK1} | 区投促局 |\n5 | {TASK2} | 区科技局 |\n",
        # no column of longer text: no task to read
        "1 | 张三 | 区投促局 |\n2 | 李四 | 区科技局 |\n",
    ],
    ids=["one row", "not consecutive", "no task column"],
)
def test_not_a_headerless_table(body: str) -> None:
    with pytest.raises(IngestError):
        read_document(body.encode(), name="excerpt.txt")
