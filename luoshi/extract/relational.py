"""A growth promised relative to another growth (收入增长与经济增长同步, 增速快于全市): judged by
the two growths the entry reports, the task's subject's against the reference's.

Rule (rules.RELATIONAL_*, docs/analysis.md): the task names a subject and a reference
(rules.RELATIONAL_TASK); the entry's growth figures (增长2.3%, 增幅-1.1%) are each the subject's
or the reference's by the words before them in their clause (the reference by its own words
or their synonyms, rules.RELATIONAL_REFERENCES). With both found: the subject at or above the
reference (for 同步/相适应 within rules.RELATIONAL_TOLERANCE points below it) meets the aim —
done once the year is over, else on course; below it, amber: the relation is missed, the
subject still grows. Without both figures nothing is judged here.
"""

from __future__ import annotations

import re

from luoshi.extract import clauses, rules
from luoshi.extract.measurements import Candidate
from luoshi.extract.model import Span, StatusResult
from luoshi.extract.numbers import normalise
from luoshi.extract.pace import fmt
from luoshi.vocab import Status

_TASK = re.compile(rules.RELATIONAL_TASK)
_NEUTRAL = re.compile(r"增长|增速|增幅|同比|全年|年度|[0-9]+年|[,,。;;:：\s]")


def _words(text: str) -> frozenset[str]:
    return clauses.bigrams(_NEUTRAL.sub(" ", text))


def relation(task_text: str) -> tuple[str, str, bool] | None:
    """(subject words, reference words, strict?) of a relational growth task, else None.
    Strict for 快于/高于/超过 (above), not for 同步/相适应/不低于 (at least, roughly)."""
    m = _TASK.search(normalise(task_text))
    if m is None:
        return None
    subj = m.group("subj") or m.group("subj2") or ""
    ref = m.group("ref") or m.group("ref2") or ""
    how = m.group("how") or m.group("how2") or ""
    return subj, ref, how in rules.RELATIONAL_STRICT


def _is_reference(before: str, ref: str) -> bool:
    names = (*rules.RELATIONAL_REFERENCES.get(ref.strip(), ()), ref)
    return any(n and n in before for n in names)


def judge(task_text: str, cands: list[Candidate], share: float) -> StatusResult | None:
    """The verdict on a relational growth task from the growths of its entry, or None."""
    rel = relation(task_text)
    if rel is None:
        return None
    subj, ref, strict = rel
    mine: tuple[float, Candidate] | None = None
    theirs: tuple[float, Candidate] | None = None
    for c in cands:
        if c.q.family != "percent" or c.direction == 0:
            continue
        norm = normalise(c.text)
        before = norm[c.clause[0] : c.q.start]
        sa = c.sentence[0]
        lead = norm[sa : c.q.start]  # the sentence names the metric, the clause may not
        value = (-1 if c.negative else 1) * c.q.value * (1 if c.direction > 0 else -1)
        if theirs is None and _is_reference(lead, ref) and not (_words(before) & _words(subj)):
            theirs = (value, c)
        elif mine is None and _words(lead) & _words(subj) and not _is_reference(before, ref):
            mine = (value, c)
    if mine is None or theirs is None:
        return None
    (v, c), (r, rc) = mine, theirs
    spans = [Span(x.field, x.item, x.q.start, x.q.end, x.text[x.q.start : x.q.end]) for x in (c, rc)]
    said = f"{subj}增长{fmt(v)}%,{ref}增长{fmt(r)}%"
    met = v > r if strict else v >= r - rules.RELATIONAL_TOLERANCE
    if not met:
        return StatusResult(Status.AT_RISK, f"{said}:未达到与{ref}增长的目标关系(增速目标,按两者比较)",
                            spans, "relational")
    if share >= 1.0:
        return StatusResult(Status.DONE, f"{said}:全年达到与{ref}增长的目标关系", spans, "relational")
    return StatusResult(Status.ON_TRACK, f"{said}:达到与{ref}增长的目标关系(增速目标,按两者比较)",
                        spans, "relational")
