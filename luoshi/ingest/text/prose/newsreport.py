"""A **progress report in news shape**: running paragraphs, no markers, no 责任单位 lines and
no table, in which each unit of text names one undertaking and says what was done on it,
often after a lead paragraph of counts::

    截至7月底,全市20件实事项目累计完成投资74亿元,占年度计划60%。        (the lead: counts)
    教育始终是群众最关心的问题。“学校扩容”项目,完成投资1.2亿元,占年度计划52%,  (a frame,
    竣工9所;“托育提升”项目,已建成托育点13个。                               then units)
    “城乡供水”工程已完成管网铺设85公里,正在进行水厂施工。

Rule (NEWS-SHAPED PROGRESS REPORT), what makes running paragraphs a progress report on tasks
rather than news, true of such pages wherever they come from:

- **no markers**: a page of which two or more paragraphs open with a list marker or a bullet
  (1、 (一) 一是 ● …) or are a lone number (a flattened table's serial cells) belongs to the list
  readers, whose verdict holds: this reader reads nothing on it;
- **units**: the text after the title is cut into sentences (at 。！？) and each sentence into
  clauses (at ；;); a clause whose task report starts after one of its first three commas,
  within 80 characters (…是最受关注的问题之一,今年以来,我市“X”项目,完成投资…), is cut there,
  the part before it a frame. A unit is a *task report* when it opens — after at most a date
  phrase (截至7月底, 今年以来, 上半年, 1-7月, 目前; before a quoted name, the government owning it:
  我市“X”项目) — with **its own subject naming one undertaking**, and the rest of it, from
  its first clause on, **reports what was done** on that subject:

  * the subject is a name in quotes (“X”, “X项目”, or “X” followed by 项目/工程/行动/实事),
    or an unquoted name of at most 30 characters closed by a word of undertaking (项目, 工程,
    行动, 实事) or of a works named by what it builds (幼儿园, 医院, 大桥, 水厂 …), then a
    comma, or right before a done word opening its report (东环路改造工程已完工: the cut is
    then unambiguous); a name is one undertaking, so it is no government or place (本市,
    全市, 我区, 各地 …), no group (a count: 3个项目, 等5个, “十件实事”; a total broken down
    by a clause opening with 其中, and the parts after it in its paragraph: classes of
    projects or sectors summed, 重大基础设施项目 / 其中:交通基础设施项目…) and no frame
    (就业保障工程中, 教育方面: the domain a sentence is about, not its subject);
  * the report says what was done, not what is planned, and says it at once (a quoted
    term followed by 是… is a topic, not a subject): in the first clause after the subject
    (up to its first comma) a done word (已完成, 已开工, 完工, 建成, 竣工, 封顶, 投用, 开工,
    累计, 正在…, 完成投资, 完成 with a figure, a share reached: 占…计划52%) with no
    预计/计划/将/拟/力争 before it (新建托育点13个 says as much of a plan as of a result);

- **one way of naming**: a page names its tasks in one way, quoted or unquoted; the way most
  task reports use is the page's, and a report of the other way inside a task's paragraph
  after it (a sub-project, 医疗机构内涵提升工程 under “医疗卫生能力提升”项目) is part of that
  task's progress;
- **how many**: at least three task reports with distinct subjects, and together (each
  subject with the clauses after it up to the next task report in its paragraph) they are at
  least half of the text from the first of them on: news mentions projects in passing, a
  report is made of them;
- **a lead of counts**: the paragraphs above the first task report (title, dateline, a lead
  summing the undertakings: 20件实事项目累计完成投资…, 389个子项目已开工383个) are the page's
  preamble, never a task; they must name the undertakings reported on (实事, 项目, 工程,
  重点工作, 民生) and not a plan (实施方案, 任务分解 … without a report word). Sentences of a
  paragraph before its first task report are the paragraph's frame (a domain's introduction),
  not any task's progress (warned with their count);
- **news stays news**: an opening that reports a meeting, a press conference or a visit
  (召开, 发布会, 会议, 听取, 调研 …) relays what was said there; task reports grouped under
  sentences counting the undertakings by their state (2项提前完成全年任务。8项按计划推进。: two
  or more) are a digest of states whose named undertakings illustrate the counts. Neither is
  read, and the page is refused as news (:mod:`.refusal`).

Task = the subject as written (its quotes and the word of undertaking after them kept);
进展情况 = the rest of its unit and the clauses after it up to the next task report of its
paragraph. No serial (the page has none), no units. Tried last among the paragraph readers,
on a page none of them reads; always warned, naming the alternative (news naming projects with
their figures), with a doubt (medium confidence). The result is a Grid read like any table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.prose.items import CN_NUMBERED, PLAN_WORD, REPORT_WORD, STYLES
from luoshi.ingest.text.rows import Para

NEWS_REPORT_LAYOUT = "news-report"
MIN_TASKS = 3
MAX_NAME = 30  # an unquoted name's length (a quoted one: 40)
_MAX_QUOTED = 40
_HEADER = ("任务内容", "进展情况")

# A date phrase opening a unit before its subject: 截至7月底, 今年以来, 上半年, 1-7月, 目前.
_DATE = re.compile(
    r"^(?:(?:截至|截止|截止到|到)\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末|份)?"
    r"|(?:\d{4}\s*年|今年|本年)?(?:以来|上半年|下半年|前三季度|[一二三四]季度|年初以来)"
    r"|\d{1,2}\s*[-—–－~～至到]\s*\d{1,2}\s*月(?:份)?|目前|当前|今年|近期)\s*[,，、]?\s*"
)
_OURS = re.compile(r"^(?:我|本|全)(?:省|市|区|县|镇|州)")
_UNDERTAKING = r"项目|工程|行动|实事"
# “X”项目 / “X项目” / “X”: the name in quotes, with the word of undertaking after it.
_QUOTED = re.compile(
    rf"^[“\"「『]([^”\"」』“]{{2,{_MAX_QUOTED}}})[”\"」』]\s*(?:{_UNDERTAKING})?"
)
# A works named by what it builds (城东幼儿园, 市第二人民医院, 滨江大桥): one undertaking too.
_WORKS = "学校|小学|中学|幼儿园|医院|卫生院|公园|大桥|隧道|水厂|污水处理厂|体育馆|图书馆|文化馆"
# An unquoted name closed by a word of undertaking and a comma (老旧小区改造工程,), or right
# before a done word opening its report (东环路改造工程已完工): the cut is then unambiguous.
_UNQUOTED = re.compile(
    rf"^([^,，。;；:：“”\"!！?？()（）]{{2,{MAX_NAME}}}?(?:项目|工程|行动|实事|{_WORKS}))"
    r"\s*(?:[,，]|(?=已|正在|累计|主体|均已|全面完成|顺利完成))"
)
# What a name of one undertaking never is: a government or place (本市, 全市, 各地), a group
# (a count, 等, 其中, 共), a frame (…中, …方面), a sentence (a done word inside).
_NOT_ONE = re.compile(
    r"^(?:(?:本|全|我|各)(?:省|市|区|县|镇|乡|州|国|地|街道)|该|这|此|其中|共|另)|等|\d+\s*(?:个|项|件|类|批|大)|[一二两三四五六七八九十]+"
    r"(?:个|项|件|类|批|大)|已|正在|完成|方面|领域"
)
# What was done: a done word (already, complete, started, topped out …), an investment
# completed, a share of the plan reached; never after a word of planning.
_DONE = re.compile(
    r"已[^。;；]{0,12}?(?:完成|完工|建成|竣工|开工|开通|投用|投入使用|封顶|实施|开展|启动|到位"
    r"|铺设|交付|拨付|建设|改造)"
    r"|完工|建成|竣工|封顶|投用|投入使用|新开工|开工\s*\d|累计|正在|完成投资|完成[^。;；,，]{0,12}\d"
    r"|占[^。;；,，]{0,12}(?:计划|任务|目标)[^。;；,，]{0,4}\d"
)
_COUNTS = re.compile(r"^(?:\d+|[一二两三四五六七八九十]+)\s*(?:个|项|件|类|批|大)")
_PLANNED = re.compile(r"预计|计划|将|拟|力争|争取|确保|目标")
# An opening reporting a meeting, a press conference or a visit (relayed speech).
_MEETING = re.compile(r"召开|举行[^。]{0,20}会|发布会|会议|会上|听取|座谈|调研|视察")
# A sentence counting undertakings by their state: 2项提前超额完成全年任务, 13项按计划推进.
_STATE_COUNT = re.compile(
    r"^(?:[\d]+|[一二两三四五六七八九十]+)\s*(?:项|件|个)[^。;；,，]{0,14}?"
    r"(?:完成|推进|开工|滞后|超|序时|提前|进展)"
)
_MAX_STATE_SENTENCE = 25
# a frame before a report inside a clause is short: a domain's introduction, a date
_MAX_FRAME, _MAX_FRAME_CLAUSES = 80, 3
_SUBJECT_WORDS = re.compile(r"实事|项目|工程|重点工作|民生")
_SENTENCE = re.compile(r"(?<=[。！？!?])")
_CLAUSE = re.compile(r"(?<=[;；])")


@dataclass
class _Unit:
    para: int  # index of its paragraph
    text: str  # as written
    name: str = ""  # the subject, when a task report
    quoted: bool = False
    rest: str = ""  # the report after the subject


def _subject(text: str) -> tuple[str, bool, str] | None:
    """(subject as written, quoted, the report after it) of a unit opening with the name of one
    undertaking and reporting what was done on it; None otherwise."""
    plain = to_simplified(text)  # (character for character: offsets hold)
    start = 0
    while m := _DATE.match(plain[start:]):
        if not m.group(0):
            break
        start += m.end()
    if (m := _OURS.match(plain[start:])) and _QUOTED.match(plain[start + m.end() :]):
        start += m.end()  # 我市“X”项目: the government's own undertaking, still the subject
    if m := _QUOTED.match(plain[start:]):
        quoted, end = True, start + m.end()
        name = m.group(1)
        if _COUNTS.match(name):
            return None  # “十件实事”: the undertakings counted, a group
    elif m := _UNQUOTED.match(plain[start:]):
        quoted, end = False, start + m.end(1)
        name = m.group(1)
        if _NOT_ONE.search(name):
            return None
    else:
        return None
    rest = text[end:].lstrip(" ,，:：")
    # the report opens the rest: a done word in its first clause, none planned before it
    opening = re.split(r"[,，]", to_simplified(rest), maxsplit=1)[0]
    found = _DONE.search(opening)
    if found is None or _PLANNED.search(opening[: found.start()]):
        return None
    if quoted and not name.strip():
        return None
    return text[start:end].strip().rstrip(",，"), quoted, rest


def _units(paras: list[Para]) -> list[_Unit]:
    units: list[_Unit] = []
    for k, p in enumerate(paras):
        for sentence in _SENTENCE.split(p.text.strip()):
            for clause in _CLAUSE.split(sentence):
                if not clause.strip():
                    continue
                units += _cut(k, clause.strip())
    return units


def _cut(k: int, clause: str) -> list[_Unit]:
    """The clause as one unit, a task report when it opens with one; else, when a task report
    starts after one of its commas (…是最受关注的问题之一,今年以来,我市“X”项目,完成…), the
    frame before it and the report."""
    if (found := _subject(clause)) is not None:
        return [_Unit(k, clause, *found)]
    for m in list(re.finditer(r"[,，]", clause[:_MAX_FRAME]))[:_MAX_FRAME_CLAUSES]:
        if (found := _subject(clause[m.end() :])) is not None:
            return [_Unit(k, clause[: m.end()]), _Unit(k, clause[m.end() :], *found)]
    return [_Unit(k, clause)]


def _state_counts(units: list[_Unit]) -> int:
    """Sentences (or clauses) counting undertakings by their state (rule above)."""
    return sum(
        1
        for u in units
        if len(u.text) <= _MAX_STATE_SENTENCE and _STATE_COUNT.match(to_simplified(u.text))
    )


_OF_WHICH = re.compile(r"^其中")


def _drop_totals(units: list[_Unit]) -> None:
    """A clause opening with 其中 breaks the unit above it down: that unit is a total and the
    units after it in its paragraph its parts (classes of projects, sectors), no tasks."""
    for k, u in enumerate(units):
        if k == 0 or not _OF_WHICH.match(to_simplified(u.text)):
            continue
        above = next((x for x in reversed(units[:k]) if x.para == u.para and x.name), None)
        for x in [*([above] if above else []), *(x for x in units[k:] if x.para == u.para)]:
            x.name = ""


# A paragraph opened by a list marker or bullet, or a lone number (a flattened table's serial).
_BULLET = re.compile(r"^[●■◆▲★◇□○•▪◎☑☐✓✔]|^\d{1,3}$")


def marked_page(paras: list[Para]) -> bool:
    """Whether two or more paragraphs open with a list marker or are a lone number: the page
    is the list readers' (:mod:`.marked`, :mod:`.listing`), whose verdict holds."""
    count = 0
    for p in paras:
        text = to_simplified(p.text.strip())
        if _BULLET.match(text) or CN_NUMBERED.match(text) or any(
            st.match(text) for st in STYLES.values()
        ):
            count += 1
            if count >= 2:
                return True
    return False


def news_report_grid(paras: list[Para]) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a progress report in news shape (rule above), or None."""
    if marked_page(paras):
        return None
    units = _units(paras)
    _drop_totals(units)
    reports = [u for u in units if u.name]
    if len(reports) < MIN_TASKS:
        return None
    quoted = sum(1 for u in reports if u.quoted)
    style = 2 * quoted >= len(reports)  # the page's way of naming (a tie: quoted)
    first = next(k for k, u in enumerate(units) if u.name and u.quoted == style)
    lead = to_simplified(" ".join(u.text for u in units[:first]))
    if not _SUBJECT_WORDS.search(lead) or _MEETING.search(lead):
        return None
    if PLAN_WORD.search(lead) and not REPORT_WORD.search(lead):
        return None
    if _state_counts(units) >= 2:
        return None  # a digest of states: named undertakings illustrate its counts
    tasks: list[tuple[str, list[str], int]] = []  # (name, progress parts, paragraph)
    framed = 0
    for u in units[first:]:
        if u.name and u.quoted == style:
            tasks.append((u.name, [u.rest], u.para))
        elif tasks and u.para == tasks[-1][2]:
            tasks[-1][1].append(u.text)
        else:
            framed += 1
    names = {name for name, _, _ in tasks}
    carried = sum(len(n) + sum(len(x) for x in parts) for n, parts, _ in tasks)
    total = sum(len(u.text) for u in units[first:])
    if len(names) < MIN_TASKS or 2 * carried < total:
        return None
    rows: list[list[GridCell | None]] = []
    line0 = paras[tasks[0][2]].line
    rows.append([GridCell(h, 0, c, line=line0) for c, h in enumerate(_HEADER)])
    for r, (name, parts, k) in enumerate(tasks, 1):
        done = "".join(parts).strip()
        rows.append([GridCell(x, r, c, line=paras[k].line) for c, x in enumerate((name, done))])
    warnings: list[tuple[int | None, str]] = [
        (
            line0,
            f"{len(tasks)} units of running text each name one undertaking "
            f"({tasks[0][0][:16]!r}…) and say what was done on it: read as {len(tasks)} tasks "
            "without units — the alternative is news naming projects with their figures "
            "(may be news): check the tasks",
        )
    ]
    if framed:
        warnings.append(
            (None, f"{framed} sentence(s) opening a paragraph before its first task read as "
             "the paragraph's frame (a domain's introduction), not any task's progress")
        )
    return Grid(rows=rows, preamble=[p.text for p in paras[: tasks[0][2]]]), warnings
