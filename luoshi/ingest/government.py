"""Which government a page speaks for: the place its title, source lines or opening names,
down to towns, 街道, development zones and departments; else the level it gives (区政府) and
the place of that level its text names most. The division table (``DIVISIONS``) is the one
rule every place pattern is built from (docs/formats.md, Metadata).

Pure Python; :func:`luoshi.ingest.metadata.read_meta` calls :func:`infer_government`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from luoshi.ingest.divisions import (
    DIVISIONS,
    LEVEL_RANK,
    NOT_IN_PLACE,
    NOT_PLACES,
    SUFFIX,
    ZONES,
)
from luoshi.ingest.governmentlevel import government_by_level, special_region
from luoshi.ingest.placenames import action_phrase, place_after_action
from luoshi.ingest.script import to_simplified

_CLAUSE_BREAK = re.compile(r"[,，;；]")

# "某市委、市人民政府", "某县委县政府", "某州委州政府": the party committee and the government
# of one place named together; the place is the government's.
_COMMITTEE = r"(?:委[、和与及]?(?:" + "|".join(s for s, _ in DIVISIONS) + r")?)?"
# An autonomous prefecture's or county's full name is long (恩施土家族苗族自治州): its peoples
# end in 族 before 自治.
_AUTONOMOUS = r"[\u4e00-\u9fa5]{2,12}?族自治(?:州|县|旗)"
# What governs a place: its 人民政府, a 街道's 办事处, a development zone's 管委会, a district's
# or township's 公所 (区公所, 乡公所: the governing office where the word is used).
GOVERNING = r"(?:人民)?(?:政府|办事处|管委会|管理委员会|公所)"
_PLACE_GOV = re.compile(
    rf"((?:[\u4e00-\u9fa5]{{2,4}}?(?:省|市))?(?:{_AUTONOMOUS}|[\u4e00-\u9fa5]{{2,6}}?{SUFFIX}))"
    rf"{_COMMITTEE}{GOVERNING}"
)
# What a title may open with before its year or place: 关于 (关于2030年安澜县…的报告).
_TITLE_LEAD = r"(?:关于)?"
# A place right after the year opening the title: one to three parts, higher levels first
# (2030年安澜县青石镇… names 青石镇; the chain is resolved by _place_from).
# The span of the year a title may name between its year and its place (2030年一季度安澜县…,
# 2030年1-3月青石镇…).
_TITLE_SPAN = (
    r"(?:第?[一二三四1-4]季度|前三季度|[上下]半年|全年|"
    r"\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月(?:份)?|\d{1,2}\s*月(?:份)?)?"
)
_TITLE_PLACE = re.compile(
    rf"^{_TITLE_LEAD}(?:(?:19|20)\d{{2}}\s*年度?){_TITLE_SPAN}"
    rf"((?:[\u4e00-\u9fa5]{{2,4}}?(?:省|市))?"
    rf"(?:{_AUTONOMOUS}|(?:[\u4e00-\u9fa5]{{2,4}}?{SUFFIX}){{1,2}}))"
)
# A department's name that says whose it is: a level word or a place before its own words.
_OWNED = re.compile(r"^[\u4e00-\u9fa5]{0,4}?(?:省|市|区|县)")
_YEAR_IN_TITLE = re.compile(r"(?:关于)?(?:19|20)\d{2}\s*年")
_TITLE_DEPARTMENT = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年度?)?((?:[\u4e00-\u9fa5]{2,4}?(?:省|市|区|县))?(?:省|市|区|县)?"
    r"[\u4e00-\u9fa5]{2,12}?(?:局|委员会|委|办公室|中心))"
    r"(?:(?:19|20)\d{2}|[\u4e00-\u9fa5]{0,4}(?:重点工作|工作任务|任务清单|工作要点))"
)
# "合肥市2021年…", "深圳市福田区2020年度…", "泗洲头镇2020年…", "黔东南州2023年…": a place
# opening the title, right before its year.
_PLACE_THEN_YEAR = re.compile(
    rf"^{_TITLE_LEAD}([\u4e00-\u9fa5]{{2,16}}?{SUFFIX})(?=\s*(?:19|20)\d{{2}})"
)
_ZONE_THEN_YEAR = re.compile(
    rf"^{_TITLE_LEAD}({'|'.join(sorted(ZONES, key=len, reverse=True))})(?=\s*(?:19|20)\d{{2}})"
)
_BREADCRUMB_STEP = re.compile(r"\s*[>＞›»]\s*")
_GOVERNMENT_OFFICE = re.compile(r"政府办|府办|办公厅|人民政府")
# A whole source/publisher line naming a department of a named place: 某某区发展和改革局,
# 安澜市机关事务管理局 (the place, then 1-12 characters and a department word).
_DEPARTMENT_OF_PLACE = re.compile(
    r"^((?:[\u4e00-\u9fa5]{2,4}?(?:省|市))?[\u4e00-\u9fa5]{2,6}?"
    rf"{SUFFIX})[\u4e00-\u9fa5]{{1,12}}?(?:局|委员会|委|办公室|中心|办)$"
)
# A place's people's congress, with its term (第十七届) and often its session after (the words
# before the place are cut off as in a 政府 phrase: _place_from).
_CONGRESS = re.compile(
    rf"(?P<name>[\u4e00-\u9fa5]{{2,16}}?{SUFFIX})(?:第[一二三四五六七八九十]{{1,4}}届)?人民代表大会"
)
# CABINET: a country's central government has no place suffix to find it by: 国务院 (the
# PRC's), 行政院 (Taiwan's), or its general office, named alone as a page's source, publisher
# or title tag (【行政院】), is the government. (Named inside a sentence it is what the page
# talks about, not who speaks: not read there.)
_CABINET = re.compile(r"(国务院|行政院)(?:办公厅|秘书处)?")
_PART = re.compile(rf"[\u4e00-\u9fa5]+?{SUFFIX}")


def _words_in(name: str) -> set[str]:
    """The characters of NOT_IN_PLACE in ``name`` before its division suffix (开发区 holds 发,
    a suffix, not words)."""
    suffix = next((s for s, _ in DIVISIONS if name.endswith(s)), "")
    return NOT_IN_PLACE & set(name[: len(name) - len(suffix)])


def _level(part: str) -> int:
    return next(r for suffix, r in LEVEL_RANK.items() if part.endswith(suffix))


def _county_city(upper: str, part: str) -> bool:
    """A 市 inside a 州 or 盟 is a county-level city (黔东南州凯里市 -> 凯里市): a prefecture of
    those kinds holds no prefecture-level city, so the 市 is one level down."""
    return part.endswith("市") and upper.endswith(("州", "盟"))


def _level_word_before_generic(part: str) -> bool:
    """县示范区, 市开发区: a level word (the county's, the city's) before a generic area word
    is no place's name. (立山区 is: 立 is no level word, though 山区 is generic.) Nor is a level
    word before 委, the party committee of that level (市委市政府: 市委 and 市政府, no 市委市)."""
    return part[0] in "省市州盟区县旗镇乡" and (part[1:] in NOT_PLACES or part[1] == "委")


def _action(part: str) -> bool:
    """为切实推进市政府…: the words before 市 are an action (placenames.action_phrase)."""
    suffix = next(s for s, _ in DIVISIONS if part.endswith(s))
    return action_phrase(part[: len(part) - len(suffix)], suffix)


def _after_action(part: str) -> str | None:
    """The place after a sentence's action words in ``part`` (placenames.place_after_action)."""
    suffix = next((s for s, _ in DIVISIONS if part.endswith(s)), "")
    if not suffix or len(part) - len(suffix) < 4:
        return None  # a stem of three characters or fewer is a place's own (most are two)
    return place_after_action(part[: len(part) - len(suffix)], suffix)


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
            if not chain and (tail := _after_action(p)):
                p = tail  # "想知道闵行区": the place is what follows the sentence's verb
            if p in ZONES and (skipped or chain):
                # a zone word alone is the zone of the place before it: 苏州 + 工业园区,
                # 杭州市 + 高新区 (苏州 read as a 州 of two characters, skipped below)
                p = (skipped or chain[-1]) + p
            # (县示范区管委会: the county's 示范区, a level word before a generic one, no place)
            if (
                len(p) < 3
                or p in NOT_PLACES
                or _level_word_before_generic(p)
                or _words_in(p)
                or _action(p)
            ):
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


# A clause's subject: a place's 政府 right at its start, after at most a date (2030年12月底) and
# 中共; the place is at most two divisions (某市某区) long.
_SUBJECT_GOV = re.compile(
    rf"^\s*(?:(?:19|20)\d{{2}}年)?(?:\d{{1,2}}月)?(?:\d{{1,2}}日|底)?\s*(?:中共)?"
    rf"(?P<name>[\u4e00-\u9fa5]{{2,12}}?{SUFFIX}){_COMMITTEE}{GOVERNING}"
)

# A site's column tag opening a title (【落实情况】, 【重点工作】): a label, not the title's words.
_TITLE_TAG = re.compile(r"^\s*【[^】]{1,12}】\s*")


# "经开区(杨舍镇)", "某某开发区(某某街道)": a place with a second place in brackets, one
# government under two names (a zone run as one with its town, 区镇合一). The bracketed one is
# a place's own name where the first is often a generic zone word (经开区).
_BRACKETED_PLACE = re.compile(rf"[(（]([\u4e00-\u9fa5]{{2,8}}?{SUFFIX})[)）]")
_NAME_BEFORE = re.compile(rf"[\u4e00-\u9fa5]*{SUFFIX}")
_NOT_IN_NAME = set("年度季月份半")  # the span words a title puts before its place


def _name_before(text: str) -> str:
    """The longest run of ``text``'s last characters that ends with a division suffix and
    holds no span word (2030年一季度经开区 -> 经开区)."""
    for k in range(min(len(text), 12), 1, -1):
        tail = text[-k:]
        if _NAME_BEFORE.fullmatch(tail) and not _NOT_IN_NAME & set(tail):
            return tail
    return ""


def infer_government(
    title: str,
    context: Sequence[str],
    body: Sequence[str],
    opening: Sequence[str] = (),
    preamble: Sequence[str] = (),
    url: str = "",
) -> tuple[str, str | None]:
    """(government, warning): see :func:`_infer_government`. A title naming one government
    under two names, the second in brackets (`2030年一季度经开区(青石镇)…`), is read with the
    bracketed name, the likelier to be a place's own (the first is often a generic zone
    word); the warning gives the other."""
    plain = _TITLE_TAG.sub("", title)
    m = _BRACKETED_PLACE.search(plain)
    first = _name_before(plain[: m.start()]) if m else ""
    if m and first and m.group(1) not in NOT_PLACES and not _words_in(m.group(1)):
        plain = plain[: m.start() - len(first)] + m.group(1) + plain[m.end() :]
        place, warning = _infer_government(plain, context, body, opening, preamble, url)
        if place == m.group(1):
            return place, warning or (
                f"the title names {first}({place}), one government under two names: "
                f"taken {place}; it may be {first}, check it"
            )
    return _infer_government(title, context, body, opening, preamble, url)


def _infer_government(
    title: str,
    context: Sequence[str],
    body: Sequence[str],
    opening: Sequence[str] = (),
    preamble: Sequence[str] = (),
    url: str = "",
) -> tuple[str, str | None]:
    """(government, warning). The title or the page's breadcrumb/publisher name it when they
    say "…市人民政府" (or "某市委、市人民政府"); a place opening the title before or after its
    year does; else an opening sentence naming a place's 政府 (``opening``, warned: the page
    is about that government, most likely); when the title only says 区政府, the place the
    text itself names far more often than any other of that level is taken, with a warning
    saying so. The last resort, when the title, the source lines or the lines above the
    table (``preamble``) name only a level (区政府, 市府办): the place of that level the
    text names most often (:func:`luoshi.ingest.placenames.places_named`), warned, with the
    runner-up named; none when two are named as often; the title counts among those texts
    (省政府办公厅通报2030年某某省重点…: the level and its place in one title). A site's column tag
    opening the title (【落实情况】) is no part of it; when it names a place (【某某市人民政府】,
    【某某区】: the page's publisher, TAG NAMING A GOVERNMENT), it is read as a source line is.
    When the text names no place of the
    level, the place the page's government site spells in pinyin (``url``, else the address
    of the page being read: :mod:`luoshi.ingest.siteplace`), warned. When the site spells
    none either, the place the title and the lines above the table name most often by its bare
    stem (新沂资讯, 兰州日报: :func:`luoshi.ingest.placenames.stems_named`), at least STEM_MIN
    times and more than any other, warned with the runner-up; when they name none, the stem the
    table's cells name at least BODY_STEM_MIN times and more than any other (a county names its
    own schools and zones by its stem), warned that the tasks may concern it. A country's
    cabinet (国务院, 行政院) alone as a source line or title tag is the government (CABINET);
    an opening sentence naming a place's 人民代表大会 gives that place, warned (CONGRESS)."""
    tag = _TITLE_TAG.match(title)
    if tag:
        context = [tag.group(0).strip().strip("【】"), *context]
    title = _TITLE_TAG.sub("", title)
    for text in [title, *context]:
        place = _place_from(text)
        if place:
            return place, None
    # a country's cabinet, named alone as the page's source, publisher or title tag
    for text in context:
        if (cabinet := _CABINET.fullmatch(to_simplified(text.strip()))) is not None:
            return cabinet.group(1), None
    # "2030年安澜县重点工作…": a place right after the year opens the title, or opens the list's
    # name inside a title that is a sentence (…表决通过2030年安澜县民生实事项目5个,分别为)
    sentence = _CLAUSE_BREAK.search(title) is not None
    for at in [0, *(y.start() for y in _YEAR_IN_TITLE.finditer(title) if sentence and y.start())]:
        m = _TITLE_PLACE.match(title[at:])
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
    # own, which the warning says. A breadcrumb's steps are read one by one (首页>部门信息公开>
    # 某某区文化旅游体育广电局>为民办实事: the department whose section holds the page).
    for text in [*context, *(s for c in context for s in _BREADCRUMB_STEP.split(c)[1:])]:
        m = _DEPARTMENT_OF_PLACE.match(text.strip())
        if (
            m
            and not _GOVERNMENT_OFFICE.search(text)
            and (place := _place_from(m.group(1) + "政府"))
        ):
            return place, (
                f"government {place} taken from the page's source {text.strip()!r}, one of its "
                "departments: if the list is the department's own, give the department; check it"
            )
    if (sar := special_region(title, preamble, body)) is not None:
        return sar, (
            f"government {sar} inferred: the page speaks of 特区政府 and names {sar[:2]} more "
            "than any other special administrative region; check it"
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
    # CONGRESS: the opening sentence names a place's people's congress (某县第十七届人民代表大会
    # 第四次会议): the page reports the session that hears and approves that place's government
    # work report, so the place is the government, warned
    for sentence in opening:
        for m in _CONGRESS.finditer(to_simplified(sentence)):
            if place := _place_from(m.group("name") + "政府"):
                return place, (
                    f"government {place} taken from the opening sentence, which names its "
                    "人民代表大会 (the congress that hears its government's report): the title "
                    "does not name it; check it"
                )
    # a department's own list: "市机关事务管理局2030年重点工作…" names the department
    # (one whose level or place the title gives: 教育体育局 alone is every county's, no one's)
    m = _TITLE_DEPARTMENT.match(title)
    if m and not _GOVERNMENT_OFFICE.search(m.group(1)) and _OWNED.match(m.group(1)):
        department = m.group(1)
        # DEPARTMENT OF A NAMED PLACE: its place is the government (安澜市民政局 -> 安澜市), as
        # for a department in the source line; the department's own list is the alternative
        owner = _DEPARTMENT_OF_PLACE.match(department)
        if owner and (place := _place_from(owner.group(1) + "政府")):
            return place, (
                f"the title names a department of {place}, {department}: taken {place}, the "
                f"government whose department it is; if the list is the department's own, "
                f"give {department}; check it"
            )
        return department, (
            f"the title names a department, {department}: taken as the government (the body "
            "whose task list this is); check it"
        )
    # ZONE BY ITS SHORT NAME: a title opening with a development zone's generic name right
    # before its year (高新区2022年…, 经开区2031年度…) is the zone's own page (its 管委会 site
    # calls it so); no other place named, that name is the government, warned (whose zone)
    m = _ZONE_THEN_YEAR.match(to_simplified(title.strip()))
    if m:
        return m.group(1), (
            f"the title names only the zone, {m.group(1)}, by its generic name: taken as the "
            "government; the city whose zone it is is not given, check it"
        )
    return government_by_level(title, context, body, preamble, url)
