"""The text layouts other than cells-per-line (pipe, bar) and the header rules met in the
corpus (traditional characters, two progress periods side by side), on small made-up pages."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.layout import GROUP_KEY

TITLE = "2021年度市政府重点工作任务1-11月完成情况"


def test_pipe_table_with_nav_row_group_row_and_cut_last_row():
    text = "\n".join(
        [
            "URL: http://example.gov.cn/art/2021/12/1/a.html",
            "QUERY: 半年度 完成情况",
            "信息公开 | 重要工作 | 政府绩效目标 |",
            TITLE,
            "序号 | 任务内容 | 责任单位 | 完成情况 |",
            "一、经济发展",
            "1 | 建设城市公园。 | 市建设局、市财政局 | 1.完成设计。2.开工。 |",
            "| 新增就业岗位。 | 市人社局 | 新增1万个 |",
            "3 | 改造老旧小区。 | 市住建局 | 完成改造",
        ]
    )
    doc = read_document(text.encode(), name="pipe.txt")
    assert doc.layout == "pipe"
    assert doc.meta.title == TITLE and doc.meta.period.month == 11
    assert doc.meta.source_url == "http://example.gov.cn/art/2021/12/1/a.html"
    assert [(t.serial, t.text, t.units) for t in doc.tasks] == [
        ("1", "建设城市公园。", ["市建设局", "市财政局"]),
        ("2", "新增就业岗位。", ["市人社局"]),
        ("3", "改造老旧小区。", ["市住建局"]),
    ]
    assert doc.tasks[0].items[0].done == "1.完成设计。2.开工。"
    assert doc.tasks[0].extra[GROUP_KEY] == "一、经济发展"
    messages = [w.message for w in doc.warnings]
    assert any("no serial" in m and "numbered 2 by position" in m for m in messages)
    assert any("row 3" in m and "cut off" in m for m in messages)


def test_bar_layout_cells_followed_by_a_bar_line():
    cells = ["序号", "任务内容", "完成情况", "1", "建设城市公园。", "已完成设计。\n\n已开工。"]
    cells += ["2", "新增就业岗位。", "新增1万个。"]
    text = TITLE + "\n\n" + "".join(f"{c}\n|\n" for c in cells)
    doc = read_document(text.encode(), name="bar.txt")
    assert doc.layout == "bar"
    assert [(t.serial, t.text, t.items[0].done) for t in doc.tasks] == [
        ("1", "建设城市公园。", "已完成设计。\n已开工。"),
        ("2", "新增就业岗位。", "新增1万个。"),
    ]


def _page(header: list[str], *rows: list[str]) -> bytes:
    paras = [TITLE, *header]
    for row in rows:
        paras += row
    return ("\n\n".join(paras) + "\n").encode()


def test_traditional_header_words_and_two_progress_periods():
    header = ["序號", "任務內容", "責任單位", "1-10月完成情況", "1-11月完成情況"]
    doc = read_document(
        _page(header, ["1", "建设城市公园。", "市建设局", "完成设计。", "开工建设。"]), name="t.txt"
    )
    roles = [str(c.role) for c in doc.columns]
    assert roles == ["serial", "task", "units", "done", "done"]
    task = doc.tasks[0]
    assert task.items[0].done == "开工建设。"  # the latest period is the progress
    assert task.extra == {"1-10月完成情況": "完成设计。"}
    assert any("two periods side by side" in w.message for w in doc.warnings)


def test_units_note_in_task_text_and_lead_marks():
    header = ["序号", "工作内容", "完成情况"]
    doc = read_document(
        _page(
            header,
            ["1", "建设公园。[牵头单位:市建设局;配合单位:市财政局、市资规局]", "完成设计。"],
            ["2", "新增就业。(牵头单位:市人社局)", "新增1万个。"],
        ),
        name="u.txt",
    )
    assert [(t.text, t.units) for t in doc.tasks] == [
        ("建设公园。", ["市建设局", "市财政局", "市资规局"]),
        ("新增就业。", ["市人社局"]),
    ]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("王某某市长主抓重点工作", True),
        ("李某副区长负责的工作", True),
        ("一、县管委会牵头工作(8项)", True),
        ("完成投资5亿元。", False),
        # a group row is no sentence: the same words closing a sentence are none
        ("王某某市长主抓重点工作。", False),
        ("一、县管委会牵头工作(8项)；", False),
        ("(二)稳增长工作!", False),
        ("(二)稳增长工作", True),
    ],
)
def test_group_rows_by_leader(text, group):
    from luoshi.ingest.text.shapes import is_group

    assert is_group(text) is group


def test_glued_header_with_a_category_before_the_serial_and_units_mid_row():
    page = "\n".join(
        [
            "2030年安澜区政府重点工作全年完成情况",
            "类别序号重点督办内容牵头单位全年完成情况",
            "主要预期目标1生产总值增长6%左右。区发展改革委全年增长5.2%。",
            "主要预期目标2财政收入增长3%。区财政局全年增长3.4%,",
            "完成调整后目标。",
            "重点工作3新建学校2所。区教委已建成2所。",
        ]
    )
    doc = read_document(page.encode(), name="glued.txt")
    assert doc.layout == "glued"
    assert [str(c.role) for c in doc.columns] == ["category", "serial", "task", "lead_unit", "done"]
    got = [(t.serial, t.text, t.units, t.items[0].done, t.extra["类别"]) for t in doc.tasks]
    assert got == [
        ("1", "生产总值增长6%左右。", ["区发展改革委"], "全年增长5.2%。", "主要预期目标"),
        ("2", "财政收入增长3%。", ["区财政局"], "全年增长3.4%,\n完成调整后目标。", "主要预期目标"),
        ("3", "新建学校2所。", ["区教委"], "已建成2所。", "重点工作"),
    ]


def test_pipe_continuation_line_with_empty_cells_is_not_a_row():
    page = "\n".join(
        [
            TITLE,
            "序号 | 任务内容 | 责任单位 | 完成情况 |",
            "1 | 新建学校3所, | 市教育局 | 已开工。 |",
            "新增学位810个 | | | |",
            "2 | 改造道路。 | 市交通局 | 已完工。 |",
        ]
    )
    doc = read_document(page.encode(), name="cont.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2"]
    assert doc.tasks[0].text == "新建学校3所,\n新增学位810个"


def test_rows_without_serials_read_as_runs_of_cells_when_every_run_fits():
    cells = ["项目名称", "建设内容", "责任单位", "进展情况"]
    cells += ["城市公园", "新建公园3个", "县建设局", "已建成2个。"]
    cells += ["老旧小区", "改造小区10个", "县住建局", "完工6个。"]  # 老旧小区 ends like a unit
    cells += ["乡村道路", "修建道路20公里", "县交通局", "已完成15公里。"]
    doc = read_document(
        ("2030年安澜县民生实事三季度进展情况\n\n" + "\n\n".join(cells)).encode(), name="fw.txt"
    )
    got = [(t.serial, t.text, t.units, t.items[0].done) for t in doc.tasks]
    assert got == [
        ("1", "城市公园\n新建公园3个", ["县建设局"], "已建成2个。"),
        ("2", "老旧小区\n改造小区10个", ["县住建局"], "完工6个。"),
        ("3", "乡村道路\n修建道路20公里", ["县交通局"], "已完成15公里。"),
    ]
    assert any("runs of 4 cells" in w.message for w in doc.warnings)


def test_a_marked_serial_keeps_its_mark():
    cells = [
        "序号",
        "工作任务",
        "责任单位",
        "1",
        "建设公园。",
        "市建设局",
        "2*",
        "改造道路。",
        "市交通局",
    ]
    doc = read_document(
        ("2030年安澜市重点工作任务分解\n\n" + "\n\n".join(cells)).encode(), name="m.txt"
    )
    assert [t.serial for t in doc.tasks] == ["1", "2*"]


def test_pinyin_glosses_of_a_mirror_site_are_removed_with_a_warning():
    cells = [
        "序號(hào)",
        "工作任務(wù)",
        "責(zé)任單(dān)位",
        "1",
        "建設(shè)公園。",
        "市建設(shè)局",
    ]
    doc = read_document(
        ("2030年安澜市重点工作任务分解\n\n" + "\n\n".join(cells)).encode(), name="g.txt"
    )
    assert [c.header for c in doc.columns] == ["序號", "工作任務", "責任單位"]
    assert doc.tasks[0].text == "建設公園。" and doc.tasks[0].units == ["市建設局"]
    assert any("pinyin" in w.message for w in doc.warnings)


def test_category_column_before_the_serial_given_once_per_group():
    cells = ["类别", "序号", "工作任务", "责任单位"]
    cells += ["经济发展", "1", "建设工业园区。", "市经信局"]
    cells += ["2", "新增市场主体。", "市市场监管局"]  # the category cell is merged: not repeated
    cells += ["民生保障", "3", "新增就业岗位。", "市人社局"]
    doc = read_document(
        ("2030年安澜市重点工作任务分解\n\n" + "\n\n".join(cells)).encode(), name="c.txt"
    )
    assert [str(c.role) for c in doc.columns] == ["category", "serial", "task", "units"]
    got = [(t.serial, t.text, t.units, t.extra["类别"]) for t in doc.tasks]
    assert got == [
        ("1", "建设工业园区。", ["市经信局"], "经济发展"),
        ("2", "新增市场主体。", ["市市场监管局"], "经济发展"),
        ("3", "新增就业岗位。", ["市人社局"], "民生保障"),
    ]
    assert any("carried down" in w.message and "(2)" in w.message for w in doc.warnings)


def test_a_total_row_after_the_tasks_is_not_read_into_the_last_task():
    cells = ["序号", "项目名称", "责任单位", "完成投资", "1", "新建公园。", "市建设局", "2亿元"]
    cells += ["2", "改造道路。", "市交通局", "3亿元", "合计", "", "5亿元"]
    doc = read_document(
        ("2030年安澜市民生实事三季度进展情况\n\n" + "\n\n".join(cells)).encode(), name="t.txt"
    )
    assert [t.serial for t in doc.tasks] == ["1", "2"]
    assert doc.tasks[1].extra["完成投资"] == "3亿元"
    assert any("total row" in w.message for w in doc.warnings)


def test_a_total_row_in_space_rows():
    page = "序号 项目名称 责任单位 完成情况\n1 新建公园。 县建设局 已完工。\n合计 1项\n"
    doc = read_document(page.encode(), name="s.txt")
    assert [t.serial for t in doc.tasks] == ["1"] and doc.tasks[0].items[0].done == "已完工。"
    assert any("total row" in w.message for w in doc.warnings)


def test_a_row_short_of_cells_is_aligned_by_content():
    cells = ["序号", "工作任务", "牵头领导", "责任单位", "完成时限"]
    cells += ["1", "建设公园。", "张某某", "市建设局", "6月底"]
    cells += ["2", "改造道路。", "市交通局", "9月底"]  # leader merged from row 1: not repeated
    cells += ["3", "新建学校。", "李某某", "市教育局", "年底"]
    doc = read_document(
        ("2030年安澜市重点工作任务分解\n\n" + "\n\n".join(cells)).encode(), name="a.txt"
    )
    t = doc.tasks[1]
    assert (t.text, t.units, t.extra["完成时限"], t.extra.get("牵头领导", "")) == (
        "改造道路。",
        ["市交通局"],
        "9月底",
        "张某某",  # the merged leader carried down (SHORT ROW RULE)
    )
    assert any("aligned by content" in w.message and "牵头领导" in w.message for w in doc.warnings)
    assert any("carried down" in w.message and "(2)" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (
            ["序号", "攻坚目标", "任务", "责任", "领导", "责任单位"],
            ["serial", "task", "leader", "units"],
        ),
        (["序号", "重点工作", "任务", "牵头单位"], ["serial", "task", "lead_unit"]),
    ],
)
def test_header_words_split_over_two_lines_are_joined(header, roles):
    cells = [*header, "1", "建设公园。", *(["张某某"] if "领导" in header else []), "市建设局"]
    doc = read_document(
        ("2030年安澜市重点工作任务分解\n\n" + "\n\n".join(cells)).encode(), name="h.txt"
    )
    assert [str(c.role) for c in doc.columns] == roles
    assert doc.tasks[0].text == "建设公园。" and doc.tasks[0].units == ["市建设局"]


# A pipe table whose progress header spans three named columns on the line below, total and
# subtotal rows (the subtotal naming the category of the rows under it), lone-bar lines.
SPANNED = "\n".join(
    [
        "2031年青禾县民生实事项目推进表",
        "类别 | 序号 | 项目名称 | 年度计划投资 | 2031年9月进展情况 | 责任单位 |",
        "完成投(筹)资 | 投资完成率 | 实施情况 |",
        "合计:2大类3个项目 | 900 | 600 | 66.7% |",
        "|",
        "一、教育惠民 | 教育惠民2个项目合计 | 500 | 400 | 80% |",
        "|",
        "1 | 新建幼儿园 | 300 | 300 | 100% | 已建成。 | 县教育局 |",
        "2 | 改造校舍 | 200 | 100 | 50% | 主体完工。 | 县教育局 县住建局 |",
    ]
)


def test_pipe_header_spanning_columns_on_the_line_below():
    doc = read_document(SPANNED.encode(), name="t.txt")
    assert [(c.header, c.role.value) for c in doc.columns] == [
        ("类别", "category"),
        ("序号", "serial"),
        ("项目名称", "task"),
        ("年度计划投资", "target"),
        ("完成投(筹)资", "actual"),
        ("投资完成率", "declared_status"),
        ("实施情况", "done"),
        ("责任单位", "units"),
    ]
    assert [(t.serial, t.text, t.units, t.items[0].done) for t in doc.tasks] == [
        ("1", "新建幼儿园", ["县教育局"], "已建成。"),
        ("2", "改造校舍", ["县教育局", "县住建局"], "主体完工。"),
    ]
    assert [t.extra["类别"] for t in doc.tasks] == ["一、教育惠民", "一、教育惠民"]
    assert [t.extra["投资完成率"] for t in doc.tasks] == ["100%", "50%"]
    said = " ".join(w.message for w in doc.warnings)
    assert "spans 完成投(筹)资/投资完成率/实施情况" in said
    assert "2 total/subtotal row(s)" in said


def test_pipe_progress_header_spanning_figures_on_the_line_below():
    lines = [
        "2031年青禾县民生实事推进表",
        "序号 | 项目名称 | 责任单位 | 1-9月完成情况 | 备注 |",
        "完成数 | 完成率 |",
        "1 | 新建幼儿园 | 县教育局 | 3所 | 75% | 无 |",
        "2 | 改造校舍 | 县住建局 | 10所 | 100% | |",
    ]
    doc = read_document("\n".join(lines).encode(), name="t.txt")
    assert [c.role.value for c in doc.columns] == [
        "serial", "task", "units", "actual", "declared_status", "remarks"
    ]
    assert [(t.text, t.extra["完成数"], t.extra["完成率"]) for t in doc.tasks] == [
        ("新建幼儿园", "3所", "75%"),
        ("改造校舍", "10所", "100%"),
    ]


def test_pipe_header_cells_glued_together_are_cut_when_the_rows_are_wider():
    lines = [
        "2031年青禾县重点工作推进表",
        "序号 | 重点任务 | 当前进度牵头单位 |",
        "1 | 新建幼儿园 | 已建成。 | 县教育局 |",
        "2 | 改造校舍 | 主体完工。 | 县住建局 |",
    ]
    doc = read_document("\n".join(lines).encode(), name="t.txt")
    assert [c.header for c in doc.columns] == ["序号", "重点任务", "当前进度", "牵头单位"]
    assert [(t.units, t.items[0].done) for t in doc.tasks] == [
        (["县教育局"], "已建成。"),
        (["县住建局"], "主体完工。"),
    ]


def test_pipe_header_glued_words_kept_when_the_rows_are_as_wide():
    lines = [
        "序号 | 重点任务 | 牵头单位 | 进展情况 |",
        "1 | 新建幼儿园 | 县教育局 | 已建成。 |",
        "2 | 改造校舍 | 县住建局 | 主体完工。 |",
    ]
    doc = read_document("\n".join(lines).encode(), name="t.txt")
    assert [c.header for c in doc.columns] == ["序号", "重点任务", "牵头单位", "进展情况"]


def test_wrapped_pipe_line_continues_the_cell_left_unfinished():
    lines = [
        "序号 | 重点任务 | 责任单位 | 进展情况 |",
        "1 | 新建幼儿园 | 县教育局 | 已建成主体, |",
        "正在装修。 | | |",
        "2 | 改造校舍 | 县住建局 | 主体完工。 |",
    ]
    doc = read_document("\n".join(lines).encode(), name="t.txt")
    assert [(t.text, t.items[0].done) for t in doc.tasks] == [
        ("新建幼儿园", "已建成主体,\n正在装修。"),
        ("改造校舍", "主体完工。"),
    ]


def test_bar_layout_two_columns_without_serials():
    text = "2031年青禾县民生实事进展\n项目名称\n|\n进展情况\n|\n新建幼儿园\n|\n已建成。\n|\n"
    text += "改造校舍\n|\n主体完工。\n|"
    doc = read_document(text.encode(), name="t.txt")
    assert doc.layout == "bar"
    assert [(t.text, t.items[0].done) for t in doc.tasks] == [
        ("新建幼儿园", "已建成。"),
        ("改造校舍", "主体完工。"),
    ]


def test_space_rows_without_serials_a_progress_cell_wrapped_after_a_comma():
    lines = [
        "重点任务 牵头单位 进展情况",
        "新建幼儿园 县教育局 已建成。",
        "改造校舍 县住建局 主体完工,",
        "正在验收。",
    ]
    doc = read_document("\n".join(lines).encode(), name="t.txt")
    assert [(t.text, t.units, t.items[0].done) for t in doc.tasks] == [
        ("新建幼儿园", ["县教育局"], "已建成。"),
        ("改造校舍", ["县住建局"], "主体完工,\n正在验收。"),
    ]


def test_pipe_row_short_of_a_merged_category_cell_is_aligned_by_content():
    lines = [
        "大类 | 项目名称 | 责任单位 | 进展情况 |",
        "教育 | 新建幼儿园 | 县教育局 | 已建成。 |",
        "改造校舍 | 县住建局 | 主体完工。 |",
        "交通 | 修建道路 | 县交通局 | 完成80%。 |",
    ]
    doc = read_document("\n".join(lines).encode(), name="t.txt")
    assert [(t.text, t.units, t.extra["大类"]) for t in doc.tasks] == [
        ("新建幼儿园", ["县教育局"], "教育"),
        ("改造校舍", ["县住建局"], "教育"),
        ("修建道路", ["县交通局"], "交通"),
    ]
    assert any("aligned by content" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("header", "kind", "end"),
    [
        ("序号 | 项目名称 | 责任单位 | 2031年7月进展情况 |", "month", "2031-07-31"),
        ("序号 | 项目名称 | 2031年目标 | 1-9月完成情况 |", "q3", "2031-09-30"),
    ],
)
def test_page_without_title_takes_the_period_a_progress_header_names(header, kind, end):
    lines = [header, "1 | 新建幼儿园 | 县教育局 | 已建成。 |", "2 | 改造校舍 | 县住建局 | 主体完工。 |"]
    doc = read_document("\n".join(lines).encode(), name="t.txt")
    assert doc.meta.title == ""
    assert (str(doc.meta.period.kind), str(doc.meta.period.end_date)) == (kind, end)
    assert any("taken from the column header" in w.message for w in doc.warnings)


def test_page_without_title_or_period_in_its_headers_says_so():
    lines = ["序号 | 项目名称 | 责任单位 | 进展情况 |", "1 | 新建幼儿园 | 县教育局 | 已建成。 |"]
    doc = read_document("\n".join(lines).encode(), name="t.txt")
    assert doc.meta.period is None
    assert any("no title found" in w.message for w in doc.warnings)


@pytest.mark.parametrize("fmt", ["pipe", "cells"])
def test_unit_cell_with_its_heads_name_gives_the_unit_and_a_person(fmt):
    # 牵头单位及主要负责人: the unit, a space, the head's name (units.HEAD_RULE)
    header = ["序号", "工作任务", "牵头单位及主要负责人", "进展情况"]
    rows = [
        ["1", "建成城市书房5个。", "县文广旅体局 周某文", "已建成3个。"],
        ["2", "改造农贸市场2个。", "县市场监管局 钱  芳", "均已开工。"],
        ["3", "新增停车位800个。", "县住建局", "新增500个。"],
    ]
    if fmt == "pipe":
        text = "\n".join(" | ".join(r) + " |" for r in [header, *rows])
    else:
        text = "\n\n".join(c for r in [header, *rows] for c in r)
    doc = read_document(("2023年重点工作进展情况\n" + text).encode(), name="heads.txt")
    assert [(t.serial, t.units, t.extra.get("责任人")) for t in doc.tasks] == [
        ("1", ["县文广旅体局"], "周某文"),
        ("2", ["县市场监管局"], "钱芳"),
        ("3", ["县住建局"], None),
    ]
    warned = [w.message for w in doc.warnings if "person after the unit" in w.message]
    assert len(warned) == 1 and "(1, 2)" in warned[0]
