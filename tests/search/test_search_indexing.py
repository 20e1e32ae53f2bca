"""Index rows built from the core models, and full-text matching on the running database."""

from django.core.management import call_command

from luoshi.core.models import Progress
from luoshi.extract.status import is_boilerplate
from luoshi.search.indexing import reindex_all
from luoshi.search.models import TaskEntry
from luoshi.search.query import search_entries
from luoshi.search.tokens import query_words


def found(query: str, *, report=None, same_row=False) -> set[int]:
    rows = TaskEntry.objects.filter(report=report)
    return set(search_entries(rows, query_words(query), same_row=same_row)
               .values_list("task_id", flat=True))


def test_one_row_per_task_and_per_task_in_a_report(indexed):
    rows = {(e.task_id, e.report_id) for e in TaskEntry.objects.all()}
    s = indexed
    assert rows == {
        (s.digital.pk, None), (s.sewage.pk, None), (s.village.pk, None),
        (s.digital.pk, s.h1.pk), (s.digital.pk, s.q3.pk),
        (s.sewage.pk, s.q3.pk),  # through its sub-item's entry
        (s.village.pk, s.q3.pk),
    }


def test_rows_carry_lead_unit_and_entry_counts(indexed):
    s = indexed
    sewage = TaskEntry.objects.get(task=s.sewage, report=s.q3)
    assert (sewage.lead_unit_id, sewage.lead_name) == (s.water.pk, "市水利局")
    assert (sewage.entries, sewage.empty, sewage.vague, sewage.position) == (1, 0, 1, 2)
    village = TaskEntry.objects.get(task=s.village, report=s.q3)
    assert (village.lead_unit_id, village.empty, village.vague) == (None, 1, 0)
    assert sewage.period_id == s.q3.period_id and sewage.year_desc == 9999 - 2021


def test_boilerplate():
    assert is_boilerplate("按计划推进。")
    assert is_boilerplate("正在推进,有序推进中。")
    assert not is_boilerplate("已建成基站一百个。")
    assert not is_boilerplate("")


def test_search_task_text_progress_and_units(indexed):
    s = indexed
    assert found("基站") == {s.digital.pk}
    assert found("污水处理") == {s.sewage.pk}  # 污水处理厂 in the text
    assert found("东区管网") == {s.sewage.pk}  # a sub-item heading
    assert found("资金缺口") == {s.village.pk}  # a progress entry, any report
    assert found("水利局") == {s.sewage.pk}  # a unit
    assert found("乡村 基站") == set()  # every word must match
    assert found("5g") == found("5G") == {s.digital.pk}


def test_search_within_one_report(indexed):
    s = indexed
    assert found("一百个", report=s.q3, same_row=True) == {s.digital.pk}
    assert found("一百个", report=s.h1, same_row=True) == set()
    assert found("选址", report=s.h1, same_row=True) == {s.digital.pk}


def test_query_syntax_is_data(indexed):
    for query in ['"', "基站 OR 污水", "NEAR(基站)", "a' OR '1'='1", "*", "基站)"]:
        found(query)  # no SQL or FTS syntax error
    assert found("基站 OR 污水") == set()  # OR is a word here, not an operator


def test_saving_progress_updates_the_index(indexed, django_capture_on_commit_callbacks):
    s = indexed
    with django_capture_on_commit_callbacks(execute=True):
        Progress.objects.filter(task=s.part, report=s.q3).get().delete()
        Progress.objects.create(report=s.q3, task=s.part, done="管网铺设完成八公里。")
    assert found("八公里") == {s.sewage.pk}
    assert TaskEntry.objects.get(task=s.sewage, report=s.q3).vague == 0
    with django_capture_on_commit_callbacks(execute=True):
        s.sewage.delete()
    assert found("污水") == set()
    assert not TaskEntry.objects.filter(task_id=s.sewage.pk).exists()


def test_nothing_indexed_before_commit(indexed):
    from luoshi.core.models import Task

    Task.objects.create(plan=indexed.plan, serial="4", text="新建体育公园。", order=4)
    assert found("体育公园") == set()  # still inside the test's transaction


def test_reindex_rebuilds_everything(indexed, capsys):
    TaskEntry.objects.all().delete()
    assert found("基站") == set()
    assert reindex_all() == 7
    assert found("基站") == {indexed.digital.pk}
    TaskEntry.objects.all().delete()
    call_command("reindex")
    assert "已重建索引 7 行" in capsys.readouterr().out
    assert found("基站") == {indexed.digital.pk}


def test_rows_carry_statuses_latest_on_the_task_row(indexed, django_capture_on_commit_callbacks):
    from luoshi.core.models import Assessment

    s = indexed
    with django_capture_on_commit_callbacks(execute=True):
        Assessment.objects.create(report=s.h1, task=s.digital, status="behind",
                                  derived_status="behind")
        Assessment.objects.create(report=s.q3, task=s.digital, status="on_track",
                                  derived_status="on_track")
    status = dict(TaskEntry.objects.filter(task=s.digital).values_list("report_id", "status"))
    assert status == {None: "on_track", s.h1.pk: "behind", s.q3.pk: "on_track"}


def test_a_tasks_own_row_holds_its_entries_of_every_published_report(indexed):
    s = indexed
    assert found("资金缺口", same_row=True) == {s.village.pk}  # Q3 problems
    assert found("一百个", same_row=True) == {s.digital.pk}  # Q3 (published)
    # Anyone searches the tasks' own rows: the open H1 round's text is not in them, only in
    # the H1 report's rows (which only those who may read that report list).
    assert found("选址", same_row=True) == set()
    assert found("选址", report=s.h1, same_row=True) == {s.digital.pk}
    s.h1.state = s.h1.State.PUBLISHED
    s.h1.save()
    reindex_all()
    assert found("选址 一百个", same_row=True) == {s.digital.pk}  # H1 and Q3 together
    assert found("选址 一百个", report=s.q3, same_row=True) == set()


def test_migrate_fills_an_empty_index(indexed):
    from luoshi.search.apps import fill_empty_index

    TaskEntry.objects.all().delete()
    fill_empty_index(sender=None)
    assert TaskEntry.objects.count() == 7
    TaskEntry.objects.filter(report__isnull=False).delete()
    fill_empty_index(sender=None)  # not empty: left alone (imports keep it up to date)
    assert TaskEntry.objects.count() == 3
