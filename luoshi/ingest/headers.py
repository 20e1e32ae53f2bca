"""Column roles from header cells: 序号 → serial, 任务内容 → task, 责任单位 → units …

Shared by every reader (text, HTML, DOCX, XLSX, PDF). Rules are a table, tried in order; a
header is compared with its whitespace removed (重 点 工 作 = 重点工作). Some words mean
different things by position: 目标任务 is the task column of a plan, but a target column when a
task column already exists (半年度目标任务 beside 任务内容).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from luoshi.ingest.model import Column
from luoshi.vocab import ColumnRole

_SPACE = re.compile(r"\s+")


def normalise_header(text: str) -> str:
    """Header as compared: whitespace (also inside words) and trailing colons removed."""
    return _SPACE.sub("", text).rstrip(":：")


# (pattern, role) tried in order against the normalised header; first match wins.
_RULES: list[tuple[re.Pattern[str], ColumnRole]] = [
    (re.compile(r"^(序号|编号|序次|No\.?)$", re.I), ColumnRole.SERIAL),
    (
        re.compile(r"是否达序|是否达到序时|形象进度|进展状态|进度状态|完成状态|推进状态"),
        ColumnRole.DECLARED_STATUS,
    ),
    (
        re.compile(r"存在(的)?问题|问题(及|和|与)?(困难|不足)|困难(和|及)?问题|存在困难"),
        ColumnRole.PROBLEMS,
    ),
    (re.compile(r"下一?步|下阶段|工作打算|下步打算|后续打算"), ColumnRole.NEXT_STEPS),
    (
        re.compile(r"(完成|进展|进度|落实|推进|执行)(情况|进度)|任务进度|工作进展|进展$|实绩"),
        ColumnRole.DONE,
    ),
    (re.compile(r"牵头单位|牵头部门|主责单位"), ColumnRole.LEAD_UNIT),
    (re.compile(r"责任(单位|部门|主体)|承办单位|实施单位|主办单位"), ColumnRole.UNITS),
    (re.compile(r"配合单位|配合部门|协同单位|协办单位"), ColumnRole.CO_UNITS),
    (re.compile(r"(牵头|责任|分管|联系)(市|区|县)?领导|分管领导"), ColumnRole.LEADER),
]

# Task-content headers; a target header met when a task column already exists is a target.
_TASK = re.compile(
    r"任务内容|重点工作|工作内容|主要(工作)?任务|工作任务|内容与要求|工作事项|实事内容|项目内容"
    r"|具体任务|目标名称|项目名称|工作目标|^内容$|^任务$"
)
_TARGET = re.compile(r"目标任务|目标$|预期目标|工作标准|任务数")


# Traditional characters of header words -> simplified, for matching only (the header is kept
# as written).
_T2S = str.maketrans(
    "號務內責單牽頭進況問題難點標實績領導劃項與門體協計達態狀現據編開應報數執員規畫廠"
    "區縣況層級務類別備註關鍵時間節點預期總結負責說明達標檢查進展狀況序時",
    "号务内责单牵头进况问题难点标实绩领导划项与门体协计达态状现据编开应报数执员规画厂"
    "区县况层级务类别备注关键时间节点预期总结负责说明达标检查进展状况序时",
)


def header_role(header: str, have_task: bool) -> ColumnRole:
    """The role of one header cell; ``have_task`` says a task column was already seen."""
    h = normalise_header(header).translate(_T2S)
    for pattern, role in _RULES:
        if pattern.search(h):
            return role
    if _TARGET.search(h):
        return ColumnRole.TARGET if have_task else ColumnRole.TASK
    if _TASK.search(h):
        return ColumnRole.TARGET if have_task and "目标" in h else ColumnRole.TASK
    return ColumnRole.OTHER


def is_known_header(header: str) -> bool:
    """True when the cell names a column we know (used to find header rows)."""
    return header_role(header, have_task=True) is not ColumnRole.OTHER


def columns_from_headers(headers: Iterable[str]) -> tuple[list[Column], list[str]]:
    """Columns for a header row, and warnings for the headers that are not understood."""
    columns: list[Column] = []
    warnings: list[str] = []
    have_task = False
    for raw in headers:
        role = header_role(raw, have_task)
        if role is ColumnRole.TASK:
            have_task = True
        header = normalise_header(raw)
        if role is ColumnRole.OTHER:
            warnings.append(f"unknown column header {header!r}: kept with role 'other'")
        columns.append(Column(header=header, role=role))
    done = [c.header for c in columns if c.role is ColumnRole.DONE]
    if len(done) > 1:
        main = columns[main_done_column(columns)].header
        others = "/".join(h for h in done if h != main)
        warnings.append(
            f"several progress columns ({'/'.join(done)}): two periods side by side; the "
            f"latest, {main}, is the progress, {others} kept as an extra cell"
        )
    return columns, warnings


def main_done_column(columns: Sequence[Column]) -> int:
    """Index of the progress column whose header names the latest period (the last one when
    the headers do not tell), or -1 when there is no progress column."""
    from luoshi.ingest.periods import parse_period  # periods imports model only

    best, at = -1, -1
    for i, c in enumerate(columns):
        if c.role is not ColumnRole.DONE:
            continue
        period = parse_period(c.header)
        month = period.end_month if period is not None else 0
        if month >= best:
            best, at = month, i
    return at
