"""What a lone paragraph looks like, for telling cells apart where nothing marks the borders:
a unit list (市财政局、市发改委), a person's name (董贵波, 沈  昱), a group row (一、主要预期指标,
徐仁标市长牵头重点工作, (一)) or a declared status (按时推进).
"""

from __future__ import annotations

import re
from functools import lru_cache

from luoshi.ingest.period_status import is_grade
from luoshi.ingest.script import to_simplified

_CN = "一二三四五六七八九十"
# A row's serial written in figures (ROW SERIAL RULE, every text layout): up to five digits, as
# many rows as a text file within the line budget (50,000 lines) can hold — with three, row
# 1000 was not seen and every later row ran into row 999 until a budget refused the "row". A
# number opens a row only where it counts on from the row before (or restarts at 1), so a year
# or a figure of four digits (2023) standing where a serial could is not read as one.
ROW_SERIAL = r"\d{1,5}"
# JOINED SERIALS (every text layout): one row may carry two of the report's numbers (36,37 or
# 36、37: two tasks reported together); the second counts on from the first by 1 to
# JOINED_GAP, so a figure with a thousands comma (12,500) is no pair of serials.
JOINED_GAP = 5
_JOINED = re.compile(rf"^({ROW_SERIAL})\s*[,，、]\s*({ROW_SERIAL})[.、．]?$")


def joined_serials(text: str) -> tuple[int, int] | None:
    """(first, last) of a cell holding two joined serials (36,37 → (36, 37)), else None."""
    m = _JOINED.match(text)
    if m is None:
        return None
    first, last = int(m.group(1)), int(m.group(2))
    return (first, last) if 0 < last - first <= JOINED_GAP else None
# (镇街: the towns and sub-districts of a district, written as one word — 各镇街, 相关镇街 —
# names them as 街道 and 镇 do)
_UNIT_END = re.compile(
    r"(局|委|办|府|区|县|市|会|中心|集团|公司|院|所|社|室|部|处|厅|队|行|站|馆|组|团|城|园|"
    r"街道|镇街|镇|乡|单位|部门|科|署|司|联|[)）])\s*[*＊★]*$"
)
_MEASURE_END = re.compile(
    r"[(（](?:%|％|[人个元次户所家项亩吨座张辆套台件名]|人次|万元|亿元|公里|平方米|万人|千瓦)[)）]\s*$"
)
_SENTENCE_CLOSERS = ("。", ";", "；", "!", "！", "?", "？")
_SENTENCE_END = re.compile(f"[{''.join(_SENTENCE_CLOSERS)}]")
_PERSON = re.compile(r"^[\u4e00-\u9fa5]{2,4}$")
GROUP = re.compile(
    rf"^(?:[{_CN}]{{1,3}}\s*、.{{1,40}}|[(（][{_CN}]{{1,3}}[)）].{{0,40}}|.{{2,30}}(?:牵头|主抓|负责|分管|联系)(?:的)?(?:重点)?工作(?:[(（]\d+项[)）])?)$"
)
_STATUS = re.compile(
    # (时序 is 序时 the other way round, as pages write it too: 达到时序进度)
    r"^.{0,4}(推进|完成|滞后|正常|序时|时序|进行中|达序|未达|超序|落后|启动)[^,，。;；]{0,6}$"
)
CLOSING = re.compile(r"[。.;；!！?？)）”\"’%】]$")
# Compiled once: these run for every unit-like cell of every row.
_DIGIT_START = re.compile(r"^\d")
_UNIT_SEP = re.compile(r"[、,，\n]")
_SPACES = re.compile(r"\s+")


def looks_like_units(text: str) -> bool:
    """A unit cell: names separated by 、 , ; (or spaces, in a part too long for one name)
    each ending like an organisation."""
    # Asked of every row's unit cell, and the same unit lists recur through a document; the
    # short texts (all a unit cell can be) are cached, so the cache stays small.
    return _units_shape(text) if len(text) <= 400 else _units_shape.__wrapped__(text)


@lru_cache(maxsize=4096)
def _units_shape(text: str) -> bool:
    s = text.strip()
    if not s or len(s) > 300 or _SENTENCE_END.search(s) or _DIGIT_START.match(s) or is_group(s):
        return False
    parts = [q for p in _UNIT_SEP.split(s) if (q := p.strip())]
    if any(len(p) > 30 for p in parts):
        # names separated by spaces (市委社会工作部 市广播电视台 …): a long part is cut at them
        parts = [q for p in parts for q in (p.split() if len(p) > 30 else [p])]
    if not parts or any(len(p) > 30 for p in parts):
        return False
    # organisation endings compared in simplified script: 市疫情防控辦, 區商務局 end like units;
    # a bracketed measure ending an indicator (城镇新增就业(人), 完成率(%)) is no organisation
    ending = sum(
        1
        for p in parts
        if not _MEASURE_END.search(p)
        and (_UNIT_END.search(p) or _UNIT_END.search(to_simplified(p)))
    )
    return ending * 2 >= len(parts) or (s[-1] in "、,，" and len(s) <= 30)


def looks_like_person(text: str) -> bool:
    s = _SPACES.sub("", text)
    return bool(_PERSON.match(s)) and not _UNIT_END.search(s)


# GROUP's three forms open with a Chinese numeral or a bracket, or hold 工作: a text with
# neither is no group row, without running GROUP (asked of the paragraphs before every row).
_GROUP_OPENERS = frozenset(_CN + "(（")


def is_group(text: str) -> bool:
    s = text.strip()
    if s[:1] not in _GROUP_OPENERS and "工作" not in s:
        return False
    # (a group row is no sentence: one ending like one is ruled out before GROUP is tried —
    # the paragraphs before a row asked this are mostly the row above's last sentence)
    if s.endswith(_SENTENCE_CLOSERS):
        return False
    return bool(GROUP.match(s)) and not _SENTENCE_END.search(s)


def looks_like_status(text: str) -> bool:
    """A status word (已完成, 序时推进, 滞后) or a declared grade (高风险, 黄灯: is_grade)."""
    s = text.strip()
    return bool(_STATUS.match(s)) or is_grade(s)


# PAGE FOOTER RULE, true of pages saved from any government site: the paragraphs at a page's
# end that are the site's own controls or notices (打印本页, 关闭窗口, 【字体:大 中 小】, 扫一扫
# 在手机打开, 政府信息公开, 网站地图, 附件下载, 版权所有…, …ICP备…, 主办单位:…, 上一篇:…) or that repeat
# the page's title are no part of its content: no task's text or progress. Only the run at
# the very end is cut (the same words at the top are a breadcrumb, left to the title rules);
# a line is chrome only when every piece of it, cut at spaces, bars, brackets and slashes, is
# such a word — a sentence mentioning 政府信息公开 is not; alone, a short
# word that may be a table cell (中, 关闭, 打印) is not chrome either. A page's editorial credits
# and contact lines (责任编辑:…, 审核:…, 联系电话:…, 浏览次数:…) close a published page the same
# way: they name who put the page up or whom to call, not a task's progress. (发布时间 stays: it
# may be the only date the page gives, and the title rules read it.)
_CHROME_WORDS = frozenset(
    "打印 打印本页 打印此页 打印文章 关闭 关闭窗口 关闭本页 返回 返回顶部 返回首页 返回列表 收藏 "
    "收藏本页 加入收藏 分享 分享到 字体 字号 大 中 小 默认 政府信息公开 信息公开 网站地图 联系我们 "
    "相关链接 相关阅读 相关文章 纠错 我要纠错 "
    # (an attachment widget's label: the files it lists are no part of the text)
    "附件下载 下载附件 相关附件".split()
)
_CHROME_OPENERS = re.compile(
    r"^(?:扫一扫|扫码|版权所有|主办单位|主办|承办单位|承办|技术支持|上一篇|下一篇|网站标识码|"
    r"[^\s]{0,12}公网安备|[^\s]{0,12}ICP备"
    r"|(?:责任编辑|网站编辑|编辑|审核|审校|校对|初审|复审|终审|签发|联系电话|联系人|监督电话|咨询电话"
    r"|浏览次数|阅读次数|点击数|访问量)\s*[:：])"
)
_CHROME_CUT = re.compile(r"[\s|｜/【】\[\]()（）:：]+")
_MAX_CHROME = 80
_FONT_WORDS = frozenset("字体 字号 大 中 小 默认 返回 关闭 打印 收藏 分享 纠错".split())
_MIN_TITLE = 4  # a shorter first paragraph (a bar, a serial) is no title to find repeated


def is_page_chrome(text: str) -> bool:
    """A line of a site's own controls or notices (PAGE FOOTER RULE)."""
    s = text.strip()
    if not s or len(s) > _MAX_CHROME:
        return False
    if _CHROME_OPENERS.match(s):
        return True
    pieces = [p for p in _CHROME_CUT.split(s) if p]
    if len(pieces) == 1:
        # alone, a short word (中, 默认) may be a table's cell: only a control's own name
        return pieces[0] in _CHROME_WORDS and pieces[0] not in _FONT_WORDS
    return bool(pieces) and all(p in _CHROME_WORDS for p in pieces)


def footer_start(texts: list[str]) -> int:
    """Where the page's footer begins among its paragraphs (len(texts) when it has none): the
    run at the end of chrome lines and repeats of the first paragraph (the title)."""
    title = texts[0].strip() if texts and len(texts[0].strip()) >= _MIN_TITLE else None
    k = len(texts)
    while k > 1 and (is_page_chrome(texts[k - 1]) or texts[k - 1].strip() == title):
        k -= 1
    return k
