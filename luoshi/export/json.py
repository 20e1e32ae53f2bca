"""JSON writer: the ParsedDocument JSON, exactly what `luoshi parse --format json` prints."""

from __future__ import annotations

import json

from luoshi.ingest.model import ParsedDocument


def write_json(doc: ParsedDocument) -> bytes:
    return (json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
