"""The public report of a seed table printed to PDF by headless Chromium (what 打印 → 另存为
PDF gives): how many A4 pages, how full page 1 is, and whether every page has its number and
the header row. The issue's "before": seed 004's 150 tasks printed to 82 pages, page 1 blank
below the metadata.

    .venv/bin/python benchmarks/print_pages.py [seed file ...]   # default: ../shared seed 004

Chromium loads the page from Django's test client (page.route), so no server is started.
"""

from __future__ import annotations

import io
import os
import re
import sys
import unicodedata
from pathlib import Path

os.environ.setdefault("LUOSHI_DEBUG", "1")  # the test client's host name
# Playwright's sync API runs an event loop in this thread; the test client is called from its
# route handler, one request at a time, so Django's async-context guard is lifted here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import benchdb

connection = benchdb.setup("luoshi-print-")

import logging  # noqa: E402

import pdfplumber  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from luoshi.core.models import Report  # noqa: E402
from luoshi.core.services.importing import import_document  # noqa: E402
from luoshi.ingest import read_document  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browsers import find_chromium  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "seeds" / "004_fea78dcb383e1fba.txt"


def printed(report: Report, chromium: str) -> list[str]:
    client = Client()

    def serve(route) -> None:
        path = route.request.url.split("://", 1)[1].split("/", 1)[1]
        response = client.get("/" + path)
        if os.environ.get("PRINT_DEBUG"):
            print(path, response.status_code, file=sys.stderr)
        body = (b"".join(response.streaming_content) if response.streaming
                else response.content)
        route.fulfill(status=response.status_code, body=body,
                      headers={"content-type": response.get("Content-Type", "text/html")})

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium)
        page = browser.new_page()
        page.route("**/*", serve)
        page.goto("http://testserver" + reverse("public_report", args=[report.pk]))
        page.emulate_media(media="print")
        pdf = page.pdf(prefer_css_page_size=True, print_background=False)
        browser.close()
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        return [re.sub(r"\s+", "", unicodedata.normalize("NFKC", t.extract_text() or ""))
                for t in opened.pages]


def main(paths: list[str]) -> None:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font-metric notes, not results
    chromium = find_chromium().path
    print(f"database: {connection.vendor}; chromium: {chromium}")
    print(f"{'file':<28} {'tasks':>5} {'pages':>5} {'page 1 chars':>12} {'numbered':>8} "
          f"{'header on all':>13} {'emptiest page (not last)':>24}")
    for name in paths or [str(DEFAULT)]:
        doc = read_document(Path(name))
        result = import_document(doc, file_name=Path(name).name)
        report = Report.objects.get(pk=result.report_id)
        report.state = Report.State.PUBLISHED
        report.save(update_fields=["state"])
        texts = printed(report, chromium)
        n = len(texts)
        numbered = all(re.search(f"第{i}[页⻚]共{n}[页⻚]", t) for i, t in enumerate(texts, 1))
        headers = [re.sub(r"\s+", "", c.header) for c in doc.columns]
        header_all = all(all(h in t for h in headers) for t in texts)
        emptiest = min((len(t) for t in texts[:-1]), default=len(texts[0]))
        print(f"{Path(name).name:<28} {len(doc.tasks):>5} {n:>5} {len(texts[0]):>12} "
              f"{'yes' if numbered else 'NO':>8} {'yes' if header_all else 'NO':>13} "
              f"{emptiest:>24}")


if __name__ == "__main__":
    main(sys.argv[1:])
