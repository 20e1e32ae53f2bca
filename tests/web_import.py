"""The web import as a person goes through it, for tests: upload, let the worker run the job
(``work(burst=True)``: the worker's own loop, in the test's transaction), read the job page."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.jobs.models import Job
from luoshi.jobs.queue import work


def upload(client, data: bytes, name: str = "table.html"):
    return client.post(reverse("import_upload"), {"file": SimpleUploadedFile(name, data)})


def job_of(response) -> Job:
    """The job a redirect to its page names."""
    assert response.status_code == 302, response.content.decode()[:500]
    pk = int(re.search(r"/import/jobs/(\d+)/$", response["Location"]).group(1))
    return Job.objects.get(pk=pk)


def finish(client, response) -> tuple[Job, str]:
    """Run the queued jobs; the job ``response`` redirected to, and its page's HTML."""
    job = job_of(response)
    work(burst=True)
    job.refresh_from_db()
    return job, client.get(reverse("import_job", args=[job.pk])).content.decode()


def preview(client, data: bytes, name: str) -> tuple[Job, str]:
    return finish(client, upload(client, data, name))


def confirm(client, form: dict) -> tuple[Job, str]:
    return finish(client, client.post(reverse("import_confirm"), form))
