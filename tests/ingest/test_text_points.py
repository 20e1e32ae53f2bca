"""A page enumerating its tasks as points of running text (luoshi/ingest/text/prose/points.py):
read as tasks when the points are the page's subject, refused when they are news. Made-up
pages, not corpus text."""

from __future__ import annotations

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.ingest.inference import assess

TASKS = [
    "实施教育扩容项目,新建学校12所,新增学位9000个。",
    "实施农村公路项目,新建农村公路260公里。",
    "实施老旧小区改造工程,改造小区35个。",
    "实施公园建设项目,新建口袋公园18个。",
]
PLAN = "2031年青禾市为民兴办4件实事\n\n2031年,市政府为民兴办4件实事:\n\n"


def _cn(n: int) -> str:
    return "一二三四五六七八九十"[n - 1]


# (id, page, [(serial, task)] or None when refused)
CASES = [
    (
        "一是 points, one a paragraph",
        PLAN + "\n\n".join(f"{_cn(n)}是{t}" for n, t in enumerate(TASKS, 1)) + "\n",
        [(_cn(n), t) for n, t in enumerate(TASKS, 1)],
    ),
    (
        "一是 points run together after the lead-in",
        "2031年青禾市为民兴办4件实事\n\n2031年,市政府为民兴办4件实事:"
        + "".join(f"{_cn(n)}是{t}" for n, t in enumerate(TASKS, 1))
        + "\n",
        [(_cn(n), t) for n, t in enumerate(TASKS, 1)],
    ),
    (
        "第一, points",
        PLAN + "\n\n".join(f"第{_cn(n)},{t}" for n, t in enumerate(TASKS, 1)) + "\n",
        [(_cn(n), t) for n, t in enumerate(TASKS, 1)],
    ),
    (
        "numerals glued to the text",
        PLAN + "\n\n".join(f"{_cn(n)}{t}" for n, t in enumerate(TASKS, 1)) + "\n",
        [(_cn(n), t) for n, t in enumerate(TASKS, 1)],
    ),
    (
        "a footer after the last point is no part of it",
        PLAN
        + "\n\n".join(f"{_cn(n)}是{t}" for n, t in enumerate(TASKS, 1))
        + "\n\n相关新闻\n\n- 2031-02-23 市人大会议闭幕\n",
        [(_cn(n), t) for n, t in enumerate(TASKS, 1)],
    ),
    (
        "points of progress under a title announcing it",
        # (an opening announcing progress: each point is its task, then what was done)
        "民心工程进展顺利\n\n一是道路建设。主线工程完成70%。\n\n二是绿化建设。新增绿地8万平方米。\n\n"
        "三是公交建设。新开公交线路5条。\n",
        [
            ("一", "道路建设。"),
            ("二", "绿化建设。"),
            ("三", "公交建设。"),
        ],
    ),
    (
        "news: a meeting's requirements counted in words",
        "市政府召开常务会议部署重点工作\n\n会议强调:\n\n"
        "一是要提高认识,统一思想。\n\n二是要加强领导,压实责任。\n\n三是要严格督查,狠抓落实。\n",
        None,
    ),
    (
        "news: points without figures under a meeting's report",
        "市政府召开会议研究重点工作\n\n一是实施教育扩容项目。\n\n二是实施农村公路项目。\n\n"
        "三是实施老旧小区改造工程。\n",
        None,
    ),
    (
        "points that count the tasks of groups (a summary by status)",
        "2031年政府工作报告目标任务三季度落实情况\n\n"
        "一、已经完成的任务,共计19项。\n\n二、进展良好的任务,共计98项。\n\n"
        "三、完成有困难的有2项。\n",
        None,
    ),
    (
        "points that count projects by progress, each with its share (a summary by status)",
        "某市1-11月民生实事项目推进情况\n\n2031年全市共办理20个实事项目,进度情况如下:"
        "一是已完成的项目12个,占比达60%。分别为:公园建设、学校建设。"
        "二是有一定进度的实事项目6个,占比达30%。分别为:道路改造、管网改造。"
        "三是正在开展前期工作的项目2个,占比达10%。\n",
        None,
    ),
    (
        "circled points run together after the lead-in, one of the meeting's counts theirs",
        "某市政府工作报告摘要\n\n某市人大会议开幕,市长作政府工作报告。"
        "今年将办好8件民生实事,其中续办3件实事。\n\n"
        "续办民生实事:①新建学校3所。②改造农村公路50公里。③新增停车位2000个。\n",
        [("①", "新建学校3所。"), ("②", "改造农村公路50公里。"), ("③", "新增停车位2000个。")],
    ),
    (
        "circled points of a meeting that counts none of them: requirements",
        "某市政府常务会议召开\n\n会议部署民生实事工作。\n\n"
        "会议要求:①新建学校3所。②改造农村公路50公里。③新增停车位2000个。\n",
        None,
    ),
    (
        "points that are a report's own sections",
        "2031年重点工作推进情况\n\n一、主要做法\n\n新建学校12所,新建公路260公里。\n\n"
        "二、存在问题\n\n资金缺口3亿元。\n\n三、下一步工作打算\n\n年底前完成改造小区35个。\n",
        None,
    ),
    (
        "a second list restarting at 一是 is not the last point's text",
        PLAN
        + "\n\n".join(f"{_cn(n)}是{t}" for n, t in enumerate(TASKS[:3], 1))
        + "\n\n会议要求:\n\n一是已完成部署。\n\n二是已完成督查。\n",
        [(_cn(n), t) for n, t in enumerate(TASKS[:3], 1)],
    ),
    (
        "sub-points inside the last point's progress are no list of their own",
        # (as many 一是 points as outer points, all within the third one's paragraph)
        "2031年三件实事完成情况\n\n现将2031年三件实事实施情况公布如下。\n\n"
        "一实施教育扩容行动\n\n全年完成投资2亿元,新建学校3所。\n\n"
        "二实施停车便民行动\n\n全年新增停车位5000个。\n\n"
        "三实施医保提标行动\n\n全年资金支出3亿元。一是居民医保财政补助标准从每人500元提高到"
        "600元,惠及全市居民。二是门诊报销限额从每人100元提高到200元;报销比例提高到60%。"
        "三是资助低保对象参保2万人次,实现应保尽保。\n",
        [("一", "实施教育扩容行动"), ("二", "实施停车便民行动"), ("三", "实施医保提标行动")],
    ),
    (
        "points that are a small part of a story",
        "2031年重点工作推进情况\n\n今年以来,全市各项事业稳步推进:"
        "一是新建学校12所。二是新建公路260公里。三是改造小区35个。\n\n"
        + "\n\n".join(["全市经济运行总体平稳,各项事业稳步推进,群众获得感不断增强。"] * 8)
        + "\n",
        None,
    ),
]


@pytest.mark.parametrize("text,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_points_are_tasks_or_the_page_is_refused(
    text: str, want: list[tuple[str, str]] | None
) -> None:
    try:
        doc = read_document(text.encode(), name="page.txt")
    except IngestError:
        assert want is None
        return
    assert want is not None, f"read as {doc.layout}: {[t.text for t in doc.tasks]}"
    assert doc.layout == "point-list"
    assert [(t.serial, t.text) for t in doc.tasks] == want
    # the reading is said, with the alternative
    assert any(
        w.message.startswith(f"读作要点列表: {len(want)} 项; 也可能是新闻报道")
        for w in doc.warnings
    )


def test_announced_count_makes_the_reading_sure() -> None:
    """Four points under an opening announcing 4件实事: high confidence; the same points
    under an opening that counts nothing: a doubt, medium confidence."""
    points = "\n\n".join(f"{_cn(n)}是{t}" for n, t in enumerate(TASKS, 1)) + "\n"
    sure = read_document((PLAN + points).encode(), name="a.txt")
    assert assess(sure).confidence == "high"
    unsure = read_document(
        ("2031年青禾市民生实事\n\n市政府确定了今年的民生实事:\n\n" + points).encode(), name="b.txt"
    )
    assert unsure.layout == "point-list"
    assert assess(unsure).confidence == "medium"
    assert any("news counts its points" in d for d in unsure.doubts)


def test_a_progress_report_splits_each_point_into_task_and_progress() -> None:
    """On a page whose opening names a progress report, a point's progress opens at its
    reporting period; the paragraphs under a point are its progress too."""
    text = (
        "2031年青禾市重点工作1-6月进展情况\n\n"
        "一是实施教育扩容项目,新建学校12所。1-6月,已开工8所,完成年度计划的55%。\n\n"
        "二是实施农村公路项目,新建农村公路260公里。截至6月底,完成120公里。\n\n"
        "三是实施老旧小区改造工程,改造小区35个。\n已开工20个,占年度计划的57%。\n"
    )
    doc = read_document(text.encode(), name="r.txt")
    assert doc.layout == "point-list"
    got = [(t.serial, t.text, t.items[0].done) for t in doc.tasks]
    assert got == [
        ("一", "实施教育扩容项目,新建学校12所。", "1-6月,已开工8所,完成年度计划的55%。"),
        ("二", "实施农村公路项目,新建农村公路260公里。", "截至6月底,完成120公里。"),
        ("三", "实施老旧小区改造工程,改造小区35个。", "已开工20个,占年度计划的57%。"),
    ]


def test_paragraphs_opening_关于_are_points_numbered_by_position() -> None:
    text = (
        "2031年民生实事项目上半年推进情况\n\n"
        "关于教育扩容项目。\n1.新建学校12所,已开工8所。\n2.新增学位9000个,已完成4000个。\n\n"
        "关于农村公路项目。\n1.新建农村公路260公里,已完成120公里。\n\n"
        "关于老旧小区改造。\n1.改造小区35个,已开工20个。\n"
    )
    doc = read_document(text.encode(), name="g.txt")
    assert doc.layout == "point-list"
    assert [t.serial for t in doc.tasks] == ["1", "2", "3"]
    assert doc.tasks[0].text == "关于教育扩容项目。"
    assert doc.tasks[0].items[0].done.splitlines() == [
        "1.新建学校12所,已开工8所。",
        "2.新增学位9000个,已完成4000个。",
    ]


def test_a_one_sentence_point_is_split_at_the_clause_saying_what_was_done() -> None:
    text = (
        "2031年重点项目1-9月完成情况\n\n"
        "一是工业项目,年度计划投资40亿元,完成投资31亿元,占年度计划的77.5%。\n\n"
        "二是交通项目,年度计划投资20亿元,累计完成投资12亿元。\n\n"
        "三是民生项目,年度计划投资10亿元,已完成投资8亿元。\n\n"
        "四是生态项目,年度计划投资5亿元。\n"
    )
    doc = read_document(text.encode(), name="c.txt")
    got = [(t.text, t.items[0].done) for t in doc.tasks]
    assert got == [
        ("工业项目,年度计划投资40亿元", "完成投资31亿元,占年度计划的77.5%。"),
        ("交通项目,年度计划投资20亿元", "累计完成投资12亿元。"),
        ("民生项目,年度计划投资10亿元", "已完成投资8亿元。"),
        ("生态项目,年度计划投资5亿元。", ""),  # nothing said done: no progress
    ]


def test_traditional_关于_points_with_sub_points_counted_in_words() -> None:
    """關於<实事>。 paragraphs (traditional script) with 一是/二是 sub-points run on after
    them: the 关于 paragraphs are the list (the sub-points restart under each), the
    sub-points their progress; cells keep the page's characters."""
    text = (
        "河西省2031年重點民生實事前11個月進展情況\n\n截至11月底,各項實事進展順利。\n\n"
        "關於新建學校。一是新建學校12所,已完工10所;二是新增學位9000個,已完成8000個。\n\n"
        "關於農村公路。一是新建公路260公里,已完成240公里;二是養護公路600公里,已完成全部。\n\n"
        "關於老舊小區改造。一是改造小區35個,已完工30個。\n"
    )
    doc = read_document(text.encode(), name="t.txt")
    assert doc.layout == "point-list"
    got = [(t.serial, t.text, t.items[0].done) for t in doc.tasks]
    assert got == [
        ("1", "關於新建學校。", "一是新建學校12所,已完工10所;\n二是新增學位9000個,已完成8000個。"),
        (
            "2",
            "關於農村公路。",
            "一是新建公路260公里,已完成240公里;\n二是養護公路600公里,已完成全部。",
        ),
        ("3", "關於老舊小區改造。", "一是改造小區35個,已完工30個。"),
    ]


def test_points_each_a_paragraph_with_a_share_of_the_annual_plan() -> None:
    """一是…。 paragraphs each saying how much of the year's plan is done, under a title
    announcing more items than the excerpt keeps: read, with a doubt (not as many points as
    announced)."""
    text = (
        "青禾市20项民心工程进展顺利\n\n截至国庆节前,全市20项民心工程总体进展顺利。\n\n"
        "一是安居工程。年内计划开工保障房1万套,已开工9800套,占年计划的98%。\n\n"
        "二是教育工程。新建幼儿园30所,已完成25所。\n\n"
        "三是供热工程,完成管网改造120公里,完成年计划的80%。\n"
    )
    doc = read_document(text.encode(), name="s.txt")
    assert doc.layout == "point-list"
    got = [(t.serial, t.text, t.items[0].done) for t in doc.tasks]
    assert got == [
        ("一", "安居工程。", "年内计划开工保障房1万套,已开工9800套,占年计划的98%。"),
        ("二", "教育工程。", "新建幼儿园30所,已完成25所。"),
        ("三", "供热工程", "完成管网改造120公里,完成年计划的80%。"),
    ]
    assert assess(doc).confidence == "medium"


@pytest.mark.parametrize(
    ("page", "why"),
    [
        (
            "市政府召开常务会议部署民生实事\n\n"
            + "\n\n".join(f"{_cn(n)}是{t}" for n, t in enumerate(TASKS, 1))
            + "\n",
            "the opening reports a meeting or a speech",
        ),
        (
            "市领导调研城市建设\n\n"
            + "\n\n".join(f"{_cn(n)}是{t}" for n, t in enumerate(TASKS, 1))
            + "\n",
            "the opening announces no plan",
        ),
        (
            "2031年民生实事推进情况\n\n一是提高认识。\n\n二是加强领导。\n\n三是严格督查。\n",
            "the points are requirements, not tasks",
        ),
        (
            "2031年民生实事推进情况\n\n一是实施教育扩容项目。\n\n二是实施农村公路项目。\n\n"
            "三是实施老旧小区改造工程。\n",
            "points counted in words without figures",
        ),
    ],
    ids=["meeting", "no-announcement", "requirements", "no-figures"],
)
def test_the_refusal_says_why_the_points_are_no_point_list(page: str, why: str) -> None:
    with pytest.raises(IngestError) as err:
        read_document(page.encode(), name="n.txt")
    assert "points are counted in words" in str(err.value)
    assert why in str(err.value)


def test_numerals_opening_words_are_no_points() -> None:
    """一季度 / 二季度 / 三季度 paragraphs count quarters, not points."""
    text = (
        "2031年重点工作推进情况\n\n一季度完成投资12亿元,占年度计划的20%。\n\n"
        "二季度完成投资15亿元,占年度计划的25%。\n\n三季度完成投资18亿元,占年度计划的30%。\n"
    )
    try:
        doc = read_document(text.encode(), name="q.txt")
    except IngestError:
        return
    assert doc.layout != "point-list"


# Theme points: each a slogan (X,Y。) over a group of projects (A、B、C等项目).
_THEMES = [
    "聚焦教育医疗普惠发展,推动公共服务均等化。加快实施青禾一中、城东医院、北区幼儿园等项目,"
    "新增学位3000个。",
    "持续加大民生保障,巩固脱贫攻坚成果。落实城乡低保、困难群众补助、就业专项资金2亿元,"
    "实施技能培训、公益岗位、创业扶持等工程。",
    "完善城乡基础设施,改善乡村人居环境。实施了30个美丽乡村建设、农村道路、清洁供暖改造等项目,"
    "群众居住条件持续改善。",
]
_THEMES_NO_GROUP = [t.replace("等项目", "").replace("等工程", "") for t in _THEMES]
_THEMES_TEXT = "\n\n".join(f"{_cn(n)}是{t}" for n, t in enumerate(_THEMES, 1)) + "\n"


@pytest.mark.parametrize(
    ("opening", "points", "want"),
    [
        # a count far above the points, slogans, groups: themes, the page is a summary
        (
            "截至目前,市政府年初承诺的20件民生实事已办结8件,正在办理12件。\n\n",
            _THEMES_TEXT,
            "refused",
        ),
        # slogans and groups but no count: kept, warned
        ("截至目前,今年的民生实事进展顺利。\n\n", _THEMES_TEXT, "warned"),
        # slogans under a count far above the points, no group named: kept, warned
        (
            "截至目前,市政府年初承诺的20件民生实事已办结8件,正在办理12件。\n\n",
            "\n\n".join(f"{_cn(n)}是{t}" for n, t in enumerate(_THEMES_NO_GROUP, 1)) + "\n",
            "warned",
        ),
        # a count far above the points, task points (a cut excerpt): kept, no themes warning
        (
            "截至目前,市政府年初承诺的20件民生实事进展顺利。\n\n",
            "\n\n".join(f"{_cn(n)}是{t}" for n, t in enumerate(TASKS, 1)) + "\n",
            "kept",
        ),
        # task points naming several works each, as many as the count: kept, no warning
        (
            "2031年,市政府为民兴办3件实事:\n\n",
            "一是实施农村改造项目,完成改炕2万个、改灶2000个、改厕6万户等工程。\n\n"
            "二是实施背街小巷整治工程,完成治理20条、新建停车场5个。\n\n"
            "三是实施公园建设项目,建成中央公园、滨河公园、北山公园等项目。\n",
            "kept",
        ),
    ],
    ids=["themes-counted", "themes-uncounted", "slogans-counted", "cut-excerpt", "tasks-listing"],
)
def test_theme_points_grouping_the_announced_items_are_no_tasks(
    opening: str, points: str, want: str
) -> None:
    """Points that open with a slogan and name groups of projects, under an opening counting
    far more items than points, are themes: refused; with only some of these signs, kept and
    warned; a count alone (a cut excerpt) or task points listing works are no themes."""
    page = "青禾市民生实事推进情况\n\n" + opening + points
    if want == "refused":
        with pytest.raises(IngestError) as err:
            read_document(page.encode(), name="t.txt")
        assert "the points are themes grouping the 20 items" in str(err.value)
        return
    doc = read_document(page.encode(), name="t.txt")
    assert doc.layout == "point-list"
    themed = [w.message for w in doc.warnings if "may be themes" in w.message]
    assert bool(themed) == (want == "warned"), themed
    if want == "warned":
        assert assess(doc).confidence == "medium"


# The first point glued after the colon closing the lead-in (fresh5 cause 2): still the list.
_GLUED_ITEMS = [
    "加快推进城北污水处理厂建设,年内完成主体工程。",
    "新建改建农村公路120公里,提升农村出行条件。",
    "改造老旧小区15个,惠及居民3200户。",
    "实施中小学校舍改造工程8处,新增学位1800个。",
]
_GLUED_LEAD = "为切实办好2031年民生实事,县政府决定重点围绕以下四个方面开展工作:"


@pytest.mark.parametrize(
    ("lead", "points"),
    [
        (_GLUED_LEAD + "一是" + _GLUED_ITEMS[0], 4),
        # the lone 一是 with no 二是 opening the next paragraph: no list starts in the line
        (_GLUED_LEAD + "一是" + _GLUED_ITEMS[0], None),
    ],
    ids=["glued first point", "no second point"],
)
def test_first_point_glued_after_the_lead_in(lead, points):
    rest = [f"{n}是{t}" for n, t in zip("二三四", _GLUED_ITEMS[1:], strict=True)]
    if points is None:
        rest = [t for t in _GLUED_ITEMS[1:]]
    page = "\n\n".join(["安澜县2031年民生实事实施方案", lead, *rest])
    if points is None:
        with pytest.raises(IngestError):
            read_document(page.encode(), name="p.txt")
        return
    doc = read_document(page.encode(), name="p.txt")
    assert doc.layout == "point-list"
    assert [t.serial for t in doc.tasks] == ["一", "二", "三", "四"]
    assert doc.tasks[0].text == _GLUED_ITEMS[0]
