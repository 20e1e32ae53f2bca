"""No page, PDF, CSV or other download shows a directory of the server: file names only.

A table imported from the command line by its full path (``luoshi import /dir/…/004.txt``) is
then read through every kind of output a person can get for it — pages for each role, the CSV
and JSON exports, the DOCX/PDF documents, the league table — and none may contain the directory
the file came from, the project's directory or the data directory. (Paths on a server say how
it is laid out, and a long one made the phone page too wide.)
"""

from __future__ import annotations

import io
import zipfile

import pdfplumber
import pytest
from django.conf import settings
from django.urls import reverse
from shared_docs import shared_path

from luoshi.cli import main
from luoshi.core.models import ImportBatch, Report, Task

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if "pdf" in kind:
        with pdfplumber.open(io.BytesIO(body)) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    if body[:2] == b"PK":  # docx, xlsx: the XML inside
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                             if n.endswith(".xml"))
    return body.decode("utf-8", "replace")


def test_no_server_path_anywhere(client_for, supervisor, capsys):
    seed = shared_path("seeds", "004_fea78dcb383e1fba.txt")
    assert main(["import", str(seed)]) == 0
    capsys.readouterr()
    batch = ImportBatch.objects.get()
    assert batch.file_name == seed.name
    report = Report.objects.get()
    report.state = Report.State.PUBLISHED
    report.save(update_fields=["state"])
    task = Task.objects.filter(plan=report.plan, parent=None).order_by("order").first()
    forbidden = {str(seed.parent), str(settings.BASE_DIR), str(settings.DATA_DIR)}

    pages = [reverse("report_detail", args=[report.pk]),
             reverse("report_tasks", args=[report.pk]),
             reverse("dashboard", args=[report.pk]),
             reverse("public_report", args=[report.pk]),
             reverse("public_report_list"),
             reverse("report_list"),
             reverse("task_detail", args=[task.pk]),
             reverse("task_history", args=[task.pk]),
             reverse("task_list") + f"?report={report.pk}",
             reverse("task_list_csv") + f"?report={report.pk}",
             reverse("report_documents", args=[report.pk]),
             reverse("league", args=[report.pk]),
             f"/reports/{report.pk}/league.csv",
             *(f"/reports/{report.pk}/export.{fmt}" for fmt in ("csv", "json"))]
    # Documents are slow to make (the PDF goes through LibreOffice): read once, by the office.
    documents = [f"/reports/{report.pk}/export.{fmt}" for fmt in ("docx", "pdf")]
    checked = 0
    for who, paths in ((None, pages), (supervisor, pages + documents)):
        c = client_for(who)
        for path in paths:
            response = c.get(path)
            if response.status_code != 200:
                assert response.status_code in (302, 403, 404), (path, response.status_code)
                continue
            text = _text(response)
            for directory in forbidden:
                assert directory not in text, f"{path} ({who}) shows {directory}"
            checked += 1
    assert checked >= len(pages) + len(documents)
