"""The task list: filters, search, sorting, pages, and the CSV of the same view."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.http import urlencode

from luoshi.core.models import Period, Plan, Unit
from luoshi.export.csv import formula_escape
from luoshi.rounds.permissions import rule_inputs
from luoshi.search.backends import page_in_list_order
from luoshi.search.tokens import query_words
from luoshi.web import pagecache, prepared
from luoshi.web.access import (
    scope_key,
    shown_assessments,
    shown_progress,
    visible_index_rows,
    visible_plans,
    visible_reports,
)
from luoshi.web.forms import TaskFilterForm
from luoshi.web.list_rows import rows_html
from luoshi.web.listing import (
    FIELDS,
    ROW_FIELDS,
    Filters,
    build_rows,
    filter_entries,
    lead_of,
    search_scope,
)
from luoshi.web.statuses import status_label, statuses_available

PER_PAGE = 50
CSV_CHUNK = 500
SEARCH_CAP = 1000  # a search counts its matches up to here (a common word matches most rows)
# A dense search's page is looked for among this many first rows of the list per row of the
# list up to the page's end, when that is at most 2 × SEARCH_CAP rows (CappedPaginator).
SEARCH_SHARE = 40
# The sorts whose order is total and has an index in every scope (the tasks' own rows:
# taskentry_tasks; a period's: taskentry_period; a report's: taskentry_report_order).
INDEXED_SORTS = frozenset({"order"})


class CappedPaginator(Paginator):
    """Counts at most ``cap`` + 1 rows: pages stop there and the page says "more than".

    A *dense* search, one whose count reaches past the cap (more than ``cap`` matching rows;
    1 000 for the list: at least 1 % of 100 000 tasks), given ``unsearched`` (the same rows
    without the search, in an order that is total and has an index), has its page looked for
    among the first ``share`` × (the page's end) rows of that order, when that is at most
    2 × ``cap`` rows (luoshi.search.backends.page_in_list_order), and read as usual when it
    is not all there. So with a cap of 1 000 and 50 rows a page, the first page, among the
    list's first 2 000 rows: found when at least 1 in 40 of them match. Why at most 2 ×
    ``cap``: the usual plan of a capped search fetches at least ``cap`` + 1 matches and sorts
    them, and a row walked costs about what a match fetched does, so a walk that does not
    fill the page costs at most about twice the cheapest usual plan; one that does replaces
    fetching every match: the first page of a search matching 9 % of 100 000 tasks reads
    ~600 rows instead of fetching and sorting 9 100 (~90 000 of a million). Deeper pages
    (rarely read) and searches within the cap keep the usual plan. Same rows, same order:
    only the plan changes.
    """

    def __init__(self, object_list, per_page: int, cap: int, *, unsearched=None,
                 words=(), scope: str | None = None, share: int = 0):
        super().__init__(object_list, per_page)
        self.cap = cap
        self.unsearched, self.words, self.scope, self.share = unsearched, words, scope, share

    @cached_property
    def count(self) -> int:
        # How many of the first cap + 1 does not depend on their order: without ORDER BY the
        # database stops at cap + 1 matches instead of sorting every match first.
        return self.object_list.order_by()[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.cap

    def page(self, number):
        page = super().page(number)
        sliced = page.object_list.query
        window = self.share * (sliced.high_mark or 0)
        if self.unsearched is not None and self.capped and 0 < window <= 2 * self.cap:
            found = page_in_list_order(self.unsearched, list(self.words), self.scope,
                                       sliced.low_mark, sliced.high_mark, window)
            if found is not None:
                page.object_list = found
        return page


def _form(request: HttpRequest, version=None) -> TaskFilterForm:
    plans = visible_plans(request.user)
    periods = Period.objects.filter(reports__in=visible_reports(request.user)).distinct()
    scope = scope_key(request.user)

    def remember(name: str, build):
        # The menus depend on the data and the viewer's scope: kept for the data version.
        return pagecache.cached(f"task-form:{scope}:{name}", build, version=version)

    return TaskFilterForm(request.GET or None, plans=plans, periods=periods,
                          with_status=remember("statuses", statuses_available),
                          remember=remember, rules=rule_inputs(request.user))


def _query(request: HttpRequest, version=None):
    """``version``: the data version read before anything else (None: read it here; no
    cache when there is none)."""
    if version is None:
        version = pagecache.current()
    form = _form(request, version)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    filters = Filters.from_form(data)
    every = pagecache.cached(
        f"all-plans:{scope_key(request.user)}", lambda: _sees_every_plan(request.user),
        version=version)
    report = _chosen_report(request, filters)
    return form, filters, Listed(request.user, filters, every, report), report


class Listed:
    """The index rows a list shows (luoshi.web.listing.filter_entries with the viewer's
    rules), as a queryset (``queryset``, the CSV), or read through statements kept per shape
    of the filters (``kept``, the page; luoshi.web.prepared): the chosen plan, period, unit
    and report are the statements' slots, everything else the filters decide (which of them
    are chosen, the role, the status, the order, the viewer's rules) is their key. A search
    is a queryset: its words are values of the statement, not ids."""

    def __init__(self, user, filters: Filters, every_plan: bool, report: dict | None):
        self.user, self.filters, self.every_plan = user, filters, every_plan
        self.report = report["pk"] if report else None
        self.words = query_words(filters.q)

    def build(self, plan: int | None = None, period: int | None = None,
              unit: int | None = None, report: int | None = None, searched: bool = True):
        """The rows' queryset for these ids of the chosen plan, period, unit and report
        (``searched`` False: without the search words)."""
        f = self.filters if searched else replace(self.filters, q="")
        chosen = replace(f, plan=None if plan is None else Plan(pk=plan),
                         period=None if period is None else Period(pk=period),
                         unit=None if unit is None else Unit(pk=unit))
        entries, _words = filter_entries(
            chosen, None if self.every_plan else visible_plans(self.user),
            rows=visible_index_rows(self.user), assessments=shown_assessments(self.user),
            report=report)
        return entries.values(*ROW_FIELDS)

    def slots(self) -> dict[str, int]:
        f = self.filters
        chosen = {"plan": f.plan, "period": f.period, "unit": f.unit}
        found = {name: value.pk for name, value in chosen.items() if value is not None}
        if self.report is not None:
            found["report"] = self.report
        return found

    def queryset(self, searched: bool = True):
        return self.build(**self.slots(), searched=searched)

    def kept(self) -> KeptRows:
        f = self.filters
        key = ("task_list.entries", rule_inputs(self.user), self.every_plan,
               tuple(self.slots()), f.role, f.status, f.sort)
        return KeptRows(key, self.build, self.slots())


class KeptRows:
    """A list's rows through kept statements (luoshi.web.prepared): what Paginator asks of
    them, their count and slices (a slice's bounds are written into its statement: part of
    its key)."""

    def __init__(self, key: tuple, build, slots: dict[str, int]):
        self.key, self.build, self.slots = key, build, slots

    def count(self) -> int:
        return prepared.count(self.key, self.build, **self.slots)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, part: slice) -> list[dict]:
        start, stop = part.start, part.stop
        return prepared.rows((self.key, start, stop),
                             lambda **slots: self.build(**slots)[start:stop], **self.slots)


def _sees_every_plan(user) -> bool:
    """Whether the user may see every plan: then no restriction at all, since an IN over all
    plans only misleads the query planner into sorting every row (100 000 tasks: 60 ms more a
    page)."""
    return not prepared.rows(("task_list.hidden_plan", rule_inputs(user)), lambda: (
        Plan.objects.exclude(pk__in=visible_reports(user).values("plan_id")).order_by()
        .values_list("pk")[:1]))


def _querystring(request: HttpRequest, **changes) -> str:
    params = {k: v for k, v in request.GET.items() if v not in ("", None) and k != "page"}
    params.update({k: v for k, v in changes.items() if v is not None})
    return urlencode(params)


def page_key(request: HttpRequest, name: str) -> str:
    """A cache key for a fragment of ``name`` that depends on the query string, the viewer's
    scope (luoshi.web.access.scope_key: who sees the same rows); pagecache.cached adds the
    language to every key."""
    params = urlencode(sorted((k, v) for k, values in request.GET.lists() for v in values))
    return f"{name}:{scope_key(request.user)}:{params}"


@pagecache.whole_page  # an anonymous reader's whole page
def task_list(request: HttpRequest) -> HttpResponse:
    # Everything below the site header depends only on the query, the viewer's scope and
    # the data: cached by the data version (luoshi.web.pagecache).
    version = pagecache.current()
    content = pagecache.cached(page_key(request, "tasks"),
                               lambda: _list_content(request, version), version=version)
    return render(request, "web/task_list.html", {"content": content})


def _list_content(request: HttpRequest, version) -> str:
    form, filters, listed, report = _query(request, version)
    words = listed.words
    if words:
        unsearched = listed.queryset(searched=False) if filters.sort in INDEXED_SORTS else None
        paginator = CappedPaginator(listed.queryset(), PER_PAGE, SEARCH_CAP,
                                    unsearched=unsearched, words=words,
                                    scope=search_scope(filters), share=SEARCH_SHARE)
    else:
        paginator = Paginator(listed.kept(), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    names = ["plan", "period", "unit", "role", "sort"] + (["status"] if "status" in form.fields else [])
    rows = build_rows(list(page.object_list), words, **_shown(request.user))
    context = {
        "form": form,
        "menus": {name: form.menu(name) for name in names},
        "filters": filters,
        "page": page,
        "rows": rows,
        "rows_html": rows_html(rows, with_period=filters.period is not None,
                               with_status="status" in form.fields),
        "query": _querystring(request),
        "csv_url": reverse("task_list_csv") + "?" + _querystring(request),
        "report": report,
    }
    return render_to_string("web/task_list_content.html", context, request)


def _chosen_report(request: HttpRequest, filters: Filters) -> dict | None:
    """The visible report of the chosen plan and period (what the heading and its links
    need, in one query), or None."""
    if filters.plan is None or filters.period is None:
        return None
    found = next(iter(prepared.rows(
        ("task_list.report", rule_inputs(request.user)), lambda plan, period: (
            visible_reports(request.user).filter(plan_id=plan, period_id=period)
            .values("pk", "plan__government__name").order_by("pk")[:1]),
        plan=filters.plan.pk, period=filters.period.pk)), None)
    return found and {"pk": found["pk"], "government": found["plan__government__name"],
                      "period": filters.period}


def report_tasks(request: HttpRequest, pk: int) -> HttpResponse:
    """One report's tasks: the task list filtered to its plan and period."""
    report = get_object_or_404(visible_reports(request.user), pk=pk)
    return redirect(reverse("task_list") + "?" + urlencode(
        {"plan": report.plan_id, "period": report.period_id}))


class _Echo:
    def write(self, value: str) -> str:
        return value


def _shown(user) -> dict:
    # Lazy: build_rows reads them through statements kept per rules (luoshi.web.prepared),
    # so the querysets are built only when a statement is compiled (or a list is empty).
    return {"progress": SimpleLazyObject(lambda: shown_progress(user)),
            "assessments": SimpleLazyObject(lambda: shown_assessments(user)),
            "rules": rule_inputs(user)}


def _csv_lines(entries, words, with_period: bool, shown: dict) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # UTF-8 BOM: spreadsheet programs then read the Chinese correctly
    # The columns are named as in the published tables (data: a spreadsheet reads them).
    header = ["地区", "年度", "序号", "任务内容", "牵头单位", "责任单位"]  # i18n: data
    if with_period:
        header += ["报告期", "完成情况", "存在问题及困难", "下一步工作", "填报条数", "空白条数",
                   "笼统条数", "状态", "状态理由"]  # i18n: data
    yield writer.writerow(header)
    chunk = []
    for entry in entries.iterator(chunk_size=CSV_CHUNK):
        chunk.append(entry)
        if len(chunk) == CSV_CHUNK:
            yield from _csv_rows(writer, chunk, words, with_period, shown)
            chunk = []
    if chunk:
        yield from _csv_rows(writer, chunk, words, with_period, shown)


def _csv_rows(writer, chunk, words, with_period: bool, shown: dict) -> Iterator[str]:
    for row in build_rows(chunk, words, full=with_period, **shown):
        e = row.entry
        cells = [row.government, e["year"], row.serial, row.task_text, lead_of(row),
                 "、".join(u.name for u in row.units)]
        if with_period:
            cells += [row.period]
            cells += [row.progress.get(name, "") for name in FIELDS]
            cells += [e["entries"], e["empty"], e["vague"], status_label(row.status),
                      row.reason]
        # A cell starting with = + - @ would run as a formula in a spreadsheet: one rule for
        # every CSV.
        yield writer.writerow([formula_escape(c) for c in cells])


def task_list_csv(request: HttpRequest) -> StreamingHttpResponse:
    _form, filters, listed, _report = _query(request)
    response = StreamingHttpResponse(
        _csv_lines(listed.queryset(), listed.words, filters.period is not None, _shown(request.user)),
        content_type="text/csv; charset=utf-8",  # i18n: data
    )
    response["Content-Disposition"] = 'attachment; filename="tasks.csv"'  # i18n: data
    return response
