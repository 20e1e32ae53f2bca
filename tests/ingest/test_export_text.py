"""Text export -> text import gives back the same document (a property over generated plans),
and the writer writes the published pages' style."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.export import formats, write_document
from luoshi.ingest import read_document
from luoshi.ingest.model import Column, Item, Meta, ParsedDocument, Period, Task
from luoshi.vocab import ColumnRole as R
from luoshi.vocab import PeriodKind

# Our own phrases, in the registers the columns are written in.
PLACES = ["东区", "西区", "南湖", "北岸", "新城", "老城", "港区", "山前"]
WORKS = ["公园", "广场", "道路", "学校", "医院", "码头", "污水管网", "文化礼堂"]
VERBS = ["建设", "改造", "提升", "新建", "完善"]
DONE = [
    "已完成{x}方案设计。",
    "累计完成投资{n}亿元。",
    "截至9月底,{x}完成主体工程{n}%。",
    "已出台{x}实施办法。",
    "召开{x}推进会{n}次。",
    "{x}项目已开工建设。",
]
PROBLEMS = [
    "{x}征地拆迁难度较大,进度缓慢。",
    "{x}资金压力较大。",
    "{x}尚未完成用地报批。",
    "受疫情影响,{x}施工进度有所滞后。",
    "{x}专业人才不足。",
]
PLANS = [
    "继续推进{x}建设。",
    "加快{x}施工进度,力争年底前完工。",
    "下一步将做好{x}验收工作。",
    "进一步完善{x}管理制度。",
    "确保{x}按期完成。",
]
UNITS = [
    "市发改委",
    "市财政局",
    "市建设局",
    "市教育局",
    "市卫健委",
    "市府办(市大数据局)",
    "各县(区)政府",
]

LAYOUTS = {
    3: [Column("序号", R.SERIAL), Column("重点工作", R.TASK), Column("完成情况", R.DONE)],
    4: [
        Column("序号", R.SERIAL),
        Column("任务内容", R.TASK),
        Column("责任单位", R.UNITS),
        Column("全年完成情况", R.DONE),
    ],
    6: [
        Column("序号", R.SERIAL),
        Column("任务内容", R.TASK),
        Column("责任单位", R.UNITS),
        Column("前三季度完成情况", R.DONE),
        Column("存在问题及困难", R.PROBLEMS),
        Column("下一步工作", R.NEXT_STEPS),
    ],
}


@st.composite
def sentence(draw, pool, thing):
    return draw(st.sampled_from(pool)).format(x=thing, n=draw(st.integers(2, 95)))


@st.composite
def cell(draw, pool, thing, may_be_empty=True, intro=False):
    """One paragraph, or a numbered list (maybe after a lead-in paragraph), or empty."""
    shape = draw(st.sampled_from(["one", "list", "empty"] if may_be_empty else ["one", "list"]))
    if shape == "empty":
        return ""
    if shape == "one":
        return draw(sentence(pool, thing))
    n = draw(st.integers(2, 4))
    paras = [f"{k}.{draw(sentence(pool, thing))}" for k in range(1, n + 1)]
    if intro and draw(st.booleans()):
        paras.insert(0, draw(sentence(pool, thing)))
    return "\n".join(paras)


@st.composite
def task(draw, serial, width):
    clauses = [
        f"{draw(st.sampled_from(VERBS))}{p}{draw(st.sampled_from(WORKS))}"
        for p in draw(st.lists(st.sampled_from(PLACES), min_size=1, max_size=3, unique=True))
    ]
    text = ",".join(clauses) + "。"
    units = (
        draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True))
        if width > 3
        else []
    )
    subrows = width == 6 and len(clauses) > 1 and draw(st.booleans())
    items = []
    for clause in clauses if subrows else [text]:
        thing = clause[2:] if subrows else clauses[0][2:]
        items.append(
            Item(
                heading=clause + "。" if subrows else None,
                done=draw(cell(DONE, thing, may_be_empty=False, intro=True)),
                problems=draw(cell(PROBLEMS, thing)) if width == 6 else "",
                next_steps=draw(cell(PLANS, thing)) if width == 6 else "",
            )
        )
    return Task(serial=str(serial), text=text, units=units, items=items)


@st.composite
def documents(draw):
    width = draw(st.sampled_from(sorted(LAYOUTS)))
    n = draw(st.integers(1, 12))
    year = draw(st.integers(2018, 2025))
    meta = Meta(
        title=f"{year}年度市政府重点工作任务前三季度完成情况",
        index_no=f"001008009005001/{year}-{draw(st.integers(1, 99999))}",
        category="市政府工作报告",
        publisher="市政府办公室",
        written_date=date(year, 10, draw(st.integers(1, 28))),
        published_date=date(year, 10, 29),
        disclosure="主动公开",
        government=draw(st.sampled_from(["安澜市", "青禾市"])),
        year=year,
        period=Period(PeriodKind.Q3, "前三季度", date(year, 9, 30)),
    )
    tasks = [draw(task(i, width)) for i in range(1, n + 1)]
    return ParsedDocument(meta=meta, columns=list(LAYOUTS[width]), tasks=tasks), draw(
        st.integers(0, 5)
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_text_round_trip(case):
    doc, header_every = case
    back = read_document(write_document(doc, "text", header_every=header_every), name="rt.txt")
    assert back.to_dict()["tasks"] == doc.to_dict()["tasks"]
    assert back.to_dict()["meta"] == doc.to_dict()["meta"]
    assert back.columns == doc.columns
    assert back.warnings == []


def test_writer_style():
    doc = ParsedDocument(
        meta=Meta(
            title="2020年度市政府重点工作任务前三季度完成情况",
            notes=["(列第一位者为牵头单位,下同)"],
        ),
        columns=list(LAYOUTS[6]),
        tasks=[
            Task(
                "1",
                "建设公园。",
                ["市建设局", "市财政局"],
                [Item(None, "1.已完成。\n2.已开工。", "", "继续。")],
            )
        ]
        * 3,
    )
    text = write_document(doc, "text", header_every=2).decode("utf-8")
    paras = [p for p in text.splitlines() if p.strip()]
    assert paras.count("序号") == 2  # the header, and once more before the third task
    assert "市建设局、市财政局(列第一位者为牵头单位,下同)" in paras
    assert "——" in paras and "2.已开工。" in paras
    assert "text" in formats()
