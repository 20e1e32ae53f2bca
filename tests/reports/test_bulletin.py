"""The 督查通报 from seed 004: a 公文 DOCX (GB/T 9704 layout checked), counts equal to the
dashboard's, every quoted reason an exact substring of the unit's own text; PDF by LibreOffice;
the comparison with the previous period of a generated plan."""

from __future__ import annotations

import re
import shutil

import docx
import pypdfium2
import pytest
from docx.enum.text import WD_UNDERLINE
from docx.oxml.ns import qn
from docx.shared import Pt
from web.conftest import SCREENSHOTS

from luoshi.cli import main
from luoshi.core.models import Assessment, Progress
from luoshi.core.services.summary import compare_reports
from luoshi.reports.bulletin import (
    build_bulletin,
    first_sentence,
    sentence_around,
    to_docx,
    to_markdown,
)
from luoshi.reports.facts import FLAGGED, STATUS_ORDER, status_label
from luoshi.reports.office import docx_to_pdf

pytestmark = pytest.mark.django_db


def _text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def _east_asia(style) -> str:
    return style.element.rPr.rFonts.get(qn("w:eastAsia"))


def _outline(paragraph) -> str | None:
    el = paragraph.style.element.pPr.find(qn("w:outlineLvl"))
    return None if el is None else el.get(qn("w:val"))


def test_bulletin_docx_from_seed_004_is_a_gongwen(seed004_report, tmp_path, supervisor, client):
    out = tmp_path / "b.docx"
    assert main(["bulletin", str(seed004_report.pk), "--format", "docx", "-o", str(out)]) == 0
    d = docx.Document(str(out))
    sec = d.sections[0]
    # GB/T 9704: A4, margins 37/35/28/26 mm.
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (sec.top_margin, sec.bottom_margin, sec.left_margin,
                                  sec.right_margin)] == [37, 35, 28, 26]
    title = d.paragraphs[0]
    assert title.style.name == "GW Title" and title.text.endswith("督查通报")
    assert _east_asia(title.style) == "方正小标宋简体" and title.style.font.size == Pt(22)
    body = d.styles["GW Body"]
    assert _east_asia(body) == "仿宋_GB2312" and body.font.size == Pt(16)
    h1 = [p for p in d.paragraphs if p.style.name == "GW Heading 1"]
    h2 = [p for p in d.paragraphs if p.style.name == "GW Heading 2"]
    assert [p.text for p in h1] == ["一、总体情况", "二、进展较好的工作", "三、存在的问题",
                                    "四、下一步工作建议"]
    assert _east_asia(h1[0].style) == "黑体" and _outline(h1[0]) == "0"
    assert h2 and all(re.match(r"^\([一二三四五六七八九十]+\)", p.text) for p in h2)
    assert _east_asia(h2[0].style) == "楷体_GB2312" and _outline(h2[0]) == "1"
    # Page numbers "— N —" in the odd and even footers.
    for footer in (sec.footer, sec.even_page_footer):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and footer.paragraphs[0].text.startswith("— ")
        assert footer.paragraphs[0].text.endswith(" —")
    assert len(d.tables) == 2  # the lagging-task list and the unit table

    # Every count equals the dashboard's.
    client.force_login(supervisor)
    ctx = client.get(f"/reports/{seed004_report.pk}/dashboard/").context
    by_status, totals = ctx["summary"]["by_status"], ctx["totals"]
    assert (totals.tasks, totals.entries) == (150, 184)  # seed 004: 150 tasks, 184 rows
    text = _text(d)
    overview = next(p.text for p in d.paragraphs if p.text.startswith("截至"))
    assert f"共{totals.tasks}项重点工作、{totals.entries}个工作事项" in overview
    for value in STATUS_ORDER:
        n = by_status.get(value, 0)
        assert f"{status_label(value)}{n}项,占{n / ctx['summary']['total'] * 100:.1f}%" in overview
    assert f"完成情况空白的工作事项{totals.empty}个,仅有套话的{totals.vague}个" in text
    flagged = by_status["behind"] + by_status["at_risk"] + by_status.get("not_started", 0)
    assert len(d.tables[0].rows) == flagged + 1
    assert flagged > 0
    units = [[c.text for c in row.cells] for row in d.tables[1].rows]
    header, body = units[0], units[1:]
    column = {h: [int(r[i]) for r in body] for i, h in enumerate(header) if h != "牵头单位"}
    assert sum(column["任务数"]) == totals.tasks and sum(column["空白"]) == totals.empty
    for value in STATUS_ORDER:
        assert sum(column[status_label(value)]) == by_status.get(value, 0)

    # Every quoted reason is an exact substring of the unit's text, and quoted in the DOCX.
    b = build_bulletin(seed004_report)
    assert b.quotes, "seed 004 has lagging tasks with reasons"
    entries = Progress.objects.in_bulk([q.entry_id for q in b.quotes])
    for q in b.quotes:
        source = getattr(entries[q.entry_id], q.field)
        assert source[q.start:q.end] == q.text and q.text
        assert q.evidence in q.text
        assert f"“{q.text}”" in text
    # The evidence inside each quotation is underlined (dotted) in the DOCX.
    underlined = {r.text for p in d.paragraphs for r in p.runs
                  if r.underline == WD_UNDERLINE.DOTTED}
    assert {q.evidence for q in b.quotes if q.evidence} <= underlined
    assert any(q.evidence for q in b.quotes)


def test_bulletin_converts_to_pdf_with_libreoffice(seed004_report, tmp_path):
    assert shutil.which("soffice"), "LibreOffice is needed (.ci/run installs it)"
    out = tmp_path / "b.pdf"
    assert main(["bulletin", str(seed004_report.pk), "--format", "pdf", "-o", str(out)]) == 0
    pdf = pypdfium2.PdfDocument(str(out))
    assert len(pdf) >= 3
    first = pdf[0].get_textpage().get_text_range()
    assert "督查通报" in first.replace("\r", "").replace("\n", "")
    assert "一、总体情况" in first
    # The rendered 公文 pages as images, kept with the run's screenshots (first and last page:
    # the title block, and an attachment table).
    shots = SCREENSHOTS
    shots.mkdir(parents=True, exist_ok=True)
    for name, index in (("bulletin-pdf-page-1", 0), ("bulletin-pdf-page-last", len(pdf) - 1)):
        image = pdf[index].render(scale=1.5).to_pil()
        assert image.width > 800 and image.getextrema() != ((255, 255),) * 3  # not blank
        image.save(shots / f"{name}.png")


def test_comparison_with_the_previous_period(generated_reports):
    h1, q3 = generated_reports[1], generated_reports[2]
    b = build_bulletin(q3, h1)
    overview = b.section("overview").text
    assert f"与{h1.period}相比" in overview
    delta = compare_reports(q3, h1)["by_status_delta"]
    for value, d in delta.items():
        if d:
            assert f"{status_label(value)}{'增加' if d > 0 else '减少'}{abs(d)}项" in overview
    md = to_markdown(b)
    assert md.startswith("# 关于") and "## 附件1" in md
    # The compared bulletin is a DOCX too, stating the same change.
    d = docx.Document(__import__("io").BytesIO(to_docx(b)))
    assert f"与{h1.period}相比" in _text(d)
    change = compare_reports(q3, h1)
    flagged_now = {r[0] for r in b.attachments[0].rows}
    assert flagged_now
    assert f"(其中较上期新增{len(change['newly_flagged'])}项)" in b.section("problems").text


def test_previous_period_is_found_by_the_command(generated_reports, tmp_path):
    q3 = generated_reports[2]
    out = tmp_path / "b.md"
    assert main(["bulletin", str(q3.pk), "--format", "md", "-o", str(out)]) == 0
    assert f"与{generated_reports[1].period}相比" in out.read_text(encoding="utf-8")


def test_missing_report_is_a_clear_error(capsys):
    assert main(["bulletin", "424242", "--format", "md"]) == 1
    assert "luoshi bulletin: 没有编号为 424242 的报告" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "span", "quote"), [
    ("资金不足。用地未批,进度滞后。", "滞后", "用地未批,进度滞后。"),
    ("1.资金不足\n2.进度缓慢", "缓慢", "进度缓慢"),
    ("受疫情影响,进度有所滞后", "滞后", "受疫情影响,进度有所滞后"),
    ("一是审批慢;二是征迁难。三是其他。", "征迁难。", "二是征迁难。"),
])
def test_sentence_around_the_evidence(text, span, quote):
    s = text.index(span)
    a, b = sentence_around(text, s, s + len(span))
    assert text[a:b] == quote


@pytest.mark.parametrize(("text", "quote"), [
    ("1.加快建设。2.强化督查。", "加快建设。"),
    ("  (1)组织评审;(2)开展验收", "组织评审"),
    ("第四季度完成验收", "第四季度完成验收"),
    ("无", None),
    ("——", None),
    ("", None),
    ("1.", None),
])
def test_first_sentence_of_a_next_steps_cell(text, quote):
    bounds = first_sentence(text)
    assert (text[bounds[0]:bounds[1]] if bounds else None) == quote


def test_next_steps_section_is_drawn_from_the_units_words(seed004_report):
    """四、下一步工作建议: the themes' suggestions, then every ask of a lagging task (需…协调) and
    each lagging task's own first next step, quoted from the unit's text."""
    b = build_bulletin(seed004_report)
    text = b.section("next").text
    heads = [line for line in text.splitlines() if re.match(r"^\([一二三]\)", line)]
    assert heads == ["(一)针对存在的问题", "(二)需协调解决的事项", "(三)牵头单位下一步措施"]
    flagged = set(Assessment.objects.filter(report=seed004_report, status__in=FLAGGED)
                  .values_list("task_id", flat=True))
    entries = Progress.objects.filter(report=seed004_report).select_related("task")
    with_steps = {p.task.parent_id or p.task_id for p in entries
                  if (p.task.parent_id or p.task_id) in flagged
                  and p.next_steps.strip() not in ("", "无")}
    lines = text.splitlines()
    stated = lines[lines.index("(三)牵头单位下一步措施") + 1:]
    stated = [line for line in stated if re.match(r"^\d+\.", line)]
    assert len(stated) == len(with_steps) > 20  # one per lagging task with a next step
    steps = {q.text: q for q in b.quotes if q.field == "next_steps"}
    for line in stated:
        quoted = re.search(r"“(.+)”$", line).group(1)
        assert quoted in steps and not re.match(r"\d+[.、.]", quoted)
    # Task 51's problems ask for the leaders' coordination (需要…沟通协调): quoted under (二).
    ask = next(line for line in text.splitlines() if "(任务51)提出" in line)
    assert "需要领导层进行沟通协调。”" in ask
    for q in b.quotes:  # every quotation, old and new, is the unit's own text
        assert getattr(Progress.objects.get(pk=q.entry_id), q.field)[q.start:q.end] == q.text


def test_docx_of_an_empty_report_still_opens(db):
    from luoshi.core.models import Government, Period, Plan, Report

    gov = Government.objects.create(name="空白县")
    plan = Plan.objects.create(government=gov, year=2024)
    period = Period.objects.create(year=2024, kind="h1", month=6, label="半年度")
    report = Report.objects.create(plan=plan, period=period)
    b = build_bulletin(report)
    d = docx.Document(__import__("io").BytesIO(to_docx(b)))
    assert "本期未发现滞后或有风险的工作。" in _text(d)


def test_pdf_conversion_reports_a_broken_file():
    from luoshi.reports.office import ConversionFailed

    with pytest.raises(ConversionFailed):
        docx_to_pdf(b"not a word file")


def test_export_pdf_of_a_report(tmp_path):
    from luoshi.core.services.importing import import_document
    from luoshi.sample import generate_plan

    doc = generate_plan(seed=3, government="安澜市", year=2023, n_tasks=6)[0]
    report_id = import_document(doc, file_name="g.json").report_id
    out = tmp_path / "r.pdf"
    assert main(["export", str(report_id), "--format", "pdf", "-o", str(out)]) == 0
    pdf = pypdfium2.PdfDocument(str(out))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    text = "".join(text.split())
    assert doc.tasks[0].text[:8] in text


def test_bulletin_queries_do_not_grow_with_the_tasks(seed004_report, generated_reports):
    """No query runs per task row: seed 004's 150 tasks and a 40-task plan take as many queries
    (a per-row query would add over a hundred)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(report, previous=None) -> int:
        with CaptureQueriesContext(connection) as ctx:
            to_docx(build_bulletin(report, previous))
        return len(ctx.captured_queries)

    big, small = queries(seed004_report), queries(generated_reports[0])
    assert big <= small + 5, (big, small)
    assert big < 40, big
