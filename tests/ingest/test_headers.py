import pytest

from luoshi.ingest.headers import columns_from_headers, header_role, header_roles
from luoshi.ingest.headerwords import split_header_words
from luoshi.vocab import ColumnRole as R

CASES = [
    ("序号", False, R.SERIAL),
    ("任务内容", False, R.TASK),
    ("重 点 工 作", False, R.TASK),
    ("工作内容", False, R.TASK),
    ("主要任务", False, R.TASK),
    ("目标任务", False, R.TASK),
    ("内容与要求", False, R.TASK),
    ("工作事项", False, R.TASK),
    ("实事内容", False, R.TASK),
    ("重 点 工 作 任 务", False, R.TASK),
    ("责任单位", True, R.UNITS),
    ("责任主体与协同单位", True, R.UNITS),
    ("牵头单位", True, R.LEAD_UNIT),
    ("配合单位", True, R.CO_UNITS),
    ("协同责任单位", True, R.CO_UNITS),
    ("牵头责任单位", True, R.LEAD_UNIT),
    ("牵头负责领导", True, R.LEADER),
    ("包保领导", True, R.LEADER),
    ("分管副市长", True, R.LEADER),
    ("加强组织领导", True, R.OTHER),
    ("进度安排", True, R.TARGET),
    ("年度计划", True, R.TARGET),
    ("问题及建议", True, R.PROBLEMS),
    ("需协调解决的问题", True, R.PROBLEMS),
    ("主责部门", True, R.LEAD_UNIT),
    ("主管部门", True, R.UNITS),
    ("实事名称", False, R.TASK),
    ("考核内容", False, R.TASK),
    ("牵头领导", True, R.LEADER),
    ("责任领导", True, R.LEADER),
    ("区政府分管领导", True, R.LEADER),
    ("半年度目标任务", True, R.TARGET),
    ("全年目标任务", True, R.TARGET),
    ("一季度目标", True, R.TARGET),
    ("前三季度完成情况", True, R.DONE),
    ("三季度进展情况", True, R.DONE),
    ("1-11月完成情况", True, R.DONE),
    ("当前完成情况", True, R.DONE),
    # a bare 进度 column holds progress; a share of the target in per cent is a status
    ("进度", True, R.DONE),
    ("完成目标(%)", True, R.DECLARED_STATUS),
    ("进度（%）", True, R.DECLARED_STATUS),
    ("投资额(%)", True, R.OTHER),
    # more words offices use for the same columns
    ("主要内容", False, R.TASK),
    ("任务名称", False, R.TASK),
    ("重点任务", False, R.TASK),
    ("实事项目", False, R.TASK),
    ("目标要求", False, R.TASK),
    ("目标要求", True, R.TARGET),
    ("年度任务", True, R.TARGET),
    ("责任处室", True, R.UNITS),
    ("牵头处室", True, R.LEAD_UNIT),
    ("协同部门", True, R.CO_UNITS),
    ("市领导", True, R.LEADER),
    ("是否完成", True, R.DECLARED_STATUS),
    ("工作成效", True, R.DONE),
    ("存在问题及困难", True, R.PROBLEMS),
    ("存在问题", True, R.PROBLEMS),
    ("下一步工作", True, R.NEXT_STEPS),
    ("下步打算", True, R.NEXT_STEPS),
    ("是否达序", True, R.DECLARED_STATUS),
    ("形象进度", True, R.DECLARED_STATUS),
    ("进展状态", True, R.DECLARED_STATUS),
    ("累计进度", True, R.DECLARED_STATUS),  # a rate or a status word: how far in all
    ("累计完成", True, R.ACTUAL),  # the figure achieved so far
    ("累计完成情况", True, R.DONE),  # … but its 情况 is the progress text
    ("备注", True, R.REMARKS),
]


@pytest.mark.parametrize(("header", "have_task", "role"), CASES)
def test_header_role(header, have_task, role):
    assert header_role(header, have_task) is role


def test_target_word_is_the_task_column_when_no_task_column_yet():
    cols, warnings = columns_from_headers(["序号", "目标任务", "责任领导", "责任单位"])
    assert [c.role for c in cols] == [R.SERIAL, R.TASK, R.LEADER, R.UNITS]
    assert warnings == []


def test_unknown_header_kept_as_other_with_warning():
    cols, warnings = columns_from_headers(["序号", "重 点 工 作", "级 别"])
    assert cols[1].header == "重点工作"
    assert cols[2].header == "级别" and cols[2].role is R.OTHER
    assert len(warnings) == 1 and "级别" in warnings[0]


# Header normalisation: traditional characters, pinyin glosses, spaces; new roles.
KEY_CASES = [
    ("序號", False, R.SERIAL),
    ("序號(hào)", False, R.SERIAL),
    ("責 任 單 位", True, R.UNITS),
    ("牽頭領導", True, R.LEADER),
    ("進展情況", True, R.DONE),
    ("类 别", False, R.CATEGORY),
    ("工程名称", False, R.CATEGORY),
    ("完成时限", True, R.DEADLINE),
    ("时间节点", True, R.DEADLINE),
    ("已完成数", True, R.ACTUAL),
    ("完成投资额(万元)", True, R.ACTUAL),
    ("项目责任人", True, R.PERSON),
    ("完成率", True, R.DECLARED_STATUS),
    ("备 注", True, R.REMARKS),
    ("重点督办内容", False, R.TASK),
    ("当前进度", True, R.DONE),
    ("进展情况、存在问题及下一步打算", True, R.DONE),  # one merged progress column
    ("实际完成情况", True, R.DONE),
]


@pytest.mark.parametrize(("header", "have_task", "role"), KEY_CASES)
def test_header_role_after_normalisation(header, have_task, role):
    assert header_role(header, have_task) is role


SPLIT_CASES = [
    ("序号工作任务牵头单位完成情况", ["序号", "工作任务", "牵头单位", "完成情况"]),
    (
        "类别序号督办内容责任单位全年完成情况",
        ["类别", "序号", "督办内容", "责任单位", "全年完成情况"],
    ),
    ("序号 目标任务 责任单位", ["序号", "目标任务", "责任单位"]),  # one word, not 目标 + 任务
    ("当前进度牵头单位", ["当前进度", "牵头单位"]),  # two columns glued
    ("序号内容与要求完成情况", ["序号", "内容与要求", "完成情况"]),
    ("进展情况及存在问题备注", ["进展情况及存在问题", "备注"]),  # merged column, then another
    ("序号天气很好", None),  # not all header words
    ("", None),
]


@pytest.mark.parametrize(("text", "words"), SPLIT_CASES)
def test_split_header_words(text, words):
    assert split_header_words(text) == words


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("序号工作任务", True),
        ("序 號 項目", True),
        ("类别序号", True),
        ("工程名称 序号", True),
        ("1地区生产总值", False),
        ("重点工作", False),
    ],
)
def test_opens_with_first_column(line, opens):
    from luoshi.ingest.headerwords import opens_with_first_column

    assert opens_with_first_column(line) is opens


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a match must close its word: no letters of the next word hang on it
        (
            "序号任务内容前三季度完成情况存在问题及困难下一步工作",
            ["序号", "任务内容", "前三季度完成情况", "存在问题及困难", "下一步工作"],
        ),
        # a tail word (任务) is not taken as the qualifier of the next word
        ("序号重点工作任务牵头领导牵头单位", ["序号", "重点工作任务", "牵头领导", "牵头单位"]),
    ],
)
def test_split_header_words_closing_matches(text, words):
    assert split_header_words(text) == words


def test_two_item_names_joined_inside_one_name_are_not_a_merged_column():
    assert header_role("存在问题及困难", True) is R.PROBLEMS
    assert header_role("存在问题及困难下一步工作", True) is not R.DONE


@pytest.mark.parametrize(
    ("cells", "merged"),
    [
        # a unit of measurement wrapped onto a line of its own ends the header before it
        (["进度", "完成目标", "(%)", "备注"], ["进度", "完成目标(%)", "备注"]),
        (["目标任务", "(万元)", "责任单位"], ["目标任务(万元)", "责任单位"]),
        # a bracketed text that is no unit of measurement is not joined
        (["责任单位", "(牵头单位列第一)", "备注"], ["责任单位", "(牵头单位列第一)", "备注"]),
    ],
)
def test_measure_cells_join_the_header_before(cells: list[str], merged: list[str]) -> None:
    from luoshi.ingest.text.cellheader import merge_split_headers as _merge_split_headers

    assert _merge_split_headers(cells) == merged


@pytest.mark.parametrize(
    ("header", "have_task", "role"),
    [
        # by meaning, as other offices name the same columns
        ("具体内容", False, "task"),
        ("建设内容及规模", False, "task"),
        ("事项名称", False, "task"),
        ("任务事项", False, "task"),
        ("存在的困难", True, "problems"),
        ("是否按序时推进", True, "declared_status"),
        ("完成百分比", True, "declared_status"),
        ("自评等次", True, "declared_status"),
        ("总投资", True, "other"),  # the project's size, not the period's target
        ("年度计划投资", True, "target"),
        ("指标名称", False, "other"),  # heads indicator matrices (one column per place)
        # a unit of measurement after the name names no other column
        ("年度计划投资(万元)", True, "target"),
        ("1-6月完成投资(万元)", True, "actual"),
        ("完成目标(%)", True, "declared_status"),  # (%): a share, by its own rule
        # an alternative written into a word (投(筹)资) is compared as the word
        ("完成投(筹)资", True, "actual"),
        ("投(筹)资完成率", True, "declared_status"),
        ("实施情况", True, "done"),
        # a content column qualified by the plan year, beside the task: that year's target
        ("2031年建设内容", True, "target"),
        ("年度工作内容", True, "target"),
        ("2031年建设内容", False, "task"),
    ],
)
def test_more_column_names_by_meaning(header: str, have_task: bool, role: str) -> None:
    from luoshi.ingest.headers import header_role

    assert header_role(header, have_task).value == role


@pytest.mark.parametrize(
    ("headers", "roles"),
    [
        # one target per row: a planned amount beside a target of its own words is a figure
        (["项目名称", "2031年建设内容", "年度计划投资"], ["task", "target", "other"]),
        # alone, the planned amount is the row's target
        (["项目名称", "年度计划投资", "完成投资"], ["task", "target", "actual"]),
    ],
)
def test_one_target_per_row(headers: list[str], roles: list[str]) -> None:
    from luoshi.ingest.headers import header_roles

    assert [r.value for r in header_roles(headers)] == roles


@pytest.mark.parametrize(
    ("words", "width", "want"),
    [
        # rows one wider than the header: the glued cell is cut where the vocabulary says
        (["序号", "重点任务", "当前进度牵头单位"], 4, ["序号", "重点任务", "当前进度", "牵头单位"]),
        # rows as wide as the header: nothing to cut
        (["序号", "重点任务", "当前进度牵头单位"], 3, None),
        # 目标任务 is one header, not 目标 + 任务 (a space inside a task made the row wider)
        (["序号", "目标任务", "责任单位"], 4, None),
        # no cut gives the rows' width
        (["序号", "重点任务", "当前进度牵头单位"], 6, None),
    ],
)
def test_unglue_header(words: list[str], width: int, want: list[str] | None) -> None:
    from luoshi.ingest.headerwords import unglue_header

    assert unglue_header(words, width) == want


def test_may_be_serial_rules_out_no_serial_header() -> None:
    """``may_be_serial`` (a pre-test before ``header_role`` in the header search) is sound:
    every character of the ranges it lets pass unexamined converts (NFKC, traditional to
    simplified, as header keys are made) to none of 序 编 n N, every serial word holds one of
    those, and serial headers in every spelling pass it."""
    import re
    import unicodedata

    from luoshi.ingest.headers import _RULES, may_be_serial, may_be_serial_pattern
    from luoshi.ingest.script import to_simplified

    ranges = [(0x00, 0x80), (0x2000, 0x2070), (0x3000, 0x3040), (0x4E00, 0xA000), (0xFF01, 0xFF61)]
    for lo, hi in ranges:
        for cp in range(lo, hi):
            ch = chr(cp)
            if may_be_serial_pattern().search(ch):
                continue
            key = to_simplified(unicodedata.normalize("NFKC", ch))
            assert not any(a in key for a in "序编季nN"), (hex(cp), key)
    pattern, role = _RULES[0]
    assert role is R.SERIAL
    words = re.fullmatch(r"\^\((.*)\)\$", pattern.pattern).group(1).split("|")
    assert words and all(any(a in w for a in "序编季nN") for w in words), words
    qualified, role = _RULES[1]  # QUALIFIED SERIAL: a serial word after what a row is
    assert role is R.SERIAL and qualified.pattern.endswith("(序号|编号)$")
    for text in [
        "序号",
        "序 号",
        "序號",
        "編號",
        "编号",
        "序次",
        "NO.",
        "No",
        "ｎｏ",
        "序号(个)",
        "合计·序号",
        "\ufa00序号",
        "①",  # outside the ranges examined: left to header_role
        "→",
    ]:
        assert may_be_serial(text), text
    assert header_role("序號", False) is R.SERIAL and header_role("ＮＯ", False) is R.SERIAL
    for text in ["1", "市民政局、市卫健委", "任务内容", "（一）", "各县(区)政府", "完成情况", "——"]:
        assert not may_be_serial(text), text
        assert header_role(text, False) is not R.SERIAL


@pytest.mark.parametrize("closer", ["。", "；", ";", "！", "？", "!", "?"])
def test_a_text_ending_a_sentence_is_no_header(closer: str) -> None:
    """SENTENCE_CLOSERS (the header search passes over a paragraph ending in one unread) are
    the characters header_role reads as a sentence: a serial word, or any header, followed by
    one names no column; and find_header still finds the 序号 header after such paragraphs."""
    from luoshi.ingest.headers import SENTENCE_CLOSERS
    from luoshi.ingest.text.cellheader import find_header
    from luoshi.ingest.text.rows import Para

    assert closer in SENTENCE_CLOSERS
    for word in ["序号", "编号", "No", "任务内容", "责任单位"]:
        assert header_role(word + closer, False) is R.OTHER, word
        assert header_role(word + closer, True) is R.OTHER, word
    # (an empty text, which no reader makes, is passed over as before)
    texts = ["", f"序号{closer}", "任务内容", "责任单位", "序号", "任务内容", "责任单位", "完成情况"]
    paras = [Para(k + 1, t) for k, t in enumerate(texts)]
    assert find_header(paras) == (4, 8)
    assert find_header(paras, 1) == (4, 8)


@pytest.mark.parametrize(
    ("header", "role", "bold_warned"),
    [
        # LEAD NOTE RULE: a note saying how the lead is marked heads a column of all the units
        ("责任单位 (加黑为牵头单位)", R.UNITS, True),
        ("责任单位（牵头单位加粗）", R.UNITS, True),
        ("责任部门(排第一的为牵头部门)", R.UNITS, False),
        ("配合单位(黑体为牵头单位)", R.UNITS, True),
        # the lead's name alone in brackets says no marking: read as before
        ("责任单位(牵头单位)", R.LEAD_UNIT, False),
        ("牵头单位", R.LEAD_UNIT, False),
        # a note on another column is no lead note
        ("完成情况(加黑为牵头单位)", R.DONE, False),
        ("进度(%)", R.DECLARED_STATUS, False),
    ],
)
def test_lead_note_heads_a_column_of_all_units(header, role, bold_warned):
    columns, warnings = columns_from_headers(["序号", "重点任务", header])
    assert columns[2].role is role
    assert any("marked in bold" in w for w in warnings) is bold_warned


@pytest.mark.parametrize(
    ("headers", "refused"),
    [
        # VOTE TABLE: grades of a vote as columns, nothing a task list reports
        (["序号", "实事项目", "项目名称", "测评等次", "满意", "基本满意", "不满意"], True),
        (["序号", "项目名称", "满意票", "不满意票"], True),
        (["序号", "项目名称", "比较满意", "一般", "弃权"], True),
        # a progress table that also grades each project is read
        (["序号", "项目名称", "进展情况", "满意", "不满意"], False),
        (["序号", "项目名称", "责任单位", "满意", "基本满意"], False),
        # one grade column alone is a rating, not a vote
        (["序号", "项目名称", "满意"], False),
        # satisfaction as a task's word is no grade
        (["序号", "群众满意度提升任务", "完成情况"], False),
    ],
)
def test_vote_table_is_no_task_list(headers: list[str], refused: bool) -> None:
    from luoshi.ingest.headers import vote_table_reason

    why = vote_table_reason(headers)
    assert (why is not None) == refused
    if refused:
        assert "satisfaction vote" in why


@pytest.mark.parametrize(
    ("headers", "roles"),
    [
        # TWO TASK COLUMNS: the first names what the rows are about (the category)
        (["实事内容", "工作任务", "责任单位", "进展情况"], ["category", "task", "units", "done"]),
        (["序号", "重点工作", "工作任务", "完成情况"], ["serial", "category", "task", "done"]),
        # the second says it is the first in detail: both are the task
        (["序号", "目标任务", "具体任务", "完成情况"], ["serial", "task", "task", "done"]),
        (["序号", "重点任务", "具体工作", "完成情况"], ["serial", "task", "task", "done"]),
    ],
)
def test_two_task_columns_side_by_side(headers: list[str], roles: list[str]) -> None:
    from luoshi.ingest.headers import header_roles

    assert [r.value for r in header_roles(headers)] == roles


def test_may_be_serial_class_is_the_anchors_and_everything_unexamined() -> None:
    # the class written as its complement negated lets pass exactly the serial anchors and
    # every character outside the ranges examined (astral ones too)
    from luoshi.ingest.headers import _EXAMINED, _SERIAL_ANCHORS, may_be_serial_pattern

    search = may_be_serial_pattern().search
    for cp in [*range(0x10000), 0x10000, 0x20000, 0x2A6DF, 0x10FFFF]:
        ch = chr(cp)
        unexamined = not any(lo <= cp <= hi for lo, hi in _EXAMINED)
        assert (search(ch) is not None) == (unexamined or ch in _SERIAL_ANCHORS), hex(cp)


# NEXT PERIOD'S PLAN (held11, fresh11 cause 1): a schedule named for months or a quarter after
# a progress column is the next steps; the year's plan stays the target.
@pytest.mark.parametrize(
    ("headers", "last"),
    [
        (["序号", "工作任务", "7-9月份进展情况", "10-12月份进度安排"], R.NEXT_STEPS),
        (["序号", "工作任务", "完成情况", "四季度工作计划"], R.NEXT_STEPS),
        (["序号", "工作任务", "完成情况", "年度计划"], R.TARGET),
        (["序号", "工作任务", "完成情况", "进度安排"], R.TARGET),
        # no progress column: a plan's schedule by months, not the next steps
        (["序号", "工作任务", "10-12月份进度安排"], R.OTHER),
    ],
)
def test_next_period_plan(headers, last):
    assert header_roles(headers)[-1] is last
