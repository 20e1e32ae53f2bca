"""The **point list** layout: a page that enumerates the government's tasks as points in its
running text — a 实事 plan announced in a newspaper, a 重点工作 progress note::

    2031年,市政府为民兴办10件实事:            (an opening announcing the list)
    一是实施教育扩容项目,新建学校20所。           (a point: a task, perhaps its progress)
    二是实施农村公路项目,新建农村公路300公里。
    …

Rules, true of such pages wherever they come from:

- the rules read the page in simplified characters (關於 is 关于); cells keep its own;
- the *points* and the *list* (the longest run of points numbered in order, at least three,
  with the paragraphs belonging to each point): :mod:`.pointruns`, rules there;
- the points are the page's *subject* when all of these hold:

  * the opening (title and paragraphs before the first point) or the point run's lead-in
    announces a plan, 实事 or 重点工作, or progress on them (实事, 民生工程, 重点工作/项目/任务,
    目标任务, 政府工作报告, 完成情况, 进展 …);
  * the opening does not report a meeting, a speech or a visit (召开…, 强调, 指出, 部署, 调研,
    视察 …) — whose points are the speaker's requirements — unless it announces as many
    items as there are points (…明确了10件实事 over ten points; any of its counts: 十七项, of
    which 继续办好7件 over seven points);
  * the run holds at least half of the page's text after the opening (a story with three
    points in one paragraph among ten is news with points, not a list);
  * at least two thirds of the points name a task-like thing (a project, a work verb: 实施,
    建设, 改造, 新建 …) or progress (a figure, a share of the plan), and at most a third are
    exhortations (要…, 进一步…, 切实…, 坚持… without a figure, or a clause such as
    全市上下要统一思想 or 狠抓落实: a speech's requirements);
  * no point is named as a part of a report (主要做法, 存在问题, 下一步工作打算 …: a short name
    before its first punctuation): such points are the report's sections, not tasks;
  * fewer than half of the points count the tasks they stand for (…的指标任务,共计19项 /
    能够完成的有2项, or projects counted then given their share or named: 的项目25个,占比62.5%,
    实事项目11个…分别为): such points sum up groups of tasks (a 督查 summary by status), they
    are no tasks themselves;
  * points counted in words (一是, 第一) — a speech's and a news report's way — need more:
    at least half of them carry a figure (a target or what was done);
  * the points are no *themes* grouping the announced items: a theme point opens with a
    slogan (a first sentence of two or three short clauses without a figure or a project
    noun: 聚焦X,推动Y。 / 完善X,改善Y。) and names a group of projects under it (A、B、C等
    项目); when at least two thirds of the points open with a slogan, at least half of them
    name a group, and the opening counts at least twice as many items as there are points
    (20件民生实事 over three points), the points are themes and the page is a summary, not
    the list; when only some of these hold (slogans and groups without a count, or a count
    far above the points under slogans), the list is kept and the warning names themes as
    the alternative (a cut excerpt also counts more items than it shows, so a count alone
    says nothing);

- on a page whose opening names a progress report (:func:`~.items.is_report`, or 进展, 进度,
  截至…, 前11个月, 1-6月 and no plan word: 分解, 印发, 方案 …), each point is its task then
  its progress: the progress opens at a reporting period (截至…, 1-6月 …) or, failing that,
  at the point's second sentence when that reports what was done or the first is a bare name
  (道路建设。主线工程完成70%。: at most 20 characters, no comma, no figure), or at the first
  later clause saying what was done (…项目,完成投资5亿元,占年度计划的55%: a share of the
  plan, 已完成…, 累计…, 完成 with a figure but not 计划完成/力争完成); the body paragraphs
  under a point are its progress. On a plan page the body is the task's text — unless the
  points are headings over their body (:mod:`.content`: 一、实施X over a paragraph saying
  what and how much): then the body is the task's target.

Ambiguous by nature: news also counts its points. Always warned with the alternative
("读作要点列表: N 项; 也可能是新闻报道"), and a doubt (medium confidence) unless the opening
announces as many items as there are points (10件实事 over ten points), which the warning then
says. Tried last, after the prose list, the forms, the headed report and the paragraph reader;
a page refused with points counted in words is told why they are no point list
(:func:`why_no_point_list`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.prose.content import (
    CONTENT_HEADER,
    WORK_WORD,
    content_warning,
    headings_over_content,
)
from luoshi.ingest.text.prose.headings import REPORT_SECTION
from luoshi.ingest.text.prose.items import (
    is_report,
    reports_done,
    split_done,
    style_value,
)
from luoshi.ingest.text.prose.pointruns import (
    _NUMERAL,
    WORD_STYLES,
    _cut_inner,
    _inside_one_point,
    _nested,
    _Point,
    _points,
    _runs,
)
from luoshi.ingest.text.prose.sentences import headed_sentences
from luoshi.ingest.text.rows import Para
from luoshi.ingest.text.shapes import CLOSING

POINTS_LAYOUT = "point-list"
# The opening announces a list of tasks or progress on them.
_ANNOUNCES = re.compile(
    r"实事|(?:民生|民心|惠民)(?:工程|项目)|重点(?:工作|项目|任务|工程)|重大(?:项目|工程)"
    r"|政府工作报告|目标任务|工作任务|任务清单|工作要点|年度计划|项目建设"
    r"|(?:完成|进展|推进|落实|实施|执行|建设)情况|进展|进度"
)
# The opening counts the items it announces: "10件实事", "十项重点工作", "共12个项目".
_ANNOUNCED_COUNT = re.compile(
    rf"(\d{{1,2}}|[{_NUMERAL}]{{1,3}})\s*(?:件|项|大|个|类)\s*(?:民生)?(?:实事|重点|工程|项目|任务|工作|行动)"
)
_TASK_WORD = WORK_WORD  # a task-like thing: a project or action, a verb of work
_FIGURE = re.compile(
    r"\d|[一二三四五六七八九十两百千万]+(?:个|项|所|座|公里|户|人|家|处|条|场|辆|部|万)"
)
# A speech's or a letter's requirement, not a task: "要…", "进一步…", "切实…".
_EXHORTS = re.compile(
    r"^(?:要|必须|务必|进一步|切实|坚持|始终|牢固|高度重视|提高认识|强化责任|加强领导|加强组织)"
)
# A point counting the tasks it stands for: "共计19项", "能够完成的有2项", "任务有3项".
# So does a point counting projects and then giving their share of all or naming them
# ("…的项目25个,占比达62.5%。分别为:…"): a task states what is to be done, not which share
# of the tasks stands where.
_COUNTS_TASKS = re.compile(
    rf"(?:共计?|计|有)\s*[\d{_NUMERAL}]+\s*项(?!目)"
    rf"|(?:项目|实事|任务|事项)\s*[\d{_NUMERAL}]+\s*[个项件][^。;；]{{0,12}}?"
    r"(?:占比|占总数|分别为|分别是)"
)
# A clause saying what someone must do: "全市上下要统一思想" (主要, 重要, 需要, 要求 are words).
_MUST = re.compile(r"(?<![主重需只必])要(?![求点素事闻])(?=[\u4e00-\u9fa5])|确保取得|狠抓落实")
# An opening reporting a meeting or a speech: its points are requirements.
_MEETING = re.compile(r"召开|强调|指出|讲话|部署|座谈|听取|会议要求|调研|视察|检查")
# A point's name: up to its first punctuation; a short one may name a report's section.
_NAME_END = re.compile(r"[。,，;；:：!！?？]")
_MAX_NAME = 12
_MAX_POINT_NAME = 20  # a point opening with a name sentence (道路建设。) then what was done
# A clause saying what was done: a share of the plan, 已…, 累计…, 完成 and a figure (not
# 计划完成, 力争完成, 确保完成: a target), a date reached.
_CLAUSE = re.compile(r"(?<=[,，;；])")
_DONE_CLAUSE = re.compile(
    r"占(?:年度|全年|年)?(?:计划|目标)|(?<![划争保要将])完成[^,，;；。]{0,12}?\d|完成(?:年度|全年)(?:计划|目标|任务)|已(?:完成|建成|开工|竣工|实施"
    r"|启动|投用|投入使用|开展|发放|落实)|累计|完成投资|截至|截止|目前"
)
# An opening announcing progress (进展顺利, 1-6月完成…), not a plan (分解, 印发, 方案 …).
_PROGRESS_OPENING = re.compile(
    r"进展|进度|完成情况|推进情况|落实情况|截至|截止|前\d{1,2}个月|\d{1,2}\s*[-—－~至到]\s*\d{1,2}\s*月"
)
_PLAN_OPENING = re.compile(r"分解|分工|印发|工作安排|目标安排|清单|方案|计划表|要点")
# A theme point's slogan: its first sentence, two or three short clauses without a figure or a
# project noun (聚焦文化教育卫生普惠发展,推动基本公共服务均等化。).
_SLOGAN_CLAUSES = re.compile(r"[,，;；]")
_SLOGAN_CLAUSE_LEN = (3, 20)
_PROJECT_NOUN = re.compile(r"项目|工程|实事|行动|计划")
# A group of projects named in one point: "A、B、C等项目", "等5个项目", "等一批重点工程".
_GROUP = re.compile(
    rf"、[^。；;]{{1,60}}等(?:\d+|[{_NUMERAL}]+)?(?:个|批|项)?(?:重点|民生)?(?:项目|工程|实事)"
)
_THEMES_PER_ITEM = 2  # the opening counts at least this many items per point
_SUBJECT_SHARE = 0.5
_TASKLIKE_SHARE = 2 / 3
_OPENING_PARAS = 8


def _is_subject(
    paras: list[Para], style: str, points: list[_Point], opening: list[str]
) -> tuple[bool, str]:
    """Whether the points are the page's subject (rules above), and why not."""
    head = to_simplified(" ".join(opening))
    if not _ANNOUNCES.search(head):
        return False, "the opening announces no plan, 实事 or 重点工作"
    if _MEETING.search(head) and not _announces_as_many(opening, len(points)):
        return False, "the opening reports a meeting or a speech: its points are requirements"
    after = sum(len(p.text.strip()) for p in paras if p.line >= points[0].line)
    held = sum(len(p.text) + sum(len(b) for b in p.body) for p in points)
    if held < after * _SUBJECT_SHARE:
        return False, "the points are a small part of the page"
    texts = [to_simplified(p.text) for p in points]
    tasklike = sum(1 for t in texts if _TASK_WORD.search(t) or _FIGURE.search(t))
    exhorts = sum(
        1 for t in texts if (_EXHORTS.match(t) and not _FIGURE.search(t)) or _MUST.search(t)
    )
    if tasklike < len(points) * _TASKLIKE_SHARE or exhorts * 3 > len(points):
        return False, "the points are requirements, not tasks"
    if any(
        len(n := _NAME_END.split(t, maxsplit=1)[0]) <= _MAX_NAME and REPORT_SECTION.search(n)
        for t in texts
    ):
        return False, "the points are a report's sections"
    if 2 * sum(1 for t in texts if _COUNTS_TASKS.search(t)) >= len(points):
        return False, "the points count the tasks of groups: a summary by group"
    figures = sum(1 for p in points if _FIGURE.search(p.text + "".join(p.body)))
    if style in WORD_STYLES and figures * 2 < len(points):
        return False, "points counted in words without figures: a speech's or a report's"
    themes = _themes(points, opening)
    if themes.sure:
        return False, (
            f"the points are themes grouping the {themes.announced} items the opening counts "
            f"({themes.slogans} of {len(points)} open with a slogan, {themes.groups} name a "
            "group of projects): a summary, not the list"
        )
    return True, ""


@dataclass(frozen=True)
class _Themes:
    slogans: int  # points opening with a slogan (聚焦X,推动Y。)
    groups: int  # points naming a group of projects (A、B、C等项目)
    announced: int | None  # the items the opening counts
    points: int

    @property
    def slogan_shaped(self) -> bool:
        return self.slogans * 3 >= self.points * 2

    @property
    def grouping(self) -> bool:
        return self.groups * 2 >= self.points

    @property
    def outnumbered(self) -> bool:
        return self.announced is not None and self.announced >= self.points * _THEMES_PER_ITEM

    @property
    def sure(self) -> bool:
        return self.slogan_shaped and self.grouping and self.outnumbered

    @property
    def doubtful(self) -> bool:
        """Some signs of themes, not all (rules above): kept, the warning says so."""
        return not self.sure and self.slogan_shaped and (self.grouping or self.outnumbered)


def _is_slogan(text: str) -> bool:
    """The point opens with a slogan: a first sentence of two or three short clauses without
    a figure or a project noun, and more text after it."""
    head, stop, rest = text.partition("。")
    clauses = [c.strip() for c in _SLOGAN_CLAUSES.split(head)]
    low, high = _SLOGAN_CLAUSE_LEN
    return (
        bool(stop and rest.strip())
        and 2 <= len(clauses) <= 3
        and all(low <= len(c) <= high for c in clauses)
        and not _FIGURE.search(head)
        and not _PROJECT_NOUN.search(head)
    )


def _themes(points: list[_Point], opening: list[str]) -> _Themes:
    texts = [to_simplified(p.text + "".join(p.body)) for p in points]
    return _Themes(
        slogans=sum(1 for t in texts if _is_slogan(t)),
        groups=sum(1 for t in texts if _GROUP.search(t)),
        announced=_announced(opening),
        points=len(points),
    )


def _split(point: _Point, report: bool) -> tuple[str, str]:
    """(task, progress) of a point as the page writes them (rules above); the body under the
    point is progress on a report page, the task's text on a plan page."""
    if not report:
        return "\n".join([point.written, *point.written_body]), ""
    task, done = _split_text(point)
    # the pieces are a prefix and a suffix of the simplified text: the same spans as written
    task = point.written[: len(task)]
    done = point.written[len(point.written) - len(done) :] if done else ""
    return task, "\n".join(x for x in (done, *point.written_body) if x)


def _split_text(point: _Point) -> tuple[str, str]:
    task, done = split_done(point.text)
    if not done:
        first, stop, rest = point.text.partition("。")
        named = len(first) <= _MAX_POINT_NAME and not _NAME_END.search(first)
        if rest.strip() and (reports_done(rest) or (named and not _FIGURE.search(first))):
            task, done = first + stop, rest.strip()
        else:
            task, done = _split_clause(point.text)
    return task, done


def _split_clause(text: str) -> tuple[str, str]:
    """(task, progress) of a one-sentence point whose later clause says what was done
    (…项目,完成投资5亿元,占年度计划的55%): the progress opens at that clause; (text, "")
    when no clause after the first does."""
    clauses = _CLAUSE.split(text)
    for n in range(1, len(clauses)):
        if _DONE_CLAUSE.search(clauses[n]):
            return "".join(clauses[:n]).rstrip(",，;；"), "".join(clauses[n:]).strip()
    return text, ""


def _announces_as_many(opening: list[str], n: int) -> bool:
    """Whether any count the opening announces (7件实事, 十七项重点民生实事) is ``n``: an
    opening may count several groups (17 in all: 7 continued, 10 new), and the one the run
    matches is the one announcing it."""
    return any(
        style_value(m.group(1)) == n
        for m in _ANNOUNCED_COUNT.finditer(to_simplified(" ".join(opening)))
    )


def _announced(opening: list[str]) -> int | None:
    m = _ANNOUNCED_COUNT.search(to_simplified(" ".join(opening)))
    return style_value(m.group(1)) if m else None


def why_no_point_list(paras: list[Para]) -> tuple[int, str] | None:
    """(points, why they are not the page's tasks) for the longest run of points the page
    has, for the refusal to say; None when it has none."""
    paras, written = _cut_inner([p for p in paras if p.text.strip()])
    runs = _runs(paras)
    if not runs:
        return None
    style, at = max(runs, key=lambda r: len(r[1]))
    points = _points(paras, written, style, at)
    opening = [p.text.strip() for p in paras[: at[0]]][-_OPENING_PARAS:]
    ok, why = _is_subject(paras, style, points, opening)
    return None if ok else (len(points), why)


def point_list_grid(
    paras: list[Para],
) -> tuple[Grid, list[tuple[int | None, str]], str] | None:
    """(Grid, warnings, doubt) of a page enumerating its tasks as points, or None (rules
    above)."""
    paras, written = _cut_inner([p for p in paras if p.text.strip()])
    found: list[tuple[str, list[_Point], list[str], list[int]]] = []
    runs = _runs(paras)
    for style, at in runs:
        if _nested(style, runs, paras):
            continue
        points = _points(paras, written, style, at)
        opening = [p.text.strip() for p in paras[: at[0]]][-_OPENING_PARAS:]
        ok, _why = _is_subject(paras, style, points, opening)
        if ok:
            found.append((style, points, opening, at))
    # OUTER RUN RULE: a run lying wholly inside one point of another run of at least as many
    # points (一是…三是 in the third 一开展…行动's paragraph) is that point's sub-points; of the
    # rest the longest is the list (a longer run after a short one is the list, not its part)
    outer = [
        run
        for run in found
        if not any(
            _inside_one_point(run[3], o[3]) and len(o[1]) >= len(run[1])
            for o in found
            if o is not run
        )
    ]
    if not outer:
        return None
    style, points, opening, at = max(outer, key=lambda run: len(run[1]))
    start = at[0]
    head = to_simplified(" ".join(opening))
    report = (
        is_report([Para(0, t, 0) for t in opening[:3]])
        or is_report([Para(0, t, 0) for t in opening[-3:]])
        or bool(_PROGRESS_OPENING.search(head) and not _PLAN_OPENING.search(head))
    )
    # on a plan page, points that are headings over their body: the body is the target
    headed = not report and headings_over_content(
        [(p.serial, p.written, "\n".join(p.written_body)) for p in points]
    )
    # HEADING SENTENCE CONTENT RULE on a plan page whose points are one paragraph each
    named = None
    if not report and not headed and not any(p.written_body for p in points):
        named = headed_sentences([(p.serial, p.written) for p in points])
    headed = headed or named is not None
    cells = [
        (p, *named[k])
        if named
        else (p, p.written, "\n".join(p.written_body))
        if headed
        else (p, *_split(p, report))
        for k, p in enumerate(points)
    ]
    with_done = not headed and any(done for _, _, done in cells)
    numbered = style != "about"
    header = (["序号"] if numbered else []) + ["任务内容"]
    header += [CONTENT_HEADER] if headed else ["进展情况"] if with_done else []
    first_line = points[0].line
    rows: list[list[GridCell | None]] = [
        [GridCell(h, 0, c, line=first_line) for c, h in enumerate(header)]
    ]
    for r, (p, task, other) in enumerate(cells, 1):
        row = ([p.serial] if numbered else []) + [task] + ([other] if headed or with_done else [])
        rows.append([GridCell(t, r, c, line=p.line) for c, t in enumerate(row)])
    announced = _announced(opening)
    sure = announced == len(points)
    shape = {
        "cn_shi": "一是/二是",
        "cn_di": "第一/第二",
        "cn": "一、/二、",
        "cn_paren": "(一)/(二)",
        "cn_glued": "一…/二…",
        "circled": "①/②",
        "about": "关于…。",
    }[style]
    warnings: list[tuple[int | None, str]] = [
        (
            first_line,
            f"读作要点列表: {len(points)} 项; 也可能是新闻报道 — the page's {len(points)} points "
            f"({shape}) under an opening announcing "
            + ("a progress report" if report else "a plan or 实事")
            + " read as its tasks"
            + (f"; the opening announces {announced} items, as many as the points" if sure else "")
            + " — the alternative is a news report counting its points: check the tasks",
        )
    ]
    if not numbered:
        warnings.append((first_line, f"{len(points)} points have no number: numbered by position"))
    if headed:
        count = len(points) if named else sum(1 for p in points if p.body)
        warnings.append((first_line, content_warning(count)))
    themes = _themes(points, opening)
    if themes.doubtful:
        warnings.append(
            (
                first_line,
                f"{themes.slogans} of {len(points)} points open with a slogan (X,Y。)"
                + (f" and {themes.groups} name a group of projects" if themes.groups else "")
                + (f", under an opening counting {announced} items" if themes.outnumbered else "")
                + ": they may be themes grouping the tasks, not the tasks — check",
            )
        )
    if not CLOSING.search(points[-1].body[-1] if points[-1].body else points[-1].text):
        warnings.append(
            (points[-1].line, "the text ends mid-sentence: the last point is probably cut off")
        )
    doubt = (
        "points may be themes grouping the tasks (slogans naming groups of projects)"
        if themes.doubtful
        else ""
        if sure
        else "points of running text read as tasks: news counts its points the same way"
    )
    preamble = written[:start]
    return Grid(rows=rows, preamble=preamble), warnings, doubt
