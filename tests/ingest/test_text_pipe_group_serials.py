"""One-cell-per-line pipe tables whose 序号 column numbers groups (一, 二 …) and whose projects
carry their own numbers ((一), (二) …) with numbered sub-items (GROUP SERIALS RULE,
luoshi/ingest/text/pipegroupserial.py). Made-up pages."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.text.pipegroupserial import chinese_number
from luoshi.vocab import ColumnRole as R

TITLE = "2031年安澜区民生实事项目进度表"
HEADER = ["序号 |", "牵头单位 |", "实事项目个数 |", "项目名称 |", "业主单位 |", "本月进展情况 |"]
SECOND_LEVEL = ["||", "前期手续 |", "在建形象进度 |", "||||||"]
GROUP_ONE = [
    "一 |", "区建设局 |", "民生实事项目(2个) |",
    "(一)新建道路工程 |",
    "1.东环路 |", "区城投 |", "已完工 |", "|",
    "2.西环路 |", "区交投 |", "路基完成 |", "|||||",
    "(二)老旧小区改造 |", "区建设局 |", "已完工 |", "||",
]
GROUP_TWO = [
    "二 |", "区教育局 |", "民生实事项目(1个) |",
    "(一)新建第三小学 |", "区城投公司 |", "主体封顶 |", "|||||",
]


@pytest.mark.parametrize(
    "second, bars",
    [
        pytest.param(True, True, id="two header levels, bar lines"),
        pytest.param(False, True, id="one header level, bar lines"),
        pytest.param(True, False, id="two header levels, no bar lines"),
    ],
)
def test_groups_numbered_in_the_serial_column(second, bars):
    body = [*GROUP_ONE, *GROUP_TWO]
    if not bars:
        body = [c for c in body if c.replace("|", "")]
    lines = [TITLE, *HEADER, *(SECOND_LEVEL if second else []), *body]
    doc = read_document("\n".join(lines).encode(), name="g.txt")
    assert [c.role for c in doc.columns][:4] == [R.SERIAL, R.LEAD_UNIT, R.OTHER, R.TASK]
    assert [c.role for c in doc.columns][-1] is R.DONE
    tasks = doc.tasks
    # one task per project, not per group or sub-item; serials unique: group and own number
    assert [(t.serial, t.text) for t in tasks] == [
        ("一(一)", "(一)新建道路工程"),
        ("一(二)", "(二)老旧小区改造"),
        ("二(一)", "(一)新建第三小学"),
    ]
    # the group's lead unit carried to each of its projects, lead first
    assert [t.units[0] for t in tasks] == ["区建设局", "区建设局", "区教育局"]
    assert tasks[2].units == ["区教育局", "区城投公司"]
    assert [t.extra["实事项目个数"] for t in tasks] == [
        "民生实事项目(2个)", "民生实事项目(2个)", "民生实事项目(1个)",
    ]
    # numbered sub-items: one item each, the name as the heading
    assert [(i.heading, i.done) for i in tasks[0].items] == [
        ("1.东环路", "已完工"), ("2.西环路", "路基完成"),
    ]
    assert [i.done for i in tasks[1].items] == ["已完工"]
    messages = [w.message for w in doc.warnings]
    assert any("序号 column numbers groups (一, 二)" in m for m in messages), messages
    assert any("second header level (前期手续/在建形象进度)" in m for m in messages) == second


@pytest.mark.parametrize(
    "body",
    [
        # row serials 1, 2 in the serial column: read as before, not by this rule
        ["1 |", "区建设局 |", "2个 |", "新建道路 |", "区城投 |", "已完工 |",
         "2 |", "区教育局 |", "1个 |", "新建小学 |", "区城投 |", "主体封顶 |"],
        # a group's projects not numbered (一): the rule does not hold
        ["一 |", "区建设局 |", "2个 |", "新建道路 |", "区城投 |", "已完工 |",
         "二 |", "区教育局 |", "1个 |", "新建小学 |", "区城投 |", "主体封顶 |"],
    ],
)
def test_other_shapes_are_not_read_as_group_serials(body):
    doc = read_document("\n".join([TITLE, *HEADER, *body]).encode(), name="n.txt")
    assert not any("numbers groups" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "text, value",
    [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21),
     ("", None), ("一二", None), ("十十", None), ("甲", None)],
)
def test_chinese_number(text, value):
    assert chinese_number(text) == value


@pytest.mark.parametrize(
    "header, before",
    [
        # the task column last: no column after it to hold progress; not this layout
        (["序号 |", "牵头单位 |", "责任单位 |", "项目名称 |"], []),
        # a sentence before the first group is no second header level
        (HEADER, ["以下项目均由区政府统一调度,按月报送进展情况,请各单位认真核对。 |"]),
    ],
)
def test_group_serials_need_columns_after_the_task_and_a_short_second_level(header, before):
    body = [*before, "一 |", "区建设局 |", "民生实事项目(1个) |", "(一)新建道路 |", "区城投 |",
            "二 |", "区教育局 |", "民生实事项目(1个) |", "(一)新建小学 |", "区城投 |"]
    lines = [TITLE, *header, *body]
    try:
        doc = read_document("\n".join(lines).encode(), name="s.txt")
    except Exception as error:  # a clear refusal is fine; the rule must not take the page
        assert type(error).__name__ == "IngestError", error
        return
    assert not any("numbers groups" in w.message for w in doc.warnings)
