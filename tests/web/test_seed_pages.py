"""The two real published tables, imported, shown as they were published."""

import re
from html import unescape

import pytest
from django.urls import reverse

from luoshi.core.models import Report, Task
from luoshi.core.services.importing import import_document
from luoshi.ingest import read_document


def imported(path):
    doc = read_document(path)
    result = import_document(doc, file_name=path.name)
    return doc, Report.objects.get(pk=result.report_id)


def text_of(fragment: str) -> str:
    fragment = fragment.replace("<br>", "\n").replace("</strong>", "\n")  # heading: own line
    return unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.django_db
@pytest.mark.parametrize("seed", ["seed000", "seed004"])
def test_report_page_reproduces_the_seed(client, seed, request):
    doc, report = imported(request.getfixturevalue(seed))
    html = client.get(reverse("report_detail", args=[report.pk])).content.decode()
    head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert re.findall(r'<th scope="col"[^>]*>(.*?)</th>', head) == [c.header for c in doc.columns]
    bodies = re.findall(r'<tbody id="task-\d+">(.*?)</tbody>', html, re.S)
    assert len(bodies) == len(doc.tasks)
    for body, task in zip(bodies, doc.tasks, strict=True):
        rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
        assert len(rows) == max(1, len(task.items)), task.serial
        serial = re.search(r'class="col-serial"[^>]*>(.*?)</th>', rows[0]).group(1)
        assert serial == task.serial
        task_cell = re.search(r'<td class="col-task"[^>]*>(.*?)</td>', rows[0], re.S).group(1)
        assert text_of(task_cell) == task.text
        for row, item in zip(rows, task.items, strict=True):
            done = re.search(r'<td class="col-done"[^>]*>(.*?)</td>', row, re.S).group(1)
            expected = "\n".join(filter(None, [item.heading, item.done])) or "——"
            assert text_of(done) == expected, task.serial
    for note in doc.meta.notes:
        assert note in html


@pytest.mark.django_db
def test_task_page_of_a_seed_task_with_sub_items(client, seed004):
    doc, report = imported(seed004)
    parsed = next(t for t in doc.tasks if len(t.items) > 2)
    task = Task.objects.get(plan=report.plan, parent=None, serial=parsed.serial)
    html = client.get(reverse("task_detail", args=[task.pk])).content.decode()
    headings = re.findall(r'<h4 class="sub-heading">(.*?)</h4>', html, re.S)
    assert [text_of(h) for h in headings] == [
        i.heading or f"子项 {n}" for n, i in enumerate(parsed.items, 1)
    ]
    assert f'href="{reverse("report_detail", args=[report.pk])}#task-{task.pk}"' in html
