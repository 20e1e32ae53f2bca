"""Web import: government, year and period pre-filled from what the reader found (with the
reason), required when it found nothing; the preview says truthfully what will change."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from shared_docs import shared_path

from luoshi.core.models import Report
from luoshi.export import write_document
from luoshi.sample import generate_plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uploads(tmp_path, settings):
    settings.DATA_DIR = tmp_path


def upload(client, data: bytes, name: str):
    return client.post(reverse("import_upload"), {"file": SimpleUploadedFile(name, data)})


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def test_missing_government_is_asked_for_then_imported(staff_client):
    page = shared_path("corpus", "022.txt")  # its title says only 市政府
    html = upload(staff_client, page.read_bytes(), page.name).content.decode()
    assert "需要补充" in html and "未能从文件中读出地区" in html
    assert "文件中未找到,请填写" in html and "读自标题" in html  # the reasons, per field
    assert 'name="government"' in html and "确认导入" not in html
    key, name = hidden(html, "key"), hidden(html, "name")
    year = re.search(r'name="year" value="(\d+)"', html).group(1)  # pre-filled
    period = re.search(r'<option value="(\w+)" selected>', html).group(1)
    form = {"key": key, "name": name, "government": "某某市", "year": year, "period": period}
    # Without the government the confirmation is refused (still nothing written).
    refused = staff_client.post(reverse("import_confirm"), {**form, "government": ""})
    assert refused.status_code == 400 and not Report.objects.exists()
    again = staff_client.post(reverse("import_confirm"), {**form, "preview": "1"})
    html = again.content.decode()
    assert "将作为新的落实情况表导入" in html and "确认导入" in html and "您填写的" in html
    assert not Report.objects.exists()
    done = staff_client.post(reverse("import_confirm"), form)
    assert done.status_code == 302
    report = Report.objects.get()
    assert report.plan.government.name == "某某市" and str(report.plan.year) == year


def test_preview_of_a_table_already_imported_is_truthful(staff_client):
    doc = generate_plan(5, "安澜市", 2023, 8, periods=("h1",))[0]
    data = write_document(doc, "html")
    first = upload(staff_client, data, "t.html").content.decode()
    assert "新任务" in first
    staff_client.post(reverse("import_confirm"), {
        "key": hidden(first, "key"), "name": "t.html", "government": "安澜市", "year": 2023,
        "period": "h1"})
    assert Report.objects.count() == 1
    same_file = upload(staff_client, data, "t.html").content.decode()
    assert "已经导入过" in same_file and "新任务" not in same_file
    # The same table as CSV (no title: the three fields are asked for), then previewed with
    # them: the same content — the file would be recorded, nothing else changes.
    csv = upload(staff_client, write_document(doc, "csv"), "t.csv").content.decode()
    assert "未能从文件中读出地区、年度、报告期" in csv
    other = staff_client.post(reverse("import_confirm"), {
        "key": hidden(csv, "key"), "name": "t.csv", "government": "安澜市", "year": 2023,
        "period": "h1", "preview": "1"}).content.decode()
    assert "内容相同" in other and "新任务" not in other
    assert re.search(r'不变的任务</dt><dd class="preview-figure">8<', other)
