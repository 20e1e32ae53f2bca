"""Problem themes (问题类型): which kinds of obstacle a 存在问题 cell names.

The rule, true of any problems cell: a cell names a theme when one of the theme's words below
is a *word* of the cell — a token jieba yields (search mode, so 资金 is found inside 专项资金),
not merely a run of characters (so 市场 inside 市场监管局, a unit's name, is not the 外部环境
theme's 市场). A table word jieba cuts into several tokens (政策处理 -> 政策/处理) matches those
tokens in a row. jieba's shared dictionary is used as it is (nothing added): the search index
loads the same one, so a web process holds it once.

A cell with content but no theme word is 其他; a cell saying only that there is no problem
(无, 暂无, ——) names no theme. A cell may name several themes; each hit keeps its span, so a
page can show why. Known limit: negated mentions ("资金已到位") still count — problems cells
rarely praise; docs/bulletin.md says how to read the counts.

Pure Python (no Django): ``themes_of(text)``, ``theme_hits(text)``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import jieba

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    words: tuple[str, ...]


# The word table (docs/bulletin.md lists it with the reasons). Order is the display order;
# OTHER is last and has no words.
THEMES: tuple[Theme, ...] = (
    Theme("funding", "资金", ("资金", "经费", "财政", "融资", "筹措", "化债", "预算", "资金缺口",
                           "投入大", "资金压力", "补助", "社会资本")),
    Theme("land", "用地/规划", ("用地", "土地", "耕地", "供地", "选址", "空间规划", "规划调整",
                            "海域使用", "岸线", "占补平衡", "批而未供", "用地指标", "规划")),
    Theme("approval", "审批/手续", ("审批", "手续", "批复", "备案", "立项", "许可", "核准", "报批",
                                "环评", "前期工作", "审查", "验收")),
    Theme("relocation", "征迁/政策处理", ("征迁", "征地", "拆迁", "政策处理", "搬迁", "征收", "清表",
                                     "腾退", "迁改")),
    Theme("external", "疫情/外部环境", ("疫情", "新冠", "新冠肺炎", "经济形势", "下行", "大环境",
                                    "外部环境", "国际", "订单", "贸易", "市场需求", "经济增长", "原材料",
                                    "价格上涨")),
    Theme("staffing", "人才/用工", ("人才", "人员", "用工", "招聘", "队伍", "人手", "警力",
                                "专业人才", "力量不足", "医生")),
    Theme("investment", "项目落地/招商", ("招商", "招引", "落地", "落户", "签约", "项目储备",
                                     "入驻", "招商引资", "引进", "投资意愿")),
    Theme("coordination", "协调/配合", ("协调", "配合", "对接", "联动", "协作", "沟通", "合力",
                                    "统筹", "分歧", "跨省", "跨部门", "衔接", "协同")),
    Theme("technical", "技术/标准", ("技术", "标准", "系统", "平台", "数据", "信息化", "设备",
                                 "调试", "细则", "规范", "上线")),
    Theme("weather", "季节/天气", ("天气", "台风", "降水", "降雨", "气温", "季节", "汛期", "雨季",
                               "海况", "浪大", "冬季", "高温", "光照", "气候")),
    Theme("other", "其他", ()),
)
OTHER = "other"
THEME_LABELS: dict[str, str] = {t.key: t.label for t in THEMES}

# A problems cell that says only "none": no theme at all.
NO_PROBLEM = frozenset({"无", "暂无", "没有", "无问题", "暂无问题", "暂无困难", "无困难", "不存在",
                        "无明显问题", "暂未发现"})
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


@dataclass(frozen=True)
class ThemeHit:
    theme: str  # a Theme.key
    word: str
    start: int  # text[start:end] == word
    end: int


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[str, ...]], dict[tuple[str, ...], tuple[str, str]]]:
    """(word -> theme keys) for the table's words jieba keeps whole, and (token sequence ->
    (word, theme key)) for those it cuts into several tokens (政策处理 -> 政策/处理)."""
    words: dict[str, list[str]] = {}
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    for theme in THEMES:
        for word in theme.words:
            pieces = tuple(jieba.lcut(word, HMM=False))
            if len(pieces) == 1:
                words.setdefault(word, []).append(theme.key)
            else:
                phrases.setdefault(pieces, (word, theme.key))
    return {w: tuple(k) for w, k in words.items()}, phrases


def says_no_problem(text: str) -> bool:
    """True for an empty cell or one saying only that there is no problem."""
    rest = _PUNCT.sub("", text or "")
    return not rest or rest in NO_PROBLEM


def theme_hits(text: str) -> list[ThemeHit]:
    """Every theme word of ``text`` with its span, in text order; [] for a no-problem cell."""
    if says_no_problem(text):
        return []
    words, phrases = _table()
    hits: list[ThemeHit] = []
    seen: set[tuple[str, int]] = set()

    def hit(key: str, word: str, start: int, end: int) -> None:
        if (key, start) not in seen:
            seen.add((key, start))
            hits.append(ThemeHit(key, word, start, end))

    # Search mode gives (word, start, end) with offsets into the text, the shorter words
    # inside a long one included (资金 in 专项资金).
    for word, start, end in jieba.tokenize(text, mode="search", HMM=False):
        for key in words.get(word, ()):
            hit(key, word, start, end)
    # Phrases jieba cuts: consecutive tokens of the precise cut spelling them.
    if phrases:
        longest = max(len(p) for p in phrases)
        cut = list(jieba.tokenize(text, HMM=False))
        for i in range(len(cut)):
            for n in range(2, longest + 1):
                found = phrases.get(tuple(t[0] for t in cut[i:i + n]))
                if found:
                    hit(found[1], found[0], cut[i][1], cut[i + n - 1][2])
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


def themes_of(text: str) -> list[str]:
    """The theme keys ``text`` names, in table order: [OTHER] for content with no theme word,
    [] for an empty or no-problem cell."""
    if says_no_problem(text):
        return []
    found = {h.theme for h in theme_hits(text)}
    if not found:
        return [OTHER]
    return [t.key for t in THEMES if t.key in found]


# --- 需协调解决事项: the asks a unit makes of the government in its problems / next steps ---

# An ask is a request word followed, within the same clause run, by what is asked for:
# "需市级层面协调", "建议市政府统筹", "恳请给予资金支持", "争取省里支持". The whole sentence holding
# it is the ask, quoted as written.
ASK_PATTERN = re.compile(
    r"(?:需要?|亟需|亟待|恳请|请求|提请|建议|希望|争取)[^。;;\n]{0,30}?"
    r"(?:协调|支持|帮助|帮扶|解决|研究|出台|给予|统筹|指导|批复|支援|沟通)")
_SENTENCE_END = "。;;!?!?\n"


def asks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` holding an ask, in order; text[start:end] is
    quoted as it stands (leading list numbers and spaces trimmed)."""
    out: list[tuple[int, int]] = []
    for m in ASK_PATTERN.finditer(text or ""):
        a = m.start()
        while a > 0 and text[a - 1] not in _SENTENCE_END:
            a -= 1
        b = m.end()
        while b < len(text) and text[b] not in _SENTENCE_END:
            b += 1
        if b < len(text) and text[b] != "\n":
            b += 1
        lead = re.match(r"\s*(?:\d{1,2}[.、.]|[(（]\d{1,2}[)）])?\s*", text[a:b])
        a += lead.end() if lead else 0
        if not out or out[-1][1] <= a:
            out.append((a, b))
    return out
