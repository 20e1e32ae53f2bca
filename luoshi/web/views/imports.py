"""Upload a published table, see what the import would do (a dry run), then confirm — with the
reading and importing done by a background job (luoshi.jobs), never in the request.

- Upload: the view checks the size and that some reader recognises the content, stores the
  bytes under their sha256, queues a preview job and sends the person to the job's page.
- The job page shows the job's state and progress (updated by web/job.js) and, at the end,
  the preview with the confirmation form, the import's outcome, or the failure in Chinese.
- Confirm: the form names the preview job; the view queues the import of that job's stored
  upload (or a new preview with the fields changed) and sends the person to its page.

Only whoever may import sees these pages, and a job only by ``visible_jobs`` (luoshi.web.access).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from luoshi.ingest import Budget, LimitExceeded
from luoshi.ingest.errors import IngestError
from luoshi.jobs.models import Job
from luoshi.jobs.queue import enqueue, kick
from luoshi.web.access import can_import, visible_jobs
from luoshi.web.forms import ConfirmForm, UploadForm
from luoshi.web.import_jobs import (
    MISSING_WORDS,
    check_type,
    describe,
    forget_old_uploads,
    stored_path,
    upload_dir,
)

__all__ = ["import_confirm", "import_job", "import_job_status", "import_upload", "upload_dir"]

RECENT_JOBS = 10
KEEP_JOBS = timedelta(days=30)  # finished jobs older than this are forgotten at the next upload
# A job still queued after this long: no worker seems to run; the page says what to do.
NO_WORKER_AFTER = timedelta(seconds=30)


def _check(request: HttpRequest):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())  # the site's login (supervisors)
    if not can_import(request.user):
        raise PermissionDenied(_("只有督查室工作人员可以导入。"))
    return None


def _clean_name(name: str) -> str:
    return PurePath(name.replace("\\", "/")).name[:200] or "upload"


def _upload_page(request: HttpRequest, form, error: str = "", name: str = "",
                 status: int = 200) -> HttpResponse:
    jobs = visible_jobs(request.user).select_related("submitter")[:RECENT_JOBS]
    return render(request, "web/import_upload.html",
                  {"form": form, "error": error, "file_name": name, "jobs": jobs}, status=status)


def _job_or_404(request: HttpRequest, pk: int) -> Job:
    job = visible_jobs(request.user).filter(pk=pk).select_related("submitter").first()
    if job is None:
        raise Http404(_("没有这个导入任务,或无权查看。"))
    if job.state == Job.State.QUEUED and settings.LUOSHI_JOBS_INLINE:
        # Queued before this process started (the demo server restarted): run it now.
        transaction.on_commit(kick)
    return job


@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    if (denied := _check(request)) is not None:
        return denied
    if request.method == "GET":
        return _upload_page(request, UploadForm())
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _upload_page(request, form, status=400)
    upload = form.cleaned_data["file"]
    name = _clean_name(upload.name)
    limit = Budget.from_env().max_input_bytes
    if upload.size > limit:  # refused before it is read into memory
        error = LimitExceeded(name, "max_input_bytes", upload.size, limit)
        return _upload_page(request, UploadForm(), describe(error, name), name, status=400)
    data = upload.read()
    try:
        check_type(data, name)
    except IngestError as error:
        return _upload_page(request, UploadForm(), describe(error, name), name, status=400)
    key = hashlib.sha256(data).hexdigest()
    forget_old_uploads()
    Job.objects.filter(state__in=Job.FINISHED, created_at__lt=timezone.now() - KEEP_JOBS).delete()
    (upload_dir() / key).write_bytes(data)
    job = enqueue(Job.Kind.IMPORT_PREVIEW, submitter=request.user, file_name=name,
                  params={"key": key})
    return redirect("import_job", job.pk)


def _confirm_form(job: Job, data=None) -> ConfirmForm:
    found = job.result or {}
    form = ConfirmForm(data, initial={"job": job.pk, **found.get("initial", {})})
    for key in found.get("missing", []):
        form.fields[key].required = True
    return form


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    if (denied := _check(request)) is not None:
        return denied
    form = ConfirmForm(request.POST)
    if not form.is_valid() or form.cleaned_data.get("job") is None:
        return _upload_page(request, UploadForm(), _("确认表单无效,请重新上传文件。"), status=400)
    previewed = visible_jobs(request.user).filter(
        pk=form.cleaned_data["job"], kind=Job.Kind.IMPORT_PREVIEW, state=Job.State.DONE).first()
    name = previewed.file_name if previewed else ""
    key = str((previewed.params if previewed else {}).get("key", ""))
    if previewed is None or stored_path(key) is None:
        return _upload_page(request, UploadForm(),
                            _("%(file)s:已不在服务器上(可能已导入或已过期),请重新上传。")
                            % {"file": name or _("上传的文件")},
                            name, status=400)
    again = "preview" in request.POST
    form = _confirm_form(previewed, request.POST)
    if not form.is_valid() and not again:
        # A field the file does not give is still empty: the same preview, with the error.
        return _job_page(request, previewed, form, status=400)
    given = {k: value for k in ("government", "year", "period")
             if (value := form.cleaned_data.get(k))}
    job = enqueue(Job.Kind.IMPORT_PREVIEW if again else Job.Kind.IMPORT,
                  submitter=request.user, file_name=name, params={"key": key, "given": given})
    return redirect("import_job", job.pk)


def _job_page(request: HttpRequest, job: Job, form=None, status: int = 200) -> HttpResponse:
    result = job.result or {}
    context = {"job": job, "result": result, "elapsed": _elapsed(job)}
    if job.state == Job.State.QUEUED:
        context["no_worker"] = timezone.now() - job.created_at > NO_WORKER_AFTER
    if job.kind == Job.Kind.IMPORT_PREVIEW and job.state == Job.State.DONE:
        context["confirm"] = form or _confirm_form(job)
        context["missing"] = [MISSING_WORDS[k] for k in result.get("missing", [])]
    return render(request, "web/import_job.html", context, status=status)


@require_GET
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    if (denied := _check(request)) is not None:
        return denied
    return _job_page(request, _job_or_404(request, pk))


@require_GET
def import_job_status(request: HttpRequest, pk: int) -> JsonResponse:
    """The job's state for the page's script (web/job.js), which reloads when it finishes."""
    if (denied := _check(request)) is not None:
        return denied
    job = _job_or_404(request, pk)
    return JsonResponse({"state": job.state, "label": job.get_state_display(),
                         "progress": job.progress, "finished": job.finished,
                         "elapsed": _elapsed(job)},
                        headers={"Cache-Control": "no-store"})


def _elapsed(job: Job) -> int:
    """Seconds the job has been waiting or running (progress moves by stage; on SQLite it
    cannot be written while the import holds the write lock, so the time shows it is alive)."""
    end = job.finished_at or timezone.now()
    return max(0, int((end - (job.started_at or job.created_at)).total_seconds()))
