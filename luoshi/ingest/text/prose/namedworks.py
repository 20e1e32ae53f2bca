"""**Named works in running text**: a report in news shape with no table and no list, whose
clauses each open with the proper name of a work — a plant, a hospital, a school, a road, a
base, a project — followed at once by the state it is in::

    截至6月底,续建项目全部复工,城东污水处理厂(2万吨/天)已完工;县人民医院新院区建设项目
    主体完工,正在进行配套设施建设,计划10月竣工。新建项目中,创业孵化基地完工;
    第一小学、第二小学两个项目主体完工;河滨公园改造工程(二期)已开工建设。

Rule (NAMED WORKS IN RUNNING TEXT), what makes such running text a list of tasks rather than
news, true of such pages wherever they come from:

- **clauses**: the text is cut into sentences (at 。！？) and sentences into clauses (at ；;);
  a paragraph with no comma and no sentence mark (a headline, a caption) holds none.
  A clause is a *work report* when, after a frame of at most three comma pieces within 80
  characters (a date: 截至6月底; a class: 新建项目中; a result of the class: 续建项目全部复工),
  its subject — everything up to its first state word — is one or more named works and
  nothing else, and the rest of the clause states where they are;
- **a named work** is a proper noun phrase of 2–40 characters ending in a word of works
  (工程, 项目, 厂, 医院, 学校, 小学, 幼儿园, 道路, 公园, 中心, 基地, 园区, 改造, 建设, 设施,
  楼, 馆, 站 …), a note in brackets after it kept with it ((1万吨/天), (3700户), (跨年度项目)),
  a modifier closed by 的 before it left out (投资1000万元的X项目 → X项目). It is *proper*:
  beside its words of works and of classes (续建, 新建, 重点, 民生, 工程类 …) it says at least
  two characters of its own (续建项目 is a class), and it holds no count (开工项目52个, 3个项目:
  aggregates), no verb of state or plan, no place or government alone (全市, 本区), no 等
  inside and no quote (“X”: the quoted readers' names, :mod:`.newsreport`);
- **groups**: several works share one state: names set off by 、 or by commas, or joined by
  和/及/与 where both sides are named works (A、B两个项目主体完工; A,B,C等5个项目已全部完成),
  a count closing the group (两个项目, 等5个项目) left out; a piece that does not end in a word
  of works continues the next (设施农、林业、农村改造 is one work). A clause made only of named
  works (no state) right before a work report whose subject closes with such a count, in the
  same sentence, belongs to that group (names listed over a ；);
- **states**: 已… (已完工, 已开工, 已完成), 主体完工, 基本建成, 完工, 竣工, 建成, 开工, 复工,
  封顶, 投用, 完成 (投资, X%), 累计, 正在…, 有序推进, 进展顺利, 建设中, 施工中; an adverb
  before it (全部, 均, 都) is the state's. A plan (计划X月竣工, 预计, 将) never opens a state:
  it is a plan, not a state; after a state it is part of it;
- **how many**: at least three distinct named works in at least two work reports, and the
  clauses naming works at least half of the text from the first report on: news mentions
  works in passing, a report is made of them;
- **a progress frame**: the text above the first work report, or its own sentence, says the
  report is as of a time or about progress (截至, 目前, 以来, 上半年, 进展, 进度, 推进): the
  page reports how far the works are, not what they are;
- **news stays news**: an opening that relays a meeting, a press conference or a visit (召开,
  发布会, 会上, 听取, 调研, 视察, 会议指出 …); works counted by their state, two or more counts on
  the page (78个子项完成年度目标任务, 15个子项正如期推进: a digest whose named works illustrate
  the counts — a count closing a named group, A、B等5个项目已完成, is the group's, not one);
  paragraphs of reports opening with the domain they are about, two or more (交通方面:…,
  农业方面:…: a summary by sector); list markers between the first work report and the last
  (the list readers' page, :func:`.newsreport.marked_page`; a site's 上一篇/下一篇 bullets
  below are not the report's): nothing is read, the page keeps its refusal ("news, no task
  list").

Task = the named work as written (its bracket note kept); 进展情况 = its clause from the state
word on (a group's state said of each of its works). No serial, no units. Tried last among
the readers of running text (the quoted and listed readers are more particular); always warned
with low confidence, naming the alternative reading (news, no task list). The result is a Grid
read like any table. Work is bounded: at most 200 clauses are looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.model import ParsedDocument
from luoshi.ingest.periods import parse_period, parse_year
from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.prose.newsreport import marked_page
from luoshi.ingest.text.rows import Para

NAMED_WORKS_LAYOUT = "named-works"
MIN_WORKS = 3
MIN_REPORTS = 2
MAX_NAME = 40
_MAX_FRAME, _MAX_FRAME_PIECES = 80, 3
_MAX_CLAUSES = 200
_HEADER = ("任务内容", "进展情况")

# compared on the simplified text (to_simplified keeps every offset)
_WORK_WORD = (
    r"(?:工程|项目|污水处理厂|水厂|电厂|厂房|厂|医院|卫生院|分院|学校|小学|中学|大学|幼儿园|"
    r"道路|大道|公路|大桥|桥梁|桥|隧道|公园|广场|中心|基地|园区|产业园|示范村|小区|"
    r"改造|建设|设施|配套|楼|馆|站|场馆|水库|管网)"
)
_NOTE = r"(?:\s*[(（][^()（）]{1,20}[)）])?"
_ENDS_AS_WORK = re.compile(rf"{_WORK_WORD}{_NOTE}$")
# The state a work is in, opening the rest of its clause (an adverb of the group before it).
_STATE = re.compile(
    r"(?:全部|均已|均|都|也|已全部|全面)?"
    r"(?:已|正在|正有序|有序推进|主体(?:工程)?(?:已)?(?:完工|完成|封顶|竣工)|基本(?:完工|建成|完成)"
    r"|完工|竣工|建成|开工|动工|复工|封顶|投用|投入使用|完成|累计|进展顺利|顺利推进|加快推进"
    r"|建设中|施工中)"
)
# A count closing a group of names: 两个项目, 等5个项目, 6个项目 (left out of the names).
_GROUP_COUNT = re.compile(
    r"(?:等)?\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:个|项|处|所)\s*(?:子)?(?:项目|工程)?$|等$"
)
# What a proper name never holds: a count (an aggregate), a state or plan verb, a quote.
_NOT_NAME = re.compile(
    r"\d+\s*(?:个|项|件|类|批)|[一二两三四五六七八九十]+\s*(?:个|项|件|类|批)|等|[“”\"「」:：]"
    r"|已|正在|计划|预计|将|拟|力争|确保|要|完成|推进|开工|竣工|完工|建成"
)
_PLACE_ALONE = re.compile(r"^(?:该|这|此|其中|共|另|其他|其余)")
# Words of works, of classes and of governments: a name made only of these is a class (续建项目,
# 全市重点项目), not a name.
_CLASS_WORDS = re.compile(
    rf"{_WORK_WORD}|续建|新建|在建|改建|扩建|重点|重大|民生|实事|工程类|采购类|类|今年|年度|"
    r"(?:本|全|我|各)(?:省|市|区|县|镇|乡|州|地|街道)?|[(（][^()（）]*[)）]"
)
_MIN_OWN = 2
# The name's modifier closed by 的 (投资1000万元的X项目): not part of the name.
_MODIFIER = re.compile(r"^.*的(?=.{2})")
_NAME_CUT = re.compile(r"[、,，]")
_JOIN = re.compile(r"和|及|与")
_FRAME = re.compile(r"截至|截止|目前|以来|上半年|下半年|季度|进展|进度|推进|月底|月末")
# An opening relaying a meeting, a press conference or a visit.
_MEETING = re.compile(
    r"召开|举行[^。]{0,20}会|发布会|会上|听取|调研|视察|会议(?:指出|要求|强调|认为|提出)"
)
# Works counted by their state (78个子项完成年度目标, 15个子项正如期推进, 2项提前完成): not a
# named group's closing count (A、B等5个项目已完成: after 等 or a word of works).
_STATE_COUNT = re.compile(
    r"(?:\d+|[一二两三四五六七八九十]+)\s*(?:项|件|个)[^。;；,，]{0,6}?(?:已|正在|正|均)?"
    r"(?:完成|推进|开工|完工|竣工|滞后|超|序时|提前|如期|进展)"
)
_MIN_STATE_COUNTS = 2
# A paragraph opening with the domain it is about (交通方面:, 农业领域:): a summary by sector.
_DOMAIN = re.compile(r"^[^,，。:：]{2,10}(?:方面|领域|战线)\s*[:：]")
_MIN_DOMAINS = 2
_SENTENCE = re.compile(r"(?<=[。！？!?])")
_PUNCTUATED = re.compile(r"[,，。;；！？!?]")
_FRAME_CLAUSE = re.compile(r"[,，。;；！？!?]")
_PERIOD_SPAN = 12  # a period opens its clause (与上半年相比 looks back)
_CLAUSE = re.compile(r"(?<=[;；])")


@dataclass
class _Clause:
    para: int
    sentence: int
    text: str  # as written, without its closing mark
    names: list[str] = field(default_factory=list)  # named works, as written
    state: str = ""  # from the state word on
    counted: bool = False  # the subject closes with a group count (等5个项目)
    start: int = 0  # offset of the subject (after the frame)


def _names(subject: str) -> list[str] | None:
    """The named works a subject is made of (rule above), as written; None when it is
    anything else."""
    plain = to_simplified(subject)
    pieces: list[tuple[str, str]] = []  # (piece, the mark after it)
    at = 0
    for m in [*_NAME_CUT.finditer(plain), None]:
        end = m.start() if m else len(plain)
        pieces.append((subject[at:end].strip(), m.group(0) if m else ""))
        at = m.end() if m else at
    names: list[str] = []
    carry = ""
    for piece, mark in pieces:
        piece = carry + piece
        if not _ENDS_AS_WORK.search(to_simplified(piece)):
            if mark != "、":
                return None  # (a comma ends a name: what comes before it is no work)
            carry = piece + mark  # (设施农、林业、农村改造: a piece without a word of works goes on)
            continue
        carry = ""
        names += _joined(piece)
    if carry or not names:
        return None
    return names if all(_proper(n) for n in names) else None


def _joined(piece: str) -> list[str]:
    """A piece cut at 和/及/与 where both sides are named works; else the piece."""
    plain = to_simplified(piece)
    for m in _JOIN.finditer(plain):
        left, right = piece[: m.start()], piece[m.end() :]
        if _ENDS_AS_WORK.search(to_simplified(left)) and _proper(left) and _proper(right):
            return [left.strip(), *_joined(right)]
    return [piece.strip()]


def _proper(name: str) -> bool:
    plain = to_simplified(name).strip()
    if not 2 <= len(plain) <= MAX_NAME or _NOT_NAME.search(plain) or _PLACE_ALONE.match(plain):
        return False
    if not _ENDS_AS_WORK.search(plain):
        return False
    return len(_CLASS_WORDS.sub("", plain)) >= _MIN_OWN


def _report(text: str) -> tuple[int, list[str], str, bool] | None:
    """(offset of the subject, its named works, the state, closed by a count) when the clause
    is a work report after a frame of at most three comma pieces (rule above); else None."""
    plain = to_simplified(text)
    starts = [0] + [
        m.end() for m in list(re.finditer(r"[,，]", plain[:_MAX_FRAME]))[:_MAX_FRAME_PIECES]
    ]
    for start in starts:
        state = _STATE.search(plain, start)
        if state is None:
            return None
        subject = text[start : state.start()]
        subject = subject[_MODIFIER.match(subject).end() :] if _MODIFIER.match(subject) else subject
        offset = state.start() - len(subject)
        counted = _GROUP_COUNT.search(to_simplified(subject).rstrip())
        if counted:
            subject = subject[: counted.start()]
        names = _names(subject.strip(" ,，、"))
        if names:
            return offset, names, text[state.start() :].strip(), bool(counted)
    return None


def _clauses(paras: list[Para]) -> list[_Clause]:
    out: list[_Clause] = []
    s = 0
    for k, p in enumerate(paras):
        if not _PUNCTUATED.search(p.text):
            continue  # a headline or a caption (no sentence mark, no comma) reports nothing
        for sentence in _SENTENCE.split(p.text.strip()):
            s += 1
            for clause in _CLAUSE.split(sentence):
                text = clause.strip().rstrip("。！？!?;；").strip()
                if not text:
                    continue
                c = _Clause(k, s, text)
                if (found := _report(text)) is not None:
                    c.start, c.names, c.state, c.counted = found
                elif (names := _names(text)) is not None:
                    c.names = names  # names only, no state: a group's head (rule above)
                out.append(c)
                if len(out) >= _MAX_CLAUSES:
                    return out
    return out


def _evidence(paras: list[Para], clauses: list[_Clause], first: int) -> bool:
    """The page-level evidence (rule above): a progress frame, no meeting, no digest."""
    lead = " ".join(p.text for p in paras[: clauses[first].para])
    own = " ".join(c.text for c in clauses if c.sentence == clauses[first].sentence)
    if not _FRAME.search(to_simplified(lead + own)):
        return False
    if _MEETING.search(to_simplified(lead + own)):
        return False
    counts = 0
    for p in paras:
        plain = to_simplified(p.text)
        for m in _STATE_COUNT.finditer(plain):
            before = plain[: m.start()].rstrip()
            if not before.endswith("等") and not _ENDS_AS_WORK.search(before):
                counts += 1
    if counts >= _MIN_STATE_COUNTS:
        return False  # a digest of states: the named works illustrate its counts
    reporting = {c.para for c in clauses if c.state}
    domains = sum(1 for k in reporting if _DOMAIN.match(to_simplified(paras[k].text.strip())))
    return domains < _MIN_DOMAINS


def named_works_grid(paras: list[Para]) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of named works in running text (rule above), or None."""
    clauses = _clauses(paras)
    tasks: list[tuple[str, str, int]] = []  # (work, state, paragraph)
    reports = 0
    for k, c in enumerate(clauses):
        if not c.state:
            continue
        names = list(c.names)
        if c.counted:
            # names listed over a ； right before, in the same sentence, join the group
            j = k - 1
            while j >= 0 and clauses[j].sentence == c.sentence and clauses[j].names \
                    and not clauses[j].state:
                names = clauses[j].names + names
                j -= 1
        reports += 1
        tasks += [(name, c.state, c.para) for name in names]
    distinct = {to_simplified(name) for name, _, _ in tasks}
    if len(distinct) < MIN_WORKS or reports < MIN_REPORTS:
        return None
    first = next(k for k, c in enumerate(clauses) if c.state)
    carried = sum(len(c.text) for c in clauses[first:] if c.names)
    if 2 * carried < sum(len(c.text) for c in clauses[first:]):
        return None  # works mentioned in passing: news
    last = max(k for _, _, k in tasks)
    if marked_page(paras[clauses[first].para : last + 1]):
        return None  # list markers among the reports: the list readers' page
    if not _evidence(paras, clauses, first):
        return None
    line0 = paras[tasks[0][2]].line
    rows: list[list[GridCell | None]] = [
        [GridCell(h, 0, c, line=line0) for c, h in enumerate(_HEADER)]
    ]
    for r, (name, state, k) in enumerate(tasks, 1):
        line = paras[k].line
        rows.append([GridCell(name, r, 0, line=line), GridCell(state, r, 1, line=line)])
    warnings: list[tuple[int | None, str]] = [
        (
            line0,
            f"{len(tasks)} works named in running text, each followed by its state "
            f"({tasks[0][0][:16]!r}…), in {reports} clauses: read as {len(tasks)} tasks "
            "(low confidence) — the alternative reading is news, no task list: check the tasks",
        )
    ]
    # the preamble, read for the page's title, period and government: the paragraphs above the
    # first report and its own paragraph's frame before it (2016年,…。截至6月底,…,)
    head = clauses[first]
    text = paras[head.para].text
    frame = text[: max(text.find(head.text), 0) + head.start]
    preamble = [p.text for p in paras[: head.para]] + [x for x in (frame,) if x.strip()]
    return Grid(rows=rows, preamble=preamble), warnings


def frame_period(doc: ParsedDocument, paras: list[Para]) -> None:
    """THE FRAME'S PERIOD: a page read here whose title and opening give no period takes it
    from the first clause above its first work report (its own paragraph's frame included)
    that opens with a period (上半年, 截至6月底, 1-9月; 今年 before it allowed), in the year that
    text names first (2016年,…) or the page's year; warned, the alternative being the date the
    page was published. Nothing is set when no year is known (截至6月底 alone may be the year
    before's)."""
    if doc.meta.period is not None or not doc.tasks or doc.tasks[0].line_start is None:
        return
    first = doc.tasks[0]
    above: list[str] = []
    for p in paras:
        if p.line > first.line_start:
            break
        text = p.text
        if p.line == first.line_start:
            at = text.find(first.text.strip())
            text = text[: max(at, 0)]
        above.append(text)
    joined = to_simplified(" ".join(above))
    year = doc.meta.year or parse_year(joined)
    if year is None:
        return
    for clause in _FRAME_CLAUSE.split(joined):
        head = re.sub(r"^\s*(?:今年|本年)", "", clause.strip())[:_PERIOD_SPAN]
        period = parse_period(head, year)
        if period is None or period.end_date is None or not head.startswith(
            ("截至", "截止", period.label)
        ):
            continue
        doc.meta.year, doc.meta.period = year, period
        doc.warn(
            first.line_start,
            f"period {period.label!r} of {year} taken from the text above the first work "
            f"({clause.strip()[:20]!r}): the title names none (the alternative: the date the "
            "page was published); check it",
        )
        return
