"""佐证材料: files attached to an entry.

Rules (true of any upload, whatever its name says):
- the type is decided by the content, never the name or the browser's claim: PDF, PNG, JPEG,
  GIF, WebP, Office Open XML (docx, xlsx, pptx: a zip with its main part) and the older Office
  compound files; anything else is refused with the types allowed;
- at most ``LUOSHI_EVIDENCE_MAX_MB`` (default 20) MB a file and ``MAX_FILES`` files an entry;
- stored under ``LUOSHI_EVIDENCE_DIR`` (default ``<data dir>/evidence``, outside the static
  and media roots), or with ``LUOSHI_STORAGE=s3`` in the bucket of ``STORAGES["files"]``
  (luoshi.settings), with a random name, never the uploaded one;
- served as an attachment, with its sniffed type and ``nosniff``, only to those who may read
  the entry (luoshi.rounds.permissions.readable_progress).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
import zipfile
from pathlib import Path
from typing import IO

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import transaction

from luoshi.core.models import Change, Progress
from luoshi.rounds.models import EvidenceFile
from luoshi.rounds.permissions import Action, check
from luoshi.rounds.services import EDITABLE, RoundError, _require_running, entry_of

MAX_FILES = 20
CHUNK = 1 << 16
# (kind, magic prefix, MIME type)
SIGNATURES = [
    ("pdf", b"%PDF-", "application/pdf"),
    ("png", b"\x89PNG\r\n\x1a\n", "image/png"),
    ("jpeg", b"\xff\xd8\xff", "image/jpeg"),
    ("gif", b"GIF87a", "image/gif"),
    ("gif", b"GIF89a", "image/gif"),
    ("ole2", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/octet-stream"),
]
# Office Open XML: the part that makes a zip a document of that kind.
OOXML = {
    "word/document.xml": ("docx", "application/vnd.openxmlformats-officedocument"
                                  ".wordprocessingml.document"),
    "xl/workbook.xml": ("xlsx", "application/vnd.openxmlformats-officedocument"
                                ".spreadsheetml.sheet"),
    "ppt/presentation.xml": ("pptx", "application/vnd.openxmlformats-officedocument"
                                     ".presentationml.presentation"),
}
MIME = {kind: mime for kind, _, mime in SIGNATURES} | {k: m for k, m in OOXML.values()}
MIME["webp"] = "image/webp"
ALLOWED = "PDF、图片(PNG/JPEG/GIF/WebP)、Word/Excel/PowerPoint 文件"


def max_bytes() -> int:
    raw = os.environ.get("LUOSHI_EVIDENCE_MAX_MB", "")
    return (int(raw) if raw.isdigit() and int(raw) > 0 else 20) * 1024 * 1024


def storage_dir() -> Path:
    path = Path(os.environ.get("LUOSHI_EVIDENCE_DIR", "") or settings.DATA_DIR / "evidence")
    path.mkdir(parents=True, exist_ok=True)
    return path


def file_storage() -> Storage:
    """Where the files are kept: the bucket when ``LUOSHI_STORAGE=s3``, else the directory
    (read at each call, so a changed ``LUOSHI_EVIDENCE_DIR`` takes effect)."""
    if "files" in settings.STORAGES:
        return storages["files"]
    return FileSystemStorage(location=storage_dir(), file_permissions_mode=0o600)


def sniff(head: bytes, path: Path) -> str | None:
    """The kind of the file from its first bytes (and, for a zip, its part names)."""
    for kind, magic, _ in SIGNATURES:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        for part, (kind, _) in OOXML.items():
            if part in names:
                return kind
    return None


def _clean_name(name: str) -> str:
    name = os.path.basename(name.replace("\\", "/")).strip() or "file"
    return "".join(ch for ch in name if ch.isprintable() and ch not in '"<>|:*?')[:200] or "file"


def attach(user, progress: Progress, upload) -> EvidenceFile:
    """Store an uploaded file (a Django UploadedFile) for the entry, or refuse with a reason."""
    check(user, Action.EDIT_ENTRY, progress)
    _require_running(progress.report)
    if entry_of(progress).state not in EDITABLE:
        raise RoundError("该条目已提交或已审核,退回后才能添加佐证材料。")
    if upload.size > max_bytes():
        raise RoundError(f"文件超过 {max_bytes() // (1024 * 1024)} MB,请压缩或拆分后上传。")
    if progress.evidence_files.count() >= MAX_FILES:
        raise RoundError(f"每条最多 {MAX_FILES} 个佐证材料。")
    store = file_storage()
    digest = hashlib.sha256()
    size = 0
    saved = None
    # Received into a local temporary file first: the type is sniffed there (a zip is opened
    # to see which document it is) before anything reaches the store.
    with tempfile.NamedTemporaryFile(prefix="luoshi-upload-") as tmp:
        try:
            for chunk in upload.chunks(CHUNK):
                size += len(chunk)
                if size > max_bytes():
                    raise RoundError(f"文件超过 {max_bytes() // (1024 * 1024)} MB。")
                digest.update(chunk)
                tmp.write(chunk)
            tmp.flush()
            tmp.seek(0)
            kind = sniff(tmp.read(64), Path(tmp.name))
            if kind is None:
                raise RoundError(f"不支持的文件类型(按内容识别)。可上传:{ALLOWED}。")
            if size == 0:
                raise RoundError("文件为空。")
            tmp.seek(0)
            saved = store.save(secrets.token_hex(16), File(tmp))
            with transaction.atomic():
                row = EvidenceFile.objects.create(
                    progress=progress, name=_clean_name(upload.name), stored=saved, kind=kind,
                    size=size, sha256=digest.hexdigest(), uploaded_by=user)
                Change.objects.create(model="evidence", object_id=row.pk,
                                      action=Change.Action.CREATE,
                                      fields={"name": row.name, "kind": kind, "size": size,
                                              "progress": progress.pk}, user=user)
        except BaseException:
            if saved is not None:
                store.delete(saved)
            raise
    return row


def open_file(row: EvidenceFile) -> IO[bytes]:
    """The stored file, open for reading (FileNotFoundError when it is gone)."""
    return file_storage().open(row.stored, "rb")


def mime(row: EvidenceFile) -> str:
    return MIME.get(row.kind, "application/octet-stream")
