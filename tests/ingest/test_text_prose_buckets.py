"""Status buckets (luoshi.ingest.text.prose.buckets), on made-up bulletins: a bulletin that
names its tasks inside sentences grading them is a task list, each task's declared status its
bucket's grade; news naming work in lists, a single grade, or counts the names contradict are
not."""

import pytest

from luoshi.extract import analyze_task
from luoshi.ingest import IngestError, read_document
from luoshi.ingest.text.prose.bucketnames import (
    Name,
    drop_frame,
    names_of_list,
    points,
    split_coarsest,
    with_reference,
)
from luoshi.ingest.text.prose.buckets import _COUNT_NEAR, BUCKETS_LAYOUT, COMPLEMENT_REMARK
from luoshi.vocab import Status

_TITLE = "某县2031年政府工作报告重点任务一季度完成情况督查通报"
_OPENING = "近期,县政府督查室对重点任务一季度完成情况进行了督查。"


def _read(*paras: str):
    return read_document(("\n".join(paras) + "\n").encode(), name="bulletin.txt")


def _rows(doc) -> list[tuple[str, str, str]]:
    numbered = any(c.header == "序号" for c in doc.columns)  # else serials count by position
    return [(t.serial if numbered else "", t.text, t.extra["进展状态"]) for t in doc.tasks]


@pytest.mark.parametrize(
    ("paras", "rows"),
    [
        (  # names then grade, 、-lists after a frame; a cause between the class and the grade
            [
                _TITLE,
                _OPENING,
                "例如,粮食产量、工业用电量、外贸出口额等指标完成情况较好。",
                "但与此同时,招商引资到位资金、甲镇污水厂、乙路改造等项目或任务受资金不足等因素"
                "影响完成情况不够理想,还需加快推进。",
            ],
            [
                ("", "粮食产量", "正常推进"),
                ("", "工业用电量", "正常推进"),
                ("", "外贸出口额", "正常推进"),
                ("", "招商引资到位资金", "滞后"),
                ("", "甲镇污水厂", "滞后"),
                ("", "乙路改造", "滞后"),
            ],
        ),
        (  # a comma list (clauses, each a name; a name holding 、 stays whole), two buckets
            # in one paragraph parted by ;, a count after 等
            [
                _TITLE,
                _OPENING,
                "一季度,新建丙街小学,改造城区供水管网,创建省级、市级示范园区等3个项目进展顺利;"
                "丁河治理、戊镇敬老院等2个项目进展缓慢。",
            ],
            [
                ("", "新建丙街小学", "正常推进"),
                ("", "改造城区供水管网", "正常推进"),
                ("", "创建省级、市级示范园区", "正常推进"),
                ("", "丁河治理", "滞后"),
                ("", "戊镇敬老院", "滞后"),
            ],
        ),
        (  # grade then names: quoted names after a count (examples with 主要是…等; all of
            # them with 分别为), a section naming none, a quote cut off by the page's end (kept)
            [
                "关于市政府工作报告确定任务三季度落实情况",
                "市政府督查室对各部门的落实情况进行了调度。具体分为以下四个方面:",
                "一、已经完成的任务,共计12项。主要是“建成东区体育馆”,“完成老旧小区改造40个”等。",
                "二、进展良好、年底前能完成的任务,共计30项,占总数的70%。",
                "三、完成有一定困难的有2项。分别为“引进金融机构3家”,“新增高新技术企业20家”。",
                "四、年底前不能完成的任务有2项。一是“实现西",
            ],
            [
                ("", "建成东区体育馆", "已完成"),
                ("", "完成老旧小区改造40个", "已完成"),
                ("", "引进金融机构3家", "有风险"),
                ("", "新增高新技术企业20家", "有风险"),
                ("", "实现西", "滞后"),
            ],
        ),
        (  # plan references: names each citing their place in the plan, then the grade; points
            # 一是…二是… after a lead-in, each with a reference and what is said of it
            [
                _TITLE,
                _OPENING,
                "城乡公交一体化(第二项)、农村电网改造(第六项)已完成。",
                "进展滞后的任务主要有:一是智慧停车平台建设(第四项),受审批影响尚未招标;"
                "二是北区农贸市场改造(第九项),选址仍未确定。",
            ],
            [
                ("2", "城乡公交一体化", "已完成"),
                ("6", "农村电网改造", "已完成"),
                ("4", "智慧停车平台建设", "滞后"),
                ("9", "北区农贸市场改造", "滞后"),
            ],
        ),
        (  # a share of the year's plan is a grade too, written as the page writes it
            [
                _TITLE,
                _OPENING,
                "甲产业园、乙物流中心、丙水库除险加固等18个项目完成年计划70%以上;"
                "丁路、戊桥等9个项目滞后。",
            ],
            [
                ("", "甲产业园", "完成年计划70%以上"),
                ("", "乙物流中心", "完成年计划70%以上"),
                ("", "丙水库除险加固", "完成年计划70%以上"),
                ("", "丁路", "滞后"),
                ("", "戊桥", "滞后"),
            ],
        ),
        (  # a count closing a list without 等 (all of them); a grade counted, naming none, is
            # a grade too; a count right after the grade, names after 为 running to the page's
            # end (cut: fewer than the count)
            [
                _TITLE,
                _OPENING,
                "其中,农业增加值、社会消费品零售总额2项指标未达到序时进度。",
                "截至目前,达到序时进度30项。未达到序时进度8项、占比21%,为新建公园3个、改造“口袋”"
                "广场、新增停车位500个",
            ],
            [
                ("", "农业增加值", "滞后"),
                ("", "社会消费品零售总额", "滞后"),
                ("", "新建公园3个", "滞后"),
                ("", "改造“口袋”广场", "滞后"),
                ("", "新增停车位500个", "滞后"),
            ],
        ),
        (  # the set the names are drawn from is a frame (…项目中,); names each closed by their
            # own state (已竣工), which is no part of the name; the rest (其他…) is no name
            [
                _TITLE,
                _OPENING,
                "40个在建重点项目中,甲仓储、乙物流等6个项目滞后。",
                "已完成子项目3个,分别是丙幼儿园已竣工,丁路灯改造已完工,戊广场已完成,其他项目正按序时推进。",
            ],
            [
                ("", "甲仓储", "滞后"),
                ("", "乙物流", "滞后"),
                ("", "丙幼儿园", "已完成"),
                ("", "丁路灯改造", "已完成"),
                ("", "戊广场", "已完成"),
            ],
        ),
        (  # items announced with their count, some graded: the others are tasks too, in the
            # order of the announcement, with no declared status
            [
                _TITLE,
                _OPENING,
                "列入本次通报的指标为4项,分别为甲产值、乙投资、丙收入、丁利润。其中,乙投资、丙收入、"
                "丁利润3项指标未达到序时进度。达到序时进度20项。",
            ],
            [("", "甲产值", ""), ("", "乙投资", "滞后"), ("", "丙收入", "滞后"), ("", "丁利润", "滞后")],
        ),
    ],
)
def test_bulletin_buckets_are_read(paras: list[str], rows: list[tuple[str, str, str]]) -> None:
    doc = _read(*paras)
    assert doc.layout == BUCKETS_LAYOUT
    assert _rows(doc) == rows
    said = [w.message for w in doc.warnings]
    assert any("status buckets" in m and "refuse as news" in m for m in said)
    assert doc.inference is not None and doc.inference.confidence == "low"


def test_cells_keep_the_page_s_own_script() -> None:
    """The rules read simplified characters; the cells keep the page's own."""
    doc = _read(
        "某縣重點任務完成情況督查通報",
        "例如,糧食產量、工業用電量等指標完成情況較好;甲鎮污水廠、乙路改造等項目進展緩慢。",
    )
    assert [(t.text, t.extra["进展状态"]) for t in doc.tasks] == [
        ("糧食產量", "正常推进"),
        ("工業用電量", "正常推进"),
        ("甲鎮污水廠", "滞后"),
        ("乙路改造", "滞后"),
    ]
    assert doc.tasks[2].extra["备注"] == "進展緩慢"


def test_examples_and_cut_off_names_are_warned() -> None:
    doc = _read(
        "关于市政府工作报告确定任务三季度落实情况",
        "市政府督查室对各部门的落实情况进行了调度。",
        "一、已经完成的任务,共计12项。主要是“建成东区体育馆”,“完成老旧小区改造40个”等。",
        "二、完成有一定困难的有1项。分别为“引进金融机构3家”。",
        "三、年底前不能完成的任务有2项。一是“实现西",
    )
    messages = " ".join(w.message for w in doc.warnings)
    assert "counts 12 items and names 2 as examples" in messages
    assert "cut off by the end of the page: kept" in messages
    assert doc.tasks[-1].text == "实现西"


def test_declared_grade_feeds_the_status() -> None:
    """The bucket's grade is the task's declared status, as a table's status column is."""
    doc = _read(
        _TITLE,
        _OPENING,
        "例如,粮食产量、工业用电量等指标完成情况较好;甲镇污水厂、乙路改造等项目进展缓慢。",
    )
    got = {t.text: analyze_task(t, doc.meta.period, doc.meta.year).status.value for t in doc.tasks}
    assert got == {
        "粮食产量": Status.ON_TRACK,
        "工业用电量": Status.ON_TRACK,
        "甲镇污水厂": Status.BEHIND,
        "乙路改造": Status.BEHIND,
    }


_REFUSED = [
    (  # news: the lists are the objects of verbs (重点推进…, 加快…), not names graded
        "某区重点工作进展情况",
        "今年以来,区里重点推进道路、桥梁、管网等工作,进展顺利。",
        "与此同时,加快实施学校、医院等项目,部分项目进展缓慢。",
    ),
    (  # a single grade: news praising work names one
        _TITLE,
        _OPENING,
        "例如,粮食产量、工业用电量、外贸出口额等指标完成情况较好。",
        "丙街小学、丁河治理等项目进展顺利。",
    ),
    (  # the names contradict the count (a closed list naming more than it counts)
        _TITLE,
        _OPENING,
        "已完成的任务有2项,分别为:甲路、乙桥、丙馆、丁站。",
        "甲镇污水厂、乙路改造等项目进展缓慢。",
    ),
    (  # a subject in the list: a sentence of news, not names
        _TITLE,
        _OPENING,
        "全市道路、桥梁等工程进展顺利;本市学校、医院等项目进展缓慢。",
    ),
    (  # no report or supervision named above the buckets: a story
        "某地见闻",
        "甲路、乙桥等项目进展顺利;丙馆、丁站等项目进展缓慢。",
    ),
    (  # a meeting's news relaying counts and the slow items named (news stays news)
        "某市民生实事调度会",
        "10月20日,全市民生实事调度会上发布消息,15项实事进展情况总体较好。",
        "其中,有9项提前完成,占比60%;3项进度偏慢,分别是:甲厕所改造、乙台站覆盖、丙卫星用户。",
    ),
    (  # news of works under way: the list is the object of 推进 and its subject 本市; a count
        # of items done names none of them
        "某市民心工程一季度进展情况",
        "截至3月底,30项具体工作总体进展顺利。其中,两项具体工作已完成,另有12项已开工。",
        "此外,目前本市10项工作正在加快推进方案制订、招标采购、施工准备等前期工作,目前进展顺利。",
    ),
    (  # no bucket at all
        _TITLE,
        _OPENING,
        "全县上下齐心协力,各项工作有序推进,取得了明显成效。",
    ),
]


@pytest.mark.parametrize("paras", _REFUSED)
def test_not_a_bulletin_stays_refused(paras: tuple[str, ...]) -> None:
    with pytest.raises(IngestError):
        _read(*paras)


@pytest.mark.parametrize(
    ("region", "parts"),
    [
        ("甲、乙、丙", ["甲", "乙", "丙"]),
        ("大力实施“甲、乙”行动,丙,丁、戊平台", ["大力实施“甲、乙”行动", "丙", "丁、戊平台"]),
        ("甲,乙;丙、丁", ["甲,乙", "丙、丁"]),
        ("甲(一、二期)、乙等", ["甲(一、二期)", "乙"]),
    ],
)
def test_coarsest_separator(region: str, parts: list[str]) -> None:
    assert split_coarsest(region) == parts


@pytest.mark.parametrize(
    ("region", "rest"),
    [
        ("例如,甲、乙", "甲、乙"),
        ("但与此同时,一季度,甲、乙", "甲、乙"),
        ("截至3月底,甲、乙", "甲、乙"),
        ("甲路改造,乙桥", "甲路改造,乙桥"),  # a name, not a frame
    ],
)
def test_frame(region: str, rest: str) -> None:
    assert drop_frame(region) == rest


@pytest.mark.parametrize(
    ("part", "name"),
    [
        ("甲路改造(第五项)", Name("甲路改造", "5")),
        ("甲路改造(第12项),尚未招标", Name("甲路改造", "12", "尚未招标")),
        ("甲路改造", Name("甲路改造")),
    ],
)
def test_plan_reference(part: str, name: Name) -> None:
    assert with_reference(part) == name


@pytest.mark.parametrize(
    "region",
    ["重点推进甲、乙、丙", "正在加快推进方案制订、招标采购", "我区甲、乙", "甲,本市乙"],
)
def test_not_names(region: str) -> None:
    assert names_of_list(region, inline=True) is None


def test_a_lead_in_names_a_list_whatever_its_verbs() -> None:
    """After a lead-in (分别为, 为) the list is named as names: no verb governs it."""
    assert names_of_list("完成甲路改造、新建乙桥") == [Name("完成甲路改造"), Name("新建乙桥")]


def test_points_count_on() -> None:
    assert points("一是甲路;二是乙桥。三是丙馆") == [Name("甲路"), Name("乙桥"), Name("丙馆")]
    assert points("其中甲路") is None


@pytest.mark.parametrize(
    ("after_grade", "count"),
    [("子项目7个,分别是", 7), ("11项、占比20%", 11), ("进度7.33个百分点", None), ("7.5个百分点", None)],
)
def test_count_right_after_a_grade(after_grade: str, count: int | None) -> None:
    """A count right after the grade (a class between allowed); a share's tail is none."""
    m = _COUNT_NEAR.match(after_grade)
    assert (int(m.group(1)) if m else None) == count


def test_long_input_stays_linear() -> None:
    """A clause of many grades and no list, and a list longer than the window, read in
    bounded time; the window is warned."""
    import time

    from luoshi.ingest.text.prose.buckets import buckets_grid
    from luoshi.ingest.text.rows import paragraphs

    t0 = time.perf_counter()
    assert buckets_grid(paragraphs(_TITLE + "\n" + "进展顺利,滞后,已完成," * 50000)) is None
    names = "、".join(f"项目{i}" for i in range(3000))
    found = buckets_grid(paragraphs(f"{_TITLE}\n{names}等项目滞后;{names}等工程进展顺利。"))
    assert time.perf_counter() - t0 < 10
    assert found is not None
    assert any("runs further back than" in m for _, m in found[1])


_ANNOUNCE = "列入本次通报的指标为5项,分别为甲产值、乙投资、丙收入、丁利润、戊税收。"
_ON_COURSE = ("正常推进", COMPLEMENT_REMARK)
_NONE = ("", "")
_LAGGING = ("滞后", "未达到序时进度")


@pytest.mark.parametrize(
    ("paras", "cells", "said"),
    [
        (  # the section's only bucket names three of five announced, all it counts: the
            # other two are on course by complement; the next section's good bucket is not
            # about the announced set
            [
                "一、主要指标进展情况",
                _ANNOUNCE + "其中,乙投资、丙收入、丁利润3项指标未达到序时进度。",
                "二、重点项目进展情况",
                "达到序时进度20项。",
            ],
            [_ON_COURSE, _LAGGING, _LAGGING, _LAGGING, _ON_COURSE],
            "graded by complement: 正常推进",
        ),
        (  # a lagging and a not-started bucket, no sections: the page is the section
            [
                "列入本次通报的项目为5项,分别为甲学校、乙医院、丙公园、丁道路、戊桥梁。其中,"
                "乙医院、丙公园2个项目进展滞后;丁道路1个项目尚未开工。",
            ],
            [_ON_COURSE, ("滞后", "滞后"), ("滞后", "滞后"), ("未启动", "尚未开工"), _ON_COURSE],
            "graded by complement: 正常推进",
        ),
        (  # the section also grades one done: the ungraded one is no complement of the laggards
            [
                "一、主要指标进展情况",
                _ANNOUNCE + "其中,乙投资、丙收入、丁利润3项指标未达到序时进度;甲产值1项指标已完成。",
                "二、重点项目进展情况",
                "达到序时进度20项。",
            ],
            [("已完成", "已完成"), _LAGGING, _LAGGING, _LAGGING, _NONE],
            "no complement drawn: the announcement's section also grades '已完成'",
        ),
        (  # no sections: the on-course count is in the announcement's scope
            [_ANNOUNCE + "其中,乙投资、丙收入、丁利润3项指标未达到序时进度。达到序时进度20项。"],
            [_NONE, _LAGGING, _LAGGING, _LAGGING, _NONE],
            "no complement drawn: the announcement's section also grades '达到序时进度'",
        ),
        (  # the laggards given as examples (等, no count): others may lag too
            [
                "一、主要指标进展情况",
                _ANNOUNCE + "其中,乙投资、丙收入、丁利润等指标未达到序时进度。",
                "二、重点项目进展情况",
                "达到序时进度20项。",
            ],
            [_NONE, _LAGGING, _LAGGING, _LAGGING, _NONE],
            "no complement drawn: its lagging items are named as examples",
        ),
        (  # the lagging bucket names an item the announcement does not: no partition of it
            [
                "一、主要指标进展情况",
                _ANNOUNCE + "其中,乙投资、丙收入、丁利润、己出口4项指标未达到序时进度。",
                "二、重点项目进展情况",
                "达到序时进度20项。",
            ],
            [_NONE, _LAGGING, _LAGGING, _LAGGING, _NONE, _LAGGING],
            "no complement drawn: a lagging bucket names '己出口'",
        ),
    ],
)
def test_announced_items_graded_by_complement(
    paras: list[str], cells: list[tuple[str, str]], said: str
) -> None:
    """BY COMPLEMENT: the announced items a closed set of lagging buckets does not name are on
    course, warned with the alternatives; not when anything else grades the section."""
    doc = _read(_TITLE, _OPENING, *paras)
    assert doc.layout == BUCKETS_LAYOUT
    assert [(t.extra["进展状态"], t.extra["备注"]) for t in doc.tasks] == cells
    assert any(said in w.message for w in doc.warnings)
    if "graded by complement" in said:
        assert any("done or ahead are the alternatives" in w.message for w in doc.warnings)


def test_complement_feeds_an_on_course_status() -> None:
    """The complement's grade is read by the analysis as a declared on course; its remark is
    no grade of its own."""
    doc = _read(
        _TITLE, _OPENING, "一、主要指标进展情况",
        _ANNOUNCE + "其中,乙投资、丙收入、丁利润3项指标未达到序时进度。",
        "二、重点项目进展情况", "达到序时进度20项。",
    )
    got = {t.text: analyze_task(t, doc.meta.period, doc.meta.year).status.value for t in doc.tasks}
    assert got["甲产值"] == got["戊税收"] == Status.ON_TRACK
    assert got["乙投资"] == Status.BEHIND
