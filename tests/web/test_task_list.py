"""The task list: filters in the URL, search with highlights, sorting, pages, CSV."""

import csv
import io
import re

from django.urls import reverse

from luoshi.core.models import Progress, Task
from luoshi.search.indexing import reindex_all

URL = reverse("task_list")


def serials(html: str) -> list[str]:
    return re.findall(r'<td class="col-serial[^"]*"[^>]*>(.*?)</td>', html)


def get(client, **params) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_lists_the_tasks_themselves_by_default(admin_client, indexed_sample):
    html = get(admin_client)
    assert serials(html) == ["1", "2", "3", "1"]  # 海城市 2021 first, then 山前区 2020
    assert "共 4 项任务" in html
    assert "完成情况</th>" not in html  # no period chosen: no entries column


def test_period_and_plan_filters(admin_client, indexed_sample):
    s = indexed_sample
    html = get(admin_client, period=s.report_h1.period_id)
    assert serials(html) == ["1", "2"]  # the H1 report has entries for tasks 1 and 2
    assert "启动基站建设。" in html
    html = get(admin_client, plan=s.plan.pk, period=s.report_q3.period_id)
    assert serials(html) == ["1", "2", "3"]
    assert reverse("dashboard", args=[s.report_q3.pk]) in html  # the chosen report's links


def test_unit_filter_lead_or_any(admin_client, indexed_sample):
    s = indexed_sample
    reform = s.units.reform.pk
    assert serials(get(admin_client, plan=s.plan.pk, unit=reform)) == ["1", "2"]
    assert serials(get(admin_client, plan=s.plan.pk, unit=reform, role="lead")) == ["1"]
    html = get(admin_client, plan=s.plan.pk)
    assert f'<option value="{reform}">市发改局</option>' in html  # the plan's units offered


def test_search_highlights_and_finds_entries(admin_client, indexed_sample):
    html = get(admin_client, q="基站")
    assert serials(html) == ["1"]
    assert "<mark>基站</mark>" in html  # in the matched entry, shown since the text has none
    html = get(admin_client, q="海岛公园")
    assert serials(html) == ["2"]
    assert "<mark>海岛</mark><mark>公园</mark>" in html or "<mark>海岛公园</mark>" in html
    assert serials(get(admin_client, q="没有这个词语")) == []


def test_search_within_a_period(admin_client, indexed_sample):
    s = indexed_sample
    assert serials(get(admin_client, q="用地", period=s.report_q3.period_id)) == ["2"]
    assert serials(get(admin_client, q="用地", period=s.report_h1.period_id)) == []


def test_sorting(admin_client, indexed_sample):
    s = indexed_sample
    assert serials(get(admin_client, plan=s.plan.pk, sort="-order")) == ["3", "2", "1"]
    # Task 3's entry is empty: empty and vague entries first.
    assert serials(get(admin_client, plan=s.plan.pk, period=s.report_q3.period_id,
                       sort="empty"))[0] == "3"


def test_pages_keep_the_filters(admin_client, indexed_sample):
    s = indexed_sample
    for n in range(4, 60):
        Task.objects.create(plan=s.plan, serial=str(n), text=f"第{n}项建设任务。", order=n)
    reindex_all()
    html = get(admin_client, plan=s.plan.pk, q="建设")
    assert len(serials(html)) == 50
    assert f"plan={s.plan.pk}" in html and "page=2" in html
    nxt = re.search(r'href="\?([^"]*page=2)"', html).group(1).replace("&amp;", "&")
    html2 = admin_client.get(URL + "?" + nxt).content.decode()
    assert serials(html2) and set(serials(html2)).isdisjoint(serials(html))


def test_bad_filters_are_ignored_not_errors(admin_client, indexed_sample):
    html = get(admin_client, plan="x", period="999999", sort="drop table", page="-3")
    assert "共 4 项任务" in html
    # "²".isdigit() is true but no id: ignored like "x".
    assert "共 4 项任务" in get(admin_client, plan="²", unit="²")


def test_csv_is_the_current_view_with_bom(admin_client, indexed_sample):
    s = indexed_sample
    response = admin_client.get(reverse("task_list_csv"),
                                {"period": s.report_q3.period_id, "q": "基站"})
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[0][:4] == ["地区", "年度", "序号", "任务内容"]
    assert len(rows) == 2
    assert rows[1][2:5] == ["1", "建设数字城市。", "市发改局"]
    assert "1.新建基站一百个。" in rows[1][rows[0].index("完成情况")]


def test_csv_neutralises_formulas(admin_client, indexed_sample):
    Task.objects.create(plan=indexed_sample.plan, serial="9", text="=HYPERLINK(1)", order=9)
    reindex_all()
    body = b"".join(admin_client.get(reverse("task_list_csv")).streaming_content).decode()
    assert "'=HYPERLINK(1)" in body


def test_report_tasks_redirects_to_the_filtered_list(admin_client, indexed_sample):
    s = indexed_sample
    response = admin_client.get(reverse("report_tasks", args=[s.report_q3.pk]))
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?plan={s.plan.pk}&period={s.report_q3.period_id}"


def test_query_count_does_not_grow_with_rows(admin_client, indexed_sample):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    s = indexed_sample
    params = {"q": "建设", "period": s.report_q3.period_id}
    with CaptureQueriesContext(connection) as few:
        get(admin_client, **params)
    for n in range(4, 34):
        task = Task.objects.create(plan=s.plan, serial=str(n), text=f"第{n}项建设任务。", order=n)
        Progress.objects.create(report=s.report_q3, task=task, done="已完成建设。")
    reindex_all()
    with CaptureQueriesContext(connection) as many:
        html = get(admin_client, **params)
    assert len(serials(html)) == 32
    assert len(many) == len(few) <= 16


def test_status_filter_sort_and_column(admin_client, indexed_sample):
    from luoshi.core.models import Assessment

    s = indexed_sample
    html = get(admin_client)
    assert 'name="status"' not in html  # nothing analysed yet: no status filter
    for task, status in ((s.digital, "on_track"), (s.parks, "behind"), (s.roads, "no_data")):
        Assessment.objects.create(report=s.report_q3, task=task, status=status,
                                  derived_status=status, reason=f"理由{status}")
    Assessment.objects.create(report=s.report_h1, task=s.digital, status="behind",
                              derived_status="behind")
    reindex_all()
    q3 = s.report_q3.period_id
    html = get(admin_client, period=q3, status="behind")
    assert serials(html) == ["2"]
    assert '<span class="status status--behind">滞后</span>' in html and "理由behind" in html
    assert serials(get(admin_client, period=s.report_h1.period_id, status="behind")) == ["1"]
    assert serials(get(admin_client, plan=s.plan.pk, status="on_track")) == ["1"]  # latest
    assert serials(get(admin_client, plan=s.plan.pk, period=q3, sort="status")) == ["2", "3", "1"]
    body = b"".join(admin_client.get(reverse("task_list_csv"), {"period": q3, "status": "behind"})
                    .streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body[1:])))
    assert rows[1][-2:] == ["滞后", "理由behind"]


def test_search_counts_up_to_a_cap(admin_client, indexed_sample, monkeypatch):
    import importlib

    task_list = importlib.import_module("luoshi.web.views.task_list")  # the module, not the view
    monkeypatch.setattr(task_list, "SEARCH_CAP", 1)
    html = get(admin_client, q="建设")  # 2 tasks say 建设
    assert "超过 1 项任务" in html and len(serials(html)) == 2
    monkeypatch.setattr(task_list, "SEARCH_CAP", 2)
    assert "共 2 项任务" in get(admin_client, q="建设")
