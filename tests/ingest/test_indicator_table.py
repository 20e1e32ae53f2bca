"""INDICATOR TABLE (issues 9 and 10): a table whose key column names indicators, with a target
column and an achieved column of one place, is a task list — each indicator a task; a table
whose columns are places stays no task list. Made-up pages and headers."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.errors import IngestError
from luoshi.ingest.headers import header_role, indicator_column_role, indicator_results
from luoshi.vocab import ColumnRole as R


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("预期增长(%)", R.TARGET),
        ("预期目标", R.TARGET),
        ("2031年目标", R.TARGET),
        ("全年计划(亿元)", R.TARGET),
        ("上半年完成(%)", R.ACTUAL),
        ("1-6月", R.ACTUAL),
        ("前三季度", R.ACTUAL),
        ("增长(%)", R.ACTUAL),
        ("实际完成", R.ACTUAL),
        # places and years name no figure column of one place
        ("东湖区", R.OTHER),
        ("全市", R.OTHER),
        ("2030年", R.OTHER),
        ("单位", R.OTHER),
    ],
)
def test_indicator_column_role(header: str, role: R) -> None:
    assert indicator_column_role(header) is role


@pytest.mark.parametrize(
    ("header", "role"),
    [
        # known anywhere beside a task: a plan's expected growth, a period's achieved figure
        ("预期增长(%)", R.TARGET),
        ("1-9月完成(%)", R.ACTUAL),
        ("上半年完成(亿元)", R.ACTUAL),
        ("前三季度完成", R.OTHER),  # no measure: perhaps 前三季度完成情况 split over lines
        ("上半年完成情况", R.DONE),  # a progress text column, as before
    ],
)
def test_general_vocabulary(header: str, role: R) -> None:
    assert header_role(header, have_task=True) is role


@pytest.mark.parametrize(
    ("headers", "results"),
    [
        (["指标名称", "预期增长(%)", "上半年完成(%)"], True),
        (["主要指标", "年度目标", "1-6月"], True),
        (["指标", "计划", "实际完成"], True),
        # columns are places: an indicator × place matrix
        (["指标名称", "年度目标", "1-6月", "全市", "东湖区"], False),
        (["指标名称", "单位", "东湖区", "西湖区", "南湖区"], False),
        # a target alone, no achieved figure
        (["指标名称", "预期增长(%)", "备注"], False),
    ],
)
def test_indicator_results(headers: list[str], results: bool) -> None:
    assert indicator_results(headers) is results


TITLE = "关于安澜市2031年上半年国民经济和社会发展计划执行情况的报告"
ROWS = [
    ("地区生产总值", "6左右", "4.2"),
    ("规上工业增加值", "7以上", "-1.5"),
    ("城镇新增就业", "1.8万人以上", "0.97万人"),
    ("粮食生产", "完成年度任务", "序时推进"),
]


def _pipe_page(header: list[str], rows: list[tuple[str, ...]], after: str) -> bytes:
    """One cell per line, each closed by a bar, a lone bar opening each row; prose after."""
    lines = [TITLE, "一、上半年计划执行情况", "上半年主要预期目标完成情况", "|"]
    lines += [f"{h} |" for h in header]
    for r in rows:
        lines += ["|", *(f"{c} |" for c in r)]
    lines.append(after)
    return "\n".join(lines).encode()


def test_an_indicator_table_is_a_task_list() -> None:
    page = _pipe_page(["指标名称", "预期增长(%)", "上半年完成(%)"], ROWS, "(一)内需稳步扩大。消费")
    doc = read_document(page, name="plan.txt")
    assert [c.role for c in doc.columns] == [R.TASK, R.TARGET, R.ACTUAL]
    assert [t.text for t in doc.tasks] == [r[0] for r in ROWS]
    assert [t.units for t in doc.tasks] == [[]] * len(ROWS)
    assert [tuple(t.extra.values()) for t in doc.tasks] == [r[1:] for r in ROWS]
    messages = [w.message for w in doc.warnings]
    assert any(m.startswith("indicators, no responsible units") for m in messages)
    assert doc.meta.period is not None and doc.meta.period.kind.value == "h1"


def test_an_indicator_matrix_by_place_stays_refused() -> None:
    rows = [("地区生产总值", "6", "5.5", "7"), ("固定资产投资", "8", "9", "6.5")] * 2
    page = _pipe_page(["指标名称", "全市", "东湖区", "西湖区"], rows, "")
    with pytest.raises(IngestError):
        read_document(page, name="matrix.txt")
