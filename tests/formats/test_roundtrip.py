"""Export -> import gives back the same document, for every format.

First a seed-004-shaped document (six columns, sub-items as merged cells, the header repeated at
page breaks) through each structured format; then a property over generated documents (other
column sets, lead/co unit columns, a leader column, multi-paragraph cells, sub-items)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.export import write_document
from luoshi.export.pdf import write_pdf
from luoshi.ingest import read_document
from luoshi.ingest.model import Column, Item, Meta, ParsedDocument, Task
from luoshi.vocab import ColumnRole
from tests.formats.docgen import UNIT_NOTE, seed004_like

WRITTEN_META = ("title", "index_no", "category", "publisher", "written_date", "published_date",
                "disclosure", "notes")


def _tasks(doc: ParsedDocument, fmt: str = "") -> list[tuple]:
    # Task.extra (cells of other columns) is not part of the JSON contract.
    return [(t.to_dict(), {} if fmt == "json" else t.extra) for t in doc.tasks]


def _write(doc: ParsedDocument, fmt: str, **options) -> bytes:
    return write_pdf(doc) if fmt == "pdf" else write_document(doc, fmt, **options)


@pytest.fixture(scope="module")
def seed_doc() -> ParsedDocument:
    return seed004_like(16)


@pytest.mark.parametrize(("fmt", "options"), [
    ("html", {"header_every": 5}), ("docx", {"header_every": 5}), ("xlsx", {"header_every": 5}),
    ("pdf", {}), ("csv", {}), ("json", {}),
])
def test_seed004_shape_round_trip(seed_doc: ParsedDocument, fmt: str, options: dict) -> None:
    back = read_document(_write(seed_doc, fmt, **options), name=f"gen.{fmt}")
    assert back.format == fmt
    assert back.columns == seed_doc.columns
    assert _tasks(back, fmt) == _tasks(seed_doc, fmt)
    if fmt != "csv":  # a CSV file holds the table only
        assert back.meta.to_dict() == seed_doc.meta.to_dict()
        assert back.warnings == []


# --- generated documents ------------------------------------------------------------------

_CHARS = "推进建设完成项目工程改革服务城市海岛港口数字经济企业发展新增亿元投资农村医疗教育文化旅游" \
         "交通生态环境安全治理体系平台产业基地社区养老制度创新开放合作全面加快提升优化0123456789"
_word = st.text(alphabet=_CHARS, min_size=2, max_size=12)
_para = st.builds(lambda a, b, end: a + b + end, _word, st.sampled_from(["", ",", "、", "。"]),
                  st.sampled_from(["", "。", "%。"]))
_cell = st.lists(_para, min_size=0, max_size=3).map("\n".join)
_unit = st.builds(lambda w, s: "市" + w + s, st.text(alphabet=_CHARS, min_size=1, max_size=4),
                  st.sampled_from(["局", "委", "办"]))

COLUMN_SETS = [
    [("序号", ColumnRole.SERIAL), ("任务内容", ColumnRole.TASK), ("责任单位", ColumnRole.UNITS),
     ("完成情况", ColumnRole.DONE), ("存在问题及困难", ColumnRole.PROBLEMS), ("下一步工作", ColumnRole.NEXT_STEPS)],
    [("序号", ColumnRole.SERIAL), ("重点工作", ColumnRole.TASK), ("完成情况", ColumnRole.DONE)],
    [("序号", ColumnRole.SERIAL), ("工作任务", ColumnRole.TASK), ("牵头领导", ColumnRole.LEADER),
     ("牵头单位", ColumnRole.LEAD_UNIT), ("配合单位", ColumnRole.CO_UNITS), ("进展情况", ColumnRole.DONE)],
]


@st.composite
def documents(draw, max_tasks: int = 6) -> ParsedDocument:
    columns = [Column(h, r) for h, r in draw(st.sampled_from(COLUMN_SETS))]
    roles = {c.role for c in columns}
    has_units = bool(roles & {ColumnRole.UNITS, ColumnRole.LEAD_UNIT})
    tasks = []
    for n in range(1, draw(st.integers(1, max_tasks)) + 1):
        k = draw(st.integers(1, 3))
        items = []
        for _ in range(k):
            heading = draw(_para) if k > 1 else None
            fields = [draw(_cell) for _ in range(3)]
            if ColumnRole.PROBLEMS not in roles:
                fields[1] = fields[2] = ""
            items.append(Item(heading, *fields))
        units = draw(st.lists(_unit, min_size=1, max_size=3, unique=True)) if has_units else []
        extra = {"牵头领导": draw(st.sampled_from(["", "张副市长", "李副市长\n王副市长"]))} \
            if ColumnRole.LEADER in roles else {}
        tasks.append(Task(str(n), draw(_cell.filter(bool)), units, items, extra=extra))
    meta = Meta(
        title=draw(st.sampled_from(["2021年度区政府重点工作任务半年度完成情况",
                                    "2022年市政府工作报告重点工作三季度进展情况"])),
        index_no=draw(st.sampled_from(["", "001008009/2021-00042"])),
        publisher=draw(st.sampled_from(["", "区政府办公室"])),
        published_date=draw(st.sampled_from([None, date(2021, 7, 20)])),
        disclosure="主动公开",
        government=draw(st.sampled_from(["洞头区", "舟山市"])),
        notes=[UNIT_NOTE] if has_units and draw(st.booleans()) else [],
    )
    return ParsedDocument(meta=meta, columns=columns, tasks=tasks)


def _same(back: ParsedDocument, doc: ParsedDocument, fmt: str) -> None:
    assert back.columns == doc.columns
    assert _tasks(back, fmt) == _tasks(doc, fmt)
    if fmt != "csv":
        got, want = back.meta.to_dict(), doc.meta.to_dict()
        assert {k: got[k] for k in WRITTEN_META} == {k: want[k] for k in WRITTEN_META}
        assert back.meta.government == doc.meta.government


_FAST = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx", "csv", "json"])
@_FAST
@given(doc=documents())
def test_round_trip_is_exact(fmt: str, doc: ParsedDocument) -> None:
    _same(read_document(write_document(doc, fmt), name=f"rt.{fmt}"), doc, fmt)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents(max_tasks=4))
def test_pdf_round_trip_is_exact(doc: ParsedDocument) -> None:
    _same(read_document(write_pdf(doc), name="rt.pdf"), doc, "pdf")
