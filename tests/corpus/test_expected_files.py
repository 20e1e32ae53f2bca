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

EXPECTED = sorted((Path(__file__).parent / "expected").glob("*.json"))
FRESH = sorted((Path(__file__).parent / "fresh" / "expected").glob("*.json"))
# The second unseen set (fresh2) is split by province into a tuning half and a held-out half.
FRESH2 = sorted((Path(__file__).parent / "fresh2" / "expected").glob("*.json"))
FRESH2_TUNE = set("山东 安徽 辽宁 内蒙古".split())
# The third unseen set (fresh3) is split by province (after its blind figure, before any change).
FRESH3 = sorted((Path(__file__).parent / "fresh3" / "expected").glob("*.json"))
FRESH3_TUNE = set("贵州 浙江 甘肃 湖南 四川".split())
# The fourth unseen set (fresh4), split by province after its blind figure, before any change.
FRESH4 = sorted((Path(__file__).parent / "fresh4" / "expected").glob("*.json"))
FRESH4_TUNE = set("山东 辽宁 青海 新疆".split())
# The fifth unseen set (fresh5): blind, split "fresh5" (a province split is proposed in its README).
FRESH5 = sorted((Path(__file__).parent / "fresh5" / "expected").glob("*.json"))
# The sixth unseen set (fresh6): blind, split "fresh6" (its province split is in its README).
FRESH6 = sorted((Path(__file__).parent / "fresh6" / "expected").glob("*.json"))
# The seventh unseen set (fresh7, pages with progress): blind, split "fresh7" (province split in README).
FRESH7 = sorted((Path(__file__).parent / "fresh7" / "expected").glob("*.json"))
# The eighth unseen set (fresh8, pages with progress): blind, split "fresh8" (province split in README).
FRESH8 = sorted((Path(__file__).parent / "fresh8" / "expected").glob("*.json"))
# The ninth unseen set (fresh9, pages with progress): blind, split "fresh9" (province split in README).
FRESH9 = sorted((Path(__file__).parent / "fresh9" / "expected").glob("*.json"))
# The tenth unseen set (fresh10, pages with progress): blind, split "fresh10" (province split in README).
FRESH10 = sorted((Path(__file__).parent / "fresh10" / "expected").glob("*.json"))
# The eleventh unseen set (fresh11, pages with progress): blind, split "fresh11" (province split in README).
FRESH11 = sorted((Path(__file__).parent / "fresh11" / "expected").glob("*.json"))
# The twelfth unseen set (fresh12, pages with progress): blind, split "fresh12" (README).
FRESH12 = sorted((Path(__file__).parent / "fresh12" / "expected").glob("*.json"))
# The thirteenth unseen set (fresh13, tables first): blind, split "fresh13" (README).
FRESH13 = sorted((Path(__file__).parent / "fresh13" / "expected").glob("*.json"))
# The fifteenth unseen set (fresh15, tables first): blind, split "fresh15" (README).
FRESH15 = sorted((Path(__file__).parent / "fresh15" / "expected").glob("*.json"))
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


@pytest.mark.parametrize("path", EXPECTED + FRESH + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6
                         + FRESH7 + FRESH8 + FRESH9 + FRESH10 + FRESH11 + FRESH12 + FRESH13
                         + FRESH15,
                         ids=lambda p: p.stem)
def test_expectation_shape(path: Path) -> None:
    exp = json.loads(path.read_text(encoding="utf-8"))
    assert exp["file"] == f"{path.stem}.txt"
    if path in FRESH:
        assert exp["split"] == "fresh"
    elif path in FRESH5:
        assert exp["split"] == "fresh5"
    elif path in FRESH6:
        assert exp["split"] == "fresh6"
    elif path in FRESH7:
        assert exp["split"] == "fresh7"
    elif path in FRESH8:
        assert exp["split"] == "fresh8"
    elif path in FRESH9:
        assert exp["split"] == "fresh9"
    elif path in FRESH10:
        assert exp["split"] == "fresh10"
    elif path in FRESH11:
        assert exp["split"] == "fresh11"
    elif path in FRESH12:
        assert exp["split"] == "fresh12"
    elif path in FRESH13:
        assert exp["split"] == "fresh13"
    elif path in FRESH15:
        assert exp["split"] == "fresh15"
    elif path in FRESH2:
        assert exp["split"] == ("tune" if exp["province"] in FRESH2_TUNE else "holdout")
    elif path in FRESH3:
        assert exp["split"] == ("tune" if exp["province"] in FRESH3_TUNE else "holdout")
    elif path in FRESH4:
        assert exp["split"] == ("tune" if exp["province"] in FRESH4_TUNE else "holdout")
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
