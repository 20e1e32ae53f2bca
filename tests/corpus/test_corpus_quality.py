"""benchmarks/corpus_quality.py scores what it says: a right cell counts, a wrong one does not."""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from pathlib import Path

from shared_docs import shared_path

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "corpus_quality", REPO / "benchmarks" / "corpus_quality.py"
)
assert _spec and _spec.loader
cq = importlib.util.module_from_spec(_spec)
sys.modules["corpus_quality"] = cq  # dataclasses look their module up
_spec.loader.exec_module(cq)


def _expected(stem: str) -> dict:
    return json.loads((REPO / "tests/corpus/expected" / f"{stem}.json").read_text("utf-8"))


def test_a_page_read_right_scores_every_cell_and_a_changed_cell_is_caught() -> None:
    corpus = shared_path("corpus", "002.txt").parent
    exp = _expected("002")
    page = cq.score_page(exp, corpus)
    assert page.refused is None
    assert page.cells_total == sum(len(r["cells"]) for r in exp["checked"])
    assert page.cells_right == page.cells_total, page.wrong
    assert page.meta_right == page.meta_total == 4
    wrong = copy.deepcopy(exp)
    wrong["checked"][0]["cells"]["units"] = ["市发改委"]
    wrong["checked"][1]["cells"]["done"]["h"] = "0000000000"
    wrong["period"]["end_date"] = "2022-06-30"
    page = cq.score_page(wrong, corpus)
    assert page.cells_right == page.cells_total - 2
    assert page.meta_right == 3


def test_refusals_score_right_only_when_nothing_is_imported() -> None:
    corpus = shared_path("corpus", "002.txt").parent
    exp = _expected("002")
    exp["kind"] = "refuse"  # a page that parses into tasks is a wrong refusal
    page = cq.score_page(exp, corpus)
    assert (page.cells_right, page.cells_total) == (0, 1)


def test_json_totals(capsys) -> None:
    shared_path("corpus", "002.txt")
    assert cq.main(["--json", "--files", "002,003"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["totals"]["overall"]["pages"] == 2
    assert set(out["pages"]) == {"002.txt", "003.txt"}
