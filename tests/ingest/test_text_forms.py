"""Key-value form pages (one small form per item), on made-up pages (not corpus text)."""

import pytest

from luoshi.ingest import read_document
from luoshi.vocab import ColumnRole as R


def roles(doc):
    return [c.role for c in doc.columns]


def test_numbered_items_all_on_one_line_with_optional_field():
    page = (
        "安澜市2030年民生实事1-6月进展情况公示\n"
        "现将进展情况公示如下。 1.新建公园3个。 牵头领导:张某某 责任单位:市建设局 "
        "实际完成情况:已建成2个。 2.新增公交线路5条。 牵头领导:李某某 责任单位:市交通局 "
        "配合单位:市公安局、市财政局 实际完成情况:1.开通3条;2.另2条在试运行。 "
        "3.改造老旧小区10个。 牵头领导:王某某 责任单位:市住建局 实际完成情况:已开工8个\n"
    )
    doc = read_document(page.encode(), name="forms.txt")
    assert doc.layout == "forms"
    # 配合单位, met only in item 2, sits after the field it follows there
    assert [c.header for c in doc.columns] == [
        "序号",
        "任务内容",
        "牵头领导",
        "责任单位",
        "配合单位",
        "实际完成情况",
    ]
    assert roles(doc) == [R.SERIAL, R.TASK, R.LEADER, R.UNITS, R.CO_UNITS, R.DONE]
    assert [t.serial for t in doc.tasks] == ["1", "2", "3"]
    assert doc.tasks[1].units == ["市交通局", "市公安局", "市财政局"]
    # numbers inside a value (1.…;2.…) are list items, not new items
    assert doc.tasks[1].items[0].done == "1.开通3条;2.另2条在试运行。"
    assert doc.tasks[0].extra["牵头领导"] == "张某某"
    assert any("cut off" in w.message for w in doc.warnings)


def test_unnumbered_forms_split_where_the_first_field_comes_again():
    page = (
        "十件实事全部完成\n"
        "任务目标:新建学校2所。 进展情况:已建成。 任务目标:新增床位500张。 "
        "进展情况:新增520张。 截至12月底全部投用。\n"
    )
    doc = read_document(page.encode(), name="forms2.txt")
    assert roles(doc) == [R.TASK, R.DONE]
    assert [t.text for t in doc.tasks] == ["新建学校2所。", "新增床位500张。"]
    assert doc.tasks[1].items[0].done == "新增520张。 截至12月底全部投用。"


def test_labels_with_inner_spaces_on_their_own_lines_and_a_cut_tail():
    page = (
        "责 任 人:赵某\n责任单位:市某局\n"  # the tail of an item above the excerpt
        "5、建设污水管网20公里。\n责 任 人:钱某\n责任单位:市水利局\n"
        "6、完成绿道30公里。\n责 任 人:孙某、李某\n责任单位:市林业局、市交通局\n"
        "7、实施乡村振兴"
    )
    doc = read_document(page.encode(), name="forms3.txt")
    assert roles(doc) == [R.SERIAL, R.TASK, R.PERSON, R.UNITS]
    assert [t.serial for t in doc.tasks] == ["5", "6", "7"]
    assert doc.tasks[1].extra["责任人"] == "孙某、李某"
    assert doc.tasks[2].text == "实施乡村振兴"
    messages = " ".join(w.message for w in doc.warnings)
    assert "before the first item" in messages and "cut off" in messages


def test_one_labelled_line_in_prose_is_not_a_form_page():
    page = "关于某事的通知\n各单位:现将有关事项通知如下。\n责任单位:市某局\n"
    import pytest

    from luoshi.ingest import IngestError

    with pytest.raises(IngestError):
        read_document(page.encode(), name="prose.txt")


def test_a_list_without_period_or_progress_column_is_the_plan():
    page = "5、建设管网20公里。\n责任单位:市水利局\n6、完成绿道30公里。\n责任单位:市林业局\n"
    doc = read_document(page.encode(), name="plan.txt")
    assert doc.meta.period is not None and str(doc.meta.period.kind) == "plan"
    assert any("read as the plan" in w.message for w in doc.warnings)


# Items numbered in any list style, each followed by its block of labelled lines.
STYLES = [
    ("一、 (with a space after the mark)", ["一、 ", "二、 ", "三、 "], ["一", "二", "三"]),
    ("(一)", ["(一)", "(二)", "(三)"], ["(一)", "(二)", "(三)"]),
    ("(1)", ["(1)", "(2)", "(3)"], ["(1)", "(2)", "(3)"]),
    ("1、", ["1、", "2、", "3、"], ["1", "2", "3"]),
]


@pytest.mark.parametrize("marks,serials", [s[1:] for s in STYLES], ids=[s[0] for s in STYLES])
def test_items_numbered_in_any_style_with_field_lines(marks, serials):
    tasks = ["新建幼儿园5所,新增学位1800个。", "改造老旧小区30个。", "新增就业岗位1万个"]
    units = ["市教育局", "市住建局", "市人社局"]
    page = "安澜市2030年十件民生实事\n"
    for mark, task, unit in zip(marks, tasks, units, strict=True):
        page += f"{mark}{task}\n牵头单位:{unit}\n责任单位:各区政府、市财政局\n完成时限:2030年底\n"
    doc = read_document(page.encode(), name="forms4.txt")
    assert doc.layout == "forms"
    assert roles(doc) == [R.SERIAL, R.TASK, R.LEAD_UNIT, R.UNITS, R.DEADLINE]
    assert [t.serial for t in doc.tasks] == serials
    assert [t.text for t in doc.tasks] == tasks
    assert doc.tasks[1].units == ["市住建局", "各区政府", "市财政局"]
    assert doc.tasks[2].extra["完成时限"] == "2030年底"


@pytest.mark.parametrize(
    "unit_label,done_label",
    [
        ("责任单位:", "进展情况:"),
        ("【责任单位】", "【进展情况】"),
        ("责任单位 : ", "进展情况 : "),
        ("責任單位:", "進展情況:"),
    ],
    ids=["colon", "【】", "spaced colon", "traditional"],
)
def test_label_spellings(unit_label, done_label):
    page = (
        "安澜市2030年民生实事进展\n1.新建公园3个。\n"
        f"{unit_label}市建设局\n{done_label}已建成2个。\n2.新增公交线路5条。\n"
        f"{unit_label}市交通局\n{done_label}开通3条。\n"
    )
    doc = read_document(page.encode(), name="forms5.txt")
    assert doc.layout == "forms"
    assert roles(doc) == [R.SERIAL, R.TASK, R.UNITS, R.DONE]
    assert [(t.text, t.units, t.items[0].done) for t in doc.tasks] == [
        ("新建公园3个。", ["市建设局"], "已建成2个。"),
        ("新增公交线路5条。", ["市交通局"], "开通3条。"),
    ]


def test_a_leader_line_after_each_item_makes_a_form_page():
    page = (
        "安澜市2030年重点工作任务分解\n1.新建公园3个。\n责任领导:张某\n责任单位:市建设局\n"
        "2.新增公交线路5条。\n责任领导:李某\n责任单位:市交通局\n"
    )
    doc = read_document(page.encode(), name="forms6.txt")
    assert doc.layout == "forms"
    assert roles(doc) == [R.SERIAL, R.TASK, R.LEADER, R.UNITS]
    assert [t.extra["责任领导"] for t in doc.tasks] == ["张某", "李某"]


def test_field_lines_closed_by_a_full_stop_and_co_units_labelled_as_responsible():
    """负责领导 names the leader; 协同责任单位 the co-units (after the lead); a full stop
    closing a name's line is no part of the name."""
    page = (
        "安澜市2030年重点工作及责任分解\n1. 新建公园3个。\n牵头负责领导:张某。\n"
        "牵头责任单位:市建设局。\n协同责任单位:市财政局、市园林局。\n"
        "2. 新增公交线路5条。\n牵头负责领导:李某。\n牵头责任单位:市交通局。\n"
        "协同责任单位:市公安局。\n"
    )
    doc = read_document(page.encode(), name="forms7.txt")
    assert roles(doc) == [R.SERIAL, R.TASK, R.LEADER, R.LEAD_UNIT, R.CO_UNITS]
    assert [t.extra["牵头负责领导"] for t in doc.tasks] == ["张某", "李某"]
    assert [t.text for t in doc.tasks] == ["新建公园3个。", "新增公交线路5条。"]
    assert [t.units for t in doc.tasks] == [
        ["市建设局", "市财政局", "市园林局"],
        ["市交通局", "市公安局"],
    ]


def test_numbered_items_with_only_a_progress_field_are_forms() -> None:
    """One field is enough when it is progress under items numbered in sequence: the item's
    own text is its task (a progress list that names no units)."""
    from luoshi.ingest import read_document

    text = (
        "2030年安澜市民生实事项目推进情况\n\n1.新建城市公园3个。\n进展情况:已建成2个。\n\n"
        "2.改造老旧小区30个。\n进展情况:截至6月底,已开工18个。\n"
    )
    doc = read_document(text.encode(), name="p.txt")
    assert doc.layout == "forms"
    assert [(t.serial, t.text, [i.done for i in t.items]) for t in doc.tasks] == [
        ("1", "新建城市公园3个。", ["已建成2个。"]),
        ("2", "改造老旧小区30个。", ["截至6月底,已开工18个。"]),
    ]


def test_one_field_that_is_not_progress_is_no_form_page() -> None:
    import pytest

    from luoshi.ingest import IngestError, read_document

    text = (
        "2030年工作安排\n\n1.新建城市公园3个。\n完成时限:年底\n\n2.改造老旧小区。\n完成时限:6月\n"
    )
    with pytest.raises(IngestError):
        read_document(text.encode(), name="p.txt")


_FORM_TITLE = "青禾县2030年民生实事项目进展情况\n\n"


@pytest.mark.parametrize(
    ("body", "columns", "tasks", "extra"),
    [
        # a line holding only a counter (项目一) opens the form below it, in no value
        (
            "项目一\n项目名称:村道硬化\n年度目标:硬化20公里\n完成情况:完成18公里。\n"
            "项目二\n项目名称:饮水提升\n年度目标:改造管网5处\n完成情况:已完成4处。\n",
            [R.SERIAL, R.TASK, R.TARGET, R.DONE],
            ["村道硬化", "饮水提升"],
            None,
        ),
        # labels the vocabulary does not know, opening a line in every form, are fields
        (
            "项目名称:县医院综合楼\n建设地点:城关镇\n总投资:3亿元\n进展情况:主体已封顶。\n"
            "存在困难和问题:资金缺口大。\n其中:设备款未到位。\n"
            "项目名称:标准厂房\n建设地点:经开区\n总投资:1亿元\n进展情况:已完成3栋。\n"
            "存在困难和问题:用地未批。\n其中:林地手续在办。\n",
            [R.TASK, R.OTHER, R.OTHER, R.DONE, R.PROBLEMS],
            ["县医院综合楼", "标准厂房"],
            {"建设地点": "城关镇", "总投资": "3亿元"},
        ),
        # no task field: the name line above each form is its task
        (
            "县医院综合楼\n进展情况:主体已封顶。\n存在困难和问题:资金缺口大。\n\n"
            "标准厂房\n进展情况:已完成3栋。\n存在困难和问题:无\n\n"
            "城北污水厂\n进展情况:设备调试中。\n存在困难和问题:征地慢。\n",
            [R.TASK, R.DONE, R.PROBLEMS],
            ["县医院综合楼", "标准厂房", "城北污水厂"],
            None,
        ),
    ],
    ids=["counter-lines", "unknown-repeated-labels", "title-above"],
)
def test_form_per_project_shapes(body, columns, tasks, extra):
    doc = read_document((_FORM_TITLE + body).encode(), name="forms.txt")
    assert doc.layout == "forms"
    assert roles(doc) == columns
    assert [t.text for t in doc.tasks] == tasks
    # no value runs into the next form, nor a counter or title into a value
    for t in doc.tasks:
        done = "".join(i.done for i in t.items)
        assert not any(name in done for name in tasks), done
        assert "项目二" not in done
    if extra is not None:
        assert {k: doc.tasks[0].extra[k] for k in extra} == extra
    # the name line taken for the task is a reading with an alternative: a doubt
    assert any("name line above" in r for r in doc.inference.reasons) == (
        columns[0] == R.TASK and "项目名称" not in body
    )
    # 其中: opens a line of a value, not a field
    assert all(c.header != "其中" for c in doc.columns)


def test_sentence_above_a_form_is_no_title():
    """A sentence (not a name) above a form's first field is the end of the value above it:
    the title rule needs a name above every form, else the forms are read without one."""
    body = (
        "县医院综合楼\n进展情况:主体已封顶。\n存在困难和问题:资金缺口大,正在协调。\n"
        "进展情况:已完成3栋。\n存在困难和问题:无\n"
    )
    doc = read_document((_FORM_TITLE + body).encode(), name="forms.txt")
    assert doc.layout == "forms"
    assert R.TASK not in roles(doc)
    assert not any("read as its task" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("opening", "year", "end"),
    [
        # a long opening paragraph (over 100 characters: no title): the announcement gives
        # year and period
        (
            "2030年县政府民生实事项目共有10项任务,内容涉及交通出行、饮水安全、教育卫生等方面,"
            "各责任单位高度重视,市有关部门和民生实事工作监督员加强督查推进,实事项目总体进展情况良好。"
            "现将1—9月份进展情况予以公示,接受社会监督。下阶段将进一步加大督查考核力度。",
            2030,
            "2030-09-30",
        ),
        # no announcement: the year of a sentence about something else is not taken
        ("2029年以来,县里建成公园5个,群众满意。", None, None),
    ],
    ids=["announced", "no-announcement"],
)
def test_untitled_page_takes_year_and_period_from_its_announcement(opening, year, end):
    body = "项目名称:村道硬化\n进展情况:完成8公里。\n项目名称:饮水提升\n进展情况:已完成3处。\n"
    doc = read_document((opening + "\n\n" + body).encode(), name="forms.txt")
    assert doc.layout == "forms"
    assert doc.meta.year == year
    got = doc.meta.period.end_date.isoformat() if doc.meta.period else None
    assert got == end
    assert any("announcement" in w.message for w in doc.warnings) == (year is not None)


def test_one_progress_field_under_name_lines():
    body = (
        "县医院综合楼\n进展情况:主体已封顶。\n\n标准厂房\n进展情况:已完成3栋。\n\n"
        "城北污水厂\n进展情况:设备调试中。\n"
    )
    doc = read_document((_FORM_TITLE + body).encode(), name="forms.txt")
    assert doc.layout == "forms"
    assert [t.text for t in doc.tasks] == ["县医院综合楼", "标准厂房", "城北污水厂"]
    assert ["".join(i.done for i in t.items) for t in doc.tasks] == [
        "主体已封顶。",
        "已完成3栋。",
        "设备调试中。",
    ]


@pytest.mark.parametrize(
    ("note", "units", "co"),
    [
        ("(市教育局负责)", ["市教育局"], []),
        ("(市委农办、市城管局负责)", ["市委农办", "市城管局"], []),
        ("(由市教育局负责)", ["市教育局"], []),
        ("(市教育局牵头负责)", ["市教育局"], []),
        ("(市教育局牵头)", ["市教育局"], []),
        ("(市教育局牵头,市财政局配合)", ["市教育局"], ["市财政局"]),
    ],
    ids=["负责", "two-units", "由X负责", "牵头负责", "牵头", "牵头-配合"],
)
def test_a_unit_note_closing_an_item_line_is_its_unit_field(note, units, co) -> None:
    """`(一)task。(X负责)` then a 完成情况: line: the note is the item's units (负责, 由 no
    part of a name), not part of the task; the task keeps its own full stop."""
    text = (
        "2030年安澜市民生实事完成情况\n\n"
        f"(一)新建城市公园(游园)3个。{note}\n完成情况:已建成3个。\n"
        f"(二)改造老旧小区30个。{note}\n完成情况:已完成改造30个。\n"
    )
    doc = read_document(text.encode(), name="n.txt")
    assert doc.layout == "forms"
    assert [t.text for t in doc.tasks] == ["新建城市公园(游园)3个。", "改造老旧小区30个。"]
    for task in doc.tasks:
        assert task.units == units + co
        assert task.items[0].done.startswith("已")
    if co:
        assert [c.role for c in doc.columns if c.role in (R.LEAD_UNIT, R.CO_UNITS)] == [
            R.LEAD_UNIT,
            R.CO_UNITS,
        ]


def test_a_bracket_inside_the_task_is_no_unit_note() -> None:
    """A bracket that is part of the task's wording (民族村(社区)) stays in the task; only a
    note closing the line names units."""
    text = (
        "2030年安澜市民生实事完成情况\n\n"
        "(一)为全市民族村(社区)提供法律服务。\n完成情况:已覆盖44个村。\n"
        "(二)为600个行政村配建(更新)健身器材。\n完成情况:已配建600个。\n"
    )
    doc = read_document(text.encode(), name="b.txt")
    assert [(t.text, t.units) for t in doc.tasks] == [
        ("为全市民族村(社区)提供法律服务。", []),
        ("为600个行政村配建(更新)健身器材。", []),
    ]


_HEADED = (
    "2030年安澜市民生实事完成情况\n\n"
    "一、实施农村天然气村村通\n为1200个村庄、23万户接通天然气。年度计划实施17万户。"
    "项目进展:至12月底,已接通17.2万户。(责任单位:市城市管理局)\n"
    "二、改造敬老院设施,提升养老服务水平\n对全市13处公办敬老院安装自动喷淋系统。"
    "项目进展:全面完成13处敬老院改造。(责任单位:市民政局)\n"
)


@pytest.mark.parametrize(
    ("page", "want"),
    [
        # a heading over its content: the heading is the task, the content its target
        (
            _HEADED,
            [
                ("实施农村天然气村村通", "为1200个村庄、23万户接通天然气。年度计划实施17万户。"),
                ("改造敬老院设施,提升养老服务水平", "对全市13处公办敬老院安装自动喷淋系统。"),
            ],
        ),
        # the first line closes a sentence: no heading, the text is the task
        (
            _HEADED.replace("村村通\n", "村村通。\n").replace("养老服务水平\n", "养老服务水平。\n"),
            None,
        ),
        # first lines of one length: a column wrapped at a fixed width, no headings
        (
            "2030年安澜市民生实事完成情况\n\n"
            "一、实施农村天然气村村通工程为12\n00个村庄接通天然气。项目进展:已接通。(责任单位:市城管局)\n"
            "二、改造全市公办敬老院消防设施安装\n自动喷淋系统。项目进展:已完成。(责任单位:市民政局)\n",
            None,
        ),
        # one item only over several lines: no page of headings
        (
            _HEADED.replace("养老服务水平\n", "养老服务水平。"),
            None,
        ),
    ],
    ids=["heading-content", "sentence-first-line", "wrapped-column", "one-item"],
)
def test_an_item_heading_over_a_content_paragraph(page, want) -> None:
    """`一、heading` then a content paragraph, `项目进展:`, `(责任单位:…)` at the end: the
    heading is the task, the content its target (warned with the alternative), progress and
    units as labelled — on a page where every item of several lines has that shape."""
    doc = read_document(page.encode(), name="h.txt")
    assert doc.layout == "forms"
    assert all(t.units for t in doc.tasks)
    warned = any("heading over a content paragraph" in w.message for w in doc.warnings)
    if want is None:
        assert not warned
        assert R.TARGET not in roles(doc)
        assert all("\n" in t.text or t.text.endswith("。") for t in doc.tasks)
        return
    assert warned
    assert roles(doc) == [R.SERIAL, R.TASK, R.TARGET, R.DONE, R.UNITS]
    assert [(t.text, t.extra["内容及目标"]) for t in doc.tasks] == want
    assert [t.units for t in doc.tasks] == [["市城市管理局"], ["市民政局"]]
    assert doc.tasks[0].items[0].done == "至12月底,已接通17.2万户。"


# GLUED LABEL and the item's text over a content field (held11, fresh11 cause 5): a bulletin
# flattened onto one line, each (一) item's task glued to its 主要内容: field, its progress
# numbered 1. 2. inside the 完成情况: field; made up.
ONE_LINE_ITEMS = (
    "关于某县2031年民生实事项目督办情况的通报\n"
    "现将督办情况通报如下:一、基本情况。(一)推进危桥改造,提升群众出行安全水平主要内容:由县交通局"
    "牵头,计划改造危桥2座。完成情况:1.东桥已于5月完工。2.西桥已开标,预计12月开工。"
    "(二)建设城区停车场,缓解群众停车难题主要内容:由县住建局牵头,计划新增车位500个。"
    "完成情况:1.北区停车场已投用。2.南区停车场主体完工。"
)


def test_items_run_together_with_glued_content_labels():
    doc = read_document(ONE_LINE_ITEMS.encode(), name="forms.txt")
    assert doc.layout == "forms"
    assert [t.serial for t in doc.tasks] == ["(一)", "(二)"]
    assert [t.text for t in doc.tasks] == [
        "推进危桥改造,提升群众出行安全水平",
        "建设城区停车场,缓解群众停车难题",
    ]
    assert roles(doc)[:4] == [R.SERIAL, R.TASK, R.TARGET, R.DONE]
    assert doc.tasks[1].extra["内容及目标"] == "由县住建局牵头,计划新增车位500个。"
    done = ["".join(i.done for i in t.items) for t in doc.tasks]
    assert done[0] == "1.东桥已于5月完工。2.西桥已开标,预计12月开工。"


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a clause then a progress or content label glued to it
        ("推进危桥改造,提升群众出行安全水平主要内容:由县交通局牵头。", ["主要内容"]),
        ("全年新增城镇就业岗位一万个以上进展情况:已新增8000个。", ["进展情况"]),
        # a short run is the label's qualifier: one label, too long for a field, no cut
        ("1、规模工业产值完成情况:增长8%。", []),
        # a schedule label may end a task's wording: never cut off a glued run
        ("改建标准化菜市场4家项目具体实施进度为:一季度定标准。", []),
    ],
)
def test_glued_labels(text, labels):
    from luoshi.ingest.text.prose.formfields import _glued_fields

    assert [label for _, _, label in _glued_fields(text)] == labels
