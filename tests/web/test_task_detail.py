import re

from django.urls import reverse

from luoshi.core.models import Progress


def get(client, task):
    response = client.get(reverse("task_detail", args=[task.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_text_and_units_in_order_with_the_lead_marked(client, sample):
    html = get(client, sample.digital)
    assert "建设数字城市。" in html
    units = re.findall(r'<li class="unit-list__item[^"]*">(.*?)</li>', html, re.S)
    reform, economy = sample.units.reform.pk, sample.units.economy.pk
    assert units == [
        f'<a href="/units/{reform}/">市发改局</a> <span class="badge badge--lead">牵头</span>',
        f'<a href="/units/{economy}/">市经信局</a>',
    ]


def test_progress_per_period_oldest_first_with_links_back(leader_client, sample):
    # Unpublished reports are read by leaders and the office, not the public (issue 6).
    client = leader_client
    html = get(client, sample.digital)
    h1 = html.index("2021年半年度")
    q3 = html.index("2021年前三季度")
    assert h1 < q3
    assert "启动基站建设。" in html[h1:q3]
    block = html[q3:]
    assert "1.新建基站一百个。<br>2.完成数据平台。" in block
    assert "资金尚未到位。" in block and "继续推进平台应用。" in block
    for report in (sample.report_h1, sample.report_q3):
        assert f'href="{reverse("report_detail", args=[report.pk])}#task-{sample.digital.pk}"' in html


def test_task_with_sub_items_lists_them_and_their_progress(leader_client, sample):
    # Unpublished reports are read by leaders and the office, not the public (issue 6).
    client = leader_client
    html = get(client, sample.parks)
    sub_items = html.split('<ol class="sub-items">', 1)[1].split("</ol>", 1)[0]
    assert sub_items.index("东岛公园建设。") < sub_items.index("西岛步道建设。")
    q3 = html[html.index("2021年前三季度"):]
    assert q3.index("主体完工。") < q3.index("完成一半。")
    half = html[html.index("2021年半年度"):html.index("2021年前三季度")]
    assert "开工。" in half and "西岛步道建设" not in half


def test_sub_item_page_links_to_its_task(client, sample):
    html = get(client, sample.park_b)
    assert f'href="{reverse("task_detail", args=[sample.parks.pk])}"' in html
    assert f'#task-{sample.parks.pk}"' in html
    assert "用地未批。" in html


def test_no_block_for_a_period_without_an_entry(client, sample):
    Progress.objects.filter(task=sample.digital, report=sample.report_h1).delete()
    html = get(client, sample.digital)
    assert "2021年半年度" not in html
    assert "2021年前三季度" in html


def test_missing_task_is_404(client, db):
    assert client.get(reverse("task_detail", args=[999999])).status_code == 404


def test_queries_do_not_grow_with_periods(client, sample, django_assert_max_num_queries):
    # Task, sub-items, reports, entries, units, targets, measurements (2), statuses, history.
    with django_assert_max_num_queries(10):
        get(client, sample.parks)


def test_sub_item_without_heading_is_named_by_its_place(client, sample):
    sample.park_a.text = ""
    sample.park_a.save()
    html = get(client, sample.parks)
    sub_items = html.split('<ol class="sub-items">', 1)[1].split("</ol>", 1)[0]
    assert f'<a href="{reverse("task_detail", args=[sample.park_a.pk])}">子项 1</a>' in sub_items
    assert '<h4 class="sub-heading">子项 1</h4>' in html


def test_change_log_names_fields_in_words(client, sample):
    """The public change log: Chinese names for every recorded field, never the code name."""
    from luoshi.core.models import Change, Progress

    # A change of one of the task's own entries (real ids: PostgreSQL's sequences are not reset
    # between tests, so a hard-coded 1 names nobody's entry there).
    entry = Progress.objects.filter(task=sample.digital).order_by("pk").first()
    Change.objects.create(model="progress", object_id=entry.pk, action=Change.Action.UPDATE,
                          fields={"report": entry.report_id, "task": sample.digital.pk,
                                  "target:40": [1, 2], "on_behalf_of": "督查员",
                                  "done": ["a", "b"], "some_new_field": [0, 1]})
    html = client.get(reverse("task_detail", args=[sample.digital.pk])).content.decode()
    log = html.split('id="task-history-title"', 1)[1]
    assert "填报值" in log and "代为填报" in log and "完成情况" in log and "其他字段" in log
    for code in ("target:40", "on_behalf_of", "some_new_field", "next_steps"):
        assert code not in log, code


def test_query_count_is_fixed_whatever_the_periods_and_units(client, sample):
    """The same number of queries with one report or six, two units or five."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from luoshi.core.models import Period, Report, TaskUnit, Unit

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            get(client, sample.parks)
        return len(queries)

    few = count()
    for month in (1, 2, 3, 4, 5):
        period = Period.objects.create(year=2021, kind="month", month=month, label=f"1-{month}月")
        report = Report.objects.create(plan=sample.plan, period=period, state="published")
        for task in (sample.park_a, sample.park_b):
            Progress.objects.create(report=report, task=task, done=f"{month}月推进。")
    for order in (2, 3, 4):
        unit = Unit.objects.create(government=sample.city, name=f"单位{order}")
        TaskUnit.objects.create(task=sample.parks, unit=unit, role="co", order=order)
    html = get(client, sample.parks)
    assert "5月推进。" in html and "单位4" in html
    assert count() == few <= 10


def test_query_count_is_fixed_whatever_the_sub_items_and_history(client, sample):
    """A query per sub-item, entry, status or change would make the second count larger: the
    task and its sub-items come in one query, the history (corrected figures included) in
    one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from luoshi.core.models import Change, Task

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            html = get(client, sample.parks)
        return len(queries), html

    few, _html = count()
    for order in range(3, 9):
        child = Task.objects.create(plan=sample.plan, parent=sample.parks, serial="",
                                    text=f"第{order}个园区。", order=order)
        Progress.objects.create(report=sample.report_q3, task=child, done=f"园区{order}已开工。")
        Change.objects.create(model="task", object_id=child.pk, action=Change.Action.UPDATE,
                              fields={"text": ["", child.text]})
    many, html = count()
    assert "第8个园区。" in html and "园区8已开工。" in html
    assert html.count('class="history__fields"') >= 6
    assert many == few <= 10
