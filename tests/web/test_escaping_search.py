"""Markup in imported text stays text on the new pages, search highlights included."""

from django.urls import reverse

from luoshi.core.models import Progress, Task, TaskUnit, Unit
from luoshi.search.indexing import reindex_all

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def plant(sample):
    task = Task.objects.create(plan=sample.plan, serial="9", text=f"建设{SCRIPT}智慧园区", order=9)
    Progress.objects.create(report=sample.report_q3, task=task, done=f"园区{SCRIPT}完成")
    unit = Unit.objects.create(government=sample.city, name=f"局{SCRIPT}")
    TaskUnit.objects.create(task=task, unit=unit, role="lead", order=0)
    reindex_all()
    return task, unit


def test_search_highlight_escapes_then_marks(admin_client, sample):
    task, _unit = plant(sample)
    for params in ({"q": "智慧园区"}, {"q": "script 智慧"},
                   {"q": "园区", "period": sample.report_q3.period_id}):
        html = admin_client.get(reverse("task_list"), params).content.decode()
        assert SCRIPT not in html, params
        assert reverse("task_detail", args=[task.pk]) in html, params
        assert "<mark>" in html
    html = admin_client.get(reverse("task_list"), {"q": "script 智慧"}).content.decode()
    assert "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;" in html


def test_other_new_pages_escape(admin_client, sample):
    _task, unit = plant(sample)
    for url in (reverse("unit_detail", args=[unit.pk]),
                reverse("dashboard", args=[sample.report_q3.pk]),
                reverse("public_report", args=[sample.report_q3.pk]),
                reverse("task_list") + f"?period={sample.report_q3.period_id}"):
        html = admin_client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert ESCAPED in html or "\\u003Cscript\\u003E" in html, url
