"""Space-separated rows and content alignment, on small made-up pages (not corpus text)."""

import pytest

from luoshi.ingest import IngestError, read_document
from luoshi.ingest.text.align import align
from luoshi.vocab import ColumnRole as R

S, T, U, D, L, ST = R.SERIAL, R.TASK, R.UNITS, R.DONE, R.LEADER, R.DECLARED_STATUS

ALIGN_CASES = [
    # one piece per column: by position
    (["1", "建成公园。", "市建设局", "已完工。"], [S, T, U, D], [[0], [1], [2], [3]]),
    # a unit cell wrapped over three pieces
    (
        ["2", "新增就业。", "市人社局", "市财政局", "团市委", "新增1万人。"],
        [S, T, U, D],
        [[0], [1], [2, 3, 4], [5]],
    ),
    # a task text holding a space: two pieces in the task column
    (["3", "出台《办法", "细则》", "市司法局", "已出台。"], [S, T, U, D], [[0], [1, 2], [3], [4]]),
    # a row cut off after its units: the progress column is empty
    (["4", "修建道路。", "市交通局"], [S, T, U, D], [[0], [1], [2], []]),
    # leader and status columns take the pieces that look like them
    (
        ["5", "改造老旧小区。", "张某某", "市住建局", "正常推进"],
        [S, T, L, U, ST],
        [[0], [1], [2], [3], [4]],
    ),
    # a column's LAST piece is scored too: a deadline after the units is not swallowed by
    # them because the unit cell's first piece fits
    (
        ["6", "建设产业园。", "王某", "招商部、安商部", "全年"],
        [S, T, L, U, R.DEADLINE],
        [[0], [1], [2], [3], [4]],
    ),
    (
        ["7", "修缮古桥。", "县文旅局", "县住建局", "年底前"],
        [S, T, U, R.DEADLINE],
        [[0], [1], [2, 3], [4]],
    ),
    # every row names its task, even one ending like an organisation (…幼儿园, …中心)
    (["8", "新建幼儿园", "县教育局", "已建成。"], [S, T, U, D], [[0], [1], [2], [3]]),
    (["9", "建设文化中心", "县文旅局", "在建。"], [S, T, U, D], [[0], [1], [2], [3]]),
]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # many names separated by spaces: too long for one name, cut at the spaces
        ("县委宣传部 县广播电视台 县地震局 县气象局 县档案局 县邮政管理局", True),
        ("县住建局、县财政局", True),
        # a long text with spaces whose pieces end like no organisation
        ("全力推进 重点项目建设 确保年内完成主体工程 并投入使用发挥效益", False),
    ],
)
def test_looks_like_units(text, units):
    from luoshi.ingest.text.shapes import looks_like_units

    assert looks_like_units(text) is units


@pytest.mark.parametrize(("pieces", "roles", "want"), ALIGN_CASES)
def test_align_by_content(pieces, roles, want):
    assert align(pieces, roles) == want


PAGE = "\n".join(
    [
        "2030年安澜县政府工作报告目标任务上半年推进情况汇总表",
        "序号 目标任务 责任单位 上半年推进情况",
        "一、主要预期目标",
        "1 生产总值增长6%。 县发展改革委 同比增长5.1%。",
        "2 粮食产量稳定。 县农业农村局",
        "县林业局",
        "县供销社",
        "粮食产量与上年持平。",
        "二、重点工作",
        "3 建设智慧 校园5所。 县教育局 已建成3所",
    ]
)


def test_space_rows_page():
    doc = read_document(PAGE.encode(), name="space.txt")
    assert doc.layout == "space-rows"
    assert [c.role for c in doc.columns] == [S, T, U, D]
    assert [t.serial for t in doc.tasks] == ["1", "2", "3"]
    assert doc.tasks[1].units == ["县农业农村局", "县林业局", "县供销社"]
    assert doc.tasks[1].items[0].done == "粮食产量与上年持平。"
    assert doc.tasks[2].text == "建设智慧 校园5所。"
    assert doc.meta.period is not None and str(doc.meta.period.kind) == "h1"
    messages = [w.message for w in doc.warnings]
    # the file ends without closing punctuation: the last row is said to be cut off
    assert any("row 3 is probably cut off" in m for m in messages), messages
    assert any("group row '二、重点工作'" in m for m in messages)


def test_space_header_with_spaces_inside_words():
    page = "序 号 工 作 任 务 责 任 单 位 完 成 情 况\n1 植树1万株。 县林业局 已完成。\n"
    doc = read_document(page.encode(), name="x.txt")
    assert [c.role for c in doc.columns] == [S, T, U, D]
    assert doc.tasks[0].units == ["县林业局"]


def test_space_header_words_spaced_out_and_an_indicator_column():
    lines = [
        "2031年青禾县民生实事进度表",
        "序 号 考核指标 工作目标 已完成数 占比 备  注",
        "1 新增公办学位 600 600 100%",
        "2 改造老旧小区 86 80 93% 6个在收尾",
    ]
    doc = read_document("\n".join(lines).encode(), name="t.txt")
    assert [(c.header, c.role) for c in doc.columns] == [
        ("序号", R.SERIAL),
        ("考核指标", R.TASK),
        ("工作目标", R.TARGET),
        ("已完成数", R.ACTUAL),
        ("占比", R.DECLARED_STATUS),
        ("备注", R.REMARKS),
    ]
    assert [(t.text, t.extra["占比"], t.extra["备注"]) for t in doc.tasks] == [
        ("新增公办学位", "100%", ""),
        ("改造老旧小区", "93%", "6个在收尾"),
    ]


def test_headerless_category_before_the_task_and_a_measure_column() -> None:
    """A table of figures whose numbered rows carry the item's name before the indicator,
    a column the header does not name: read as a category; 单位 before the figures holds
    units of measurement (or nothing), so the figures go to target, actual and status."""
    lines = [
        "2031年1-9月安澜市民生实事进度表",
        "序号 考核指标 单位 工作目标 已完成数 占比 备注",
        "1 新增学位 新增公办学前教育学位 个 600 600 100%",
        "2 老年助餐 新建社区老年食堂 30 24 80% 正在装修",
        "3 道路畅通 改造背街小巷 条 12 9 75%",
        "4 便民停车 新增停车泊位 5000 5200 104% 超额完成",
    ]
    doc = read_document("\n".join(lines).encode(), name="t.txt")
    roles = [str(c.role) for c in doc.columns]
    assert roles == [
        "serial", "category", "task", "other", "target", "actual", "declared_status", "remarks"
    ]
    got = [
        (t.extra["类别"], t.text, t.extra["单位"], t.extra["工作目标"], t.extra["占比"])
        for t in doc.tasks
    ]
    assert got == [
        ("新增学位", "新增公办学前教育学位", "个", "600", "100%"),
        ("老年助餐", "新建社区老年食堂", "", "30", "80%"),
        ("道路畅通", "改造背街小巷", "条", "12", "75%"),
        ("便民停车", "新增停车泊位", "", "5000", "104%"),
    ]
    assert any("category column without a header" in w.message for w in doc.warnings)


SUB_ROW_PAGE = [
    "2031年1-9月安澜市民生实事进度表",
    "序号 考核指标 单位 工作目标 已完成数 占比 备注",
    "1 妇幼健康 孕期免费筛查 人次 3000 2400 80%",
    "新生儿听力筛查 人次 3000 2700 90%",
    "困难家庭适老改造 50 45 90% 5户在施工",
    "2 老年助餐 新建社区老年食堂 个 30 24 80% 正在装修",
    "主体已完工,正在装修",
    "3 道路畅通 改造背街小巷 条 12 9 75%",
    "4 便民停车 新增停车泊位 5000 5200 104% 超额完成",
]


def test_indicator_sub_rows_joined_one_line_per_row() -> None:
    """INDICATOR SUB-ROW RULE: a line without a serial that brings its own figures is an
    indicator row under the row's merged serial and name, joined column by column (—— for an
    empty cell); a line of words only still continues the row above."""
    doc = read_document("\n".join(SUB_ROW_PAGE).encode(), name="t.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2", "3", "4"]
    first = doc.tasks[0]
    assert first.text == "孕期免费筛查\n新生儿听力筛查\n困难家庭适老改造"
    assert first.extra["类别"] == "妇幼健康"
    assert first.extra["单位"] == "人次\n人次\n——"
    assert first.extra["工作目标"] == "3000\n3000\n50"
    assert first.extra["已完成数"] == "2400\n2700\n45"
    assert first.extra["占比"] == "80%\n90%\n90%"
    assert first.extra["备注"] == "——\n——\n5户在施工"
    # a wrapped remark is no indicator row: it goes on in the row's own cells
    assert doc.tasks[1].text == "新建社区老年食堂"
    assert doc.tasks[1].extra["工作目标"] == "30"
    assert "主体已完工" in doc.tasks[1].extra["备注"]
    assert doc.tasks[2].extra["工作目标"] == "12"
    assert any("indicator rows" in w.message and "row(s) 1" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("pieces", "sub"),
    [
        (["新生儿听力筛查", "人次", "3000", "2700", "90%"], True),
        (["困难家庭适老改造", "50", "45", "90%"], True),
        (["主体已完工,正在装修"], False),  # one piece: a wrapped cell
        (["主体已完工", "正在装修"], False),  # words only: no figure for a figure column
        (["2700", "90%"], False),  # opens with a figure: no indicator of its own
    ],
)
def test_is_sub_row(pieces, sub) -> None:
    from luoshi.ingest.text.spacesubrows import is_sub_row

    roles = [S, R.CATEGORY, T, R.OTHER, R.TARGET, R.ACTUAL, ST, R.REMARKS]
    assert is_sub_row(pieces, roles, frozenset({3})) is sub


def test_no_sub_rows_without_figure_columns() -> None:
    """A table of words (task, units, progress) keeps every serial-less line in the row above."""
    from luoshi.ingest.text.spacesubrows import is_sub_row

    assert not is_sub_row(["新建公园", "2个", "已完成"], [S, T, U, D])


@pytest.mark.parametrize(
    ("line", "actual", "share"),
    [
        # the achieved cell left out: the lone percentage is the share
        ("1 新增蓄水能力 万方 8 75% 同步实施", "", "75%"),
        # both given: as written
        ("1 新增蓄水能力 万方 8 6 75%", "6", "75%"),
        # a target in per cent: the achieved figure may be one too (the share left out)
        ("1 提高覆盖率 % 95% 96%", "96%", ""),
    ],
)
def test_share_not_amount(line, actual, share) -> None:
    """SHARE, NOT AMOUNT: a lone percentage goes to the share column beside an empty one."""
    lines = [
        "2031年1-9月安澜市民生实事进度表",
        "序号 考核指标 单位 工作目标 已完成数 占比 备注",
        line,
        "2 新建社区老年食堂 个 30 24 80% 正在装修",
    ]
    doc = read_document("\n".join(lines).encode(), name="t.txt")
    first = doc.tasks[0]
    assert (first.extra["已完成数"], first.extra["占比"]) == (actual, share)


# A progress cell written as numbered points, one per line (fresh8 cause 3); made up.
POINTS_PAGE = """2030年一季度某镇民生实事项目推进情况
序号 项目内容 当前进度
1 学校提质项目(新建学校,改善设施) 1.新建青石小学:设备已完成招标;
2.柳塘小学墙面改造:正在设计,计划5月施工;
3.新建城北幼儿园:设备已到位。
2 文体惠民项目 文体设施暂缓实施;应急广播已完成。
3 养老服务项目 1.助餐点已完成装修;
2.护理站正在选址。
"""


@pytest.mark.parametrize(
    ("serial", "task", "done"),
    [
        (
            "1",
            "学校提质项目(新建学校,改善设施)",
            "1.新建青石小学:设备已完成招标;2.柳塘小学墙面改造:正在设计,计划5月施工;"
            "3.新建城北幼儿园:设备已到位。",
        ),
        ("2", "文体惠民项目", "文体设施暂缓实施;应急广播已完成。"),
        ("3", "养老服务项目", "1.助餐点已完成装修;2.护理站正在选址。"),
    ],
)
def test_a_cell_of_numbered_points_over_lines_stays_one_cell(serial, task, done):
    doc = read_document(POINTS_PAGE.encode(), name="space.txt")
    assert doc.layout == "space-rows"
    got = {t.serial: t for t in doc.tasks}[serial]
    assert got.text == task
    assert "".join(i.done for i in got.items).replace("\n", "") == done


# A milestone table under a glued header (made up): rows keyed by year and quarter, newest
# first; a milestone of numbered points, then its status restarting at 1.; page chrome after.
QUARTER_PAGE = """某区参与式预算案件进度

年度季别里程碑工作内容说明近期执行概况说明
1202 结案 本案已办理完成,经提案人同意结案。
1201 1.修缮社区步道。
2.设置导览牌1面。
1.步道已于120年3月完成修缮。
2.导览牌已设置。
1194 社区花园植栽
植栽已于119年12月种植完成。
Scroll To Top
"""


@pytest.mark.parametrize(
    ("serial", "task", "done"),
    [
        ("1202", "结案", "本案已办理完成,经提案人同意结案。"),
        ("1201", "1.修缮社区步道。\n2.设置导览牌1面。", "1.步道已于120年3月完成修缮。\n2.导览牌已设置。"),
        ("1194", "社区花园植栽", "植栽已于119年12月种植完成。"),
    ],
)
def test_glued_period_header_over_year_quarter_rows(serial, task, done):
    doc = read_document(QUARTER_PAGE.encode(), name="q.txt")
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.DONE]
    assert [t.serial for t in doc.tasks] == ["1202", "1201", "1194"]
    t = next(t for t in doc.tasks if t.serial == serial)
    assert (t.text, t.items[0].done) == (task, done)


def test_year_quarter_keys_step_one_quarter():
    from luoshi.ingest.text.spacerows import _next_period_key

    assert _next_period_key(0, 1081)  # the first row: any key
    assert _next_period_key(1081, 1074)  # back over the year's turn
    assert _next_period_key(1074, 1081)
    assert not _next_period_key(1081, 1073)  # two quarters apart: a figure, not a row
    assert not _next_period_key(1081, 1085)  # no fifth quarter


# LEADER FIRST (held11, fresh11 cause 2): a table without serials sorted by who answers for
# each task, the leader or the unit before the task column; made up.
LEADER_FIRST = """某县某局2031年5月份重点工作完成情况
{first} 重点工作 基本要求 牵头部门 完成情况
{who} 推进冷链物流建设 建成冷库2座 县商务局 1、东区冷库已封顶;
2、西区冷库正在招标。
推进电商进村 覆盖30个村 县供销社 已覆盖22个村。
"""


@pytest.mark.parametrize(
    ("first", "who", "role"),
    [("负责领导", "李某", R.LEADER), ("牵头单位", "县发改委", R.LEAD_UNIT)],
)
def test_leader_or_unit_first_header_without_serials(first, who, role):
    doc = read_document(LEADER_FIRST.format(first=first, who=who).encode(), name="s.txt")
    assert doc.layout == "space-rows"
    assert [c.role for c in doc.columns][:3] == [role, T, R.TARGET]
    assert [t.text for t in doc.tasks] == ["推进冷链物流建设", "推进电商进村"]
    done = ["".join(i.done for i in t.items).replace("\n", "") for t in doc.tasks]
    assert done == ["1、东区冷库已封顶;2、西区冷库正在招标。", "已覆盖22个村。"]


def test_leader_first_needs_the_task_column():
    page = "某县情况\n负责领导 牵头部门 完成情况\n李某 县商务局 已完成。\n"
    with pytest.raises(IngestError):
        read_document(page.encode(), name="s.txt")


# SPACED HEADER WORDS and PICKED ROWS (held11, fresh11 cause 1): a header parted by single
# spaces whose narrow cells are padded by runs of spaces (牵头  领导), and a unit's own rows
# picked out of a longer numbered list keeping its serials; made up.
PICKED = """2031年县政府重点工作责任清单进展情况汇总表(7-9月)
序号 2031年重点工作任务 牵头  领导 牵头       责任单位 配合      责任单位 2031年7-9月份进展情况 2031年10-12月份进度安排
12 新建城区公园2个。 周某 县住建局 县财政局 东湖公园已开园 完成西湖公园绿化
15 新增公办幼儿园学位300个。 周某 县教育局 县发改委 已新增学位260个 完成剩余学位招生
"""


def test_padded_header_words_and_picked_rows():
    doc = read_document(PICKED.encode(), name="s.txt")
    assert doc.layout == "space-rows"
    assert [c.header for c in doc.columns][2:5] == ["牵头领导", "牵头责任单位", "配合责任单位"]
    assert [c.role for c in doc.columns][2:] == [
        R.LEADER, R.LEAD_UNIT, R.CO_UNITS, D, R.NEXT_STEPS
    ]
    assert [t.serial for t in doc.tasks] == ["12", "15"]
    assert "".join(i.done for i in doc.tasks[1].items) == "已新增学位260个"
    assert any("serials skip (12, 15)" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("序号 任务 牵头  领导 备注", "序号 任务 牵头领导 备注"),
        # a single space is a border: 单位 stays a column of its own
        ("序号 考核指标 单位 工作目标", "序号 考核指标 单位 工作目标"),
        # runs of spaces everywhere are the borders themselves
        ("序号  主体  责任单位", "序号  主体  责任单位"),
        # a longer piece naming no column is no qualifier
        ("序号 市折子号  工作任务 完成情况", "序号 市折子号  工作任务 完成情况"),
    ],
)
def test_close_padding(line, want):
    from luoshi.ingest.text.spacepieces import close_padding

    assert close_padding(line) == want


# SPACED NAME and a status written 时序 (held11, fresh11 cause 1): a two-character name padded
# to three (周  某) is one name; 达到时序进度 is a status like 达到序时进度; made up.
SPACED_NAME = """2031年县政府重点工作进展情况
序号 重点工作任务 牵头领导 责任单位 工作评价 进展情况 备注
1 新建城区公园2个。 周  某   李某某 县住建局 达到时序进度 东湖公园已开园
2 新增公办幼儿园学位300个。 王某某 县教育局 已完成 已新增学位300个
"""


def test_spaced_name_and_a_status_written_the_other_way_round():
    doc = read_document(SPACED_NAME.encode(), name="s.txt")
    first = doc.tasks[0]
    assert first.text == "新建城区公园2个。"
    assert first.extra["牵头领导"] == "周某 李某某"
    assert first.extra["工作评价"] == "达到时序进度"
    assert "".join(i.done for i in first.items) == "东湖公园已开园"


@pytest.mark.parametrize(
    ("pieces", "want"),
    [
        (["1", "周", "某", "县住建局"], ["1", "周某", "县住建局"]),
        (["1", "是", "已完成"], ["1", "是", "已完成"]),  # one character alone stays a cell
        (["1", "2", "3"], ["1", "2", "3"]),  # figures are no name
    ],
)
def test_join_spaced_name(pieces, want):
    from luoshi.ingest.text.spacepieces import join_spaced_name

    assert join_spaced_name(pieces) == want
