"""Upload a published table, see what the import would do (a dry run), then confirm.

The uploaded bytes stay on the server between preview and confirmation, in a file named by
their sha256 (in ``<data dir>/uploads``, or under ``uploads/`` in the bucket with
``LUOSHI_STORAGE=s3``, so that any app server can confirm what another previewed); the confirmation form carries only that key (and the file's name, a label), so
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
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages
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


def upload_store() -> Storage:
    """The uploads awaiting confirmation: the shared bucket (LUOSHI_STORAGE=s3) or the
    directory."""
    if "files" in settings.STORAGES:
        return _Prefixed(storages["files"], "uploads/")
    return _Prefixed(FileSystemStorage(location=upload_dir(), file_permissions_mode=0o600), "")


class _Prefixed:
    """A storage seen through a key prefix (the bucket holds other files too)."""

    def __init__(self, store: Storage, prefix: str):
        self.store, self.prefix = store, prefix

    def write(self, key: str, data: bytes) -> None:
        name = self.prefix + key
        if self.store.exists(name):  # the same bytes: keep the file (a fresh time is enough)
            self.store.delete(name)
        self.store.save(name, ContentFile(data))

    def read(self, key: str) -> bytes | None:
        try:
            with self.store.open(self.prefix + key, "rb") as f:
                return f.read()
        except FileNotFoundError:
            return None

    def delete(self, key: str) -> None:
        self.store.delete(self.prefix + key)

    def old(self, limit: float) -> list[str]:
        out = []
        for key in self.store.listdir(self.prefix.rstrip("/"))[1]:
            try:
                if self.store.get_modified_time(self.prefix + key).timestamp() < limit:
                    out.append(key)
            except FileNotFoundError:  # removed meanwhile by another request
                pass
        return out


def forget_old_uploads(now: float | None = None) -> None:
    """Delete uploaded files whose preview was never confirmed."""
    store = upload_store()
    for key in store.old((now or time.time()) - KEEP_SECONDS):
        store.delete(key)


def _check(request: HttpRequest):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())  # the site's login (supervisors)
    if not can_import(request.user):
        raise PermissionDenied("只有督查室工作人员可以导入。")
    return None


def _clean_name(name: str) -> str:
    return PurePath(name.replace("\\", "/")).name[:200] or "upload"


MISSING_WORDS = {"government": "地区", "year": "年度", "period": "报告期"}


def _given(doc, given: dict) -> None:
    """What the person typed wins over what the title was read as (as luoshi import's
    --government, --year and --period)."""
    from argparse import Namespace

    from luoshi.cli.importer import apply_overrides, period_arg

    period = given.get("period") or ""
    apply_overrides(doc, Namespace(government=(given.get("government") or "").strip(),
                                   year=given.get("year"),
                                   period=period_arg(period) if period else None))


def missing(doc) -> list[str]:
    meta = doc.meta
    return [key for key, value in (("government", meta.government), ("year", meta.year),
                                   ("period", meta.period)) if not value]


def found_fields(doc, given: dict) -> dict:
    """Initial values for the government/year/period fields and, for each, where it came
    from (the title, or the person) — shown beside the field."""
    meta = doc.meta
    period_code = ""
    if meta.period is not None:
        kind = str(meta.period.kind)
        period_code = f"m{meta.period.month}" if kind == "month" and meta.period.month else kind
    initial = {"government": meta.government, "year": meta.year, "period": period_code}
    source = f"读自标题“{meta.title}”" if meta.title else "读自文件"
    reasons = {}
    for key in initial:
        if given.get(key):
            reasons[key] = "您填写的"
        elif initial[key]:
            reasons[key] = source
        else:
            reasons[key] = "文件中未找到,请填写"
    return {"initial": initial, "reasons": reasons}


def preview_words(result) -> dict:
    """What confirming would do, in words and truthful figures, by the dry run's outcome."""
    counts = result.counts or {}
    if result.outcome == "already_imported":
        return {"message": "这个文件已经导入过,确认也不会有任何改动。", "rows": []}
    if result.outcome == "same_content":
        return {"message": "同一张表已在系统中(内容相同),只会记录这个文件,不会改动任何任务或进展。",
                "rows": [("不变的任务", counts.get("tasks", 0))]}
    if result.outcome == "replaced":
        progress = counts.get("progress", 0)
        updated = counts.get("progress_updated", 0)
        return {"message": "本报告期已有另一张表;确认将以此文件替换(每处修改都会记录)。",
                "rows": [("新任务", counts.get("new_tasks", 0)),
                         ("与已有任务对应", counts.get("matched", 0)),
                         ("修改的进展条目", updated),
                         ("删除的进展条目", counts.get("progress_removed", 0)),
                         ("不变的进展条目", max(0, progress - updated))]}
    return {"message": "将作为新的落实情况表导入。",
            "rows": [("新任务", counts.get("new_tasks", 0)),
                     ("与以往报告期任务对应", counts.get("matched", 0)),
                     ("进展条目", counts.get("progress", 0))]}


def _read(data: bytes, name: str, given: dict | None = None):
    """Parse and dry-run; returns (doc, result), result None when the government, year or
    period is still unknown; raises IngestError / ImportRefused."""
    doc = read_document(data, name=name)
    _given(doc, given or {})
    if missing(doc):
        return doc, None
    return doc, import_document(doc, file_name=name, dry_run=True)


def imported_words(result) -> str:
    if result.outcome == "already_imported":
        return "已导入过,没有改动。"
    if result.outcome == "same_content":
        return "同一张表已在系统中,已记录此文件,其他不变。"
    counts = result.counts or {}
    verb = "已替换原有的表" if result.outcome == "replaced" else "已导入"
    return (f"{verb}:任务 {counts.get('tasks', 0)} 项(新 {counts.get('new_tasks', 0)} 项,"
            f"与已有任务对应 {counts.get('matched', 0)} 项),进展条目 {counts.get('progress', 0)} 条。")


def _preview(request: HttpRequest, doc, result, key: str, name: str, given: dict,
             status: int = 200) -> HttpResponse:
    fields = found_fields(doc, given)
    form = ConfirmForm(initial={"key": key, "name": name, **fields["initial"]})
    absent = missing(doc)
    for key_ in absent:
        form.fields[key_].required = True
    context = {
        "doc": doc,
        "rows": doc.tasks[:PREVIEW_ROWS],
        "more": max(0, len(doc.tasks) - PREVIEW_ROWS),
        "result": result,
        "words": preview_words(result) if result is not None else None,
        "missing": [MISSING_WORDS[k] for k in absent],
        "reasons": fields["reasons"],
        "file_name": name,
        "confirm": form,
    }
    return render(request, "web/import_preview.html", context, status=status)


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
    upload_store().write(key, data)
    return _preview(request, doc, result, key, name, {})


@require_POST
def import_confirm(request: HttpRequest) -> HttpResponse:
    if (denied := _check(request)) is not None:
        return denied
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return _error_page(request, UploadForm(), ValueError("确认表单无效,请重新上传文件。"), "")
    key, name = form.cleaned_data["key"], _clean_name(form.cleaned_data["name"])
    store = upload_store()
    data = store.read(key)
    if data is None:
        return _error_page(request, UploadForm(),
                           ValueError(f"{name}: 上传的文件已不在服务器上(可能已导入),请重新上传。"),
                           name)
    if hashlib.sha256(data).hexdigest() != key:
        return _error_page(request, UploadForm(), ValueError(f"{name}: 文件内容已变化,请重新上传。"),
                           name)
    given = {k: form.cleaned_data.get(k) for k in ("government", "year", "period")}
    try:
        doc, result = _read(data, name, given)
        if result is None or "preview" in request.POST:
            # Still unknown, or the person changed a field: preview again, nothing written.
            return _preview(request, doc, result, key, name, given,
                            status=400 if result is None and "preview" not in request.POST
                            else 200)
        result = import_document(doc, file_name=name, user=request.user)
    except (IngestError, ImportRefused) as error:
        return _error_page(request, UploadForm(), error, name)
    store.delete(key)
    messages.success(request, f"{name}: " + imported_words(result))
    from luoshi.reports.duplicates import import_notes  # near-duplicate tasks (luoshi.reports)

    for note in import_notes([(t.serial, t.text) for t in doc.tasks]):
        messages.info(request, f"{name}: {note}")
    if result.report_id:
        return redirect("report_detail", result.report_id)
    return redirect("report_list")
