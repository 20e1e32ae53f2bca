"""Issue 9: a page without a title whose caption right above the table names the task list
itself (一、10件民生实事任务分解表) is the plan, warned (metadata._plan_caption). Made-up lines."""

from __future__ import annotations

import pytest

from luoshi.ingest.metadata import read_meta
from luoshi.vocab import PeriodKind

CASES = [
    (["一、10件民生实事任务分解表"], PeriodKind.PLAN),
    (["附件", "重点工作责任分工"], PeriodKind.PLAN),
    # a progress word says it reports on the list
    (["一、10件民生实事任务分解落实情况"], None),
    # a sentence is no caption
    (["为抓好落实,现将任务分解表印发给你们,请认真贯彻执行。"], None),
    # the caption must stand right above the table
    (["一、10件民生实事任务分解表", "说明:数据由各单位报送", "填报人:王明"], None),
]


@pytest.mark.parametrize(("preamble", "kind"), CASES)
def test_plan_caption(preamble: list[str], kind: PeriodKind | None) -> None:
    meta, warnings = read_meta(preamble)
    assert meta.title == ""
    assert (meta.period.kind if meta.period else None) is kind
    assert any("caption" in w for w in warnings) is (kind is not None)
