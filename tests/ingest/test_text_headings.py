"""Headed progress reports (luoshi/ingest/text/prose/headings.py): section headings that are
the tasks, each over paragraphs saying what was done. Made-up pages, not corpus text."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.errors import IngestError
from luoshi.vocab import ColumnRole as R

_OPENING = (
    "青禾乡2030年民生实事项目完成情况\n\n今年以来,我乡扎实推进民生实事。现将完成情况报告如下:\n\n"
)
_THREE = (
    "一、村道硬化工程完成情况\n截至11月底,完成村道硬化12公里,完成投资480万元。\n\n"
    "二、饮水安全提升项目\n已完成3个村的管网改造,受益群众2100人。\n目前正在进行水质检测。\n\n"
    "三、村卫生室标准化建设\n全年计划建设5个,建成4个,1个正在装修。\n\n"
)
_SECTIONS = "四、存在的问题\n部分项目资金到位不及时。\n\n五、下一步工作打算\n加强督查,按期完成。\n"


def _read(page: str):
    return read_document(page.encode(), name="report.txt")


def test_headings_are_tasks_and_their_paragraphs_progress():
    doc = _read(_OPENING + _THREE + _SECTIONS)
    assert doc.layout == "headed-report"
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.DONE]
    assert [t.serial for t in doc.tasks] == ["一", "二", "三"]
    # the closing report word (完成情况) is the report's, not the task's
    assert [t.text for t in doc.tasks] == ["村道硬化工程", "饮水安全提升项目", "村卫生室标准化建设"]
    done = "".join(i.done for i in doc.tasks[1].items)
    assert "管网改造" in done and "水质检测" in done
    # the report's own sections (问题, 下一步) are no tasks, and said so
    assert not any("加强督查" in i.done for t in doc.tasks for i in t.items)
    messages = " ".join(w.message for w in doc.warnings)
    assert "news story in sections" in messages  # the alternative reading is named
    assert "parts of the report itself" in messages
    # and the inference statement counts it as a doubt: never "high" confidence
    assert doc.inference.layout == "headed-report"
    assert doc.inference.confidence != "high"
    assert any("news story in sections" in r for r in doc.inference.reasons)


@pytest.mark.parametrize(
    ("body", "serials", "texts", "units", "layout"),
    [
        # the name and its body on one line, after a colon
        (
            "1.村道硬化:完成硬化12公里。\n2.饮水提升:已完成管网改造3处。\n3.卫生室建设:建成4个。\n",
            ["1", "2", "3"],
            ["村道硬化", "饮水提升", "卫生室建设"],
            None,
            "headed-report",
        ),
        # groups (一、) over the tasks ((一)): the innermost style with bodies is the task
        (
            "一、民生类项目\n(一)村道硬化\n截至10月,完成8公里。\n(二)饮水提升\n已完成管网改造。\n"
            "二、基础设施类项目\n(一)集镇污水管网\n已建成管网3公里。\n",
            ["(一)", "(二)", "(一)"],
            ["村道硬化", "饮水提升", "集镇污水管网"],
            None,
            "headed-report",
        ),
        # a unit line under each heading: the prose list's shape (一、task / 责任单位:), read
        # by the listing, its progress paragraph after the unit line (建成4个: a completion
        # word with a figure) included
        (
            "一、村道硬化\n责任单位:乡交通站\n完成硬化12公里。\n二、饮水提升\n责任单位:乡水利站\n"
            "已完成管网改造3处。\n三、卫生室建设\n责任单位:乡卫生院\n建成4个。\n",
            ["一", "二", "三"],
            ["村道硬化", "饮水提升", "卫生室建设"],
            [["乡交通站"], ["乡水利站"], ["乡卫生院"]],
            "prose",
        ),
    ],
    ids=["same-line", "groups", "unit-lines"],
)
def test_heading_shapes(body, serials, texts, units, layout):
    doc = _read(_OPENING + body)
    assert doc.layout == layout
    assert [t.serial for t in doc.tasks] == serials
    assert [t.text for t in doc.tasks] == texts
    if units is not None:
        assert [t.units for t in doc.tasks] == units
    assert all(t.items and t.items[0].done for t in doc.tasks)


@pytest.mark.parametrize(
    "page",
    [
        # a news story: its opening names no report
        "青禾乡召开民生工作会议\n\n会议指出:\n\n" + _THREE,
        # a plan: its opening names one (印发, 方案), whatever the paragraphs say
        "青禾乡2030年民生实事实施方案\n\n" + _THREE,
        # two headings over paragraphs: as often a news story's two parts
        _OPENING + "一、村道硬化\n完成硬化12公里。\n二、饮水提升\n已完成管网改造3处。\n",
        # headings over counts of projects: groups of tasks, not tasks
        _OPENING
        + "一、省级实事\n涉及我乡共9项,其中已完成6项。\n二、市级实事\n共安排12项,已完成10项。\n"
        "三、乡级实事\n实施8项,已完成8项。\n",
        # the same part named under each project: parts of a task's report, not tasks
        _OPENING + "一、村道硬化\n(一)进展情况\n完成12公里。\n(二)存在问题\n资金不足。\n"
        "二、饮水提升\n(一)进展情况\n已完成3处。\n(二)存在问题\n无。\n",
        # headings that are sentences (points of a speech), not names
        _OPENING + "一、我们狠抓落实,成效明显。\n完成硬化12公里。\n二、我们强化保障,群众满意。\n"
        "已完成3处。\n三、我们加强督查,进度加快。\n建成4个。\n",
    ],
    ids=["news-opening", "plan", "two-headings", "group-counts", "repeated-parts", "sentences"],
)
def test_not_a_headed_report(page):
    try:
        doc = _read(page)
    except IngestError as e:
        assert "no task list" in str(e)
        return
    assert doc.layout != "headed-report"


def test_heading_notes_give_units_and_the_reading_with_more_progress_wins():
    """一、 items with unit notes are also a prose list; read as one, the item without a note
    would be a heading and its progress lost: the headed reading gives every task its progress
    and wins, naming the other. The page's closing lines (issuer, date) are no progress."""
    page = (
        "青禾乡2030年民生实事项目推进情况\n\n"
        "一、村道硬化(责任单位:乡交通站)\n截至10月,完成8公里。\n"
        "二、饮水提升(牵头单位:乡水利站)\n已完成管网改造3处。\n"
        "三、卫生室建设\n建成4个。\n\n青禾乡人民政府\n2030年11月2日\n"
    )
    doc = _read(page)
    assert doc.layout == "headed-report"
    assert [t.text for t in doc.tasks] == ["村道硬化", "饮水提升", "卫生室建设"]
    assert [t.units for t in doc.tasks] == [["乡交通站"], ["乡水利站"], []]
    assert ["".join(i.done for i in t.items) for t in doc.tasks] == [
        "截至10月,完成8公里。",
        "已完成管网改造3处。",
        "建成4个。",
    ]
    assert any("also readable as a prose" in w.message for w in doc.warnings)
    assert any("also reads as a prose" in r for r in doc.inference.reasons)


def test_prose_list_keeps_progress_after_a_tasks_own_note():
    """In a progress report, a paragraph saying what was done right after a numbered task
    whose own note names its units is that task's progress (as after a unit line)."""
    page = (
        "青禾县2030年重点工作推进情况\n\n"
        "1.新建公园3个。(责任单位:县住建局)\n截至10月,已建成2个。\n"
        "2.改造老旧小区10个。(责任单位:县住建局)\n已完成8个。\n"
    )
    doc = _read(page)
    assert doc.layout == "prose"
    assert ["".join(i.done for i in t.items) for t in doc.tasks] == [
        "截至10月,已建成2个。",
        "已完成8个。",
    ]


@pytest.mark.parametrize(
    ("bodies", "read"),
    [
        # work under way, and figures against the year before, are progress too
        (["正常进行中", "同比增长2.9%。", "已开展专项检查3次。"], True),
        # requirements are no progress: a notice's sections, not a report's tasks
        (["要高度重视,加强领导。", "各单位要按时报送材料。", "下一步要加大督查力度。"], False),
    ],
    ids=["under-way-and-figures", "requirements"],
)
def test_what_a_body_must_say(bodies, read):
    names = ["地区生产总值增长6%以上", "规上工业增加值增长5%", "安全生产专项整治"]
    page = _OPENING + "".join(
        f"{'一二三'[n]}、{name}\n{body}\n"
        for n, (name, body) in enumerate(zip(names, bodies, strict=True))
    )
    try:
        doc = _read(page)
    except IngestError:
        assert not read
        return
    assert (doc.layout == "headed-report") == read
    if read:
        assert [t.text for t in doc.tasks] == names


def test_sub_headings_naming_the_reports_parts_split_the_body():
    page = _OPENING + (
        "一、村道硬化工程\n(一)主要进展\n截至10月,完成8公里。\n(二)存在问题\n资金缺口较大。\n"
        "(三)下步打算\n年底前全部完工。\n"
        "二、饮水提升工程\n(一)主要进展:已完成管网改造3处。\n(二)存在的问题:无\n(三)下一步工作计划:加快进度。\n"
        "三、卫生室建设\n(一)工作进展\n建成4个。\n1.推进情况良好\n(二)困难和问题\n设备未到位。\n"
    )
    doc = _read(page)
    assert doc.layout == "headed-report"
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.DONE, R.PROBLEMS, R.NEXT_STEPS]
    assert [t.text for t in doc.tasks] == ["村道硬化工程", "饮水提升工程", "卫生室建设"]
    item = [t.items[0] for t in doc.tasks]
    assert [i.done for i in item] == [
        "截至10月,完成8公里。",
        "已完成管网改造3处。",
        "建成4个。\n1.推进情况良好",
    ]
    assert [i.problems for i in item] == ["资金缺口较大。", "无", "设备未到位。"]
    assert [i.next_steps for i in item] == ["年底前全部完工。", "加快进度。", ""]


def test_a_report_in_traditional_characters_keeps_its_characters():
    """The rules' words are matched in simplified characters; the cells keep the page's."""
    page = (
        "青禾鄉2030年民生實事項目完成情況\n\n"
        "一、村道硬化工程完成情況(責任單位:鄉交通站)\n(一)主要進展\n截至10月,完成8公里。\n(二)存在問題\n資金缺口較大。\n"
        "二、飲水提升項目\n已完成3個村的管網改造。\n"
        "三、衛生室建設\n建成4個。\n四、下一步工作打算\n加強督查。\n"
    )
    doc = _read(page)
    assert doc.layout == "headed-report"
    assert [t.text for t in doc.tasks] == ["村道硬化工程", "飲水提升項目", "衛生室建設"]
    assert doc.tasks[0].units == ["鄉交通站"]
    assert doc.tasks[0].items[0].done == "截至10月,完成8公里。"
    assert doc.tasks[0].items[0].problems == "資金缺口較大。"
    assert doc.tasks[1].items[0].done == "已完成3個村的管網改造。"


# Headings that say themselves what they report (一、<项目>完成情况, (一)…进展情况): two in
# order are enough, with or without a report opening; a heading naming a class of tasks is no
# task. (Made-up pages, one paragraph a line.)
_TOWN = "东岙乡2021年民生实事项目完成情况"


def _lines(lines):
    return read_document("\n".join(lines).encode(), name="headed.txt")


def test_headings_naming_projects_are_tasks_and_their_paragraphs_the_progress():
    doc = _lines(
        [
            _TOWN,
            "一、乡村道路硬化工程完成情况",
            "全年硬化道路3.2公里,已全部完工验收。",
            "二、农贸市场改造完成情况",
            "市场主体改造完成,6月投入使用。",
            "(一)摊位改造120个。",
            "三、敬老院扩建工程2021年完成情况：新增床位40张。",
            "四、存在问题",
            "资金缺口较大。",
        ]
    )
    assert doc.layout == "headed-report"
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.DONE]
    assert [(t.serial, t.text, t.items[0].done) for t in doc.tasks] == [
        ("一", "乡村道路硬化工程", "全年硬化道路3.2公里,已全部完工验收。"),
        ("二", "农贸市场改造", "市场主体改造完成,6月投入使用。\n(一)摊位改造120个。"),
        # the year before the report word is the report's; 四、存在问题 is no task's progress
        ("三", "敬老院扩建工程", "新增床位40张。"),
    ]
    assert (doc.meta.government, doc.meta.year, str(doc.meta.period.kind)) == (
        "东岙乡",
        2021,
        "annual",
    )
    assert any("news story in sections" in w.message for w in doc.warnings)
    # no header row: the reader says the structure is a guess, not a table it saw
    assert doc.inference.confidence != "high"
    assert any("section headings" in r for r in doc.inference.reasons)


@pytest.mark.parametrize("opening", [[_TOWN], [], ["东岙乡召开民生工作会议"]])
def test_two_headings_saying_what_they_report_are_enough(opening):
    """Two in-order headings closing with a progress word, each over a paragraph, are a
    report's tasks whatever the opening (none, or a news title); the page's sign-off (the
    issuing body, a date) is not the last task's progress."""
    doc = _lines(
        [
            *opening,
            "一、乡村道路硬化工程完成情况",
            "已完工。",
            "二、农贸市场改造完成情况",
            "已投入使用。",
            "东岙乡人民政府",
            "2022年1月10日",
        ]
    )
    assert doc.layout == "headed-report"
    assert [t.text for t in doc.tasks] == ["乡村道路硬化工程", "农贸市场改造"]
    assert [t.items[0].done for t in doc.tasks] == ["已完工。", "已投入使用。"]


def test_bracketed_headings_keep_their_brackets_as_serials():
    doc = _lines(
        [
            _TOWN,
            "(一)村级文化礼堂建设进展情况",
            "主体完工。",
            "(二)饮用水提标改造进展情况",
            "管网铺设过半。",
        ]
    )
    assert doc.layout == "headed-report"
    assert [(t.serial, t.text) for t in doc.tasks] == [
        ("(一)", "村级文化礼堂建设"),
        ("(二)", "饮用水提标改造"),
    ]


_SUMMARY = "某县2021年工作总结"

NOT_TASK_LISTS = [
    # a work summary's own sections
    (
        _SUMMARY,
        [
            "一、上半年工作完成情况",
            "各项工作有序推进。",
            "二、存在问题",
            "资金紧张。",
            "三、下步打算",
            "抓落实。",
        ],
    ),
    # a bulletin's categories: classes of tasks, not tasks
    (
        _SUMMARY,
        ["一、市级重点项目推进情况", "开工30个。", "二、县级重点项目推进情况", "开工12个。"],
    ),
    (_SUMMARY, ["一、主要经济指标完成情况", "增长5%。", "二、民生实事完成情况", "完成8件。"]),
    # one heading is no list; headings out of order are not one list
    (_SUMMARY, ["一、乡村道路硬化工程完成情况", "已完工。"]),
    (
        _SUMMARY,
        ["二、乡村道路硬化工程完成情况", "已完工。", "一、农贸市场改造完成情况", "已完工。"],
    ),
    # headings with nothing under them
    (_SUMMARY, ["一、乡村道路硬化工程完成情况", "二、农贸市场改造完成情况"]),
    # 1、 2、 are no report's top level: a unit's page names its figures so as often as tasks
    (
        _SUMMARY,
        ["1、规上工业产值完成情况", "完成1.2亿元。", "2、固定资产投资完成情况", "完成2亿元。"],
    ),
    # a plan's opening wins over headings saying what they report
    (
        "某县2021年民生实事实施方案",
        ["一、乡村道路硬化工程完成情况", "已完工。", "二、农贸市场改造完成情况", "已完工。"],
    ),
]


@pytest.mark.parametrize(
    ("opening", "lines"),
    NOT_TASK_LISTS,
    ids=["own-sections", "bulletin", "classes", "one", "out-of-order", "empty", "arabic", "plan"],
)
def test_a_reports_own_sections_are_not_read_as_tasks(opening, lines):
    with pytest.raises(IngestError):
        _lines([opening, *lines])


# Unnumbered headings (bare names on lines of their own), the first over numbered
# sub-projects: the bare headings are the tasks, the sub-projects the first one's progress.
_BARE = (
    "重大项目建设\n\n"
    "(一)城北污水处理厂。已完成主体工程,完成投资2.1亿元。\n\n"
    "(二)滨江大道。已完成路基工程12公里,占计划的60%。\n\n"
    "(三)中心医院迁建。已完成土建工程量的45%。\n\n"
    "城乡环境整治\n\n上半年完成农村改厕2100户,占年度计划的101.92%。\n\n"
    "民生实事办理\n\n新建学校3所,已开工3所,新增学位2700个。\n"
)


def test_unnumbered_headings_over_sub_projects_are_the_tasks():
    doc = _read(_OPENING + _BARE)
    assert doc.layout == "headed-report"
    assert [t.text for t in doc.tasks] == ["重大项目建设", "城乡环境整治", "民生实事办理"]
    done = ["".join(i.done for i in t.items) for t in doc.tasks]
    assert done[0].count("\n") == 2 and done[0].startswith("(一)城北污水处理厂")
    assert done[1] == "上半年完成农村改厕2100户,占年度计划的101.92%。"
    # no serial column: the page numbers nothing
    assert [c.header for c in doc.columns] == ["任务内容", "进展情况"]


@pytest.mark.parametrize(
    "page",
    [
        # a short line right under a numbered heading is its body, not a heading
        "一、村道硬化\n正常进行中\n二、饮水提升\n已完成管网改造3处。\n三、卫生室建设\n建成4个。\n",
        # two bare lines are as often short lines of a body: no headings of their own
        "(一)城北污水处理厂。已完成主体工程,完成投资2.1亿元。\n\n"
        "(二)滨江大道。已完成路基工程12公里,占计划的60%。\n\n"
        "(三)中心医院迁建。已完成土建工程量的45%。\n\n"
        "城乡环境整治\n\n上半年完成农村改厕2100户,占年度计划的101.92%。\n",
    ],
    ids=["under-a-heading", "only-one"],
)
def test_short_lines_that_are_no_unnumbered_headings(page):
    doc = _read(_OPENING + page)
    assert doc.layout == "headed-report"
    assert all(t.serial for t in doc.tasks)  # the numbered headings stay the tasks


# A heading set off by a colon whose body states a standard, not a completion, is still a
# heading: the last item is not run into the one above (fresh5 cause 9).
_COLON_LAST = (
    "安澜区2031年为民办好10件实事落实情况的调查报告\n"
    "现将情况报告如下:\n"
    "1、创业就业工程:新增就业9789人,再就业3111人。\n"
    "2、基础设施建设:投资520万元,完成3条道路翻修改造。\n"
    "3、食品安全:完成食品安全抽检795批次。\n"
    "4、高龄补贴: 2031年按照85-89周岁老人1000元/人/年的标准。\n"
)


@pytest.mark.parametrize(
    ("page", "last"),
    [
        (_COLON_LAST, "高龄补贴"),
        # a requirement after the colon is no body of a heading: item 4 stays in item 3
        (_COLON_LAST.replace(
                "4、高龄补贴: 2031年按照85-89周岁老人1000元/人/年的标准。",
                "4、高龄补贴:要按照标准及时足额发放。",
            ), "食品安全"),
    ],
    ids=["standard", "requirement"],
)
def test_a_colon_heading_whose_body_states_a_standard(page, last):
    doc = _read(page)
    assert doc.layout == "headed-report"
    assert doc.tasks[-1].text == last
