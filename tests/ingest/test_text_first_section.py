"""FIRST SECTION, CUT (luoshi/ingest/text/prose/firstsection.py): a review of work done whose
copy ends inside its first section is one task. Made-up pages."""

from __future__ import annotations

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.ingest.text.prose.firstsection import first_section_grid
from luoshi.ingest.text.rows import Para

TITLE = "二〇三二年施政报告——二〇三一年施政工作回顾与总结"
LEAD = "现在,我简要回顾特区政府2031年的施政工作。"
HEADING = "(一)稳步推进城市建设"
BODY = [
    "全年新建公共住房3000套,已全部交付使用。旧区重建项目顺利推进。",
    "推动轨道交通延伸工程。东线工程已完成主体施工,西线工程正在进行",
]


def _paras(lines: list[str]) -> list[Para]:
    return [Para(k, t) for k, t in enumerate(lines, 1)]


CASES = [
    # the page ends mid-sentence inside its first section: one task
    ([TITLE, LEAD, HEADING, *BODY], ("(一)", "稳步推进城市建设", 2)),
    # the same with 一、 headings, traditional script
    (["二〇三一年工作總結", "現將全年工作總結如下。", "一、改善民生福祉",
      "全年新增就業崗位5000個,已完成年度目標。", "新建長者服務中心兩所,正在裝修"],
     ("一", "改善民生福祉", 2)),
    # the page ends its last sentence: a whole story in one section, not read
    ([TITLE, LEAD, HEADING, BODY[0], BODY[1] + "。"], None),
    # a second heading of the style follows: the headed reader's page, not this rule's
    ([TITLE, LEAD, HEADING, *BODY[:1], "(二)改善民生", "新增就业岗位5000个,已完成目标"], None),
    # the opening names a plan
    (["二〇三二年施政工作计划", "现将全年工作安排如下。", HEADING, *BODY], None),
    # the opening names no review or report
    (["市政府召开常务会议", "会议听取了有关汇报。", HEADING, *BODY], None),
    # paragraphs of requirements, not work done
    ([TITLE, LEAD, HEADING, "要加快推进公共住房建设。", "下一步,要抓紧推动轨道交通延伸工程,确保"],
     None),
    # one paragraph only under the heading
    ([TITLE, LEAD, HEADING, BODY[1]], None),
]


@pytest.mark.parametrize(("lines", "want"), CASES)
def test_first_section_cut(lines, want):
    found = first_section_grid(_paras(lines))
    if want is None:
        assert found is None
        return
    grid, warnings = found
    serial, task, paragraphs = want
    assert grid.texts(1)[:2] == [serial, task]
    assert len(grid.texts(1)[2].split("\n")) == paragraphs
    assert "cut short" in warnings[0][1]


def test_first_section_read_end_to_end():
    doc = read_document(("\n\n".join([TITLE, LEAD, HEADING, *BODY])).encode(), name="r.txt")
    assert [(t.serial, t.text) for t in doc.tasks] == [("(一)", "稳步推进城市建设")]
    assert doc.tasks[0].items[0].done.startswith("全年新建公共住房3000套")


def test_whole_story_in_one_section_stays_refused():
    text = "\n\n".join([TITLE, LEAD, HEADING, BODY[0], BODY[1] + "。"]) + "\n"
    with pytest.raises(IngestError):
        read_document(text.encode(), name="r.txt")
