"""The office's pages through the test client: each renders for those allowed, drafts keep
their history and refuse a stale save, downloads parse, and who sees what (role matrix)."""

from __future__ import annotations

import csv
import io
import json

import docx
import openpyxl
import pytest
from handmade import build

from luoshi.core.models import Report
from luoshi.reports.models import BulletinDraft, BulletinRevision, LeagueWeights

pytestmark = pytest.mark.django_db

INTERNAL = ["bulletin/", "bulletin.docx", "bulletin.md", "pack/", "pack.docx", "league/",
            "league.csv", "league.xlsx"]
OPEN_TO_READERS = ["documents/", "themes/", "moved/", "export.docx", "export.xlsx", "export.csv",
                   "export.json"]


@pytest.fixture
def h(db):
    return build()


def test_pages_render_for_the_office(h, client_for, supervisor):
    c = client_for(supervisor)
    for path in INTERNAL + OPEN_TO_READERS:
        r = c.get(f"/reports/{h.q3.pk}/{path}")
        assert r.status_code == 200, path
    assert c.get(f"/plans/{h.plan.pk}/duplicates/").status_code == 200
    assert c.get("/compare/?theme=funding").status_code == 200


def test_downloads_parse(h, client_for, supervisor):
    c = client_for(supervisor)
    d = docx.Document(io.BytesIO(c.get(f"/reports/{h.q3.pk}/bulletin.docx").content))
    assert d.paragraphs[0].text.endswith("督查通报")
    text = "\n".join(p.text for p in d.paragraphs)
    # Hand-made: 7 tasks, 8 entries, 2 empty (3 and 5b), 2 boilerplate (2 and 7).
    assert "共7项重点工作、8个工作事项" in text
    # Task 3 is a draft: 未填报, not a status (docs/visibility.md).
    assert "其中6项已作状态分析,1项未填报(不计入状态);" in text
    assert "完成情况空白的工作事项2个,仅有套话的2个" in text
    # 2 submitted after the deadline, 3 never submitted; 4 was returned once.
    assert "逾期报送或逾期未报:市发改局(1项)、市经信局(1项)。" in text
    assert "被退回修改:市经信局(1项)。" in text
    # 四: the ask in task 5's problems (需市级协调) quoted among the matters to coordinate.
    assert "市住建局(任务5)提出:“征地拆迁政策处理难度大,需市级协调。”建议提请海城市人民政府研究协调。" in text
    units = {r.cells[0].text: [c.text for c in r.cells] for r in d.tables[1].rows}
    assert units["市住建局"][1] == "3"
    d = docx.Document(io.BytesIO(c.get(f"/reports/{h.q3.pk}/pack.docx").content))
    assert "推进会材料" in d.paragraphs[0].text
    # One page per red/amber task, by severity (behind 1 then 5), each with its leader from the
    # table's 责任领导 column and task 5's ask quoted; task 3's at_risk is a draft's, so no page.
    pack = [p.text for p in d.paragraphs]
    heads = [t for t in pack if t[:2] in ("1.", "2.", "3.") and "任务" in t]
    assert [h.split()[1] for h in heads] == ["1", "5"]
    assert "责任单位:市住建局;责任领导:副市长5" in pack
    assert "1.征地拆迁政策处理难度大,需市级协调。" in pack
    assert sum(1 for p in d.paragraphs if 'w:br w:type="page"' in p._p.xml
               or "pageBreakBefore" in p._p.xml) >= 2
    rows = list(csv.reader(io.StringIO(
        c.get(f"/reports/{h.q3.pk}/league.csv").content.decode("utf-8-sig"))))
    assert rows[1][1] == "市经信局"  # first: task 3's at_risk is a draft's, not counted
    wb = openpyxl.load_workbook(io.BytesIO(c.get(f"/reports/{h.q3.pk}/league.xlsx").content))
    assert wb.active.cell(3, 2).value == "市经信局"
    data = json.loads(c.get(f"/reports/{h.q3.pk}/export.json").content)
    assert data
    r = c.get(f"/reports/{h.q3.pk}/export.csv")
    assert r["Content-Disposition"].startswith("attachment; filename*=UTF-8''")


def test_draft_is_saved_with_history_and_a_stale_save_is_refused(h, client_for, supervisor):
    c = client_for(supervisor)
    url = f"/reports/{h.q3.pk}/bulletin/"
    r = c.post(url, {"version": 1, "title": "关于前三季度的通报", "next": "一、请各单位抓紧。"})
    assert r.status_code == 302
    draft = BulletinDraft.objects.get(report=h.q3)
    assert draft.version == 2 and draft.texts == {"next": "一、请各单位抓紧。"}
    page = c.get(url).content.decode()
    assert "关于前三季度的通报" in page and "请各单位抓紧" in page
    r = c.post(url, {"version": 1, "title": "别人的旧稿"}, follow=True)
    assert "已被他人修改" in r.content.decode()
    assert BulletinDraft.objects.get(report=h.q3).title == "关于前三季度的通报"
    md = c.get(f"/reports/{h.q3.pk}/bulletin.md").content.decode()
    assert md.startswith("# 关于前三季度的通报") and "请各单位抓紧" in md
    assert BulletinRevision.objects.filter(draft=draft).count() == 1
    c.post(url, {"version": 2, "title": "第二稿"})
    old = c.get(url + "?version=2").content.decode()
    assert "关于前三季度的通报" in old and "第二稿" not in old and "保存草稿" not in old
    assert "第二稿" in c.get(url).content.decode()


def test_league_weights_form(h, client_for, supervisor, leader):
    c = client_for(supervisor)
    weights = {"behind": 0, "at_risk": 0, "not_started": 0, "empty": 100, "boilerplate": 0,
               "late": 0, "returned": 0}
    assert c.post(f"/reports/{h.q3.pk}/league/", weights).status_code == 302
    assert LeagueWeights.objects.get(report=h.q3).weights["empty"] == 100
    page = c.get(f"/reports/{h.q3.pk}/league/").content.decode()
    assert page.index("市发改局") < page.index("市住建局") < page.index("市经信局")
    bad = c.post(f"/reports/{h.q3.pk}/league/", weights | {"empty": "x"}, follow=True)
    assert "不是数字" in bad.content.decode()
    # Leaders read the ranking but do not set the weights.
    assert client_for(leader).post(f"/reports/{h.q3.pk}/league/", weights).status_code == 403


def test_role_matrix(h, client_for, supervisor, leader, liaison_for):
    """The public never sees drafts, internal rankings or unpublished bulletins; a liaison
    neither; leaders read but do not edit."""
    liaison = liaison_for(h.units[0])
    q3 = h.q3  # an open round: not published
    public, unit = client_for(None), client_for(liaison)
    for path in INTERNAL:
        assert public.get(f"/reports/{q3.pk}/{path}").status_code == 404, path
        assert unit.get(f"/reports/{q3.pk}/{path}").status_code in (403, 404), path
        assert client_for(leader).get(f"/reports/{q3.pk}/{path}").status_code == 200, path
    assert client_for(leader).post(f"/reports/{q3.pk}/bulletin/", {"version": 1}).status_code == 403
    assert unit.post(f"/reports/{q3.pk}/bulletin/publish/", {"published": "1"}).status_code in (403, 404)
    # Published report, unpublished bulletin: the public sees the report, not the bulletin.
    Report.objects.filter(pk=q3.pk).update(state=Report.State.PUBLISHED)
    assert public.get(f"/reports/{q3.pk}/documents/").status_code == 200
    assert "督查通报" not in public.get(f"/reports/{q3.pk}/documents/").content.decode()
    assert public.get(f"/reports/{q3.pk}/bulletin/").status_code == 404
    assert public.get(f"/reports/{q3.pk}/league/").status_code == 403
    assert public.get(f"/reports/{q3.pk}/pack/").status_code == 403
    # Printed: now readable (read-only) by whoever reads the report.
    office = client_for(supervisor)
    assert office.post(f"/reports/{q3.pk}/bulletin/publish/", {"published": "1"}).status_code == 302
    page = public.get(f"/reports/{q3.pk}/bulletin/").content.decode()
    assert "督查通报" in page and "保存草稿" not in page
    assert public.get(f"/reports/{q3.pk}/bulletin.docx").status_code == 200
    assert public.get(f"/reports/{q3.pk}/league/").status_code == 403  # still internal


def test_public_compare_reads_published_reports_only(h, client_for):
    public = client_for(None)
    page = public.get("/compare/?theme=funding").content.decode()
    # q3 is an open round: its task 1 (资金) must not show; h1 is published and names 资金.
    assert "海城市 2022年半年度" in page
    assert "海城市 2022年前三季度" not in page


def test_hidden_report_is_404_for_exports(h, client_for):
    assert client_for(None).get(f"/reports/{h.q3.pk}/export.csv").status_code == 404
    assert client_for(None).get(f"/reports/{h.h1.pk}/export.csv").status_code == 200


def test_bulletin_compares_with_the_chosen_period(client_for, supervisor, generated_reports):
    q1, _h1, q3 = generated_reports[:3]
    c = client_for(supervisor)
    url = f"/reports/{q3.pk}/bulletin/"
    assert f"与{_h1.period}相比" in c.get(url).content.decode()  # default: the latest earlier
    c.post(url, {"version": 1, "previous": q1.pk})
    assert f"与{q1.period}相比" in c.get(url).content.decode()
    r = c.post(url, {"version": 2, "previous": generated_reports[3].pk}, follow=True)
    assert "更早的报告期" in r.content.decode()  # the annual report is later, refused


def test_a_liaison_does_not_read_other_units_entries_of_a_running_round(h, client_for,
                                                                        liaison_for):
    unit = client_for(liaison_for(h.units[0]))
    page = unit.get(f"/reports/{h.q3.pk}/documents/").content.decode()
    assert "data-download" not in page and "themes/" not in page
    for path in ("export.csv", "export.docx", "themes/", "moved/"):
        assert unit.get(f"/reports/{h.q3.pk}/{path}").status_code == 403, path
    # Published: the whole table is public anyway.
    assert unit.get(f"/reports/{h.h1.pk}/export.csv").status_code == 200


def test_duplicates_page_lists_seed_004_pairs(seed004_report, client_for):
    page = client_for(None).get(f"/plans/{seed004_report.plan_id}/duplicates/").content.decode()
    assert 'data-count="duplicates">3 ' in page
    assert page.count("<td class=\"num\">1.0</td>") == 3


def test_theme_drill_down_marks_every_theme_word_escaped(h, client_for, supervisor):
    from luoshi.core.models import Progress

    Progress.objects.filter(report=h.q3, problems__startswith="征地").update(
        problems="征地<b>拆迁</b>政策处理难度大。")
    page = client_for(supervisor).get(f"/reports/{h.q3.pk}/themes/?theme=relocation").content
    page = page.decode()
    assert "<mark>征地</mark>&lt;b&gt;<mark>拆迁</mark>&lt;/b&gt;<mark>政策处理</mark>" in page


def test_pack_pdf_arrives(h, client_for, supervisor):
    r = client_for(supervisor).get(f"/reports/{h.q3.pk}/pack.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")


def test_without_libreoffice_a_pdf_download_says_why(h, client_for, supervisor, monkeypatch,
                                                     capsys):
    from luoshi.cli import main
    from luoshi.reports import office

    monkeypatch.setattr(office, "soffice", lambda: None)
    r = client_for(supervisor).get(f"/reports/{h.q3.pk}/bulletin.pdf", follow=True)
    assert "libreoffice-writer-nogui" in r.content.decode()
    assert main(["bulletin", str(h.q3.pk), "--format", "pdf", "-o", "/dev/null"]) == 1
    assert "LibreOffice" in capsys.readouterr().err


def test_web_import_names_the_duplicate_pairs(client_for, supervisor, settings, tmp_path):
    from shared_docs import shared_path
    from web_import import confirm, preview

    settings.DATA_DIR = tmp_path
    data = shared_path("seeds", "004_fea78dcb383e1fba.txt").read_bytes()
    c = client_for(supervisor)
    job, _ = preview(c, data, "004.txt")
    _, page = confirm(c, {"job": job.pk})
    assert "任务 3 与任务 13 疑似重复(相似度 1.00)" in page
    assert page.count("疑似重复") == 3


BIG = str(2**70)


@pytest.mark.parametrize(("path", "query"), [
    ("moved/", {"compare": "²"}),
    ("moved/", {"compare": BIG}),
    ("bulletin/", {"version": "²"}),
    ("bulletin/", {"version": BIG}),
])
def test_odd_ids_in_the_query_are_ignored_not_a_500(h, client_for, supervisor, path, query):
    """An id read from a request goes through luoshi.core.ids.parse_id: "²" (isdigit() but not
    int()) and numbers past 64 bits name nothing instead of raising."""
    c = client_for(supervisor)
    BulletinDraft.objects.create(report=h.q3, version=1)
    assert c.get(f"/reports/{h.q3.pk}/{path}", query).status_code == 200


@pytest.mark.parametrize("gov", ["²", BIG, "x"])
def test_compare_ignores_odd_government_ids(h, client_for, gov):
    assert client_for(None).get("/compare/", {"q": "任务", "gov": gov}).status_code == 200


@pytest.mark.parametrize(("form", "message"), [
    ({"version": "²", "title": "甲"}, "版本号不是数字"),
    ({"version": "x", "title": "甲"}, "版本号不是数字"),
    ({"version": "1", "previous": "²"}, "对比报告期不存在或无权查看"),
    ({"version": "1", "previous": BIG}, "对比报告期不存在或无权查看"),
])
def test_bad_bulletin_form_is_a_chinese_error_and_nothing_saved(h, client_for, supervisor, form,
                                                                message):
    r = client_for(supervisor).post(f"/reports/{h.q3.pk}/bulletin/", form, follow=True)
    assert r.status_code == 200 and message in r.content.decode()
    assert not BulletinDraft.objects.filter(report=h.q3).exists()
