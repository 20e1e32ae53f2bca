"""Pages and downloads of the office's documents. Thin: every report comes from
``luoshi.web.access.visible_reports`` and every internal page asks ``permissions.check``.

Who sees what: the report's own exports, the themes, what moved and the comparison of
governments follow the report's visibility (the public: published reports only). The bulletin's
draft, the stocktake pack and the league table are internal (Action.BULLETIN: office, leaders,
admins); a printed (印发) bulletin is readable by whoever may read its report.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST

from luoshi.core.ids import parse_id
from luoshi.core.models import Government, Report
from luoshi.export import write_document
from luoshi.extract.themes import THEME_LABELS, THEMES
from luoshi.reports import bulletin as bl
from luoshi.reports import compare as cmp
from luoshi.reports import league as lg
from luoshi.reports import pack as packs
from luoshi.reports import problem_themes as pt
from luoshi.reports.bulletin import build_bulletin
from luoshi.reports.documents import document_for_report
from luoshi.reports.drafts import (
    SECTION_KEYS,
    DraftError,
    current_bulletin,
    previous_for,
    save_draft,
    set_published,
)
from luoshi.reports.models import BulletinDraft, LeagueWeights
from luoshi.reports.moved import DIRECTIONS, what_moved
from luoshi.reports.office import ConversionFailed, OfficeMissing, docx_to_pdf
from luoshi.rounds.permissions import Action, check, may, shown_assessments
from luoshi.web.access import public_reports, visible_plans, visible_reports
from luoshi.web.evidence import mark_span

REPORT_FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
}


def _report(request: HttpRequest, pk: int) -> Report:
    return get_object_or_404(
        visible_reports(request.user).select_related("plan__government", "period"), pk=pk)


def _whole_report(request: HttpRequest, pk: int) -> Report:
    """A report for a page showing every unit's entries: while a round runs, a liaison may read
    only their own units' entries (permissions.readable_entries), so the whole table of an
    unpublished report is for internal readers only."""
    report = _report(request, pk)
    if not report.is_published:
        check(request.user, Action.BULLETIN, report)
    return report


def _download(data: bytes, name: str, fmt: str) -> HttpResponse:
    response = HttpResponse(data, content_type=REPORT_FORMATS[fmt])
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(name)}.{fmt}"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name.replace("/", "-"), safe="")


def _pdf(request: HttpRequest, data: bytes, back: str) -> HttpResponse | bytes:
    try:
        return docx_to_pdf(data)
    except (OfficeMissing, ConversionFailed) as exc:
        messages.error(request, f"无法生成 PDF:{exc}")
        return redirect(back)


# --- the report's own exports and the documents page --------------------------------------


def documents(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    draft = BulletinDraft.objects.filter(report=report).first()
    internal = may(request.user, Action.BULLETIN, report)
    return render(request, "reports/documents.html", {
        "report": report, "internal": internal, "whole": report.is_published or internal,
        "bulletin_readable": internal or bool(draft and draft.published),
        "draft": draft, "formats": ["docx", "xlsx", "pdf", "csv", "json"],
    })


def report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = _whole_report(request, pk)
    if fmt not in ("docx", "xlsx", "pdf", "csv", "json"):
        raise Http404("不支持的格式")
    doc = document_for_report(report)
    name = f"{report.plan.government.name}{report.period}"
    if fmt == "pdf":
        result = _pdf(request, write_document(doc, "docx"), f"/reports/{pk}/documents/")
        if isinstance(result, HttpResponse):
            return result
        return _download(result, name, "pdf")
    return _download(write_document(doc, fmt), name, fmt)


# --- 督查通报 --------------------------------------------------------------------------------


def _bulletin_for(request: HttpRequest, report: Report):
    """(bulletin, draft, editable); 404 for a reader who may not see it."""
    draft = BulletinDraft.objects.filter(report=report).first()
    internal = may(request.user, Action.BULLETIN, report)
    if not internal and not (draft and draft.published):
        raise Http404("不存在或无权查看")
    previous = previous_for(report, visible_reports(request.user))
    return current_bulletin(report, previous), draft, may(request.user, Action.EDIT_BULLETIN,
                                                          report)


def bulletin(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if request.method == "POST":
        check(request.user, Action.EDIT_BULLETIN, report)
        chosen = request.POST.get("previous", "")
        chosen_id = parse_id(chosen)
        previous = (visible_reports(request.user).filter(pk=chosen_id).first()
                    if chosen_id is not None else None)
        version = parse_id(request.POST.get("version") or "0")
        try:
            if chosen and previous is None:
                raise DraftError("对比报告期不存在或无权查看")
            if version is None:
                raise DraftError("版本号不是数字,请重新打开通报页后再保存")
            save_draft(report, request.user, title=request.POST.get("title", ""),
                       texts={k: request.POST.get(k, "") for k in SECTION_KEYS
                              if k in request.POST},
                       expected_version=version, previous=previous)
        except DraftError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "通报稿已保存")
        return redirect("bulletin", pk=pk)
    b, draft, editable = _bulletin_for(request, report)
    viewing = None
    wanted = parse_id(request.GET.get("version", ""))
    if editable and draft is not None and wanted is not None:
        viewing = draft.revisions.filter(version=wanted).first()
        if viewing is not None:  # an earlier wording, shown read-only
            b = build_bulletin(report, previous_for(report, visible_reports(request.user)))
            b = b.with_edits(viewing.title or None, viewing.texts)
    earlier = (visible_reports(request.user)
               .filter(plan_id=report.plan_id, period__year=report.period.year,
                       period__month__lt=report.period.month)
               .select_related("period").order_by("-period__month"))
    quotes = [{"quote": q, "html": mark_span(q.text, *_inner(q), context=None)}
              for q in b.quotes]
    return render(request, "reports/bulletin.html", {
        "report": report, "bulletin": b, "draft": draft, "editable": editable,
        "version": draft.version if draft else 1,
        "revisions": draft.revisions.select_related("user")[:20] if draft and editable else [],
        "sections": [(s, _lines(s.text)) for s in b.sections], "quotes": quotes,
        "earlier": earlier, "draft_previous": draft.previous_id if draft else None,
        "viewing": viewing,
    })


def _mark_all(text: str, spans: list[tuple[int, int]]) -> SafeString:
    """``text`` escaped with every span in <mark> (spans in order, not overlapping)."""
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out += [escape(text[at:start]), "<mark>", escape(text[start:end]), "</mark>"]
        at = end
    out.append(escape(text[at:]))
    return mark_safe("".join(out))  # every piece of text is escaped


def _inner(q: bl.Quote) -> tuple[int, int]:
    i = q.text.find(q.evidence) if q.evidence else -1
    return (i, i + len(q.evidence)) if i >= 0 else (0, 0)


def _lines(text: str) -> list[tuple[bool, str]]:
    return [(bool(bl.SUB_HEADING.match(x.strip())), x.strip()) for x in text.splitlines()
            if x.strip()]


@require_POST
def bulletin_publish(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    check(request.user, Action.EDIT_BULLETIN, report)
    published = request.POST.get("published") == "1"
    set_published(report, request.user, published)
    messages.success(request, "通报已印发" if published else "通报已撤回")
    return redirect("bulletin", pk=pk)


def bulletin_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = _report(request, pk)
    b, _, _ = _bulletin_for(request, report)
    name = b.title
    if fmt == "md":
        return _download(bl.to_markdown(b).encode("utf-8"), name, "md")
    data = bl.to_docx(b)
    if fmt == "pdf":
        result = _pdf(request, data, f"/reports/{pk}/bulletin/")
        if isinstance(result, HttpResponse):
            return result
        return _download(result, name, "pdf")
    if fmt == "docx":
        return _download(data, name, "docx")
    raise Http404("不支持的格式")


# --- stocktake pack, league table ------------------------------------------------------------


def pack(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    check(request.user, Action.BULLETIN, report)
    the_pack = _build_pack(request, report)
    charts = {str(page.task.pk): [{"period": s["period"], "value": s["value"], "unit": s["unit"]}
                                  for s in page.series] for page in the_pack.pages}
    return render(request, "reports/pack.html", {"report": report, "pack": the_pack,
                                                 "charts": charts})


def _build_pack(request: HttpRequest, report: Report) -> packs.Pack:
    return packs.build_pack(report, visible_reports(request.user))


def pack_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = _report(request, pk)
    check(request.user, Action.BULLETIN, report)
    the_pack = _build_pack(request, report)
    data = packs.to_docx(the_pack)
    if fmt == "pdf":
        result = _pdf(request, data, f"/reports/{report.pk}/pack/")
        if isinstance(result, HttpResponse):
            return result
        return _download(result, the_pack.title, "pdf")
    if fmt != "docx":
        raise Http404("不支持的格式")
    return _download(data, the_pack.title, "docx")


SORTS = {k for k, _ in lg.COLUMNS}
MAX_PAIRS = 300  # pairs shown per list (the counts say how many there are)


def league(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    check(request.user, Action.BULLETIN, report)
    if request.method == "POST":
        check(request.user, Action.EDIT_BULLETIN, report)
        try:
            weights = lg.clean_weights({k: request.POST.get(k, "") for k in lg.DEFAULT_WEIGHTS})
        except lg.WeightsError as exc:
            messages.error(request, str(exc))
        else:
            LeagueWeights.objects.update_or_create(
                report=report, defaults={"weights": weights, "updated_by": request.user})
            messages.success(request, "权重已保存(仅用于本报告期的排名)")
        return redirect("league", pk=pk)
    weights = lg.weights_for(report)
    rows = lg.league_table(report, weights)
    sort = request.GET.get("sort", "rank")
    sort = sort if sort in SORTS else "rank"
    reverse = request.GET.get("dir") == "desc"
    rows_sorted = sorted(rows, key=lambda r: getattr(r, sort), reverse=reverse)
    chart = {"names": [r.unit for r in rows[:30]][::-1], "scores": [r.score for r in rows[:30]][::-1]}
    return render(request, "reports/league.html", {
        "report": report, "rows": rows_sorted, "columns": lg.COLUMNS, "sort": sort,
        "dir": "desc" if reverse else "asc", "chart": chart,
        "weights": [(k, lg.WEIGHT_LABELS[k], weights[k], lg.DEFAULT_WEIGHTS[k]) for k in weights],
        "editable": may(request.user, Action.EDIT_BULLETIN, report),
    })


def league_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = _report(request, pk)
    check(request.user, Action.BULLETIN, report)
    weights = lg.weights_for(report)
    rows = lg.league_table(report, weights)
    name = f"{report.plan.government.name}{report.period}单位排名"
    if fmt == "csv":
        return _download(lg.to_csv(rows), name, "csv")
    if fmt == "xlsx":
        return _download(lg.to_xlsx(rows, name, weights), name, "xlsx")
    raise Http404("不支持的格式")


# --- themes, what moved, duplicates, compare ---------------------------------------------------


def themes(request: HttpRequest, pk: int) -> HttpResponse:
    report = _whole_report(request, pk)
    plan_reports = visible_reports(request.user).filter(plan_id=report.plan_id)
    by_period = pt.counts_by_period(plan_reports)
    theme = request.GET.get("theme", "")
    tasks = []
    if theme in THEME_LABELS:
        for t in pt.drill_down(report, theme):
            for p in t.problems:
                p["html"] = [_mark_all(p["text"], p["hits"])]
            tasks.append(t)
    chart = {"periods": [str(r.period) for r, _ in by_period],
             "series": [{"key": th.key, "name": th.label,
                         "values": [c[th.key] for _, c in by_period]} for th in THEMES]}
    return render(request, "reports/themes.html", {
        "report": report, "themes": THEMES, "theme": theme,
        "theme_label": THEME_LABELS.get(theme, ""), "tasks": tasks, "chart": chart,
        "rows": [(r, [(th.key, c[th.key]) for th in THEMES]) for r, c in by_period],
    })


def moved(request: HttpRequest, pk: int) -> HttpResponse:
    report = _whole_report(request, pk)
    reports = visible_reports(request.user)
    others = reports.filter(plan_id=report.plan_id).exclude(pk=report.pk).select_related("period")
    chosen = parse_id(request.GET.get("compare", ""))
    previous = (others.filter(pk=chosen).first() if chosen is not None
                else previous_for(report, reports))
    result = (what_moved(report, previous, shown_assessments(request.user))
              if previous is not None else None)
    return render(request, "reports/moved.html", {
        "report": report, "previous": previous, "result": result, "others": others,
        "directions": [(k, label, result.groups[k] if result else []) for k, label in
                       DIRECTIONS.items()],
    })


def duplicates(request: HttpRequest, pk: int) -> HttpResponse:
    from luoshi.reports.duplicates import SIMILAR, THRESHOLD, plan_duplicates

    plan = get_object_or_404(visible_plans(request.user).select_related("government"), pk=pk)
    pairs = plan_duplicates(plan)
    duplicates = [p for p in pairs if p["duplicate"]]
    similar = [p for p in pairs if not p["duplicate"]]
    return render(request, "reports/duplicates.html", {
        "plan": plan, "duplicates": duplicates[:MAX_PAIRS], "similar": similar[:MAX_PAIRS],
        "counts": {"duplicates": len(duplicates), "similar": len(similar)},
        "threshold": THRESHOLD, "similar_from": SIMILAR, "max_pairs": MAX_PAIRS,
    })


def compare_governments(request: HttpRequest) -> HttpResponse:
    # Published reports only, whoever asks (researchers and the public compare what is public).
    reports = public_reports()
    q = request.GET.get("q", "").strip()[:100]
    theme = request.GET.get("theme", "")
    theme = theme if theme in THEME_LABELS else ""
    govs = [g for g in map(parse_id, request.GET.getlist("gov")) if g is not None][:20]
    rows = cmp.compare(reports, words=q.split(), theme=theme or None, governments=govs) if (
        q or theme) else []
    available = Government.objects.filter(plans__reports__in=reports).distinct().order_by("name")
    columns: dict[str, list] = {}
    for r in rows:
        columns.setdefault(f"{r.government} {r.period}", []).append(r)
    return render(request, "reports/compare.html", {
        "q": q, "theme": theme, "themes": THEMES, "governments": available, "chosen": govs,
        "columns": columns, "count": len(rows),
    })
