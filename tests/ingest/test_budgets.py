"""The reading budget (luoshi/ingest/budgets.py): each limit stops a document with a
LimitExceeded naming the file and the limit, an unexpected exception inside a reader becomes
an IngestError naming the reader and place, and the linear rewrites agree with the patterns
they replace."""

from __future__ import annotations

import json
import logging
import random
import re
import signal
import threading
import time

import pytest

from luoshi.export import write_document
from luoshi.ingest import Budget, IngestError, LimitExceeded, ReaderFailed, budgets, read_document
from luoshi.ingest.registry import _READERS, register
from luoshi.ingest.units import _INLINE, _strip_lead_marks, split_units, units_in_text
from tests.formats.docgen import seed004_like

CELLS_HEADER = "序号\n\n任务内容\n\n责任单位\n\n完成情况\n\n存在问题\n\n下一步工作\n\n"


@pytest.fixture(scope="module")
def docs() -> dict[str, bytes]:
    doc = seed004_like(8)
    return {fmt: write_document(doc, fmt) for fmt in ("text", "html", "csv", "json", "docx",
                                                      "xlsx")}


@pytest.mark.parametrize("fmt", ["text", "html", "csv", "json", "docx", "xlsx"])
def test_a_document_well_inside_the_budget_is_read(docs, fmt):
    assert len(read_document(docs[fmt], name=f"t.{fmt}").tasks) == 8


# (format, budget field, value small enough that the 8-task document exceeds it)
CASES = [
    ("html", "max_input_bytes", 1000),
    ("text", "max_text_bytes", 1000),
    ("text", "max_lines", 20),
    ("html", "max_html_nodes", 50),
    ("html", "max_cells", 30),
    ("csv", "max_cells", 30),
    ("docx", "max_cells", 30),
    ("xlsx", "max_cells", 30),
    ("docx", "max_zip_members", 3),
    ("docx", "max_member_bytes", 10_000),
    ("xlsx", "max_unzipped_bytes", 10_000),
    ("docx", "max_xml_nodes", 100),
    ("xlsx", "max_merged_cells", 3),
    ("json", "max_json_depth", 2),
    ("json", "max_json_values", 20),
]


@pytest.mark.parametrize(("fmt", "field", "value"), CASES)
def test_each_limit_stops_the_document_naming_file_and_limit(docs, fmt, field, value):
    budget = Budget(**{field: value})
    with pytest.raises(LimitExceeded) as err:
        read_document(docs[fmt], name=f"t.{fmt}", budget=budget)
    e = err.value
    assert e.limit == field and e.maximum == value and e.value > value
    assert str(e).startswith(f"t.{fmt}") and f"LUOSHI_INGEST_{field.upper()}" in str(e)
    assert "上限" in e.zh


def test_row_paragraph_limit_in_the_text_reader():
    text = CELLS_HEADER + "1\n\n建设城市公园。\n\n市建设局\n\n" + "完成一项。\n\n" * 40
    assert read_document(text.encode(), name="t.txt").tasks
    with pytest.raises(LimitExceeded, match="paragraphs in one table row"):
        read_document(text.encode(), name="t.txt", budget=Budget(max_row_paragraphs=30))


def test_time_budget(docs):
    with pytest.raises(LimitExceeded, match="reading time") as err:
        read_document(docs["html"], name="t.html", budget=Budget(max_seconds=-1))
    assert err.value.limit == "max_seconds"


def _spin(data: bytes, name: str):
    """A reader stuck on a path that never checks the clock (for 5 s, so that the test
    fails rather than hangs without the timer)."""
    until = time.monotonic() + 5
    while time.monotonic() < until:
        pass


def test_the_time_budget_interrupts_a_reader_that_never_checks_the_clock():
    register("spin", sniff=lambda d, n: False, read=_spin)
    try:
        started = time.monotonic()
        with pytest.raises(LimitExceeded) as err:
            read_document(b"x", name="x.spin", format="spin", budget=Budget(max_seconds=0.3))
        assert time.monotonic() - started < 2
    finally:
        del _READERS["spin"]
    assert err.value.limit == "max_seconds" and str(err.value).startswith("x.spin:")
    # nothing left behind: no timer running, the default handler back
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL


def test_a_timer_someone_else_set_is_left_alone(docs):
    """The fuzz benchmark (and any harness) keeps its own SIGALRM: the reading does not take
    it over, and the checks inside the readers still hold the budget."""
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda s, f: fired.append(s))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        assert len(read_document(docs["html"], name="t.html").tasks) == 8
        assert signal.getsignal(signal.SIGALRM) is not signal.SIG_DFL
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 30
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert not fired


def test_in_another_thread_the_reading_sets_no_timer(docs):
    seen = []

    def read():
        read_document(docs["html"], name="t.html")
        seen.append(signal.getitimer(signal.ITIMER_REAL)[0])

    worker = threading.Thread(target=read)
    worker.start()
    worker.join(30)
    assert seen == [0]


def test_a_file_on_disk_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 5000)
    with pytest.raises(LimitExceeded, match="file size"):
        read_document(path, budget=Budget(max_input_bytes=4000))


def test_budget_from_environment():
    b = Budget.from_env({"LUOSHI_INGEST_MAX_CELLS": "7", "LUOSHI_INGEST_MAX_SECONDS": "1.5"})
    assert (b.max_cells, b.max_seconds, b.max_lines) == (7, 1.5, Budget().max_lines)
    with pytest.raises(ValueError, match="LUOSHI_INGEST_MAX_LINES must be a number"):
        Budget.from_env({"LUOSHI_INGEST_MAX_LINES": "many"})


def test_outside_a_reading_a_single_charge_is_still_checked():
    assert budgets.current() is None
    budgets.charge_cells(10)  # nothing counted across calls
    with pytest.raises(LimitExceeded):
        budgets.charge_cells(Budget().max_cells + 1)


def test_json_depth_counts_brackets_outside_strings_only():
    deep_string = json.dumps({"tasks": [], "note": "[{" * 500 + '\\"'})
    assert read_document(deep_string.encode(), name="t.json").tasks == []


def test_an_unexpected_exception_in_a_reader_is_an_ingest_error_naming_reader_and_place(caplog):
    def broken(data: bytes, name: str):
        return {}["missing"]

    register("broken", sniff=lambda d, n: False, read=broken)
    try:
        with caplog.at_level(logging.ERROR, logger="luoshi.ingest"):
            with pytest.raises(ReaderFailed) as err:
                read_document(b"anything", name="x.bin", format="broken")
    finally:
        del _READERS["broken"]
    msg = str(err.value)
    assert msg.startswith("x.bin: the file could not be read: KeyError")
    assert "reader broken, at test_budgets.py:" in msg and "in broken" in msg
    assert isinstance(err.value.__cause__, KeyError)
    assert any(r.exc_info for r in caplog.records)  # the traceback, for developers


def test_recursion_in_a_reader_is_reported_as_nesting():
    def deep(data: bytes, name: str):
        return deep(data, name)

    register("deep", sniff=lambda d, n: False, read=deep)
    try:
        with pytest.raises(ReaderFailed, match="nested too deeply"):
            read_document(b"x", name="x", format="deep")
    finally:
        del _READERS["deep"]


def test_damaged_xml_inside_a_workbook_is_a_declared_error(docs):
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(docs["xlsx"]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/workbook.xml":
                content = content[: len(content) // 2]
            dst.writestr(info.filename, content)
    with pytest.raises(IngestError) as err:
        read_document(out.getvalue(), name="t.xlsx")
    assert not isinstance(err.value, ReaderFailed)


# --- the linear rewrites give what the patterns gave -------------------------------------

_PIECES = ["(", "（", ")", "）", "[", "]", "【", "】", " ", "\n", ":", "：", "牵头单位", "配合单位",
           "责任单位", "x", "市", "\t", "★", "*", "、"]


def test_inline_unit_note_matches_the_pattern_search():
    rng = random.Random(14)
    for _ in range(20_000):
        s = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        m = _INLINE.search(s)
        got = units_in_text(s)
        if m is not None:
            assert got is not None and got[0] == s[: m.start()].rstrip(), s


_OLD_LEAD = re.compile(r"^[*＊★☆]+\s*")
_OLD_LEAD_AFTER = re.compile(r"\s*[*＊★☆]+$")


def test_lead_markers_stripped_as_the_patterns_did():
    rng = random.Random(15)
    for _ in range(20_000):
        s = "".join(rng.choice(["★", "*", "＊", "☆", " ", "\t", "市", "局"])
                    for _ in range(rng.randint(0, 10))).strip()
        assert _strip_lead_marks(s) == _OLD_LEAD_AFTER.sub("", _OLD_LEAD.sub("", s)), s


@pytest.mark.parametrize("text", [
    "x" + "(牵头单位:" * 20_000 + "y",
    "市建设局" + "*" * 200_000 + "局",
    "市建设局" + "★" * 100_000,
])
def test_unit_patterns_take_linear_time(text):
    import time

    t = time.perf_counter()
    units_in_text(text)
    split_units(text)
    assert time.perf_counter() - t < 1.0


# the GLUED LABEL pattern the backward search replaced: it scanned for the clause forwards
# from every character, so a long run without a colon took time growing with its square
_OLD_GLUED = re.compile(r"([^\s。;；:：]{10,}?)([\u4e00-\u9fa5]{4,6})[:：]")


def test_glued_labels_found_as_the_pattern_found_them():
    from luoshi.ingest.text.prose.formfields import _glued_runs

    pieces = ["完成", "情况", "由", "x", "1", ":", "：", " ", "\u3000", "\xa0", "。", ";", "问题"]
    rng = random.Random(16)
    for _ in range(20_000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        assert _glued_runs(s) == [(m.start(2), m.end()) for m in _OLD_GLUED.finditer(s)], s


@pytest.mark.parametrize("text", ["由" * 200_000, ("由" * 30 + "完成情况:") * 10_000])
def test_glued_labels_take_linear_time(text):
    import time

    from luoshi.ingest.text.prose.formfields import _glued_fields

    t = time.perf_counter()
    _glued_fields(text)
    assert time.perf_counter() - t < 1.0


def test_lzw_size_counts_what_pdfminer_decodes():
    import io

    from pdfminer.lzw import LZWDecoder

    from luoshi.ingest.pdfstreams import _lzw_size
    from tests.ingest.hostile_files import _lzw_pack

    rng = random.Random(16)
    for _ in range(200):
        codes = [256, rng.randrange(256)]
        table = 258
        for _ in range(rng.randrange(1, 900)):
            r = rng.random()
            codes.append(256 if r < 0.01 else rng.randrange(table + 1) if r < 0.98 else 257)
            table = 258 if codes[-1] == 256 else table + (codes[-1] != 257)
            if codes[-1] == 256:
                codes.append(rng.randrange(256))
        data = _lzw_pack(codes)
        expected = len(b"".join(LZWDecoder(io.BytesIO(data)).run()))
        assert _lzw_size(data, 10**9) == expected, codes[:20]
