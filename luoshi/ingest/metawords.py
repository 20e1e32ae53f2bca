"""Words and marks every metadata rule reads a page's lines by: the bullet a disclosure block
puts before a line, years in Chinese numerals or the ROC calendar written in digits, and a
paragraph's opening sentence and clauses.

Pure Python; used by :mod:`luoshi.ingest.metadata` and :mod:`luoshi.ingest.untitled`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_BULLET = re.compile(r"^[•·●▪◆■\-*]\s*")


def strip_bullet(paragraph: str) -> str:
    """``paragraph`` without surrounding spaces and a bullet opening it (• 索引号:)."""
    return _BULLET.sub("", paragraph.strip()).strip()


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



# The opening sentence of a paragraph: up to its first full stop or colon.
SENTENCE_END = re.compile(r"[。!！?？:：]")
CLAUSE_BREAK = re.compile(r"[,，;；]")
OPENING_PARAGRAPHS = 3  # paragraphs at the top of a page read for a government they name
OPENING_PERIOD_SPAN = 20  # characters at a sentence's start read for its period words


def opening_sentences(paragraphs: Sequence[str]) -> list[str]:
    """The first sentence of each of the first paragraphs (a report's opening: "截至12月底,
    某市委、市人民政府…十件实事全面完成。")."""
    return [SENTENCE_END.split(p.strip(), 1)[0] for p in paragraphs[:OPENING_PARAGRAPHS]]
