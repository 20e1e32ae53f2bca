"""The publication metadata block above a table, and what the title tells.

Two styles occur on government disclosure pages (and both are read here):

- one key per bullet, value on the next bullet: "• 索引号:" / "• 001008003006001/2020-51324";
- keys inline, several per line: "组配分类 市政府工作报告 发布机构 市政府办公室".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from luoshi.ingest.model import Meta, Period
from luoshi.ingest.periods import as_of_day, parse_period, parse_year
from luoshi.ingest.placenames import places_named
from luoshi.ingest.script import to_simplified
from luoshi.vocab import PeriodKind

# Metadata keys -> Meta attribute; the other keys only end a value ("来源:" after a date).
_FIELDS = {
    "索引号": "index_no",
    "组配分类": "category",
    "发布机构": "publisher",
    "成文日期": "written_date",
    "生成日期": "written_date",
    "发布日期": "published_date",
    "发布时间": "published_date",
    "公开方式": "disclosure",
}
_STOP_KEYS = [
    "来源",
    "浏览次数",
    "访问次数",
    "字号",
    "字体",
    "主题分类",
    "文号",
    "有效性",
    "体裁分类",
    "发文字号",
    "公开范围",
    "公开时限",
    "信息来源",
    "点击数",
]
_KEY = re.compile(
    "(" + "|".join(sorted([*_FIELDS, *_STOP_KEYS], key=len, reverse=True)) + r")\s*[:：]?\s*"
)
_BULLET = re.compile(r"^[•·●▪◆■\-*]\s*")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
# Words a title naming a plan or a report on one holds (实事: a 民生实事 / 十件实事 list).
TITLE_WORDS = re.compile(
    r"情况|清单|任务|重点工作|进展|一览表|汇总表|落实|分解|分工|工作总结|工作计划|工作要点|台账|进度表"
    r"|实事"
)
_TITLE_WORDS = TITLE_WORDS

# Generic words ending in a level suffix that are not places (示范区, 全区, 完成区…).
NOT_PLACES = set(
    "示范区 园区 社区 景区 城区 片区 全区 我区 本区 该区 各区 开发区 功能区 保护区 风景区 试验区 自贸区 海区 "
    "高新区 经开区 保税区 综保区 度假区 产业区 "
    "都市区 主城区 山区 辖区 库区 矿区 商区 街区 校区 厂区 小区 新区 市区 郊区 县区 城市 全市 我市 本市 各市 城市 都市 "
    "全县 我县 本县 各县 郡县 市县 区县 州市 "
    # kinds of city, which jieba's dictionary lists among place names (placenames.py)
    "大城市 小城市 中心城市 文明城市 卫生城市 园林城市 森林城市 海绵城市 智慧城市 "
    # the same words for the other divisions of DIVISIONS (全州 says "the whole prefecture")
    "全州 我州 本州 各州 全盟 我盟 本盟 全旗 我旗 本旗 各旗 全镇 我镇 本镇 各镇 全乡 我乡 本乡 各乡".split()
)
# The administrative divisions of China, as the suffix a place's name ends with, and its level
# (0 province … 3 township); a place inside another names a lower level (温州市洞头区,
# 黔东南州凯里市). The one table every place pattern below is built from: a division added here
# is recognised in a 政府 phrase, before or after a title's year, and in an opening sentence.
# Longer suffixes first, so 自治州 is read before 州 and 新区 before 区.
DIVISIONS: tuple[tuple[str, int], ...] = (
    ("特别行政区", 0),
    ("自治区", 0),
    ("省", 0),
    ("自治州", 1),
    ("州", 1),  # 黔东南州, 湘西州 (a 自治州 by its short name)
    ("盟", 1),  # 锡林郭勒盟
    ("市", 1),
    # development zones run by a 管委会, at the county level: 某某经济技术开发区, 苏州工业园区
    ("高新技术产业开发区", 2),
    ("经济技术开发区", 2),
    ("开发区", 2),
    ("工业园区", 2),
    ("高新区", 2),
    ("经开区", 2),
    ("自治县", 2),
    ("自治旗", 2),
    ("新区", 2),  # 雄安新区, 浦东新区
    ("旗", 2),  # 鄂托克旗
    ("县", 2),
    ("区", 2),
    ("民族乡", 3),
    ("苏木", 3),
    ("街道", 3),
    ("镇", 3),
    ("乡", 3),
)
_LEVEL_RANK = dict(DIVISIONS)
_ZONES = frozenset(("高新技术产业开发区", "经济技术开发区", "开发区", "工业园区", "高新区", "经开区"))
# 州 ends a place only when no other suffix follows (杭州市 is one place, not 杭州 + 市).
_SUFFIX = "(?:" + "|".join(
    re.escape(s) + ("(?![市县区])" if s.endswith("州") else "") for s, _ in DIVISIONS
) + ")"
# "某市委、市人民政府", "某县委县政府", "某州委州政府": the party committee and the government
# of one place named together; the place is the government's.
_COMMITTEE = r"(?:委[、和与及]?(?:" + "|".join(s for s, _ in DIVISIONS) + r")?)?"
# An autonomous prefecture's or county's full name is long (恩施土家族苗族自治州): its peoples
# end in 族 before 自治.
_AUTONOMOUS = r"[\u4e00-\u9fa5]{2,12}?族自治(?:州|县|旗)"
# What governs a place: its 人民政府, a 街道's 办事处, a development zone's 管委会.
GOVERNING = r"(?:人民)?(?:政府|办事处|管委会|管理委员会)"
_PLACE_GOV = re.compile(
    rf"((?:[\u4e00-\u9fa5]{{2,4}}?(?:省|市))?(?:{_AUTONOMOUS}|[\u4e00-\u9fa5]{{2,6}}?{_SUFFIX}))"
    rf"{_COMMITTEE}{GOVERNING}"
)
# What a title may open with before its year or place: 关于 (关于2030年安澜县…的报告).
_TITLE_LEAD = r"(?:关于)?"
# A place right after the year opening the title: one to three parts, higher levels first
# (2030年安澜县青石镇… names 青石镇; the chain is resolved by _place_from).
_TITLE_PLACE = re.compile(
    rf"^{_TITLE_LEAD}(?:(?:19|20)\d{{2}}\s*年度?)((?:[\u4e00-\u9fa5]{{2,4}}?(?:省|市))?"
    rf"(?:{_AUTONOMOUS}|(?:[\u4e00-\u9fa5]{{2,4}}?{_SUFFIX}){{1,2}}))"
)
_TITLE_DEPARTMENT = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年度?)?((?:[\u4e00-\u9fa5]{2,4}?(?:省|市|区|县))?(?:省|市|区|县)?"
    r"[\u4e00-\u9fa5]{2,12}?(?:局|委员会|委|办公室|中心))"
    r"(?:(?:19|20)\d{2}|[\u4e00-\u9fa5]{0,4}(?:重点工作|工作任务|任务清单|工作要点))"
)
# "合肥市2021年…", "深圳市福田区2020年度…", "泗洲头镇2020年…", "黔东南州2023年…": a place
# opening the title, right before its year.
_PLACE_THEN_YEAR = re.compile(
    rf"^{_TITLE_LEAD}([\u4e00-\u9fa5]{{2,16}}?{_SUFFIX})(?=\s*(?:19|20)\d{{2}})"
)
_GOVERNMENT_OFFICE = re.compile(r"政府办|府办|办公厅|人民政府")
# A whole source/publisher line naming a department of a named place: 某某区发展和改革局,
# 安澜市机关事务管理局 (the place, then 1-12 characters and a department word).
_DEPARTMENT_OF_PLACE = re.compile(
    r"^((?:[\u4e00-\u9fa5]{2,4}?(?:省|市))?[\u4e00-\u9fa5]{2,6}?"
    rf"{_SUFFIX})[\u4e00-\u9fa5]{{1,12}}?(?:局|委员会|委|办公室|中心|办)$"
)
# A level word before 政府 (or a 政府办公室's short forms 府办, 政府办): "区政府" says the page is a
# district's without naming it; 街道 has an 办事处 for a government.
_LEVEL_WORD = re.compile(r"(省|市|州|盟|区|县|旗|镇|乡|街道)(?:人民)?(?:政府|府办|办事处)")
# A unit named by the bare level word of its government, at the start of a cell or after a
# separator: 区发改局, 市财政局, 县教育局 (市场监管局 is not 市 + 场监管局).
_UNIT_LEVEL = re.compile(
    r"(?<![\u4e00-\u9fa5])(省|市(?!场)|州|盟|区|县|旗|镇)[\u4e00-\u9fa5]{1,8}?"
    r"(?:局|委员会|委|办公室|办|中心)"
)
BODY_LEVEL_MIN = 2  # units or mentions that make the table's own level
# Lines of the table read for its level and the places it names: enough for a page's own
# place to show, and a bound on the time a huge table costs.
BODY_SCAN = 2000
_PART = re.compile(rf"[\u4e00-\u9fa5]+?{_SUFFIX}")
# Characters no place name holds: a match running over them is words, not a place (涉杭任务和市).
NOT_IN_PLACE = set("和与及的了对为是在任务作涉报告于等印发关")


def _words_in(name: str) -> set[str]:
    """The characters of NOT_IN_PLACE in ``name`` before its division suffix (开发区 holds 发,
    a suffix, not words)."""
    suffix = next((s for s, _ in DIVISIONS if name.endswith(s)), "")
    return NOT_IN_PLACE & set(name[: len(name) - len(suffix)])
# A title naming the task list itself, not a report on it: the period is the plan.
_PLAN_TITLE = re.compile(
    r"责任分解|任务分解|责任分工|分工方案|工作安排|任务清单|目标任务(?:的)?通知|分解表|分解方案"
    r"|工作计划|工作要点"
    # the year's tasks named as such, ending the title or issued by a notice (关于印发…2023年
    # 重点工作任务的通知): the list itself, not a report on it
    r"|(?:重点|主要)(?:工作)?任务(?:的通知)?$"
)
_PROGRESS_TITLE = re.compile(r"完成情况|进展|落实情况|推进情况|执行情况|进度")


def parse_date(text: str) -> date | None:
    """First date in ``text``; tolerates spaces ("2021- 01- 15") and 年月日."""
    m = _DATE.search(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _strip(paragraph: str) -> str:
    return _BULLET.sub("", paragraph.strip()).strip()


def _key_values(paragraphs: Sequence[str]) -> dict[str, str]:
    """Key -> value over the block; a key whose value is empty takes the next paragraph when
    that paragraph holds no key (bullet style)."""
    found: dict[str, str] = {}
    pending: str | None = None
    for raw in paragraphs:
        p = _strip(raw)
        # keys in traditional characters (來源:, 發布機構) are keys too: matched on the
        # simplified line, values taken as written when the two line up
        simple = to_simplified(p)
        matches = list(_KEY.finditer(simple if len(simple) == len(p) else p))
        if not matches:
            if pending is not None and p:
                found.setdefault(pending, p)
            pending = None
            continue
        pending = None
        for i, m in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(p)
            value = p[m.end() : end].strip()
            key = m.group(1)
            if value:
                found.setdefault(key, value)
            elif i == len(matches) - 1 and key in _FIELDS:
                pending = key
    return found


# A clause break inside a paragraph: a title is a name, not a sentence.
_CLAUSE = re.compile(r"[,，;；]")


def find_title(paragraphs: Sequence[str]) -> str:
    """The table's title: the first paragraph naming a year and a report of tasks — one that
    is a name (no clause break) before one that is a sentence."""
    sentence = ""
    for raw in paragraphs:
        p = _strip(raw)
        if len(p) > 100 or _KEY.search(p) or _KEY.search(to_simplified(p)) or ">" in p:
            continue
        # (title words matched in simplified characters: 重點工作任務 is a title too)
        if _title_year(p) and (_TITLE_WORDS.search(p) or _TITLE_WORDS.search(to_simplified(p))):
            if not _CLAUSE.search(p):
                return p
            # a sentence (《…》已经市政府同意,现印发给你们; 现将1至7月…通报如下:) stands for the
            # title only when no paragraph is a title of its own
            sentence = sentence or p
    return sentence


_YEAR_AT_START = re.compile(r"^((?:19|20)\d{2})(?=[^\d年])")
# A year written in Chinese numerals, as formal documents date themselves (二〇二三年).
_CN_YEAR = re.compile(r"((?:一九|二[〇零○Ｏ０])[〇零○Ｏ０一二三四五六七八九]{2})(?=\s*年)")
_CN_DIGIT = str.maketrans("〇零○Ｏ０一二三四五六七八九", "00000123456789")


def arabic_years(text: str) -> str:
    """``text`` with its years in Chinese numerals written in digits (二〇二三年 -> 2023年), so
    that every year and place pattern reads them; other numerals are left alone."""
    return _CN_YEAR.sub(lambda m: m.group(1).translate(_CN_DIGIT), text)


def _title_year(title: str) -> int | None:
    """The year a title names: "2020年…" (二〇二〇年…), or a title opening with a bare year
    ("2020第三季度政府工作报告…")."""
    title = arabic_years(title)
    year = parse_year(title)
    if year is None and (m := _YEAR_AT_START.match(title)):
        year = int(m.group(1))
    return year


def _level(part: str) -> int:
    return next(r for suffix, r in _LEVEL_RANK.items() if part.endswith(suffix))


def _county_city(upper: str, part: str) -> bool:
    """A 市 inside a 州 or 盟 is a county-level city (黔东南州凯里市 -> 凯里市): a prefecture of
    those kinds holds no prefecture-level city, so the 市 is one level down."""
    return part.endswith("市") and upper.endswith(("州", "盟"))


def _level_word_before_generic(part: str) -> bool:
    """县示范区, 市开发区: a level word (the county's, the city's) before a generic area word
    is no place's name. (立山区 is: 立 is no level word, though 山区 is generic.)"""
    return part[0] in "省市州盟区县旗镇乡" and part[1:] in NOT_PLACES


def _place_from(text: str) -> str:
    """The lowest-level place a "…人民政府" phrase names: 温州市洞头区人民政府 -> 洞头区,
    某某镇人民政府 -> 某某镇, 某某街道办事处 -> 某某街道. Places run from higher to lower
    levels; a part of the same or a higher level after a lower one is not a place (通州区涉及
    市政府 names 通州区)."""
    for m in _PLACE_GOV.finditer(text):
        # what a title puts before the place: its year and period (2019年上半年武汉市政府)
        name = re.sub(r"^.*(?:年度|年|季度|月份|月)", "", m.group(1))
        chain: list[str] = []
        skipped = ""
        for p in _PART.findall(name):
            bad = [i for i, ch in enumerate(p) if ch in _words_in(p)]
            if bad and not chain:
                p = p[bad[-1] + 1 :]  # "关于印发台州市": the place is what follows the words
            if p in _ZONES and (skipped or chain):
                # a zone word alone is the zone of the place before it: 苏州 + 工业园区,
                # 杭州市 + 高新区 (苏州 read as a 州 of two characters, skipped below)
                p = (skipped or chain[-1]) + p
            # (县示范区管委会: the county's 示范区, a level word before a generic one, no place)
            if len(p) < 3 or p in NOT_PLACES or _level_word_before_generic(p) or _words_in(p):
                if chain:
                    break
                skipped = p if len(p) == 2 and not NOT_IN_PLACE & set(p) else ""
                continue
            if chain and _level(p) <= _level(chain[-1]) and not _county_city(chain[-1], p):
                break
            chain.append(p)
        if chain:
            return chain[-1]
    return ""


# The opening sentence of a paragraph: up to its first full stop or colon.
_SENTENCE_END = re.compile(r"[。!！?？:：]")
_CLAUSE_BREAK = re.compile(r"[,，;；]")
# A clause's subject: a place's 政府 right at its start, after at most a date (2030年12月底) and
# 中共; the place is at most two divisions (某市某区) long.
_SUBJECT_GOV = re.compile(
    rf"^\s*(?:(?:19|20)\d{{2}}年)?(?:\d{{1,2}}月)?(?:\d{{1,2}}日|底)?\s*(?:中共)?"
    rf"(?P<name>[\u4e00-\u9fa5]{{2,12}}?{_SUFFIX}){_COMMITTEE}{GOVERNING}"
)
OPENING_PARAGRAPHS = 3
OPENING_PERIOD_SPAN = 20  # characters at a sentence's start read for its period words  # paragraphs at the top of a page read for a government they name


def opening_sentences(paragraphs: Sequence[str]) -> list[str]:
    """The first sentence of each of the first paragraphs (a report's opening: "截至12月底,
    某市委、市人民政府…十件实事全面完成。")."""
    return [_SENTENCE_END.split(p.strip(), 1)[0] for p in paragraphs[:OPENING_PARAGRAPHS]]


def infer_government(
    title: str,
    context: Sequence[str],
    body: Sequence[str],
    opening: Sequence[str] = (),
    preamble: Sequence[str] = (),
) -> tuple[str, str | None]:
    """(government, warning). The title or the page's breadcrumb/publisher name it when they
    say "…市人民政府" (or "某市委、市人民政府"); a place opening the title before or after its
    year does; else an opening sentence naming a place's 政府 (``opening``, warned: the page
    is about that government, most likely); when the title only says 区政府, the place the
    text itself names far more often than any other of that level is taken, with a warning
    saying so. The last resort, when the title, the source lines or the lines above the
    table (``preamble``) name only a level (区政府, 市府办): the place of that level the
    text names most often (:func:`luoshi.ingest.placenames.places_named`), warned, with the
    runner-up named; none when two are named as often."""
    for text in [title, *context]:
        place = _place_from(text)
        if place:
            return place, None
    # "2030年安澜县重点工作…": a place right after the year opens the title
    m = _TITLE_PLACE.match(title)
    if m and not _words_in(m.group(1)):
        place = _place_from(m.group(1) + "政府")
        if place:
            return place, None
    m = _PLACE_THEN_YEAR.match(title)
    if m and not _words_in(m.group(1)):
        place = _place_from(m.group(1) + "政府")
        if place:
            return place, None
    # a place named alone as the page's source or publisher (来源:某某镇)
    for text in context:
        value = text.strip()
        if value and len(value) <= 12 and _place_from(value + "政府") == value:
            return value, None
    # a department of a place as the source or publisher (发布机构:某某区发展和改革局): the place
    # is the department's government, most likely the list's; the list may be the department's
    # own, which the warning says
    for text in context:
        m = _DEPARTMENT_OF_PLACE.match(text.strip())
        if m and not _GOVERNMENT_OFFICE.search(text) and (place := _place_from(m.group(1) + "政府")):
            return place, (
                f"government {place} taken from the page's source {text.strip()!r}, one of its "
                "departments: if the list is the department's own, give the department; check it"
            )
    # the page's opening sentence names a place's government as its subject, opening one of
    # its clauses (截至12月底,某市委、市人民政府…完成); a place named further inside a clause is
    # what the sentence talks about, not who speaks
    for sentence in opening:
        place = next(
            (
                found
                for clause in _CLAUSE_BREAK.split(to_simplified(sentence))
                if (m := _SUBJECT_GOV.match(clause))
                and "政府" not in m.group("name")
                and not _words_in(m.group("name"))
                and (found := _place_from(m.group("name") + "政府"))
            ),
            "",
        )
        if place:
            return place, (
                f"government {place} taken from the opening sentence ({sentence[:24]!r}…): the "
                "title does not name it; check it"
            )
    # a department's own list: "市机关事务管理局2030年重点工作…" names the department
    m = _TITLE_DEPARTMENT.match(title)
    if m and not _GOVERNMENT_OFFICE.search(m.group(1)):
        return m.group(1), (
            f"the title names a department, {m.group(1)}: taken as the government (the body "
            "whose task list this is); check it"
        )
    suffix, where = page_level(title, context, preamble, body)
    if not suffix:
        return "", "government not named in the title or metadata; give it when importing"
    ranked = places_named(
        [*preamble, *body[:BODY_SCAN]], suffix, NOT_PLACES, NOT_IN_PLACE
    ).most_common(2)
    level = f"{where} gives only the level ({suffix}政府)"
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        name, n = ranked[0]
        also = f"; it also names {ranked[1][0]} {ranked[1][1]} times" if len(ranked) > 1 else ""
        return name, (
            f"government {name} inferred: {level} and the text names {name} {n} times{also}; "
            "check it"
        )
    if ranked:
        return "", (
            f"government not named: {level} and the text names {ranked[0][0]} and "
            f"{ranked[1][0]} as often; give it when importing"
        )
    return "", f"government not named: {level}; give it when importing"


def page_level(
    title: str, context: Sequence[str], preamble: Sequence[str] = (), body: Sequence[str] = ()
) -> tuple[str, str]:
    """(suffix, where): the level of government a page speaks for when it names no place, as
    a level word before 政府 or 府办 (区政府, 市人民政府, 区府办, 县政府办公室) says it — in the
    title, else the publisher/source/breadcrumb lines, else the other lines above the table,
    else the table's own units (区发改局) and text, by the level most of them name.
    The first of those that has one decides; within it the lowest level named wins (省政府工作
    报告涉杭任务和市政府… is the city's list: a government lists the higher one's tasks that
    concern it). "各区政府" names the governments below, not the page's own. ("", "") when none
    does."""
    for where, texts in (("the title", [title]), ("the source line", context),
                         ("the text above the table", preamble)):
        found = [
            m.group(1)
            for text in texts
            for m in _LEVEL_WORD.finditer(to_simplified(text))
            if not text[max(0, m.start() - 1) : m.start()] == "各"
        ]
        if found:
            return max(found, key=lambda s: _LEVEL_RANK[s]), where
    # the table itself: its units are the government's own departments, named by the bare
    # level word (区发改局, 市财政局), and its text refers to that government (提请区政府…);
    # the level most of those name, when at least BODY_LEVEL_MIN do
    counts = Counter(
        m.group(1)
        for text in body[:BODY_SCAN]
        for pattern in (_UNIT_LEVEL, _LEVEL_WORD)
        for m in pattern.finditer(to_simplified(text))
        if not text[max(0, m.start() - 1) : m.start()] == "各"
    )
    if counts and (top := counts.most_common(1)[0])[1] >= BODY_LEVEL_MIN:
        return top[0], "the table's units and text"
    return "", ""


# A line (or a one-cell row) that only states the unit of the table's numbers: an optional
# word of what is measured, 单位, a colon and a unit of measure ("金额单位:万元", "单位:亿元、个").
# Traditional forms are read too (金額單位:萬元). 责任单位:市财政局 names a unit of government,
# not of measure: the value must be a unit of measure.
_UNIT_LINE = re.compile(
    r"^[(（]?(?P<what>金[额額]|[资資]金|投[资資]|[计計]量|[数數]量|面[积積]|[价價]值)?"
    r"[单單]位[:：]\s*(?P<unit>[万萬亿億千百十]?(?:美元|元|吨|噸|亩|畝|平方米|平方公里|公里|千米|米|人次|人|户|戶|"
    r"个|個|套|辆|輛|千瓦时|千瓦|家|件|项|項|头|頭|只|张|張|间|間)(?:[/／][^\s,，;；)）]{1,4})?)"
    r"\s*[)）]?\s*[|｜]?\s*$"
)
_SIMPLIFIED = str.maketrans("額資計數積價單萬億噸畝戶個輛項頭張間", "额资计数积价单万亿吨亩户个辆项头张间")
UNIT_LINE_SCAN = 8  # lines next to the table looked at for a unit line (above and below)
UNIT_LINE_MAX = 40  # characters: longer lines are never a unit line (and cost no matching)


def find_unit_line(lines: Sequence[str]) -> str:
    """The first line of ``lines`` that only states a unit of measure for the table
    (金额单位:万元), in simplified forms without brackets, else ""."""
    for line in lines:
        if len(line) > UNIT_LINE_MAX:
            continue  # a unit line is short; a long line is not read by the pattern at all
        m = _UNIT_LINE.match(line.strip())
        if m:
            what = (m.group("what") or "").translate(_SIMPLIFIED)
            return f"{what}单位:{m.group('unit').translate(_SIMPLIFIED)}"
    return ""


def read_meta(preamble: Sequence[str], body: Sequence[str] = ()) -> tuple[Meta, list[str]]:
    """Meta from the paragraphs before the table (and the body, for the government)."""
    warnings: list[str] = []
    values = _key_values(preamble)
    meta = Meta()
    for key, attr in _FIELDS.items():
        if key not in values:
            continue
        value = values[key]
        if attr.endswith("_date"):
            if getattr(meta, attr) is None:
                parsed = parse_date(value)
                if parsed is None:
                    warnings.append(f"{key} {value!r} is not a date")
                setattr(meta, attr, parsed)
        elif not getattr(meta, attr):
            setattr(meta, attr, value)
    meta.title = find_title(preamble)
    meta.year = _title_year(meta.title) if meta.title else None
    # period words are read in simplified characters (進展情況 is 进展情况); the title is kept
    simple = arabic_years(to_simplified(meta.title))
    meta.period = parse_period(simple, meta.year) if meta.title else None
    if meta.period is None and meta.title and _PLAN_TITLE.search(simple):
        if not _PROGRESS_TITLE.search(simple):
            label = _PLAN_TITLE.search(simple).group(0)  # type: ignore[union-attr]
            meta.period = Period(kind=PeriodKind.PLAN, label=label)
    if meta.period is not None and meta.period.kind is not PeriodKind.PLAN:
        # the table's own title or first lines may state the exact day (截至6月20日)
        meta.period = as_of_day(list(preamble[-6:]) + list(body[:3]), meta.period, meta.year)
    if meta.period is None and meta.title and meta.year is not None:
        # a title naming no period: the opening sentence's period words (上半年,… / 截至9月底,…)
        # tell which report this is, read in its first clause only (a later clause may look
        # back: 与上半年相比)
        opening = [p for p in preamble if _strip(p) and _strip(p) != meta.title]
        for sentence in opening_sentences([_strip(p) for p in opening]):
            first = _CLAUSE_BREAK.split(to_simplified(sentence), 1)[0]
            period = parse_period(first[:OPENING_PERIOD_SPAN], meta.year)
            if period is not None and period.kind is not PeriodKind.PLAN:
                meta.period = period
                warnings.append(
                    f"period {period.label!r} taken from the opening sentence ({sentence[:24]!r}…): "
                    "the title names none; check it"
                )
                break
    if not meta.title:
        warnings.append("no title found above the table: year and period unknown")
    elif meta.period is None:
        warnings.append(f"no reporting period in the title {meta.title!r}")
    context = [_strip(p) for p in preamble if ">" in p] + [
        meta.publisher,
        values.get("来源", ""),
        values.get("信息来源", ""),
    ]
    opening = [p for p in preamble if _strip(p) and _strip(p) != meta.title]
    meta.government, why = infer_government(
        simple,
        [to_simplified(c) for c in context],
        body,
        opening_sentences([_strip(p) for p in opening]),
        [_strip(p) for p in preamble if _strip(p) != meta.title],
    )
    # the name as the title (or the line naming it) writes it: 青島市, found as 青岛市
    for written in [meta.title, *context, *opening] if meta.government else []:
        at = to_simplified(written).find(meta.government)
        if at >= 0:
            if len(to_simplified(written)) == len(written):
                meta.government = written[at : at + len(meta.government)]
            break
    if why:
        warnings.append(why)
    # Above the table (the last lines before it), or a cell or line of the body: the first and
    # last lines of the body are the rows above the header and the notes under the table.
    meta.unit_line = find_unit_line([*preamble[-UNIT_LINE_SCAN:], *body[:UNIT_LINE_SCAN],
                                     *body[-UNIT_LINE_SCAN:]])
    return meta, warnings


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(\d{1,2})[/-]?(\d{1,2})/")
_URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})?/")


def date_from_url(url: str) -> date | None:
    """The date a government site puts in its article paths (/art/2021/5/25/, /202203/)."""
    m = _URL_DATE.search(url)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    m = _URL_DATE_COMPACT.search(url)
    if m and 1 <= int(m.group(2)) <= 12:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    return None


def period_without_title(meta: Meta, cells: Sequence[str], url: str = "") -> str | None:
    """For a page without a title: the period a progress cell names ("一季度,开展…") and the
    year from the publication date (the page's, else its URL's): a period ending after the
    publication month belongs to the year before. Sets meta.year/period; returns the warning
    to give, or None when nothing was found."""
    published = meta.published_date or meta.written_date or date_from_url(url)
    for text in cells:
        period = parse_period(text[:40])
        if period is None:
            continue
        year = parse_year(text[:40])
        source = "the cell"
        if year is None and published is not None:
            year = published.year - (1 if period.end_month > published.month else 0)
            source = f"the publication date {published.isoformat()}"
        if year is None:
            continue
        meta.year = year
        meta.period = parse_period(text[:40], year)
        return (
            f"no title: period {period.label!r} taken from a progress cell ({text[:20]!r}…) and "
            f"year {year} from {source}; check them"
        )
    return None
