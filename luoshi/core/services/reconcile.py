"""Which incoming task (or sub-item) is which existing one, across periods of one plan.

Pure: works on (serial, text) pairs so that it can be tested without a database.
Order of preference: same serial and same text; same text under another serial; same serial
and similar text; otherwise a new task. Every match that is not exact carries a warning.
"""

from __future__ import annotations

from dataclasses import dataclass

from luoshi.core.services.textmatch import normalize_text, similarity

SIMILAR_ENOUGH = 0.6


@dataclass(frozen=True)
class Known:
    key: int  # the existing task's id
    serial: str
    text: str


@dataclass(frozen=True)
class Match:
    key: int | None  # None: a new task
    how: str  # "exact", "moved", "similar", "new"
    warning: str = ""


def _short(text: str, n: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n] + "…"


def match_tasks(
    known: list[Known], incoming: list[tuple[str, str]], *, label: str = "task"
) -> list[Match]:
    """One Match per incoming (serial, text), each known task used at most once."""
    result: list[Match | None] = [None] * len(incoming)
    used: set[int] = set()
    keys = [normalize_text(text) for _serial, text in incoming]
    known_keys = {k.key: normalize_text(k.text) for k in known}

    # 1. same serial, same text
    by_serial: dict[str, list[Known]] = {}
    for k in known:
        by_serial.setdefault(k.serial, []).append(k)
    for i, (serial, _text) in enumerate(incoming):
        for k in by_serial.get(serial, []) if serial else []:
            if k.key not in used and known_keys[k.key] == keys[i]:
                result[i] = Match(k.key, "exact")
                used.add(k.key)
                break
    # 2. same text, other serial (the list was renumbered)
    by_text: dict[str, list[Known]] = {}
    for k in known:
        by_text.setdefault(known_keys[k.key], []).append(k)
    for i, (serial, _text) in enumerate(incoming):
        if result[i] is not None or not keys[i]:
            continue
        for k in by_text.get(keys[i], []):
            if k.key not in used:
                how = "exact" if k.serial == serial else "moved"
                warning = "" if how == "exact" else (
                    f"{label} {serial or '(no serial)'}: same text as existing {label} "
                    f"{k.serial or '(no serial)'}; attached to it"
                )
                result[i] = Match(k.key, how, warning)
                used.add(k.key)
                break
    # 3. same serial, similar text (re-worded); else new
    for i, (serial, text) in enumerate(incoming):
        if result[i] is not None:
            continue
        candidates = [k for k in by_serial.get(serial, []) if k.key not in used] if serial else []
        best = max(candidates, key=lambda k: similarity(k.text, text), default=None)
        score = similarity(best.text, text) if best else 0.0
        if best is not None and score >= SIMILAR_ENOUGH:
            result[i] = Match(best.key, "similar", (
                f"{label} {serial}: text differs from the existing {label} {serial} "
                f"(similarity {score:.2f}); attached to it, existing text kept: "
                f"“{_short(best.text)}” vs “{_short(text)}”"
            ))
            used.add(best.key)
        elif best is not None:
            result[i] = Match(None, "new", (
                f"{label} {serial}: text does not match the existing {label} {serial} "
                f"(similarity {score:.2f}); imported as a new {label}: “{_short(text)}”"
            ))
        elif known:
            result[i] = Match(None, "new", (
                f"{label} {serial or '(no serial)'}: not in the plan's existing tasks; "
                f"imported as a new {label}: “{_short(text)}”"
            ))
        else:
            result[i] = Match(None, "new")
    return [m for m in result if m is not None]
