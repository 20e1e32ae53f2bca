"""Finished work told in words: the latest news of an entry says the work is complete.

A task that promises one thing and states no figure (a named project: 路灯修复项目, 车位规划项目;
one clause, no target, no finishing verb the done rule could check object by object) is done
when the last clause of its one done cell — the state the unit reports — says as a fact that the
work is finished (an entry of numbered points reports several measures, the last point only
its own):

- a verb with 完毕 (目前全部更换完毕, 已拆除完毕);
- a result of the work after 已/均已/全部: 已投入使用, 已竣工, 已通车, 已挂牌, 已通过验收;
- a clause ending in 已于 a date (办理)完成 (活动已于3月18日办理完成: rules.FINISHED_DATED),
  its subject no step or part;
- 完成 + what was done with nothing of it left to count (完成划线; 已完成66个车位划定工作, the
  work on a count of things — the count of all is not given, so the reason says so).

Not when that clause is a part or a step (完成了部分, 基本完成, 完成设计, 完成主体, 完成选址:
rules.PARTIAL_WORDS, rules.INTERMEDIATE_STEPS, unless the task itself names it), a plan (下一步,
计划, 拟, 承诺 … in its sentence before it: rules.FUTURE_IN_SENTENCE), a scope word limits it
(部分已投入使用), or the entry says something is not finished or still under way (尚未完成,
正在, 在建). An earlier clause does not count: "完成整改,承诺年内达到居民要求" is on course.

WHOLE TASK FINISHED (:func:`whole_task_finished`), for any task: the last sentence of its one
done cell has the task itself for its subject (该项目, 本工程, 此项工作: rules.WHOLE_TASK_SUBJECT)
and says as a fact that it is finished, by a date or not (该项目已于10月底完成, 该项目已于9月1日前
完工并全部投入使用: rules.FINISHED_BY_DATE) — the subject names the whole task, so its goals need
no checking one by one. Not when that sentence holds a part or scope word (一期, 部分, 基本),
work still under way (正在) or a plan (计划, 将于), nor when the entry says something is not
finished. An entry of numbered points (①…②…) is the whole task finished when every point's
last clause says its own work finished (…6月底已完工, …已于3月1日完成), none with such a word
(unless the task's own cells name it: 首批 in the name of a project).
The words are in rules (grading); docs/analysis.md explains the rule beside the other done rules.
"""

from __future__ import annotations

import re

from luoshi.extract import clauses, rules
from luoshi.extract.model import FIELD_DONE, Span, Target
from luoshi.extract.numbers import normalise
from luoshi.extract.wording import Cell, clause_span

_COMPLETE = re.compile(rules.FINISHED_COMPLETE)
_RESULT = re.compile(rules.FINISHED_RESULT)
_OBJECT = re.compile(rules.FINISHED_OBJECT)
_BY_DATE = re.compile(rules.FINISHED_BY_DATE)
_DATED = re.compile(rules.FINISHED_DATED)


def _says_finished(last: str, named: str) -> bool:
    """Does the clause ``last`` say as a fact that its work is finished: …完毕, a result word
    (已投入使用), or a clause ending in 已(于 a date)完成 whose subject is no step or part the
    task does not itself name (``named``: the task's own words)?"""
    if _COMPLETE.search(last) or _RESULT.search(last):
        return True
    return bool(_DATED.search(last)) and not any(
        w in last and w not in named for w in (*rules.INTERMEDIATE_STEPS, *rules.PARTIAL_WORDS))
# A numbered point opening anywhere a sentence may open (①… ②… run on one line too).
_POINT_MARK = re.compile(r"[①-⑳]|(?:^|(?<=[\n。;；]))\s*(?:[0-9]{1,2}[.、](?![0-9])"
                         r"|[(（][0-9一二三四五六七八九十]{1,2}[)）])")
_NOT_DONE = re.compile(r"(?:尚未|还未|仍未|未能|没有|未)(?:全部|全面|最终)?(?:完成|建成|实现|竣工|完工|投用)")
# Work still under way or only basically finished anywhere in the entry (施工 alone may be the
# past: 历时一年施工,现已投入使用).
_PENDING = (*rules.ONGOING_WORDS, "在建", "建设中", "收尾", "实施阶段", "基本完成", "基本建成",
            "初步完成")
_FIGURE = re.compile(r"[0-9]")
_TRAILING = "。.;;!！,, \n\t"
_CLAUSE_BREAKS = "。;;\n!?！？,，"
# A numbered list (1. / (1) / ①) reports several measures: its last point is one of them.
_LIST_MARKER = re.compile(r"(?:^|\n)\s*(?:[0-9]{1,2}[.、](?![0-9])|[(（][0-9一二三四五六七八九十]{1,2}[)）]"
                          r"|[①-⑳])")


def promises_one_thing(task_text: str, targets: list[Target], goals: int) -> bool:
    """A task of one sentence, with no target figure and no finishing verb of its own (``goals``:
    the count of completion.task_goals): its entry alone can say whether it is finished."""
    if targets or goals:
        return False
    body = normalise(task_text).strip().rstrip(_TRAILING)
    # One clause; a label before a colon (领办项目:…) is not a clause of its own.
    return bool(body) and len(clauses.split(body, _CLAUSE_BREAKS)) == 1


def finished_in_words(task_text: str, cells: list[Cell]) -> tuple[str, list[Span]] | None:
    """(reason, evidence) when the last clause of the one done cell says the work is finished
    (module docstring), else None."""
    done = [c for c in cells if c.field == FIELD_DONE and c.norm.strip()]
    if len(done) != 1:
        return None  # several entries: parts or rounds, which the other rules weigh
    cell = done[0]
    norm = cell.norm.rstrip(_TRAILING)
    if not norm or _NOT_DONE.search(cell.norm) or any(w in cell.norm for w in _PENDING):
        return None
    if len(_LIST_MARKER.findall(norm)) > 1:
        return None
    a, b = clauses.clause(norm, len(norm) - 1)
    a, b = clauses.trim(norm, a, b)
    last = norm[a:b]
    task = normalise(task_text)
    if any(w in last and w not in task for w in (*rules.PARTIAL_WORDS, *rules.INTERMEDIATE_STEPS)):
        return None
    if any(w in last for w in rules.SCOPE_WORDS):
        return None
    sa, _ = clauses.sentence(norm, a)
    if any(w in norm[sa:b] for w in rules.FUTURE_IN_SENTENCE) or any(
            w in last for w in rules.NOT_ACHIEVED_BEFORE if w not in ("推进", "启动")):
        return None
    span = clause_span(cell, a)
    if _says_finished(last, task):
        return f"称已完成:{span.text}", [span]
    m = _OBJECT.match(last)
    if m is None:
        return None
    obj = m.group("obj")
    if _FIGURE.search(obj):
        if "%" in obj or "元" in obj or not obj.endswith(rules.FINISHED_COUNTED_WORK):
            return None  # 完成投资1.2亿元: a figure achieved, not the work finished
        return f"称已完成:{span.text}(未说明总数,按已完成判断)", [span]
    return f"称已完成:{span.text}", [span]


def whole_task_finished(cells: list[Cell], own: str = "") -> tuple[str, list[Span]] | None:
    """(reason, evidence) when the last sentence of the one done cell says the task itself is
    finished (WHOLE TASK FINISHED, module docstring), else None. ``own``: the task's own words
    (its text and other cells)."""
    done = [c for c in cells if c.field == FIELD_DONE and c.norm.strip()]
    if len(done) != 1 or _NOT_DONE.search(done[0].norm):
        return None
    cell = done[0]
    norm = cell.norm.rstrip(_TRAILING)
    if not norm:
        return None
    # (a part word the task's own cells name is the name of what it does: 首批校园…开放工程)
    named = normalise(own) + "".join(c.norm for c in cells if c.field != FIELD_DONE)
    words = tuple(w for w in (*rules.PARTIAL_WORDS, *rules.SCOPE_WORDS, *rules.ONGOING_WORDS,
                              *rules.FUTURE_IN_SENTENCE) if w not in named)
    marks = [(m.start(), m.end()) for m in _POINT_MARK.finditer(norm)]
    if len(marks) > 1:
        # every numbered point says its own work finished: the whole is (①…6月底已完工。②…已完工)
        spans = []
        for k, (_, start) in enumerate(marks):
            end = marks[k + 1][0] if k + 1 < len(marks) else len(norm)
            point = norm[start:end].rstrip(_TRAILING)
            ca, cb = clauses.clause(point, len(point) - 1) if point else (0, 0)
            last = point[ca:cb]
            if not _says_finished(last, named) or any(w in point for w in words):
                return None
            spans.append(clause_span(cell, start + ca))
        return "各分项均称已完成:" + ";".join(sp.text for sp in spans), spans
    a, b = clauses.sentence(norm, len(norm) - 1)
    last = norm[a:b]
    if not _BY_DATE.match(last.strip()):
        return None
    if any(w in last for w in words):
        return None
    span = clause_span(cell, a + len(last) - len(last.lstrip()))
    return f"称已完成:{span.text}", [span]
