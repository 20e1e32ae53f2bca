"""The hand-checked answers of seed 000: the figures must stay above the issue's thresholds."""

from __future__ import annotations

import pytest

from .conftest import shared_file


@pytest.fixture(scope="module")
def scores(quality_module, seed000_doc):
    period = seed000_doc.meta.period or quality_module.SEED000_PERIOD
    return quality_module.score(quality_module.analyse(seed000_doc.tasks, period))


def test_targets_f1(scores):
    assert scores["targets"]["f1"] >= 0.95, scores["errors"]["targets_missing"]


def test_measurements_f1(scores):
    assert scores["measurements"]["f1"] >= 0.90, scores["errors"]["measurements_extra"]


def test_status_macro_f1(scores):
    assert scores["status"]["macro_f1"] >= 0.85, scores["errors"]["status"]


def test_behind_recall(scores):
    assert scores["behind_recall"] >= 0.8


def test_gold_segments_fallback_scores_too(quality_module):
    shared_file("gold", "seed000_segments.json")  # skips when ../shared is absent
    tasks = quality_module.tasks_from_gold("seed000_segments.json")
    s = quality_module.score(quality_module.analyse(tasks, quality_module.SEED000_PERIOD))
    assert all(quality_module.passes(s).values()), s["errors"]
