"""The web import's two background jobs, run by the worker (luoshi.jobs.queue):

- ``preview``: read the stored upload and dry-run the import; the result is what the preview
  page shows (figures, first rows, warnings, the fields found), as JSON on the job row.
- ``run_import``: read it again with what the person confirmed and import it, in one
  transaction (``import_document``); the result names the report and what changed.

The uploaded bytes stay in ``DATA_DIR/uploads`` under their sha256 from upload to import, so
what is imported is exactly what was previewed. Every failure ends as ``JobFailed`` with a
Chinese message naming the file and what is wrong; the database is as before.
"""

from __future__ import annotations

import hashlib
import time
from argparse import Namespace
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_noop as N_

from luoshi.core.services.importing import ImportRefused, import_document
from luoshi.ingest import read_document
from luoshi.ingest.errors import IngestError
from luoshi.ingest.formats.sniff import sniff
from luoshi.ingest.registry import reader_for
from luoshi.jobs.models import Job
from luoshi.jobs.queue import JobFailed, Step, hold

PREVIEW_ROWS = 10
MAX_WARNINGS = 200  # shown on the preview; the count says how many there were
KEEP_SECONDS = 24 * 3600  # an upload not imported within a day is forgotten
MISSING_WORDS = {"government": "地区", "year": "年度", "period": "报告期"}


def upload_dir() -> Path:
    path = Path(settings.DATA_DIR) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def stored_path(key: str) -> Path | None:
    """The stored upload named by ``key`` (a sha256 in hex, nothing else: never a path), or
    None when the key is not one or the file is gone (imported, or forgotten)."""
    if len(key) != 64 or key.strip("0123456789abcdef"):
        return None
    path = upload_dir() / key
    return path if path.is_file() else None


def forget_old_uploads(now: float | None = None) -> None:
    """Delete uploaded files whose preview was never confirmed."""
    limit = (now or time.time()) - KEEP_SECONDS
    for path in upload_dir().iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                path.unlink()
        except FileNotFoundError:  # removed meanwhile by another request
            pass


def describe(error: Exception, name: str) -> str:
    """The Chinese message for a reader's or importer's refusal; the English detail names the
    file, place and limit for whoever reports it."""
    zh = getattr(error, "zh", "")
    if not zh:
        zh = "文件无法导入" if isinstance(error, ImportRefused) else "文件无法读取"
    return f"{name}:{zh}({error})"


def check_type(data: bytes, name: str) -> None:
    """Refuse at upload what no reader takes, from the content's first bytes (cheap: reading
    is the job's): an empty file, a ZIP archive that is neither DOCX nor XLSX, an OLE2 file
    that is neither DOC nor XLS. Anything else may be text, which only reading can tell."""
    if not data.strip():
        raise IngestError(name, "empty file: no text to read")
    if sniff(data, name) == "zip":
        raise IngestError(name, "a ZIP archive that is neither DOCX nor XLSX (no word/ or xl/ "
                                "part): no reader recognises this content")
    reader_for(data, name)


def apply_given(doc, given: dict) -> None:
    """What the person typed wins over what the title was read as (as luoshi import's
    --government, --year and --period)."""
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
    # Stored as messages (gettext_noop), translated when the page is shown (the stored_text
    # filter), since the worker that writes them does not know the reader's language; the
    # title goes in as the %(title)s of the result.
    source = N_("读自标题“%(title)s”") if meta.title else N_("读自文件")
    reasons = {}
    for key in initial:
        if given.get(key):
            reasons[key] = N_("您填写的")
        elif initial[key]:
            reasons[key] = source
        else:
            reasons[key] = N_("文件中未找到,请填写")
    return {"initial": initial, "reasons": reasons}


def preview_words(result) -> dict:
    """What confirming would do, in words and truthful figures, by the dry run's outcome.
    The words are stored as messages (gettext_noop) and translated when the page is shown."""
    counts = result.counts or {}
    if result.outcome == "already_imported":
        return {"message": N_("这个文件已经导入过,确认也不会有任何改动。"), "rows": []}
    if result.outcome == "same_content":
        return {"message": N_("同一张表已在系统中(内容相同),只会记录这个文件,不会改动任何任务或进展。"),
                "rows": [(N_("不变的任务"), counts.get("tasks", 0))]}
    if result.outcome == "replaced":
        progress = counts.get("progress", 0)
        updated = counts.get("progress_updated", 0)
        return {"message": N_("本报告期已有另一张表;确认将以此文件替换(每处修改都会记录)。"),
                "rows": [(N_("新任务"), counts.get("new_tasks", 0)),
                         (N_("与已有任务对应"), counts.get("matched", 0)),
                         (N_("修改的进展条目"), updated),
                         (N_("删除的进展条目"), counts.get("progress_removed", 0)),
                         (N_("不变的进展条目"), max(0, progress - updated)), *_period_rows(counts)]}
    return {"message": N_("将作为新的落实情况表导入。"),
            "rows": [(N_("新任务"), counts.get("new_tasks", 0)),
                     (N_("与以往报告期任务对应"), counts.get("matched", 0)),
                     (N_("进展条目"), counts.get("progress", 0)), *_period_rows(counts)]}


def _period_rows(counts: dict) -> list[tuple[str, int]]:
    """A table with progress columns of several periods files the earlier ones as reports of
    their own (luoshi.ingest.period_columns): say how many."""
    n = counts.get("period_reports", 0)
    return [(N_("按各期完成情况列另建或替换的报告"), n)] if n else []


def imported_words(result) -> str:
    if result.outcome == "already_imported":
        return "已导入过,没有改动。"
    if result.outcome == "same_content":
        return "同一张表已在系统中,已记录此文件,其他不变。"
    counts = result.counts or {}
    verb = "已替换原有的表" if result.outcome == "replaced" else "已导入"
    return (f"{verb}:任务 {counts.get('tasks', 0)} 项(新 {counts.get('new_tasks', 0)} 项,"
            f"与已有任务对应 {counts.get('matched', 0)} 项),进展条目 {counts.get('progress', 0)} 条。")


def stored_upload(job: Job) -> bytes:
    """The bytes the job is about, checked against the sha256 they were stored under."""
    key = str(job.params.get("key", ""))
    path = stored_path(key)
    if path is None:
        raise JobFailed(f"{job.file_name}:上传的文件已不在服务器上(可能已导入或已过期),请重新上传。")
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != key:
        raise JobFailed(f"{job.file_name}:服务器上的文件内容已变化,请重新上传。")
    return data


def _read(job: Job, step: Step):
    data = stored_upload(job)
    step(Job.State.READING, 10)
    try:
        doc = read_document(data, name=job.file_name)
    except IngestError as error:
        raise JobFailed(describe(error, job.file_name)) from error
    apply_given(doc, job.params.get("given") or {})
    step(Job.State.IMPORTING, 50)
    return doc


RACE_RETRIES = 3


def _import(doc, job: Job, *, dry_run: bool = False, **options):
    """``import_document``, run again when it lost a race: another import committed the same
    government, plan or period first (an IntegrityError, which the service reports as
    "run this one again"; the transaction rolled back). The next try finds the committed rows.
    Any other refusal is the job's failure. A real import commits only while this worker
    still holds the job (``hold`` in the same transaction): ClaimLost rolls it back."""
    for attempt in range(1, RACE_RETRIES + 1):
        try:
            with transaction.atomic():
                result = import_document(doc, file_name=job.file_name, dry_run=dry_run,
                                         **options)
                if not dry_run:
                    hold(job)
            return result
        except ImportRefused as error:
            if not isinstance(error.__cause__, IntegrityError) or attempt == RACE_RETRIES:
                raise JobFailed(describe(error, job.file_name)) from error
            time.sleep(0.1 * attempt)
    raise AssertionError("unreachable")


def _rows(doc) -> list[dict]:
    return [{"serial": t.serial, "text": t.text[:300], "units": list(t.units),
             "items": [{"heading": i.heading, "done": (i.done or "")[:300]} for i in t.items]}
            for t in doc.tasks[:PREVIEW_ROWS]]


def preview(job: Job, step: Step) -> dict:
    """Read and dry-run: what the preview page shows (JSON). Nothing is written."""
    doc = _read(job, step)
    given = job.params.get("given") or {}
    result = None
    if not missing(doc):
        result = _import(doc, job, dry_run=True)
    return {
        "title": doc.meta.title, "format": doc.format, "task_count": len(doc.tasks),
        "rows": _rows(doc), "more": max(0, len(doc.tasks) - PREVIEW_ROWS),
        "outcome": result.outcome if result else None,
        "warnings": (result.warnings[:MAX_WARNINGS] if result else []),
        "warning_count": len(result.warnings) if result else 0,
        "words": preview_words(result) if result else None,
        "missing": missing(doc),
        "given": given,
        **found_fields(doc, given),
    }


def run_import(job: Job, step: Step) -> dict:
    """Import the stored upload with what the person confirmed, in one transaction."""
    doc = _read(job, step)
    if absent := missing(doc):
        words = "、".join(MISSING_WORDS[k] for k in absent)
        raise JobFailed(f"{job.file_name}:未能从文件中读出{words},请回到预览填写后再导入。")
    user = get_user_model().objects.filter(pk=job.submitter_id).first()
    result = _import(doc, job, user=user)
    (upload_dir() / job.params["key"]).unlink(missing_ok=True)
    from luoshi.reports.duplicates import import_notes  # near-duplicate tasks (luoshi.reports)

    notes = import_notes([(t.serial, t.text) for t in doc.tasks])
    return {"outcome": result.outcome, "report_id": result.report_id,
            "message": f"{job.file_name}:" + imported_words(result),
            "notes": [f"{job.file_name}:{note}" for note in notes]}
