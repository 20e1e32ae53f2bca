"""`luoshi parse`: JSON on stdout in the documented shape, clear errors with exit status 2."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from luoshi.cli import main
from tests.conftest import shared_path

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs" / "parse-json.md"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["parse", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def docs_example() -> dict:
    """The JSON example of docs/parse-json.md ("…" placeholders made strings)."""
    text = DOCS.read_text(encoding="utf-8")
    block = re.search(r"## Shape\s+```json\n(.*?)```", text, re.S).group(1)
    return json.loads(block)


def key_paths(value, prefix="") -> set[str]:
    paths = set()
    if isinstance(value, dict):
        for k, v in value.items():
            paths.add(prefix + k)
            paths |= key_paths(v, prefix + k + ".")
    elif isinstance(value, list) and value:
        paths |= key_paths(value[0], prefix + "[].")
    return paths


def test_seed_as_json_in_the_documented_shape(capsys):
    code, out, _ = run(capsys, str(shared_path("seeds", "004_fea78dcb383e1fba.txt")))
    assert code == 0
    data = json.loads(out)
    assert out.startswith('{\n  "meta": {')  # indent 2
    assert "舟山市" in out  # ensure_ascii=False
    assert len(data["tasks"]) == 150
    data["warnings"] = [{"line": 1, "message": "x"}]  # the seed has none; the shape has some
    assert key_paths(data) == key_paths(docs_example())


def test_docs_example_matches_real_values(capsys):
    """The example is the real output for seed 004, task 3 (abridged with …)."""
    _, out, _ = run(capsys, str(shared_path("seeds", "004_fea78dcb383e1fba.txt")))
    data, example = json.loads(out), docs_example()
    assert data["meta"] == example["meta"]
    assert data["columns"] == example["columns"]
    real = data["tasks"][2]
    shown = example["tasks"][0]
    assert real["serial"] == shown["serial"] and real["units"] == shown["units"]
    for key in ("text",):
        assert real[key].startswith(shown[key].rstrip("…"))
    for key in ("heading", "done", "problems", "next_steps"):
        assert real["items"][0][key].startswith(shown["items"][0][key].rstrip("…"))


def test_warnings_go_to_stderr_too(capsys):
    code, out, err = run(capsys, str(shared_path("seeds", "000_eb2b56e49a1860ea.txt")))
    assert code == 0
    assert json.loads(out)["warnings"][0]["message"].startswith("government 洞头区 inferred")
    assert "警告:" in err and "洞头区" in err
    code, _, _ = run(capsys, "--strict", str(shared_path("seeds", "000_eb2b56e49a1860ea.txt")))
    assert code == 3


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02binary", "binary content"),
        ("序号\n任务内容\n".encode() + b"\x80\xff\xfe abc\n", "cannot decode"),
        (
            "2020年\n\n序号\n\n任务内容\n\n完成情况\n\n无序号的行\n\n内容\n".encode(),
            "no row starts with a serial",
        ),
    ],
)
def test_bad_input_exit_2_with_file_line_reason(capsys, tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    code, out, err = run(capsys, str(path))
    assert code == 2 and out == ""
    assert err.startswith(str(path)) and reason in err


def test_compact_and_stdin(tmp_path):
    seed = shared_path("seeds", "000_eb2b56e49a1860ea.txt")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from luoshi.cli import main; raise SystemExit(main())",
            "parse",
            "-",
            "--compact",
        ],
        input=seed.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0
    out = proc.stdout.decode("utf-8")
    assert out.count("\n") == 1
    assert len(json.loads(out)["tasks"]) == 190


def test_parse_does_not_import_django():
    code = "import sys; from luoshi.cli import parse; import luoshi.ingest; print('django' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "False"
