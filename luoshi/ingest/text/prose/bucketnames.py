"""The names a status bucket gives (:mod:`.buckets`): where a list of names stands, how it is
parted into items, and what an item is not.

- **Coarsest separator**: a list is parted at the coarsest separator it uses outside quotes
  and brackets — ； over , over 、 — so that a name holding a finer one stays whole (a comma
  list "A,争创国家级、市级创新平台": two items). A name's closing 等 is no part of it.
- **Frame**: before a list, a connective or a time (例如, 但与此同时, 其中, 一季度, 截至3月底,
  今年以来) closed by a comma is the sentence's frame, not an item; so is the set the names are
  drawn from (82个在建重点项目中,: a class of items closed by 中).
- **Own state**: a name closed by a short clause saying its own state (A已竣工, B已初步投入
  使用: 已/已经/正在 and up to 10 characters) keeps that clause as what is said of it, not as
  its name; a last part opening with 其他/其余 (其他项目正按序时推进) is the rest, no name.
- **Quoted names**: a run of “…” names parted only by separators (, 、 ; 和 及) is a list of
  names; an opening quote never closed is a name cut off by the end of the page.
- **Points**: 一是…二是… each name one item, up to the next point or the sentence's end.
- **Plan reference**: an item citing its place in the plan, (第五项), takes that number as its
  serial; the reference is no part of its name, and words after it are what the bulletin says
  of the item.
- **Not a list**: a 、-list standing before its grade (no lead-in names it a list of names)
  whose first name holds a verb governing the list (推进, 加快, 实施,
  重点 …: 重点推进A、B、C等工作, 正在加快推进A、B等前期工作) or any list one of whose names holds
  a subject (我市, 本市, 全区, 各部门) is the object of a sentence of news, not names of tasks.
  (A list parted at commas is a list of clauses, each its own name: 大力实施X,加快建设Y.)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from luoshi.ingest.text.pipegroupserial import chinese_number

_OPEN = "“(（《【〔「"
_CLOSE = "”)）》】〕」"
_LEVELS = ("；;", ",，", "、")
_FRAME = re.compile(
    r"^(?:但(?:是)?|而|同时|与此同时|但与此同时|此外|另外|其中|例如|比如|譬如|特别是|尤其是|总体看"
    r"|总的来看|一季度|二季度|三季度|四季度|上半年|下半年|前三季度|全年|目前|当前|今年以来"
    r"|截至.{0,8}|截止.{0,8}|\d{1,2}\s*[-—至~]\s*\d{1,2}\s*月(?:份)?)$"
)
MAX_FRAME = 10
MAX_SET = 30
_SET = re.compile(r"(?:项目|任务|指标|工作|事项|工程|实事)中$")
MIN_NAME, MAX_NAME = 2, 80
# a verb governing the whole list (the list is its object): news, not names of tasks
_GOVERNS = re.compile(
    r"(?:加快|加强|推进|推动|实施|开展|抓好|做好"
    r"|围绕|聚焦|启动|落实|组织|召开|强化|深化|打造|谋划|争取|参加|举办|包括|涉及|完成)"
)
_SUBJECT = re.compile(
    r"我市|我区|我县|我镇|我省|本市|本区|本县|本镇|本省|全市|全区|全县|全省|全国|各地|各部门|各单位|有关部门"
)
_QUOTE = re.compile(r"“([^“”]{2,160})”")
# after a quoted name, what does not end it: more of a longer name
_NAME_GOES_ON = re.compile(r"[^\s,，、;；。.!?！？等(（)）:：“”]")
_QUOTE_GAP = re.compile(r"^[\s,，、；;和及与以及]*$")
_POINT = re.compile(r"(?:^|(?<=[。；;,，:：\s]))([一二三四五六七八九十]{1,3})是")
_REST = re.compile(r"^(?:其他|其余|其它)")
_OWN_STATUS = re.compile(r"(?:已经|已|正在)[^,，、;；()（）]{1,10}$")
# a plan reference, (第五项): the item's place in the plan (its serial); buckets.py finds them too
REFERENCE = re.compile(r"[(（]\s*第\s*([一二三四五六七八九十百]{1,4}|\d{1,3})\s*项\s*[)）]")


class Name(NamedTuple):
    """One item a bucket names: its name, the serial its plan reference gives ("" when none),
    and what the bulletin says of it after the reference ("" when nothing)."""

    text: str
    serial: str = ""
    said: str = ""


def split_coarsest(region: str) -> list[str]:
    """``region`` parted at its coarsest separator outside quotes and brackets (module rule);
    each part stripped of spaces and a closing 等, empty parts dropped."""
    for level in _LEVELS:
        cuts = _cuts(region, level)
        if cuts:
            parts, start = [], 0
            for at in cuts:
                parts.append(region[start:at])
                start = at + 1
            parts.append(region[start:])
            return [p for p in (_clean(x) for x in parts) if p]
    whole = _clean(region)
    return [whole] if whole else []


def _cuts(region: str, seps: str) -> list[int]:
    depth, cuts = 0, []
    for i, ch in enumerate(region):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps:
            cuts.append(i)
    return cuts


def _clean(part: str) -> str:
    part = part.strip(" \t\n,，、；;:：")
    return part[:-1].rstrip() if part.endswith("等") else part


def drop_frame(region: str) -> str:
    """``region`` without its frame (module rule): each leading comma part that is a
    connective or a time (at most MAX_FRAME characters), or the set the names are drawn from
    (82个在建重点项目中, at most MAX_SET)."""
    for _ in range(3):
        cuts = _cuts(region, ",，")
        head = region[: cuts[0]].strip() if cuts else ""
        frame = len(head) <= MAX_FRAME and _FRAME.match(head)
        if not cuts or not (frame or (len(head) <= MAX_SET and _SET.search(head))):
            return region
        region = region[cuts[0] + 1 :]
    return region


def names_of_list(region: str, *, inline: bool = False) -> list[Name] | None:
    """The names of a list region (frame dropped, coarsest separator), or None when it is no
    list of names (a governing verb, a subject, a name too short or too long). ``inline``: the
    list stands before its grade in its clause, with no lead-in naming it a list of names."""
    region = drop_frame(region.strip())
    parts = split_coarsest(region)
    if parts and _REST.match(parts[-1]):
        parts = parts[:-1]  # 其他项目正按序时推进: the rest, no name
    if not parts:
        return None
    fine = not _cuts(region, "；;,，")  # parted at 、: one clause, the list its subject or object
    if inline and fine and _GOVERNS.search(parts[0]):
        return None
    names = [_own_status(with_reference(p)) for p in parts]
    if any(_SUBJECT.search(n.text) or not MIN_NAME <= len(n.text) <= MAX_NAME for n in names):
        return None
    return names


def quoted_run(span: str) -> tuple[list[Name], int, bool] | None:
    """The run of quoted names opening ``span`` at its first quote: (names, where the run ends,
    whether a quote was left open — a name cut off); None when ``span`` quotes nothing."""
    first = span.find("“")
    if first < 0:
        return None
    names: list[Name] = []
    at = first
    for m in _QUOTE.finditer(span, first):
        if m.start() != at and not _QUOTE_GAP.match(span[at : m.start()]):
            break
        if _NAME_GOES_ON.match(span, m.end()):
            break  # the quote is part of a longer name (“X”活动完成投资…): no quoted name
        names.append(with_reference(m.group(1), span[m.end() : m.end() + 12]))
        at = m.end()
    rest = span[at:] if names else span[first:]
    opened = rest.find("“")
    return names, at, opened >= 0 and "”" not in rest[opened:]


def _own_status(name: Name) -> Name:
    """A name closed by a short clause saying its own state (A已竣工, B已初步投入使用): the
    clause is what the bulletin says of the item, not its name."""
    m = _OWN_STATUS.search(name.text)
    if m is None or m.start() < MIN_NAME or name.said:
        return name
    return Name(name.text[: m.start()], name.serial, m.group(0))


def reference_after(text: str) -> str:
    """The serial a plan reference right after a name gives (… ”(第三项)), else ""."""
    m = REFERENCE.match(text.lstrip())
    return _serial(m.group(1)) if m else ""


def with_reference(part: str, after: str = "") -> Name:
    """A name with its plan reference read off (module rule): serial from (第N项) inside the
    part (or right after a quoted name, ``after``), the name the words before it, what follows
    it what the bulletin says of the item."""
    m = REFERENCE.search(part)
    if m is None:
        return Name(part.strip(), reference_after(after))
    name = part[: m.start()].strip(" ,，:：")
    said = part[m.end() :].strip(" ,，;；。")
    return Name(name or said, _serial(m.group(1)), said if name else "")


def _serial(numeral: str) -> str:
    if numeral.isdigit():
        return str(int(numeral))
    value = chinese_number(numeral)
    return str(value) if value is not None else numeral


def points(span: str) -> list[Name] | None:
    """The names of points 一是…二是… counting on from 一 at the start of ``span``, each up to
    the next point or its sentence's end; None when ``span`` does not open with 一是."""
    run: list[re.Match[str]] = []
    for m in _POINT.finditer(span):
        if chinese_number(m.group(1)) == len(run) + 1:
            run.append(m)
    if not run or run[0].start() > 2:
        return None
    names = []
    for k, m in enumerate(run):
        stop = run[k + 1].start() if k + 1 < len(run) else len(span)
        text = span[m.end() : stop]
        end = text.find("。")
        text = text[:end] if end >= 0 else text
        names.append(with_reference(text.strip(" ,，;；")))
    return names
