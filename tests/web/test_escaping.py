"""Imported text is data: markup in it is shown as text on every page."""

from django.urls import reverse

from luoshi.core.models import Progress, Report, Task

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def plant(sample):
    task = Task.objects.create(plan=sample.plan, serial="9", text=f"任务{SCRIPT}", order=9)
    Progress.objects.create(report=sample.report_q3, task=task, done=f"完成{SCRIPT}")
    Report.objects.filter(pk=sample.report_q3.pk).update(
        title=f"标题{SCRIPT}", notes=[f"注{SCRIPT}"], columns=[
            {"header": f"序号{SCRIPT}", "role": "serial"},
            {"header": "任务内容", "role": "task"},
            {"header": "完成情况", "role": "done"},
        ]
    )
    return task


def test_script_in_imported_text_is_escaped(client, sample):
    task = plant(sample)
    pages = [
        reverse("report_list"),
        reverse("report_detail", args=[sample.report_q3.pk]),
        reverse("task_detail", args=[task.pk]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert SCRIPT not in html, url
        assert ESCAPED in html, url
    report_html = client.get(pages[1]).content.decode()
    assert report_html.count(ESCAPED) >= 4  # title (twice), header, task, done, note
