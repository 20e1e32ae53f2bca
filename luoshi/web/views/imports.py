"""Upload a published table, see what the import would do (a dry run), then confirm.

The uploaded bytes stay on the server between preview and confirmation, in a file named by
their sha256; the confirmation form carries only that key (and the file's name, a label), so
what is imported is exactly what was previewed. Errors name the file, place and reason, and
leave the database as it was (the import service runs in one transaction).
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path, PurePath

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from luoshi.core.services.importing import ImportRefused, import_document
from luoshi.ingest import Budget, LimitExceeded, read_document
from luoshi.ingest.errors import IngestError
from luoshi.web.access import can_import
from luoshi.web.forms import ConfirmForm, UploadForm

PREVIEW_ROWS = 10
KEEP_SECONDS = 24 * 3600  # a preview not confirmed within a day is forgotten


def upload_dir() -> Path:
    path = Path(settings.DATA_DIR) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def forget_old_uploads(now: float | None = None) -> None:
    """Delete uploaded files whose preview was never confirmed."""
    limit = (now or time.time()) - KEEP_SECONDS
    for path in upload_dir().iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
        except FileNotFoundError:  # removed meanwhile by another request
            pass


def _check(request: HttpRequest):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())  # the site's login (supervisors)
    if not can_import(request.user):
        raise PermissionDenied("只有督查室工作人员可以导入。")
    return None


def _clean_name(name: str) -> str:
    return PurePath(name.replace("\\", "/")).name[:200] or "upload"


def _read(data: bytes, name: str):
    """Parse and dry-run; returns (doc, result) or raises IngestError / ImportRefused."""
    doc = read_document(data, name=name)
    return doc, import_document(doc, file_name=name, dry_run=True)


def _error_page(request: HttpRequest, form, error: Exception, name: str) -> HttpResponse:
    # A budget limit or a reader's surprise carries a Chinese message (``zh``); the English
    # detail names the file, place and limit for whoever reports it.
    zh = getattr(error, "zh", "")
    message = f"{zh}({error})" if zh else str(error)
    return render(request, "web/import_upload.html",
                  {"form": form, "error": message, "file_name": name}, status=400)


@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    if (denied := _check(request)) is not None:
        return denied
    if request.method == "GET":
        return render(request, "web/import_upload.html", {"form": UploadForm()})
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "web/import_upload.html", {"form": form}, status=400)
    upload = form.cleaned_data["file"]
    name = _clean_name(upload.name)
    limit = Budget.from_env().max_input_bytes
    if upload.size > limit:  # refused before it is read into memory
        error = LimitExceeded(name, "max_input_bytes", upload.size, limit)
        return _error_page(request, UploadForm(), error, name)
    data = upload.read()
    try:
        doc, result = _read(data, name)
    except (IngestError, ImportRefused) as error:
        return _error_page(request, UploadForm(), error, name)
    key = hashlib.sha256(data).hexdigest()
    forget_old_uploads()
    (upload_dir() / key).write_bytes(data)
    context = {
        "doc": doc,
        "rows": doc.tasks[:PREVIEW_ROWS],
        "more": max(0, len(doc.tasks) - PREVIEW_ROWS),
        "result": result,
        "file_name": name,
        "confirm": ConfirmForm(initial={"key": key, "name": name}),
    }
    return render(request, "web/import_preview.html", context)


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    if (denied := _check(request)) is not None:
        return denied
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return _error_page(request, UploadForm(), ValueError("确认表单无效,请重新上传文件。"), "")
    key, name = form.cleaned_data["key"], _clean_name(form.cleaned_data["name"])
    path = upload_dir() / key
    if not path.is_file():
        return _error_page(request, UploadForm(),
                           ValueError(f"{name}: 上传的文件已不在服务器上(可能已导入),请重新上传。"),
                           name)
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != key:
        return _error_page(request, UploadForm(), ValueError(f"{name}: 文件内容已变化,请重新上传。"),
                           name)
    try:
        doc = read_document(data, name=name)
        result = import_document(doc, file_name=name, user=request.user)
    except (IngestError, ImportRefused) as error:
        return _error_page(request, UploadForm(), error, name)
    path.unlink(missing_ok=True)
    messages.success(request, f"{name}: {result.message}")
    from luoshi.reports.duplicates import import_notes  # near-duplicate tasks (luoshi.reports)

    for note in import_notes([(t.serial, t.text) for t in doc.tasks]):
        messages.info(request, f"{name}: {note}")
    if result.report_id:
        return redirect("report_detail", result.report_id)
    return redirect("report_list")
