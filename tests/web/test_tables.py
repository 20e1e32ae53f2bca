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
