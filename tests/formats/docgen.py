"""Generated progress tables of the seed-004 shape (序号 / 任务内容 / 责任单位 / 前三季度完成情况 /
存在问题及困难 / 下一步工作; sub-items with sub-headings; numbered paragraphs; empty cells), and
ways to compare what a reader gives back. Our own made-up wording, no published text."""

from __future__ import annotations

import random
from datetime import date

from luoshi.export.table import official_table
from luoshi.ingest.grid import Grid
from luoshi.ingest.model import Column, Item, Meta, ParsedDocument, Period, Task
from luoshi.vocab import ColumnRole, PeriodKind

SEED004_COLUMNS = [
    Column("序号", ColumnRole.SERIAL),
    Column("任务内容", ColumnRole.TASK),
    Column("责任单位", ColumnRole.UNITS),
    Column("前三季度完成情况", ColumnRole.DONE),
    Column("存在问题及困难", ColumnRole.PROBLEMS),
    Column("下一步工作", ColumnRole.NEXT_STEPS),
]
UNIT_NOTE = "(列第一位者为工作牵头或汇总单位,下同)"

_VERBS = ["推进", "加快", "完善", "深化", "实施", "建成", "落实", "提升", "优化", "开展"]
_OBJECTS = ["海岛公园建设", "港口物流体系", "数字政府平台", "城乡供水一体化", "养老服务网络",
            "渔农村环境整治", "营商环境改革", "科创走廊布局", "文旅融合项目", "交通枢纽工程",
            "绿色石化基地", "社区治理体系", "职业教育集团", "医疗共同体", "防汛减灾能力"]
_FIGURES = ["完成投资{n}亿元", "新增{n}个", "覆盖率达{n}%", "同比增长{n}%", "累计{n}家", "完成年度目标的{n}%"]
_PROBLEMS = ["资金保障压力较大。", "用地指标紧张,审批周期长。", "部分项目进度滞后于序时。",
             "专业人才缺乏。", "受疫情影响,外来施工人员不足。"]
_NEXT = ["加强统筹协调,确保年底前完成。", "加快要素保障,倒排工期。", "强化督查考核,压实责任。",
         "积极争取上级支持。", "做好项目储备和前期工作。"]
_UNITS = ["市发改委", "市财政局", "市府办(市大数据局)", "市经信局", "市自然资源规划局", "市住建局",
          "市交通运输局", "市农业农村局", "市商务局", "市文广旅体局", "市卫生健康委", "市民政局",
          "舟山港综保区管委会", "各县(区)政府"]


def _sentence(rng: random.Random) -> str:
    s = rng.choice(_VERBS) + rng.choice(_OBJECTS)
    if rng.random() < 0.7:
        s += "," + rng.choice(_FIGURES).format(n=rng.randint(2, 980))
    return s + "。"


def _paragraphs(rng: random.Random, k: int, numbered: bool) -> str:
    paras = []
    for i in range(k):
        p = "".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
        paras.append(f"{i + 1}.{p}" if numbered else p)
    return "\n".join(paras)


def seed004_like(n_tasks: int = 12, seed: int = 4) -> ParsedDocument:
    """A document shaped like seed 004: some tasks split into sub-items opened by a heading,
    some cells empty, numbered paragraphs inside cells, the unit note in the first unit cell."""
    rng = random.Random(seed)
    tasks = []
    for n in range(1, n_tasks + 1):
        units = rng.sample(_UNITS, rng.randint(1, 4))
        k = rng.choice([1, 1, 1, 2, 3, 4]) if n > 1 else 1
        items = []
        for _ in range(k):
            heading = (rng.choice(_VERBS) + rng.choice(_OBJECTS) + "。") if k > 1 else None
            done = _paragraphs(rng, rng.randint(1, 4), numbered=rng.random() < 0.5)
            problems = "" if rng.random() < 0.3 else _paragraphs(rng, rng.randint(1, 2), numbered=False)
            problems = problems or ""
            next_steps = "" if rng.random() < 0.2 else rng.choice(_NEXT)
            items.append(Item(heading=heading, done=done, problems=problems, next_steps=next_steps))
        tasks.append(Task(serial=str(n), text=_sentence(rng) + _sentence(rng), units=units, items=items))
    meta = Meta(
        title="2020年度市政府重点工作任务前三季度完成情况",
        index_no="001008009005001/2020-179780",
        category="市政府工作报告",
        publisher="市政府办公室",
        written_date=date(2020, 10, 29),
        published_date=date(2020, 10, 29),
        disclosure="主动公开",
        government="舟山市",
        year=2020,
        period=Period(PeriodKind.Q3, "前三季度", date(2020, 9, 30)),
        notes=[UNIT_NOTE],
    )
    return ParsedDocument(meta=meta, columns=list(SEED004_COLUMNS), tasks=tasks)


def expected_signature(doc: ParsedDocument) -> list[list[tuple]]:
    """The grid a reader must give back for ``doc`` written in the official layout: each
    position as (text, rowspan, colspan) where a cell starts, ("^",) under a cell spanning
    down from above, ("<",) right of a cell spanning across."""
    table = official_table(doc)
    rows = [[(h, 1, 1) for h in table.header]]
    for row in table.rows:
        rows.append([("^",) if c is None else (c.text, c.rowspan, 1) for c in row])
    return rows


def grid_signature(grid: Grid, drop_repeated_header: bool = True) -> list[list[tuple]]:
    """The same form for a Grid read back; repeated header rows dropped (the layout step
    skips them), which never sit inside a span in our documents."""
    header = grid.texts(0) if grid.rows else []
    out = []
    for r, row in enumerate(grid.rows):
        if drop_repeated_header and r > 0 and grid.texts(r) == header:
            continue
        sig = []
        for c, cell in enumerate(row):
            if cell is None:
                sig.append(("",))
            elif cell.row < r:
                sig.append(("^",))
            elif cell.col < c:
                sig.append(("<",))
            else:
                sig.append((cell.text, cell.rowspan, cell.colspan))
        out.append(sig)
    return out


def check_grid_identity(grid: Grid) -> None:
    """The Grid contract: a merged cell is the same object at every position it covers and
    its row/col/rowspan/colspan say exactly which."""
    for r, row in enumerate(grid.rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            assert cell.row <= r < cell.row + cell.rowspan, (r, c, cell)
            assert cell.col <= c < cell.col + cell.colspan, (r, c, cell)
            assert grid.rows[cell.row][cell.col] is cell
