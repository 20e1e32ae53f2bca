"""Import page: staff only, upload → dry-run preview → confirm; bad files change nothing."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.core.models import ImportBatch, Report, Task
from luoshi.export import write_document
from luoshi.sample import generate_plan
from luoshi.web.views.imports import upload_dir


@pytest.fixture
def table_bytes() -> bytes:
    doc = generate_plan(5, "安澜市", 2023, 8, periods=("h1",))[0]
    return write_document(doc, "html")


@pytest.fixture(autouse=True)
def uploads(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    return tmp_path / "uploads"


def upload(client, data: bytes, name: str = "table.html"):
    return client.post(reverse("import_upload"), {"file": SimpleUploadedFile(name, data)})


def test_staff_only(client, django_user_model, table_bytes):
    response = client.get(reverse("import_upload"))
    assert response.status_code == 302 and "login" in response["Location"]
    user = django_user_model.objects.create_user("liaison", password="x")
    client.force_login(user)
    assert client.get(reverse("import_upload")).status_code == 403
    assert upload(client, table_bytes).status_code == 403
    # Django's staff flag alone gives no right to import: the role does (issue 6).
    staff = django_user_model.objects.create_user("staff", password="x", is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("import_upload")).status_code == 403


def test_upload_preview_confirm(staff_client, table_bytes):
    page = staff_client.get(reverse("import_upload")).content.decode()
    assert 'enctype="multipart/form-data"' in page and "csrfmiddlewaretoken" in page
    assert '<label for="id_file">' in page
    response = upload(staff_client, table_bytes)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<dd class="preview-count">8</dd>' in html
    key = hashlib.sha256(table_bytes).hexdigest()
    assert f'value="{key}"' in html
    assert (upload_dir() / key).read_bytes() == table_bytes
    assert Report.objects.count() == 0 and ImportBatch.objects.count() == 0  # a dry run
    response = staff_client.post(reverse("import_confirm"), {"key": key, "name": "table.html"})
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("report_detail", args=[report.pk])
    assert Task.objects.filter(parent=None).count() == 8
    assert ImportBatch.objects.get().file_name == "table.html"
    assert not (upload_dir() / key).exists()
    followed = staff_client.get(response["Location"]).content.decode()
    assert "table.html" in followed  # the success message


def test_bad_file_names_file_and_reason_and_changes_nothing(staff_client):
    response = upload(staff_client, "这不是一张表。\n只有两行字。\n".encode(), "notes.txt")
    assert response.status_code == 400
    html = response.content.decode()
    assert "notes.txt" in html and 'role="alert"' in html
    assert "数据库没有任何改动" in html
    assert Report.objects.count() == 0 and Task.objects.count() == 0
    assert not upload_dir().exists() or not any(upload_dir().iterdir())


def test_confirm_only_trusts_the_server_copy(staff_client, table_bytes):
    forged = "0" * 64
    response = staff_client.post(reverse("import_confirm"), {"key": forged, "name": "x.html"})
    assert response.status_code == 400 and "重新上传" in response.content.decode()
    response = staff_client.post(reverse("import_confirm"), {"key": "../../etc/passwd", "name": "x"})
    assert response.status_code == 400
    assert Report.objects.count() == 0


def test_csrf_is_enforced(supervisor, table_bytes):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(supervisor)
    assert upload(client, table_bytes).status_code == 403
    assert Report.objects.count() == 0


def test_unconfirmed_uploads_are_forgotten_after_a_day(staff_client, table_bytes):
    import os
    import time

    old = upload_dir() / ("a" * 64)
    old.write_bytes(b"old")
    os.utime(old, (time.time() - 2 * 86400, time.time() - 2 * 86400))
    upload(staff_client, table_bytes)
    assert not old.exists()
    assert (upload_dir() / hashlib.sha256(table_bytes).hexdigest()).exists()
