"""Generality: seed 004 tasks 1-40 against our own audit annotation (benchmarks/extract_audit.py).

The rules were tuned on seed 000's gold; this annotation was made on another government's
table, by reading it before looking at the analysis, and holds no source text. The floors sit
one item below the figures measured when the audit was made (targets F1 0.973, measurements
F1 0.769, status macro-F1 0.802, accuracy 0.900, behind recall 1.0 over 3 lagging tasks; since
issue 10, with amber scored apart from red: measurements F1 0.786, status macro-F1 0.913,
behind precision 1.0; after the verdicts work, measurements F1 0.897): the
remaining disagreements are borderline calls noted in the annotation's "doubt" fields, so a
change may trade one of them, but not more, without someone looking.
"""

from __future__ import annotations

import importlib.util

import pytest

from .conftest import REPO, shared_file


@pytest.fixture(scope="module")
def audit_scores():
    shared_file("seeds", "004_fea78dcb383e1fba.txt")  # skips when ../shared is absent
    path = REPO / "benchmarks" / "extract_audit.py"
    spec = importlib.util.spec_from_file_location("extract_audit", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    analyses, _ = module.analyses_1_40()
    assert [a.serial for a in analyses] == [str(i) for i in range(1, 41)]
    return module.score_audit(analyses)


def test_audit_annotation_has_no_source_spans():
    import json

    data = json.loads((REPO / "tests" / "extract" / "data" / "seed004_audit_1-40.json").read_text("utf-8"))
    for row in data["targets"] + data["measurements"] + data["status"]:
        assert "span" not in row and "metric" not in row
    assert len(data["status"]) == 40


def test_targets_f1(audit_scores):
    assert audit_scores["targets"]["f1"] >= 0.93, audit_scores["errors"]["targets_missing"]


def test_measurements_f1(audit_scores):
    # Issue 10's bar (measured 0.897: 13 of 16, no false figure; one item less is 0.857).
    assert audit_scores["measurements"]["f1"] >= 0.85, audit_scores["errors"]["measurements_missing"]


def test_status(audit_scores):
    assert audit_scores["status"]["macro_f1"] >= 0.75, audit_scores["errors"]["status"]
    assert audit_scores["status"]["accuracy"] >= 0.85, audit_scores["errors"]["status"]


def test_behind_recall(audit_scores):
    assert audit_scores["behind_recall"] >= 0.66, audit_scores["errors"]["status"]


def test_red_means_red(audit_scores):
    # Issue 10: amber (at_risk) is scored apart from red; of the tasks called behind, the
    # annotation calls at least two of three behind (measured: 3 of 3).
    assert audit_scores["behind_precision"] >= 0.66, audit_scores["errors"]["status"]
    assert audit_scores["status"]["macro_f1"] >= 0.85, audit_scores["errors"]["status"]


def test_comparators_agree(audit_scores):
    assert audit_scores["comparator_agreement"] == 1.0
