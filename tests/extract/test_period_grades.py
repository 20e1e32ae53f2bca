"""PERIOD STATUS COLUMNS in the analysis (issue 9, fresh10 cause 1): a task graded per period
(第1季 … 第4季: 高風險 / 中风险 / 低风险) has the latest period's grade as its declared status —
high risk behind, middle risk at risk, low risk on course; made-up rows."""

from __future__ import annotations

import pytest

from luoshi.extract import analyze_task
from luoshi.ingest.model import Item, Task
from luoshi.vocab import Status

from .conftest import Q3


@pytest.mark.parametrize(
    ("grades", "expected"),
    [
        (["低風險", "低風險", "中風險", "高風險"], Status.BEHIND),  # the latest grade counts
        (["高风险", "高风险", "中风险", "中风险"], Status.AT_RISK),
        (["高風險", "中風險", "低風險", "低風險"], Status.ON_TRACK),
        (["中风险", "中风险", "", ""], Status.AT_RISK),  # periods not yet graded
    ],
)
def test_latest_period_grade_is_the_declared_status(grades: list[str], expected: Status) -> None:
    extra = {f"第{n}季": g for n, g in enumerate(grades, 1)}
    task = Task(serial="", text="北區污水下水道第三期計畫", items=[Item(done="")], extra=extra)
    s = analyze_task(task, Q3).status
    assert s.value is expected, s.reason
    assert any(e.field == "declared" for e in s.evidence)


def test_a_period_column_of_figures_declares_nothing() -> None:
    extra = {"第1季": "1200", "第2季": "1500"}
    task = Task(serial="", text="建设某工程", items=[Item(done="")], extra=extra)
    s = analyze_task(task, Q3).status
    assert not any(e.field == "declared" for e in s.evidence)
