"""The plan-in-prose text layout (luoshi/ingest/text/prose/): numbered paragraphs with unit
lines, read only when no table header is found."""

from __future__ import annotations

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.ingest.layout import GROUP_KEY

TITLE = "2021年市政府重点工作任务分解\n\n"

CASES = [
    # (name, body, [(serial, text, units, group)])
    (
        "unit lines, lead first",
        "1.生产总值增长 7%。\n\n责任单位:市发改委、市统计局\n\n"
        "2.新开工项目 40 个。\n\n责任单位:市发改委\n",
        [
            ("1", "生产总值增长 7%。", ["市发改委", "市统计局"], None),
            ("2", "新开工项目 40 个。", ["市发改委"], None),
        ],
    ),
    (
        "inline units, headings as groups",
        "一、稳定经济增长\n\n(一)扩大投资\n\n1、新开工项目40个。(责任单位:市发改委)\n\n"
        "(二)促进消费\n\n2、社会消费品零售总额增长8%。(牵头单位:市商务局;配合单位:市财政局)\n\n"
        "二、改善民生\n\n3.新增就业1万人。(责任单位:市人社局)\n",
        [
            ("1", "新开工项目40个。", ["市发改委"], "一、稳定经济增长 (一)扩大投资"),
            (
                "2",
                "社会消费品零售总额增长8%。",
                ["市商务局", "市财政局"],
                "一、稳定经济增长 (二)促进消费",
            ),
            ("3", "新增就业1万人。", ["市人社局"], "二、改善民生"),
        ],
    ),
    (
        "牵头单位 and 配合单位 lines",
        "1.建设城市公园。\n\n牵头单位:市建设局\n\n配合单位:市财政局、市自然资源局\n\n"
        "2.改造老旧小区。\n\n牵头单位:市住建局\n",
        [
            ("1", "建设城市公园。", ["市建设局", "市财政局", "市自然资源局"], None),
            ("2", "改造老旧小区。", ["市住建局"], None),
        ],
    ),
    (
        "closing notes naming parts; two items glued on one line",
        "一、主要目标\n\n(一)生产总值增长7%。(市发改委负责)(二)财政收入增长5%。"
        "(市财政局主办,市税务局协办)\n\n(三)新增就业1万人。(市人社局、市统计局分别负责)\n",
        [
            ("(一)", "生产总值增长7%。", ["市发改委"], "一、主要目标"),
            ("(二)", "财政收入增长5%。", ["市财政局", "市税务局"], "一、主要目标"),
            ("(三)", "新增就业1万人。", ["市人社局", "市统计局"], "一、主要目标"),
        ],
    ),
    (
        "a heading naming the lead unit; a 协同单位 line closing a group; a one-sentence section",
        "一、张某市长负责的工作\n\n全面负责政府工作。\n\n(一)市审计局牵头的工作\n\n"
        "加强审计监督。\n\n协同单位:市直各部门。\n\n(二)市编办牵头的工作\n\n"
        "1.深化机构改革。\n\n2.推进乡镇改革。\n\n协同单位:市财政局、市人社局。\n",
        [
            (
                "",
                "加强审计监督。",
                ["市审计局", "市直各部门"],
                "一、张某市长负责的工作 (一)市审计局牵头的工作",
            ),
            (
                "1",
                "深化机构改革。",
                ["市编办", "市财政局", "市人社局"],
                "一、张某市长负责的工作 (二)市编办牵头的工作",
            ),
            (
                "2",
                "推进乡镇改革。",
                ["市编办", "市财政局", "市人社局"],
                "一、张某市长负责的工作 (二)市编办牵头的工作",
            ),
        ],
    ),
    (
        "a unit list in brackets closing the task; a bracket that is not units stays",
        "1.实施办法(试行)落地见效。(市司法局)\n\n2.新建林道20公里。(市林业局、市交通局)\n",
        [
            ("1", "实施办法(试行)落地见效。", ["市司法局"], None),
            ("2", "新建林道20公里。", ["市林业局", "市交通局"], None),
        ],
    ),
    (
        "(1) numbering with unit lines in 【】; arabic lines inside a task are not tasks",
        "(1)建设城市公园。\n\n1.完成设计。\n\n2.开工建设。\n\n【责任单位】市建设局\n\n"
        "(2)改造老旧小区。\n\n主办单位:市住建局\n\n参与单位:市财政局\n",
        [
            ("1", "建设城市公园。\n1.完成设计。\n2.开工建设。", ["市建设局"], None),
            ("2", "改造老旧小区。", ["市住建局", "市财政局"], None),
        ],
    ),
    (
        "a field line with units among other fields; a heading '(一)X牵头' naming the lead",
        "(一)市发改委牵头\n\n1.推进重大项目。\n\n2.扩大有效投资。\n\n(二)市商务局牵头\n\n"
        "3.促进消费。\n\n牵头领导:张某;牵头单位:市商务局;配合单位:市财政局;完成时限:年底\n",
        [
            ("1", "推进重大项目。", ["市发改委"], "(一)市发改委牵头"),
            ("2", "扩大有效投资。", ["市发改委"], "(一)市发改委牵头"),
            ("3", "促进消费。", ["市商务局", "市财政局"], "(二)市商务局牵头"),
        ],
    ),
    (
        "a unit line heading a section; a role line; a closing note with another field",
        "一、经济发展\n\n牵头单位:市发改委\n\n1.推进重大项目。\n\n2.扩大有效投资。\n\n"
        "二、民生保障\n\n3.新增就业。\n\n市人社局牵头,市财政局配合。\n\n"
        "4.建设学校。(责任单位:市教育局;完成时限:年底)\n",
        [
            ("1", "推进重大项目。", ["市发改委"], "一、经济发展"),
            ("2", "扩大有效投资。", ["市发改委"], "一、经济发展"),
            ("3", "新增就业。", ["市人社局", "市财政局"], "二、民生保障"),
            ("4", "建设学校。", ["市教育局"], "二、民生保障"),
        ],
    ),
]


@pytest.mark.parametrize("body,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_prose_tasks(body: str, want: list) -> None:
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert doc.layout == "prose"
    got = [(t.serial, t.text, t.units, t.extra.get(GROUP_KEY)) for t in doc.tasks]
    assert got == want
    # (fields riding on a unit line add their own columns after these: see below)
    assert [str(c.role) for c in doc.columns][:3] == ["serial", "task", "units"]
    assert any("plan in prose" in w.message for w in doc.warnings)
    assert doc.meta.period is not None and str(doc.meta.period.kind) == "plan"
    assert doc.meta.year == 2021


def test_unnumbered_paragraphs_are_numbered_by_position_without_a_serial_column() -> None:
    body = "建设城市公园。\n\n责任单位:市建设局\n\n改造老旧小区。\n\n责任单位:市住建局\n"
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert [(t.serial, t.text, t.units) for t in doc.tasks] == [
        ("1", "建设城市公园。", ["市建设局"]),
        ("2", "改造老旧小区。", ["市住建局"]),
    ]
    assert [str(c.role) for c in doc.columns] == ["task", "units"]
    assert any("numbered 1, 2 by position" in w.message for w in doc.warnings)


def test_a_progress_title_is_not_the_plan() -> None:
    body = "1.新开工项目40个。\n\n责任单位:市发改委\n\n2.新增就业1万人。\n\n责任单位:市人社局\n"
    doc = read_document(("2021年重点工作任务分解落实情况\n\n" + body).encode(), name="p.txt")
    assert doc.layout == "prose"
    assert doc.meta.period is None or str(doc.meta.period.kind) != "plan"


def test_paragraphs_after_the_tasks_are_ignored_with_a_warning() -> None:
    body = (
        "1.新开工项目40个。\n\n责任单位:市发改委\n\n2.新增就业1万人。\n\n责任单位:市人社局\n\n"
        "抄送:市委办公室。\n"
    )
    doc = read_document((TITLE + body).encode(), name="p.txt")
    assert len(doc.tasks) == 2 and doc.tasks[-1].units == ["市人社局"]
    assert any("ignored" in w.message and "抄送" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "body,want",
    [
        (
            "1.新建幼儿园5所,新增学位1800个。\n\n2.改造老旧小区30个,惠及居民1.2万户。\n\n"
            "3.新增城市公园绿地面积20公顷以上。\n",
            [("1", []), ("2", []), ("3", [])],
        ),
        (  # numbering restarts under a new heading: still one list
            "一、民生实事\n\n1.新建幼儿园5所,新增学位1800个。\n\n2.改造老旧小区30个,惠及"
            "居民1.2万户。\n\n二、生态环境\n\n1.新增城市公园绿地面积20公顷以上。\n",
            [("1", []), ("2", []), ("1", [])],
        ),
        (  # (一) (二) (三) when no arabic list exists
            "(一)新建幼儿园5所,新增学位1800个。\n\n(二)改造老旧小区30个,惠及居民1.2万户。\n\n"
            "(三)新增城市公园绿地面积20公顷以上。\n",
            [("(一)", []), ("(二)", []), ("(三)", [])],
        ),
    ],
    ids=["民生实事", "restart", "(一)"],
)
def test_a_numbered_list_without_units_is_a_task_list(body: str, want: list) -> None:
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert doc.layout == "prose"
    assert [(t.serial, t.units) for t in doc.tasks] == want
    assert any("name no responsible units" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "line,units",
    [
        ("1.新建幼儿园5所。(责任处室:基教处、计财处)", ["基教处", "计财处"]),
        ("1.新建幼儿园5所。(牵头责任单位:市教育局)", ["市教育局"]),
        ("1.新建幼儿园5所。\n\n主责部门:市教育局", ["市教育局"]),
        ("1.新建幼儿园5所。(实施主体:各区政府)", ["各区政府"]),
    ],
    ids=["处室", "牵头责任单位", "主责部门 line", "实施主体"],
)
def test_unit_labels_are_a_part_word_then_an_organisation_word(line: str, units: list) -> None:
    other = "\n\n2.改造老旧小区30个。(责任单位:市住建局)\n"
    doc = read_document((TITLE + line + other).encode(), name="plan.txt")
    assert doc.tasks[0].units == units


@pytest.mark.parametrize(
    "body,units",
    [
        # a line holding only a unit list right after the task (labels lost in flattening)
        (
            "1.新建城市公园3个。\n\n市住建局、市财政局\n\n2.改造老旧小区30个。\n\n市住建局\n",
            [["市住建局", "市财政局"], ["市住建局"]],
        ),
        # unit notes in 【】
        (
            "1.新建城市公园3个。【市住建局】\n\n2.新增造林1万亩。【市林业局、市财政局】\n",
            [["市住建局"], ["市林业局", "市财政局"]],
        ),
        # fields separated by spaces only; the unit value ends where the next field starts
        (
            "1.新建城市公园3个。\n\n牵头领导:张某 责任单位:市住建局 完成时限:6月底\n\n"
            "2.改造老旧小区30个。\n\n牵头领导:李某 责任单位:市住建局、市财政局\n",
            [["市住建局"], ["市住建局", "市财政局"]],
        ),
    ],
    ids=["bare unit line", "【】 note", "space-separated fields"],
)
def test_unit_lines_without_the_usual_marks(body: str, units: list) -> None:
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert doc.layout == "prose"
    assert [t.units for t in doc.tasks] == units


def test_a_note_before_the_full_stop_closes_the_task() -> None:
    body = "1.新建城市公园3个(市住建局负责)。\n\n2.新增造林1万亩(牵头单位:市林业局)。\n"
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    got = [(t.text, t.units) for t in doc.tasks]
    assert got == [("新建城市公园3个。", ["市住建局"]), ("新增造林1万亩。", ["市林业局"])]


@pytest.mark.parametrize(
    ("note", "units"),
    [
        ("(由市住建局负责)", ["市住建局"]),
        ("(市住建局牵头负责)", ["市住建局"]),
        ("(由市住建局牵头,市财政局配合)", ["市住建局", "市财政局"]),
    ],
    ids=["由X负责", "X牵头负责", "由X牵头"],
)
def test_a_unit_note_saying_who_by_由_or_牵头负责(note: str, units: list[str]) -> None:
    """由 says who does it and 牵头负责 that X leads: neither is part of the unit's name."""
    body = f"1.新建城市公园3个。{note}\n\n2.新增造林1万亩。{note}\n"
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert [(t.text, t.units) for t in doc.tasks] == [
        ("新建城市公园3个。", units),
        ("新增造林1万亩。", units),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "一段没有表格的文字。\n\n第二段。\n",
        # one numbered paragraph with units is not yet the shape
        TITLE + "1.新开工项目40个。\n\n责任单位:市发改委\n\n2.新增就业。\n",
        # numbered paragraphs without unit lines: a letter's requirements, not tasks
        TITLE + "1.加强组织领导。\n\n2.强化督查考核。\n\n3.营造良好氛围。\n",
        # two numbered paragraphs without units are not yet a list
        TITLE + "1.新建幼儿园5所,新增学位1800个。\n\n2.改造老旧小区30个,惠及居民1万户。\n",
        # a list not numbered from 1 (an excerpt of a report's paragraphs)
        TITLE + "3.新建幼儿园5所,新增学位1800个。\n\n4.改造老旧小区30个,惠及居民1万户。\n\n"
        "5.新增城市公园绿地面积20公顷以上。\n",
        # numbered progress points (a progress cell of a table whose header is missing)
        TITLE + "1.截至6月底,已完成民生支出236亿元。\n\n2.累计完成投资12亿元,同比增长5%。\n\n"
        "3.截至6月底,已建成幼儿园3所,新增学位900个。\n",
        # (一) headings over a letter's requirements: slogans, not tasks
        TITLE + "(一)加强组织领导。\n\n(二)强化督查考核。\n\n(三)营造良好氛围。\n",
        # a lone serial line: a flattened table whose progress cells number their points
        "统筹财力保障民生。\n1.集中财力保障民生项目支出,民生支出236亿元。\n"
        "2.坚决落实过紧日子要求,草拟厉行节约若干措施。\n3.严把项目审核关,清理规范节庆活动。\n"
        "2\n严格控制一般性支出,压减非刚性支出。\n",
    ],
    ids=[
        "prose",
        "one task",
        "no units",
        "two bare",
        "not from 1",
        "progress points",
        "(一) slogans",
        "lone serial",
    ],
)
def test_other_text_is_still_no_table_header(text: str) -> None:
    with pytest.raises(IngestError, match="no table header found"):
        read_document(text.encode(), name="prose.txt")


# Items run together on one line (a page flattened to a single line), headings included.
RUN_TOGETHER = [
    (
        "(一)(二) after full stops, restarting under a new heading",
        "一、稳定增长\n\n(一)新建城市公园3个,绿地200公顷。(二)改造小区30个,惠及居民(含外来"
        "人口)1万户。(三)新增造林1万亩,森林覆盖率40%。\n\n二、改善民生\n\n(一)新增城镇就业"
        "1万人以上。(二)新建学校2所,新增学位1800个。\n",
        [
            ("(一)", "新建城市公园3个,绿地200公顷。"),
            ("(二)", "改造小区30个,惠及居民(含外来人口)1万户。"),
            ("(三)", "新增造林1万亩,森林覆盖率40%。"),
            ("(一)", "新增城镇就业1万人以上。"),
            ("(二)", "新建学校2所,新增学位1800个。"),
        ],
    ),
    (
        "headings and tasks on one line, separated by spaces, each with its unit note",
        "一、扩大内需 (一)促进消费。 1.落实消费券政策,增长1.5%。(市商务局牵头,市财政局配合) "
        "2.新建商业街区2个。(市住建局负责) 3.举办展会5场以上。(市贸促会负责)\n",
        [
            ("1", "落实消费券政策,增长1.5%。"),
            ("2", "新建商业街区2个。"),
            ("3", "举办展会5场以上。"),
        ],
    ),
]


@pytest.mark.parametrize(
    "body,want", [c[1:] for c in RUN_TOGETHER], ids=[c[0] for c in RUN_TOGETHER]
)
def test_items_run_together_on_one_line_are_split(body: str, want: list) -> None:
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert doc.layout == "prose"
    assert [(t.serial, t.text) for t in doc.tasks] == want


def test_run_together_units_and_groups() -> None:
    doc = read_document((TITLE + RUN_TOGETHER[1][1]).encode(), name="plan.txt")
    assert [t.units for t in doc.tasks] == [["市商务局", "市财政局"], ["市住建局"], ["市贸促会"]]
    assert doc.tasks[0].extra[GROUP_KEY] == "一、扩大内需 (一)促进消费。"


def test_a_number_inside_a_sentence_does_not_split_it() -> None:
    # "2.5" and "(2020年)" count on from nothing: one task each
    body = (
        "1.生产总值增长6%,居民收入增长 2.5倍。(市发改委负责) 2.完成(2020年)遗留项目3个。"
        "(市住建局负责)\n"
    )
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2"]


REPORT = "2021年重点工作上半年完成情况通报\n\n"

# A progress report written as a list: the unit field inside the paragraph, what follows it is
# the progress; or the progress opens at a sentence starting with the reporting period.
REPORT_CASES = [
    (
        "unit field after a clause, the rest is progress",
        "1、新建城市公园,牵头单位:市住建局。其中,东区公园进度较慢。\n\n"
        "2、老旧小区改造,牵头单位:市住建局。其中,北区开工较慢。\n",
        [
            ("1", "新建城市公园", ["市住建局"], "其中,东区公园进度较慢。"),
            ("2", "老旧小区改造", ["市住建局"], "其中,北区开工较慢。"),
        ],
        ["serial", "task", "lead_unit", "done"],
    ),
    (
        "the progress opens at a sentence starting with the period",
        "1.新开工项目40个。上半年,新开工项目25个。\n\n2.新增就业1万人。\n\n"
        "3.新建学校2所。截至6月底,已开工1所。\n",
        [
            ("1", "新开工项目40个。", [], "上半年,新开工项目25个。"),
            ("2", "新增就业1万人。", [], ""),
            ("3", "新建学校2所。", [], "截至6月底,已开工1所。"),
        ],
        ["serial", "task", "done"],
    ),
]


@pytest.mark.parametrize(
    "body,want,roles", [c[1:] for c in REPORT_CASES], ids=[c[0] for c in REPORT_CASES]
)
def test_a_progress_report_written_as_a_list(body: str, want: list, roles: list) -> None:
    doc = read_document((REPORT + body).encode(), name="report.txt")
    assert doc.layout == "prose"
    got = [(t.serial, t.text, t.units, t.items[0].done) for t in doc.tasks]
    assert got == want
    assert [str(c.role) for c in doc.columns] == roles
    assert any("progress report written as a list" in w.message for w in doc.warnings)


def test_in_a_plan_a_unit_field_mid_paragraph_keeps_the_rest_in_the_task() -> None:
    body = (
        "1、新建城市公园,牵头单位:市住建局。年底前建成开放。\n\n"
        "2、老旧小区改造,牵头单位:市住建局。惠及居民1万户。\n"
    )
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert [(t.text, t.units) for t in doc.tasks] == [
        ("新建城市公园\n年底前建成开放。", ["市住建局"]),
        ("老旧小区改造\n惠及居民1万户。", ["市住建局"]),
    ]
    assert [str(c.role) for c in doc.columns] == ["serial", "task", "lead_unit"]
    # a plan's sentence starting with a period word stays in the task
    body = (
        "1.新开工项目40个。上半年开工20个。(责任单位:市发改委)\n\n2.新增就业。(责任单位:市人社局)\n"
    )
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert doc.tasks[0].text == "新开工项目40个。上半年开工20个。"


def test_a_closing_line_names_the_unit_of_the_items_above_it() -> None:
    body = (
        "上述项目由市园林局牵头负责。\n\n"  # closes a block above the excerpt: no item
        "一、改善居住环境\n\n"
        "新建城市公园3个。进度安排:二季度开工;四季度建成开放。\n\n"
        "改造老旧小区30个。进度安排:三季度完成设计;年底完工。\n\n"
        "上述项目由市住建局牵头负责。\n\n"
        "新增公交线路5条。时间节点:6月底前开通3条。\n\n"
        "以上工作由市交通局负责落实。\n"
    )
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert doc.layout == "prose"
    got = [(t.text, t.units, t.extra.get("进度安排")) for t in doc.tasks]
    assert got == [
        ("新建城市公园3个。", ["市住建局"], "二季度开工;四季度建成开放。"),
        ("改造老旧小区30个。", ["市住建局"], "三季度完成设计;年底完工。"),
        ("新增公交线路5条。", ["市交通局"], "6月底前开通3条。"),
    ]
    assert [str(c.role) for c in doc.columns] == ["task", "target", "units"]


@pytest.mark.parametrize(
    "body",
    [
        "1.新開工項目40個。\n\n責任單位:市發改委\n\n2.新增就業1萬人。\n\n責任單位:市人社局\n",
        "1.新開工項目40個。(牽頭單位:市發改委)\n\n2.新增就業1萬人。(牽頭單位:市人社局)\n",
        "1.新開工項目40個。(市發改委負責)\n\n2.新增就業1萬人。(市人社局負責)\n",
    ],
    ids=["label line", "label note", "role word"],
)
def test_unit_labels_in_traditional_characters(body: str) -> None:
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert doc.layout == "prose"
    # the labels are read; the text and the unit names stay as written
    assert [(t.text, t.units) for t in doc.tasks] == [
        ("新開工項目40個。", ["市發改委"]),
        ("新增就業1萬人。", ["市人社局"]),
    ]


# More spellings of the same list: other markers, a label set off by spaces, a heading that
# names its section's unit in a note.
VARIANTS = [
    (
        "1) markers",
        "1)新开工项目40个。(责任单位:市发改委)\n\n2)新增就业1万人。(责任单位:市人社局)\n",
        [
            ("1", "新开工项目40个。", ["市发改委"], None),
            ("2", "新增就业1万人。", ["市人社局"], None),
        ],
    ),
    (
        "第一项 markers",
        "第一项 新开工项目40个。(责任单位:市发改委)\n\n第二项 新增就业1万人。(责任单位:市人社局)\n",
        [
            ("一", "新开工项目40个。", ["市发改委"], None),
            ("二", "新增就业1万人。", ["市人社局"], None),
        ],
    ),
    (
        "bullets",
        "● 新开工项目40个。(责任单位:市发改委)\n\n● 新增就业1万人。(责任单位:市人社局)\n",
        [
            ("1", "新开工项目40个。", ["市发改委"], None),
            ("2", "新增就业1万人。", ["市人社局"], None),
        ],
    ),
    (
        "a unit label set off by spaces",
        "1.新开工项目40个。\n\n责任单位  市发改委\n\n2.新增就业1万人。\n\n责任单位 市人社局\n",
        [
            ("1", "新开工项目40个。", ["市发改委"], None),
            ("2", "新增就业1万人。", ["市人社局"], None),
        ],
    ),
    (
        "a heading naming its section's unit in a note",
        "一、稳定增长(牵头单位:市发改委)\n\n1.新开工项目40个。\n\n2.完成投资100亿元。\n\n"
        "二、改善民生(牵头单位:市人社局)\n\n3.新增就业1万人。\n",
        [
            ("1", "新开工项目40个。", ["市发改委"], "一、稳定增长"),
            ("2", "完成投资100亿元。", ["市发改委"], "一、稳定增长"),
            ("3", "新增就业1万人。", ["市人社局"], "二、改善民生"),
        ],
    ),
]


@pytest.mark.parametrize("body,want", [c[1:] for c in VARIANTS], ids=[c[0] for c in VARIANTS])
def test_list_spellings(body: str, want: list) -> None:
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert doc.layout == "prose"
    assert [(t.serial, t.text, t.units, t.extra.get(GROUP_KEY)) for t in doc.tasks] == want


def test_a_word_after_第一_is_no_marker() -> None:
    # 第一批 / 第一季度 are words, not list markers: the paragraph is one task's text
    body = "1.第一批新开工项目40个。(责任单位:市发改委)\n\n2.第一季度新增就业1万人。(责任单位:市人社局)\n"
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert [t.text for t in doc.tasks] == ["第一批新开工项目40个。", "第一季度新增就业1万人。"]


@pytest.mark.parametrize(
    "body,roles",
    [
        (
            "1.建设公园。\n\n牵头单位:市建设局\n\n责任单位:各区政府\n\n"
            "2.改造小区。\n\n牵头单位:市住建局\n\n责任单位:各区政府\n",
            ["lead_unit", "units"],
        ),
        ("1.建设公园。(牵头单位:市建设局)\n\n2.改造小区。(牵头单位:市住建局)\n", ["lead_unit"]),
        (
            "1.建设公园。(牵头单位:市建设局;配合单位:市财政局)\n\n"
            "2.改造小区。(牵头单位:市住建局)\n",
            ["units"],
        ),
        ("1.建设公园。(责任单位:市建设局)\n\n2.改造小区。(市住建局负责)\n", ["units"]),
    ],
    ids=["牵头 and 责任 lines", "牵头 only", "牵头 and 配合", "责任 and notes"],
)
def test_the_unit_columns_follow_the_pages_labels(body: str, roles: list) -> None:
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert [str(c.role) for c in doc.columns] == ["serial", "task", *roles]
    assert doc.tasks[0].units[0] == "市建设局"


def test_a_unit_value_ends_before_the_next_field_after_a_full_stop() -> None:
    body = (
        "1.新建公园3个。责任单位:市建设局。完成时限:年底。\n\n"
        "2.新增公交线路5条。责任单位:市交通局。完成时限:6月底。\n"
    )
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert [t.units for t in doc.tasks] == [["市建设局"], ["市交通局"]]


def test_a_bracketed_unit_note_before_the_progress_in_a_report() -> None:
    body = (
        "1.新建公园3个。(责任单位:市建设局)上半年已建成1个。\n\n"
        "2.新增公交线路5条。(责任单位:市交通局)截至6月底开通3条。\n"
    )
    doc = read_document((REPORT + body).encode(), name="report.txt")
    got = [(t.text, t.units, t.items[0].done) for t in doc.tasks]
    assert got == [
        ("新建公园3个。", ["市建设局"], "上半年已建成1个。"),
        ("新增公交线路5条。", ["市交通局"], "截至6月底开通3条。"),
    ]


def test_sub_measures_on_the_tasks_line_stay_as_written() -> None:
    body = (
        "1.推进城市更新。(1)改造小区30个;(2)新建公园3个。(责任单位:市住建局)\n\n"
        "2.新增城镇就业1万人以上。(责任单位:市人社局)\n"
    )
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert doc.tasks[0].text == "推进城市更新。(1)改造小区30个;(2)新建公园3个。"
    assert doc.tasks[0].units == ["市住建局"]


def test_points_under_an_open_task_are_its_text() -> None:
    body = (
        "1.推进城市更新。\n\n(一)改造老旧小区30个。\n\n(二)新建城市公园3个。\n\n责任单位:市住建局\n\n"
        "2.新增城镇就业1万人以上。\n\n责任单位:市人社局\n"
    )
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert [(t.serial, t.text, t.units) for t in doc.tasks] == [
        ("1", "推进城市更新。\n(一)改造老旧小区30个。\n(二)新建城市公园3个。", ["市住建局"]),
        ("2", "新增城镇就业1万人以上。", ["市人社局"]),
    ]


def test_fields_riding_with_the_units_are_kept_as_cells() -> None:
    body = (
        "1.促进消费。\n\n牵头领导:张某;牵头单位:市商务局;完成时限:年底\n\n"
        "2.建设学校。(责任单位:市教育局;完成时限:6月底)\n"
    )
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert [(c.header, str(c.role)) for c in doc.columns] == [
        ("序号", "serial"),
        ("任务内容", "task"),
        ("责任单位", "units"),
        ("牵头领导", "leader"),
        ("完成时限", "deadline"),
    ]
    got = [(t.text, t.units, t.extra["牵头领导"], t.extra["完成时限"]) for t in doc.tasks]
    assert got == [
        ("促进消费。", ["市商务局"], "张某", "年底"),
        ("建设学校。", ["市教育局"], "", "6月底"),
    ]


@pytest.mark.parametrize(
    ("lead", "co"),
    [
        ("牵头责任单位", "协同责任单位"),
        ("牵头部门", "配合部门"),
        ("主办单位", "协办单位"),
        ("牵头单位", "参与单位"),
    ],
)
def test_lead_and_co_unit_lines_of_every_spelling(lead: str, co: str) -> None:
    """A lead-unit line then a co-unit line under each item, whatever words name them: the
    units lead first, the task text without the lines."""
    items = [("新建公园3个。", "市建设局", "市财政局"), ("新增公交线路5条。", "市交通局", "市公安局")]
    items.append(("改造老旧小区10个。", "市住建局", "市财政局"))
    lines = ["安澜市2031年重点工作责任分解"]
    for n, (task, a, b) in enumerate(items, 1):
        lines += [f"{n}. {task}", f"{lead}:{a}。", f"{co}:{b}。"]
    doc = read_document(("\n".join(lines) + "\n").encode(), name="t.txt")
    assert [(t.text, t.units) for t in doc.tasks] == [(t, [a, b]) for t, a, b in items]


# One task whose note names its units by their part (牵头/配合), then the next item of its
# numbering (the page cut off, or the other items without a note): a list, said in a warning.
ONE_ROLE_NOTE = TITLE + (
    "1.新建城市公园3个,绿地200公顷。(市住建局牵头,市财政局等部门配合)\n\n"
    "2.改造老旧小区30个,惠及居民\n"
)


def test_one_task_naming_its_units_by_their_part_opens_a_list() -> None:
    doc = read_document(ONE_ROLE_NOTE.encode(), name="plan.txt")
    assert doc.layout == "prose"
    assert [(t.serial, t.units) for t in doc.tasks] == [
        ("1", ["市住建局", "市财政局等部门"]),
        ("2", []),
    ]
    assert doc.tasks[0].text == "新建城市公园3个,绿地200公顷。"
    assert any("only task 1 names its units" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "text",
    [
        # the note names units but not their part: one task is not yet a list
        TITLE + "1.新建城市公园3个。(市住建局)\n\n2.改造老旧小区30个。\n",
        # the numbering does not count on from the task (1. then 3.)
        TITLE + "1.新建城市公园3个。(市住建局牵头,市财政局配合)\n\n3.改造老旧小区30个。\n",
        # a role note with nothing after it
        TITLE + "1.新建城市公园3个。(市住建局牵头,市财政局配合)\n",
    ],
    ids=["no role word", "not counting on", "alone"],
)
def test_one_role_note_needs_the_next_item(text: str) -> None:
    with pytest.raises(IngestError):
        read_document(text.encode(), name="plan.txt")


REPORT_TITLE = "2030年安澜市重点工作任务推进情况\n\n"


def _done(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.text, t.units, [i.done for i in t.items if i.done]) for t in doc.tasks]


def test_a_reports_progress_paragraph_under_the_unit_line_is_the_tasks_progress() -> None:
    body = (
        "1.新建城市公园3个。\n责任单位:市建设局\n目前已建成2个,第3个完成主体工程。\n\n"
        "2.改造老旧小区30个。\n责任单位:市住建局\n截至6月底,已开工18个。\n\n"
        "下一步,各单位要加快进度,确保完成全年任务。\n"
    )
    doc = read_document((REPORT_TITLE + body).encode(), name="report.txt")
    assert _done(doc) == [
        ("新建城市公园3个。", ["市建设局"], ["目前已建成2个,第3个完成主体工程。"]),
        ("改造老旧小区30个。", ["市住建局"], ["截至6月底,已开工18个。"]),
    ]
    # the closing requirements are nobody's progress
    assert any("neither a task" in w.message for w in doc.warnings)


def test_in_a_plan_a_paragraph_under_the_unit_line_is_not_progress() -> None:
    body = (
        "1.新建城市公园3个。\n责任单位:市建设局\n目前已建成2个。\n\n"
        "2.改造老旧小区30个。\n责任单位:市住建局\n"
    )
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert all(not i.done for t in doc.tasks for i in t.items)


def test_a_sentence_naming_units_by_their_part_ends_the_task() -> None:
    body = (
        "1.新建城市公园3个。市建设局牵头,市财政局配合。目前已建成2个。\n\n"
        "2.改造老旧小区30个。市住建局牵头。截至6月底,已开工18个。\n"
    )
    doc = read_document((REPORT_TITLE + body).encode(), name="report.txt")
    assert _done(doc) == [
        ("新建城市公园3个。", ["市建设局", "市财政局"], ["目前已建成2个。"]),
        ("改造老旧小区30个。", ["市住建局"], ["截至6月底,已开工18个。"]),
    ]


def test_a_sentence_of_requirements_is_no_unit() -> None:
    from luoshi.ingest.text.prose.items import role_sentence as _role_sentence

    assert _role_sentence("新建城市公园3个。各部门要密切配合。") is None


def test_a_field_in_brackets_after_the_task_is_a_field() -> None:
    body = (
        "1、新建城市公园3个(责任单位:市建设局)。进展情况:已建成2个。\n"
        "2、改造老旧小区30个(责任单位:市住建局)。进展情况:已开工18个。\n"
    )
    doc = read_document((REPORT_TITLE + body).encode(), name="forms.txt")
    assert _done(doc) == [
        ("新建城市公园3个", ["市建设局"], ["已建成2个。"]),
        ("改造老旧小区30个", ["市住建局"], ["已开工18个。"]),
    ]


def test_paragraphs_closing_with_a_role_sentence_are_tasks_without_numbers() -> None:
    body = (
        "2030级新生入学率达到98%。市教育局牵头,市财政局配合。\n\n"
        "新建城市公园3个。市建设局牵头。\n"
    )
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert [(t.text, t.units) for t in doc.tasks] == [
        ("2030级新生入学率达到98%。", ["市教育局", "市财政局"]),
        ("新建城市公园3个。", ["市建设局"]),
    ]


def test_a_serial_followed_by_a_year_is_a_serial() -> None:
    body = (
        "1.新建城市公园3个。(市建设局牵头,市财政局配合)\n\n"
        "2.2030年底前完成老旧小区改造30个。(市住建局牵头)\n\n"
        "3、2031年建成体育馆。(市体育局牵头)\n\n4.人均绿地增加1.5平方米。(市建设局负责)\n"
    )
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert [(t.serial, t.text) for t in doc.tasks] == [
        ("1", "新建城市公园3个。"),
        ("2", "2030年底前完成老旧小区改造30个。"),
        ("3", "2031年建成体育馆。"),
        ("4", "人均绿地增加1.5平方米。"),
    ]


@pytest.mark.parametrize(
    ("attachments", "first"),
    [
        # an attachment list naming documents: not tasks
        ("附件:1.2030年重点工作任务分解\n2.2030年民生实事任务分解\n\n", "1"),
        # the task list itself right under 附件:
        ("附件:\n\n", "1"),
    ],
    ids=["attachment list", "list under 附件"],
)
def test_a_notices_attachment_list_is_not_tasks(attachments: str, first: str) -> None:
    body = (
        "1.新建城市公园3个。\n\n责任单位:市建设局\n\n2.改造老旧小区30个。\n\n责任单位:市住建局\n"
    )
    doc = read_document((TITLE + attachments + body).encode(), name="plan.txt")
    assert [(t.serial, t.units) for t in doc.tasks] == [("1", ["市建设局"]), ("2", ["市住建局"])]


def test_one_task_with_a_lead_unit_line_then_the_next_item_is_a_list() -> None:
    body = "1.新建城市公园3个。\n\n牵头单位:市建设局\n\n配合单位:市财政局\n\n2.改造老旧小区30个,惠及\n"
    doc = read_document((TITLE + body).encode(), name="plan.txt")
    assert [(t.serial, t.units) for t in doc.tasks] == [("1", ["市建设局", "市财政局"]), ("2", [])]


@pytest.mark.parametrize(
    ("paragraph", "task", "units"),
    [
        # a bracket glued to the dashed unit is its other name
        ("实施国企改革行动——市财政局(市国资委)", "实施国企改革行动", ["市财政局(市国资委)"]),
        # a dash inside the task, the closing bracket its note
        ("新建公园——提升绿化(市住建局牵头)", "新建公园——提升绿化", ["市住建局"]),
    ],
)
def test_dash_units_and_closing_notes(paragraph: str, task: str, units: list) -> None:
    from luoshi.ingest.text.prose.items import unit_note

    note = unit_note(paragraph)
    assert note is not None and note[0] == task and note[1] + note[2] == units


def test_a_report_in_traditional_characters_with_role_sentences() -> None:
    text = (
        "2030年安瀾市重點工作任務推進情況\n\n"
        "1.新建城市公園3個。市建設局牽頭,市財政局配合。目前已建成2個。\n\n"
        "2.改造老舊小區30個。市住建局牽頭。截至6月底,已開工18個。\n"
    )
    doc = read_document(text.encode(), name="report.txt")
    assert _done(doc) == [
        ("新建城市公園3個。", ["市建設局", "市財政局"], ["目前已建成2個。"]),
        ("改造老舊小區30個。", ["市住建局"], ["截至6月底,已開工18個。"]),
    ]


_VOTED = "青禾县2030年民生实事项目票决结果公告\n\n本次会议票决产生2030年民生实事项目如下:\n\n"


@pytest.mark.parametrize(
    ("body", "tasks"),
    [
        # one-clause items numbered 一、二、三、 with nothing between them: a list
        (
            "一、新建城区公办幼儿园3所;\n二、改造提升农村公路50公里;\n三、实施老旧小区改造12个;\n"
            "四、建设城乡供水一体化工程。\n\n青禾县人民代表大会\n",
            ["新建城区公办幼儿园3所;", "改造提升农村公路50公里;", "实施老旧小区改造12个;"],
        ),
        # paragraphs of requirements (sentences) numbered 一、二、三、: no list
        (
            "一、提高认识。各单位要高度重视。\n二、加强领导。主要负责人要亲自抓。\n"
            "三、严格督查。县督查室要定期通报。\n",
            None,
        ),
        # headings with paragraphs under them: no bare list (a report's or a notice's
        # sections) — but under an opening announcing 实事 they are its points, each task
        # with its paragraph (luoshi.ingest.text.prose.points; a plan: the paragraph is text)
        (
            "一、新建城区公办幼儿园3所\n选址已确定。\n二、改造提升农村公路50公里\n正在招标。\n"
            "三、实施老旧小区改造12个\n方案已编制。\n",
            ["新建城区公办幼儿园3所\n选址已确定。", "改造提升农村公路50公里\n正在招标。",
             "实施老旧小区改造12个\n方案已编制。"],
        ),
    ],
    ids=["list", "requirements", "headings"],
)
def test_a_bare_list_numbered_in_chinese(body: str, tasks: list[str] | None) -> None:
    try:
        doc = read_document((_VOTED + body).encode(), name="voted.txt")
    except IngestError:
        assert tasks is None
        return
    assert tasks is not None, f"read as {doc.layout}: {[t.text for t in doc.tasks]}"
    # one-clause items are a bare prose list; items over paragraphs are points
    assert doc.layout == ("point-list" if "\n" in tasks[0] else "prose")
    assert [t.text for t in doc.tasks][:3] == tasks
    assert [t.serial for t in doc.tasks][:3] == ["一", "二", "三"]
    # no unit column in a bare list: the signature line under it is no task's units
    assert all(not t.units for t in doc.tasks)


_BARE = "青禾县2030年民生实事项目\n\n县人代会票决通过2030年民生实事项目3个,分别为:\n\n"


@pytest.mark.parametrize(
    ("body", "last", "trimmed"),
    [
        # a platform's notice under a list of one-line items: not the last item's text
        (
            "1.高标准农田及和美乡村建设项目;\n2.住宅小区用电安全改造及充电设施建设项目;\n"
            "3.公共文化惠民项目。\n特别声明:以上内容为自媒体平台用户上传并发布,本平台仅提供信息存储服务。\n"
            "Notice: The content above is uploaded by a user.\n",
            "公共文化惠民项目。",
            2,
        ),
        # every item has a line under it: the last one's is its text too
        (
            "1.高标准农田建设项目;\n新建农田1万亩。\n2.市政道路优化提升项目;\n改造道路5条。\n"
            "3.公共文化惠民项目。\n举办演出200场。\n",
            "公共文化惠民项目。\n举办演出200场。",
            0,
        ),
    ],
    ids=["notice-below", "each-item-two-lines"],
)
def test_the_last_item_of_a_bare_list_has_as_many_paragraphs_as_the_others(
    body: str, last: str, trimmed: int
) -> None:
    doc = read_document((_BARE + body).encode(), name="bare.txt")
    assert len(doc.tasks) == 3
    assert doc.tasks[-1].text == last
    said = [w.message for w in doc.warnings if "below the last item" in w.message]
    assert [m.split(" ", 1)[0] for m in said] == ([str(trimmed)] if trimmed else [])
