"""JSON reader: the `luoshi parse` JSON (docs/parse-json.md) back into a ParsedDocument."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from luoshi.ingest.decode import decode_text
from luoshi.ingest.errors import IngestError
from luoshi.ingest.model import Column, Item, Meta, ParsedDocument, ParseWarning, Period, Task
from luoshi.vocab import ColumnRole, PeriodKind


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _period(d: dict[str, Any] | None) -> Period | None:
    if not d:
        return None
    kind = PeriodKind(d["kind"])
    end = _date(d.get("end_date"))
    month = end.month if kind is PeriodKind.MONTH and end else None
    return Period(kind, d.get("label", ""), end, month)


def document_from_dict(d: dict[str, Any]) -> ParsedDocument:
    """The inverse of ``ParsedDocument.to_dict``. Raises KeyError/ValueError on a bad shape."""
    m = d.get("meta") or {}
    meta = Meta(
        title=m.get("title", ""),
        index_no=m.get("index_no", ""),
        category=m.get("category", ""),
        publisher=m.get("publisher", ""),
        written_date=_date(m.get("written_date")),
        published_date=_date(m.get("published_date")),
        disclosure=m.get("disclosure", ""),
        government=m.get("government", ""),
        year=m.get("year"),
        period=_period(m.get("period")),
        notes=list(m.get("notes") or []),
        source_url=m.get("source_url") or "",
    )
    columns = [Column(c["header"], ColumnRole(c["role"])) for c in d.get("columns") or []]
    tasks = [
        Task(
            serial=str(t["serial"]),
            text=t.get("text", ""),
            units=list(t.get("units") or []),
            items=[
                Item(
                    i.get("heading"),
                    i.get("done", ""),
                    i.get("problems", ""),
                    i.get("next_steps", ""),
                )
                for i in t.get("items") or []
            ],
        )
        for t in d["tasks"]
    ]
    warnings = [ParseWarning(w.get("line"), w["message"]) for w in d.get("warnings") or []]
    return ParsedDocument(meta=meta, columns=columns, tasks=tasks, warnings=warnings)


def read_json_document(data: bytes, name: str) -> ParsedDocument:
    text, _ = decode_text(data, name)
    try:
        doc = document_from_dict(json.loads(text))
    except json.JSONDecodeError as exc:
        raise IngestError(name, f"invalid JSON: {exc.msg}", line=exc.lineno) from exc
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise IngestError(
            name, f"not a luoshi parse JSON document: {type(exc).__name__} {exc}"
        ) from exc
    doc.format, doc.layout = "json", "json"
    return doc
