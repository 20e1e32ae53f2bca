"""The task page with stored analysis: targets with progress bars, statuses with evidence
marked in the entries, figures marked, history of changes."""

import re

import pytest
from django.urls import reverse

from luoshi.core.models import Assessment, Measurement, Target
from luoshi.core.services.importing import import_document
from luoshi.sample import generate_plan


@pytest.fixture
def analysed(db):
    for doc in generate_plan(21, "安澜市", 2023, 30, periods=("h1", "q3")):
        import_document(doc, file_name=f"{doc.meta.period.kind}.txt")
    return Measurement.objects.exclude(target=None).exclude(ratio=None) \
        .select_related("task", "target").order_by("-report__period__month").first()


def test_target_progress_bar_against_time(admin_client, analysed):
    task, target = analysed.task, analysed.target
    html = admin_client.get(reverse("task_detail", args=[task.pk])).content.decode()
    panel = html.split('id="task-targets-title"', 1)[1].split("</section>", 1)[0]
    assert target.metric in panel
    width = float(re.search(r'progress-bar__done[^"]*" data-width="([\d.]+)"', panel).group(1))
    assert width == pytest.approx(min(100, round(analysed.ratio * 100, 1)), abs=0.06)
    assert 'data-left="75.0"' in panel  # Q3: three quarters of the year elapsed
    assert "按时间进度应达 75.0%" in panel
    if target.start is not None:
        assert '<mark class="mark-target">' in html.split('class="task__text"', 1)[1]


def test_status_and_evidence_marked_in_the_entry(admin_client, analysed):
    a = Assessment.objects.exclude(evidence=[]).exclude(evidence__isnull=True) \
        .select_related("task", "report__period").first()
    html = admin_client.get(reverse("task_detail", args=[a.task_id])).content.decode()
    block = html.split(f'id="period-{a.report_id}"', 1)[1].split("</article>", 1)[0]
    assert f'class="status status--{a.status}"' in block
    marked = re.findall(r'<mark class="mark-evidence">(.*?)</mark>', block)
    assert marked and marked[0] in [e["text"] for e in a.evidence]


def test_history_lists_the_import(admin_client, analysed):
    html = admin_client.get(reverse("task_detail", args=[analysed.task_id])).content.decode()
    history = html.split('id="task-history-title"', 1)[1].split("</section>", 1)[0]
    assert "新增" in history and "导入 h1.txt" in history


def test_inactive_targets_are_not_shown(admin_client, analysed):
    Target.objects.filter(pk=analysed.target_id).update(active=False, metric="已删除的指标")
    html = admin_client.get(reverse("task_detail", args=[analysed.task_id])).content.decode()
    assert "已删除的指标" not in html
