"""Listed works (luoshi.ingest.text.prose.listedworks), on made-up pages: works named once in a
list inside one sentence and reported on later, clause by clause, alone or in groups, are a task
list; news of counts and a list nobody comes back to are not."""

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.ingest.text.prose.listedworks import LISTED_LAYOUT, listed_works_grid
from luoshi.ingest.text.rows import paragraphs

_TITLE = "某县民生实事推进有力"
_DATELINE = "某某日报 2031-06-30 08:00"


def _read(*paras: str):
    return read_document(("\n".join(paras) + "\n").encode(), name="listed.txt")


def _rows(doc) -> list[tuple[str, str]]:
    return [(t.text, "".join(i.done for i in t.items)) for t in doc.tasks]


@pytest.mark.parametrize(
    ("paras", "rows"),
    [
        (  # names after 包括, reported on in another order; the name opening a piece right
            # before a done word is cut off (written without the item's verb too); a subject
            # saying more than the name (城南泵站前期工作) stays; a name repeated shortened
            # (农房改造 for 农村住房改造) still names its item
            [
                _TITLE,
                _DATELINE,
                "今年全县共有5项实事,包括建成东区水厂、开工建设城南泵站、河道清淤工程、"
                "老街排水改造、农村住房改造。",
                "县水利局狠抓落实,加强调度。",
                "截至6月底,东区水厂已完成投资2亿元,占总投资的80%;老街排水改造累计完成60%;"
                "城南泵站前期工作正在推进;河道清淤工程已完成40公里;农房改造新开工15户。",
            ],
            [
                ("建成东区水厂", "已完成投资2亿元,占总投资的80%"),
                ("开工建设城南泵站", "城南泵站前期工作正在推进"),
                ("河道清淤工程", "已完成40公里"),
                ("老街排水改造", "累计完成60%"),
                ("农村住房改造", "农房改造新开工15户"),
            ],
        ),
        (  # 负责实施 introduces the list; one later sentence reports it in two groups after
            # a total (其中:): a group of bare names is the subject of what is said of each,
            # a group saying more (教学楼) keeps its clause whole
            [
                _TITLE,
                "今年,区教育局负责实施城北小学、滨河中学、南苑幼儿园、西山幼儿园新建项目。",
                "截至目前,4个项目均已完成年度目标,其中:城北小学教学楼、滨河中学综合楼已完成"
                "主体建设;南苑幼儿园、西山幼儿园新建项目已全面完工。",
            ],
            [
                ("城北小学", "城北小学教学楼、滨河中学综合楼已完成主体建设"),
                ("滨河中学", "城北小学教学楼、滨河中学综合楼已完成主体建设"),
                ("南苑幼儿园", "已全面完工"),
                ("西山幼儿园新建项目", "已全面完工"),
            ],
        ),
        (  # commas and 和 inside the list after 包括; counts inside the names differ from the
            # report's figures; a tally of projects closing an item is cut off; one work no
            # report names keeps no progress; traditional script
            [
                "某縣文化惠民工程過半",
                "該縣文化惠民工程包括開放2個文化館、30個農家書屋、5個鄉鎮文化站,建成12個村文化室,"
                "放映800場公益電影3個市級項目和舉辦送戲下鄉40場。",
                "截至目前,村文化室建成9個,完成全年任務的75%;公益電影放映500場,完成全年任務的62.5%;"
                "文化館、農家書屋、鄉鎮文化站均已完成全年任務。",
            ],
            [
                ("開放2個文化館", "已完成全年任務"),
                ("30個農家書屋", "已完成全年任務"),
                ("5個鄉鎮文化站", "已完成全年任務"),
                ("建成12個村文化室", "建成9個,完成全年任務的75%"),
                ("放映800場公益電影", "公益電影放映500場,完成全年任務的62.5%"),
                ("舉辦送戲下鄉40場", ""),
            ],
        ),
    ],
)
def test_listed_works_are_read(paras: list[str], rows: list[tuple[str, str]]) -> None:
    doc = _read(*paras)
    assert doc.layout == LISTED_LAYOUT
    assert _rows(doc) == rows
    assert not any(t.units for t in doc.tasks)
    assert any("news listing works" in w.message for w in doc.warnings)
    assert doc.inference is not None and doc.inference.confidence == "low"
    if any(not done for _, done in rows):
        assert any("named by no later clause" in w.message for w in doc.warnings)


_NOT_LISTED = [
    (  # news of counts: totals by category, no list reported on again
        _TITLE,
        "今年以来,全县实施民生实事12项,累计完成投资5.2亿元,占年度计划的58%。",
        "其中教育类完成投资1.1亿元,卫生类完成投资0.8亿元,交通类完成投资2亿元。",
        "全县新增学位1200个、托位300个、养老床位150张。",
    ),
    (  # a list nobody comes back to: the later sentences report totals only
        _TITLE,
        "今年全县实施的实事包括建成东区水厂、开工建设城南泵站、完成河道清淤、完成老街排水改造。",
        "截至6月底,各项目累计完成投资3亿元,占年度计划的60%,总体进展顺利。",
    ),
    (  # two works reported on: fewer than three is a story mentioning works
        _TITLE,
        "今年全县实施的实事包括建成东区水厂、开工建设城南泵站、完成河道清淤、完成老街排水改造。",
        "截至6月底,东区水厂已完成投资2亿元;城南泵站前期工作正在推进。",
    ),
    (  # reports all in one clause: a list named again together is no report on each
        _TITLE,
        "今年全县实施的实事包括建成东区水厂、开工建设城南泵站、完成河道清淤。",
        "截至6月底,东区水厂、城南泵站、河道清淤均已完成年度投资的一半。",
    ),
]


@pytest.mark.parametrize("paras", _NOT_LISTED)
def test_news_is_not_read_as_listed_works(paras: tuple[str, ...]) -> None:
    assert listed_works_grid(paragraphs("\n".join(paras) + "\n")) is None


@pytest.mark.parametrize("paras", _NOT_LISTED[:2])
def test_news_of_counts_keeps_its_refusal(paras: tuple[str, ...]) -> None:
    with pytest.raises(IngestError, match="prose news"):
        _read(*paras)


def test_long_list_page_is_bounded() -> None:
    """A sentence listing many names over a long page ends in bounded time (items and the text
    searched for reports are capped)."""
    names = "、".join(f"第{k}号站点" for k in range(200))
    later = ";".join(f"第{k}号站点已完成建设" for k in range(200))
    found = listed_works_grid(paragraphs(f"{_TITLE}\n包括{names}。\n{later}。\n"))
    assert found is None or len(found[0].rows) <= 31


def test_many_lists_nobody_reports_on_are_bounded() -> None:
    """A page of long lists whose later clauses say what was done of other things: at most a
    few list sentences are tried, each against a bounded stretch of text (made-up names from
    two disjoint alphabets, so nothing is ever named again)."""
    import random
    import time

    rng = random.Random(9)
    names, others = "东西南北中城乡村镇路桥站馆园校院厂河湖山", "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"

    def run(chars: str, n: int) -> str:
        return "".join(rng.choice(chars) for _ in range(n))

    text = "\n".join(
        "包括" + "、".join(run(names, 30) for _ in range(30)) + "。"
        + ";".join(run(others, 20) + "已完成" for _ in range(10)) + "。"
        for _ in range(200)
    )
    start = time.process_time()
    assert listed_works_grid(paragraphs(text + "\n")) is None
    assert time.process_time() - start < 20  # CPU seconds: about 1 on a quiet machine
