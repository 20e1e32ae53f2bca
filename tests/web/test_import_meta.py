"""Web import: government, year and period pre-filled from what the reader found (with the
reason), required when it found nothing; the preview says truthfully what will change."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from shared_docs import shared_path
from web_import import confirm, preview

from luoshi.core.models import Report
from luoshi.export import write_document
from luoshi.jobs.models import Job
from luoshi.sample import generate_plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uploads(tmp_path, settings):
    settings.DATA_DIR = tmp_path


def test_missing_government_is_asked_for_then_imported(staff_client):
    page = shared_path("corpus", "022.txt")  # its title says only 市政府
    job, html = preview(staff_client, page.read_bytes(), page.name)
    assert "需要补充" in html and "未能从文件中读出地区" in html
    assert "文件中未找到,请填写" in html and "读自标题" in html  # the reasons, per field
    assert 'name="government"' in html and "确认导入" not in html
    year = re.search(r'name="year" value="(\d+)"', html).group(1)  # pre-filled
    period = re.search(r'<option value="(\w+)" selected>', html).group(1)
    form = {"job": job.pk, "government": "某某市", "year": year, "period": period}
    # Without the government the confirmation is refused (nothing queued, nothing written).
    refused = staff_client.post(reverse("import_confirm"), {**form, "government": ""})
    assert refused.status_code == 400 and not Report.objects.exists()
    assert Job.objects.count() == 1
    again, html = confirm(staff_client, {**form, "preview": "1"})
    assert again.kind == Job.Kind.IMPORT_PREVIEW and again.params["given"]["government"] == "某某市"
    assert "将作为新的落实情况表导入" in html and "确认导入" in html and "您填写的" in html
    assert not Report.objects.exists()
    done, html = confirm(staff_client, {**form, "job": again.pk})
    assert done.state == Job.State.DONE, done.error
    report = Report.objects.get()
    assert report.plan.government.name == "某某市" and str(report.plan.year) == year


def test_preview_of_a_table_already_imported_is_truthful(staff_client):
    doc = generate_plan(5, "安澜市", 2023, 8, periods=("h1",))[0]
    data = write_document(doc, "html")
    job, first = preview(staff_client, data, "t.html")
    assert "新任务" in first
    confirm(staff_client, {"job": job.pk, "government": "安澜市", "year": 2023, "period": "h1"})
    assert Report.objects.count() == 1
    _, same_file = preview(staff_client, data, "t.html")
    assert "已经导入过" in same_file and "新任务" not in same_file
    # The same table as CSV (no title: government and year are asked for; the period is read,
    # with a warning, from the progress column's header 半年度完成情况), then previewed with
    # them: the same content — the file would be recorded, nothing else changes.
    csv_job, csv = preview(staff_client, write_document(doc, "csv"), "t.csv")
    assert "未能从文件中读出地区、年度," in csv and "读自文件" in csv
    _, other = confirm(staff_client, {"job": csv_job.pk, "government": "安澜市", "year": 2023,
                                      "period": "h1", "preview": "1"})
    assert "内容相同" in other and "新任务" not in other
    assert re.search(r'不变的任务</dt><dd class="preview-figure">8<', other)
