"""Period words outside the title: a progress column's header (本月进展情况, 上半年完成情况) or
the opening sentence (上半年,… / 截至9月底,…) set the period when the title names none, with a
warning saying where it came from (luoshi/ingest/layout.py ``period_from_columns``,
luoshi/ingest/metadata.py ``read_meta``). Made-up pages, not corpus text."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.metadata import read_meta
from luoshi.ingest.periods import header_period
from luoshi.vocab import PeriodKind

HEADER_CASES = [
    ("本月进展情况", PeriodKind.MONTH, None),
    ("当月完成情况", PeriodKind.MONTH, None),
    ("上半年完成情况", PeriodKind.H1, "2030-06-30"),
    ("1-9月进展情况", PeriodKind.Q3, "2030-09-30"),
    ("进展情况", None, None),
]


@pytest.mark.parametrize(("header", "kind", "end"), HEADER_CASES)
def test_header_period(header: str, kind: PeriodKind | None, end: str | None) -> None:
    period = header_period(header, 2030)
    assert (period.kind if period else None) == kind
    if period is not None:
        assert (period.end_date.isoformat() if period.end_date else None) == end


def _table(progress_header: str) -> bytes:
    rows = "".join(
        f"{i} | 新建公园{i}个 | 县住建局 | 已完成选址{i}处,开工{i}个 |\n" for i in range(1, 5)
    )
    return (f"青石县2030年民生实事项目\n\n序号 | 项目名称 | 责任单位 | {progress_header} |\n" + rows).encode()


def test_a_monthly_header_sets_the_period_with_a_warning() -> None:
    doc = read_document(_table("本月进展情况"), name="t.txt")
    assert doc.meta.period is not None and doc.meta.period.kind is PeriodKind.MONTH
    messages = [w.message for w in doc.warnings]
    assert any("from the progress column's header" in m for m in messages)
    assert not any("no reporting period" in m for m in messages)


def test_a_plain_progress_header_leaves_the_period_unknown() -> None:
    doc = read_document(_table("进展情况"), name="t.txt")
    assert doc.meta.period is None


OPENING_CASES = [
    ("上半年,全县民生实事推进顺利。", PeriodKind.H1),
    ("截至9月底,全县12件民生实事完成8件。", PeriodKind.Q3),
    ("今年以来,与上半年相比进度加快。", None),  # a later clause looks back: no period
    ("全县民生实事推进顺利。", None),
]


@pytest.mark.parametrize(("sentence", "kind"), OPENING_CASES)
def test_period_from_the_opening_sentence(sentence: str, kind: PeriodKind | None) -> None:
    meta, warnings = read_meta(["青石县2030年民生实事进展", sentence])
    assert (meta.period.kind if meta.period else None) == kind
    assert any("opening sentence" in w for w in warnings) == (kind is not None)


def test_the_titles_period_wins_over_the_opening_sentence() -> None:
    meta, _ = read_meta(["青石县2030年1-3月民生实事进展", "上半年,全县民生实事推进顺利。"])
    assert meta.period is not None and meta.period.kind is PeriodKind.Q1
