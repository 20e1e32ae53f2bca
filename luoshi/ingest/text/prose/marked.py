"""A **marked progress list**: a run of items each opened by one repeated marker and each
carrying its own progress, whatever the marker and whether or not the items name units::

    ●实事1 教育                          (a marker, then the item's name)
    新建幼儿园3所,已全部建成投用。          (its progress: a paragraph saying what was done)
    ●实事2 养老
    …
    1、关于“<problem>”整改进展情况:已完成。   (or the progress after a label on the item's line)

Rule (MARKED PROGRESS LIST), what makes a run of paragraphs a task list rather than news,
true of such pages wherever they come from:

- **one repeated marker** opens the items: a bullet (● ■ ◆ ▲ ★ ◇ □ ○ •, or a check box
  ☑ ☐ ✓ ✔ as posts tick done items, whatever follows it; a word and its number right after
  it, ●实事1, is the item's serial), a word and its number
  (实事1, 项目2, 事项3 — simplified or traditional script), one of the list numberings of
  :mod:`.items` (1. (1) ① (一) 一、 一是 第一), whose numbers start at 1 and count on by one
  (a run from 4 is the middle of a text whose list, if any, began elsewhere), or a code of
  3–5 digits set off by a space, all of one width and each met once (1081 = ROC 108, Q1; not
  a year or a figure: 2031 年, 300 万元);
- **at least three items**, or two that each state their progress outright (after a progress
  label, or opening with a done statement: 该问题已完成整改。…): two marked paragraphs are as
  often a report's two parts (1.产值 and 2.投资 of an indicator report) as a list;
- **each item carries a progress statement**: after a progress label — a word ending in
  情况, 进展, 进度, 成效, 概况 or 结果 and a colon, known to the vocabulary or not
  (整改进展情况:), the label's word and colon making it a field — or in a later sentence of
  the item's line opening with a done statement (已完成, 已于…建成, 完成整改, 正在…, 截至…,
  目前…, 施工中, 完成率), or in the paragraphs under the item saying what was done (those
  words anywhere, or a word of completion with a figure, 建成4个, as
  :func:`~.items.reports_done` reads a prose list's progress, or a result stated as a figure
  reached by a verb of change, 每月增加226.9元, 提高到290元, with no 将/要/力争 planning it),
  or in a later sentence of the item's line closing with a result (…改善工程已完成。: whatever
  its subject, often the bureau that did the work — RESULT AT THE CLOSE, fresh11 tune).
  The text before the statement
  is the task, the statement and what follows up to the next marker its progress. An item
  written as two cells of a table — a short name, a space, then progress (or the first of
  numbered points that report), or points numbered 1, 2 … then 1, 2 … again, the second run
  reporting — is cut there; a marker alone on its line takes the next line as the item's;
- news stays news: an item without a progress statement (in a run of four or more one such
  item is tolerated, warned: paragraphs under it are its progress all the same; a line of one
  sentence naming work and nothing under it is a task not reported on yet — NOT YET
  REPORTED),
  or whose statement opens it with no task before it ("1.全市已完成投资…" states a result),
  or whose name counts items (…指标有7项: a group, :func:`~.items.names_group`) makes the
  run no list; so do items half or more of which name an indicator (a noun phrase closed by a
  quantity's name: 规模工业产值, 固定资产投资 — an indicator report, not work); so does an opening naming a plan and no report (实施方案, 任务分解: a plan's
  items are followed by their description), and the headed reader's news verdict (一、
  headings over work done under an opening naming no report, a meeting's or a story's:
  ``headings.sections_without_report_opening``) holds for the same items. Nothing is read
  and the page is refused (:mod:`.refusal`).

A name cut from its progress at a space is a name: a space inside clauses (电 信、) parts
nothing. CUT AFTER ITS MARKER: the page's last paragraph holding only the next marker of the
run is the excerpt's cut — a row with its serial and no text, warned; it does not count
towards the three items.

ANNOUNCED LIST: a heading naming the progress of the items under it (具体整改情况,
整改进展清单) right above an item numbered one that states its progress outright is a list
even when the copy holds that one item, provided the page ends within it (a copy cut after
its first item; more paragraphs under it would be the page's other parts). An opening naming
progress (进展, 整改情况) names a report even beside a plan word (清单).

Items run together on one line are cut where their markers count on (items.split_glued), and
an announcing heading glued before the first item (…整改进展清单一、关于…) is cut off it.
The last item takes at most as many paragraphs as the longest other item (a site's footer is
no part of it); a line without a Chinese character (Scroll To Top) is page chrome. Tried on a
page no other paragraph reader reads, and over a prose list or headed report that read the
same items without units and kept their progress in the task text, or read as tasks the
numbered points inside items opened by codes or bullets (``prose._read``); always warned
with the alternative (news whose paragraphs are marked, each saying what was done). No
units: the items name none.
"""

from __future__ import annotations

import re

from luoshi.ingest.grid import Grid, GridCell
from luoshi.ingest.script import to_simplified
from luoshi.ingest.text.prose.items import (
    PLAN_WORD,
    REPORT_WORD,
    STYLES,
    names_group,
    reports_done,
    split_glued,
    style_value,
)
from luoshi.ingest.text.rows import Para

MARKED_LAYOUT = "marked-list"
_HEADER = ("序号", "任务内容", "进展情况")
_MAX_HEAD = 40
_MIN_ITEMS = 3  # at least three items (two marked paragraphs: as often a report's parts) …
_MIN_PAIR = 2  # … unless each of two states its progress outright
_MIN_TOLERANT = 4  # in a run this long one item may report in words of its own

_BULLETS = "●■◆▲★◇□○•▪◎☑☐✓✔"
_BULLET = re.compile(rf"^[{_BULLETS}]\s*")
# a word and its number opening an item: 实事1, 项目 2, 事项三 (read in simplified script)
_WORD_NUMBER = re.compile(
    r"^(?:实事|项目|事项|任务|问题)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*"
)
_CN_HEADING = re.compile(r"^([一二三四五六七八九十]{1,3})、\s*")
# a code of 3–5 digits set off by a space (a case number, a year and quarter: 1081 = 108年第1季),
# not a figure (2031 年, 300 万元): codes of one width, each met once, need not count on
_CODE = re.compile(r"^(\d{3,5})(?:[ \t\u3000]+(?![\d年月日%％万亿元个])|$)")
# a line without a Chinese character (Scroll To Top, a site's buttons) is page chrome
_CHINESE = re.compile(r"[\u4e00-\u9fff]")

# A progress label: a word ending in one of these and a colon (known to the vocabulary or not);
# at most two characters before it (进展情况, 执行概况): what precedes is the task's own text
# (…的问题整改进展情况: the task is …的问题整改).
_PROGRESS_LABEL = re.compile(
    r"[\u4e00-\u9fa5]{0,2}(?:情况|进展|进度|成效|概况|结果)(?:说明)?\s*[:：]\s*"
)
# A statement of work done or under way: its words, and a sentence opening with them (after a
# short subject: 该问题已完成整改, 主体工程已完工).
_DONE_WORDS = (
    # (已 may be parted from its verb by a date or a manner: 已于3月底完成, 已全面建成)
    r"(?:已经|已)[^。;；,，]{0,12}?"
    r"(?:完成|完工|建成|竣工|开工|开通|投用|投入使用|办结|办理完成|落实|整改|实施|开展|启动|到位"
    r"|交付|结案|拨付)"
    r"|(?:完成整改|整改完成)|正在|截至|截止|目前|至今"
    # work under way said with 中 (推进中, 施工中) or a rate (完成率, 形象进度)
    r"|(?:推进|进行|施工|办理|建设|实施|执行|筹备|招标|整改)中|完成率|形象进度"
)
_DONE_OPENS = re.compile(rf"^[^。;；,，]{{0,12}}?(?:{_DONE_WORDS})")
# A result stated as a figure reached by a verb of change (每月增加226.9元, 提高到290元,
# 下降至3.5%): under an item, what the item achieved; a plan says the same with 将/要/计划
# before the verb, which is no report.
_RESULT = re.compile(
    r"(?<![将要拟力争计划])(?:增加|提高|提升|达到|降至|降低|减少|下降|增长)(?:到|至|了)?"
    r"[^。;；,，\d]{0,4}\d"
)
_DONE_ANYWHERE = re.compile(_DONE_WORDS)
# A sentence closing with a result (…改善工程已完成。): whatever its subject — often the
# bureau that did the work (工务处…) — it says what was done.
_DONE_CLOSES = re.compile(
    r"(?:已经|已)(?:全面|全部|基本)?(?:完成|完工|建成|竣工|开工|开通|投用|投入使用|办结|到位"
    r"|交付|结案|拨付)[。;；!！]?$"
)
_SENTENCE = re.compile(r"(?<=[。;；!！])")
_CLAUSE = re.compile(r"[,，、]")


def _marker(text: str) -> tuple[str, int | None, int] | None:
    """(style, number or None for a bullet, where the item's text starts) of a marker opening
    ``text``; None when it opens with none."""
    plain = to_simplified(text)  # character for character: offsets hold
    if m := _BULLET.match(plain):
        return "bullet", None, m.end()
    if m := _WORD_NUMBER.match(plain):
        return "word", style_value(m.group(1)), m.end()
    for style, pattern in STYLES.items():
        if m := pattern.match(plain):
            return style, style_value(m.group(1)), m.end()
    if m := _CN_HEADING.match(plain):
        return "cn", style_value(m.group(1)), m.end()
    if m := _CODE.match(plain):
        return f"code{len(m.group(1))}", int(m.group(1)), m.end()
    return None


def _split(name_line: str, body: list[str]) -> tuple[str, str] | None:
    """(task, progress) of one item, or None when it carries no progress statement after a
    task (rule above)."""
    plain = to_simplified(name_line)
    if (m := _PROGRESS_LABEL.search(plain)) and m.start() > 0:
        rest = " ".join([name_line[m.end() :].strip(), *body]).strip()
        if rest:
            return name_line[: m.start()].rstrip(" ,，:："), rest
    head, _, rest = name_line.strip().partition(" ")
    rest_plain = to_simplified(rest.strip())
    if (
        rest_plain
        and len(head) <= _MAX_HEAD
        and not _SENTENCE.search(head.rstrip("。"))
        and not _CLAUSE.search(head)  # a name, not clauses (a space inside a sentence)
        and (_reports([rest_plain]) or (_opens_first_point(rest_plain) and _reports(body)))
    ):
        # a short name, a space, then a sentence saying what was done (or the first of
        # numbered points that do): the row of a table whose cells a space parts
        return head, " ".join([rest.strip(), *body])
    if _opens_first_point(plain):
        restart = next((k for k, x in enumerate(body) if _opens_first_point(x)), None)
        if restart is not None and _reports(body[restart:]):
            # points numbered 1, 2 … then 1, 2 … again: the second run is the progress
            return " ".join([name_line.strip(), *body[:restart]]), " ".join(body[restart:])
    sentences = [s for s in _SENTENCE.split(name_line) if s.strip()]
    for k, sentence in enumerate(sentences[1:], 1):
        plain_sentence = to_simplified(sentence.strip())
        if _DONE_OPENS.match(plain_sentence) or _DONE_CLOSES.search(plain_sentence):
            return "".join(sentences[:k]).strip(), " ".join(
                ["".join(sentences[k:]).strip(), *body]
            )
    if body and _reports(body):
        return name_line.strip(), " ".join(body)
    return None


# A quantity's name closing an item's name: an indicator (规模工业产值, 固定资产投资), not work.
_INDICATOR = re.compile(
    r"(?:产值|增加值|投资|收入|总额|总量|增速|增幅|增长率|产量|销售额|零售额|生产总值|GDP)$"
)


def _names_indicator(task: str) -> bool:
    """Whether an item's name is an indicator's: a noun phrase closed by a quantity's name,
    with no verb of work before it (新增投资 is a task's wording, 固定资产投资 an indicator's)."""
    name = to_simplified(task).strip().rstrip("。:：,， ")
    return bool(_INDICATOR.search(name)) and len(name) <= _MAX_HEAD and not re.match(
        r"^(?:完成|新增|实现|争取|引进|落实|推进|建设|新建)", name
    )


def _opens_first_point(text: str) -> bool:
    """Whether ``text`` opens with a point numbered 1 (1. 1、)."""
    m = STYLES["arabic"].match(to_simplified(text.strip()))
    return m is not None and m.group(1) == "1"


def _reports(body: list[str]) -> bool:
    """Whether paragraphs under an item report work done or under way: a progress label opens
    one of them, or they say what was done (their words anywhere: the paragraph stands
    under the item, so what it reports is the item's; or a word of completion with a figure,
    as the prose list's progress paragraphs do: items.reports_done)."""
    for text in body:
        plain = to_simplified(text.strip())
        if (
            _PROGRESS_LABEL.match(plain)
            or _DONE_ANYWHERE.search(plain)
            or reports_done(plain)
            or _RESULT.search(plain)
        ):
            return True
    return False


def _runs(paras: list[Para]) -> list[list[int]]:
    """For each marker style met, the paragraphs it opens (numbered styles: from 1, while the
    numbers count on by one; codes: each once), in the order the styles first appear."""
    found: dict[str, list[int]] = {}
    last: dict[str, int | None] = {}
    seen: dict[str, set[int | None]] = {}
    for i, p in enumerate(paras):
        mark = _marker(p.text.strip())
        if mark is None:
            continue
        style, number, _ = mark
        if style.startswith("code"):
            if number in seen.setdefault(style, set()):
                continue
            seen[style].add(number)
        elif number is not None and number != (last.get(style) or 0) + 1:
            continue  # a numbering starts at 1 and counts on: 4, 5, 6 is a text's middle
        found.setdefault(style, []).append(i)
        last[style] = number
    return list(found.values())


# ANNOUNCED LIST: a heading naming the progress of the items under it — work of rectifying,
# carrying out or completing (整改, 进展, 落实, 完成, 推进, 办理) closed by 情况, 清单 or 台账
# (具体整改情况, 整改进展清单, 落实情况如下:) — over an item numbered one.
_ANNOUNCES = (
    r"(?:整改|进展|落实|完成|推进|办理)[^。;；,，:：!！?？]{0,6}(?:情况|清单|台账)(?:如下)?\s*[:：]?"
)
_ANNOUNCE_END = re.compile(rf"{_ANNOUNCES}\s*$")
# the same heading with the list's first marker glued after it (…整改进展清单一、关于…)
_ANNOUNCE_GLUED = re.compile(rf"{_ANNOUNCES}\s*(?=一、|1[.、．]|[(（]一[)）])")
# an opening naming progress (工作进展, 整改进展清单) names a report, whatever else it names
_NAMES_PROGRESS = re.compile(r"进展|整改情况")
_MAX_ANNOUNCED_BODY = 2  # a copy cut inside its first item: the page ends under it


def _cut_announced(paras: list[Para]) -> list[Para]:
    """A paragraph holding an announcing heading and the list's first item glued after it
    (…整改进展清单一、关于…) is cut in two there: the heading, then the item."""
    out: list[Para] = []
    for p in paras:
        m = _ANNOUNCE_GLUED.search(to_simplified(p.text))  # (offsets hold: char for char)
        if m is None or not p.text[m.end() :].strip():
            out.append(p)
            continue
        out += [Para(p.line, p.text[: m.end()].strip(), p.gap), Para(p.line, p.text[m.end() :], 0)]
    return out


def _announced(paras: list[Para], run: list[int]) -> bool:
    """Whether a lone item is an announced list cut short (ANNOUNCED LIST): numbered one,
    right under a heading naming the progress of the items under it, and the page ends
    within it (at most two paragraphs under it). Such a heading says a list follows; a copy
    cut after its first item holds one item, and the item must still state its progress
    outright (checked by the caller as for two items)."""
    i = run[0]
    mark = _marker(paras[i].text.strip())
    if i == 0 or mark is None or mark[1] != 1 or len(paras) - i - 1 > _MAX_ANNOUNCED_BODY:
        return False
    heading = paras[i - 1].text.strip()
    if (above := _marker(heading)) is not None:
        heading = heading[above[2] :]
    return bool(_ANNOUNCE_END.search(to_simplified(heading)))


def marked_list_grid(
    paras: list[Para],
) -> tuple[Grid, list[tuple[int | None, str]], bool] | None:
    """The Grid of a marked progress list (rule above) and whether its marker is no list
    numbering (a bullet, a word and its number, a code); None when the page holds none."""
    paras = split_glued(paras)  # items run together on one line are cut where markers count on
    paras = _cut_announced(paras)
    for run in _runs(paras):
        if len(run) < _MIN_PAIR and not _announced(paras, run):
            continue
        opening = to_simplified(" ".join(p.text.strip()[:120] for p in paras[: run[0]][:3]))
        if PLAN_WORD.search(opening) and not (
            REPORT_WORD.search(opening) or _NAMES_PROGRESS.search(opening)
        ):
            continue  # a plan (实施方案, 任务分解) publishes its tasks: no progress to list
        ends = [*run[1:], len(paras)]
        bodies = [
            [p.text.strip() for p in paras[a + 1 : b] if _CHINESE.search(p.text)]
            for a, b in zip(run, ends, strict=True)
        ]
        longest = max((len(b) for b in bodies[:-1]), default=len(bodies[-1]))
        bodies[-1] = bodies[-1][: max(longest, 1)]
        items: list[tuple[str, str, str, int]] = []
        unreported: list[int] = []
        cut: int | None = None  # the line of a last item cut after its marker
        explicit: list[bool] = []
        for i, body in zip(run, bodies, strict=True):
            text = paras[i].text.strip()
            style, number, start = _marker(text) or ("", None, 0)
            if style == "bullet" and (m := _WORD_NUMBER.match(to_simplified(text[start:]))):
                # ●实事1 …: the word and its number after the bullet are the item's serial
                number, start = 0, start + m.end()
            name_line = text[start:]
            if not name_line.strip() and body:
                # the marker alone on its line (or cut from the item run on after it): the
                # paragraph under it is the item's line
                name_line, body = body[0], body[1:]
            found = _split(name_line, body)
            if found is None and not unreported and len(run) >= _MIN_TOLERANT:
                if body:
                    # one item of a long run reports in words of its own (a change of plan):
                    # the paragraphs under it are still what it says of itself (warned)
                    found, unreported = (name_line.strip(), " ".join(body)), [paras[i].line]
                elif len(_SENTENCE.split(name_line.strip().rstrip("。"))) == 1:
                    # NOT YET REPORTED: its line only names the work (warned)
                    found, unreported = (name_line.strip(), ""), [paras[i].line]
            if found is None and i == run[-1] == len(paras) - 1 and not name_line.strip():
                found, cut = ("", ""), paras[i].line  # CUT AFTER ITS MARKER (warned)
            if found is None or names_group(found[0]):
                break  # (an item counting its own items, …指标有7项, names a group)
            silent = unreported == [paras[i].line]  # the one item tolerated
            if cut != paras[i].line and (not found[0] or not (found[1] or silent)):
                break
            explicit.append(
                bool(_DONE_OPENS.match(to_simplified(found[1])))
                or bool(_PROGRESS_LABEL.search(to_simplified(name_line)))
            )
            serial = ""
            if number is not None:
                serial = text[:start].lstrip(_BULLETS).strip().rstrip("、.．:：,， ")
            items.append((serial, found[0], found[1], paras[i].line))
        else:
            if len(items) - (cut is not None) < _MIN_ITEMS and not all(explicit):
                continue  # two items: each must state its progress outright
            if 2 * sum(1 for it in items if _names_indicator(it[1])) >= len(items):
                continue  # 1.规模工业产值 2.固定资产投资: an indicator report, no task list
            rows: list[list[GridCell | None]] = [
                [GridCell(h, 0, c, line=items[0][3]) for c, h in enumerate(_HEADER)]
            ]
            for r, (serial, task, done, line) in enumerate(items, 1):
                cells = (serial, task, done)
                rows.append([GridCell(x, r, c, line=line) for c, x in enumerate(cells)])
            warning = (
                items[0][3],
                f"{len(items)} items opened by one repeated marker "
                f"({paras[run[0]].text.strip()[:6]!r}…), each with its progress: read as "
                f"{len(items)} tasks without units — the alternative is news whose paragraphs "
                "are marked, each saying what was done",
            )
            warnings = [warning]
            if unreported and any(it[3] == unreported[0] and not it[2] for it in items):
                warnings.append(
                    (
                        unreported[0],
                        "one item names its work and reports nothing: read as a task with no "
                        "progress yet (the alternative: the list is news)",
                    )
                )
            elif unreported:
                warnings.append(
                    (
                        unreported[0],
                        "one item's paragraphs under it say no work done or under way in known "
                        "words: read as its progress all the same (the alternative: its text)",
                    )
                )
            if cut is not None:
                warnings.append((cut, "the page ends on the last item's marker: cut off there"))
            grid = Grid(rows=rows, preamble=[p.text for p in paras[: run[0]]])
            return grid, warnings, style == "bullet" or style == "word" or style.startswith("code")
    return None
