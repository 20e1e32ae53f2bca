"""The import page on hostile and broken files: 400 with a Chinese message naming the limit or
the failure, and the database unchanged (issue 14)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.core.models import ImportBatch, Report, Task
from luoshi.ingest.registry import _READERS, register
from tests.ingest.hostile_files import html_spans


@pytest.fixture(autouse=True)
def uploads(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    return tmp_path / "uploads"


def upload(client, data: bytes, name: str):
    return client.post(reverse("import_upload"), {"file": SimpleUploadedFile(name, data)})


def _nothing_changed(uploads):
    assert Report.objects.count() == 0 and Task.objects.count() == 0
    assert ImportBatch.objects.count() == 0
    assert not uploads.exists() or not any(uploads.iterdir())


def test_a_file_past_a_limit_is_a_400_in_chinese(staff_client, uploads):
    response = upload(staff_client, html_spans(), "spans.html")
    assert response.status_code == 400
    html = response.content.decode()
    assert "文件超出读取限制" in html and "表格单元格数" in html
    assert "spans.html" in html and "LUOSHI_INGEST_MAX_CELLS" in html
    _nothing_changed(uploads)


def test_an_upload_over_the_size_limit_is_refused_before_reading(staff_client, uploads,
                                                                 monkeypatch):
    monkeypatch.setenv("LUOSHI_INGEST_MAX_INPUT_BYTES", "1000")
    response = upload(staff_client, b"<table>" + b" " * 2000 + b"</table>", "big.html")
    assert response.status_code == 400
    assert "文件大小(字节)超过上限 1,000" in response.content.decode()
    _nothing_changed(uploads)


def test_a_reader_failure_is_a_400_in_chinese_not_a_500(staff_client, uploads):
    def broken(data: bytes, name: str):
        raise ZeroDivisionError("a reader bug")

    register("boom", sniff=lambda d, n: n.endswith(".boom"), read=broken, priority=99)
    try:
        response = upload(staff_client, b"anything at all", "x.boom")
    finally:
        del _READERS["boom"]
    assert response.status_code == 400
    html = response.content.decode()
    assert "文件无法读取" in html and "ZeroDivisionError" in html and "reader boom" in html
    _nothing_changed(uploads)
