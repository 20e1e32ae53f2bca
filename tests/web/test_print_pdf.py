"""The public report of seed 004 printed to PDF by Chromium (what 打印 → 另存为 PDF gives).

Read back with pdfplumber: page 1 holds table rows (not only the metadata), every page carries
"第 x 页 共 y 页", the header row repeats on every page, and the table's note is on page 1.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pdfplumber
import pytest
from django.urls import reverse

from luoshi.core.models import Report, Task
from luoshi.core.services.importing import import_document
from luoshi.ingest import read_document

pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore")]


def test_public_report_prints(web_page, transactional_db, seed004):
    doc = read_document(seed004)
    result = import_document(doc, file_name=seed004.name)
    report = Report.objects.get(pk=result.report_id)
    report.state = Report.State.PUBLISHED
    report.save(update_fields=["state"])
    first = Task.objects.filter(plan=report.plan, parent=None).order_by("order").first()

    web_page.goto(reverse("public_report", args=[report.pk]))
    page = web_page.page
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=False)
    web_page.assert_clean()
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        texts = [p.extract_text() or "" for p in opened.pages]
    # NFKC: the PDF's text layer spells some characters as Kangxi radicals (⼯ for 工).
    squeezed = [re.sub(r"\s+", "", unicodedata.normalize("NFKC", t)) for t in texts]
    n = len(texts)
    assert n > 5, n
    # Page 1: below the metadata, the table's rows start (the first task's text is there; a
    # short prefix, as the columns' lines interleave in the extracted text).
    assert first.text[:5] in squeezed[0]
    assert "索引号" in squeezed[0] and "索引号" not in squeezed[1]
    for note in doc.meta.notes:
        assert re.sub(r"\s+", "", note)[:10] in squeezed[0]
    for i, text in enumerate(squeezed, 1):
        # 页 may come out as the radical ⻚ (CJK Radicals Supplement, which NFKC leaves alone).
        assert re.search(f"第{i}[页⻚]共{n}[页⻚]", text), f"page {i} has no number"
        for column in doc.columns:
            assert re.sub(r"\s+", "", column.header) in text, f"page {i}: no {column.header}"
    # Split rather than left blank: no page is mostly empty except perhaps the last.
    assert all(len(t) > 200 for t in squeezed[:-1])


def test_dashboard_prints_without_navigation(web_page, live_sample):
    """Every page prints with the same sheet: numbered pages, no navigation or filter form."""
    web_page.goto(reverse("dashboard", args=[live_sample.report_q3.pk]))
    page = web_page.page
    page.emulate_media(media="print")
    assert page.locator(".site-header").evaluate("n => getComputedStyle(n).display") == "none"
    pdf = page.pdf(prefer_css_page_size=True)
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        texts = [re.sub(r"\s+", "", unicodedata.normalize("NFKC", p.extract_text() or ""))
                 for p in opened.pages]
    n = len(texts)
    assert all(re.search(f"第{i}[页⻚]共{n}[页⻚]", t) for i, t in enumerate(texts, 1))
    assert "政府信息公开" not in texts[0] and "跳到正文" not in texts[0]  # the navigation
    web_page.assert_clean()


@pytest.mark.parametrize("name", ["pack", "league"])
def test_stocktake_pages_print(web_page, live_sample, live_server, supervisor, name):
    """The office's stocktake pack and league table print like every page: numbered pages, no
    navigation, and their content on page 1 (its heading and the lead units' names)."""
    from django.test import Client

    client = Client()
    client.force_login(supervisor)
    page = web_page.page
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])
    report = live_sample.report_q3
    web_page.goto(reverse(name, args=[report.pk]))
    heading = re.sub(r"\s+", "", page.locator("h1").first.inner_text())
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True)
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        texts = [re.sub(r"\s+", "", unicodedata.normalize("NFKC", p.extract_text() or ""))
                 for p in opened.pages]
    n = len(texts)
    assert all(re.search(f"第{i}[页⻚]共{n}[页⻚]", t) for i, t in enumerate(texts, 1))
    assert "政府信息公开" not in texts[0] and "跳到正文" not in texts[0]
    assert heading[:8] in unicodedata.normalize("NFKC", texts[0])
    web_page.assert_clean()
