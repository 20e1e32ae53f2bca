"""佐证材料: type checked by content, size limits, random names outside the web root, served
only to those who may read the entry."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.rounds import evidence, services
from luoshi.rounds.models import EvidenceFile
from luoshi.rounds.services import EntryInput

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


@pytest.fixture(autouse=True)
def evidence_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LUOSHI_EVIDENCE_DIR", str(tmp_path / "evidence"))
    return tmp_path / "evidence"


def upload(client, entry, name: str, data: bytes):
    return client.post(reverse("round_evidence_upload", args=[entry.pk]),
                       {"file": SimpleUploadedFile(name, data, "application/pdf")}, follow=True)


def test_upload_and_who_may_download(opened, people, client_for, evidence_dir):
    river = opened.entry[opened.river.pk]
    response = upload(client_for(people.water), river, "../../河道照片.pdf", PDF)
    assert "已上传佐证材料" in response.content.decode()
    row = EvidenceFile.objects.get()
    assert row.kind == "pdf" and row.size == len(PDF) and row.name == "河道照片.pdf"
    # A random name in the evidence directory, not the uploaded one.
    assert [p.name for p in evidence_dir.iterdir()] == [row.stored]
    assert "河道" not in row.stored and len(row.stored) == 32
    url = reverse("round_evidence", args=[row.pk])
    for user in (people.water, people.supervisor):
        got = client_for(user).get(url)
        assert got.status_code == 200 and b"".join(got.streaming_content) == PDF
        assert got["Content-Type"] == "application/pdf"
        assert got["X-Content-Type-Options"] == "nosniff"
        assert got["Content-Disposition"].startswith("attachment")
    # A draft's files: not for leaders, other units or the public.
    # (a signed-out visitor is sent to sign in, as for every page of the round)
    for user in (people.leader, people.reform):
        assert client_for(user).get(url).status_code == 404
    services.save_entry(people.water, river, 1, EntryInput("整治河道5处。", "", ""))
    services.submit_entry(people.water, river, acknowledge=True)
    assert client_for(people.leader).get(url).status_code == 200
    # Not published: a signed-out visitor is sent to sign in (as for every page of the round).
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    # The entry page lists it.
    page = client_for(people.water).get(reverse("round_entry", args=[river.pk])).content
    assert "河道照片.pdf" in page.decode()


@pytest.mark.parametrize("name, data, kind", [
    ("photo.png", PNG, "png"), ("scan.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 32, "jpeg"),
    ("报告.docx", docx(), "docx"),
])
def test_types_by_content(opened, people, name, data, kind):
    row = evidence.attach(people.water, opened.entry[opened.river.pk],
                          SimpleUploadedFile(name, data))
    assert row.kind == kind


@pytest.mark.parametrize("name, data", [
    ("fake.pdf", b"<html><script>alert(1)</script></html>"),
    ("archive.docx", b"PK\x03\x04not really a zip"),
    ("empty.pdf", b""),
    ("program.exe", b"MZ\x90\x00" + b"\x00" * 64),
])
def test_other_content_is_refused_and_nothing_is_kept(opened, people, name, data,
                                                      evidence_dir):
    with pytest.raises(services.RoundError):
        evidence.attach(people.water, opened.entry[opened.river.pk],
                        SimpleUploadedFile(name, data))
    assert not EvidenceFile.objects.exists()
    assert list(evidence_dir.iterdir()) == []


def test_size_limit(opened, people, client_for, monkeypatch, evidence_dir):
    monkeypatch.setenv("LUOSHI_EVIDENCE_MAX_MB", "1")
    big = PDF + b"0" * (1024 * 1024)
    response = upload(client_for(people.water), opened.entry[opened.river.pk], "big.pdf", big)
    assert "超过 1 MB" in response.content.decode()
    assert not EvidenceFile.objects.exists()
    assert not evidence_dir.exists() or list(evidence_dir.iterdir()) == []


def test_only_writers_of_an_editable_entry_upload(opened, people, client_for):
    river = opened.entry[opened.river.pk]
    assert upload(client_for(people.reform), river, "a.pdf", PDF).status_code == 404
    assert upload(client_for(people.leader), river, "a.pdf", PDF).status_code == 404
    services.save_entry(people.water, river, 1, EntryInput("整治河道5处。", "", ""))
    services.submit_entry(people.water, river, acknowledge=True)
    with pytest.raises(services.RoundError, match="退回后"):
        evidence.attach(people.water, river, SimpleUploadedFile("a.pdf", PDF))
    assert not EvidenceFile.objects.exists()


def test_files_go_to_the_configured_store(opened, people, client_for, settings, evidence_dir):
    """With STORAGES["files"] (LUOSHI_STORAGE=s3 sets it to the S3 backend), uploads, downloads
    and refusals go through that store and nothing lands in the local directory. Django's
    in-memory storage stands in for the bucket (a real store, no network)."""
    from django.core.files.storage import storages

    settings.STORAGES = {**settings.STORAGES, "files": {
        "BACKEND": "django.core.files.storage.InMemoryStorage"}}
    storages._storages.pop("files", None)
    store = storages["files"]
    river = opened.entry[opened.river.pk]
    upload(client_for(people.water), river, "照片.pdf", PDF)
    row = EvidenceFile.objects.get()
    assert store.exists(row.stored) and store.size(row.stored) == len(PDF)
    assert not evidence_dir.exists() or not any(evidence_dir.iterdir())
    got = client_for(people.water).get(reverse("round_evidence", args=[row.pk]))
    assert b"".join(got.streaming_content) == PDF
    upload(client_for(people.water), river, "假的.pdf", b"MZ\x90\x00 not a pdf")
    assert EvidenceFile.objects.count() == 1 and store.listdir("")[1] == [row.stored]
    storages._storages.pop("files", None)
