"""Joined sub-rows judged part by part (issue 10, rules.PART_LINE_WRAP and the table above it):
a pipe table's rows without serial joined to the task above are read by the real reader, and
each target line meets the progress line beside it; the task's verdict comes from its parts'.
Sentences are paraphrases, not copies of any page."""

from __future__ import annotations

import pytest

from luoshi.extract import analyze_document, analyze_task
from luoshi.extract.model import FIELD_DONE, FIELD_TEXT
from luoshi.ingest import read_document
from luoshi.ingest.model import Item, Task
from luoshi.vocab import Status

from .conftest import Q3

HEAD = "2022年区民生实事进展情况表(截至9月底)\n序号 | 项目内容 | 进展情况 | 责任单位 |\n"


def task2(rows: str):
    """The analysis of task 2 of a pipe table whose later rows join it."""
    doc = read_document((HEAD + "1 | 新建学校2所。 | 已开工建设。 | 教育局 |\n" + rows).encode(), name="sub.txt")
    analyses = analyze_document(doc)
    return doc.tasks[1], analyses[1]


@pytest.mark.parametrize(
    ("rows", "expected", "parts"),
    [
        # one sub-target well short, the others on course: a part lags, amber — not red
        ("2 | 新建文化驿站8家。 | 已建成文化驿站7家。 | 文广局 |\n"
         "新增普惠托位500个。 | 新增普惠托位120个。 | ||\n"
         "改造农村公厕200座。 | 已改造农村公厕160座。 | ||\n",
         Status.AT_RISK, [Status.ON_TRACK, Status.BEHIND, Status.ON_TRACK]),
        # every sub-target well short: the task lags, red
        ("2 | 新建文化驿站8家。 | 已建成文化驿站2家。 | 文广局 |\n"
         "新增普惠托位500个。 | 新增普惠托位100个。 | ||\n",
         Status.BEHIND, [Status.BEHIND, Status.BEHIND]),
        # every sub-target met: done
        ("2 | 新建文化驿站8家。 | 已建成文化驿站8家。 | 文广局 |\n"
         "新增普惠托位500个。 | 已新增普惠托位520个。 | ||\n",
         Status.DONE, [Status.DONE, Status.DONE]),
        # on course and slightly short: amber; on course and done: on course
        ("2 | 新建文化驿站8家。 | 已建成文化驿站7家。 | 文广局 |\n"
         "新增普惠托位500个。 | 新增普惠托位300个。 | ||\n",
         Status.AT_RISK, [Status.ON_TRACK, Status.AT_RISK]),
        ("2 | 新建文化驿站8家。 | 已建成文化驿站8家。 | 文广局 |\n"
         "新增普惠托位500个。 | 新增普惠托位400个。 | ||\n",
         Status.ON_TRACK, [Status.DONE, Status.ON_TRACK]),
        # a sub-row whose line holds no figure is judged by its words (boilerplate: not judged)
        ("2 | 新建文化驿站8家。 | 已建成文化驿站7家。 | 文广局 |\n"
         "新增普惠托位500个。 | 新增普惠托位420个。 | ||\n"
         "推进托育服务规范化。 | 按计划推进。 | ||\n",
         Status.ON_TRACK, [Status.ON_TRACK, Status.ON_TRACK, Status.VAGUE]),
    ],
)
def test_each_joined_target_has_its_verdict_and_the_task_one_from_them(rows, expected, parts):
    t, a = task2(rows)
    assert "\n" in t.text  # the reader joined the sub-rows
    assert [p.status.value for p in a.parts] == parts, [p.status.reason for p in a.parts]
    assert a.status.value is expected and a.status.rule == "parts", a.status.reason
    assert a.status.reason.startswith(f"{len(parts)}个分项")  # how it is shown: the reason lists them
    # every figure measures the target of its own line, its span lying where it is in the cell
    assert len(t.items) == len(parts)  # the reader keeps each joined row's progress as its own item
    for m in a.measurements:
        assert m.span.field == FIELD_DONE
        done = t.items[m.span.item].done
        assert done[m.span.start : m.span.end] == m.span.text
        target = a.targets[m.target]
        line = t.text[: target.span.start].count("\n")
        assert m.span.item == line  # the figure lies in the item of its own target's line
    for target in a.targets:
        assert target.span.field == FIELD_TEXT and t.text[target.span.start : target.span.end] == target.span.text
    assert [p["status"]["value"] for p in a.to_dict()["parts"]] == [str(s) for s in parts]


def test_red_only_when_the_whole_lags():
    """The reason says which parts lag; the light follows the task's status, not the worst part."""
    _, a = task2("2 | 新建文化驿站8家。 | 已建成文化驿站7家。 | 文广局 |\n"
                 "新增普惠托位500个。 | 新增普惠托位120个。 | ||\n")
    assert a.status.light == "amber"
    assert "第2项" in a.status.reason.split(":", 1)[0]


@pytest.mark.parametrize(
    ("text", "done"),
    [
        # a wrapped task cell (a line ending on a comma) is one sentence, not sub-rows
        ("新建文化驿站8家,\n新增普惠托位500个。", "已建成文化驿站7家,\n新增普惠托位120个。"),
        # progress of another line count: not side by side
        ("新建文化驿站8家。\n新增普惠托位500个。", "已建成文化驿站7家,新增普惠托位120个。"),
        # one target only: nothing to judge apart
        ("新建文化驿站8家。\n推进托育服务规范化。", "已建成文化驿站7家。\n按计划推进。"),
        # progress lines in another order than the targets (each figure names the metric of the
        # other line): not side by side, read whole
        ("新建文化驿站8家。\n新增普惠托位500个。", "新增普惠托位420个。\n已建成文化驿站7家。"),
    ],
)
def test_not_sub_rows(text, done):
    a = analyze_task(Task("1", text, items=[Item(done=done)]), Q3)
    assert a.parts == [] and a.status.rule != "parts"
    assert "parts" not in a.to_dict()
    for m in a.measurements:  # read whole, each figure still measures the target it names
        assert a.targets[m.target].metric[-2:] in m.span.text


def test_stored_targets_filed_figures_and_corrections_follow_their_part():
    """The web and the bulk analysis pass the stored targets (spans in the whole task cell),
    the figures filed by target index and people's corrections keyed by where a figure lies in
    the whole progress cell: each reaches the part it belongs to."""
    from luoshi.extract.model import MeasurementFix
    from luoshi.extract.targets import extract_targets

    text = "新建文化驿站8家。\n新增普惠托位500个。"
    done = "已建成文化驿站7家。\n新增普惠托位120个。"
    t = Task("1", text, items=[Item(done=done)])
    targets = extract_targets(text)
    assert len(targets) == 2
    a = analyze_task(t, Q3, targets=targets, reported={1: 450})
    assert [p.status.value for p in a.parts] == [Status.ON_TRACK, Status.ON_TRACK], a.status.reason
    assert "填报值" in a.parts[1].status.reason and a.status.value is Status.ON_TRACK
    second = next(m for m in a.measurements if m.target == 1 and not m.by_person)
    fixes = {second.span.key(): MeasurementFix(value=490)}
    b = analyze_task(t, Q3, targets=targets, fixes=fixes)
    fixed = next(m for m in b.measurements if m.target == 1)
    assert fixed.value == 490 and fixed.span == second.span
    assert b.parts[1].status.value is Status.ON_TRACK
