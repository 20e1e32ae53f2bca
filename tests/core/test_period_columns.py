"""Period columns side by side (一季度完成情况 | 二季度完成情况 | 三季度完成情况): one report per
period, each entry analysed at its own period; the task's timeline has one entry per column.
A self-written small table, read from text and from XLSX."""

from __future__ import annotations

import openpyxl
import pytest

from luoshi.core.models import Assessment, ImportBatch, Measurement, Progress, Report, Task
from luoshi.core.services.importing import import_document
from luoshi.ingest import read_document
from luoshi.ingest.period_columns import period_columns, split_periods

pytestmark = pytest.mark.django_db

HEADER = ["序号", "工作任务", "责任单位", "一季度完成情况", "二季度完成情况", "三季度完成情况"]
ROWS = [
    ["1", "新建充电桩800个", "市发展改革委", "新建充电桩150个。", "累计新建充电桩380个。", "累计新建充电桩610个。"],
    ["2", "培训农村实用人才3000人", "市农业农村局", "培训600人。", "累计培训900人。", "累计培训1100人。"],
]
TITLE = "某市2023年重点工作推进情况表"


def text_table(tmp_path, title=TITLE):
    path = tmp_path / "periods.txt"
    lines = [title, "", " | ".join(HEADER) + " |"] + [" | ".join(r) + " |" for r in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def xlsx_table(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = TITLE
    for r, row in enumerate([HEADER, *ROWS], start=3):
        for c, v in enumerate(row, start=1):
            ws.cell(r, c, v)
    path = tmp_path / "periods.xlsx"
    wb.save(path)
    return path


def read(path):
    doc = read_document(path)
    doc.meta.government = "某市"
    return doc


@pytest.mark.parametrize("make", [text_table, xlsx_table])
def test_each_period_column_is_a_report_of_its_period(tmp_path, make):
    doc = read(make(tmp_path))
    assert [(h, p.end_month) for h, p in period_columns(doc)] == [
        ("一季度完成情况", 3), ("二季度完成情况", 6), ("三季度完成情况", 9)]
    result = import_document(doc, file_name=make.__name__)
    assert result.outcome == "created" and len(result.period_report_ids) == 2
    assert result.counts["period_reports"] == 2
    reports = list(Report.objects.order_by("period__month"))
    assert [r.period.month for r in reports] == [3, 6, 9]
    assert result.report_id == reports[-1].pk  # the table's own report is the latest
    task = Task.objects.get(serial="1")
    timeline = [(p.report.period.month, p.done) for p in
                Progress.objects.filter(task=task).select_related("report__period")
                .order_by("report__period__month")]
    assert timeline == [(3, "新建充电桩150个。"), (6, "累计新建充电桩380个。"), (9, "累计新建充电桩610个。")]
    # each entry has its own figure, measured at its own period
    figures = {m.report.period.month: m.value for m in Measurement.objects.filter(task=task, target__isnull=False)}
    assert figures == {3: 150, 6: 380, 9: 610}
    # training: 600 of 3000 at Q1 (0.8 of the time share) amber; 1100 at Q3 (0.49) red
    st = {a.report.period.month: a.status for a in Assessment.objects.filter(task__serial="2")}
    assert st == {3: "at_risk", 6: "behind", 9: "behind"}
    # no entry carries an earlier column as an extra cell any more
    assert not any(set(p.extra or {}) & set(HEADER[3:]) for p in Progress.objects.all())
    assert ImportBatch.objects.count() == 1


def test_again_is_nothing_and_a_different_earlier_report_is_kept(tmp_path):
    path = text_table(tmp_path)
    import_document(read(path), file_name="a.txt")
    again = import_document(read(path), file_name="a.txt")
    assert again.outcome == "already_imported" and Report.objects.count() == 3
    # A different table of the same plan and latest period replaces: its earlier columns
    # replace those reports too; a changed Q1 cell is filed.
    ROWS2 = [list(r) for r in ROWS]
    ROWS2[0][3] = "新建充电桩160个。"
    p2 = tmp_path / "b.txt"
    p2.write_text("\n".join([TITLE, "", " | ".join(HEADER) + " |"] + [" | ".join(r) + " |" for r in ROWS2]) + "\n",
                  encoding="utf-8")
    res = import_document(read(p2), file_name="b.txt", replace=True)
    assert res.outcome in ("replaced", "same_content")
    q1 = Progress.objects.get(task__serial="1", report__period__month=3)
    assert q1.done == "新建充电桩160个。"


def test_dry_run_writes_nothing(tmp_path):
    import_document(read(text_table(tmp_path)), file_name="a.txt", dry_run=True)
    assert Report.objects.count() == 0 and Progress.objects.count() == 0


@pytest.mark.parametrize(
    ("headers", "months"),
    [
        (["1-3月完成情况", "1-6月完成情况"], [3, 6]),
        (["上半年完成情况", "三季度完成情况"], [6, 9]),
        (["完成情况", "三季度完成情况"], []),  # one column names no period: no timeline
        (["三季度完成情况", "1-9月完成情况"], []),  # the same period twice: no timeline
    ],
)
def test_which_columns_are_periods(headers, months):
    from luoshi.ingest.model import Column, Item, Meta, ParsedDocument
    from luoshi.ingest.model import Task as ParsedTask
    from luoshi.vocab import ColumnRole

    task = ParsedTask("1", "新建充电桩800个", items=[Item(done="累计610个。")])
    doc = ParsedDocument(Meta(year=2023), [Column("工作任务", ColumnRole.TASK)]
                         + [Column(h, ColumnRole.DONE) for h in headers], [task])
    assert [p.end_month for _, p in period_columns(doc)] == months
    assert len(split_periods(doc)) == (len(months) or 1)


def test_the_task_page_shows_one_entry_per_column(admin_client, tmp_path):
    from django.urls import reverse

    import_document(read(text_table(tmp_path)), file_name="a.txt")
    task = Task.objects.get(serial="1")
    html = admin_client.get(reverse("task_detail", args=[task.pk])).content.decode()
    timeline = html.split('id="task-progress-title"', 1)[1]
    blocks = [timeline.split(f'id="period-{r.pk}"', 1)[1].split("</article>", 1)[0]
              for r in Report.objects.order_by("period__month")]
    # (the figures with their unit: a bare "150" can be an id in a link when PostgreSQL's
    # sequences have run on through other tests)
    assert [("150个" in b, "380个" in b, "610个" in b) for b in blocks] == [
        (True, False, False), (False, True, False), (False, False, True)]
    # the target's history lists the three figures, one per period
    history = html.split('class="target__history"', 1)[1].split("</ol>", 1)[0]
    assert [v in history for v in ("150个", "380个", "610个")] == [True, True, True]


def test_a_task_with_sub_items_is_left_out_of_the_earlier_periods():
    from luoshi.ingest.model import Column, Item, Meta, ParsedDocument
    from luoshi.ingest.model import Task as ParsedTask
    from luoshi.vocab import ColumnRole

    cols = [Column("工作任务", ColumnRole.TASK), Column("一季度完成情况", ColumnRole.DONE),
            Column("三季度完成情况", ColumnRole.DONE)]
    plain = ParsedTask("1", "新建充电桩800个", items=[Item(done="累计610个。")],
                       extra={"一季度完成情况": "新建150个。"})
    nested = ParsedTask("2", "城市更新", items=[Item(heading="改造小区", done="完工12个。"),
                                               Item(heading="改造管网", done="改造70公里。")])
    latest, q1 = split_periods(ParsedDocument(Meta(year=2023), cols, [plain, nested]))
    assert [t.serial for t in latest.tasks] == ["1", "2"] and latest.tasks[0].extra == {}
    assert [(t.serial, [i.done for i in t.items]) for t in q1.tasks] == [("1", ["新建150个。"])]
    assert q1.meta.period.end_month == 3


def test_the_import_preview_says_how_many_period_reports(tmp_path):
    from luoshi.web.import_jobs import preview_words

    result = import_document(read(text_table(tmp_path)), file_name="a.txt", dry_run=True)
    assert ("按各期完成情况列另建或替换的报告", 2) in preview_words(result)["rows"]


@pytest.mark.parametrize(
    ("headers", "said"),
    [
        (["一季度完成情况", "二季度完成情况", "三季度完成情况"], "二季度/三季度 read as running totals"),
        (["1-3月完成情况", "1-6月完成情况"], None),  # ranges say they run from 1 January
        (["上半年完成情况", "前三季度完成情况"], None),
    ],
)
def test_quarter_alone_columns_are_read_as_running_totals_and_the_import_says_so(headers, said):
    from luoshi.ingest.model import Column, Item, Meta, ParsedDocument
    from luoshi.ingest.model import Task as ParsedTask
    from luoshi.vocab import ColumnRole

    task = ParsedTask("1", "新建充电桩800个", items=[Item(done="累计610个。")])
    doc = ParsedDocument(Meta(year=2023), [Column("工作任务", ColumnRole.TASK)]
                         + [Column(h, ColumnRole.DONE) for h in headers], [task])
    (note,) = [w.message for w in split_periods(doc)[0].warnings if "periods" in w.message]
    assert (said in note) if said else ("running totals" not in note)
