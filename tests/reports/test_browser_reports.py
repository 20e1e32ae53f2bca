"""The office's pages in real headless Chromium: the supervisor signs in, previews and edits the
bulletin, downloads every document (they arrive and parse), sorts the league table, drills into
a theme; no console errors anywhere; screenshots in test-artifacts/screenshots/."""

from __future__ import annotations

import csv
import io
import json

import docx
import openpyxl
import pypdfium2
import pytest
from handmade import build

from luoshi.rounds.accounts import add_user
from luoshi.rounds.models import Role

pytestmark = pytest.mark.browser
PASSWORD = "pw-reports-browser-3"


@pytest.fixture
def world(transactional_db, fast_hashing):
    h = build()
    add_user("督查员", Role.SUPERVISOR, password=PASSWORD)
    return h


def visit(web, path: str) -> None:
    response = web.page.goto(web.base_url + path, wait_until="load")
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"


def sign_in(web) -> None:
    page = web.page
    visit(web, "/accounts/login/")
    page.get_by_label("用户名").fill("督查员")
    page.get_by_label("密码").fill(PASSWORD)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="登录", exact=True).click()


def download(web, selector: str) -> bytes:
    with web.page.expect_download() as info:
        web.page.locator(selector).first.click()
    path = info.value.path()
    return open(path, "rb").read()


def test_office_documents_in_the_browser(world, web_page):
    web, h = web_page, world
    sign_in(web)
    pk = h.q3.pk
    visit(web, f"/reports/{pk}/documents/")
    web.screenshot("reports-documents")
    # Every download arrives and parses.
    assert docx.Document(io.BytesIO(download(web, "[data-download=report-docx]"))).tables
    assert openpyxl.load_workbook(io.BytesIO(download(web, "[data-download=report-xlsx]")))
    assert json.loads(download(web, "[data-download=report-json]"))
    assert download(web, "[data-download=report-csv]").decode("utf-8-sig").startswith("序号")
    pdf = pypdfium2.PdfDocument(download(web, "[data-download=report-pdf]"))
    assert len(pdf) >= 1
    d = docx.Document(io.BytesIO(download(web, "[data-download=bulletin-docx]")))
    assert d.paragraphs[0].text.endswith("督查通报")
    assert len(pypdfium2.PdfDocument(download(web, "[data-download=bulletin-pdf]"))) >= 1
    assert download(web, "[data-download=bulletin-md]").decode().startswith("# 关于")
    assert "推进会材料" in docx.Document(io.BytesIO(
        download(web, "[data-download=pack-docx]"))).paragraphs[0].text
    table = list(csv.reader(io.StringIO(
        download(web, "[data-download=league-csv]").decode("utf-8-sig"))))
    assert table[1][1] == "市经信局"
    assert openpyxl.load_workbook(io.BytesIO(download(web, "[data-download=league-xlsx]")))

    # Bulletin: preview, edit, history.
    visit(web, f"/reports/{pk}/bulletin/")
    page = web.page
    assert page.locator(".bulletin__h1").first.inner_text() == "一、总体情况"
    web.screenshot("reports-bulletin")
    page.get_by_label("四、下一步工作建议").fill("1.请各牵头单位抓紧整改。")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="保存草稿").click()
    assert "通报稿已保存" in page.locator(".messages").inner_text()
    assert "请各牵头单位抓紧整改" in page.locator(".bulletin").inner_text()
    assert "第 2 版" in page.locator(".revisions").inner_text()

    # League table: sort by score, chart drawn.
    visit(web, f"/reports/{pk}/league/")
    assert page.locator("#chart-league canvas").count() == 1
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="得分").click()
    scores = [float(x) for x in page.locator("td[data-score]").all_inner_texts()]
    assert scores == sorted(scores)
    web.screenshot("reports-league")

    # Themes: counts per period, drill down to the tasks.
    visit(web, f"/reports/{pk}/themes/")
    assert page.locator("#chart-themes canvas").count() == 1
    with page.expect_navigation(wait_until="load"):
        page.locator("td[data-theme=relocation] a").first.click()
    assert "征地" in page.locator("#drill mark").first.inner_text()
    web.screenshot("reports-themes")

    for path, name in ((f"/reports/{pk}/pack/", "reports-pack"),
                       (f"/reports/{pk}/moved/", "reports-moved"),
                       (f"/plans/{h.plan.pk}/duplicates/", "reports-duplicates"),
                       ("/compare/?theme=funding", "reports-compare")):
        visit(web, path)
        web.screenshot(name)
    web.assert_clean()


def test_public_sees_exports_but_no_internal_documents(world, web_page):
    web, h = web_page, world
    visit(web, f"/reports/{h.h1.pk}/documents/")
    page = web.page
    assert page.locator("[data-download=report-docx]").count() == 1
    assert page.locator("[data-download^=bulletin]").count() == 0
    assert page.locator("[data-download^=league]").count() == 0
    assert page.locator("[data-download^=pack]").count() == 0
    web.screenshot("reports-documents-public")
    web.assert_clean()
