"""The 30 corpus excerpts (../shared/corpus), read through read_document.

Expectations were written by reading each file (not from the parser's output): the layout, the
column roles in order, how many rows the excerpt holds, and for the first and last row the
serial, the start of the task text and the units. Excerpts are cut off, mostly mid-row: the
last row may be partial and a warning must say so (``cut`` names words the warning holds).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from shared_docs import shared_path

from luoshi.ingest import ParsedDocument, read_document
from luoshi.ingest.layout import GROUP_KEY

S, T, U, L, C, D = "serial", "task", "units", "lead_unit", "co_units", "done"
P, N, LD, TG, ST = "problems", "next_steps", "leader", "target", "declared_status"
FF = ["市疫情防控办", "各县(区)政府", "各功能区管委会"]


@dataclass(frozen=True)
class Row:
    serial: str
    text: str  # the task text starts with this
    units: tuple[str, ...] = ()
    group: str | None = None  # Task.extra["分组"], when given


@dataclass(frozen=True)
class Case:
    file: str
    layout: str
    roles: tuple[str, ...]
    n: int
    first: Row
    last: Row
    cut: tuple[str, ...] = ()  # a warning holding all these words says the last row is cut off
    warns: tuple[str, ...] = ()  # other warnings that must be there
    period: str | None = None  # meta.period.kind
    year: int | None = None
    extra: dict = field(default_factory=dict)  # {(task index, header): start of the cell}


CASES = [
    Case(
        "001",
        "cells-per-line",
        (S, T, U, D),
        1,
        Row("1", "全面落实党中央、国务院", tuple(FF)),
        Row("1", "全面落实党中央", tuple(FF)),
        cut=("row 1", "cut off"),
        period="annual",
        year=2020,
    ),
    Case(
        "002",
        "cells-per-line",
        (S, T, L, D),
        5,
        Row("1", "一般公共预算收入增长7%。", ("市财政局",)),
        Row("5", "严肃财经纪律,严控“三公"),
        cut=("row 5", "cut off"),
        period="q3",
        year=2022,
    ),
    Case(
        "003",
        "cells-per-line",
        (S, T, D),
        2,
        Row("1", "慎终如始抓好疫情防控", ("市疫情防控办",)),
        Row("2", "加快建设滨海城市带", ("市住建局",)),
        cut=("row 2", "cut off"),
        period="month",
        year=2021,
    ),
    Case(
        "004",
        "cells-per-line",
        (S, T, L, D),
        3,
        Row("1", "一般公共预算收入与经济增长基本同步。", ("市财政局",), "徐仁标市长牵头重点工作"),
        Row("3", "强化政府债务风险动态评估", ("市财政局",)),
        cut=("row 3", "cut off"),
        period="h1",
        year=2024,
    ),
    Case(
        "011",
        "cells-per-line",
        (S, T, L, D),
        3,
        Row("1", "一般公共预算收入与经济增长基本同步。", ("市财政局",)),
        Row("3", "地区生产总值增长7%以上", ("市发改委",)),
        cut=("row 3", "cut off"),
        warns=("numbered by position",),
        period="h1",
        year=2023,
    ),
    Case(
        "012",
        "cells-per-line",
        (S, T, D),
        3,
        Row("1", "慎终如始抓好疫情防控", ("市疫情防控办",)),
        Row("3", "深化政府数字化转型", ("市府办(市大数据局)",)),
        cut=("row 3", "cut off"),
        period="h1",
        year=2021,
    ),
    Case(
        "013",
        "cells-per-line",
        (S, T, T, L, D),
        1,
        Row("1", "狠抓工业投资", ("区经济信息委", "经开区经发局")),
        Row("1", "狠抓工业投资", ("区经济信息委", "经开区经发局")),
        cut=("row 1", "cut off"),
        period="annual",
        year=2023,
    ),
    Case(
        "017",
        "cells-per-line",
        (S, T, D),
        5,
        Row("1", "完善“1+3+N”招商工作机制"),
        Row("5", "新增地方综合贡献1.5亿元以上。"),
        cut=("row 5", "cut off"),
        period="q3",
        year=2020,
    ),
    Case(
        "018",
        "pipe",
        (S, T, D),
        5,
        Row("1", "完善“1+3+N”招商工作机制"),
        Row("5", "新增地方综合贡献1.5亿元以上。"),
        cut=("row 5", "closing |"),
        period="h1",
        year=2020,
    ),
    Case(
        "019",
        "pipe",
        (S, T, D),
        5,
        Row("1", "完善“1+3+N”招商工作机制"),
        Row("5", "新增地方综合贡献1.5亿元以上。"),
        cut=("row 5", "完成情况", "cut off"),
        period="annual",
        year=2020,
    ),
    Case(
        "020",
        "pipe",
        (S, T, D),
        4,
        Row("1", "加快小门岛、状元岙港区"),
        Row("4", "大兴真抓实干之风"),
        cut=("row 4", "cut off"),
        warns=("no title", "一季度"),
        period="q1",
        year=2021,
    ),
    Case(
        "022",
        "cells-per-line",
        (S, T, D, U),
        4,
        Row("1", "坚持“稳开稳走,提质提效”", ("市发改委",)),
        Row("4", "深入推进省级军民融合示范区建设", ("市发",)),
        cut=("row 4", "cut off"),
        period="q1",
        year=2020,
    ),
    Case(
        "024",
        "glued",
        (S, T, D, U),
        2,
        Row("1", "确保地区生产总值增长7%以上。", ("市发改委",)),
        Row("2", "高质量完成“十四五”规划《纲要》"),
        cut=("row 2", "no unit name"),
        warns=("glued",),
        period="annual",
        year=2021,
    ),
    Case(
        "027",
        "pipe",
        (S, T, D, U),
        3,
        Row("1", "坚持“稳开稳走,提质提效”总体态势", ("市发改委",)),
        Row("3", "聚焦重点领域编制培育发展新兴产业"),
        cut=("row 3", "责任单位", "cut off"),
        period="annual",
        year=2020,
    ),
    Case(
        "028",
        "pipe",
        (S, T, D, U),
        2,
        Row("1", "确保地区生产总值增长7%以上。", ("市发改委",)),
        Row("2", "高质量完成“十四五”规划《纲要》"),
        cut=("row 2", "责任单位", "cut off"),
        period="q3",
        year=2021,
    ),
    Case(
        "039",
        "cells-per-line",
        (T, LD, U),
        2,
        Row(
            "1",
            "生产总值增长7.5%以上。",
            (
                "市发改委",
                "市经信委",
                "市建设局(市规划局)",
                "市农业局",
                "市商务局",
                "市海洋与渔业局",
                "各县(市、区)政府",
                "台州湾产业集聚区管委会",
                "台州经济开发区管委会等",
            ),
            "一、主要预期指标",
        ),
        # the excerpt stops inside this cell ("各县(市、区)" of 各县(市、区)政府), at a
        # closing bracket, so nothing tells it is cut off
        Row(
            "2",
            "一般公共预算收入增长",
            (
                "市发改委",
                "市农办",
                "市财政局(市地税局)",
                "市人力社保局",
                "市农业局",
                "市海洋与渔业局",
                "市林业局",
                "市供销社",
                "各县(市、区)",
            ),
        ),
        warns=("no 序号 column",),
        year=2018,
        extra={(1, "责任领导"): "董贵波\n郑敏强"},
    ),
    Case(
        "041",
        "cells-per-line",
        (S, T, D, L, ST),
        2,
        Row("1", "组织实施高水平生态绿色示范区建设", ("嘉善县政府", "长三角发展办")),
        Row("2", "深化“6+2”改革试点"),
        cut=("row 2", "牵头部门", "cut off"),
        period="h1",
        year=2021,
        extra={(0, "进展状态"): "按时推进"},
    ),
    Case(
        "043",
        "cells-per-line",
        (S, T, U, D),
        7,
        Row("1", "地区生产总值增长6.5%左右。", ("区发改局",)),
        Row(
            "7",
            "落地开工顺丰长三角南翼总部基地",
            ("新区经济发展局(区经信局)", "新区投促局(区投促中心)"),
        ),
        cut=("row 7", "cut off"),
        period="month",
        year=2024,
    ),
    Case(
        "045",
        "cells-per-line",
        (S, T, TG, U),
        10,
        Row("1", "地区生产总值增长6.5%。", ("区发改局",), "二、李丹常委、常务副区长牵头重点工作"),
        Row("10", "理顺中国眼谷建设管理体制机制"),
        cut=("row 10", "cut off"),
        year=2023,
        extra={
            (0, "区本级任务数"): "",
            (4, "区本级任务数"): "9亿元",
            (5, "区本级任务数"): "12亿元/10亿元",
        },
    ),
    Case(
        "046",
        "pipe",
        (S, T, U, D),
        9,
        Row("1", "地区生产总值增长6.5%。", ("区发改局",)),
        Row("9", ""),
        cut=("row 9", "cut off"),
        warns=("no title", "1—6月"),
        period="h1",
        year=2023,
    ),
    Case(
        "051",
        "cells-per-line",
        (T, T, U, D),
        7,
        Row(
            "1",
            "地区生产总值增长6.5%以上",
            ("区发改经信局", "区科技工业区管委会", "各街道"),
            "(一) 经济社会发展主要预期目标",
        ),
        Row(
            "7", "落实振兴实体经济", ("区发改经信局", "区科技局", "区财政"), "(二) 支持实体企业发展"
        ),
        cut=("row 7", "cut off"),
        warns=("numbered by position",),
        period="q3",
        year=2020,
    ),
    Case(
        "052",
        "cells-per-line",
        (S, T, LD, L),
        4,
        Row("1", "未来科技城要围绕打造创新驱动策源地", ("未来科技城(海创园)",)),
        # the page's last paragraph, a task text cut off: a last row (CUT-OFF LAST ROW RULE)
        Row("4", "良渚新城要坚持城北副中心", ()),
        cut=("cut off before its other cells",),
        warns=("numbered by position",),
        year=2018,
        extra={(0, "牵头领导"): "祝振伟\n陈夏林", (1, "牵头领导"): "沈  昱\n祝振伟"},
    ),
    # 059: (1)…(10) standard lines are the rows under "1 / title" groups; leader and unit cells
    # merged over rows appear only at the first row they span (rows (4), (5) have none)
    Case(
        "059",
        "cells-per-line",
        (S, T, TG, LD, L, C),
        10,
        Row(
            "(1)",
            "地区生产总值增长6%左右。",
            ("发改局", "经开区", "高新园(邹区镇)", "各街道", "统计局"),
            "1 全区经济社会发展的主要预期目标",
        ),
        Row(
            "(10)",
            "推广“拿地",
            (),
            "2 聚焦产业强区不动摇,高效统筹存量和增量,以更实举措推动产城融合 聚力攻坚 项目“双进”",
        ),
        cut=("row (10)", "cut off"),
        warns=("assumed merged from the rows above",),
        year=2024,
        extra={
            (0, "区政府分管领导"): "王旭锋",
            (2, "区政府分管领导"): "吴 伟",
            (5, "区政府分管领导"): "谢志诚",
            (7, "区政府分管领导"): "",
        },
    ),
    Case(
        "062",
        "cells-per-line",
        (S, T, L, D),
        8,
        Row("1", "市区公交车实现移动支付全覆盖。", ("市交运集团",)),
        Row("8", "全市农村生活垃圾回收利用率达到30%以上"),
        cut=("row 8", "cut off"),
        year=2018,
    ),
    Case(
        "065",
        "cells-per-line",
        (S, T, U),
        11,
        Row(
            "1",
            "地区生产总值增长5.5%左右",
            ("区发展改革委",),
            "2022年区政府工作报告经济社会发展预期目标任务分解表",
        ),
        Row("1", "联动共建科学城", (), "2022年区政府工作报告重点工作任务分解表"),
        cut=("row 1", "cut off"),
        warns=("another table", "restarts"),
        year=2022,
    ),
    Case(
        "073",
        "cells-per-line",
        (S, T, U, D, P, N),
        1,
        Row("1", "全面落实党中央、国务院", tuple(FF)),
        Row("1", "全面落实党中央", tuple(FF)),
        cut=("row 1", "cut off"),
        period="q3",
        year=2020,
    ),
    Case(
        "074",
        "cells-per-line",
        (S, T, U, TG, D),
        3,
        Row("1", "全面落实党中央、国务院", tuple(FF)),
        Row("3", ""),
        cut=("row 3", "cut off"),
        period="h1",
        year=2020,
        extra={(0, "半年度目标任务"): "全年:\n1.坚持“外防输入、内防反弹”"},
    ),
    # 075: a plan in prose (no table): "1.…" paragraphs each followed by a 责任单位: line;
    # the excerpt stops inside task 5's unit line ("责任单")
    Case(
        "075",
        "prose",
        (S, T, U),
        5,
        Row("1", "地区生产总值增长 10%,一般公共预算收入", ("市发改委", "市财政局")),
        Row("5", "交通投资、民间投资、高新技术产业投资"),
        cut=("task 5", "cut off"),
        warns=("plan in prose", "task 5 has no 责任单位"),
        period="plan",
        year=2020,
    ),
    Case(
        "076",
        "cells-per-line",
        (S, T, D),
        3,  # the third row's task is cut before its unit note (expected/076.json: rows 3)
        Row("1", "一般公共预算收入增长7%。", ("市财政局",)),
        Row("3", "落实落细新的组合式税费支持政策"),
        cut=("cut off",),
        warns=("numbered by position",),
        period="h1",
        year=2022,
    ),
    Case(
        "079",
        "cells-per-line",
        (S, T, D, U),
        2,
        Row("1", "确保地区生产总值增长7%以上。", ("市发改委",)),
        Row("2", "高质量完成“十四五”规划《纲要》"),
        cut=("row 2", "责任单位", "cut off"),
        period="h1",
        year=2021,
    ),
    Case(
        "092",
        "cells-per-line",
        (S, T, L, C),
        7,
        Row(
            "1",
            "一般公共预算收入增速与经济增长同步",
            ("区财政局", "区税务局", "各镇(街道、园区)"),
            "一、区长陈兴立牵头重点工作",
        ),
        Row(
            "2",
            "城乡居民人均可支配收入增速",
            ("区发改局", "区"),
            "二、常务副区长姚珂军牵头重点工作",
        ),
        cut=("row 2", "cut off"),
        warns=("restarts at 1",),
        year=2024,
    ),
]


@pytest.fixture(scope="module")
def docs() -> dict[str, ParsedDocument]:
    return {c.file: read_document(shared_path("corpus", f"{c.file}.txt")) for c in CASES}


def _check_row(doc: ParsedDocument, index: int, want: Row) -> None:
    task = doc.tasks[index]
    assert task.serial == want.serial
    assert task.text.startswith(want.text), task.text[:40]
    assert tuple(task.units) == want.units
    if want.group is not None:
        assert task.extra.get(GROUP_KEY) == want.group


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_corpus_file(case: Case, docs: dict[str, ParsedDocument]) -> None:
    doc = docs[case.file]
    assert doc.layout == case.layout
    assert tuple(str(c.role) for c in doc.columns) == case.roles
    assert len(doc.tasks) == case.n
    _check_row(doc, 0, case.first)
    _check_row(doc, -1, case.last)
    messages = [w.message for w in doc.warnings]
    if case.cut:
        assert any(all(word in m for word in case.cut) for m in messages), messages
    for word in case.warns:
        assert any(word in m for m in messages), (word, messages)
    if case.period is not None:
        assert doc.meta.period is not None and str(doc.meta.period.kind) == case.period
    if case.year is not None:
        assert doc.meta.year == case.year
    for (index, header), start in case.extra.items():
        assert doc.tasks[index].extra.get(header, "").startswith(start), doc.tasks[index].extra
        if start == "":
            assert not doc.tasks[index].extra.get(header)


def test_every_header_file_is_covered() -> None:
    """Every corpus page with a header is checked here or by an expectation file read by
    benchmarks/corpus_quality.py (tests/corpus/expected/NNN.json, issue 9)."""
    index = shared_path("corpus", "INDEX.tsv").read_text(encoding="utf-8").splitlines()[1:]
    with_header = {line.split("\t")[0][:3] for line in index if line.split("\t")[5]}
    expected = {p.stem for p in (Path(__file__).parent / "expected").glob("*.json")}
    assert with_header - {c.file for c in CASES} - expected == set()


def test_source_url_kept_and_query_never_the_title(docs: dict[str, ParsedDocument]) -> None:
    doc = docs["073"]
    assert doc.meta.source_url == (
        "http://xxgk.zhoushan.gov.cn/art/2020/10/29/art_1229429114_3651448.html"
    )
    # the QUERY line says 半年度; the page's own title says 前三季度
    assert doc.meta.title == "2020年度市政府重点工作任务前三季度完成情况"
    assert doc.to_dict()["meta"]["source_url"] == doc.meta.source_url
    for d in docs.values():
        assert "QUERY" not in d.meta.title


def test_unit_note_is_a_meta_note_not_a_unit(docs: dict[str, ParsedDocument]) -> None:
    assert docs["073"].meta.notes == ["(列第一位者为工作牵头或汇总单位,下同)"]


def test_units_inside_task_text_are_moved_out(docs: dict[str, ParsedDocument]) -> None:
    assert docs["003"].tasks[1].text.endswith("打造海上画廊。")
    assert "牵头单位" not in docs["012"].tasks[2].text
    assert docs["076"].tasks[0].text == "一般公共预算收入增长7%。"


def test_lead_markers(docs: dict[str, ParsedDocument]) -> None:
    # *区发改局、*新区财政局(区财政局): both marked as lead, marks removed
    assert docs["043"].tasks[1].units == ["区发改局", "新区财政局(区财政局)"]
    # 区政府办公室*、区财政局 (mark after the name)
    assert docs["046"].tasks[6].units == ["区政府办公室", "区财政局"]


def test_numbering_inside_cells_is_kept_as_text(docs: dict[str, ParsedDocument]) -> None:
    assert docs["003"].tasks[0].items[0].done.startswith("①根据近期疫情防控形势")
    assert "\n⑦进行疫情防控演练" in docs["003"].tasks[0].items[0].done
    assert docs["004"].tasks[1].items[0].done.startswith("一是强化改革赋能。")
    assert docs["004"].tasks[1].units == ["市财政局(市国资委)"]


def test_glued_rows_split_task_from_progress(docs: dict[str, ParsedDocument]) -> None:
    first = docs["024"].tasks[0]
    assert first.text.endswith("落地率75%以上。")
    assert first.items[0].done.startswith("前三季度,全市GDP增长11.4%")
    assert first.items[0].done.endswith("落地率96.5%。")


def test_059_cells_merged_over_rows_are_copied_down(docs: dict[str, ParsedDocument]) -> None:
    # header split over lines (区政府 / 分管领导) and spaced (工 作 标 准)
    doc = docs["059"]
    assert [c.header for c in doc.columns] == [
        "序号",
        "目标名称",
        "工作标准",
        "区政府分管领导",
        "牵头单位",
        "配合单位",
    ]
    t = {task.serial: task for task in doc.tasks}
    assert [task.serial for task in doc.tasks] == [f"({n})" for n in range(1, 11)]
    # (2): own lead unit 财政局, leader and co-units merged from (1)
    assert t["(2)"].units == ["财政局", "经开区", "高新园(邹区镇)", "各街道", "统计局"]
    assert t["(2)"].extra["区政府分管领导"] == "王旭锋"
    # (4), (5) have no cells of their own: all taken from (3)
    for serial in ("(4)", "(5)"):
        assert t[serial].units == t["(3)"].units
        assert t[serial].units[0] == "商务局"
        assert t[serial].extra["区政府分管领导"] == "吴 伟"
    # a "(安委办)" line continues the lead unit; the rest are co-units, lead first
    assert t["(7)"].units == ["应急管理局(安委办)", "区安委会各成员单位"]
    assert t["(6)"].units == ["工信局", "生态环境局"]
    assert t["(6)"].text.startswith("主要污染物减排")
    merged = [w.message for w in doc.warnings if "assumed merged" in w.message]
    assert len(merged) == 1 and "(4)" in merged[0] and "(5)" in merged[0]
    assert "(6)" not in merged[0]
    assert not any("cannot be aligned" in w.message for w in doc.warnings)
    # metadata: the table's own title, not the attachment list; the signing government
    assert doc.meta.title == "2024年《政府工作报告》主要目标任务责任分解表"
    assert doc.meta.government == "钟楼区"


def test_075_plan_in_prose(docs: dict[str, ParsedDocument]) -> None:
    doc = docs["075"]
    assert [t.serial for t in doc.tasks] == ["1", "2", "3", "4", "5"]
    t = doc.tasks
    # "市投资促进中心,各县(区)政府、各功能区管委会": split at , and 、 but not inside (区)
    assert t[1].units == ["市投资促进中心", "各县(区)政府", "各功能区管委会"]
    assert t[2].units[0] == "市投资促进中心" and t[2].units[-1] == "新区驻杭联络处"
    assert len(t[2].units) == 5
    assert t[3].units == ["市发改委"]
    assert t[3].text == "集中力量抓好 132 个省市重点项目建设,新开工 48 个重大项目。"
    # the "(列第一位者…,下同)" remark is a note, not part of a unit name
    assert doc.meta.notes == ["(列第一位者为工作牵头或汇总单位,下同)"]
    assert doc.meta.government == "舟山市"
    assert doc.meta.period is not None and doc.meta.period.end_date is None
    assert [c.header for c in doc.columns] == ["序号", "任务内容", "责任单位"]
    assert all(task.items and not task.items[0].done for task in doc.tasks)
