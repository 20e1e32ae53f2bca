"""A month of reports written N月份 anywhere in a title, before a progress word, is that
month's report (luoshi/ingest/periods.py); a range or an as-of date keeps its own reading."""

import pytest

from luoshi.ingest.model import PeriodKind
from luoshi.ingest.periods import parse_period


@pytest.mark.parametrize(
    ("title", "kind", "month"),
    [
        ("2031年安澜县民生实事项目8月份推进情况表", PeriodKind.MONTH, 8),
        ("项目十月份进展情况", PeriodKind.MONTH, 10),
        ("重点项目1-8月份推进情况", PeriodKind.MONTH, 8),  # a range: its own rule, as before
        ("2031年安澜县民生实事项目推进情况表", None, None),
        ("安澜县8月份工作安排", None, None),  # no progress word after it: a plan's month
    ],
)
def test_month_word(title, kind, month):
    period = parse_period(title, 2031)
    assert (period.kind if period else None) is kind
    assert (period.month if period else None) == month
