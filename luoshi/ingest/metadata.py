"""The publication metadata block above a table, and what the title tells.

Two styles occur on government disclosure pages (and both are read here):

- one key per bullet, value on the next bullet: "• 索引号:" / "• 001008003006001/2020-51324";
- keys inline, several per line: "组配分类 市政府工作报告 发布机构 市政府办公室".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from luoshi.ingest.divisions import BODY_SCAN
from luoshi.ingest.government import infer_government
from luoshi.ingest.metawords import (
    CLAUSE_BREAK,
    OPENING_PERIOD_SPAN,
    arabic_years,
    opening_sentences,
    strip_bullet,
)
from luoshi.ingest.model import Meta, Period
from luoshi.ingest.periods import as_of_day, parse_period, parse_year
from luoshi.ingest.script import to_simplified
from luoshi.ingest.untitled import (
    DATE_LINE_SCAN,
    date_line,
    latest_labelled_period,
    period_from_opening,
)
from luoshi.vocab import PeriodKind

# UNIT LINE: a line above the list naming the body that takes, runs or answers for the whole
# page (受理提案单位:某市某区公所, 承办单位:某镇人民政府) speaks for its government as a
# publisher line does; its value, up to a separator (| or wide spaces), is read like one.
_BODY_LINE = re.compile(
    r"(?:^|[|｜]\s*)(?:受理(?:提案)?|承办|主办|办理)单位\s*[:：]\s*([^|｜\s]{2,40})"
)


def _unit_lines(preamble: Sequence[str]) -> list[str]:
    """The values of UNIT LINE fields above the list (rule above), as the page writes them
    (matched in simplified script: the conversion is character for character)."""
    out: list[str] = []
    for line in preamble:
        text = line.strip()
        out += [text[m.start(1) : m.end(1)] for m in _BODY_LINE.finditer(to_simplified(text))]
    return out


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
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
# Words a title naming a plan or a report on one holds (实事: a 民生实事 / 十件实事 list).
TITLE_WORDS = re.compile(
    r"情况|清单|任务|重点工作|进展|一览表|汇总表|落实|分解|分工|工作总结|工作计划|工作要点|台账|进度表"
    r"|实事|工作回顾"
    # a report on the work, by its kind: 业务报告, 进度报告, 执行报告 (not 政府工作报告, a plan)
    r"|(?:业务|进度|执行|办理|督导)报告"
)
_TITLE_WORDS = TITLE_WORDS

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


def _key_values(paragraphs: Sequence[str]) -> dict[str, str]:
    """Key -> value over the block; a key whose value is empty takes the next paragraph when
    that paragraph holds no key (bullet style)."""
    found: dict[str, str] = {}
    pending: str | None = None
    for raw in paragraphs:
        p = strip_bullet(raw)
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


# A site's breadcrumb line (当前位置:首页 文章详情 …): navigation ending in the page's title,
# which the page then gives on a line of its own.
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|您现在的位置|所在位置|当前位置为)\s*[:：]")


# REVIEW OF A YEAR: a title naming a year's work reviewed or summed up (2022年施政工作回顾与
# 总结, 2031年工作总结; no period word between: 2031年上半年工作总结 is H1) is that year's
# report of the whole year, whatever other year it names (二〇二三年施政报告—二〇二二年…回顾:
# the address of 2023 reviews 2022).
_REVIEW_OF_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?[^\d年,，。;；]{0,8}?工作(?:回顾|总结)")


def find_title(paragraphs: Sequence[str]) -> str:
    """The table's title: the first paragraph naming a year and a report of tasks — one that
    is a name (no clause break) before one that is a sentence; a breadcrumb line (当前位置:…)
    is not one, though it may end with the title's words."""
    sentence = ""
    for raw in paragraphs:
        p = strip_bullet(raw)
        if len(p) > 100 or _KEY.search(p) or _KEY.search(to_simplified(p)) or ">" in p:
            continue
        if _BREADCRUMB.match(p):  # (当前位置:首页 栏目 title: navigation; the title follows)
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

def _title_year(title: str) -> int | None:
    """The year a title names: "2020年…" (二〇二〇年…), or a title opening with a bare year
    ("2020第三季度政府工作报告…")."""
    title = arabic_years(title)
    year = parse_year(title)
    if year is None and (m := _YEAR_AT_START.match(title)):
        year = int(m.group(1))
    return year


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
    if meta.title and meta.period is None and (review := _REVIEW_OF_YEAR.search(simple)):
        # REVIEW OF A YEAR: the year whose work is reviewed, the whole of it
        meta.year = int(review.group(1))
        meta.period = parse_period("全年", meta.year)
    plan = _PLAN_TITLE.search(simple) if meta.title else None
    if plan and not _PROGRESS_TITLE.search(simple) and (
        meta.period is None or meta.period.kind is not PeriodKind.PLAN
    ):
        # the list itself (责任分解, 工作安排) with no progress word: a plan, whatever span its
        # period words give (2030年全年重点工作任务分解, 第三季度重点工作安排)
        if meta.period is not None:
            warnings.append(
                f"the title names the task list itself ({plan.group(0)}) and a period "
                f"({meta.period.label}): read as the plan for that period, not a report on it; "
                "check it"
            )
        meta.period = Period(kind=PeriodKind.PLAN, label=plan.group(0))
    if meta.period is not None and meta.period.kind is not PeriodKind.PLAN:
        # the table's own title or first lines may state the exact day (截至6月20日)
        meta.period = as_of_day(list(preamble[-6:]) + list(body[:3]), meta.period, meta.year)
    if meta.period is None and meta.title and meta.year is not None:
        # a title naming no period: the opening sentence's period words (上半年,… / 截至9月底,…)
        # tell which report this is, read in its first clause only (a later clause may look
        # back: 与上半年相比)
        opening = [p for p in preamble if strip_bullet(p) and strip_bullet(p) != meta.title]
        for sentence in opening_sentences([strip_bullet(p) for p in opening]):
            first = CLAUSE_BREAK.split(to_simplified(sentence), 1)[0]
            period = parse_period(first[:OPENING_PERIOD_SPAN], meta.year)
            if period is not None and period.kind is not PeriodKind.PLAN:
                meta.period = period
                warnings.append(
                    f"period {period.label!r} taken from the opening sentence ({sentence[:24]!r}…): "
                    "the title names none; check it"
                )
                break
    if meta.period is None and meta.title and meta.year is not None:
        labelled = latest_labelled_period(body[:BODY_SCAN], meta.year)
        if labelled is not None:
            meta.period = labelled
            warnings.append(
                f"period {labelled.label!r} taken from the latest period labelling the progress "
                f"(…{labelled.label}:…): the title {meta.title!r} names none; check it"
            )
    if meta.period is None and (dated := date_line(preamble[:DATE_LINE_SCAN])) is not None:
        line, day = dated
        if _PROGRESS_TITLE.search(to_simplified(" ".join(preamble[:DATE_LINE_SCAN]))) and (
            meta.year in (None, day.year)
        ):
            meta.year = day.year
            meta.period = Period(PeriodKind.MONTH, line, end_date=day, month=day.month)
            warnings.append(
                f"period to {day.isoformat()} taken from the report's own date line ({line!r}): "
                "the title names none, and a report covers the year to the day it is dated; "
                "check it"
            )
    if not meta.title:
        warnings.append(period_from_opening(meta, preamble))
    elif meta.period is None:
        warnings.append(f"no reporting period in the title {meta.title!r}")
    stripped = [strip_bullet(p) for p in preamble]  # (each paragraph stripped once, read below)
    context = [s for p, s in zip(preamble, stripped, strict=True) if ">" in p] + [
        meta.publisher,
        values.get("来源", ""),
        values.get("信息来源", ""),
        *_unit_lines(preamble),
    ]
    opening = [p for p, s in zip(preamble, stripped, strict=True) if s and s != meta.title]
    meta.government, why = infer_government(
        simple,
        [to_simplified(c) for c in context],
        body,
        opening_sentences([s for s in stripped if s and s != meta.title]),
        [s for s in stripped if s != meta.title],
    )
    # the name as the title (or the line naming it) writes it: 青島市, found as 青岛市
    for written in [meta.title, *context, *opening, *body[:BODY_SCAN]] if meta.government else []:
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


# A metadata key opening a text, closed by a colon or alone (索引号:, 成文日期, 發布機構:).
_KEY_OPENING = re.compile(
    "^(?:" + "|".join(sorted([*_FIELDS, *_STOP_KEYS], key=len, reverse=True)) + r")\s*(?:[:：]|$)"
)


def opens_with_metadata_key(text: str) -> bool:
    """True when ``text`` opens with a publication metadata key (索引号, 成文日期, 发布机构,
    来源 …) closed by a colon, or is such a key alone: the page's publication block, which is
    never a row of a table (a row opens with its serial, category or task)."""
    s = strip_bullet(text)
    return bool(_KEY_OPENING.match(s) or _KEY_OPENING.match(to_simplified(s)))
