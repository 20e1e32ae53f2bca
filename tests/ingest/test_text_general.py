"""Rules of the text reader that hold whatever the page: the same table read alike in every
flattening, with or without a 序号 column (benchmarks/layout_transfer.py measures this on the
corpus; these cases pin each rule with our own wording)."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document

ROWS = [
    ("新建城市公园3个", "市建设局", "已建成2个,第3个在建。"),
    ("改造老旧小区20个", "市住建局、市财政局", "已开工18个。"),
    ("新增学位810个", "市教育局", "秋季学期投用。"),
]
HEADER = ("任务内容", "责任单位", "完成情况")


def _page(layout: str, serial: bool) -> str:
    header = (["序号"] if serial else []) + list(HEADER)
    rows = [([str(n)] if serial else []) + list(r) for n, r in enumerate(ROWS, 1)]
    out = ["2023年重点工作推进情况表", ""]
    if layout == "markdown":
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "|".join(":---" for _ in header) + "|")
        out += ["| " + " | ".join(r) + " |" for r in rows]
    elif layout == "pipe-cells":
        out += [f"{c} |" for c in header]
        out += [f"{c} |" for r in rows for c in r]
    elif layout == "space-rows":
        out.append("  ".join(header))
        out += ["  ".join(r) for r in rows]
    elif layout == "tab-rows":
        out.append("\t".join(header))
        out += ["\t".join(r) for r in rows]
    elif layout == "csv":
        out.append(",".join(header))
        out += [",".join(f'"{c}"' if "，" in c or "," in c else c for c in r) for r in rows]
    elif layout == "pipe-two-line-header":  # each header word split over two header lines
        out.append(" | ".join(w[:2] for w in header) + " |")
        out.append(" | ".join(w[2:] for w in header) + " |")
        out += [" | ".join(r) + " |" for r in rows]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    ("layout", "serial"),
    [
        ("markdown", True),  # separator row and the opening bar are no cells
        ("markdown", False),
        ("pipe-cells", True),
        ("pipe-cells", False),  # rows every header-width cells
        ("space-rows", True),
        ("space-rows", False),  # a row per line of two or more pieces
        ("tab-rows", True),  # a tab is a cell border, never inside a word (not glued)
        ("tab-rows", False),
        ("csv", True),  # comma-separated rows under a title
        ("csv", False),
        ("pipe-two-line-header", True),  # the header's second line joins the first
    ],
)
def test_same_table_in_every_flattening(layout: str, serial: bool) -> None:
    doc = read_document(_page(layout, serial).encode(), name="t.txt")
    got = [(t.text, "、".join(t.units), t.items[0].done) for t in doc.tasks]
    assert got == ROWS
    assert [t.serial for t in doc.tasks] == ["1", "2", "3"]


def test_pipe_cells_empty_cell_is_its_own_cell() -> None:
    header = ["序号 |", "任务内容 |", "完成情况 |", "责任单位 |"]
    rows = ["1 |", "新建公园3个。 |", "已建成2个。 |", "市建设局 |"]
    rows += ["2 |", "改造小区20个。 |", "已开工18个。 |", " |"]
    text = "\n".join([*header, *rows])
    doc = read_document(text.encode(), name="t.txt")
    assert doc.tasks[1].text == "改造小区20个。"
    assert doc.tasks[1].items[0].done == "已开工18个。"
    assert doc.tasks[1].units == []


@pytest.mark.parametrize(
    "unit_line",
    ["责任单位：{u}", "牵头单位：{u}", "【责任单位】{u}"],
)
def test_prose_list_items_are_no_header(unit_line: str) -> None:
    """Numbered paragraphs with unit lines are a prose list: a paragraph opening with its
    list number, or a labelled value (责任单位：市财政局), is never a header cell."""
    paras = []
    for n, (task, units, _) in enumerate(ROWS, 1):
        paras += [f"{n}.{task}", unit_line.format(u=units), ""]
    doc = read_document(("2023年重点工作任务分解\n\n" + "\n".join(paras)).encode(), name="t.txt")
    assert doc.layout == "prose"
    assert [(t.text, "、".join(t.units)) for t in doc.tasks] == [(r[0], r[1]) for r in ROWS]


PROSE_ITEMS = [
    # (how the item is written, task text, units)
    (
        "1.新建公园3个。牵头单位：市建设局；配合单位：市财政局。",
        "新建公园3个。",
        ["市建设局", "市财政局"],
    ),
    (
        "2.改造小区20个。（市住建局牵头，市财政局等按职责分工负责）",
        "改造小区20个。",
        ["市住建局", "市财政局"],
    ),
    ("3.新增学位810个（市财政局(国资委)）", "新增学位810个", ["市财政局(国资委)"]),
    ("4.建成图书馆1座。（市文广局牵头，下同）", "建成图书馆1座。", ["市文广局"]),
]


def test_prose_unit_notes_of_every_kind() -> None:
    text = "2023年重点工作任务分解\n\n" + "\n\n".join(p for p, _, _ in PROSE_ITEMS) + "\n"
    doc = read_document(text.encode(), name="t.txt")
    assert doc.layout == "prose"
    assert [(t.text, t.units) for t in doc.tasks] == [(a, b) for _, a, b in PROSE_ITEMS]


def test_prose_paragraphs_closing_with_a_note_are_tasks_numbered_by_position() -> None:
    text = (
        "2023年重点工作任务分解\n\n一、扩大有效投资\n\n新建公园3个。（责任单位：市建设局）\n\n"
        "改造小区20个。（责任单位：市住建局）\n\n二、保障民生\n\n新增学位810个。（责任单位：市教育局）\n"
    )
    doc = read_document(text.encode(), name="t.txt")
    assert [(t.serial, t.units) for t in doc.tasks] == [
        ("1", ["市建设局"]),
        ("2", ["市住建局"]),
        ("3", ["市教育局"]),
    ]
    assert any("by position" in w.message for w in doc.warnings)


def test_numbered_items_with_progress_fields_are_forms() -> None:
    """A progress field (进展情况：) after the unit line makes the items forms: the progress
    is read into its column, not ignored."""
    items = [
        f"{n}.{task}\n责任单位：{u}\n进展情况：{done}" for n, (task, u, done) in enumerate(ROWS, 1)
    ]
    text = "2023年上半年重点工作推进情况\n\n" + "\n\n".join(items) + "\n"
    doc = read_document(text.encode(), name="t.txt")
    got = [(t.text, "、".join(t.units), t.items[0].done) for t in doc.tasks]
    assert got == ROWS


def test_traditional_unit_names_look_like_units() -> None:
    """Organisation endings are compared in simplified script (辦 = 办, 區 = 区)."""
    from luoshi.ingest.text.shapes import looks_like_units

    assert looks_like_units("市疫情防控辦、各縣(區)")
    assert looks_like_units("區商務局")


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("县文旅局、各平台、镇街", True),  # 镇街: the towns and sub-districts, one word
        ("各镇街", True),
        ("修缮老街", False),  # 街 alone is no unit ending
    ],
)
def test_towns_and_subdistricts_as_one_word(cell: str, units: bool) -> None:
    from luoshi.ingest.text.shapes import looks_like_units

    assert looks_like_units(cell) is units


def test_header_split_at_a_conjunction_is_joined() -> None:
    """No header word ends or begins with 与/及/和: 内容 / 与要求 is one header."""
    from luoshi.ingest.text.cellheader import merge_split_headers

    assert merge_split_headers(["序号", "内容", "与要求", "完成", "情况"]) == [
        "序号",
        "内容与要求",
        "完成情况",
    ]


@pytest.mark.parametrize("serial", [True, False])
def test_cells_per_line_header_words_split_over_lines(serial: bool) -> None:
    """Every header word split in two (重点 / 工作, 完成 / 情况): the header is judged on the
    words joined, with or without 序号."""
    header = (["序号"] if serial else []) + ["重点", "工作", "责任", "单位", "完成", "情况"]
    rows = [([str(n)] if serial else []) + list(r) for n, r in enumerate(ROWS, 1)]
    paras = ["2023年重点工作推进情况表", *header, *(c for r in rows for c in r)]
    doc = read_document("\n\n".join(paras).encode(), name="t.txt")
    assert [c.header for c in doc.columns][-3:] == ["重点工作", "责任单位", "完成情况"]
    assert [(t.text, "、".join(t.units), t.items[0].done) for t in doc.tasks] == ROWS


@pytest.mark.parametrize(
    "item",
    [
        "{cn}、{task}\n责任单位：{units}",  # 一、 items, each with its unit line
        "{cn}是{task}（责任单位：{units}）",  # counted in words: 一是, 二是
        "第{cn}，{task}（责任单位：{units}）",
        "{n}.{task}——{units}",  # the unit list after a dash
        "{n}.{task}\n责任：{units}",  # the bare part word as the label
    ],
)
def test_prose_list_numbering_and_unit_styles(item: str) -> None:
    body = "\n\n".join(
        item.format(n=n, cn="一二三"[n - 1], task=task, units=units)
        for n, (task, units, _) in enumerate(ROWS, 1)
    )
    doc = read_document(f"2023年重点工作任务分解\n\n{body}\n".encode(), name="t.txt")
    assert doc.layout == "prose"
    assert [(t.text, "、".join(t.units)) for t in doc.tasks] == [(r[0], r[1]) for r in ROWS]


def test_points_counted_in_words_without_units_are_no_task_list() -> None:
    """一是… 二是… 三是… paragraphs without unit notes are a report's points (news, speeches):
    the page is refused, not read as a list of tasks without units."""
    from luoshi.ingest import IngestError

    points = [
        f"{cn}是{task}全市上下要统一思想，狠抓落实，确保取得实效。"
        for cn, (task, _, _) in zip("一二三", ROWS, strict=True)
    ]
    text = "市政府召开常务会议部署重点工作\n\n" + "\n\n".join(points) + "\n"
    with pytest.raises(IngestError):
        read_document(text.encode(), name="news.txt")


def test_short_cell_table_aligned_by_content() -> None:
    """A table of targets and figures flattened one cell per paragraph, with merged cells
    written once: category and unit carried down, a sub-group cell taken out of the task,
    a unit name wrapped mid-word joined, a figure 进度 column read as the actual figure, the
    repeated 备注 value kept in its row, and the next group's category at the end dropped."""
    paras = ["2030年安澜市十大民生工程1-7月进度表", "工程名称", "序号", "项目内容", "目标任务"]
    paras += ["牵头单位", "进度", "完成目标(%)", "备注"]
    paras += ["就业工程", "1", "稳就业促创业", "城镇新增就业(人)", "2600", "市人力资源"]
    paras += ["社会保障局", "1945", "74.8", "达到时间进度"]
    paras += ["2", "失业人员再就业(人)", "400", "303", "75.8", "达到时间进度"]
    paras += ["3", "就业困难人员就业(人)", "200", "153", "76.5", "超额完成"]
    paras += ["4", "技能培训(人次)", "3000", "市总工会", "2265", "75.5", "达到时间进度"]
    paras += ["5", "创业孵化(家)", "40", "31", "77.5", "达到时间进度", "扶贫工程"]
    doc = read_document("\n\n".join(paras).encode(), name="t.txt")
    roles = [str(c.role) for c in doc.columns]
    want = "category serial task target lead_unit actual declared_status remarks"
    assert roles == want.split()
    got = [
        (t.serial, t.text, t.units, t.extra["进度"], t.extra["备注"], t.extra["工程名称"])
        for t in doc.tasks
    ]
    assert got == [
        ("1", "城镇新增就业(人)", ["市人力资源社会保障局"], "1945", "达到时间进度", "就业工程"),
        ("2", "失业人员再就业(人)", ["市人力资源社会保障局"], "303", "达到时间进度", "就业工程"),
        ("3", "就业困难人员就业(人)", ["市人力资源社会保障局"], "153", "超额完成", "就业工程"),
        ("4", "技能培训(人次)", ["市总工会"], "2265", "达到时间进度", "就业工程"),
        ("5", "创业孵化(家)", ["市总工会"], "31", "达到时间进度", "就业工程"),
    ]
    assert doc.tasks[2].extra["分组"] == "稳就业促创业"
    assert any("carried down" in w.message for w in doc.warnings)


def test_rows_without_serials_an_empty_marked_unit_cell_still_fits() -> None:
    """Runs of cells without serials: a unit cell marked empty (——) fits the unit column, so
    a table whose last row has no unit is still read as runs of cells."""
    cells = ["任务内容", "完成情况", "责任单位"]
    cells += ["新建城市公园3个。", "已建成2个。", "市建设局"]
    cells += ["改造老旧小区20个。", "已开工18个。", "——"]
    doc = read_document(
        ("2023年重点工作推进情况表\n\n" + "\n\n".join(cells)).encode(), name="t.txt"
    )
    assert [(t.text, t.units) for t in doc.tasks] == [
        ("新建城市公园3个。", ["市建设局"]),
        ("改造老旧小区20个。", []),
    ]


def test_space_rows_category_before_serial_carried_down() -> None:
    lines = ["类别  序号  任务内容  责任单位  完成情况"]
    lines += [
        f"{'经济发展  ' if n == 1 else ''}{n}  {t}  {u}  {d}" for n, (t, u, d) in enumerate(ROWS, 1)
    ]
    doc = read_document(("2023年重点工作推进情况表\n\n" + "\n".join(lines)).encode(), name="t.txt")
    assert [t.extra["类别"] for t in doc.tasks] == ["经济发展"] * 3
    assert [(t.text, "、".join(t.units), t.items[0].done) for t in doc.tasks] == ROWS


def _category_page(layout: str) -> str:
    head = ["类别", "序号", *HEADER]
    rows = [(["经济发展"] if n == 1 else []) + [str(n), *r] for n, r in enumerate(ROWS, 1)]
    if layout == "pipe-empty":  # the merged cell written as an empty cell
        rows = [r if n == 0 else ["", *r] for n, r in enumerate(rows)]
        return "\n".join(" | ".join(r) + " |" for r in [head, *rows])
    if layout == "pipe-omitted":  # the merged cell left out of the later rows
        return "\n".join(" | ".join(r) + " |" for r in [head, *rows])
    if layout == "pipe-cells":
        return "\n".join(f"{c} |" for r in [head, *rows] for c in r)
    return "\n".join("｜".join(r) + "｜" for r in [head, *rows])  # full-width bars


@pytest.mark.parametrize("layout", ["pipe-empty", "pipe-omitted", "pipe-cells", "fullwidth"])
def test_category_before_serial_carried_down(layout: str) -> None:
    text = "2023年重点工作推进情况表\n\n" + _category_page(layout) + "\n"
    doc = read_document(text.encode(), name="t.txt")
    assert [t.extra["类别"] for t in doc.tasks] == ["经济发展"] * 3
    assert [(t.text, "、".join(t.units), t.items[0].done) for t in doc.tasks] == ROWS


@pytest.mark.parametrize(
    ("header", "row"),
    [
        # a target column apart from the progress column (units between): not the progress run
        (
            ["序号", "工作任务", "年度目标", "责任单位", "完成情况"],
            ["{n}", "{t}", "全年完成", "{u}", "{d}"],
        ),
        # serials written in brackets, alone on their line
        (["序号", "工作任务", "责任单位", "完成情况"], ["({n})", "{t}", "{u}", "{d}"]),
    ],
)
def test_cells_per_line_target_apart_and_bracketed_serials(
    header: list[str], row: list[str]
) -> None:
    cells = list(header)
    for n, (t, u, d) in enumerate(ROWS, 1):
        cells += [c.format(n=n, t=t, u=u, d=d) for c in row]
    doc = read_document(
        ("2023年重点工作推进情况表\n\n" + "\n\n".join(cells)).encode(), name="t.txt"
    )
    assert [(t.text, "、".join(t.units), t.items[0].done) for t in doc.tasks] == ROWS


@pytest.mark.parametrize("layout", ["pipe", "cells-per-line"])
@pytest.mark.parametrize("status_first", [False, True])
def test_status_words_column_beside_progress_is_declared_status(
    status_first: bool, layout: str
) -> None:
    """Two progress headers (进展情况, 完成情况): the one whose cells are all short status
    words is the declared status, on either side, in every layout; the other keeps the
    progress text, and a schedule column (进度安排) beside the task is its target."""
    heads = ["完成情况", "进展情况"] if status_first else ["进展情况", "完成情况"]
    rows = [("1", "建设某某公园", "6月底前开工", "已完成征地，正在招标。", "顺利推进")]
    rows.append(("2", "新增公交线路3条", "9月底前开通", "已开通2条。", "已完成"))
    table = [["序号", "工作事项", "进度安排", *heads]]
    for serial, task, plan, done, status in rows:
        table.append([serial, task, plan, *([status, done] if status_first else [done, status])])
    if layout == "pipe":
        text = "\n".join(" | ".join(r) + " |" for r in table)
    else:
        text = "\n\n".join(c for r in table for c in r)
    doc = read_document(text.encode(), name="t.txt")
    roles = [str(c.role) for c in doc.columns]
    want = ["serial", "task", "target", "declared_status", "done"]
    if not status_first:
        want[3:] = ["done", "declared_status"]
    assert roles == want
    assert [t.items[0].done for t in doc.tasks] == ["已完成征地，正在招标。", "已开通2条。"]
    assert [t.extra["完成情况"] for t in doc.tasks] == ["顺利推进", "已完成"]
    assert any("declared status" in w.message for w in doc.warnings)


def test_short_items_under_a_line_naming_them_are_a_task_list() -> None:
    """Short project names (no units) under a lead-in line that says they are projects are
    tasks, and that line is the title (year, government); the same items under a letter's
    通知如下: are not a task list."""
    items = ["1.城区污水管网改造;", "2.新建农贸市场;", "3.老旧小区改造;", "4.乡村公路提质。"]
    head = "安澜市人民代表大会票决产生了民生实事项目,现公告如下:\n安澜市人民政府2031年民生实事项目:"
    doc = read_document(("\n".join([head, *items]) + "\n").encode(), name="t.txt")
    assert [t.text for t in doc.tasks] == [i[2:] for i in items]
    assert (doc.meta.year, doc.meta.government) == (2031, "安澜市")
    from luoshi.ingest import IngestError

    letter = "各单位:\n现就有关事项通知如下:\n" + "\n".join(items) + "\n"
    with pytest.raises(IngestError):
        read_document(letter.encode(), name="t.txt")


def test_stage_words_and_shares_done_are_status_words_too() -> None:
    """已开工 / 85% beside a progress column of sentences: the declared status."""
    text = (
        "序号 | 工作任务 | 进展情况 | 完成情况 |\n1 | 建设某某公园 | 已完成征地，正在招标。 | 85% |\n"
        "2 | 新建学校 | 主体封顶。 | 已开工 |\n"
    )
    doc = read_document(text.encode(), name="t.txt")
    assert [str(c.role) for c in doc.columns][2:] == ["done", "declared_status"]
    assert [t.items[0].done for t in doc.tasks] == ["已完成征地，正在招标。", "主体封顶。"]
