"""Every corpus expectation (tests/corpus/expected/*.json) follows tests/corpus/SCHEMA.md.

The unseen set's expectations (tests/corpus/fresh/expected/*.json, split "fresh") are held to
the same shape; their pages are not in the repo, so only the data is checked.

Pure data checks, no reader: a malformed file would silently score as wrong (or right) in
benchmarks/corpus_quality.py, so its shape is asserted here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpus.expected_cells import LITERAL_MAX, normalise

HERE = Path(__file__).parent
EXPECTED = sorted((HERE / "expected").glob("*.json"))
# The unseen (blind) sets, one directory each (fresh, fresh2, fresh3 …), found by their name so a
# new set is checked the day it is added. Each file's split is its set's name, except in the
# three sets split by province into a tuning and a held-out half after their blind figure
# (later sets name the province split in their README instead).
BLIND = {d.name: sorted((d / "expected").glob("*.json"))
         for d in sorted(HERE.glob("fresh*")) if (d / "expected").is_dir()}
SET_OF = {path: name for name, paths in BLIND.items() for path in paths}
TUNE_PROVINCES = {
    "fresh2": set("山东 安徽 辽宁 内蒙古".split()),
    "fresh3": set("贵州 浙江 甘肃 湖南 四川".split()),
    "fresh4": set("山东 辽宁 青海 新疆".split()),
}
HOLDOUT = set("安徽 上海 湖北 湖南 福建 河南 天津 云南 陕西 江西 广西 广东 unknown".split())
FAMILIES = {"cells-per-line", "pipe-rows", "pipe-cells", "space-rows", "glued", "prose", "forms",
            "matrix", "news"}
KINDS = {"table", "prose_list", "forms", "refuse"}
ROLES = {"serial", "task", "units", "lead_unit", "co_units", "leader", "person", "target", "done",
         "problems", "next_steps", "declared_status", "actual", "deadline", "category",
         "remarks", "other"}
PERIODS = {"q1", "h1", "q3", "annual", "month", "plan"}
HASH = re.compile(r"^[0-9a-f]{10}$")


def test_there_are_expectations() -> None:
    assert len(EXPECTED) >= 40


def test_every_blind_set_is_found() -> None:
    names = set(BLIND)
    assert {"fresh", "fresh2", "fresh13", "fresh14"} <= names
    assert all(BLIND[name] for name in names), "a blind set directory without expectations"


@pytest.mark.parametrize("path", EXPECTED + sorted(SET_OF), ids=lambda p: p.stem)
def test_expectation_shape(path: Path) -> None:
    exp = json.loads(path.read_text(encoding="utf-8"))
    assert exp["file"] == f"{path.stem}.txt"
    blind = SET_OF.get(path)
    if blind in TUNE_PROVINCES:
        assert exp["split"] == ("tune" if exp["province"] in TUNE_PROVINCES[blind] else "holdout")
    elif blind is not None:
        assert exp["split"] == blind
    else:
        assert exp["split"] == ("holdout" if exp["province"] in HOLDOUT else "dev")
    assert exp["family"] in FAMILIES
    assert exp["kind"] in KINDS
    assert (exp["kind"] == "refuse") == bool(exp.get("refuse_reason"))
    assert exp["year"] is None or 1990 < exp["year"] < 2100
    if exp["period"] is not None:
        assert exp["period"]["kind"] in PERIODS
        end = exp["period"].get("end_date")
        assert end is None or re.fullmatch(r"\d{4}-\d\d-\d\d", end)
    assert set(exp["columns"]) <= ROLES
    assert isinstance(exp["rows"], int) and exp["rows"] >= len(exp["checked"])
    assert exp["kind"] == "refuse" or exp["checked"], "a task page needs checked rows"
    for row in exp["checked"]:
        assert row["serial"] or row.get("task_head"), "a row without serial needs task_head"
        assert set(row["cells"]) <= ROLES - {"serial", "lead_unit", "co_units"}
        for role, cell in row["cells"].items():
            if role == "units":
                assert isinstance(cell, list) and all(u == normalise(u) and u for u in cell)
            elif isinstance(cell, dict):
                assert cell["n"] > LITERAL_MAX and HASH.match(cell["h"])
            else:
                assert cell == normalise(cell) and len(cell) <= LITERAL_MAX
