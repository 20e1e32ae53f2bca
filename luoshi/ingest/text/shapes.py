"""What a lone paragraph looks like, for telling cells apart where nothing marks the borders:
a unit list (市财政局、市发改委), a person's name (董贵波, 沈  昱), a group row (一、主要预期指标,
徐仁标市长牵头重点工作, (一)) or a declared status (按时推进).
"""

from __future__ import annotations

import re
from functools import lru_cache

from luoshi.ingest.script import to_simplified

_CN = "一二三四五六七八九十"
# A row's serial written in figures (ROW SERIAL RULE, every text layout): up to five digits, as
# many rows as a text file within the line budget (50,000 lines) can hold — with three, row
# 1000 was not seen and every later row ran into row 999 until a budget refused the "row". A
# number opens a row only where it counts on from the row before (or restarts at 1), so a year
# or a figure of four digits (2023) standing where a serial could is not read as one.
ROW_SERIAL = r"\d{1,5}"
_UNIT_END = re.compile(
    r"(局|委|办|府|区|县|市|会|中心|集团|公司|院|所|社|室|部|处|厅|队|行|站|馆|组|团|城|园|"
    r"街道|镇|乡|单位|部门|科|署|司|联|[)）])\s*[*＊★]*$"
)
_MEASURE_END = re.compile(
    r"[(（](?:%|％|[人个元次户所家项亩吨座张辆套台件名]|人次|万元|亿元|公里|平方米|万人|千瓦)[)）]\s*$"
)
_SENTENCE_END = re.compile(r"[。;；!！?？]")
_PERSON = re.compile(r"^[\u4e00-\u9fa5]{2,4}$")
GROUP = re.compile(
    rf"^(?:[{_CN}]{{1,3}}\s*、.{{1,40}}|[(（][{_CN}]{{1,3}}[)）].{{0,40}}|.{{2,30}}(?:牵头|主抓|负责|分管|联系)(?:的)?(?:重点)?工作(?:[(（]\d+项[)）])?)$"
)
_STATUS = re.compile(
    r"^.{0,4}(推进|完成|滞后|正常|序时|进行中|达序|未达|超序|落后|启动)[^,，。;；]{0,6}$"
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


def is_group(text: str) -> bool:
    s = text.strip()
    return bool(GROUP.match(s)) and not _SENTENCE_END.search(s)


def looks_like_status(text: str) -> bool:
    return bool(_STATUS.match(text.strip()))
