"""Items written ``N.name。progress`` and excerpts that open mid-list (issue 9, fresh5 cause 3).

Rules (luoshi.ingest.text.prose.sentences, document._continues_from_above): a short name
closed by 。 then a clause saying a target is met or work done is task and progress; a page
that opens with item 5 of a group above the excerpt keeps it as a task. Text made up."""

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.ingest.text.prose.sentences import heading_sentence, reports_met

REPORT = [
    "4.推进农家书屋建设。完成120个书屋设备安装,全面完成目标任务。",
    "(二)基础设施工程",
    "1.农村公路建设。建成农村公路300公里,完成目标任务。",
    "2.农村电网改造。改造线路88.5公里,完成目标任务的103%。",
    "3.退耕还林工程。继续巩固退耕还林成果12万亩。",
    "(三)文化体育工程",
    "1.乡镇文化站建设。已完成45个文化站设备采购。",
    "2.全民健身工程。建成健身路径20个,完成目标任务。",
]
# the same items as a plan: aims, not things done
PLAN = [
    "1.农村公路建设。新建农村公路300公里,确保完成目标任务。",
    "2.农村电网改造。改造线路88.5公里,力争全面完成年度任务。",
    "3.退耕还林工程。巩固退耕还林成果12万亩,改善生态环境质量。",
]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("农村公路建设。建成300公里。", "农村公路建设"),
        ("国省干线公路养护管理。路面使用性能指数达82,完成目标任务。", "国省干线公路养护管理"),
        ("建成农村公路300公里,完成目标任务。", None),  # a comma before the stop: a sentence
        ("农村公路建设。", None),  # nothing after the name
    ],
)
def test_heading_sentence(text, name):
    found = heading_sentence(text)
    assert (found[0] if found else None) == name


@pytest.mark.parametrize(
    ("rest", "met"),
    [
        ("建成农村公路300公里,完成目标任务。", True),
        ("完成970个农家店建设,全面完成目标任务。", True),
        ("截至6月底,完成投资2亿元。", True),
        ("新建农村公路300公里,确保完成目标任务。", False),
        ("力争全面完成年度任务。", False),
        ("改造线路88.5公里。", False),
        # a month range or a month reported on opens the progress too (held11, fresh11 R07)
        ("1-10月份,8个断面水质达标。", True),
        ("10月份,全市优良天数达到25天。", True),
        ("一季度,完成投资3亿元。", True),
        # traditional wording says the same as the simplified
        ("今年以來,全市空氣質量保持穩定。", True),
        ("1至9月,確保完成目標任務。", True),
        ("12個月內確保完成目標任務。", False),
    ],
)
def test_reports_met(rest, met):
    assert reports_met(rest) is met


def test_name_then_progress_items_split_and_the_first_item_is_kept():
    doc = read_document("\n".join(REPORT).encode(), name="report.txt")
    assert [t.serial for t in doc.tasks] == ["4", "1", "2", "3", "1", "2"]
    assert [t.text for t in doc.tasks[1:4]] == ["农村公路建设", "农村电网改造", "退耕还林工程"]
    done = ["".join(i.done for i in t.items) for t in doc.tasks]
    assert done[1] == "建成农村公路300公里,完成目标任务。"
    assert done[3] == "继续巩固退耕还林成果12万亩。"  # the report's item without a completion word
    assert any("begun above the excerpt" in w.message for w in doc.warnings)


def test_plan_items_with_a_name_sentence_stay_whole():
    doc = read_document(("2031年重点工作\n" + "\n".join(PLAN)).encode(), name="plan.txt")
    assert doc.tasks[0].text.startswith("农村公路建设。新建")
    assert not any(i.done for t in doc.tasks for i in t.items)


# Indicators as items of a report in traditional characters: `N.<indicator>。<progress>`, the
# progress opening with a reporting period (held11: fresh11 R07's shape, text made up).
INDICATORS = [
    "某市環境局工作匯報",
    "一、2031年度目標任務完成情況",
    "(一)主要指標完成情況",
    "1.空氣質量。截至2031年11月20日,全市優良天數210天,低于目標值5天。",
    "2.地表水質量。1-10月份,全市8個考核斷面中6個達標。",
    "3.土壤質量。今年以來,全市土壤環境質量總體保持穩定。",
    "(二)重點工作完成情況",
    "1.污染治理方面",
]


def test_indicator_items_in_traditional_split_into_name_and_progress():
    doc = read_document("\n".join(INDICATORS).encode(), name="report.txt")
    assert [t.text for t in doc.tasks[:3]] == ["空氣質量", "地表水質量", "土壤質量"]
    done = ["".join(i.done for i in t.items) for t in doc.tasks]
    assert done[1].startswith("1-10月份,全市8個")
    assert done[2].startswith("今年以來")
    assert doc.tasks[3].text == "污染治理方面" and not done[3]
    # AS-OF IN THE PROGRESS: the year's report goes as far as its tasks' progress says
    assert (doc.meta.period.kind.value, str(doc.meta.period.end_date)) == ("month", "2031-11-20")
    assert any("the alternative: the year" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("as_of", "end"),
    [
        ("截至2031年11月20日", "2031-11-20"),
        ("截至2030年11月20日", "2031-12-31"),  # another year's date: the year stands
        ("截至11月20日", "2031-12-31"),  # no year: it may be the year before's
    ],
)
def test_as_of_in_the_progress_of_a_list(as_of, end):
    lines = [INDICATORS[0], INDICATORS[1], *(t.replace("截至2031年11月20日", as_of)
                                           for t in INDICATORS[2:])]
    doc = read_document("\n".join(lines).encode(), name="report.txt")
    assert str(doc.meta.period.end_date) == end


# Heading sentence + content in one paragraph, progress on a labelled line (fresh5 cause 4).
HEADED_CONTENT = [
    "一、改善办学条件。实施青石小学等3处学校建设工程,新建12个实验室,提高办学水平。",
    "进展情况:青石小学正在进行主体施工,实验室设备进入采购程序。",
    "二、扩大医疗供给。推进县医院新院区建设,扩大家庭医生签约覆盖面。",
    "进展情况:县医院新院区正在进行外墙施工。",
    "三、完善城乡路网。整修道路8条,改造公交车站11处。",
    "进展情况:8条道路整修正在施工,公交车站改造完成4处。",
]


@pytest.mark.parametrize(
    ("lines", "split"),
    [
        (HEADED_CONTENT, True),
        # content saying what was done is no target: the paragraph stays the task
        ([HEADED_CONTENT[0].replace("实施", "已实施"), *HEADED_CONTENT[1:]], False),
    ],
    ids=["content", "content-reports-done"],
)
def test_heading_sentence_over_content_in_a_form(lines, split):
    doc = read_document("\n".join(lines).encode(), name="forms.txt")
    assert [t.serial for t in doc.tasks] == ["一", "二", "三"]
    if split:
        assert [t.text for t in doc.tasks] == ["改善办学条件", "扩大医疗供给", "完善城乡路网"]
        assert doc.tasks[0].extra["内容及目标"].startswith("实施青石小学")
    else:
        assert doc.tasks[0].text.startswith("改善办学条件。已实施")
    assert "".join(i.done for i in doc.tasks[0].items).startswith("青石小学正在进行")


# A report whose title names no period: the as-of date above its first task gives it.
AS_OF = [
    "关于区政府为民办好10件实事落实情况的调查报告",
    "现将情况报告如下:",
    "{as_of}区政府承诺的10件实事大多数已经完成。",
    "1、创业就业工程:新增就业9789人,再就业3111人。",
    "2、基础设施建设:投资520万元,完成3条道路翻修改造。",
    "3、食品安全:完成食品安全抽检795批次。",
]


@pytest.mark.parametrize(
    ("as_of", "kind", "end"),
    [
        ("截止2031年12月底,", "annual", "2031-12-31"),
        ("截至2031年6月30日,", "h1", "2031-06-30"),
        ("2031年度10件实事共有15个子项,全部完成。", "annual", "2031-12-31"),
        ("2031年度10件实事要确保完成。", None, None),  # an aim, not all done
        ("今年以来,", None, None),  # no date: no period
    ],
)
def test_period_from_the_as_of_sentence_above_the_first_task(as_of, kind, end):
    lines = [line.format(as_of=as_of) for line in AS_OF]
    doc = read_document("\n".join(lines).encode(), name="r.txt")
    period = doc.meta.period
    assert (period.kind.value if period else None) == kind
    assert (str(period.end_date) if period else None) == end


# A report's item: the task's sentence (with its figures), then without a label what was done,
# opening with 已 or with 完成 and a figure (fresh8 cause 1). Text made up.
TASK_THEN_DONE = [
    "2030年安澜县十件民生实事1至4月推进情况",
    "截至4月底,各项任务推进顺利。具体情况如下:",
    "1.做好就业服务,开展技能培训2万人次,公益性岗位安置就业困难人员4000人。"
    "已开展技能培训8718人次;公益性岗位在岗人员达4140人。",
    "2.办好学前教育,新建、改扩建公办幼儿园7所。已开工建设幼儿园6所、正在开展前期手续1所。",
    "3.加强健康服务,为65岁及以上老年人免费体检一次。完成老年人体检共计10.7万余人次;"
    "举办培训班1期。",
]


@pytest.mark.parametrize(
    ("lines", "tasks", "done"),
    [
        (
            TASK_THEN_DONE,
            [
                "做好就业服务,开展技能培训2万人次,公益性岗位安置就业困难人员4000人。",
                "办好学前教育,新建、改扩建公办幼儿园7所。",
                "为65岁及以上老年人免费体检一次。",
            ],
            ["已开展技能培训8718人次", "已开工建设幼儿园6所", "完成老年人体检共计10.7万余人次"],
        ),
    ],
)
def test_a_report_item_task_sentence_then_done_without_a_label(lines, tasks, done):
    doc = read_document("\n".join(lines).encode(), name="report.txt")
    assert [t.text for t in doc.tasks][:2] == tasks[:2]
    assert doc.tasks[2].text.endswith(tasks[2])
    got = ["".join(i.done for i in t.items) for t in doc.tasks]
    assert [g[: len(d)] for g, d in zip(got, done, strict=True)] == done


def test_a_plan_item_with_a_second_sentence_opening_with_completion_stays_whole():
    plan = [
        "2030年安澜县重点工作任务分解",
        "1.推进城市更新。完成老旧小区改造20个。(责任单位:县住建局)",
        "2.改善农村交通。完成农村公路建设100公里。(责任单位:县交通局)",
    ]
    doc = read_document("\n".join(plan).encode(), name="plan.txt")
    assert doc.tasks[0].text.startswith("推进城市更新。完成老旧小区改造20个")
    assert not any(i.done for t in doc.tasks for i in t.items)


# N、name, progress — a project's name closed by a comma, then work under way (fresh8 cause 4),
# with a PDF's broken lines and a page number between items. Text made up.
NAME_CLAUSE = [
    "关于我县城镇建设工作进展情况的汇报",
    "今年我县重点抓好12项工程建设,现将有关情况汇报如下:",
    "(一)续建工程",
    "1、县城保障性住宅楼三期工程, 正在进行室内粉刷和水、",
    "电、暖等设施安装。",
    "2、某乡牧民定居住宅楼二期工程,正在进行外墙保温施工。",
    "3、某镇老年人公寓工程,已完成主体封顶。",
    "2",
    "(二)新建工程",
    "1、滨河路中段改造工程,目前正在进行路基施工。",
]


def test_a_project_name_closed_by_a_comma_then_progress_is_task_and_progress():
    doc = read_document("\n".join(NAME_CLAUSE).encode(), name="report.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2", "3", "1"]
    assert [t.text for t in doc.tasks] == [
        "县城保障性住宅楼三期工程", "某乡牧民定居住宅楼二期工程", "某镇老年人公寓工程",
        "滨河路中段改造工程",
    ]
    done = ["".join(i.done for i in t.items).replace("\n", "") for t in doc.tasks]
    assert done[0] == "正在进行室内粉刷和水、电、暖等设施安装。"
    assert done[2] == "已完成主体封顶。"  # the page number is no part of it
    messages = [w.message for w in doc.warnings]
    assert any("page number" in m for m in messages)
    split = "the alternative is that the whole paragraph is the task"
    assert any(m.endswith(split) for m in messages)


def test_lone_numbers_counting_on_are_serial_cells_and_the_page_is_refused():
    cells = ["1", "县城保障性住宅楼三期工程, 正在进行室内粉刷。", "2",
             "某乡牧民定居住宅楼二期工程,正在进行外墙保温施工。", "3", "某镇老年人公寓工程,已完成主体。"]
    page = "\n".join(["某县重点工程进展情况", *cells, "1、甲工程,正在施工。", "2、乙工程,正在施工。",
                      "3、丙工程,正在施工。"])
    # refused: the numbered lines are points of a flattened table's cells
    with pytest.raises(IngestError, match="do not read as a list of tasks"):
        read_document(page.encode(), name="cells.txt")
