"""The publication metadata block above a table, and what the title tells.

Two styles occur on government disclosure pages (and both are read here):

- one key per bullet, value on the next bullet: "• 索引号:" / "• 001008003006001/2020-51324";
- keys inline, several per line: "组配分类 市政府工作报告 发布机构 市政府办公室".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from luoshi.ingest.government import BODY_SCAN, infer_government
from luoshi.ingest.model import Meta, Period
from luoshi.ingest.periods import as_of_day, parse_period, parse_year
from luoshi.ingest.script import to_simplified
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
_BULLET = re.compile(r"^[•·●▪◆■\-*]\s*")
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
        p = _strip(raw)
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
# A year written in Chinese numerals, as formal documents date themselves (二〇二三年).
_CN_YEAR = re.compile(r"((?:一九|二[〇零○Ｏ０])[〇零○Ｏ０一二三四五六七八九]{2})(?=\s*年)")
_CN_DIGIT = str.maketrans("〇零○Ｏ０一二三四五六七八九", "00000123456789")


# A year of the Republic of China (ROC 1 = 1912), as Taiwan's offices date their reports:
# after 民國/民国, or three digits (100-149) followed by 年度 or by 年 and a month (106年2月,
# 108年度) — a count of years (建党100年, 100年一遇) is followed by neither.
_ROC_YEAR = re.compile(
    r"民[國国]\s*(\d{2,3})(?=\s*年)"
    r"|(?<![\d.．])(1[0-4]\d)(?=\s*年\s*(?:度|\d{1,2}\s*月|[一二三四五六七八九十]{1,2}\s*月))"
)
_ROC_OFFSET = 1911


def arabic_years(text: str) -> str:
    """``text`` with its years in Chinese numerals written in digits (二〇二三年 -> 2023年), and
    its ROC years in the common era (民國106年, 108年度 -> 2019年度: :data:`_ROC_YEAR`), so that
    every year and place pattern reads them; other numerals are left alone."""
    text = _CN_YEAR.sub(lambda m: m.group(1).translate(_CN_DIGIT), text)
    if "年" not in text:
        return text
    return _ROC_YEAR.sub(lambda m: str(int(m.group(1) or m.group(2)) + _ROC_OFFSET), text)


def _title_year(title: str) -> int | None:
    """The year a title names: "2020年…" (二〇二〇年…), or a title opening with a bare year
    ("2020第三季度政府工作报告…")."""
    title = arabic_years(title)
    year = parse_year(title)
    if year is None and (m := _YEAR_AT_START.match(title)):
        year = int(m.group(1))
    return year


# The opening sentence of a paragraph: up to its first full stop or colon.
_SENTENCE_END = re.compile(r"[。!！?？:：]")
_CLAUSE_BREAK = re.compile(r"[,，;；]")
OPENING_PARAGRAPHS = 3  # paragraphs at the top of a page read for a government they name
OPENING_PERIOD_SPAN = 20  # characters at a sentence's start read for its period words


def opening_sentences(paragraphs: Sequence[str]) -> list[str]:
    """The first sentence of each of the first paragraphs (a report's opening: "截至12月底,
    某市委、市人民政府…十件实事全面完成。")."""
    return [_SENTENCE_END.split(p.strip(), 1)[0] for p in paragraphs[:OPENING_PARAGRAPHS]]


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
    if meta.period is None and meta.title and meta.year is not None:
        labelled = latest_labelled_period(body[:BODY_SCAN], meta.year)
        if labelled is not None:
            meta.period = labelled
            warnings.append(
                f"period {labelled.label!r} taken from the latest period labelling the progress "
                f"(…{labelled.label}:…): the title {meta.title!r} names none; check it"
            )
    if meta.period is None and (dated := _date_line(preamble[:DATE_LINE_SCAN])) is not None:
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
        warnings.append(_period_from_opening(meta, preamble))
    elif meta.period is None:
        warnings.append(f"no reporting period in the title {meta.title!r}")
    stripped = [_strip(p) for p in preamble]  # (each paragraph stripped once, read below)
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


# A report's own date line among its first lines: a date alone, perhaps in brackets, in
# arabic or Chinese numerals ((二〇三〇年五月十二日), 2030年5月12日). With no period named
# elsewhere and the opening naming progress (进展情况, 完成情况), the report covers the year to
# that day: period month, ending on it (warned).
DATE_LINE_SCAN = 8
_DATE_LINE = re.compile(
    r"^[(（]?\s*((?:19|20)\d{2})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
    r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[)）]?$"
)


def _cn_number(text: str) -> int:
    """1 to 31 written in digits or Chinese numerals (十二, 二十一, 三十)."""
    if text.isdigit():
        return int(text)
    digits = {c: n for n, c in enumerate("一二三四五六七八九", 1)}
    if "十" not in text:
        return digits.get(text, 0)
    tens, _, ones = text.partition("十")
    return digits.get(tens, 1) * 10 + digits.get(ones, 0)


def _date_line(lines: Sequence[str]) -> tuple[str, date] | None:
    """(line, date) of the first line that is only a date (a report's date line), or None."""
    for raw in lines:
        line = _strip(raw)
        m = _DATE_LINE.match(arabic_years(line))
        if m is None:
            continue
        try:
            return line, date(int(m.group(1)), _cn_number(m.group(2)), _cn_number(m.group(3)))
        except ValueError:
            continue
    return None


# A line opening with a period and a colon, labelling the progress made in it (第三季度:…,
# 1-6月:…, 上半年:…); the label is at most 8 characters.
_PERIOD_LABEL = re.compile(r"^\s*([^:：\s]{2,8})\s*[:：]")


def latest_labelled_period(lines: Sequence[str], year: int) -> Period | None:
    """The latest period labelling a line of the table (第一季度:… 第三季度:… -> Q3), or None.
    Progress reported period by period is cumulative, so the last period reported is the
    report's. The label must be a period and nothing else (no plan: 2030年计划:)."""
    latest: Period | None = None
    # (a cell may hold several labelled lines: 第一季度:…\n第三季度:…)
    for line in (part for cell in lines for part in cell.splitlines()):
        m = _PERIOD_LABEL.match(line)
        if not m:
            continue
        label = to_simplified(m.group(1))
        period = parse_period(label, year)
        if (
            period is not None
            and period.kind is not PeriodKind.PLAN
            and period.label == label
            and period.end_date is not None
            and (latest is None or latest.end_date is None or period.end_date > latest.end_date)
        ):
            latest = period
    return latest


_DATED_OPENING = re.compile(r"^\s*(?:截至|截止|至)?\s*(?:19|20)\d{2}\s*年")


def _period_from_opening(meta: Meta, preamble: Sequence[str]) -> str:
    """For a page without a title: the year and period its opening sentence states in its
    first clause (截至2030年9月底,… / 2030年1-6月,…), set on ``meta``; the warning saying what was
    taken, or that nothing was. When the dated first clause names no period (2030年十件实事计划
    投资50亿元,上半年完成30亿元), a later clause of the same sentence that *opens* with a period
    word and says what was done gives it (:func:`_period_clause`). The first sentences of each
    opening paragraph are read (a report may open with its grounds, 按照…部署,…。, and date its
    figures in the next sentence); the first one the date opens decides."""
    for sentence in _lead_sentences([_strip(p) for p in preamble if _strip(p)]):
        clauses = _CLAUSE_BREAK.split(arabic_years(to_simplified(sentence)))
        first = clauses[0]
        if not _DATED_OPENING.match(first):
            continue  # the date must open the clause: 与2029年上半年相比 looks back
        year = parse_year(first[:OPENING_PERIOD_SPAN])
        period = parse_period(first[:OPENING_PERIOD_SPAN], year) or _period_clause(
            clauses[1:], year
        )
        if year is not None and period is not None and period.kind is not PeriodKind.PLAN:
            meta.year, meta.period = year, period
            return (
                f"no title found above the table: year {year} and period {period.label!r} taken "
                f"from the opening sentence ({sentence[:24]!r}…); check them"
            )
    if (dated := _period_by_date(meta, preamble)) is not None:
        return dated
    return "no title found above the table: year and period unknown"


# A line holding only a date in figures (2020-08-08, 2020/8/8, • 2020-08-08): the page's
# publication date, as news sites print it under the headline.
_FIGURE_DATE_LINE = re.compile(r"^((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})$")


def _period_by_date(meta: Meta, preamble: Sequence[str]) -> str | None:
    """PERIOD BY THE PAGE'S DATE: a page with no title whose first lines name a period without
    a year in their opening words (县府召开上半年度…会议) and that prints its publication date
    (a line holding only a date, or 发布时间:…) is of that period in the date's year — the year
    before when the period ends after the date's month (a year-end report published in
    January). Sets ``meta``; the warning, or None when the page gives no such period and date."""
    day = meta.published_date
    for raw in preamble[:DATE_LINE_SCAN] if day is None else ():
        line = _strip(raw)
        if m := _FIGURE_DATE_LINE.match(line):
            try:
                day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            break
    if day is None:
        day = found[1] if (found := _date_line(preamble[:DATE_LINE_SCAN])) else None
    if day is None:
        return None
    for p in [_strip(x) for x in preamble if _strip(x)][:OPENING_PARAGRAPHS]:
        head = arabic_years(to_simplified(p))[:OPENING_PERIOD_SPAN]
        if parse_year(head) is not None or (period := parse_period(head)) is None:
            continue  # a dated opening is read by the sentence rule above
        if period.kind is PeriodKind.PLAN or not 1 <= period.end_month <= 12:
            continue
        year = day.year - (1 if period.end_month > day.month else 0)
        meta.year, meta.period = year, parse_period(head, year)
        return (
            f"no title found above the table: period {period.label!r} taken from the page's "
            f"first lines ({p[:20]!r}…) and year {year} from its date {day.isoformat()}; "
            "check them"
        )
    return None


LEAD_SENTENCES = 3  # sentences read at the start of each opening paragraph for its date


def _lead_sentences(paragraphs: Sequence[str]) -> list[str]:
    """The first LEAD_SENTENCES sentences of each of the first paragraphs, in order."""
    return [
        sentence
        for p in paragraphs[:OPENING_PARAGRAPHS]
        for sentence in _SENTENCE_END.split(p.strip(), LEAD_SENTENCES)[:LEAD_SENTENCES]
    ]


# What a clause says was done in the period opening it: 上半年实际完成投资…, 1-9月已建成….
_DONE_WORDS = re.compile(r"完成|建成|实现|开工|竣工|进展|落实")


def _period_clause(clauses: Sequence[str], year: int | None) -> Period | None:
    """The period of the first clause that opens with a period word and says what was done
    (上半年实际完成投资156亿元 -> H1), or None. A clause naming the period further in (与上半年
    相比, 比一季度提高) compares with it and is not read; a plan is no report's period."""
    for clause in clauses:
        clause = clause.strip()
        period = parse_period(clause[:OPENING_PERIOD_SPAN], year)
        if (
            period is not None
            and period.kind is not PeriodKind.PLAN
            and clause.startswith(period.label)
            and _DONE_WORDS.search(clause)
        ):
            return period
    return None


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


# A metadata key opening a text, closed by a colon or alone (索引号:, 成文日期, 發布機構:).
_KEY_OPENING = re.compile(
    "^(?:" + "|".join(sorted([*_FIELDS, *_STOP_KEYS], key=len, reverse=True)) + r")\s*(?:[:：]|$)"
)


def opens_with_metadata_key(text: str) -> bool:
    """True when ``text`` opens with a publication metadata key (索引号, 成文日期, 发布机构,
    来源 …) closed by a colon, or is such a key alone: the page's publication block, which is
    never a row of a table (a row opens with its serial, category or task)."""
    s = _strip(text)
    return bool(_KEY_OPENING.match(s) or _KEY_OPENING.match(to_simplified(s)))
