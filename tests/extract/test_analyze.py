"""analyze_task / analyze_document: the JSON keys, robustness against any input, both seeds."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.extract import analyze_document, analyze_task
from luoshi.extract.numbers import find_quantities
from luoshi.extract.periods import find_periods
from luoshi.extract.targets import extract_targets
from luoshi.vocab import Status

from .conftest import Q3, task

ALPHABET = (
    "0123456789０１２３４５６７８９.．%％,，。;；:：、-~—()（）“”《》〔〕①②\n +#/"
    "一二两三四五六七八九十百千万亿零〇点个家项亩元吨人公里标箱套户以上以下内达到增长下降压减"
    "完成已建成未尚滞后缓慢取消暂缓流拍无法提供数据按计划推进截至月底季度前上半年目前其中计划预计剩余"
)
texts = st.text(alphabet=ALPHABET, max_size=80) | st.text(max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, done=texts, problems=texts)
def test_random_and_adversarial_strings_never_raise(text, done, problems):
    a = analyze_task(task(text, done, problems), Q3)
    d = a.to_dict()
    assert Status(d["status"]["value"])
    for t in a.targets:
        assert text[t.span.start : t.span.end] == t.span.text
    for m in a.measurements:
        assert done[m.span.start : m.span.end] == m.span.text
    for s in a.status.evidence:
        source = {"done": done, "problems": problems, "text": text}[s.field]
        assert source[s.start : s.end] == s.text
    find_quantities(text)
    find_periods(text)


def test_no_period_and_no_items():
    from luoshi.ingest.model import Task

    a = analyze_task(Task(serial="1", text="新增规上企业8家", items=[]), None)
    assert a.status.value is Status.NO_DATA
    assert [t.value for t in a.targets] == [8]


def test_json_keys():
    d = analyze_task(task("确保全年招商到位资金18亿元。", "1-9月,累计到位资金15.98亿元。"), Q3).to_dict()
    # The issue-4 keys, plus the target kind and the status light (additive).
    assert set(d) == {"targets", "measurements", "status", "kinds", "figures"}
    assert set(d["targets"][0]) == {"metric", "comparator", "value", "unit", "span", "kind"}
    assert set(d["status"]) == {"value", "reason", "evidence", "light"}
    assert d["kinds"] == ["cumulative"] and d["status"]["light"] == "green"
    assert d["measurements"][0]["target"] == 0 and d["measurements"][0]["ratio"] == round(15.98 / 18, 4)
    withwhere = analyze_task(task("确保全年招商到位资金18亿元。", "1-9月,累计到位资金15.98亿元。"), Q3).to_dict(
        offsets=True
    )
    assert withwhere["targets"][0]["where"] == {"field": "text", "item": None, "start": 0, "end": 14}


def test_extract_targets_of_empty_text():
    assert extract_targets("") == []


def test_seed004_runs_with_plausible_statuses(seed004_doc, seed004_analyses):
    assert len(seed004_analyses) == len(seed004_doc.tasks)
    counts = {s: sum(1 for a in seed004_analyses if a.status.value is s) for s in Status}
    # A real Q3 table: most entries report progress, some lag, none is empty boilerplate only.
    assert counts[Status.ON_TRACK] > len(seed004_analyses) / 2
    assert 10 <= counts[Status.BEHIND] + counts[Status.AT_RISK] <= 60
    for a, t in zip(seed004_analyses, seed004_doc.tasks, strict=True):
        assert a.serial == t.serial
        assert a.status.reason
        if a.status.value in (Status.BEHIND, Status.AT_RISK, Status.DONE):
            assert a.status.evidence, a.serial


def test_analyze_document_order(seed000_doc):
    out = analyze_document(seed000_doc)
    assert [a.serial for a in out] == [t.serial for t in seed000_doc.tasks]


def test_a_figure_after_a_leading_comma_does_not_loop():
    # Found by the property test above: the clause before ",4%" was the clause itself, and the
    # look-back for an elliptic clause's context recursed for ever.
    analysis = analyze_task(task("", ",4%", ""), Q3)
    assert Status(analysis.status.value)
