"""Who sees import jobs: only those who may import; a job's page and state by
``visible_jobs`` — its submitter and the office/admins; anyone else gets 403 (no right to
import) or 404 (a job that is not theirs to know of)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from luoshi.jobs.models import Job
from luoshi.jobs.queue import enqueue
from luoshi.web.access import visible_jobs


@pytest.fixture
def job(supervisor) -> Job:
    return enqueue(Job.Kind.IMPORT_PREVIEW, submitter=supervisor, file_name="t.html",
                   params={"key": "0" * 64})


def pages(job: Job) -> list[str]:
    return [reverse("import_job", args=[job.pk]), reverse("import_job_status", args=[job.pk])]


def test_the_submitter_and_the_office_see_the_job(job, supervisor, admin_user, client_for,
                                                  fast_hashing):
    from luoshi.rounds.accounts import add_user
    from luoshi.rounds.models import Role

    colleague = add_user("督查员二", Role.SUPERVISOR, password="pw-2-long-enough")
    for user in (supervisor, colleague, admin_user):
        client = client_for(user)
        assert [client.get(url).status_code for url in pages(job)] == [200, 200]
        assert list(visible_jobs(user)) == [job]
        assert "t.html" in client.get(reverse("import_upload")).content.decode()


def test_others_cannot_see_or_enqueue(job, leader, liaison_for, client_for, django_user_model):
    plain = django_user_model.objects.create_user("plain", password="x", is_staff=True)
    for user in (leader, liaison_for(), plain):
        client = client_for(user)
        assert [client.get(url).status_code for url in pages(job)] == [403, 403]
        assert client.post(reverse("import_confirm"), {"job": job.pk}).status_code == 403
        assert not visible_jobs(user).exists()
    anonymous = client_for(None)
    for url in pages(job):
        response = anonymous.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    assert Job.objects.count() == 1


def test_a_job_not_visible_is_a_404_not_a_hint(supervisor, client_for):
    client = client_for(supervisor)
    assert client.get(reverse("import_job", args=[987654])).status_code == 404
    assert client.get(reverse("import_job_status", args=[987654])).status_code == 404
