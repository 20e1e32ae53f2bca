"""MERGED CELL AFTER THE RUN RULE (luoshi/ingest/text/rowcells.py): a cells-per-line table whose
task has one sub-row per unit, the unit cell merged over them, is flattened with the unit cell
after the first sub-row's progress and the later sub-rows' progress after it. Our own wording;
the layout is fresh4 cause 3's."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document

TITLE = "2021年第三季度重点工作任务落实情况表"


def _page(header: list[str], rows: list[list[str]]) -> str:
    out = [TITLE, ""]
    out += [h + "\n" for h in header]
    for row in rows:
        out += [p + "\n" for p in row]
    return "\n".join(out) + "\n"


def _done(task) -> list[str]:
    return [item.done or "" for item in task.items]


HEADER = ["序号", "重点任务", "进展情况", "责任单位"]

CASES = [
    # (header, rows, [(units, [done per item], next per item or None)])
    (
        "two units wrapped over lines ending in 、",
        HEADER,
        [
            [
                "1",
                "建设科技孵化园区。",
                "区科技局:已完成园区规划。",
                "区科技局、",
                "城东街道办事处",
                "城东街道办事处:已完成征地120亩,正在平整场地。",
            ],
            [
                "2",
                "改造农贸市场3个。",
                "区商务局:已完成选址。",
                "区商务局、",
                "城西街道办事处",
                "城西街道办事处:2个市场已开工改造,另1个正在设计。",
            ],
        ],
        [
            (
                ["区科技局", "城东街道办事处"],
                ["区科技局:已完成园区规划。", "城东街道办事处:已完成征地120亩,正在平整场地。"],
            ),
            (
                ["区商务局", "城西街道办事处"],
                ["区商务局:已完成选址。", "城西街道办事处:2个市场已开工改造,另1个正在设计。"],
            ),
        ],
    ),
    (
        "three units, two later sub-rows",
        HEADER,
        [
            [
                "1",
                "打造特色商业街区。",
                "区商务局:编制了街区提升方案,已报区政府审定。",
                "区商务局、",
                "区住建局、",
                "南山街道办事处",
                "区住建局:完成沿街立面改造设计。",
                "南山街道办事处:完成商户摸底调查86户。",
            ],
        ],
        [
            (
                ["区商务局", "区住建局", "南山街道办事处"],
                [
                    "区商务局:编制了街区提升方案,已报区政府审定。",
                    "区住建局:完成沿街立面改造设计。\n南山街道办事处:完成商户摸底调查86户。",
                ],
            ),
        ],
    ),
    (
        "the unit cell at the row's end is read as before",
        HEADER,
        [
            ["1", "新建公园3个。", "已建成2个,第3个主体完工。", "区住建局、", "区园林局"],
            ["2", "新增学位800个。", "秋季学期已投用新校舍两处。", "区教育局"],
        ],
        [
            (["区住建局", "区园林局"], ["已建成2个,第3个主体完工。"]),
            (["区教育局"], ["秋季学期已投用新校舍两处。"]),
        ],
    ),
]


@pytest.mark.parametrize(("name", "header", "rows", "want"), CASES, ids=[c[0] for c in CASES])
def test_unit_cell_merged_over_sub_rows(name, header, rows, want):
    doc = read_document(_page(header, rows).encode(), name="t.txt")
    assert [str(c.role) for c in doc.columns] == ["serial", "task", "done", "units"]
    assert len(doc.tasks) == len(want)
    for task, (units, done) in zip(doc.tasks, want, strict=True):
        assert list(task.units) == units
        assert _done(task) == done
        # no line of the unit cell is left in the progress
        assert not any(
            line in units or line.endswith("、") for d in _done(task) for line in d.split("\n")
        )
    merged = [w for w in doc.warnings if "merged over sub-rows (one per unit)" in w.message]
    assert len(merged) == sum(len(d) > 1 for _, d in want)


def test_progress_columns_of_each_sub_row_kept_apart():
    """With progress and next-step columns, each sub-row's pair is its own item."""
    header = ["序号", "重点任务", "进展情况", "下一步计划", "责任单位"]
    rows = [
        [
            "1",
            "建设智慧停车平台。",
            "区城管局:平台已上线试运行。",
            "继续扩大接入范围。",
            "区城管局、",
            "区大数据中心",
            "区大数据中心:已接入停车场42处。",
            "加快推进数据共享。",
        ],
    ]
    doc = read_document(_page(header, rows).encode(), name="t.txt")
    (task,) = doc.tasks
    assert list(task.units) == ["区城管局", "区大数据中心"]
    assert [(i.done, i.next_steps) for i in task.items] == [
        ("区城管局:平台已上线试运行。", "继续扩大接入范围。"),
        ("区大数据中心:已接入停车场42处。", "加快推进数据共享。"),
    ]


def test_cut_off_row_without_unit_list_keeps_its_warning():
    """A row whose progress holds no unit list and lacks its unit cell is cut off, as before:
    all its paragraphs are progress, the missing cell warned."""
    rows = [
        ["1", "建设科技孵化园区。", "已完成园区规划。", "区科技局"],
        ["2", "改造农贸市场3个。", "已完成选址。", "2个市场已开工改造,另1个正在设计"],
    ]
    doc = read_document(_page(HEADER, rows).encode(), name="t.txt")
    assert list(doc.tasks[1].units) == []
    assert "".join(_done(doc.tasks[1])).count("已") == 2
    assert any("ends before its 责任单位" in w.message for w in doc.warnings)
    assert not any("merged over sub-rows (one per unit)" in w.message for w in doc.warnings)


# UNIT SUB-ROWS RULE: the unit column before the progress, a unit cell in each sub-row.
UNITS_FIRST = ["序号", "重点任务", "责任单位", "进展情况"]
SUB_ROW_CASES = [
    (
        "one more unit",
        [
            "1",
            "建设科技孵化园区。",
            "区科技局",
            "已完成园区规划。",
            "城东街道办事处",
            "已完成征地120亩,正在平整场地。",
        ],
        ["区科技局", "城东街道办事处"],
        [("区科技局", "已完成园区规划。"), ("城东街道办事处", "已完成征地120亩,正在平整场地。")],
    ),
    (
        "a later unit cell wrapped over lines ending in 、",
        [
            "1",
            "打造特色商业街区。",
            "区商务局",
            "编制了街区提升方案,已报区政府审定。",
            "区住建局、",
            "区城管局",
            "完成沿街立面改造设计,拆除违规广告牌32处。",
            "南山街道办事处",
            "完成商户摸底调查86户。",
        ],
        ["区商务局", "区住建局", "区城管局", "南山街道办事处"],
        [
            ("区商务局", "编制了街区提升方案,已报区政府审定。"),
            ("区住建局、区城管局", "完成沿街立面改造设计,拆除违规广告牌32处。"),
            ("南山街道办事处", "完成商户摸底调查86户。"),
        ],
    ),
    (
        # a short line inside the progress that names no unit is progress, read as before
        "no unit inside the progress",
        ["1", "新建公园3个。", "区住建局", "已建成2个。", "第3个主体完工", "正在绿化。"],
        ["区住建局"],
        [(None, "已建成2个。\n第3个主体完工\n正在绿化。")],
    ),
]


@pytest.mark.parametrize(
    ("name", "row", "units", "items"), SUB_ROW_CASES, ids=[c[0] for c in SUB_ROW_CASES]
)
def test_a_unit_cell_inside_the_progress_opens_a_sub_row(name, row, units, items):
    doc = read_document(_page(UNITS_FIRST, [row]).encode(), name="t.txt")
    (task,) = doc.tasks
    assert list(task.units) == units
    assert [(i.heading, i.done) for i in task.items] == items
    said = [w for w in doc.warnings if "one sub-row per unit" in w.message]
    assert len(said) == (len(items) > 1)


def test_pipe_cells_row_with_a_sub_row_per_unit():
    """The same table flattened one cell per line with bars: the row's cells after its unit
    cell are the later sub-rows' progress, joined to the row's in page order (unitsubrows.py);
    a row of the header's width is read as before."""
    lines = [TITLE, "序号 |", "重点任务 |", "进展情况 |", "责任单位 |"]
    lines += [
        "1 |",
        "建设科技孵化园区。 |",
        "区科技局:已完成园区规划。 |",
        "区科技局、城东街道办事处 |",
    ]
    lines += ["城东街道办事处:已完成征地120亩,正在平整场地。 |"]
    lines += ["2 |", "新建公园3个。 |", "已建成2个。 |", "区住建局 |"]
    doc = read_document("\n".join(lines).encode(), name="p.txt")
    assert [t.text for t in doc.tasks] == ["建设科技孵化园区。", "新建公园3个。"]
    assert [list(t.units) for t in doc.tasks] == [["区科技局", "城东街道办事处"], ["区住建局"]]
    assert [_done(t) for t in doc.tasks] == [
        ["区科技局:已完成园区规划。\n城东街道办事处:已完成征地120亩,正在平整场地。"],
        ["已建成2个。"],
    ]
    assert sum("sub-rows (one per unit)" in w.message for w in doc.warnings) == 1


def test_unit_and_leader_cells_merged_over_sub_rows():
    """Two columns after the progress, both merged: a sentence is no leader's name, so the
    row's last paragraph is progress and the unit and leader cells are found inside the run."""
    header = ["序号", "重点任务", "进展情况", "责任单位", "责任领导"]
    rows = [
        [
            "1",
            "建设科技孵化园区。",
            "区科技局:已完成园区规划。",
            "区科技局、",
            "城东街道办事处",
            "王建国",
            "城东街道办事处:已完成征地120亩,正在平整场地。",
        ],
        ["2", "改造农贸市场3个。", "已完成选址,2个市场已开工。", "区商务局", "李明"],
    ]
    doc = read_document(_page(header, rows).encode(), name="t.txt")
    assert [list(t.units) for t in doc.tasks] == [["区科技局", "城东街道办事处"], ["区商务局"]]
    assert [t.extra.get("责任领导") for t in doc.tasks] == ["王建国", "李明"]
    assert _done(doc.tasks[0]) == [
        "区科技局:已完成园区规划。",
        "城东街道办事处:已完成征地120亩,正在平整场地。",
    ]


def test_a_row_cut_off_before_its_leader_keeps_its_progress():
    """A sentence in the leader's place is progress of a row cut off there, not a leader."""
    header = ["序号", "重点任务", "进展情况", "责任领导"]
    rows = [
        ["1", "新建公园3个。", "已建成2个。", "王建国"],
        ["2", "改造农贸市场3个。", "已完成选址。", "2个市场已开工。"],
    ]
    doc = read_document(_page(header, rows).encode(), name="t.txt")
    assert doc.tasks[1].extra.get("责任领导", "") == ""
    assert _done(doc.tasks[1]) == ["已完成选址。\n2个市场已开工。"]
    assert any("ends before its 责任领导" in w.message for w in doc.warnings)
