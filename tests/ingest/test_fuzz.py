"""Fuzzing: mutated documents of every format (tests/ingest/mutate.py) and random bytes give a
ParsedDocument or a declared IngestError — never another exception, and never the catch-all
"the file could not be read" (ReaderFailed), which would mean a reader met something it did
not expect. In CI (CI=true) hypothesis runs a fixed sequence (tests/conftest.py); the example
counts keep this file to about half a minute on a small machine. benchmarks/fuzz.py runs the
same mutations by the thousand.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.ingest import IngestError, ParsedDocument, ReaderFailed, read_document
from tests.ingest.mutate import FORMATS, base_documents, file_name, mutated

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:openpyxl.*")  # damaged workbooks

EXAMPLES = {"text": 250, "html": 250, "csv": 200, "json": 200, "docx": 150, "xlsx": 150,
            "pdf": 60}


def read_or_declared_error(data: bytes, name: str) -> None:
    try:
        doc = read_document(data, name=name)
    except ReaderFailed as exc:  # an IngestError, but one that wraps a reader's surprise
        raise AssertionError(f"unexpected exception inside a reader: {exc}") from exc
    except IngestError as exc:
        assert exc.source == name and exc.reason
        return
    assert isinstance(doc, ParsedDocument)
    well_typed(doc)


def well_typed(doc: ParsedDocument) -> None:
    """What a reader gives back holds the types the dataclasses declare (the import relies
    on them): text is text, units a list of text."""
    meta = doc.meta
    for field in ("title", "index_no", "category", "publisher", "disclosure", "government",
                  "source_url"):
        assert isinstance(getattr(meta, field), str), field
    assert meta.year is None or isinstance(meta.year, int)
    assert all(isinstance(n, str) for n in meta.notes)
    for t in doc.tasks:
        assert isinstance(t.serial, str) and isinstance(t.text, str)
        assert all(isinstance(u, str) for u in t.units)
        for i in t.items:
            assert i.heading is None or isinstance(i.heading, str)
            assert all(isinstance(x, str) for x in (i.done, i.problems, i.next_steps))


def _fuzz(fmt: str):
    @settings(max_examples=EXAMPLES[fmt], deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(rng=st.randoms(use_true_random=False))
    def test(rng: random.Random) -> None:
        read_or_declared_error(mutated(rng, fmt), file_name(fmt))

    return test


@pytest.mark.parametrize("fmt", FORMATS)
def test_mutated_documents_give_a_document_or_a_declared_error(fmt):
    base_documents(fmt)  # written once, outside hypothesis's clock
    _fuzz(fmt)()


@pytest.mark.parametrize("document", [
    '{"tasks": [{"serial": 1, "text": 5}]}',
    '{"tasks": [{"serial": [], "text": "x"}]}',
    '{"tasks": [{"serial": "1", "units": "市建设局"}]}',
    '{"tasks": [{"serial": "1", "items": [{"done": {}}]}]}',
    '{"tasks": [], "meta": {"year": "2020"}}',
    '{"tasks": [], "meta": {"notes": "abc"}}',
    '{"tasks": [], "meta": {"period": {"kind": "q3", "end_date": 20200930}}}',
    '{"tasks": [], "meta": [1]}',
    '{"tasks": {"serial": "1"}}',
])
def test_json_of_the_wrong_types_is_a_declared_error(document):
    with pytest.raises(IngestError, match="not a luoshi parse JSON document") as err:
        read_document(document.encode(), name="t.json")
    assert not isinstance(err.value, ReaderFailed)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(min_size=1, max_size=2000), fmt=st.sampled_from(FORMATS))
def test_random_bytes_give_a_document_or_a_declared_error(data, fmt):
    read_or_declared_error(data, file_name(fmt))


@settings(max_examples=150, deadline=None)
@given(text=st.text(min_size=1, max_size=400), fmt=st.sampled_from(["text", "html", "csv"]))
def test_random_text_gives_a_document_or_a_declared_error(text, fmt):
    header = "序号\n\n任务内容\n\n责任单位\n\n完成情况\n\n" if fmt == "text" else ""
    read_or_declared_error((header + text).encode(), file_name(fmt))
