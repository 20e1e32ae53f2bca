"""JSON writer: the `luoshi parse` JSON."""

from __future__ import annotations

import json

from luoshi.export.json import write_json
from tests.formats.docgen import seed004_like


def test_json_is_the_parse_contract() -> None:
    doc = seed004_like(3)
    data = json.loads(write_json(doc))
    assert data == doc.to_dict()
    assert set(data) == {"meta", "columns", "tasks", "warnings"}
    assert data["meta"]["written_date"] == "2020-10-29" and "舟山" in write_json(doc).decode("utf-8")
