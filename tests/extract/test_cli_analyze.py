"""`luoshi parse FILE --analyze --format json` adds targets, measurements and status to each task."""

from __future__ import annotations

import json

from luoshi.cli import main

from .conftest import shared_file


def test_parse_analyze(capsys):
    path = shared_file("seeds", "000_eb2b56e49a1860ea.txt")
    assert main(["parse", str(path), "--analyze", "--format", "json", "--compact"]) == 0
    data = json.loads(capsys.readouterr().out)
    tasks = {t["serial"]: t for t in data["tasks"]}
    t4 = tasks["4"]
    assert {"targets", "measurements", "status"} <= set(t4)
    assert [(t["value"], t["unit"]) for t in t4["targets"]] == [(18, "亿元"), (500, "万美元")]
    assert t4["measurements"][0]["value"] == 15.98 and t4["measurements"][0]["as_of"] == "1-9月"
    assert tasks["7"]["status"]["value"] == "vague"
    assert tasks["31"]["status"] == {"value": "no_data", "reason": "称“无法提供数据”",
                                     "evidence": ["区局无法提供数据"], "light": "grey"}


def test_parse_without_analyze_has_no_analysis(capsys):
    path = shared_file("seeds", "000_eb2b56e49a1860ea.txt")
    assert main(["parse", str(path), "--compact"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "status" not in data["tasks"][0]
