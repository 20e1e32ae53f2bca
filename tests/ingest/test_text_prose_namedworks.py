"""Named works in running text (luoshi.ingest.text.prose.namedworks), on made-up pages:
clauses each opening with a work's proper name followed by its state are a task list; news
whose works illustrate counts, summaries by sector, meetings and classes of works are not."""

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.ingest.text.prose.namedworks import NAMED_WORKS_LAYOUT, _names, named_works_grid
from luoshi.ingest.text.rows import paragraphs

_TITLE = "某县援建项目进展顺利"
_LEAD = "本报讯 今年上半年,援建工作组加快推进援建项目建设。目前,续建项目全部复工。"


def _read(*paras: str):
    return read_document(("\n".join(paras) + "\n").encode(), name="news.txt")


def _rows(doc) -> list[tuple[str, str]]:
    return [(t.text, "".join(i.done for i in t.items)) for t in doc.tasks]


@pytest.mark.parametrize(
    ("paras", "rows"),
    [
        (  # frames before the first work (a date, a class's result), a bracket note kept,
            # a state running on over commas, a class frame (新建项目中) before a work
            [
                _TITLE,
                _LEAD,
                "2030年,共投入援建资金3亿元。截至6月底,续建项目全部复工,城东污水处理厂(2万吨/天)"
                "已完工;县人民医院新院区建设项目主体完工,正在进行配套设施建设,计划10月竣工。"
                "今年新建项目中,青年创业基地完工;河滨公园改造工程(二期)已开工建设。",
            ],
            [
                ("城东污水处理厂(2万吨/天)", "已完工"),
                ("县人民医院新院区建设项目", "主体完工,正在进行配套设施建设,计划10月竣工"),
                ("青年创业基地", "完工"),
                ("河滨公园改造工程(二期)", "已开工建设"),
            ],
        ),
        (  # groups: names set off by 、 closed by a count, names listed over a ；, a modifier
            # closed by 的 left out, a piece without a word of works continuing the next
            [
                _TITLE,
                _LEAD,
                "截至目前,第一小学、第二小学两个项目主体完工;城北供水管网工程,苗木、花卉"
                "基地;工业园区标准厂房3个项目正在建设中。投资800万元的县医院设备配套项目"
                "正在采购中。",
            ],
            [
                ("第一小学", "主体完工"),
                ("第二小学", "主体完工"),
                ("城北供水管网工程", "正在建设中"),
                ("苗木、花卉基地", "正在建设中"),
                ("工业园区标准厂房", "正在建设中"),
                ("县医院设备配套项目", "正在采购中"),
            ],
        ),
        (  # a site's 上一篇/下一篇 bullets below the report are not the report's markers
            [
                _TITLE,
                _LEAD,
                "截至9月底,滨江大桥项目完成投资4亿元,完成年度计划80%;城南学校教学楼项目"
                "已完成投资2000万元;文化中心已封顶。",
                "• 上一篇:某地举办文化节",
                "• 下一篇:某地召开工作会",
            ],
            [
                ("滨江大桥项目", "完成投资4亿元,完成年度计划80%"),
                ("城南学校教学楼项目", "已完成投资2000万元"),
                ("文化中心", "已封顶"),
            ],
        ),
    ],
)
def test_named_works_read_as_tasks(paras: list[str], rows: list[tuple[str, str]]) -> None:
    doc = _read(*paras)
    assert doc.layout == NAMED_WORKS_LAYOUT
    assert _rows(doc) == rows
    assert any("alternative reading is news" in w.message for w in doc.warnings)


def test_period_from_the_frame_in_the_year_named() -> None:
    doc = _read(
        _TITLE,
        _LEAD,
        "2030年,共投入援建资金3亿元。截至6月底,城东污水处理厂已完工;县人民医院新院区建设"
        "项目主体完工;青年创业基地完工。",
    )
    assert doc.meta.year == 2030
    assert doc.meta.period is not None and doc.meta.period.kind.value == "h1"
    assert str(doc.meta.period.end_date) == "2030-06-30"


@pytest.mark.parametrize(
    "paras",
    [
        pytest.param(  # works counted by their state: a digest illustrated by named works
            [
                _TITLE,
                "截至11月底,全区民生实事推进顺利,其中,30个子项完成年度目标,8个子项正如期推进。"
                "城东污水处理厂已完工;县人民医院新院区建设项目主体完工;青年创业基地完工。",
            ],
            id="digest-of-states",
        ),
        pytest.param(  # paragraphs opening with their domain: a summary by sector
            [
                "某县一季度重点项目建设进展顺利",
                "交通方面:城东大桥完成投资900万元;滨江大道改造完成投资300万元;"
                "西环公路改造已开工。",
                "能源方面:北山电站完成投资200万元;城南变电站开工建设;城北水厂已完工。",
            ],
            id="sector-summary",
        ),
        pytest.param(  # a meeting relayed
            [
                "某市召开重点项目调度会",
                "12日,某市召开重点项目推进会。会上通报,目前城东污水处理厂已完工;"
                "县人民医院新院区建设项目主体完工;青年创业基地完工。",
            ],
            id="meeting",
        ),
        pytest.param(  # classes and aggregates, no proper names
            [
                _TITLE,
                "截至6月底,续建项目全部复工;新建项目已开工12个;全市重点项目完成投资30亿元。",
            ],
            id="classes-only",
        ),
        pytest.param(  # two works only: news mentions works in passing
            [
                _TITLE,
                "截至6月底,城东污水处理厂已完工;青年创业基地完工。其他工作有序开展。",
            ],
            id="two-works",
        ),
        pytest.param(  # works mentioned in passing in a longer story: news
            [
                _TITLE,
                "截至6月底,城东污水处理厂已完工;县人民医院新院区建设项目主体完工。青年创业基地完工。"
                "记者走访发现,群众对家门口的变化十分满意,纷纷表示生活越来越方便了。"
                "一位老人告诉记者,以前看病要跑很远的路,现在好多了,孩子上学也近了。"
                "工作组负责人表示,下一步将继续加大力度,推动更多好事实事落地见效。",
            ],
            id="in-passing",
        ),
        pytest.param(  # no progress frame anywhere above the reports: what the works are
            [
                "某县风貌",
                "城东污水处理厂建成于上世纪;县人民医院新院区建设项目竣工后成为地标;"
                "青年创业基地建成后吸引了青年。",
            ],
            id="no-frame",
        ),
    ],
)
def test_news_stays_refused(paras: list[str]) -> None:
    assert named_works_grid(paragraphs("\n".join(paras))) is None
    with pytest.raises(IngestError):
        _read(*paras)


@pytest.mark.parametrize(
    ("subject", "names"),
    [
        ("城东污水处理厂(2万吨/天)", ["城东污水处理厂(2万吨/天)"]),
        ("第一小学、第二小学", ["第一小学", "第二小学"]),
        ("南区警务室及城北治安检查站建设", ["南区警务室及城北治安检查站建设"]),
        ("城东大桥和滨江公园", ["城东大桥", "滨江公园"]),
        ("设施农、林业、农村改造", ["设施农、林业、农村改造"]),
        ("续建项目", None),  # a class
        ("全市重点项目", None),  # a government's class
        ("开工项目52个", None),  # an aggregate
        ("目前,城东大桥", None),  # a frame before a comma is no work
        ("交通方面:城东大桥", None),  # a domain label
        ("“城东大桥”项目", None),  # quoted: the quoted readers' name
    ],
)
def test_names_of_a_subject(subject: str, names: list[str] | None) -> None:
    assert _names(subject) == names
