"""A page's footer (PAGE FOOTER RULE, luoshi/ingest/text/shapes.py): the site's controls and
notices, or the title repeated, at the page's end are no task's text. Made-up pages."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.text.shapes import footer_start, is_page_chrome

TITLE = "安澜县2031年重点工作任务分解"
LIST = [
    TITLE,
    "1.新建城市公园3个。",
    "责任单位:县建设局",
    "2.改造老旧小区20个。",
    "责任单位:县住建局",
    "3.新增城镇就业5000人。",
]


@pytest.mark.parametrize(
    "footer",
    [
        ["打印本页 关闭窗口"],
        ["【字体:大 中 小】", "【打印】【关闭】", "扫一扫在手机打开当前页"],
        ["政府信息公开", TITLE, "主办单位:安澜县人民政府办公室", "浙ICP备12345678号"],
        ["关闭窗口", "网站地图 | 联系我们"],
        ["责任编辑:王某某"],
        ["审核:李某 校对:张某", "联系电话:0571-1234567"],
    ],
)
def test_the_last_task_does_not_take_the_footer(footer):
    doc = read_document("\n".join([*LIST, *footer]).encode(), name="f.txt")
    assert [t.text for t in doc.tasks][-1] == "新增城镇就业5000人。"
    assert any("site's footer" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("打印本页 关闭窗口", True),
        ("上一篇:关于印发通知的说明", True),
        ("推进政府信息公开标准化建设。", False),  # a sentence naming it is content
        ("县政府办公室", False),
        ("中", False),  # alone, maybe a cell
        ("【字体:大 中 小】", True),
        ("责任编辑:王某某", True),
        ("联系人:张某,联系电话:0571-1234567", True),
        ("浏览次数: 120", True),
        ("编辑部门负责整理台账。", False),  # no label: a sentence
        ("发布时间:2031-05-06", False),  # may be the page's only date
    ],
)
def test_chrome_lines(text, chrome):
    assert is_page_chrome(text) is chrome


def test_only_the_run_at_the_end_is_cut():
    texts = ["政府信息公开", TITLE, "1.新建公园。", "打印", "2.修路。"]
    assert footer_start(texts) == len(texts)  # the last line is content: nothing is cut
    assert footer_start([*texts, "打印 关闭", "网站地图"]) == len(texts)


def test_a_form_page_footer_is_no_field_value():
    # forms read the page's text, not its paragraphs: the footer is cut from both
    page = "\n".join([
        "安澜县2031年民生实事进展情况如下:",
        "1.新建城市公园3个。", "当前进展:已完成2个。",
        "2.改造老旧小区20个。", "当前进展:已开工18个。",
        "3.新增城镇就业5000人。", "当前进展:完成全年任务的80%。",
        "责任编辑:王某某",
    ])
    doc = read_document(page.encode(), name="f.txt")
    assert [i.done for i in doc.tasks[-1].items] == ["完成全年任务的80%。"]
    assert not any("mid-sentence" in w.message for w in doc.warnings)
