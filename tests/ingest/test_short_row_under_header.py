"""A row short of cells right under the header carries nothing down: a header word is no
cell above (SHORT ROW RULE, luoshi/ingest/text/align.py carry_spanned), and header words
offices use for the task and the latest progress (实施内容, 最新进度). Made-up pages."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headers import header_role
from luoshi.vocab import ColumnRole as R

# one row of six cells under eight header cells: the leader and the reason cells left out
PIPE_CELLS = """某市民政局2023年民生实事项目实施进度表
序号 |
责任单位 |
实施内容 |
协同单位 |
分管 领导 |
最新进度(8月24日) |
是否 达序时 |
未达序时原因 及存在问题 |
3 |
民政局 |
新增社区养老服务站5个,完成老旧小区适老化改造200户。 |
财政局 住建局 各镇街道 |
已建成社区养老服务站3个,完成适老化改造126户,其余正在施工。 |
是 |
"""


def test_short_row_under_the_header_carries_no_header_word() -> None:
    doc = read_document(PIPE_CELLS.encode(), name="short.txt")
    roles = [c.role for c in doc.columns]
    assert roles == [
        R.SERIAL, R.UNITS, R.TASK, R.CO_UNITS, R.LEADER, R.DONE, R.DECLARED_STATUS, R.PROBLEMS
    ]
    (task,) = doc.tasks
    assert task.text.startswith("新增社区养老服务站5个")
    assert task.units == ["民政局", "财政局", "住建局", "各镇街道"]
    assert task.items[0].done.startswith("已建成社区养老服务站3个")
    assert task.extra["分管领导"] == ""  # not the header word carried down
    assert task.extra["是否达序时"] == "是"
    assert not any("carried down" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    ("header", "have_task", "role"),
    [
        ("实施内容", False, R.TASK),
        ("最新进度", True, R.DONE),
        ("最新进度(8月24日)", True, R.DONE),
        ("主要领导", True, R.LEADER),
    ],
)
def test_header_words(header: str, have_task: bool, role: R) -> None:
    assert header_role(header, have_task) is role
