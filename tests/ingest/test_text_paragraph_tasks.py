"""Paragraph-per-task reports (luoshi/ingest/text/prose/paragraphs.py): the report's title
under a site's lines, tasks dated by their plan years without a report title, and news of
the same paragraph shape still refused. Made-up pages."""

import pytest

from luoshi.ingest import IngestError, read_document

TASKS = [
    "实施城市更新行动(2029—2033年)。上半年,完成老旧小区改造32个,惠及居民1.2万户。",
    "建设轨道交通三号线(2030—2032年)。上半年,完成投资18亿元,占年度计划的52%。",
    "新建公办幼儿园10所(2031年)。上半年,已开工8所,其中2所主体完工。",
    "推进污水处理厂提标改造(2031年)。截至6月底,4座污水厂已完成改造3座。",
]
SITE = ["首页 > 政务公开 > 重点工作", "字号:大 中 小", "打印本页", "发布时间:2031-07-20"]


@pytest.mark.parametrize(
    ("opening", "tasks", "unsure"),
    [
        # the report's title under four site lines
        ([*SITE, "安澜市2031年重点工作上半年进展情况"], [t.replace("(2031年)", "") for t in TASKS], False),
        # no report named: the plan years in brackets say these are tasks
        (["安澜市重点民生实事"], TASKS, True),
        # the period qualified by its year: 2031年上半年, 今年上半年
        (
            ["安澜市2031年重点工作上半年进展情况"],
            [
                t.replace("。上半年,完成老旧", "。2031年上半年,完成老旧")
                .replace("。上半年,完成投资", "。1～6月,完成投资")  # a full-width tilde
                .replace("。截至", "。今年截至")
                for t in TASKS
            ],
            False,
        ),
    ],
    ids=["title under site lines", "plan years, no report title", "year-qualified period"],
)
def test_one_task_per_paragraph(opening, tasks, unsure):
    doc = read_document("\n".join([*opening, *tasks]).encode(), name="p.txt")
    assert doc.layout == "paragraph-tasks"
    assert [t.text[:8] for t in doc.tasks] == [t[:8] for t in tasks]
    assert "完成投资18亿元" in doc.tasks[1].items[0].done
    assert doc.tasks[1].text.endswith("(2030—2032年)。")
    messages = [w.message for w in doc.warnings]
    assert any("names no progress report" in m for m in messages) is unsure


NEWS = [
    "全市经济运行稳中向好。上半年,地区生产总值增长6.1%。",
    "工业生产加快回升。1-6月,规上工业增加值增长8.2%。",
    "投资持续扩大。上半年,固定资产投资增长10.3%。",
    "消费市场回暖。上半年,社会消费品零售总额增长7.5%。",
]


def test_news_of_the_same_shape_is_still_refused():
    page = "\n".join(["安澜市经济运行态势良好", *NEWS])
    with pytest.raises(IngestError) as exc:
        read_document(page.encode(), name="news.txt")
    assert "news" in exc.value.reason
