"""Progress reports in news shape (luoshi.ingest.text.prose.newsreport), on made-up pages:
running units each naming one undertaking and saying what was done on it are a task list;
news with counts, meetings, digests of states and totals by class are not."""

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.ingest.text.prose.newsreport import NEWS_REPORT_LAYOUT, news_report_grid
from luoshi.ingest.text.rows import Para

_TITLE = "某市民生实事项目最新进展"
_LEAD = "截至6月底,全市12件民生实事项目累计完成投资20.5亿元,占年度计划的55%,开工率90%。"


def _read(*paras: str):
    return read_document(("\n".join(paras) + "\n").encode(), name="news.txt")


def _rows(doc) -> list[tuple[str, str]]:
    return [(t.text, "".join(i.done for i in t.items)) for t in doc.tasks]


@pytest.mark.parametrize(
    ("paras", "rows"),
    [
        (  # quoted names, a frame sentence opening each paragraph, `;` between projects
            [
                _TITLE,
                _LEAD,
                "教育始终是群众关心的事。“学校扩容”项目,完成投资1.2亿元,占年度计划52%,"
                "竣工3所;“托育提升”项目,已建成托育点13个,累计完成投资800万元。",
                "养老同样受到关注。“社区食堂”工程已建成食堂20个,正在建设5个。",
            ],
            [
                ("“学校扩容”项目", "完成投资1.2亿元,占年度计划52%,竣工3所;"),
                ("“托育提升”项目", "已建成托育点13个,累计完成投资800万元。"),
                ("“社区食堂”工程", "已建成食堂20个,正在建设5个。"),
            ],
        ),
        (  # unquoted names closed by a word of undertaking, a domain frame before the first
            # of a paragraph, a works named by what it builds, traditional script
            [
                "某縣重點民生工程推進情況",
                "今年以來,我縣8項民生工程進展順利。",
                "交通方面,城東大道改造工程已完成路基施工;濱河路延伸工程,累計完成投資3000萬元。",
                "城南幼兒園已完成主體封頂,正在進行內部裝修。",
            ],
            [
                ("城東大道改造工程", "已完成路基施工;"),
                ("濱河路延伸工程", "累計完成投資3000萬元。"),
                ("城南幼兒園", "已完成主體封頂,正在進行內部裝修。"),
            ],
        ),
        (  # a task report starting after a comma (a frame clause, a date, 我市 before a quote);
            # a sub-project of the other way of naming stays in the progress
            [
                _TITLE,
                _LEAD,
                "“健康守护”项目,完成投资5亿元,占年度计划46%;医院提升工程,新增床位200张。",
                "“一老一幼”是最受关注的问题之一,今年以来,我市“幸福养老”项目,完成投资6800万元。",
                "“放心菜篮”项目已建成农贸市场4个。",
            ],
            [
                ("“健康守护”项目", "完成投资5亿元,占年度计划46%;医院提升工程,新增床位200张。"),
                ("“幸福养老”项目", "完成投资6800万元。"),
                ("“放心菜篮”项目", "已建成农贸市场4个。"),
            ],
        ),
    ],
)
def test_news_shaped_report_is_read(paras: list[str], rows: list[tuple[str, str]]) -> None:
    doc = _read(*paras)
    assert doc.layout == NEWS_REPORT_LAYOUT
    assert _rows(doc) == rows
    assert not any(t.units for t in doc.tasks)
    assert any("may be news" in w.message for w in doc.warnings)
    assert doc.doubts


_NEWS = [
    (  # news with counts: the subjects are the city, its places and groups, no undertaking
        _TITLE,
        _LEAD,
        "全市改造工程已完成45个;各地水利工程已完成投资3亿元;本市道路工程正在施工。",
        "3个安置项目已交付使用;幼儿园等5个项目已建成。",
    ),
    (  # a press conference relaying the projects' figures
        "某省民生工程发布会",
        "记者从今天召开的新闻发布会上获悉,全省20项民生工程进展顺利。",
        "棚户区改造工程,新开工5万套;旧街改造工程,完成改造300个;供水提升工程,完成管网200公里。",
    ),
    (  # a digest of states: projects named under counts of their state
        _TITLE,
        "上半年,全市15项民生工程顺利推进。",
        "2项提前完成全年任务。“心理关爱”项目已开展讲座60场;“跨区通办”项目已完成全年任务。",
        "8项按计划推进。“老旧小区”项目已完成设计招标;“城市照明”项目已完成施工图设计。",
    ),
    (  # totals by class of projects broken down with 其中: an aggregate report
        "某州重点项目投资情况",
        "今年我州重点项目250个,1-8月累计完成投资210亿元。",
        "基础设施项目,累计完成投资89亿元。其中:交通项目,累计完成投资82亿元;水利项目,累计完成投资3亿元。",
        "产业项目,累计完成投资103亿元。",
        "民生项目,累计完成投资14亿元。",
    ),
    (  # projects named in passing: most of the text is about something else
        _TITLE,
        _LEAD,
        "区服务办建立台账,帮办专员全程跟踪服务,对跟踪情况形成日志,及时分析梳理问题,提出协调解决"
        "办法,全速推进重点项目建设,确保早日建成早日见效,为城市建设添砖加瓦,群众纷纷点赞。",
        "甲路工程正在办理施工许可;乙桥工程正在开展前期手续;丙馆工程已完成可研批复。",
        "下一步,区服务办将继续优化服务,强化要素保障,持续改善营商环境,推动项目早落地早投产,"
        "以实际行动服务全区经济社会高质量发展大局,让企业和群众有更多获得感。",
    ),
    (  # planned, not done: 预计 before the completion
        _TITLE,
        _LEAD,
        "道路硬化项目,预计11月份完成;美丽乡村项目,预计12月份完成;光伏发电项目,预计6月份完成。",
    ),
    (  # quoted terms followed by 是: topics, not subjects
        _TITLE,
        _LEAD,
        "“一老一幼”是群众关心的问题,累计完成投资1亿元。“菜篮子”是民生大事,已建成市场3个。"
        "“上学难”是老问题,已新增学位2000个。",
    ),
    (  # two undertakings only
        _TITLE,
        _LEAD,
        "“学校扩容”项目,完成投资1.2亿元;“社区食堂”工程已建成食堂20个。",
    ),
]


@pytest.mark.parametrize("paras", _NEWS)
def test_news_is_not_a_task_list(paras: tuple[str, ...]) -> None:
    lines = [Para(k + 1, t) for k, t in enumerate(paras)]
    assert news_report_grid(lines) is None
    with pytest.raises(IngestError):
        _read(*paras)


def test_a_long_line_of_commas_reads_in_bounded_time() -> None:
    # no input may take unbounded time: a clause of many commas is tried at its first few
    text = "某某," * 200_000
    assert news_report_grid([Para(1, _TITLE), Para(2, text)]) is None


def test_a_page_with_markers_is_left_to_the_list_readers() -> None:
    # lone numbers (a flattened table's serial cells) above units that would each read as a
    # task report: the list readers' page, whose verdict holds
    paras = [
        "某县重点工程进展情况", "1", "城北水厂扩建工程,已完成主体。", "2",
        "滨江大道改造工程,正在铺设路面。", "3", "南山隧道工程,已完成掘进800米。",
    ]
    lines = [Para(k + 1, t) for k, t in enumerate(paras)]
    assert news_report_grid(lines) is None
    unmarked = [p for p in lines if not p.text.isdigit()]
    assert news_report_grid(unmarked) is not None  # the same units without the numbers
