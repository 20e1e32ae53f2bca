"""**Listed works**: a report in news shape that names its undertakings once, in a list inside
one sentence, and reports their progress later, clause by clause, each clause naming the works
it is about again (alone or in groups, in any order)::

    今年共实施4项实事,包括建成东区水厂、开工建设城南泵站、完成河道清淤和老街改造等工作。   (the list)
    截至6月底,东区水厂已完成投资2亿元,占总投资的80%;河道清淤累计完成60%;
    城南泵站、老街改造前期工作正在推进。                                        (the reports)

Rule (LISTED WORKS), what makes such running text a task list rather than news, true of such
pages wherever they come from:

- **the list**: a sentence holding, after a word introducing what it enumerates (包括, 分别是,
  主要有, 共有, 涵盖, 负责实施, 实施, 推进, 将 … or a colon), at least three names separated by
  顿号 (、) — pieces set off by commas or 和/及 after them are items of the same list (包括免费开放
  1个文化馆、1个图书馆,建成57个文化室,…) — ending at the sentence's end or at 等 (…等工作: the
  rest of the sentence says what was done with the list). Each item is 2–40 characters; where
  a sentence has several such runs (共有A、B两大类,包括C、D、E …) the longest is the list; a
  count of projects closing an item (…图书补充更新8个省级项目和…) is the list's tally, cut off;
- **the reports**: later clauses (cut at 。！？;；) that say what was done (a done word: 已, 完成,
  建成, 完工, 竣工, 开工, 累计, 正在, 推进, 招标, 投用, a share 的X%) and name items of the list
  again. An item is named by the clause sharing with it the longest run of characters, three at
  least, once words every work shares (项目, 工程, 建设, 完成, 年度 …), figures and notes in
  brackets ((第二十六项), a numbering) are set aside (57个贫困村文化室 is named by
  建成贫困村文化室36个; 农家书屋图书补充更新 by 农家书屋补充更新图书); a clause may name
  several items (X、Y均已完成主体建设), an item takes its best clause only; an item no clause
  names so is named by a piece opening with its name shortened (characters dropped, the rest in
  order from its first, four at least and half of it: 农房改造建设 for 农村住房改造建设);
- **how many**: at least three items named by reports, at least half of the list, in at least
  two distinct clauses: news lists works in passing, a report comes back to them;
- **news stays news**: a page of counts names no list reported on again (its figures are
  totals by category), so it is not read here and keeps its refusal (:mod:`.refusal`).

Task = the item as listed (its verb kept: 建成东区水厂); 进展情况 = its clause from the comma-piece
naming it (a date phrase before it, 截至6月底, or a total, 5个项目均已完成…其中:, left out), without
its subject where that is only names of listed works (one, or a group joined by 、/和/及; each
the item's name as the report repeats it, made of runs of the item's characters, nothing said
besides: not 城南泵站前期工作) right before the clause's done word: what the clause says of
them it says of each (美丽乡村建设完成工作量的67% -> 完成工作量的67%; X项目、Y项目已全面完成建设
-> 已全面完成建设 for X and for Y). An item no report names keeps an empty progress (warned with the count). No serial, no units.
Tried first among the readers of running text (a list reported on is more particular than
one undertaking per clause, :mod:`.newsreport`); always warned with low confidence, naming the
alternative (news listing works). The result is a Grid read like any table. Work is bounded:
at most 30 items a list, 8 list sentences a page, 6,000 characters after each searched.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.rows import Para

LISTED_LAYOUT = "listed-works"
MIN_ITEMS = 3
MAX_ITEM = 40
MIN_SHARED = 3  # characters an item and its report share
_MIN_SHORT = 4  # characters of a shortened name (农房改造建设)
_HEADER = ("任务内容", "进展情况")
_MAX_REPORT_TEXT = 6000  # characters after the list searched for reports (bounded work)
_MAX_LIST_ITEMS = 30
_MAX_LISTS = 8  # list sentences tried on a page

# (compared on the simplified text: to_simplified keeps every offset)
_INTRO = re.compile(r"包括|包含|分别是|分别为|主要有|共有|涵盖|负责实施|实施|推进|将|[:：]")
_SENTENCE = re.compile(r"(?<=[。！？!?])")
_CLAUSE = re.compile(r"(?<=[;；])")
_ITEM_CUT = re.compile(r"[、,，;；]|(?:和|及|以及)(?=\S{4})")
_LIST_END = re.compile(r"等(?:工作|项目|工程|任务|实事|民生|\d|[一二两三四五六七八九十]|$)|[。！？!?]")
_DONE = re.compile(
    r"已|完成|完工|建成|竣工|开工|累计|正在|推进|招标|投用|投入使用|过半|的\d+(?:\.\d+)?%"
)
# Words every work shares and figures: set aside when matching an item to its report.
_SHARED_WORDS = re.compile(
    r"项目|工程|建设|新建|改建|改造|提升|完成|建成|开工|全面|年度|全年|目标|任务|工作|实施|推进"
    r"|已|均|其中|\d+(?:\.\d+)?\s*(?:个|项|件|座|所|户|场|条|家|处|公里|万|亿|元|%)*"
    r"|[(（][^()（）]{0,16}[)）]"  # a note in brackets ((第二十六项): the list's numbering)
)
# A count of the list's projects closing an item (…补充更新8个省级项目): the list's tally.
_TALLY = re.compile(r"(?<=\S{2})(?:\d+|[一二两三四五六七八九十]+)\s*(?:个|项|件)\S{0,4}?(?:项目|工程|实事)$")
_GROUP_CUT = re.compile(r"[、]|和|及|以及")
_COMMA = re.compile(r"[,，:：]")
_LEAD_TOTAL = re.compile(r"^其中\s*[:：,，]?\s*")


def _items(sentence: str) -> list[tuple[int, str]]:
    """(offset, text) of the list's items in a sentence (the longest run after an introducing
    word), or [] when the sentence lists fewer than three names separated by 、."""
    best: list[tuple[int, str]] = []
    intros = list(_INTRO.finditer(sentence))
    for k, intro in enumerate(intros):
        start = intro.end()
        stop = intros[k + 1].start() if k + 1 < len(intros) else len(sentence)
        end = _LIST_END.search(sentence, start, stop)
        span = sentence[start : end.start() if end else stop]
        if span.count("、") < MIN_ITEMS - 1:
            continue
        found: list[tuple[int, str]] = []
        at = start
        for cut in [*_ITEM_CUT.finditer(span), None]:
            stop_at = start + cut.start() if cut else start + len(span)
            raw = sentence[at:stop_at]
            item = _TALLY.sub("", raw.strip())  # 8个省级项目 closing an item: the list's tally
            if item:
                found.append((at + raw.index(raw.strip()), item))
            at = start + cut.end() if cut else at
        if len(found) > len(best) and all(2 <= len(t) <= MAX_ITEM for _, t in found):
            best = found
    return best[:_MAX_LIST_ITEMS]


def _matchable(text: str) -> str:
    return _SHARED_WORDS.sub("|", text.replace(" ", ""))


def _shared(item: str, clause: str) -> int:
    """The longest run of characters the item and the clause share (words set aside)."""
    a, b = _matchable(item), _matchable(clause)
    # a run shared at one size is shared at every smaller one: grow it until none is
    best = 0
    for size in range(MIN_SHARED, min(len(a), 30) + 1):
        if not any(
            "|" not in a[i : i + size] and a[i : i + size] in b for i in range(len(a) - size + 1)
        ):
            break
        best = size
    return best


def _names(name: str, item: str) -> bool:
    """Whether a name in a report is the listed item's, as the report repeats it: every part of
    it (words every work shares set aside) is made of runs of two or more characters of the
    item (免费开放文化馆 of 免费开放1个文化馆; not 城南泵站前期工作, which says more)."""
    own = _matchable(item)
    for part in (x for x in _matchable(name).split("|") if x):
        at = 0
        while at < len(part):
            size = next((n for n in range(len(part) - at, 1, -1) if part[at : at + n] in own), 0)
            if not size:
                return False
            at += size
    return bool(_matchable(name).strip("|"))


def _piece_naming(item: str, clause: str, listed: list[str]) -> str:
    """The clause from the comma-piece naming the item on, without the subject naming listed
    works when one opens it right before its done word (rule above)."""
    pieces = re.split(r"(?<=[,，])", clause)
    for k, piece in enumerate(pieces):
        if _shared(item, to_simplified(piece)) >= MIN_SHARED:
            text = _LEAD_TOTAL.sub("", "".join(pieces[k:]).strip())
            done = _DONE.search(to_simplified(text))
            subject = text[: done.start()] if done else ""
            names = [x for x in _GROUP_CUT.split(subject) if x.strip()]
            if names and not _COMMA.search(subject) and all(
                any(_names(to_simplified(name), x) for x in listed) for name in names
            ):
                text = text[len(subject) :]  # the works named are its subject: the report
            return text
    return clause


def listed_works_grid(paras: list[Para]) -> tuple[Grid, list[tuple[int | None, str]]] | None:
    """The Grid of listed works reported on later (rule above), or None."""
    sentences: list[tuple[int, str]] = []  # (paragraph, sentence as written)
    for k, p in enumerate(paras):
        sentences += [(k, s) for s in _SENTENCE.split(p.text.strip()) if s.strip()]
    tried = 0
    for s, (k, sentence) in enumerate(sentences):
        items = _items(to_simplified(sentence))
        if len(items) < MIN_ITEMS:
            continue
        found = _reported(items, sentence, sentences[s + 1 :])
        if found is not None:
            return _grid(paras, k, found)
        tried += 1
        if tried >= _MAX_LISTS:
            return None  # (bounded work: a page of lists nobody reports on is no such page)
    return None


def _abbreviated(item: str, clauses: list[str]) -> str:
    """The report (from its comma-piece on) of the first clause piece opening with the item's
    name shortened — characters of the name dropped, the rest kept in order, its first one
    first, at least four and half of it (农房改造建设 for 农村住房改造建设) — or ""."""
    for clause in clauses:
        pieces = re.split(r"(?<=[,，])", clause)
        for k, piece in enumerate(pieces):
            plain, at, size = to_simplified(piece).strip(), 0, 0
            if not plain.startswith(item[:1]):
                continue
            for ch in plain:
                found = item.find(ch, at)
                if found < 0:
                    break
                at, size = found + 1, size + 1
            if size >= _MIN_SHORT and 2 * size >= len(item):
                return "".join(pieces[k:]).strip()
    return ""


def _reported(
    items: list[tuple[int, str]], sentence: str, after: list[tuple[int, str]]
) -> list[tuple[str, str]] | None:
    """(item as written, its progress) for each item of a list reported on, or None."""
    clauses: list[str] = []
    size = 0
    for _, later in after:
        for clause in _CLAUSE.split(later):
            clause = clause.strip().rstrip("。；;")
            if clause and _DONE.search(to_simplified(clause)):
                clauses.append(clause)
        size += len(later)
        if size > _MAX_REPORT_TEXT:
            break
    rows: list[tuple[str, str]] = []
    used: set[int] = set()
    listed = [simple for _, simple in items]
    for offset, simple in items:
        written = sentence[offset : offset + len(simple)]
        scores = [_shared(simple, to_simplified(c)) for c in clauses]
        best = max(scores, default=0)
        if best < MIN_SHARED:
            rows.append((written, _abbreviated(simple, clauses)))
            continue
        c = scores.index(best)
        used.add(c)
        rows.append((written, _piece_naming(simple, clauses[c], listed)))
    named = sum(1 for _, done in rows if done)
    if named < MIN_ITEMS or 2 * named < len(rows) or len(used) < 2:
        return None
    return rows


def _grid(
    paras: list[Para], k: int, rows: list[tuple[str, str]]
) -> tuple[Grid, list[tuple[int | None, str]]]:
    line = paras[k].line
    cells: list[list[GridCell | None]] = [
        [GridCell(h, 0, c, line=line) for c, h in enumerate(_HEADER)]
    ]
    for r, (task, done) in enumerate(rows, 1):
        cells.append([GridCell(x, r, c, line=line) for c, x in enumerate((task, done))])
    warnings: list[tuple[int | None, str]] = [
        (
            line,
            f"{len(rows)} works named in one list ({rows[0][0][:16]!r}…) and their progress "
            "in later clauses naming them again: read as tasks, each with the clause sharing "
            "most of its name (low confidence) — the alternative is news listing works: "
            "check the tasks and which progress each took",
        )
    ]
    unnamed = [task for task, done in rows if not done]
    if unnamed:
        warnings.append(
            (line, f"{len(unnamed)} listed work(s) named by no later clause, without "
             f"progress ({unnamed[0][:16]!r}…)")
        )
    # the lead, the list's own paragraph with it (its year, 2023年…共有4项), is the preamble
    return Grid(rows=cells, preamble=[p.text for p in paras[: k + 1]]), warnings
