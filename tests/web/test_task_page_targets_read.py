"""The task page shows each target the way it is judged (issue 10): a rank or a limit as
reached or not, never as a percentage of its figure. Documents go through the real import."""

from __future__ import annotations

import dataclasses

import pytest
from django.urls import reverse

from luoshi.core.models import Target, Task
from luoshi.core.services.importing import import_document
from luoshi.ingest.model import Item
from luoshi.ingest.model import Task as ParsedTask
from luoshi.sample import generate_plan


def import_tasks(rows: list[tuple[str, str]]) -> list[Task]:
    """A Q3 table of the sample plan's layout holding only ``rows`` (task text, done cell)."""
    doc = generate_plan(5, "安澜市", 2023, 2, periods=("q3",))[0]
    tasks = [ParsedTask(serial=str(i + 1), text=text, items=[Item(done=done)])
             for i, (text, done) in enumerate(rows)]
    import_document(dataclasses.replace(doc, tasks=tasks), file_name="rows.txt")
    return list(Task.objects.order_by("pk"))


def targets_panel(client, task: Task) -> str:
    html = client.get(reverse("task_detail", args=[task.pk])).content.decode()
    return html.split('id="task-targets-title"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize(
    ("text", "done", "shown", "not_shown"),
    [
        ("营商环境评价进入全国前3位。", "全国10位(目标3位)。", "未达到目标", "333"),
        ("营商环境评价进入全国前3位。", "全国排名第2位。", "已达到目标", "66.7"),
        ("城镇登记失业率控制在4.5%以内。", "城镇登记失业率为4.8%。", "未达到目标", "106.7"),
    ],
)
def test_rank_and_limit_are_reached_or_not_never_a_percentage(admin_client, db, text, done, shown,
                                                              not_shown):
    task = import_tasks([(text, done)])[0]
    assert Target.objects.filter(task=task, active=True).count() == 1
    panel = targets_panel(admin_client, task)
    assert shown in panel
    assert not_shown not in panel and "为目标的" not in panel and "progress-bar" not in panel
