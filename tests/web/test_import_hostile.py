"""The web import on hostile and broken files: the upload is refused at once (over the size
limit, no readable type) or its job ends failed with a Chinese message naming the limit or the
failure; the database is unchanged and the worker goes on with the next job (issue 14)."""

import pytest
from web_import import job_of, preview, upload

from luoshi.core.models import ImportBatch, Report, Task
from luoshi.export import write_document
from luoshi.ingest.registry import _READERS, register
from luoshi.jobs.models import Job
from luoshi.jobs.queue import work
from luoshi.sample import generate_plan
from tests.ingest.hostile_files import html_spans


@pytest.fixture(autouse=True)
def uploads(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    return tmp_path / "uploads"


def _nothing_imported():
    assert Report.objects.count() == 0 and Task.objects.count() == 0
    assert ImportBatch.objects.count() == 0


def test_a_file_past_a_limit_fails_its_job_in_chinese(staff_client):
    job, html = preview(staff_client, html_spans(), "spans.html")
    assert job.state == Job.State.FAILED
    assert "文件超出读取限制" in job.error and "表格单元格数" in job.error
    assert job.error.startswith("spans.html:") and "LUOSHI_INGEST_MAX_CELLS" in job.error
    assert "文件超出读取限制" in html and 'role="alert"' in html
    _nothing_imported()


def test_an_upload_over_the_size_limit_is_refused_before_reading(staff_client, uploads,
                                                                 monkeypatch):
    monkeypatch.setenv("LUOSHI_INGEST_MAX_INPUT_BYTES", "1000")
    response = upload(staff_client, b"<table>" + b" " * 2000 + b"</table>", "big.html")
    assert response.status_code == 400
    assert "文件大小(字节)超过上限 1,000" in response.content.decode()
    assert not Job.objects.exists()
    assert not uploads.exists() or not any(uploads.iterdir())
    _nothing_imported()


def test_a_reader_failure_fails_the_job_and_the_worker_goes_on(staff_client):
    def broken(data: bytes, name: str):
        raise ZeroDivisionError("a reader bug")

    good = write_document(generate_plan(5, "安澜市", 2023, 4, periods=("h1",))[0], "html")
    register("boom", sniff=lambda d, n: n.endswith(".boom"), read=broken, priority=99)
    try:
        bad_job = job_of(upload(staff_client, b"anything at all", "x.boom"))
        good_job = job_of(upload(staff_client, good, "good.html"))
        assert work(burst=True) == 2  # the bad job does not stop the worker
    finally:
        del _READERS["boom"]
    bad_job.refresh_from_db()
    good_job.refresh_from_db()
    assert bad_job.state == Job.State.FAILED
    assert "文件无法读取" in bad_job.error and "ZeroDivisionError" in bad_job.error
    assert "reader boom" in bad_job.error and bad_job.error.startswith("x.boom:")
    assert good_job.state == Job.State.DONE and good_job.result["task_count"] == 4
    _nothing_imported()  # previews only
