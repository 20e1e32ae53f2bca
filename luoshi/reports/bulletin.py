"""督查通报: the office's periodic bulletin for one report, built from its facts.

    bulletin = build_bulletin(report, previous=None)      # a Bulletin (plain data)
    text = to_markdown(bulletin)                          # docx: luoshi.reports.gongwen

Sections (GB/T 9704 numbering): 一、总体情况 (counts and shares per status, change since the
previous period), 二、进展较好的工作 (done/ahead tasks with their figures), 三、存在的问题 (the
red and amber tasks grouped by problem theme, each with its lead unit, its figure against the
time share and the unit's own words quoted; then the units whose entries were late, empty,
boilerplate or returned; then the approved 延期/调整申请 with old → new and the unit's reason,
see ``facts.load_changes``), 四、下一步工作建议. Attachments: the lagging-task list and the unit table.

Every quotation is an exact substring of a unit's text: the sentence of the problems (or done)
cell holding the analysis' evidence span, else the cell's first sentence; ``Bulletin.quotes``
keeps where each came from. A section's text is editable (``BulletinDraft``); a line starting
with (一)…(十) is a second-level heading, every other line a paragraph.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from luoshi.core.models import Report
from luoshi.core.services.summary import compare_reports
from luoshi.extract.themes import OTHER, THEME_LABELS, THEMES, asks, says_no_problem, themes_of
from luoshi.reports.facts import (
    FLAGGED,
    GOOD,
    STATUS_ORDER,
    ReportFacts,
    TaskFacts,
    figure_line,
    load_facts,
    status_label,
)
from luoshi.rounds.permissions import filed_assessments
from luoshi.web import dashboard

CN_NUMBERS = "一二三四五六七八九十"
SUB_HEADING = re.compile(r"^[(（][一二三四五六七八九十]+[)）]")
UNSTATED = "unstated"
QUOTE_LEADS = {"problems": "单位反映", "done": "单位报送", "next_steps": "单位计划"}
# One suggestion per problem theme, for 四、下一步工作建议 (the office edits them).
THEME_ADVICE = {
    "funding": "财政部门会同牵头单位梳理资金缺口,统筹安排、加快拨付,积极争取上级资金和专项债券支持。",
    "land": "资源规划部门优先保障重点项目用地,加快规划调整和用地报批。",
    "approval": "审批部门开辟绿色通道,实行并联审批、容缺受理,压缩审批时限。",
    "relocation": "属地政府压实征迁和政策处理责任,倒排时间节点,限期清零。",
    "external": "密切跟踪疫情和外部环境变化,及时调整工作计划,落实惠企纾困政策。",
    "staffing": "加强人才引进和队伍建设,充实一线工作力量。",
    "investment": "加大招商引资和项目招引力度,推动签约项目尽快落地。",
    "coordination": "牵头单位主动对接,配合单位各司其职,需上级协调的事项及时提请本级政府协调解决。",
    "technical": "加快技术攻关和系统建设,会同上级部门明确标准、打通数据。",
    "weather": "科学安排施工计划,抢抓有利天气和施工窗口期。",
    OTHER: "各牵头单位对照目标任务查找差距,逐项制定整改措施。",
    UNSTATED: "未说明原因的滞后任务,牵头单位应补充说明原因和措施。",
}


@dataclass
class Quote:
    task_id: int
    entry_id: int
    field: str  # problems / done / next_steps
    start: int  # entry's field[start:end] == text
    end: int
    text: str
    evidence: str  # the analysis' span inside it ('' when none)


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    key: str
    heading: str
    text: str  # lines; "(一)…" lines are sub-headings


@dataclass
class Bulletin:
    report_id: int
    title: str
    subtitle: str
    sections: list[Section]
    attachments: list[Table]
    quotes: list[Quote] = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # the figures section 一 states
    previous_id: int | None = None

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def with_edits(self, title: str | None, texts: dict[str, str]) -> Bulletin:
        """This bulletin with the office's wording (a draft) in place of the generated."""
        sections = [Section(s.key, s.heading, texts.get(s.key, s.text)) for s in self.sections]
        return Bulletin(self.report_id, title or self.title, self.subtitle, sections,
                        self.attachments, self.quotes, self.counts, self.previous_id)


def _share(n: int, total: int) -> str:
    return f"{n / total * 100:.1f}%" if total else "0%"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split()).rstrip("。;")
    return text if len(text) <= limit else text[: limit - 1] + "…"


_SENTENCE_END = "。;;!?!?\n"


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence(s) of ``text`` holding ``text[start:end]`` (ends kept, spaces and
    list numbers trimmed), so a quotation reads whole and stays a substring."""
    a = start
    while a > 0 and text[a - 1] not in _SENTENCE_END:
        a -= 1
    b = end
    if not (end > start and text[end - 1] in _SENTENCE_END):
        while b < len(text) and text[b] not in _SENTENCE_END:
            b += 1
        if b < len(text) and text[b] != "\n":
            b += 1  # keep the sentence's own full stop
    m = re.match(r"\s*(?:\d{1,2}[.、.]|[(（]\d{1,2}[)）])?\s*", text[a:start])
    if m:
        a += m.end()
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def quote_for(task: TaskFacts) -> Quote | None:
    """The unit's own words for why ``task`` lags (see the module docstring)."""
    entries = {e.pk: e for e in task.entries}
    for ev in task.evidence:
        entry = entries.get(ev.get("progress"))
        name = ev.get("field")
        if entry is None or name not in ("problems", "done", "next_steps"):
            continue
        text = getattr(entry, name)
        s, e = int(ev.get("start") or 0), int(ev.get("end") or 0)
        if text[s:e] != ev.get("text") or not ev.get("text"):
            continue  # the entry changed since the analysis
        a, b = sentence_around(text, s, e)
        return Quote(task.pk, entry.pk, name, a, b, text[a:b], ev["text"])
    for entry in task.entries:
        text = entry.problems
        if text.strip() and themes_of(text):
            first = next(i for i, ch in enumerate(text) if not ch.isspace())
            a, b = sentence_around(text, first, first + 1)
            return Quote(task.pk, entry.pk, "problems", a, b, text[a:b], "")
    return None


def theme_of(task: TaskFacts, quote: Quote | None) -> str:
    """The theme a lagging task is listed under: the first theme of its quoted sentence, else
    of its whole problems text; ``unstated`` when it gives no problem at all."""
    for text in ((quote.text if quote and quote.field == "problems" else ""), task.joined("problems")):
        found = [k for k in themes_of(text) if k != OTHER]
        if found:
            return found[0]
    return OTHER if themes_of(task.joined("problems")) else UNSTATED


def _overview(f: ReportFacts, previous: Report | None, change: dict | None) -> tuple[str, dict]:
    r = f.report
    total = f.summary["total"]
    counts = {v: f.by_status.get(v, 0) for v in STATUS_ORDER}
    parts = [f"{status_label(v)}{n}项,占{_share(n, total)}" for v, n in counts.items()]
    unfiled = f.unfiled_tasks
    unjudged = f.totals.tasks - total - unfiled
    judged = (f"其中{total}项已作状态分析"
              + (f",{unfiled}项未填报(不计入状态)" if unfiled else "")
              + (f",{unjudged}项尚无可分析的内容" if unjudged > 0 else "") + ";")
    lines = [
        f"截至{r.period.year}年{r.period.month}月底,{r.plan}共{f.totals.tasks}项重点工作、"
        f"{f.totals.entries}个工作事项,时间进度{f.share_elapsed * 100:.0f}%。"
        + (judged if unjudged > 0 or unfiled else "")
        + f"经逐项分析,{';'.join(parts)}。"
    ]
    if change is not None and previous is not None:
        moves = []
        for v in STATUS_ORDER:
            d = change["by_status_delta"].get(v, 0)
            if d:
                moves.append(f"{status_label(v)}{'增加' if d > 0 else '减少'}{abs(d)}项")
        lines.append(f"与{previous.period}相比,{'、'.join(moves) or '各类状态数量无变化'}。")
    lines.append(f"完成情况空白的工作事项{f.totals.empty}个,仅有套话的{f.totals.vague}个。")
    return "\n".join(lines), {"tasks": f.totals.tasks, "entries": f.totals.entries,
                              "empty": f.totals.empty, "vague": f.totals.vague,
                              "total": total, "by_status": counts}


def _good(f: ReportFacts) -> str:
    lines = []
    for v in GOOD:
        tasks = [t for t in f.tasks if t.status == v]
        if not tasks:
            continue
        lines.append(f"({CN_NUMBERS[len([x for x in lines if SUB_HEADING.match(x)])]})"
                     f"{status_label(v)}的工作({len(tasks)}项)")
        for n, t in enumerate(tasks, 1):
            figure = figure_line(t)
            lines.append(f"{n}.{_short(t.text)}(牵头单位:{t.lead or '未列'})"
                         + (f"。{figure}。" if figure else "。"))
    return "\n".join(lines) or "本期暂无已完成或超进度的工作。"


def _filing(f: ReportFacts) -> list[str]:
    """Units whose entries were empty, boilerplate, late or returned, named with counts."""
    deadline, now = f.report.deadline, timezone.now()
    kinds = {"empty": Counter(), "boilerplate": Counter(), "late": Counter(), "returned": Counter()}
    for t in f.tasks:
        who = t.lead or "未列牵头单位"
        for e in t.entries:
            if e.empty:
                kinds["empty"][who] += 1
            elif e.boilerplate:
                kinds["boilerplate"][who] += 1
            if e.filing(deadline, now) == "late":
                kinds["late"][who] += 1
            if e.returns:
                kinds["returned"][who] += 1
    labels = {"empty": "完成情况空白", "boilerplate": "仅有套话、无实质内容",
              "late": "逾期报送或逾期未报",
              "returned": "被退回修改"}
    out = []
    for key, counter in kinds.items():
        if counter:
            names = "、".join(f"{u}({n}项)" for u, n in
                             sorted(counter.items(), key=lambda x: (-x[1], x[0])))
            out.append(f"{labels[key]}:{names}。")
    return out


def _problems(f: ReportFacts, quotes: list[Quote],
              change: dict | None = None) -> tuple[str, list[TaskFacts]]:
    flagged = sorted((t for t in f.tasks if t.status in FLAGGED),
                     key=lambda t: (FLAGGED.index(t.status), t.position, t.pk))
    groups: dict[str, list[tuple[TaskFacts, Quote | None]]] = defaultdict(list)
    for t in flagged:
        q = quote_for(t)
        if q:
            quotes.append(q)
        groups[theme_of(t, q)].append((t, q))
    order = [th.key for th in THEMES] + [UNSTATED]
    lines = []
    if flagged:
        counts = Counter(t.status for t in flagged)
        intro = "、".join(f"{status_label(v)}{counts[v]}项" for v in FLAGGED if counts[v])
        if change is not None:
            new = len(set(change["newly_flagged"]) & {t.pk for t in flagged})
            intro += f"(其中较上期新增{new}项)"
        lines.append(intro + ",按问题类型分列如下。")
    k = 0
    for key in order:
        if key not in groups:
            continue
        label = THEME_LABELS.get(key, "未说明原因")
        lines.append(f"({CN_NUMBERS[k]}){label}方面({len(groups[key])}项)")
        k += 1
        for n, (t, q) in enumerate(groups[key], 1):
            figure = figure_line(t, f.share_elapsed)
            line = f"{n}.{_short(t.text)}(牵头单位:{t.lead or '未列'},{status_label(t.status)})。"
            if figure:
                line += figure + "。"
            if q:
                line += f"{QUOTE_LEADS.get(q.field, '单位原文')}:“{q.text}”"
            else:
                line += f"分析依据:{t.reason}。"
            lines.append(line)
    filing = _filing(f)
    if filing:
        lines.append(f"({CN_NUMBERS[min(k, 9)]})报送质量方面")
        lines.extend(filing)
    return "\n".join(lines) or "本期未发现滞后或有风险的工作。", flagged


def _changes(f: ReportFacts, problems: str) -> str:
    """The approved 延期/调整申请 (``facts.load_changes`` says which) as a last sub-item of
    三、存在的问题: one line each with the task, the unit, the kind, old → new and the unit's
    reason; '' when there are none."""
    if not f.changes:
        return ""
    k = sum(1 for line in problems.splitlines() if SUB_HEADING.match(line.strip()))
    lines = [f"({CN_NUMBERS[min(k, 9)]})任务调整方面", f"本期同意调整事项{len(f.changes)}项:"]
    what = {"deadline": "完成时限", "target": "目标", "scope": "任务内容"}
    for n, c in enumerate(f.changes, 1):
        old = _short(c.old, 30) if c.old else "未设定"
        lines.append(f"{n}.{f'任务{c.serial} ' if c.serial else ''}{_short(c.text)}({c.unit},"
                     f"{c.kind_label}):{what.get(c.kind, '')}由{old}调整为{_short(c.new, 30)}。"
                     f"单位理由:{_short(c.reason, 60)}。")
    return "\n".join(lines)


_LIST_NUMBER = re.compile(r"\s*(?:\d{1,2}[.、.]|[(（]\d{1,2}[)）])?\s*")


def first_sentence(text: str) -> tuple[int, int] | None:
    """Bounds of the first sentence of ``text`` (list number trimmed); None for a cell saying
    nothing (empty, 无, ——)."""
    if says_no_problem(text):
        return None
    first = _LIST_NUMBER.match(text).end()
    if first >= len(text):
        return None
    a, b = sentence_around(text, first, first + 1)
    while b > a and text[b - 1] in ";;":
        b -= 1  # a clause of a list, quoted without the list's separator
    return a, b


def _next_steps(f: ReportFacts, flagged: list[TaskFacts],
                quotes: list[Quote]) -> tuple[str, list[Quote]]:
    """四、下一步工作建议, drawn from the lagging tasks' themes and their units' own words:

    (一) one suggestion per problem theme among the lagging tasks (``THEME_ADVICE``), most
    frequent first; (二) 需协调解决的事项 — every ask (``themes.asks``: 需/建议/请求… followed by
    协调/支持/解决…) in a lagging task's problems or next steps, quoted; (三) each lagging task's
    stated next step (the first sentence of its next-steps cell), quoted, then the follow-up.
    Quotations are exact substrings of the unit's text, returned as ``Quote``s with the rest.
    A sub-heading appears only when it has lines; the office edits the whole section."""
    themes = Counter(theme_of(t, next((q for q in quotes if q.task_id == t.pk), None))
                     for t in flagged)
    more: list[Quote] = []
    advice = [THEME_ADVICE[key] for key, _ in
              sorted(themes.items(), key=lambda x: (-x[1], list(THEME_ADVICE).index(x[0])))]
    asked, stated = [], []
    government = f"{f.report.plan.government.name}人民政府"  # the level the office reports to
    for t in flagged:
        who = f"{t.lead or '未列牵头单位'}(任务{t.serial})" if t.serial else (t.lead or "未列牵头单位")
        for e in t.entries:
            for name in ("problems", "next_steps"):
                text = getattr(e, name)
                for a, b in asks(text):
                    more.append(Quote(t.pk, e.pk, name, a, b, text[a:b], ""))
                    asked.append(f"{who}提出:“{text[a:b]}”建议提请{government}研究协调。")
        for e in t.entries:
            bounds = first_sentence(e.next_steps)
            if bounds:
                a, b = bounds
                more.append(Quote(t.pk, e.pk, "next_steps", a, b, e.next_steps[a:b], ""))
                stated.append(f"{who}:“{e.next_steps[a:b]}”")
                break
    lines: list[str] = []
    parts = [("针对存在的问题", advice), ("需协调解决的事项", asked), ("牵头单位下一步措施", stated)]
    k = 0
    for heading, items in parts:
        if not items:
            continue
        lines.append(f"({CN_NUMBERS[k]}){heading}")
        k += 1
        lines += [f"{n}.{item}" for n, item in enumerate(items, 1)]
    units = sorted({t.lead for t in flagged if t.lead})
    if units:
        lines.append(f"请{'、'.join(units)}等牵头单位对照滞后事项,"
                     "落实已报送的下一步工作措施,在下一报告期报送整改进展。")
    lines.append("督查室将对滞后和有风险事项开展跟踪督查,督查结果纳入年度考核。")
    return "\n".join(lines), more


def _attachments(f: ReportFacts, flagged: list[TaskFacts], quotes: list[Quote]) -> list[Table]:
    by_task = {q.task_id: q for q in quotes}
    lag = Table("附件1 滞后和有风险任务清单",
                ["序号", "任务", "牵头单位", "状态", "进度", "原因(单位原文)"],
                [[t.serial, _short(t.text, 60), t.lead, status_label(t.status),
                  figure_line(t, f.share_elapsed) or t.reason,
                  by_task[t.pk].text if t.pk in by_task else ""] for t in flagged])
    shown = list(STATUS_ORDER)
    statuses = {u["unit_id"]: u for u in f.summary["by_unit"]}
    rows = []
    # Every lead unit with tasks in the report (the dashboard's per-unit rows), its statuses
    # joined by unit; tasks not (yet) analysed are counted apart.
    for u in dashboard.by_unit(f.report, limit=None, measure="tasks"):
        st = statuses.get(u["unit_id"], {"total": 0, "by_status": {}})
        rows.append([u["name"], str(u["tasks"]),
                     *[str(st["by_status"].get(v, 0)) for v in shown],
                     str(u["tasks"] - st["total"]), str(u["empty"]), str(u["vague"])])
    units = Table("附件2 牵头单位落实情况表",
                  ["牵头单位", "任务数", *[status_label(v) for v in shown], "未分析", "空白",
                   "套话"], rows)
    return [lag, units]


def build_bulletin(report: Report, previous: Report | None = None,
                   facts: ReportFacts | None = None) -> Bulletin:
    """The generated bulletin of ``report``, compared with ``previous`` when given."""
    f = facts or load_facts(report)
    # Filed statuses only, like the facts (a draft is 未填报, never a status).
    change = (compare_reports(report, previous, filed_assessments())
              if previous is not None else None)
    quotes: list[Quote] = []
    overview, counts = _overview(f, previous, change)
    problems, flagged = _problems(f, quotes, change)
    changes = _changes(f, problems)
    if changes:
        problems += "\n" + changes
    next_steps, more = _next_steps(f, flagged, quotes)
    sections = [
        Section("overview", "一、总体情况", overview),
        Section("good", "二、进展较好的工作", _good(f)),
        Section("problems", "三、存在的问题", problems),
        Section("next", "四、下一步工作建议", next_steps),
    ]
    period = report.period
    title = f"关于{report.plan}{period.label or ''}落实情况的督查通报"
    subtitle = f"{report.plan.government.name}人民政府督查室 {period}"
    return Bulletin(report.pk, title, subtitle, sections, _attachments(f, flagged, quotes),
                    quotes + more, counts, previous.pk if previous is not None else None)


def _md_cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def to_markdown(b: Bulletin) -> str:
    out = [f"# {b.title}", "", b.subtitle, ""]
    for s in b.sections:
        out += [f"## {s.heading}", ""]
        for line in s.text.splitlines():
            if line.strip():
                out += [f"### {line.strip()}" if SUB_HEADING.match(line.strip()) else line.strip(), ""]
    for t in b.attachments:
        out += [f"## {t.title}", "", "| " + " | ".join(t.header) + " |",
                "|" + "---|" * len(t.header)]
        out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in t.rows]
        out.append("")
    return "\n".join(out)


def _evidence_marks(line: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Spans of ``line`` to underline: each quotation's evidence, inside the quotation."""
    marks = []
    for q in quotes:
        if not q.evidence:
            continue
        at = line.find(f"“{q.text}”")
        inner = q.text.find(q.evidence)
        if at >= 0 and inner >= 0:
            start = at + 1 + inner
            marks.append((start, start + len(q.evidence)))
    marks.sort()
    return [m for i, m in enumerate(marks) if i == 0 or m[0] >= marks[i - 1][1]]


def to_blocks(b: Bulletin, signer: str = "", date_text: str = "") -> list:
    """The bulletin as 公文 blocks (luoshi.reports.gongwen): sections, signature, attachments."""
    from luoshi.reports.gongwen import Block

    blocks = [Block("center", b.subtitle)]
    for s in b.sections:
        blocks.append(Block("h1", s.heading))
        for line in s.text.splitlines():
            line = line.strip()
            if line:
                blocks.append(Block("h2" if SUB_HEADING.match(line) else "p", line,
                                    marks=_evidence_marks(line, b.quotes)))
    if signer:
        blocks += [Block("p", ""), Block("right", signer)]
    if date_text:
        blocks.append(Block("right", date_text))
    for i, t in enumerate(b.attachments):
        widths = [1.0, 3, 1.6, 1.0, 2.2, 3.2] if i == 0 else [3] + [1] * (len(t.header) - 1)
        label, _, title = t.title.partition(" ")
        blocks += [Block("page"), Block("label", label), Block("subtitle", title),
                   Block("table", header=t.header, rows=t.rows, widths=widths)]
    return blocks


def to_docx(b: Bulletin) -> bytes:
    from datetime import date

    from luoshi.reports.gongwen import write_gongwen

    today = date.today()
    signer = b.subtitle.split(" ")[0]
    return write_gongwen(b.title, to_blocks(b, signer, f"{today.year}年{today.month}月{today.day}日"))
