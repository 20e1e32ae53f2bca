"""Matching a period's tasks to the plan's existing ones (luoshi.core.services.reconcile)."""

from __future__ import annotations

import pytest

from luoshi.core.services.reconcile import Known, match_tasks
from luoshi.core.services.textmatch import normalize_text, similarity

KNOWN = [
    Known(1, "1", "加快数字舟山建设。"),
    Known(2, "2", "全年完成固定资产投资120亿元以上。"),
    Known(3, "3", "新建5G基站500个。"),
]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("加快数字建设,确保完成。", "加快数字建设，确保完成"),
        (" 新建 5G 基站 ", "新建5G基站"),
        ("“两手硬、两战赢”", "\"两手硬,两战赢\""),
        ("ＡＢＣ", "abc"),
    ],
)
def test_normalize_text_ignores_spaces_width_and_punctuation(a, b):
    assert normalize_text(a) == normalize_text(b)
    assert similarity(a, b) == 1.0


def test_similarity_is_low_for_different_texts():
    assert similarity("加快数字舟山建设。", "全年完成固定资产投资120亿元以上。") < 0.3
    assert similarity("", "x") == 0.0


def test_exact_matches():
    got = match_tasks(KNOWN, [("1", "加快数字舟山建设"), ("2", KNOWN[1].text), ("3", KNOWN[2].text)])
    assert [(m.key, m.how, m.warning) for m in got] == [(1, "exact", ""), (2, "exact", ""),
                                                        (3, "exact", "")]


def test_renumbered_task_found_by_text():
    [m] = match_tasks(KNOWN, [("7", "新建5G基站500个")])
    assert (m.key, m.how) == (3, "moved")
    assert m.warning == "task 7: same text as existing task 3; attached to it"


def test_similar_text_under_the_same_serial_matches_with_a_warning():
    [m] = match_tasks(KNOWN, [("2", "全年完成固定资产投资130亿元以上。")])
    assert (m.key, m.how) == (2, "similar")
    assert m.warning.startswith("task 2: text differs from the existing task 2 (similarity 0.9")


def test_unrelated_text_under_a_known_serial_is_new():
    [m] = match_tasks(KNOWN, [("2", "深化医药卫生体制改革。")])
    assert (m.key, m.how) == (None, "new")
    assert "imported as a new task" in m.warning


def test_new_serial_in_a_known_plan_warns_but_first_import_does_not():
    [m] = match_tasks(KNOWN, [("4", "办好十件民生实事。")])
    assert m.key is None and "not in the plan's existing tasks" in m.warning
    [m] = match_tasks([], [("4", "办好十件民生实事。")])
    assert m.key is None and m.warning == ""


def test_each_known_task_is_used_once():
    got = match_tasks(KNOWN[:1], [("1", KNOWN[0].text), ("9", KNOWN[0].text)])
    assert [m.key for m in got] == [1, None]


def test_tasks_without_serials_match_by_text_only():
    known = [Known(1, "", "甲项工作。"), Known(2, "", "乙项工作。")]
    got = match_tasks(known, [("", "乙项工作"), ("", "甲项工作")])
    assert [m.key for m in got] == [2, 1]
    assert all(m.warning == "" for m in got)
