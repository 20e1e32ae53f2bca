"""Numerals and quantities in Chinese government prose.

``parse_numeral`` reads one numeral (Arabic, Chinese, mixed: "1.5万", "一百二十", "两", "十五").
``find_quantities`` finds every number-with-unit in a text and says which are labels rather
than amounts ("1+3+N", "“152”工程", "5G", "4A级", "第三批", list markers "1." "①", years,
dates, document numbers). Offsets always refer to the text as given: normalisation of
full-width characters is one character for one.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from luoshi.extract import rules
from luoshi.extract.units import SCALES, UnitMatch, has_unit_start, match_unit
from luoshi.ingest.script import to_simplified

# One-for-one normalisation, so offsets in the normalised text are offsets in the source.
_FULLWIDTH = {ord(c): ord(h) for c, h in zip("０１２３４５６７８９．％＋－～，：；（）", "0123456789.%+-~,:;()", strict=True)}


_TABLE = str.maketrans(_FULLWIDTH)


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Full-width digits and signs to ASCII and traditional characters to simplified ones
    (萬元 -> 万元, 進展 -> 进展), each one character for one, so offsets stay valid
    and every rule and word list, written in simplified script, reads traditional pages too."""
    return to_simplified(text.translate(_TABLE))


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}

CN_NUM_CHARS = "零〇一二两三四五六七八九十百千"


def parse_chinese(text: str) -> float:
    """Value of a Chinese numeral: 一百二十 -> 120, 十五 -> 15, 两万三千 -> 23000, 三点五 -> 3.5."""
    if not text:
        raise ValueError("empty numeral")
    if "点" in text:
        whole, _, frac = text.partition("点")
        value = parse_chinese(whole) if whole else 0.0
        digits = "".join(str(_CN_DIGITS[c]) for c in frac if c in _CN_DIGITS)
        if len(digits) != len(frac) or not digits:
            raise ValueError(f"bad decimal numeral: {text}")
        return value + float("0." + digits)
    total = 0
    section = 0
    digit: int | None = None
    only_digits = all(c in _CN_DIGITS for c in text)
    if only_digits and len(text) > 1:  # 二〇二〇 style: positional
        return float("".join(str(_CN_DIGITS[c]) for c in text))
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            total += (section or 1) * _CN_BIG[ch]
            section = 0
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {text}")
    return float(total + section + (digit or 0))


# (made once: parse_numeral reads every number of every text analysed)
_SCALES_LONGEST_FIRST = sorted(SCALES, key=len, reverse=True)
_ARABIC_NUMERAL = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")


def parse_numeral(text: str) -> float:
    """Arabic or Chinese numeral with an optional scale: "1.5万" -> 15000, "3,200" -> 3200."""
    s = normalise(text).strip()
    if not s:
        raise ValueError("empty numeral")
    scale = 1.0
    for name in _SCALES_LONGEST_FIRST:
        if s.endswith(name) and len(s) > len(name) and s[: -len(name)][-1:].isdigit():
            scale = SCALES[name]
            s = s[: -len(name)]
            break
    if _ARABIC_NUMERAL.fullmatch(s):
        return float(s.replace(",", "")) * scale
    return parse_chinese(s) * scale


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, as found in a text."""

    value: float
    unit: str  # as written, scale included: "亿元", "%", "万标箱"; "" when none
    family: str | None
    factor: float  # value * factor = amount in the family's base unit
    start: int
    end: int  # after the unit and any 以上/左右 suffix that belongs to the number
    num_start: int
    num_end: int
    value_max: float | None = None  # upper bound of a range "3-5个"
    approx: bool = False  # 约, 多, 余, 左右, 逾
    chinese: bool = False
    label: str = ""  # why this is a label and not an amount, "" when it is an amount
    unit_inferred: bool = False  # 2900多万 in a money sentence -> 万元
    target_ok: bool = True

    @property
    def base_amount(self) -> float:
        return self.value * self.factor

    @property
    def is_amount(self) -> bool:
        return not self.label and self.family is not None


_ARABIC = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
_CHINESE = f"[{CN_NUM_CHARS}]+(?:点[零〇一二三四五六七八九]+)?"
_NUM = f"(?:{_ARABIC}|{_CHINESE})"
_QTY_RE = re.compile(
    rf"(?P<num>{_NUM})"
    rf"(?:\s*(?P<dash>[-~至到—–])\s*(?P<num2>{_NUM}))?"
    r"(?P<sp>[ \u3000](?=[^\s0-9]))?"  # "296.47 亿元", "8.6 %": a space before the unit
    r"(?P<approx>多|余|来)?"
    r"(?P<ge>个)?"  # 2个亿 (colloquial 2亿元)
    r"(?P<scale>万亿|千万|百万|亿|万)?"
    r"(?P<approx2>多|余)?"
)
_PERCENT_CN = re.compile(rf"百分之(?P<num>{_NUM})")
# A fraction in words (三分之二以上 = 66.67%); 百分之 is the percent above.
_FRACTION_CN = re.compile(r"(?<![百千万])(?P<d>[二三四五六七八九十]{1,2})分之(?P<n>[一二三四五六七八九]{1,2})")
_LIST_MARKER = re.compile(r"(?:^|(?<=[\n。;:\uff1b\uff1a]))[ \t]*(?:(?P<k>[0-9]{1,2})[.、\uff0e](?P<d>[0-9])?|[(（][0-9一二三四五六七八九十]{1,3}[)）])")


def list_markers(norm: str) -> list[tuple[int, int]]:
    """Spans of list markers ("1." "2、" "(3)") at the start of a line or sentence.

    "2.6个…" at a line start is item 2 ("6个…") when item 1 or 3 is marked the same way;
    otherwise it stays the decimal 2.6.
    """
    found = list(_LIST_MARKER.finditer(norm))
    plain = {int(m.group("k")) for m in found if m.group("k") and not m.group("d")}
    digit_led = {int(m.group("k")) for m in found if m.group("k") and m.group("d")}
    numbers = plain | digit_led
    out = []
    for m in found:
        end = m.end("d") - 1 if m.group("d") else m.end()
        if m.group("k") and m.group("d"):
            k = int(m.group("k"))
            if not ({k - 1, k + 1} & numbers):
                continue
        out.append((m.start(), end))
    return out

_MONEY_CONTEXT = re.compile(rf"(?:{rules.MONEY_CONTEXT_WORDS})")
_SIZE_CLASS = re.compile(rules.SIZE_CLASS)
_PEOPLE_AGE_BAND = re.compile(rules.PEOPLE_AGE_BAND)


def _people_after(norm: str, end: int) -> bool:
    """Does a noun of people follow a bare scale at ``end``, after an age band if any
    (rules.PEOPLE_AFTER_SCALE, PEOPLE_AGE_BAND: 37.41万农民, 3.078万60岁以上老年人)?"""
    band = _PEOPLE_AGE_BAND.match(norm, end)
    return norm.startswith(rules.PEOPLE_AFTER_SCALE, band.end() if band else end)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside “…”, 《…》, ‘…’, "…" — names and slogans, whose numbers are labels."""
    spans: list[tuple[int, int]] = []
    for opener, closer in (("“", "”"), ("《", "》"), ("‘", "’"), ("「", "」"), ("【", "】")):
        i = 0
        while True:
            a = text.find(opener, i)
            if a < 0:
                break
            b = text.find(closer, a + 1)
            if b < 0 or b - a > rules.MAX_QUOTE_LEN:
                i = a + 1
                continue
            spans.append((a, b + 1))
            i = b + 1
    # Straight double quotes pair up in order.
    if '"' not in text:
        return spans
    idx = [i for i, c in enumerate(text) if c == '"']
    for a, b in zip(idx[::2], idx[1::2], strict=False):
        if b - a <= rules.MAX_QUOTE_LEN:
            spans.append((a, b + 1))
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    # (most span lists are empty: no generator for them)
    return bool(spans) and any(a <= pos < b for a, b in spans)


def _in_numeral_word(text: str, pos: int) -> bool:
    for w in rules.NUMERAL_WORDS:
        i = text.find(w, max(0, pos - len(w) + 1), pos + len(w))
        if 0 <= i <= pos < i + len(w):
            return True
    return False


def _label_reason(text: str, m: re.Match[str], unit: UnitMatch | None, quotes, markers) -> str:
    a, b = m.start("num"), m.end("num")
    before = text[a - 1] if a > 0 else ""
    after = text[m.end() : m.end() + 1]
    num = m.group("num")
    if _inside(a, quotes):
        return "引号或书名号内的名称"
    if before == "第" or text[max(0, a - 1) : a] in ("周", "初"):
        return "序数"
    if _inside(a, markers):
        return "列表序号"
    if before and (before.isascii() and (before.isalpha() or before in "+#/@_")):
        return "字母数字编号"
    # A colon is part of a code or a time only after a letter or digit (K4:2, 10:30); after
    # words or a bracket it introduces the figure ("生活小区(30个):13个已完成").
    prev = text[a - 2 : a - 1] if a >= 2 else ""
    if before == ":" and prev.isascii() and prev.isalnum():
        return "字母数字编号"
    nxt = text[b : b + 1]
    if nxt and nxt.isascii() and (nxt.isalpha() or nxt in "+#:_"):
        return "字母数字编号"
    if before == "〔" or nxt == "〕" or (nxt == "号" and unit is None):
        return "文号"
    if unit is None:
        if after in ("级", "星"):
            return "等级"
        if after in ("年", "月", "日"):
            return "日期"
        return "无单位"
    if num[0] in CN_NUM_CHARS:
        if num in ("一", "十", "百", "千") and not m.group("num2"):
            # 一个, 一批, 千家万户, 百名: idioms far more often than amounts
            return "成语或泛指"
        if text[max(0, a - 1) : a] in rules.CN_NUMERAL_WORD_PREFIX or _in_numeral_word(text, a):
            return "词语的一部分"
        if unit.written in ("个", "项") and text.startswith(rules.FORMULA_HEADS, unit.end):
            return "提法名称"  # 两个维护, 八项规定: a formula's name
    return ""


def find_quantities(text: str, mask: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """All numbers followed by a unit (or a percent sign) in ``text``, labels included.

    ``mask`` lists spans already explained (periods such as "1-9月"); numbers in them are skipped.
    """
    norm = normalise(text)
    quotes = _quote_spans(norm)
    markers = list_markers(norm)
    mask = mask or []
    out: list[Quantity] = []
    pos = 0
    while True:
        m = _QTY_RE.search(norm, pos)
        if m is None:
            break
        pos = max(m.end(), m.start() + 1)
        a = m.start("num")
        if _inside(a, mask):
            continue
        # "2.6个" where "2." is a list marker: read again after the marker.
        cut = next((e for s0, e in markers if s0 <= a < e < m.end("num")), None)
        if cut is not None:
            pos = cut
            continue
        # A numeral glued to a preceding digit run is part of a bigger token (e.g. "K4+350").
        if m.start() > 0 and norm[m.start() - 1].isdigit():
            continue
        q = _quantity(norm, m, quotes, markers)
        if q is not None:
            out.append(q)
            pos = max(pos, q.end)
    for m in _PERCENT_CN.finditer(norm):
        if _inside(m.start(), mask):
            continue
        try:
            v = parse_numeral(m.group("num"))
        except ValueError:
            continue
        out.append(Quantity(v, "%", "percent", 1.0, m.start(), m.end(), m.start(), m.end(), chinese=True))
    for m in _FRACTION_CN.finditer(norm):
        if _inside(m.start(), mask) or _inside(m.start(), quotes):
            continue
        try:
            d, n = parse_chinese(m.group("d")), parse_chinese(m.group("n"))
        except ValueError:
            continue
        if 0 < n < d:
            out.append(Quantity(round(n / d * 100, 2), "%", "percent", 1.0, m.start(), m.end(),
                                m.start(), m.end(), chinese=True))
    out.sort(key=lambda q: q.start)
    return _sizes_of_things_counted(norm, out)


def _sizes_of_things_counted(norm: str, out: list[Quantity]) -> list[Quantity]:
    """A rating right after a count and right before the noun they share is the size of each
    machine or plant counted, not an amount (3台6吨锅炉, 1座500吨/日焚烧厂: rules.SIZE_OF_EACH)."""
    for i in range(1, len(out)):
        p, q = out[i - 1], out[i]
        if (p.family == "count" and p.is_amount and q.is_amount and q.start == p.end
                and (q.family in rules.SIZE_OF_EACH or (q.family or "").endswith("/time"))
                and _CJK.match(norm, q.end) and norm[q.end] not in rules.SIZE_OF_EACH_STOP):
            out[i] = dataclasses.replace(q, label="规模")
    return out


_CJK = re.compile(r"[\u4e00-\u9fff]")
_UNIT_START = frozenset("%个百")


def _quantity(norm: str, m: re.Match[str], quotes, markers) -> Quantity | None:
    num = m.group("num")
    nxt = norm[m.end() : m.end() + 1]
    if not (m.group("scale") or m.group("ge") or nxt in _UNIT_START or has_unit_start(nxt)
            or norm[m.end("num") : m.end("num") + 1] == "%"):
        return None  # a bare number (year, code, idiom): no amount, skip the work
    try:
        value = parse_numeral(num)
    except ValueError:
        return None
    chinese = num[0] in CN_NUM_CHARS
    value_max = None
    end = m.end()
    if m.group("num2"):
        try:
            value_max = parse_numeral(m.group("num2"))
        except ValueError:
            return None
        if value_max < value:
            # "2016-2019", "02-01" codes and date ranges are not ranges of amounts.
            value_max = None
    approx = bool(m.group("approx") or m.group("approx2"))
    scale = m.group("scale") or ""
    ge = m.group("ge")
    unit: UnitMatch | None = None
    inferred = False
    if ge and scale == "亿" and norm[end : end + 1] != "元":
        # 2个亿 -> 2亿元 (colloquial); but 30个亿元项目 is thirty projects of 亿元 size.
        unit = match_unit(norm, end, scale)
        if unit is None:
            unit = UnitMatch("亿元", _money_unit(), 1e8, end)
            inferred = True
    elif ge:
        # The 个 is the unit; whatever follows (亿元项目) describes the things counted.
        unit = match_unit(norm, m.start("ge"))
        end = m.start("ge")
        scale = ""
        approx = bool(m.group("approx"))
    else:
        unit = match_unit(norm, end, scale)
        if unit is None and scale and _people_after(norm, end):
            unit = UnitMatch(scale + "人", _person_unit(), SCALES[scale], end)  # 37.41万农民
            inferred = True
        elif unit is None and scale:
            window = norm[max(0, m.start() - rules.MONEY_CONTEXT_WINDOW) : m.start()]
            if _MONEY_CONTEXT.search(window) or norm[end : end + 1] == "元":
                unit = UnitMatch(scale + "元", _money_unit(), SCALES[scale], end)
                inferred = True
    if unit is None and norm[end : end + 1] == "%":
        unit = UnitMatch("%", _percent_unit(), 1.0, end + 1)
    if unit is None and norm[m.end("num") : m.end("num") + 1] == "%":
        unit = UnitMatch("%", _percent_unit(), 1.0, m.end("num") + 1)
        end = m.end("num")
    if unit is None and not scale:
        # Not an amount; still report labels that matter to callers? No: skip bare numbers.
        label = _label_reason(norm, m, None, quotes, markers)
        return Quantity(value, "", None, 1.0, m.start(), m.end("num"), m.start("num"),
                        m.end("num"), value_max, approx, chinese, label or "无单位")
    if unit is None:
        return Quantity(value, scale, None, SCALES[scale], m.start(), end, m.start("num"),
                        m.end("num"), value_max, approx, chinese, "无单位")
    qend = unit.end
    tail = norm[qend : qend + 2]
    if tail.startswith("左右"):
        approx = True
    label = _label_reason(norm, m, unit, quotes, markers)
    if not label and unit.base.family == "money" and _SIZE_CLASS.match(norm, qend):
        label = "规模"  # 10亿元以上项目10个: the size of the projects counted (rules.SIZE_CLASS)
    if unit.base.family == "age" and not any(
            w in norm[max(0, m.start() - 12) : m.start()] for w in rules.AGE_LEVEL_WORDS):
        label = "年龄"  # 3岁以下婴幼儿: names who, not how much
    before = norm[max(0, m.start() - 2) : m.start()]
    if any(w in before for w in ("约", "逾", "近")):
        approx = True
    return Quantity(
        value=value,
        unit=unit.written,
        family=unit.base.family,
        factor=unit.factor,
        start=m.start(),
        end=qend,
        num_start=m.start("num"),
        num_end=m.end("num"),
        value_max=value_max,
        approx=approx,
        chinese=chinese,
        label=label,
        unit_inferred=inferred,
        target_ok=unit.base.target_ok,
    )


def blank_quantities(norm: str, quantities: list[Quantity]) -> str:
    """``norm`` with every number-and-unit replaced by spaces (so "亿元" names no metric)."""
    chars = list(norm)
    for q in quantities:
        for i in range(q.start, min(q.end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _money_unit():
    from luoshi.extract.units import BASE_UNITS

    return next(u for u in BASE_UNITS if u.written == "元")


def _person_unit():
    from luoshi.extract.units import BASE_UNITS

    return next(u for u in BASE_UNITS if u.written == "人")


def _percent_unit():
    from luoshi.extract.units import BASE_UNITS

    return next(u for u in BASE_UNITS if u.written == "%")
