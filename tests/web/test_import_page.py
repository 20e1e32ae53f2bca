"""Import page: staff only, upload → preview job → confirm → import job; bad files change
nothing. The jobs are run here by the worker's own loop (``work(burst=True)``), in the test's
transaction, as ``luoshi worker`` runs them."""

import hashlib

import pytest
from django.urls import reverse
from web_import import job_of, upload

from luoshi.core.models import ImportBatch, Report, Task
from luoshi.export import write_document
from luoshi.jobs.models import Job
from luoshi.jobs.queue import work
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
    assert not Job.objects.exists()


def test_upload_preview_confirm(staff_client, table_bytes):
    page = staff_client.get(reverse("import_upload")).content.decode()
    assert 'enctype="multipart/form-data"' in page and "csrfmiddlewaretoken" in page
    assert '<label for="id_file">' in page
    job = job_of(upload(staff_client, table_bytes))
    # The request only stored the bytes and queued the job: nothing was read yet.
    assert job.state == Job.State.QUEUED and job.kind == Job.Kind.IMPORT_PREVIEW
    key = hashlib.sha256(table_bytes).hexdigest()
    assert job.params == {"key": key} and (upload_dir() / key).read_bytes() == table_bytes
    waiting = staff_client.get(reverse("import_job", args=[job.pk])).content.decode()
    assert "排队中" in waiting and "web/job.js" in waiting and "<progress" in waiting
    status = staff_client.get(reverse("import_job_status", args=[job.pk])).json()
    assert status.pop("elapsed") >= 0
    assert status == {"state": "queued", "label": "排队中", "progress": 0, "finished": False}

    assert work(burst=True) == 1
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.progress == 100 and job.attempts == 1
    html = staff_client.get(reverse("import_job", args=[job.pk])).content.decode()
    assert '<dd class="preview-count">8</dd>' in html and "已完成" in html
    assert "web/job.js" not in html  # finished: nothing to poll
    assert f'name="job" value="{job.pk}"' in html and "确认导入" in html
    assert Report.objects.count() == 0 and ImportBatch.objects.count() == 0  # a dry run

    response = staff_client.post(reverse("import_confirm"), {"job": job.pk})
    imported = job_of(response)
    assert imported.kind == Job.Kind.IMPORT and Report.objects.count() == 0  # not yet
    assert work(burst=True) == 1
    imported.refresh_from_db()
    report = Report.objects.get()
    assert imported.state == Job.State.DONE and imported.result["report_id"] == report.pk
    assert Task.objects.filter(parent=None).count() == 8
    assert ImportBatch.objects.get().file_name == "table.html"
    assert not (upload_dir() / key).exists()
    done = staff_client.get(reverse("import_job", args=[imported.pk])).content.decode()
    assert "table.html:已导入:任务 8 项" in done
    assert reverse("report_detail", args=[report.pk]) in done
    # The upload page lists the recent jobs with their states.
    listing = staff_client.get(reverse("import_upload")).content.decode()
    assert listing.count(reverse("import_job", args=[imported.pk])) == 1 and "已完成" in listing


def test_bad_file_fails_the_job_in_chinese_and_changes_nothing(staff_client):
    job = job_of(upload(staff_client, "这不是一张表。\n只有两行字。\n".encode(), "notes.txt"))
    assert work(burst=True) == 1
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and job.error.startswith("notes.txt:")
    assert "文件无法" in job.error
    html = staff_client.get(reverse("import_job", args=[job.pk])).content.decode()
    assert 'role="alert"' in html and "notes.txt" in html and "数据库没有任何改动" in html
    assert "失败" in html
    assert Report.objects.count() == 0 and Task.objects.count() == 0
    assert ImportBatch.objects.count() == 0


@pytest.mark.parametrize(("data", "name", "says"), [
    (b"", "empty.txt", "提交的是空文件"),  # Django's form refuses it
    (b"   \n\t", "blank.txt", "empty file"),
    (b"PK\x05\x06" + b"\0" * 18, "archive.zip", "no reader recognises"),
])
def test_upload_of_no_readable_type_is_refused_at_once(staff_client, data, name, says):
    response = upload(staff_client, data, name)
    assert response.status_code == 400
    assert says in response.content.decode()
    assert not Job.objects.exists()
    assert not upload_dir().exists() or not any(upload_dir().iterdir())


def test_confirm_only_trusts_a_finished_preview_of_the_server_copy(staff_client, table_bytes):
    for form in ({"job": "999999"}, {"job": "../../etc/passwd"}, {"job": ""}, {}):
        response = staff_client.post(reverse("import_confirm"), form)
        assert response.status_code == 400 and "重新上传" in response.content.decode()
    preview = job_of(upload(staff_client, table_bytes))
    # Not finished yet: there is nothing to confirm.
    assert staff_client.post(reverse("import_confirm"), {"job": preview.pk}).status_code == 400
    work(burst=True)
    (upload_dir() / preview.params["key"]).unlink()  # gone (expired) meanwhile
    response = staff_client.post(reverse("import_confirm"), {"job": preview.pk})
    assert response.status_code == 400 and "table.html" in response.content.decode()
    assert Report.objects.count() == 0 and Job.objects.count() == 1


def test_csrf_is_enforced(supervisor, table_bytes):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(supervisor)
    assert upload(client, table_bytes).status_code == 403
    assert Report.objects.count() == 0 and not Job.objects.exists()


def test_unconfirmed_uploads_are_forgotten_after_a_day(staff_client, table_bytes):
    import os
    import time

    old = upload_dir() / ("a" * 64)
    old.write_bytes(b"old")
    os.utime(old, (time.time() - 2 * 86400, time.time() - 2 * 86400))
    upload(staff_client, table_bytes)
    assert not old.exists()
    assert (upload_dir() / hashlib.sha256(table_bytes).hexdigest()).exists()


@pytest.mark.parametrize(("key", "found"), [
    ("a" * 64, True),  # a sha256 in hex whose file is stored
    ("b" * 64, False),  # a sha256 whose file is gone
    ("./" * 30 + "../x", False),  # 64 characters, but a path (to a file that exists)
    ("A" * 64, False),  # not as the server writes them
    ("a" * 63, False),
])
def test_only_a_sha256_names_a_stored_upload(key, found):
    from luoshi.web.import_jobs import stored_path

    (upload_dir() / ("a" * 64)).write_bytes(b"x")
    (upload_dir().parent / "x").write_bytes(b"outside")
    assert (stored_path(key) is not None) is found
