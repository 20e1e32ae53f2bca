"""The content alignment of a row's pieces (luoshi/ingest/text/align.py) in linear time: it
chooses what the plain dynamic programme over every (column start, column end) pair chooses,
it runs each shape test once per piece and column, and a row of more pieces than the budget
allows is a declared limit, not minutes of work (issue 14)."""

from __future__ import annotations

import random
import time
from collections.abc import Sequence

import pytest

from luoshi.ingest import LimitExceeded
from luoshi.ingest.text import align as A
from luoshi.vocab import ColumnRole


def plain_align(pieces: Sequence[str], roles: Sequence[ColumnRole],
                measures: frozenset[int] = frozenset()) -> list[list[int]]:
    """The alignment as its docstring states it: for every column and end, every start, the
    best total; ties to the empty column, then to the latest start."""
    n, m = len(pieces), len(roles)
    neg = float("-inf")
    best = [[neg] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for c in range(1, m + 1):
        role = roles[c - 1]
        measure = c - 1 in measures
        if measure:
            empty = A._EMPTY_SHORT
        elif role is ColumnRole.TASK:
            empty = A._EMPTY_TASK
        else:
            empty = A._EMPTY_TEXT if role in A._TEXT else A._EMPTY_SHORT
        for i in range(n + 1):
            top = best[c - 1][i] + empty if best[c - 1][i] > neg else neg
            arg = i
            for j in range(i - 1, -1, -1):
                if best[c - 1][j] == neg:
                    continue
                opens = A._fit_measure(pieces[j]) if measure else A._fit(role, pieces[j])
                more = sum(A._MISFITS if measure else A._more(role, p) for p in pieces[j + 1:i])
                score = best[c - 1][j] + opens + more
                if score > top:
                    top, arg = score, j
            best[c][i], back[c][i] = top, arg
    out: list[list[int]] = [[] for _ in range(m)]
    i = n
    for c in range(m, 0, -1):
        out[c - 1] = list(range(back[c][i], i))
        i = back[c][i]
    return out


# Pieces of every shape the scores tell apart: units (with and without a list comma), a
# person, status words, figures, dates, empty marks, sentences, bare serials, measures.
PIECES = ["市财政局", "市财政局、", "县教育局", "张三", "滞后", "序时推进", "已完成", "3", "12.",
          "85%", "2023年6月底", "年底前", "——", "", "推进城市公园建设,完成情况良好。",
          "已建成3所", "人次", "新建幼儿园", "1、", "（市财政局）", "万元", "主体完工,", "长期"]


def test_the_linear_alignment_chooses_what_the_plain_programme_chooses():
    rng = random.Random(14)
    roles_all = list(ColumnRole)
    for _ in range(1500):
        m, n = rng.randint(1, 9), rng.randint(0, 12)
        roles = [rng.choice(roles_all) for _ in range(m)]
        pieces = [rng.choice(PIECES) for _ in range(n)]
        measures = frozenset(c for c in range(m) if rng.random() < 0.15)
        assert A.align(pieces, roles, measures) == plain_align(pieces, roles, measures), (
            roles, pieces, measures)


def test_each_shape_test_runs_once_per_piece_and_column(monkeypatch):
    calls = {"fit": 0, "more": 0}
    fit, more = A._fit, A._more

    def counted_fit(role, piece):
        calls["fit"] += 1
        return fit(role, piece)

    def counted_more(role, piece):
        calls["more"] += 1
        return more(role, piece)

    monkeypatch.setattr(A, "_fit", counted_fit)
    monkeypatch.setattr(A, "_more", counted_more)
    roles = [ColumnRole.SERIAL, ColumnRole.TASK, ColumnRole.UNITS, ColumnRole.DONE]
    pieces = ["1", "建设城市公园。", "市建设局"] + ["推进建设工作。"] * 250
    A.align(pieces, roles)
    assert calls == {"fit": len(roles) * len(pieces), "more": len(roles) * len(pieces)}


def test_a_row_of_more_pieces_than_the_budget_is_refused_at_once():
    roles = [ColumnRole.SERIAL, ColumnRole.TASK, ColumnRole.UNITS, ColumnRole.DONE]
    started = time.process_time()  # CPU seconds: the work, not the machine's other load
    with pytest.raises(LimitExceeded) as err:
        A.align(["推进建设工作。"] * 5000, roles)
    assert err.value.limit == "max_row_paragraphs" and "5000 pieces" in str(err.value)
    assert time.process_time() - started < 1.0  # refused before any alignment work
