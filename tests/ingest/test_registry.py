import pytest

from luoshi.ingest import IngestError, ParsedDocument, read_document
from luoshi.ingest.model import Meta
from luoshi.ingest.registry import _READERS, formats, reader_for, register


def test_text_is_the_fallback():
    assert "text" in formats()
    assert reader_for(b"anything", "x").format == "text"


def test_registration_is_one_line_and_content_decides():
    def read(data, name):
        return ParsedDocument(meta=Meta(title="magic"), columns=[], tasks=[])

    register("magic", sniff=lambda data, name: data.startswith(b"MAGIC"), read=read, priority=50)
    try:
        doc = read_document(b"MAGIC rest", name="file.txt")
        assert doc.format == "magic" and doc.meta.title == "magic" and len(doc.sha256) == 64
        assert reader_for(b"plain", "file.magic").format == "text"
    finally:
        del _READERS["magic"]


def test_unknown_format_is_an_error():
    with pytest.raises(IngestError, match="unknown format"):
        read_document(b"x", name="a", format="nope")
