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
    return date.fromisoformat(_str(value, "date")) if value else None


def _str(value: Any, field: str) -> str:
    """A text field: a string (null read as empty); anything else is a wrong document."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"{field} must be a string, not {type(value).__name__}")
    return value


def _strs(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError(f"{field} must be a list of strings, not {type(value).__name__}")
    return [_str(v, field) for v in value]


def _year(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2200:
        raise ValueError(f"year must be a year number, not {value!r}"[:80])
    return value


def _period(d: dict[str, Any] | None) -> Period | None:
    if not d:
        return None
    if not isinstance(d, dict):
        raise TypeError("period must be an object")
    kind = PeriodKind(d["kind"])
    end = _date(d.get("end_date"))
    month = end.month if kind is PeriodKind.MONTH and end else None
    return Period(kind, _str(d.get("label"), "period label"), end, month)


def document_from_dict(d: dict[str, Any]) -> ParsedDocument:
    """The inverse of ``ParsedDocument.to_dict``. Raises KeyError/ValueError on a bad shape."""
    # Types are checked here, not trusted: a wrong document is an IngestError, never a
    # ParsedDocument whose text is a number for the import to trip over.
    m = d.get("meta") or {}
    meta = Meta(
        title=_str(m.get("title"), "title"),
        index_no=_str(m.get("index_no"), "index_no"),
        category=_str(m.get("category"), "category"),
        publisher=_str(m.get("publisher"), "publisher"),
        written_date=_date(m.get("written_date")),
        published_date=_date(m.get("published_date")),
        disclosure=_str(m.get("disclosure"), "disclosure"),
        government=_str(m.get("government"), "government"),
        year=_year(m.get("year")),
        period=_period(m.get("period")),
        notes=_strs(m.get("notes"), "notes"),
        source_url=_str(m.get("source_url"), "source_url"),
    )
    columns = [Column(_str(c["header"], "header"), ColumnRole(c["role"]))
               for c in d.get("columns") or []]
    tasks = [
        Task(
            serial=_serial(t["serial"]),
            text=_str(t.get("text"), "text"),
            units=_strs(t.get("units"), "units"),
            items=[
                Item(
                    _str(i["heading"], "heading") if i.get("heading") is not None else None,
                    _str(i.get("done"), "done"),
                    _str(i.get("problems"), "problems"),
                    _str(i.get("next_steps"), "next_steps"),
                )
                for i in t.get("items") or []
            ],
        )
        for t in d["tasks"]
    ]
    warnings = [
        ParseWarning(w.get("line") if isinstance(w.get("line"), int) else None,
                     _str(w["message"], "message"))
        for w in d.get("warnings") or []
    ]
    return ParsedDocument(meta=meta, columns=columns, tasks=tasks, warnings=warnings)


def _serial(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"serial must be a string or number, not {type(value).__name__}")
    return str(value)


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
