"""STATUS BUCKETS: a supervision bulletin (督查通报, 督查专报, a 落实情况 summary) that grades the
tasks it checked and names, inside its prose, the tasks of each grade, is a list of those
tasks, each with its grade as its declared status. True of such bulletins wherever they come
from (the document luoshi's users write, read back):

- a **grade** is a status the bulletin declares, from a closed vocabulary (``_GRADES``): lagging
  (滞后, 欠进度, 进展缓慢, 不够理想, 未完成, 不能完成, 出现调整), not started (未启动, 未开工), at
  risk (有一定困难, 有风险, 基本达序), done (已完成, 基本完成, 全面完成, 完成年度任务), ahead
  (超进度, 超序时), on course (完成情况较好, 进展良好, 顺利推进, 达序时进度, 年底前能完成); or a
  share of the year's plan (完成年计划70%以上), which the analysis judges by pace. The leftmost
  grade of a clause is its grade (未达序时进度 before 达序时进度, 不能完成 before 能完成);
- a **bucket** binds a grade to the items it names, in one of three ways:

  * **names then grade** in one clause (up to 。！？；; or a paragraph's end): a list closed
    by 等 and a class of items (项目, 任务, 指标, 工作, 事项, 工程, 实事, 目标; a count and a
    qualifier of up to 8 characters between: 等26个项目, 等部分重点项目或任务), or by a count
    and a class alone (A、B、C3项指标: all of them), then the grade within ``MAX_GAP``
    characters (…等项目或任务受多种因素影响完成情况不够理想). The list starts at the
    clause's start or at the end of the clause's previous bucket;
  * **referenced names then grade**: a list whose every name cites its place in the plan,
    (第五项), right before the grade (A(第五项)、B(第八项)已完成): the references mark names
    of tasks without 等;
  * **grade then names**: a sentence declaring the grade of a class of items, with a count
    after the grade (已经完成或基本完成的指标任务,共计19项; 完成有一定困难的有2项), right after
    it (未达到序时进度11项, 已完成子项目7个; a share's tail, 7.33个百分点, is no count) or a
    lead-in (滞后的项目主要有:, …滞后:), then the names, up to the next bucket or the next
    numbered section (一、 (一) 1.): a run of quoted “…” names within 24 characters of the
    sentence's end (主要是“A”,“B”等; a quote followed by more of its name, “X”活动完成投资…, is
    no quoted name), or points 一是…二是…, or a list after a lead-in (主要是, 分别为, 包括, :;
    perhaps after a short clause: 、占比20%,为A、B…) up to its sentence's end or its closing
    等 — a list running to the end of the page is cut there: fewer than its count allowed;

- the names are parted as :mod:`.bucketnames` says (coarsest separator, frame dropped, plan
  references read off, lists governed by a verb or holding a subject refused);
- **the count checks the names**: a bucket that counts its items (共计19项, 等26个项目) and
  gives its names as examples (等, 主要是, 例如) may name fewer, never more; one that names them
  all (分别为…, 是…) must name exactly as many. A bucket failing the check is dropped (warned);
  a quote left open by the end of the page is the last name, cut off: kept as it stands, and
  its bucket may then name fewer than its count (warned);
- **a bulletin, not news**: the page names a report or a supervision above its first bucket
  (督查, 通报, 完成情况, 落实情况, 进度 …) above its first bucket that names items, grades in at
  least two distinct ways, each grade naming its items or counting them (达到序时进度44项: a
  bulletin sorts what it checked; news praising work names one grade; a grade neither naming
  nor counting does not count), and names at least ``MIN_TASKS`` items. Text above that first
  bucket reporting a meeting, a press conference or a visit (召开, 会上, 发布会, 座谈, 调研 …)
  makes the page news relaying what was said there, as it does for a news-shaped report.
  A page with no bucket is refused as before (:mod:`.refusal`).

ANNOUNCED ITEMS: a list announcing, with a count it matches, the items the bulletin covers
(列入本次通报的为4项,分别为A、B、C、D), some of which a bucket names, gives the others as
tasks too, each where the announcement names it. **By complement**: when the buckets naming
announced items are all lagging or not started (滞后, 未启动) and closed (each names all it
counts: no 等 or 主要是 short of its count), name nothing outside the announcement, and no bucket
of the announcement's section (from its numbered heading to the next; the page when it has
none) grades otherwise, those buckets are the announced set's laggards, and the others are
graded by complement: on course (正常推进) as the likeliest reading, done or ahead the
alternatives (the bulletin checked them and named none of them lagging); 备注 says it is by
complement (``COMPLEMENT_REMARK``) and the reading is warned. Otherwise (a done or on-course
bucket in the section, an example list, a name outside) the others keep no declared status
(warned, saying why).

Each item is one task, in page order (of first mention): its name (quotes and reference
dropped), its serial from its plan reference (else none), 进展状态 the bucket's grade in the
word the analysis reads as a declared status (滞后, 未启动, 有风险, 已完成, 超进度, 正常推进; a
share phrase as written), 备注 the grade as the page writes it, 进展情况 what the bulletin
says of the item after its reference or its own state (A已竣工). The rules read the page in
simplified characters; the cells keep the page's own. Tried after every other prose reader;
always warned that the tasks were read from a bulletin's status buckets (low confidence),
naming the alternative (a bulletin to refuse as news). The result is a Grid read like any
table.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.pipegroupserial import chinese_number
from luoshi.ingest.text.prose.bucketnames import (
    REFERENCE,
    Name,
    names_of_list,
    points,
    quoted_run,
)
from luoshi.ingest.text.rows import Para

BUCKETS_LAYOUT = "status-buckets"
MIN_TASKS = 3
MIN_GRADES = 2
MAX_GAP = 40  # characters between a list's class (等…项目) and its grade
MAX_LIST = 800  # characters of a list of names before its grade, at most
MAX_QUOTE_LEAD = 24  # characters between a grade sentence's count and its first quoted name
MIN_CUT = 2  # characters of a quoted name cut off by the page's end, for it to be kept

# (the word written as declared status, the page's phrases), leftmost match wins, ties to the
# earlier entry: lagging before on course (不能完成 / 能完成 start apart anyway)
_GRADES = (
    (
        "滞后",
        r"完成情况不够理想|不够理想|不理想|进展缓慢|进度缓慢|进展(?:较|偏)慢|进度(?:较|偏)慢|滞后"
        r"|落后于?(?:时间|序时)?进度|未达到?(?:时间|序时)?进度|未达序|欠进度|未完成"
        r"|不能(?:全部|按期|如期)?完成|无法(?:按期|如期)?完成|难以完成|出现调整",
    ),
    ("未启动", r"尚未启动|未启动|尚未开工|未开工|尚未开展"),
    ("有风险", r"有一定困难|存在一定困难|有风险|风险较大|基本达序|略低于(?:时间|序时)进度"),
    (
        "已完成",
        r"已经完成|已完成|基本完成|全面完成|全部完成|已办结|已竣工|提前完成|超额完成"
        r"|完成(?:了)?(?:全年|年度)(?:目标)?任务",
    ),
    ("超进度", r"超进度|超序时|超时间进度|快于(?:时间|序时)进度"),
    (
        "正常推进",
        r"完成情况(?:较|良)好|完成(?:较|良)好|进展(?:情况)?良好|进展顺利|顺利推进|正常推进"
        r"|有序推进|按计划推进|达到?(?:时间|序时)进度|达序时|达进度|序时推进"
        r"|能(?:够|确保)?(?:按期|如期)?完成|有望(?:按期|如期)?完成",
    ),
    ("", r"完成(?:年|年度|全年)?计划(?:的)?\s*\d+(?:\.\d+)?\s*%(?:以上|左右)?"),
)
_GRADE = re.compile("|".join(f"(?P<g{k}>{p})" for k, (_, p) in enumerate(_GRADES)))
_N = r"\d{1,4}|[一二三四五六七八九十百]{1,4}"
_NUM = rf"({_N})"
_CLASS = r"(?:项目|任务|指标|工作|事项|工程|实事|目标)"
# a list's close: 等 (examples), a count after it, or a count alone right after the last name
# (A、B、C3项指标: all of them); then a qualifier and a class
_ETC = re.compile(
    rf"(?:(?P<etc>等)\s*(?:(?P<n1>{_N})\s*[个项件条])?|(?<![\d一二三四五六七八九十百])(?P<n2>{_N})"
    rf"\s*[个项件条])\s*[^,，。；;、“”]{{0,8}}?{_CLASS}(?:或{_CLASS})?"
)
_COUNT = re.compile(rf"(?:共计|共有|合计|共|计|有)\s*{_NUM}\s*[个项件条]")
# a count right after the grade, a class perhaps between (已完成子项目7个, 未达到序时进度11项)
# (not the tail of a decimal or a share: 超序时进度7.33个百分点)
_COUNT_NEAR = re.compile(rf"^[^,，。；;、]{{0,6}}?(?<![\d.．]){_NUM}\s*[个项件条](?!百分点)")
_LEAD = re.compile(r"^[^。！？!?]{0,12}?(?:(?:主要)?(?:有|是|为|包括|如下)\s*[:：]|[:：])")
# the lead-in before names, perhaps after a short clause (、占比20%,为…)
_NAMES_LEAD = re.compile(
    r"^[\s。,，:：、]*(?:(?:[^。,，“”:：]{0,12}[,，])?(?:(主要|例如|比如|如|其中|包括)?(?:是|有|为|包括)"
    r"|分别(?:为|是)|具体(?:为|是|有))\s*[:：]?)?"
)
_REF_GAP = re.compile(r"^\s*[均都]?\s*$")  # between a plan reference and its grade
_CLAUSE_END = re.compile(r"[。！？!?；;\n]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_SECTION = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．])")
# news relaying a meeting, a press conference or a visit (as newsreport.py: news stays news)
_MEETING = re.compile(r"召开|举行[^。]{0,20}会|发布会|会议|会上|听取|座谈|调研|视察")
# a count announcing the items then their names: 为4项,分别为A、B…
_ANNOUNCES = re.compile(rf"{_NUM}\s*[个项件条][,，:：]?\s*分别(?:为|是)\s*[:：]?")
# grades a complement is drawn against (ANNOUNCED ITEMS): the laggards named, the others not
_LAGGING = ("滞后", "未启动")
COMPLEMENT_GRADE = "正常推进"
COMPLEMENT_REMARK = "按补集推定:通报列入而未点名"  # no grade word: the analysis reads 进展状态
_REPORT = re.compile(r"完成情况|进展情况|推进情况|落实情况|实施情况|进度|通报|督办|督查|督察|专报")


@dataclass
class _Bucket:
    start: int  # where the declaration starts in the page's text
    grade: re.Match[str]
    names: list[Name] = field(default_factory=list)
    count: int | None = None
    examples: bool = True  # names given as examples (等, 主要是): fewer than the count allowed
    names_from: int | None = None  # grade then names: where the names may start
    lead: bool = False  # grade then names: the declaration closes with a lead-in (…有:)
    capped: bool = False  # names then grade: the list ran further back than MAX_LIST

    @property
    def word(self) -> str:
        word = _GRADES[int((self.grade.lastgroup or "g0")[1:])][0]
        return word or self.grade.group(0)


def buckets_grid(paras: list[Para]) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of a bulletin naming its tasks in status buckets (module rules), or None."""
    if not paras:
        return None
    text = "\n".join(to_simplified(p.text) for p in paras)
    starts = list(_starts(paras))
    inline = _names_then_grade(text)
    found = inline + _grade_then_names(text, [b.grade.start() for b in inline])
    if not found:
        return None
    found.sort(key=lambda b: b.start)
    warn: list[tuple[int | None, str]] = []
    sections = [at for at, p in zip(starts, paras, strict=True) if _SECTION.match(p.text)]
    sections.append(len(text))
    begins = [b.start for b in found] + [len(text)]
    for b in found:
        if b.names_from is not None:
            # up to the next declaration or section after where the names start
            stop = min(
                begins[bisect.bisect_right(begins, b.names_from)],
                sections[bisect.bisect_right(sections, b.names_from)],
            )
            at_end = stop == len(text)
            _names_after(b, text[b.names_from : stop], warn, _line(paras, starts, b.start), at_end)
    for b in found:
        if b.capped:
            warn.append((_line(paras, starts, b.start), (
                f"the list before {b.grade.group(0)!r} runs further back than {MAX_LIST} "
                f"characters: only its last {MAX_LIST} read (its first name may be cut)"
            )))
    kept = [b for b in found if _count_holds(b, warn, _line(paras, starts, b.start))]
    named = [b for b in kept if b.names]
    first = min((b.start for b in named), default=0)
    if (
        len({b.word for b in kept if b.names or b.count}) < MIN_GRADES
        or sum(len(b.names) for b in named) < MIN_TASKS
        or not _REPORT.search(text[:first])
        or _MEETING.search(text[:first])
    ):
        return None
    announced = _announced(text, named, kept, sections)
    first = min([first] + [a.at for a in announced])
    page = _Page(paras, starts, text, "\n".join(p.text for p in paras))
    return _grid(page, named, announced, first, warn)


@dataclass
class _Page:
    """The page's paragraphs, where each starts in its text, and that text in simplified
    characters (what the rules read) and as written (what the cells keep: to_simplified
    keeps every offset)."""

    paras: list[Para]
    starts: list[int]
    text: str
    written: str

    def as_written(self, part: str, after: int) -> str:
        """``part`` (a piece of the simplified text at or after ``after``) as the page writes
        it."""
        at = self.text.find(part, after) if part else -1
        return self.written[at : at + len(part)] if at >= 0 else part


@dataclass
class _Announced:
    """An announcement of the items a bulletin covers: where, its names, the lagging buckets
    its ungraded items are the complement of (none: no complement drawn, ``why`` says why)."""

    at: int
    names: list[Name]
    against: list[_Bucket]
    why: str = ""


def _announced(
    text: str, named: list[_Bucket], kept: list[_Bucket], sections: list[int]
) -> list[_Announced]:
    """ANNOUNCED ITEMS: lists announcing, with their count, the items a bulletin covers
    (列入通报的为4项,分别为A、B、C、D) of which a bucket names some, each with the buckets its
    ungraded items are graded against by complement (module rule)."""
    graded = {n.text for b in named for n in b.names}
    out = []
    for m in _ANNOUNCES.finditer(text):
        stop = _SENTENCE_END.search(text, m.end())
        names = names_of_list(text[m.end() : stop.start() if stop else len(text)])
        if names and len(names) == _number(m.group(1)) and graded & {n.text for n in names}:
            against, why = _complement(m.start(), names, named, kept, sections)
            out.append(_Announced(m.start(), names, against, why))
    return out


def _complement(
    at: int, names: list[Name], named: list[_Bucket], kept: list[_Bucket], sections: list[int]
) -> tuple[list[_Bucket], str]:
    """The lagging buckets an announcement's ungraded items are the complement of (module
    rule: BY COMPLEMENT), or none and why not. ``sections``: where numbered sections start,
    the page's end last."""
    announced = {n.text for n in names}
    graders = [b for b in named if announced & {n.text for n in b.names}]
    k = bisect.bisect_right(sections, at)
    lo, hi = (sections[k - 1] if k > 0 else 0), sections[min(k, len(sections) - 1)]
    # the section's buckets that grade something (name or count it), and the graders
    scope = [b for b in kept if lo <= b.grade.start() < hi and (b.names or b.count)]
    other = next((b for b in scope + graders if b.word not in _LAGGING), None)
    if other is not None:
        return [], f"the announcement's section also grades {other.grade.group(0)!r}"
    if any(b.examples and b.count != len(b.names) for b in graders):
        return [], "its lagging items are named as examples, not all"
    outside = next((n for b in graders for n in b.names if n.text not in announced), None)
    if outside is not None:
        return [], f"a lagging bucket names {outside.text[:12]!r}, which it does not announce"
    return graders, ""


def _starts(paras: list[Para]) -> list[int]:
    out, at = [], 0
    for p in paras:
        out.append(at)
        at += len(p.text) + 1
    return out


def _line(paras: list[Para], starts: list[int], at: int) -> int:
    return paras[max(0, bisect.bisect_right(starts, at) - 1)].line


def _spans(text: str, end: re.Pattern[str]) -> list[tuple[int, int]]:
    out, at = [], 0
    for m in end.finditer(text):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, len(text)))
    return [(a, b) for a, b in out if b > a]


def _number(numeral: str | None) -> int | None:
    if not numeral:
        return None
    return int(numeral) if numeral.isdigit() else chinese_number(numeral)


def _names_then_grade(text: str) -> list[_Bucket]:
    """Buckets whose names come before their grade in one clause (module rule)."""
    out = []
    for start, end in _spans(text, _CLAUSE_END):
        # each clause's list closes and plan references found once (linear time, whatever
        # the number of grades); a list is looked for in the MAX_LIST characters before its
        # grade only
        etcs = list(_ETC.finditer(text, start, end))
        etc_ends = [m.end() for m in etcs]
        refs = list(REFERENCE.finditer(text, start, end))
        ref_ends = [m.end() for m in refs]
        at = start
        for g in _GRADE.finditer(text, start, end):
            if g.start() < at:
                continue
            capped = g.start() - MAX_LIST > at
            at = max(at, g.start() - MAX_LIST)
            k = bisect.bisect_right(etc_ends, g.start()) - 1
            m = etcs[k] if k >= 0 else None
            if m is not None and m.start() >= at and g.start() - m.end() <= MAX_GAP:
                names = names_of_list(text[at : m.start()], inline=True)
                if names:
                    count = _number(m.group("n1") or m.group("n2"))
                    out.append(_Bucket(at, g, names, count, bool(m.group("etc")), capped=capped))
                at = g.end()
                continue
            k = bisect.bisect_right(ref_ends, g.start()) - 1
            ref = refs[k] if k >= 0 else None
            gap = text[ref.end() : g.start()] if ref is not None else ""
            if ref is not None and ref.start() >= at and _REF_GAP.match(gap):
                names = names_of_list(text[at : ref.end()], inline=True)
                if names and all(n.serial for n in names):
                    out.append(_Bucket(at, g, names, None))
                at = g.end()
    return out


def _grade_then_names(text: str, taken: list[int]) -> list[_Bucket]:
    """Declarations of a grade whose names follow (module rule): where each names may start;
    the names are read once the next declaration is known (:func:`_names_after`). A sentence
    holding a bucket whose names come first (its grade at ``taken``) declares no other."""
    out = []
    taken = sorted(taken)
    for start, end in _spans(text, _SENTENCE_END):
        k = bisect.bisect_left(taken, start)
        if k < len(taken) and taken[k] < end:
            continue
        g = _GRADE.search(text, start, end)
        if g is None:
            continue
        near = _COUNT_NEAR.match(text[g.end() : end])
        count = _COUNT.search(text, g.end(), end)
        lead = _LEAD.match(text[g.end() : end])
        if near is not None:
            n = _number(near.group(1))
            out.append(_Bucket(start, g, [], n, False, g.end() + near.end()))
        elif count is not None:
            out.append(_Bucket(start, g, [], _number(count.group(1)), False, count.end()))
        elif lead is not None:
            out.append(_Bucket(start, g, [], None, False, g.end() + lead.end(), True))
    return out


def _names_after(
    b: _Bucket, span: str, warn: list[tuple[int | None, str]], line: int, at_end: bool
) -> None:
    """The names following a grade declaration, in ``span`` (up to the next declaration or
    section; ``at_end``: up to the end of the page): quoted names, points, or a list after a
    lead-in (module rule)."""
    lead = _NAMES_LEAD.match(span)
    b.examples = bool(lead and lead.group(1))
    quoted = quoted_run(span)
    if quoted is not None and span.find("“") <= MAX_QUOTE_LEAD and (quoted[0] or quoted[2]):
        names, end, cut = quoted
        b.names = names
        b.examples = b.examples or span[end:].lstrip().startswith("等")
        opened = span.rfind("“")
        if cut and len(span[opened + 1 :].strip()) >= MIN_CUT:
            # the last name, cut off by the end of the page: kept as it stands; the names
            # the page lost cannot be counted, so fewer than the count is no misreading
            b.names.append(Name(span[opened + 1 :].strip()))
            b.examples = True
            warn.append((line, f"the last name quoted under {b.grade.group(0)!r} is cut off by "
                               "the end of the page: kept as it stands"))
        return
    rest = span[lead.end() :] if lead else span
    found = points(rest)
    if found is not None:
        b.names = found
        return
    if not b.lead and (not lead or not lead.group(0).strip(" \n。,，:：、")):
        return  # no lead-in: what follows is the bulletin's own text, no names
    stop = _SENTENCE_END.search(rest)
    region = rest[: stop.start()] if stop else rest
    etc = _ETC.search(region) or re.search(r"等(?=[,，]|$)", region)
    if etc is not None:
        region, b.examples = region[: etc.start()], True
    b.names = names_of_list(region) or []
    if stop is None and b.names and at_end:
        # the list runs to the end of the page: the names after it were lost with the rest
        b.examples = True
        warn.append((line, f"the names under {b.grade.group(0)!r} run to the end of the page: "
                           "the last may be cut off, the others are lost"))


def _count_holds(b: _Bucket, warn: list[tuple[int | None, str]], line: int) -> bool:
    """Whether the bucket's names agree with its count (module rule); a bucket without names
    holds (it declares a grade)."""
    if b.count is None or not b.names:
        return True
    n = len(b.names)
    if n == b.count or (b.examples and n < b.count):
        if n < b.count:
            warn.append((line, f"the bucket {b.grade.group(0)!r} counts {b.count} items and names "
                               f"{n} as examples: the other {b.count - n} are not on the page"))
        return True
    warn.append((line, f"the bucket {b.grade.group(0)!r} counts {b.count} items but names {n}: "
                       "its names are misread, not read"))
    return False


def _grid(
    page: _Page,
    buckets: list[_Bucket],
    announced: list[_Announced],
    first: int,
    warn: list[tuple[int | None, str]],
) -> tuple[Grid, list[tuple[int | None, str]]]:
    paras, starts = page.paras, page.starts
    # in page order of first mention: an announced item where the announcement names it
    where: dict[str, tuple[_Announced, int]] = {}
    for a in announced:
        for k, n in enumerate(a.names):
            where.setdefault(n.text, (a, k))
    placed: list[tuple[tuple[int, int], int, _Bucket | _Announced, Name]] = []
    for b in buckets:
        for k, n in enumerate(b.names):
            a_k = where.pop(n.text, None)
            placed.append(((a_k[0].at, a_k[1]) if a_k else (b.start, k), b.start, b, n))
    for text_, (a, k) in where.items():
        name = next(n for n in a.names if n.text == text_)
        placed.append(((a.at, k), a.at, a, name))
    placed.sort(key=lambda x: x[0])
    items = [(b, n, at) for _, at, b, n in placed]
    _warn_ungraded([(g, n) for g, n, _ in items if isinstance(g, _Announced)], warn,
                   _line(paras, starts, first))
    serial = any(n.serial for _, n, _ in items)
    said = any(n.said for _, n, _ in items)
    header = ["序号"] if serial else []
    header += ["任务内容", "进展状态", "备注"] + (["进展情况"] if said else [])
    top = _line(paras, starts, first)
    rows: list[list[GridCell | None]] = [
        [GridCell(h, 0, c, line=top) for c, h in enumerate(header)]
    ]
    for r, (b, n, at) in enumerate(items, 1):
        line = _line(paras, starts, at)
        if isinstance(b, _Bucket):
            grade = [b.word, page.written[b.grade.start() : b.grade.end()]]
        else:
            grade = [COMPLEMENT_GRADE, COMPLEMENT_REMARK] if b.against else ["", ""]
        cells = ([n.serial] if serial else []) + [page.as_written(n.text, at)] + grade
        cells += [page.as_written(n.said, at)] if said else []
        rows.append([GridCell(t, r, c, line=line) for c, t in enumerate(cells)])
    grades = "、".join(dict.fromkeys(b.grade.group(0) for b in buckets))
    warn.insert(0, (top, (
        f"{len(items)} tasks read from {len(buckets)} status buckets of a bulletin ({grades}): "
        "each task's declared status is its bucket's grade, its text only the name the bulletin "
        "gives (low confidence) — the alternative is a bulletin to refuse as news: check the tasks"
    )))
    preamble = [p.text for p in paras if p.line < top]
    return Grid(rows=rows, where="", preamble=preamble), warn


def _warn_ungraded(
    ungraded: list[tuple[_Announced, Name]], warn: list[tuple[int | None, str]], line: int
) -> None:
    """Say which announced items no bucket grades: graded by complement, or left without a
    declared status (and why)."""
    by = [n.text for a, n in ungraded if a.against]
    if by:
        laggards = "、".join(dict.fromkeys(b.grade.group(0) for a, _ in ungraded for b in a.against))
        warn.append((line, (
            f"{len(by)} item(s) the bulletin announces but grades in no bucket ({by[0][:12]!r}…) "
            f"graded by complement: {COMPLEMENT_GRADE} (on course), the likeliest reading, as the "
            f"only buckets grading the announced items ({laggards}) name its laggards, all of "
            "them — done or ahead are the alternatives"
        )))
    left = [(a, n.text) for a, n in ungraded if not a.against]
    if left:
        warn.append((line, (
            f"{len(left)} item(s) the bulletin announces among those it covers but grades in "
            f"no bucket ({left[0][1][:12]!r}…): read as tasks without a declared status (no "
            f"complement drawn: {left[0][0].why})"
        )))
