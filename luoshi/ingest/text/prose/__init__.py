"""Pages that are not grids: the task list or progress report written as paragraphs.

Modules, each with the rules it implements in its docstring:

- :mod:`.listing` (with :mod:`.structure`, :mod:`.items` and :mod:`.document`) — a **prose
  list**: numbered paragraphs, each a task, with 责任单位 lines or unit notes (cues the items
  do not say themselves — a status after a unit note, progress paragraphs under items, a
  notice's own arrangements — in :mod:`.cues`);
- :mod:`.forms` — **forms**: one small key-value form per task or project (项目名称:… /
  进展情况:… / 存在困难和问题:…), read as a Grid (labels as pages write them in
  :mod:`.formlabels`; a name over a content paragraph above a progress field, photo captions
  between the forms, in :mod:`.formnames`);
- :mod:`.labelled` — **labelled blocks**: a form whose labels (任务安排, 落实情况) stand on
  lines of their own over their content, one task per task label;
- :mod:`.headings` — a **headed report**: a progress report whose section headings
  (一、<项目>完成情况) are its tasks, each over paragraphs saying what was done;
- :mod:`.paragraphs` — **one paragraph per task**: a report's unnumbered paragraphs, each a
  task sentence then what was done;
- :mod:`.points` — a **point list**: the page's tasks enumerated as points of its running
  text (一是…, 第一…, 一、…, numerals glued to the text, 关于X。) under an opening announcing a
  plan, 实事 or 重点工作 progress (tried last; always warned that news counts points too);
- :mod:`.counted` — a **counted name list**: bare names of projects, one per line, under a
  heading that counts them (10大民生实事项目), read only when the count equals the run;
- :mod:`.marked` — a **marked progress list**: items opened by one repeated marker (●,
  实事N, 1., 一、 …), each carrying its own progress (a progress label, or a sentence saying
  what was done), with or without units: what makes a run of paragraphs a task list rather
  than news (tried last);
- :mod:`.newsreport` — a **progress report in news shape**: running paragraphs without
  markers or units whose units (sentences, `;` clauses) each name one undertaking (“X”项目,
  X工程) and say what was done on it, after a lead of counts (tried last; warned "may be
  news");
- :mod:`.listedworks` — **listed works**: undertakings named once in a list inside one
  sentence (包括A、B、C), their progress in later clauses naming them again, alone or in groups
  (tried first among the readers of running text; warned, low confidence);
- :mod:`.unitnamed` — **unit-named undertakings**: running paragraphs, each naming one
  undertaking by the unit answering for it (由X负责的Y项目), a frame before it (聚焦“…”) and
  what it is to achieve or has done after it (tried last; warned "may be news");
- :mod:`.buckets` (names in :mod:`.bucketnames`) — **status buckets**: a supervision bulletin
  naming its tasks inside sentences that grade them (A、B等项目完成情况不够理想; 已经完成的
  任务共计19项。主要是“A”,“B”等), each task with its bucket's grade as declared status (tried
  last; refused unless two grades name items; warned, low confidence);
- :mod:`.namedworks` — **named works in running text**: clauses each opening with the proper
  name of a work (…污水处理厂已完工; …医院分院建设项目主体完工) followed by its state, at least
  three works in two clauses, at least half the text from the first, under a progress frame
  (tried last; warned, low confidence);
- :mod:`.refusal` — what a page that is none of these holds, said as the reason it is
  refused ("prose news, no task list to import").

The text reader (:mod:`luoshi.ingest.text.reader`) asks :func:`read_paragraphs` when no table
header is found: the listing, else the forms (a labelled field under each item); the headed
report is tried on every such page, and where both it and the listing read a page (一、 items
with unit notes over progress paragraphs), the reading giving more tasks their progress wins and
the other is named in a warning. A page none of them reads is refused with what it holds; so is
a page whose sections are marked §…§ on lines of their own (a bulletin's sections, the items
under them its parts: :func:`~.items.marks_sections`).
"""

from __future__ import annotations

import re
from datetime import date

from luoshi.ingest.gridlayout import document_from_grids
from luoshi.ingest.model import ParsedDocument, Period
from luoshi.ingest.periods import parse_period, parse_year
from luoshi.ingest.text.matrix import figures_only
from luoshi.ingest.text.prose.buckets import BUCKETS_LAYOUT, buckets_grid
from luoshi.ingest.text.prose.counted import COUNTED_LAYOUT, counted_list_grid
from luoshi.ingest.text.prose.firstsection import first_section_grid
from luoshi.ingest.text.prose.forms import FORMS_LAYOUT, TITLE_ABOVE, forms_grid
from luoshi.ingest.text.prose.headings import (
    HEADED_LAYOUT,
    headed_report_grid,
    sections_without_report_opening,
)
from luoshi.ingest.text.prose.items import marks_sections
from luoshi.ingest.text.prose.labelled import LABELLED_LAYOUT, labelled_grid
from luoshi.ingest.text.prose.listedworks import LISTED_LAYOUT, listed_works_grid
from luoshi.ingest.text.prose.listing import read_prose
from luoshi.ingest.text.prose.marked import MARKED_LAYOUT, marked_list_grid
from luoshi.ingest.text.prose.namedworks import (
    NAMED_WORKS_LAYOUT,
    frame_period,
    named_works_grid,
)
from luoshi.ingest.text.prose.newsreport import NEWS_REPORT_LAYOUT, news_report_grid
from luoshi.ingest.text.prose.paragraphs import PARAGRAPHS_LAYOUT, paragraph_tasks_grid
from luoshi.ingest.text.prose.points import POINTS_LAYOUT, point_list_grid
from luoshi.ingest.text.prose.quoted import QUOTED_LAYOUT, quoted_projects_grid
from luoshi.ingest.text.prose.refusal import explainer_title, no_task_list_error
from luoshi.ingest.text.prose.sections import SECTIONS_LAYOUT, sections_form_grid
from luoshi.ingest.text.prose.sentences import REPORT_SPLIT_END
from luoshi.ingest.text.prose.structure import PROSE_LAYOUT
from luoshi.ingest.text.prose.unitnamed import UNIT_NAMED_LAYOUT, unit_named_grid
from luoshi.ingest.text.rows import Para
from luoshi.vocab import PeriodKind

__all__ = [
    "FORMS_LAYOUT",
    "HEADED_LAYOUT",
    "PROSE_LAYOUT",
    "explainer_title",
    "forms_grid",
    "no_task_list_error",
    "read_paragraphs",
    "read_prose",
]


def read_paragraphs(paras: list[Para], text: str, name: str) -> ParsedDocument | None:
    """The document of a page without a table header that is a prose list, a page of forms
    or a headed report; None when it is none of them (the caller refuses it)."""
    if marks_sections(paras):
        return None  # a bulletin in §-marked sections, no task list (items.marks_sections)
    doc = _read(paras, text, name)
    if doc is not None and figures_only([t.text for t in doc.tasks]):
        # tasks whose text is only a figure (241, 86.3): rows of a matrix of numbers, never
        # a task list (issue 9, fresh5 cause 7); the caller refuses the page
        return None
    if doc is not None and not doc.meta.title and doc.meta.year is None:
        _meta_from_announcement(doc, paras)
    if doc is not None and doc.meta.period is None and doc.layout == NAMED_WORKS_LAYOUT:
        frame_period(doc, paras)  # (namedworks.py: THE FRAME'S PERIOD)
    if doc is not None and doc.meta.period is None:
        _period_from_as_of(doc, paras)
    elif doc is not None:
        _as_of_in_progress(doc)
    return doc


def _as_of_in_progress(doc: ParsedDocument) -> None:
    """AS-OF IN THE PROGRESS: a report whose period is a whole year and whose tasks' progress
    opens with the date it is as of, in that year and before its end (截至2019年10月底,
    截至201910月底, 截至2021年11月24日), is as of that date — the latest such date when several
    tasks give one: the title names the plan's year, the progress how far the report goes
    (a report on a year's targets written before the year ended). Only a date with its year
    (截至6月底 alone may be the year before's). Warned, the year being the alternative."""
    period = doc.meta.period
    if period is None or period.kind is not PeriodKind.ANNUAL or doc.meta.year is None:
        return
    best: tuple[tuple[int, int], re.Match[str], int | None] | None = None
    for task in doc.tasks:
        done = next((i.done for i in task.items if i.done), "")
        m = _AS_OF.match(done.strip())
        if m is None or int(m.group(1)) != doc.meta.year or int(m.group(2)) >= 12:
            continue
        key = (int(m.group(2)), int(m.group(3) or 31))
        if best is None or key > best[0]:
            best = (key, m, task.line_start)
    if best is None:
        return
    _, m, line = best
    found = parse_period(_as_of_text(m), doc.meta.year)
    if found is None or found.end_date is None:
        return
    doc.meta.period = found
    doc.warn(
        line,
        f"period {found.label!r} taken from the date the progress is as of ({m.group(0)!r}); "
        f"the title names the year only (the alternative: the year, {period.label})",
    )


# A sentence opening with the date the report is as of: 截止2017年12月底, 截至2031年6月30日.
# A sentence opening with a year whose items are all done: "2017年度11件民生实事…,全部完成。"
_YEAR_DONE = re.compile(
    r"^(\d{4})\s*年度?[^。；;]{0,40}?(?:全部|全面|均已|已全部|已全面)(?:完成|完工|建成)"
)
# (年 may be lost between year and month, 截至201910月底: four digits then one or two and 月)
_AS_OF = re.compile(
    r"^(?:截至|截止|截止到|截至到)\s*(\d{4})\s*(?:年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日|底|末)?"
)


def _as_of_text(m: re.Match[str]) -> str:
    """An as-of match written with its 年 (截至201910月底 → 截至2019年10月底)."""
    text = m.group(0)
    return text if "年" in text else text.replace(m.group(1), m.group(1) + "年", 1)


def _period_from_as_of(doc: ParsedDocument, paras: list[Para]) -> None:
    """AS-OF RULE: a report whose title and opening name no period takes it from the first
    paragraph above its first task that opens with the date it is as of (截止2017年12月底,
    …): the date a report is as of is its period's end. Only a date with its year (截至6月底
    alone may be the year before's), and only above the first task (a task's own progress
    states its own dates); warned. A sentence there opening with a year whose items it says
    are all done (2017年度11件民生实事…,全部完成) is that year's year-end report: annual, to
    31 December."""
    first = doc.tasks[0].line_start if doc.tasks and doc.tasks[0].line_start else None
    for p in paras:
        if first is None or p.line >= first:
            return
        text = p.text.strip()
        m = _AS_OF.match(text) or _YEAR_DONE.match(text)
        if m is None:
            continue
        year = int(m.group(1))
        if m.re is _YEAR_DONE:
            period: Period | None = Period(
                PeriodKind.ANNUAL, f"{year}年度", end_date=date(year, 12, 31)
            )
        else:
            period = parse_period(_as_of_text(m), year)
        if period is None:
            continue
        doc.meta.period = period
        doc.meta.year = doc.meta.year or year
        doc.warnings = [w for w in doc.warnings if not w.message.startswith("no reporting period")]
        doc.warn(
            p.line,
            f"period {period.label!r} taken from the sentence above the first task that says "
            "what date the report is as of: the title names none; check it",
        )
        return


# The sentence announcing what the page reports: "现将实事项目1—6月份进展情况予以公示",
# "现将前三季度完成情况通报如下".
_ANNOUNCES = re.compile(
    r"现将[^。；;]{0,60}?(?:公示|通报|报告|汇报|公布)|[^。；;]{0,60}?(?:公示|通报|报告|汇报)如下"
)


def _meta_from_announcement(doc: ParsedDocument, paras: list[Para]) -> None:
    """A page without a title whose opening announces what it reports (…现将1—6月份进展情况
    予以公示) takes the year from that paragraph (the first year it names) and the period from
    the announcing sentence, said in a warning (the paragraph may name other years)."""
    first = doc.tasks[0].line_start if doc.tasks and doc.tasks[0].line_start else None
    for p in paras:
        if first is not None and p.line > first:
            return
        m = _ANNOUNCES.search(p.text)
        year = parse_year(p.text) if m else None
        if m is None or year is None:
            continue
        period = parse_period(m.group(0), year)
        doc.meta.year = year
        doc.meta.period = period or doc.meta.period
        doc.warnings = [w for w in doc.warnings if not w.message.startswith("no title found")]
        doc.warn(
            p.line,
            f"no title: year {year}"
            + (f" and period {period.label}" if period else "")
            + f" taken from the opening's announcement ({m.group(0)[:30]!r}…)",
        )
        return


def _read(paras: list[Para], text: str, name: str) -> ParsedDocument | None:
    """The readers in turn, then the marked progress list (:mod:`.marked`): on a page none
    reads, or over a prose list or headed report that read the same items as bare statements
    (no units, their progress left in the task text or lost), which the marked list splits
    into task and progress, or that read as tasks, none with progress, the numbered points
    inside items opened by codes or bullets each with its progress (warned, naming the other
    reading)."""
    doc = _read_readers(paras, text, name)
    bare = (
        doc is not None
        and doc.layout in (PROSE_LAYOUT, HEADED_LAYOUT)
        # (only a reading the marked list could win: no units, or no progress at all)
        and (not any(t.units for t in doc.tasks) or _progress_count(doc)[0] == 0)
    )
    if doc is not None and not bare:
        return doc
    if doc is None and sections_without_report_opening(paras):
        # headings over work done under an opening that names no report (a meeting, a
        # story): the headed reader's verdict holds for the same items read as a marked list
        return None
    found = marked_list_grid(paras)
    if found is None:
        return doc
    marked = document_from_grids([found[0]], name, "text", MARKED_LAYOUT, found[1])
    marked.doubts.append("marked items each saying what was done: news may be marked so too")
    if doc is None:
        return marked
    if not _splits_progress_out(marked, doc) and not (found[2] and _holds_points(marked, doc)):
        return doc
    marked.doubts.append(f"the page also reads as a {doc.layout} ({len(doc.tasks)} tasks)")
    marked.warn(
        None,
        f"also readable as a {doc.layout} of {len(doc.tasks)} task(s) without units, "
        f"{_progress_count(doc)[0]} with progress: read as a {marked.layout}, whose items each "
        "carry their progress after a label or a done statement",
    )
    return marked


def _splits_progress_out(marked: ParsedDocument, other: ParsedDocument) -> bool:
    """Whether the marked list reads the other reading's items better: the same items (as
    many, each of the other's task texts opening with the marked one's), the other names no
    units, and the marked list gives at least as many their progress while cutting it out of
    task text the other kept whole."""
    if len(marked.tasks) != len(other.tasks) or any(t.units for t in other.tasks):
        return False
    if _progress_count(marked)[0] < _progress_count(other)[0]:
        return False
    pairs = list(zip(marked.tasks, other.tasks, strict=True))
    # the same items: each of the other's task texts opens with the marked task's
    return all(o.text.strip().startswith(m.text.strip()) for m, o in pairs) and any(
        len(m.text.strip()) < len(o.text.strip()) for m, o in pairs
    )


def _holds_points(marked: ParsedDocument, other: ParsedDocument) -> bool:
    """Whether the marked list's items hold the other reading's tasks as their points: every
    marked task has its progress, none of the other's does, and every one of the other's
    tasks starts within a marked item (its lines between one marker and the next). A list
    opened by codes or bullets whose items are numbered points (1.… 2.… then 1.… 2.…) is
    read by the points otherwise, each a task without the progress under it."""
    done, total = _progress_count(marked)
    if done < total or _progress_count(other)[0] > 0 or len(other.tasks) <= total:
        return False
    starts = [t.line_start for t in marked.tasks]
    if any(x is None for x in starts):
        return False
    first = min(x for x in starts if x is not None)
    return all(t.line_start is not None and t.line_start >= first for t in other.tasks)


# Readers of running text with no list markers, tried in this order when neither the prose
# list nor the headed report reads the page: (reader, layout, the doubts its reading carries).
_RUNNING_TEXT_READERS = (
    (listed_works_grid, LISTED_LAYOUT,
     ("works named in one list and reported on later: news lists works so too",
      "each work's progress is the later clause sharing most of its name, a match by name")),
    (news_report_grid, NEWS_REPORT_LAYOUT,
     ("units of running text naming undertakings: may be news",)),
    (unit_named_grid, UNIT_NAMED_LAYOUT,
     ("undertakings named with their responsible units (由X负责的Y): news cites units so too",)),
    (quoted_projects_grid, QUOTED_LAYOUT,
     ("projects named in quotes with their progress: news is written so too",)),
    (buckets_grid, BUCKETS_LAYOUT,
     ("tasks named inside a bulletin's status sentences, not listed",
      "a bulletin's grades read as each named task's declared status")),
    (first_section_grid, HEADED_LAYOUT,
     ("one section of a review, the page cut inside it: may be news",)),
    (named_works_grid, NAMED_WORKS_LAYOUT,
     ("works named in running text, each with its state: news names works so too",)),
)


def _through_last(text: str, paras: list[Para]) -> str:
    """The text up to the end of the last paragraph given: the page's footer, cut from the
    paragraphs by the PAGE FOOTER RULE (text/shapes.py), is no form's field value either."""
    if not paras:
        return text
    return "".join(text.splitlines(keepends=True)[: paras[-1].line])


def _read_readers(paras: list[Para], text: str, name: str) -> ParsedDocument | None:
    if (sections := sections_form_grid(paras)) is not None:
        # one form in headed sections (prose/sections.py): before the lists, which would read
        # its headings as points
        return document_from_grids([sections[0]], name, "text", SECTIONS_LAYOUT, sections[1])
    ends_newline = text.rstrip(" \t").endswith("\n")
    prose = read_prose(paras, name, ends_newline=ends_newline)
    if prose is None and (forms := forms_grid(_through_last(text, paras))) is not None:
        doc = document_from_grids([forms[0]], name, "text", FORMS_LAYOUT, forms[1])
        if any(message.startswith(TITLE_ABOVE) for _, message in forms[1]):
            doc.doubts.append("each form's task is the name line above it (no task field)")
        return doc
    if prose is None and (labelled := labelled_grid(paras)) is not None:
        return document_from_grids([labelled[0]], name, "text", LABELLED_LAYOUT, labelled[1])
    found = headed_report_grid(paras)
    headed = (
        document_from_grids([found[0]], name, "text", HEADED_LAYOUT, found[1]) if found else None
    )
    if headed is not None:
        # said in the inference statement too (luoshi.ingest.inference): a doubt, not a fact
        headed.doubts.append(
            "section headings read as tasks: a news story in sections has the same shape"
        )
    if prose is None and headed is None and (one := paragraph_tasks_grid(paras)) is not None:
        doc = document_from_grids([one[0]], name, "text", PARAGRAPHS_LAYOUT, one[1])
        doc.doubts.append("one task per paragraph: news written in paragraphs has the same shape")
        return doc
    if prose is None and headed is None and (points := point_list_grid(paras)) is not None:
        doc = document_from_grids([points[0]], name, "text", POINTS_LAYOUT, points[1])
        if points[2]:
            doc.doubts.append(points[2])
        return doc
    if prose is None and headed is None and (counted := counted_list_grid(paras)) is not None:
        doc = document_from_grids([counted[0]], name, "text", COUNTED_LAYOUT, counted[1])
        doc.doubts.append("a list of names under a heading counting them: news quotes such lists")
        if doc.meta.period is None:
            # the list names what is to be done (counted.py): a plan
            doc.meta.period = Period(kind=PeriodKind.PLAN, label="")
        return doc
    if prose is None and headed is None:
        # the readers of running text, tried in turn; each a Grid and its warnings, or None
        for reader, layout, doubts in _RUNNING_TEXT_READERS:
            found = reader(paras)
            if found is not None:
                doc = document_from_grids([found[0]], name, "text", layout, found[1])
                doc.doubts.extend(doubts)
                return doc
    if prose is None or headed is None:
        return prose or headed
    # Both readings hold (一、 items with unit notes over progress paragraphs): the one giving
    # more tasks their progress wins, the other is named.
    # a tie goes to the prose list, unless its progress came only from splitting heading
    # sentences (name。progress), which the headed report reads as headings with their body
    # on the same line, keeping the page's outer headings: then the headed report wins it
    split = any(w.message.endswith(REPORT_SPLIT_END) for w in prose.warnings)
    if _progress_count(headed) > _progress_count(prose) or (
        split and _progress_count(headed) == _progress_count(prose)
    ):
        chosen, other = headed, prose
    else:
        chosen, other = prose, headed
    chosen.doubts.append(f"the page also reads as a {other.layout} ({len(other.tasks)} tasks)")
    chosen.warn(
        None,
        f"also readable as a {other.layout} of {len(other.tasks)} task(s), "
        f"{_progress_count(other)[0]} with progress: read as a {chosen.layout}, which gives "
        f"{_progress_count(chosen)[0]} of {len(chosen.tasks)} their progress",
    )
    return chosen


def _progress_count(doc: ParsedDocument) -> tuple[int, int]:
    """(tasks with progress, tasks)."""
    return sum(1 for t in doc.tasks if any(i.done for i in t.items)), len(doc.tasks)
