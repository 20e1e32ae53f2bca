"""Measure units as written in Chinese progress tables, their family and scale.

A unit is kept as written ("万标箱", "亿元", "万美元") and also known by its family ("money",
"count" …) and the factor that converts it to the family's base ("亿元" -> 1e8 元), so that
"6987.6万元" and "1.5亿元" compare. Units of different families never compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Scale prefixes that may stand between a number and its unit: 3万吨, 1.5亿元, 2千万元.
SCALES: dict[str, float] = {
    "万亿": 1e12,
    "千万": 1e7,
    "百万": 1e6,
    "亿": 1e8,
    "万": 1e4,
    "千": 1e3,
    "百": 1e2,
}


@dataclass(frozen=True)
class BaseUnit:
    written: str
    family: str
    factor: float = 1.0  # to the family's base unit
    target_ok: bool = True  # may a task promise a figure in this unit?


def _units(family: str, names: str, factor: float = 1.0, target_ok: bool = True) -> list[BaseUnit]:
    return [BaseUnit(n, family, factor, target_ok) for n in names.split()]


# Families: money (元), usd (美元), count (个, 家, 项 … things counted), person, person_time,
# occasion (批次, 家次 … occasions of a thing),
# times (次, 场 … events), length (米), area (平方米), weight (吨), teu (标箱), energy (千瓦时),
# power (千瓦), volume (立方米), concentration (微克/立方米), duration (天), percent, pp
# (percentage points), multiple (倍).
BASE_UNITS: list[BaseUnit] = [
    *_units("money", "元 块钱"),
    *_units("usd", "美元"),
    *_units("percent", "%"),
    *_units("pp", "个百分点 百分点"),
    *_units(
        "count",
        "个 家 项 所 座 处 条 套 户 栋 幢 艘 辆 台 件 本 份 只 张 支 篇 块 宗 类 种 间 笔 批 株 棵 根 部 组"
        # 盏 counts lamps (路灯1249盏), 面 boards, flags and walls (解说牌1面)
        " 盏 面"
        # 例 counts cases (手术15507例, 确诊病例43例)
        " 例",
    ),
    *_units("person", "人 名 位"),
    *_units("person_time", "人次"),
    # Occasions of a thing counted (接待175批次, 走访2万家次, 出车7674车次): a measure word with 次
    # is a unit of its own, not the thing (批, 家) — a visit to a household is no household.
    *_units("occasion", "批次 家次 户次 车次 架次 艘次 台次 班次 航次"),
    # 场次 (放映70场次) is written as one unit: the events counted, as 场 alone.
    # EVENTS PROMISED: events held, counted in 场 (免费放映5700场电影, 举办招聘会20场), are a
    # promise like any count. 次, 轮 and 起 are not: in a task they name a frequency (每月1次), a
    # reform (最多跑一次), an order (第七次) or incidents to avoid (事故1起), not a tally to reach.
    *_units("times", "场次 场"),
    *_units("times", "次 轮 起", target_ok=False),
    *_units("length", "公里", 1000.0),
    *_units("length", "千米", 1000.0),
    *_units("length", "米 延米"),
    *_units("area", "平方公里", 1e6),
    *_units("area", "平方米 平米 ㎡ 平"),  # 2000平: 平 alone for 平方米 (not 平台, 平均 …)
    *_units("area", "公顷", 10000.0),
    *_units("area", "亩", 666.6667),
    *_units("weight", "吨"),
    *_units("weight", "公斤 千克", 0.001),
    *_units("teu", "标箱 TEU"),
    *_units("energy", "千瓦时 度"),
    *_units("power", "千瓦"),
    *_units("volume", "立方米 方"),
    # A mass per volume (PM2.5平均浓度45微克/立方米, 化学需氧量20毫克/升): a concentration, a level.
    *_units("concentration", "微克/立方米 毫克/立方米 毫克/升 微克/升 mg/L μg/m³"),
    *_units("duration", "个工作日 工作日 天 小时"),
    # 岁 is mostly a label of people (60岁以上老人); a figure only for a life-expectancy level.
    *_units("age", "岁"),
    # A multiple of another quantity (低保标准的1.3倍, 增长2.7倍): kept as written, a level.
    *_units("multiple", "倍"),
]

PRICE = BaseUnit("元/", "price", 1.0, True)

# Count units that name things in general and may stand for one another (项 and 个, 家 and 个);
# other measure words (幢, 艘, 条, 套 …) count one kind of thing only.
GENERIC_COUNT = frozenset("个项家处座所")

# Longest first, so "平方公里" wins over "公里", "人次" over "人", "个百分点" over "个".
_BY_LENGTH = sorted(BASE_UNITS, key=lambda u: -len(u.written))

# A unit character followed by one of these is the start of a word, not a unit:
# 项目 (project), 个人, 家庭, 条件, 户籍, 本地, 处置, 台风, 种植, 类似 …
WORD_CONTINUATIONS: dict[str, str] = {
    "项": "目",
    "个": "人体性案",
    "家": "庭乡属园",
    "条": "件例款线",
    "户": "籍口型",
    "本": "地级部岛市区县土",
    "处": "置理罚于在",
    "台": "风账湾胞",
    "种": "植养类",
    "类": "似",
    "所": "有在属以",
    "间": "隔",
    "份": "额",
    "元": "素旦",
    "度": "假",
    "名": "单称录",
    "位": "于置",
    "块": "地",
    "起": "来步",
    "只": "有是要",
    "张": "网图",
    "天": "然气下",
    "方": "案面式法向",
    "米": "以",
    "场": "所景地馆",
    "次": "要结供污",
    "例": "如外行会",  # 例如, 例外, 例行, 例会 are words  # 二次结构, 二次供水, 二次污染: words of construction, not events counted
    "批": "准复",
    "号": "",
    "岁": "月",
    "倍": "增数受感",  # 倍增 (doubling), 倍数, 倍受 …
    # 部 counts vehicles, phones, laws, films (更新公交车辆753部, 出台3部法规); 3部门, 部分, 部署 are words
    "部": "门分署委队位件长级属",
    "平": "台方均稳安衡价行面原衡常时整",
    "组": "织建成团合长委件别",  # 3组雕塑; 组织, 组建 … are words
    "面": "积向临对貌上下前子料粉八",  # 2面展板; 面积, 面向, 面临, 四面八方 … are words
}

# ... unless the continuation character itself opens a longer word that is the thing counted:
# 37个人工智能实验室 is 37 (个) laboratories of 人工智能, not 37 persons nor a bare 37; 个 + 人才,
# 人员, 人口, 人民, 人大 likewise (30个人才项目, 5个人员密集场所, 8个人民调解委员会). 个人 on its
# own, or before another character, stays the word 个人 (individual).
# A bound after a unit (以上, 以下, 以内) is the figure's comparator, never part of a word with
# the unit: 2所以上 is "2所 or more", not 2 and the word 所以 (therefore); 3米以上 likewise.
_BOUND_AFTER_UNIT = ("以上", "以下", "以内")
# 家 + 乡镇/乡村 after a number counts townships' things (163家乡镇卫生院), not 家乡 (hometown).
UNIT_BEFORE_WORD: dict[str, tuple[str, ...]] = {
    "家": ("乡镇", "乡村", "乡级", "乡街"),
    "个": ("人工", "人才", "人员", "人口", "人民", "人大"),
    "所": _BOUND_AFTER_UNIT,
    "米": _BOUND_AFTER_UNIT,
}


@dataclass(frozen=True)
class UnitMatch:
    written: str  # scale + unit as written, e.g. "万标箱"
    base: BaseUnit
    factor: float  # scale * unit factor: converts the value to the family's base
    end: int  # index just after the unit in the text


_BY_FIRST: dict[str, list[BaseUnit]] = {}
for _u in _BY_LENGTH:
    _BY_FIRST.setdefault(_u.written[0], []).append(_u)


def has_unit_start(ch: str) -> bool:
    """Could a unit begin with this character?"""
    return ch in _BY_FIRST


def match_unit(text: str, pos: int, scale: str = "") -> UnitMatch | None:
    """The unit starting at ``pos`` (after any scale already consumed), or None."""
    for unit in _BY_FIRST.get(text[pos : pos + 1], ()):
        w = unit.written
        if not text.startswith(w, pos):
            continue
        nxt = text[pos + len(w) : pos + len(w) + 1]
        if nxt and nxt in WORD_CONTINUATIONS.get(w, "") and not text.startswith(
                UNIT_BEFORE_WORD.get(w, ()), pos + len(w)):
            continue
        factor = SCALES.get(scale, 1.0) * unit.factor
        # The unit after the slash may be a product of two (元/人·月, 元/吨·公里: per person-month)
        # or written with a second slash (元/月/人): kept as written.
        per = _PER_UNIT.match(text[pos + len(w) :])
        if unit.family in ("money", "usd") and not (per and per.group(0) != "每"):
            per = _per_known_unit(text, pos + len(w))  # 0.62元/千瓦时以内
        if unit.family in ("money", "usd") and per and per.group(0) != "每":
            # 4.77元/方 is a price, not an amount of money
            end = pos + len(w) + per.end()
            return UnitMatch(scale + w + "/" + per.group(1), PRICE, factor, end)
        per_time = _PER_TIME.match(text, pos + len(w))
        if per_time and unit.family not in ("percent", "pp"):
            # 30万吨/年 is a capacity, not an amount: its own family, never an amount of 吨.
            rate = BaseUnit(w + per_time.group(0), unit.family + "/time", unit.factor, True)
            return UnitMatch(scale + w + per_time.group(0), rate, factor, per_time.end())
        return UnitMatch(scale + w, unit, factor, pos + len(w))
    return None


_PER = re.compile(r"\s*/\s*")
_PER_UNIT = re.compile(
    r"\s*/\s*([\u4e00-\u9fff]{1,3}?(?:[.·・/][\u4e00-\u9fff]{1,2})?)(?=[\s,,。;;)）]|$|[^\u4e00-\u9fff])|每"
)


def _per_known_unit(text: str, pos: int) -> re.Match[str] | None:
    """"/千瓦时", "/方" followed by more words: the longest known unit after the slash."""
    m = _PER.match(text, pos)
    if m is None:
        return None
    for u in _BY_FIRST.get(text[m.end() : m.end() + 1], ()):
        if text.startswith(u.written, m.end()):
            # Matched on the text after the unit, as the caller's pattern is.
            return re.compile(r"\s*/\s*(" + re.escape(u.written) + ")").match(text[pos:])
    return None


# A unit per unit of time (万吨/年, 千瓦时/日): a rate or capacity.
_PER_TIME = re.compile(r"/(?:年|日|天|小时|月)")


def family_of(written: str) -> str | None:
    """Family of a unit as written ("亿元" -> "money"), None when unknown."""
    for scale in sorted(SCALES, key=len, reverse=True):
        if written.startswith(scale) and len(written) > len(scale):
            rest = written[len(scale) :]
            break
    else:
        rest = written
    for unit in _BY_LENGTH:
        if unit.written == rest:
            return unit.family
    return None


def base_of(written: str) -> str:
    """The unit without its scale: "万标箱" -> "标箱", "万名" -> "名"."""
    for scale in sorted(SCALES, key=len, reverse=True):
        if written.startswith(scale) and len(written) > len(scale):
            return written[len(scale) :]
    return written


def comparable(unit_a: str, family_a: str | None, unit_b: str, family_b: str | None) -> bool:
    """Can a figure in unit_a measure a target in unit_b? Same family, and for counts the
    same measure word or two general ones (项 and 个)."""
    if family_a is None or family_a != family_b:
        return False
    if family_a != "count":
        return True
    a, b = base_of(unit_a), base_of(unit_b)
    return a == b or (a in GENERIC_COUNT and b in GENERIC_COUNT)
