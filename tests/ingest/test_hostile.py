"""Hostile files (tests/ingest/hostile_files.py) each end in IngestError within 5 s and 300 MB.

Every file is read in its own child process whose address space is limited (RLIMIT_AS) and
which is stopped past the time limit, so a file that runs away fails its test instead of the
machine. The limit is on the child's CPU seconds (user + system, from ``wait4``; RLIMIT_CPU
stops a runaway), not the wall clock: on a loaded machine (CI beside other jobs, a developer's
parallel run) a reader that needs one second of CPU can take five of wall time, and the limit
is about the reader's work, not the machine's other load. A wall-clock backstop of
``WALL_FACTOR`` times the limit still kills a child that waits without computing. One helper process imports the readers once and forks a child per file (a fresh
interpreter per file would spend more time importing than reading). The child's peak resident
memory comes from ``wait4``; an out-of-memory inside the limit is a failure too, even though
``read_document`` would report it as an IngestError.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ingest.hostile_files import HOSTILE, ODD, write_all

SECONDS = 5.0
WALL_FACTOR = 6
MEMORY_MB = 300
REPO = Path(__file__).resolve().parents[2]

# The helper process: python -c RUNNER <dir> <memory MB> <CPU seconds> <wall factor> <file>...
RUNNER = r"""
import json, math, os, resource, signal, sys, time, traceback
import lxml.html, openpyxl, pdfplumber  # noqa: F401  (imported once, before forking)
import pdfminer.pdfparser  # noqa: F401
from luoshi.ingest import IngestError, read_document

directory, memory_mb, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
wall = seconds * int(sys.argv[4])
for name in sys.argv[5:]:
    r, w = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        limit = memory_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        cpu = math.ceil(seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        try:
            doc = read_document(os.path.join(directory, name))
            out = {"outcome": "read", "message": f"{len(doc.tasks)} tasks"}
        except IngestError as exc:
            cause = exc.__cause__
            kind = "memory" if isinstance(cause, MemoryError) else type(exc).__name__
            out = {"outcome": kind, "message": str(exc)[:500]}
        except BaseException as exc:
            out = {"outcome": "crash", "message": traceback.format_exc()[-1500:]}
        os.write(w, json.dumps(out).encode())
        os._exit(0)
    os.close(w)
    status = rusage = None
    while True:
        done, status, rusage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() - start > wall:
            os.kill(pid, signal.SIGKILL)
            _, status, rusage = os.wait4(pid, 0)
            break
        time.sleep(0.005)
    elapsed = rusage.ru_utime + rusage.ru_stime  # the child's CPU seconds
    data = b""
    while chunk := os.read(r, 65536):
        data += chunk
    os.close(r)
    if data:
        out = json.loads(data)
    elif elapsed > seconds or time.monotonic() - start > wall:
        out = {"outcome": "hang", "message": f"stopped after {elapsed:.1f} s of CPU"}
    else:
        out = {"outcome": "killed", "message": f"status {status}"}
    out.update(name=name, seconds=round(elapsed, 3), peak_mb=round(rusage.ru_maxrss / 1024, 1))
    print(json.dumps(out), flush=True)
"""


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, dict]:
    directory = tmp_path_factory.mktemp("hostile")
    write_all(directory)
    names = [*HOSTILE, *ODD]
    proc = subprocess.run(
        [sys.executable, "-c", RUNNER, str(directory), str(MEMORY_MB), str(SECONDS), str(WALL_FACTOR),
         *names],
        capture_output=True, text=True, cwd=REPO, timeout=60 + WALL_FACTOR * SECONDS * len(names),
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    found = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return {r["name"]: r for r in found}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_ends_in_ingest_error_within_limits(results, name):
    r = results[name]
    assert r["outcome"] in ("IngestError", "LimitExceeded", "ReaderFailed"), r
    assert r["seconds"] < SECONDS and r["peak_mb"] < MEMORY_MB, r
    assert name in r["message"], r  # the error names the file


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_but_legitimate_file_is_read_within_limits(results, name):
    r = results[name]
    assert r["outcome"] == "read" and r["message"] != "0 tasks", r
    assert r["seconds"] < SECONDS and r["peak_mb"] < MEMORY_MB, r


# Which limit stops which file: the declared error, not an accident further on.
EXPECTED_LIMIT = {
    "xlsx_far_cell.xlsx": "max_cells",
    "xlsx_huge_merge.xlsx": "max_merged_cells",
    "xlsx_many_cells.xlsx": "max_cells",
    "xlsx_zip_bomb.xlsx": "max_member_bytes",
    "docx_zip_bomb.docx": "max_member_bytes",
    "docx_huge_gridspan.docx": "max_cells",
    "docx_many_rows.docx": "max_cells",
    "xlsx_many_members.xlsx": "max_zip_members",
    "html_spans.html": "max_cells",
    "html_many_tags.html": "max_html_nodes",
    "json_deep.json": "max_json_depth",
    "json_many_values.json": "max_json_values",
    "text_pipes_in_a_row.txt": "max_row_paragraphs",
    "text_row_never_closes.txt": "max_row_paragraphs",
    "text_many_lines.txt": "max_lines",
    "text_too_big.txt": "max_text_bytes",
    "csv_wide_row.csv": "max_cells",
    "pdf_stream_bomb.pdf": "max_member_bytes",
    "pdf_nested_stream_bomb.pdf": "max_member_bytes",
    "pdf_many_pages.pdf": "max_pdf_pages",
    "pdf_ascii85_flate_bomb.pdf": "max_member_bytes",
    "pdf_lzw_bomb.pdf": "max_lzw_bytes",
    "pdf_lzw_small_bomb.pdf": "max_member_bytes",
    "any_oversized.pdf": "max_input_bytes",
}


@pytest.mark.parametrize(("name", "limit"), sorted(EXPECTED_LIMIT.items()))
def test_the_declared_limit_names_itself(results, name, limit):
    r = results[name]
    assert r["outcome"] == "LimitExceeded" and f"LUOSHI_INGEST_{limit.upper()}" in r["message"], r
