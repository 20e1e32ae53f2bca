"""The report table structure that pages and exports render."""

from luoshi.core.models import Period, Progress, Report
from luoshi.web.tables import DEFAULT_COLUMNS, build_report_table


def test_groups_rows_and_spans(sample):
    table = build_report_table(sample.report_q3)
    assert [g.task for g in table.groups] == [sample.digital, sample.parks, sample.roads]
    assert [len(g.rows) for g in table.groups] == [1, 2, 1]
    parks = table.groups[1]
    first, second = parks.rows
    assert [c.role for c in first.cells] == [
        "serial", "task", "units", "done", "problems", "next_steps",
    ]
    assert [c.rowspan for c in first.cells[:3]] == [2, 2, 2]
    assert [c.role for c in second.cells] == ["done", "problems", "next_steps"]
    assert [c.heading for c in second.cells] == ["西岛步道建设。", None, None]


def test_own_entry_of_a_task_with_sub_items(sample):
    own = Progress.objects.create(report=sample.report_q3, task=sample.parks)
    assert len(build_report_table(sample.report_q3).groups[1].rows) == 2  # empty: no row
    own.done = "总体进展顺利。"
    own.save()
    rows = build_report_table(sample.report_q3).groups[1].rows
    assert len(rows) == 3
    assert rows[0].cells[3].text == "总体进展顺利。" and rows[0].cells[3].heading is None
    assert rows[0].cells[0].rowspan == 3


def test_round_without_entries_shows_every_task(sample):
    annual = Period.objects.create(year=2021, kind="annual", month=12)
    report = Report.objects.create(plan=sample.plan, period=annual)
    table = build_report_table(report)
    assert [g.task for g in table.groups] == [sample.digital, sample.parks, sample.roads]
    assert [len(g.rows) for g in table.groups] == [1, 2, 1]
    assert [c.header for c in table.columns] == [c["header"] for c in DEFAULT_COLUMNS]


def test_query_count_does_not_grow_with_tasks(sample, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        table = build_report_table(sample.report_q3)
        for group in table.groups:
            for row in group.rows:
                [c.text for c in row.cells]


def test_rows_follow_the_published_positions(sample):
    # The report listed task 3 first and the sub-items of task 2 the other way round.
    for position, task in enumerate([sample.roads, sample.digital, sample.park_b, sample.park_a], 1):
        Progress.objects.filter(report=sample.report_q3, task=task).update(position=position)
    table = build_report_table(sample.report_q3)
    assert [g.task for g in table.groups] == [sample.roads, sample.digital, sample.parks]
    assert [r.cells[-3].heading for r in table.groups[2].rows] == ["西岛步道建设。", "东岛公园建设。"]
    # The other report keeps the plan's order.
    assert [g.task for g in build_report_table(sample.report_h1).groups] == [sample.digital, sample.parks]


def test_other_published_columns_come_from_the_kept_cells(sample):
    report = sample.report_q3
    report.columns = [*report.columns[:3], {"header": "责任领导", "role": "leader"},
                      report.columns[3], {"header": "进展状态", "role": "declared_status"}]
    report.save()
    cells = {"责任领导": "王副市长", "进展状态": "序时推进"}
    Progress.objects.filter(report=report, task__in=[sample.park_a, sample.park_b]).update(extra=cells)
    parks = build_report_table(report).groups[1]
    first, second = parks.rows
    assert [(c.role, c.text, c.rowspan) for c in first.cells] == [
        ("serial", "2", 2), ("task", "推进海岛公园建设。", 2), ("units", "市府办(市数据局)、市发改局", 2),
        ("leader", "王副市长", 2), ("done", "主体完工。", 1), ("declared_status", "序时推进", 2),
    ]
    assert [c.role for c in second.cells] == ["done"]
    # A task without kept cells shows them empty.
    assert [c.text for c in build_report_table(report).groups[0].rows[0].cells][3] == ""
