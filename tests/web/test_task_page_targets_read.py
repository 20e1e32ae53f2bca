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
        ("营商环境评价全省排名提升3位。", "营商环境评价全省排名上升5位。", "已达到目标", "166.7"),
        ("营商环境评价全省排名提升3位。", "营商环境评价全省排名下降2位。", "未达到目标", "%"),
    ],
)
def test_rank_and_limit_are_reached_or_not_never_a_percentage(admin_client, db, text, done, shown,
                                                              not_shown):
    task = import_tasks([(text, done)])[0]
    assert Target.objects.filter(task=task, active=True).count() == 1
    panel = targets_panel(admin_client, task)
    assert shown in panel
    assert not_shown not in panel and "为目标的" not in panel and "progress-bar" not in panel


def test_the_years_plan_in_the_entry_is_the_target_and_the_page_says_so(admin_client, db):
    """A task text with no figure, an entry stating the year's plan and what is done: the plan
    is the target (origin progress_plan), the figure done measures it against time."""
    task = import_tasks([("推进农村公路提档升级。", "全年计划完成农村公路改造50公里,1-9月已完成20公里。")])[0]
    target = Target.objects.get(task=task, active=True)
    assert (target.origin, target.value, target.unit, target.kind) == ("progress_plan", 50, "公里",
                                                                       "cumulative")
    assert target.span == "全年计划完成农村公路改造50公里"
    m = target.measurements.get()
    assert (m.value, m.ratio) == (20, pytest.approx(0.4))
    a = task.assessments.get()
    assert a.status == "behind" and "50公里" in a.reason  # 40% at three quarters of the year
    panel = targets_panel(admin_client, task)
    assert "目标取自进展中的全年计划" in panel and "按时间进度应达 75.0%" in panel
    html = admin_client.get(reverse("task_detail", args=[task.pk])).content.decode()
    assert '<mark class="mark-target">' not in html.split('class="task__text"', 1)[1].split("</", 1)[0]


def test_a_plan_in_the_entry_does_not_replace_the_task_texts_target(db):
    task = import_tasks([("新增城镇就业6000人。", "年度目标任务为新增就业5000人,已新增就业4100人。")])[0]
    assert list(Target.objects.filter(task=task).values_list("value", "origin")) == [(6000, "")]
    # the plan figure is no measurement either
    assert sorted(task.measurements.values_list("value", flat=True)) == [4100]
