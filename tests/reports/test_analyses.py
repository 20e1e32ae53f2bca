"""What moved, near-duplicate tasks, amounts on one scale, the stocktake pack."""

from __future__ import annotations

import pytest
from handmade import build

from luoshi.core.models import Assessment, Plan, Report
from luoshi.reports.compare import normalise
from luoshi.reports.duplicates import THRESHOLD, near_duplicates, plan_duplicates
from luoshi.reports.moved import direction, what_moved
from luoshi.reports.pack import build_pack
from luoshi.web import dashboard

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("before", "after", "moved"), [
    ("on_track", "done", "newly_done"),
    ("behind", "done", "newly_done"),
    ("on_track", "behind", "newly_behind"),
    ("on_track", "at_risk", "newly_behind"),
    ("behind", "on_track", "recovered"),
    ("at_risk", "on_track", "recovered"),
    ("behind", "at_risk", "other"),
    ("on_track", "vague", "other"),
])
def test_direction(before, after, moved):
    assert direction(before, after) == moved


def test_what_moved_on_the_hand_made_report():
    h = build()
    m = what_moved(h.q3, h.h1)
    # H1: tasks 1-3 on track; Q3: 1 behind, 2 on track, 3 at risk — in a draft, so 未填报:
    # not a move (docs/visibility.md).
    assert [x.serial for x in m.groups["newly_behind"]] == ["1"]
    assert m.groups["newly_done"] == m.groups["recovered"] == []
    # No done text repeated word for word (H1 says 推进中。 everywhere, Q3 never).
    assert m.copied == []


def test_copied_entries_are_listed_and_match_the_dashboard_count(generated_reports):
    h1, q3 = generated_reports[1], generated_reports[2]
    m = what_moved(q3, h1)
    assert len(m.copied) == dashboard.compare(q3, h1).unchanged
    before = dict(Assessment.objects.filter(report=h1).values_list("task_id", "status"))
    now = dict(Assessment.objects.filter(report=q3).values_list("task_id", "status"))
    listed = {x.task_id for g in m.groups.values() for x in g}
    assert listed == {t for t in now if t in before and before[t] != now[t]}


def test_seed_004_has_three_duplicate_pairs(seed004_report):
    pairs = [p for p in plan_duplicates(seed004_report.plan) if p["duplicate"]]
    assert sorted((p["a"].serial, p["b"].serial) for p in pairs) == [
        ("1", "69"), ("133", "147"), ("3", "13")]
    assert all(p["similarity"] >= THRESHOLD for p in pairs)


@pytest.mark.parametrize(("texts", "pairs"), [
    ({1: "建设高铁新城。", 2: "建设高铁新城", 3: "整治河道十条。"}, [(1, 2)]),
    ({1: "新建城市道路14条", 2: "新建城市道路16条", 3: "改造老旧小区"}, [(1, 2)]),
    ({1: "", 2: "。"}, []),
])
def test_near_duplicates(texts, pairs):
    assert [(p.a, p.b) for p in near_duplicates(texts)] == pairs


@pytest.mark.parametrize(("value", "unit", "out"), [
    (5000, "万元", (0.5, "亿元")),
    (3.2, "亿元", (3.2, "亿元")),
    (30000, "吨", (3, "万吨")),
    (3, "万吨", (3, "万吨")),
    (15, "%", (15, "%")),
    (12, "个", (12, "个")),
    (800, "元", (8e-06, "亿元")),
])
def test_amounts_on_one_scale(value, unit, out):
    v, u = normalise(value, unit)
    assert (round(v, 9), u) == out


def test_pack_orders_by_severity_and_quotes_the_asks():
    h = build()
    pack = build_pack(h.q3, Report.objects.all())
    # Task 3 (at_risk) is a draft: 未填报, so it has no status and no page.
    assert [p.task.serial for p in pack.pages] == ["1", "5"]
    five = pack.pages[1]
    assert [a["text"] for a in five.asks] == ["征地拆迁政策处理难度大,需市级协调。"]
    assert dict((k, n) for k, _, n in pack.counts)["behind"] == 2
    assert pack.total == 7
    assert "at_risk" not in dict((k, n) for k, _, n in pack.counts if n)
    assert pack.counts[0] == ("unfiled", "未填报", 1)
    assert [p.task.leader for p in pack.pages] == ["副市长1", "副市长5"]


def test_pack_series_are_the_figures_by_period(generated_reports):
    q3 = generated_reports[2]
    pack = build_pack(q3, Report.objects.all())
    with_series = [p for p in pack.pages if p.series]
    assert with_series, "lagging generated tasks report figures"
    for p in with_series:
        months = [s["month"] for s in p.series]
        assert months == sorted(months) and set(months) <= {3, 6, 9}
    # The annual report (later than Q3) never feeds the Q3 pack.
    assert all(s["month"] <= 9 for p in with_series for s in p.series)


def test_plan_without_tasks_has_no_pairs(db):
    from luoshi.core.models import Government

    plan = Plan.objects.create(government=Government.objects.create(name="空县"), year=2024)
    assert plan_duplicates(plan) == []


def test_statuses_come_from_the_vocabulary():
    from luoshi.reports.facts import STATUS_ORDER, status_label
    from luoshi.vocab import STATUS_LABELS, Status

    assert set(STATUS_ORDER) == {s.value for s in Status}
    for s in Status:
        assert status_label(s.value) == STATUS_LABELS[s]
    # Members another branch adds are labelled before the vocabulary knows them.
    assert status_label("ahead") in ("超进度", STATUS_LABELS.get("ahead"))
    assert status_label("not_started") in ("未启动", STATUS_LABELS.get("not_started"))


def test_compare_governments_by_words_and_theme(seed004_report, generated_reports):
    from luoshi.reports.compare import compare

    rows = compare(Report.objects.all(), words=["道路"])
    governments = {r.government for r in rows}
    assert governments >= {"舟山市"}
    assert all("道路" in r.text for r in rows)
    # Latest published report of each plan only: the generated plan's annual report.
    latest = {r.report_id for r in rows if r.government == "安澜市"}
    assert latest <= {generated_reports[-1].pk}
    money = [r for r in compare(Report.objects.all(), words=["投资"]) if "元" in r.figure]
    assert money and all(r.figure.endswith("亿元") for r in money)
    themed = compare(Report.objects.all(), theme="funding")
    assert themed and all(r.government for r in themed)
    # Unpublished reports never appear, whatever the caller passes.
    Report.objects.filter(pk=seed004_report.pk).update(state=Report.State.OPEN)
    assert "舟山市" not in {r.government for r in compare(Report.objects.all(), words=["道路"])}


def test_import_names_the_duplicate_pairs(capsys):
    from shared_docs import shared_path

    from luoshi.cli import main

    assert main(["import", str(shared_path("seeds", "004_fea78dcb383e1fba.txt"))]) == 0
    out = capsys.readouterr().out
    notes = [line.strip() for line in out.splitlines() if line.strip().startswith("提示:")]
    assert notes == ["提示:任务 1 与任务 69 疑似重复(相似度 1.00)",
                     "提示:任务 3 与任务 13 疑似重复(相似度 1.00)",
                     "提示:任务 133 与任务 147 疑似重复(相似度 1.00)"]


def test_import_notes_are_capped():
    from luoshi.reports.duplicates import import_notes

    tasks = [(str(i), "建设高铁新城。") for i in range(1, 6)]  # 10 identical pairs
    notes = import_notes(tasks, limit=3)
    assert len(notes) == 4 and notes[-1] == "另有 7 对疑似重复的任务"
