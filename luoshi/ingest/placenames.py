"""Places a page's text names, for a title that gives only a level (区政府, 市政府办公室).

The rule: a place is a name ending with a division's suffix (洞头区, 绍兴市, 石家庄市) whose stem
a gazetteer knows as a place. The gazetteer is jieba's dictionary (a maintained library the
project already uses for themes and search), whose words tagged ``ns`` are place names: 洞头县,
绍兴, 拱墅区. A stem is known when the stem itself, the name, or the stem with another common
suffix (市/县/区: 大足 is listed as 大足县, though it is now 大足区) is tagged ``ns``. Names the
dictionary does not know (a new district such as 柯桥区, a fictional 安澜县) still count when the
text names them more than once (``UNKNOWN_PLACE_MIN``) and they cannot be words: the name is
no dictionary word (工业区), and the suffix does not end a generic word with the character
before it (月全区: 全区; 个乡镇: 乡镇; 重点地区: 地区). When the stem is a dictionary word
(年度区, 部署区 — and the fictional 安澜县) it takes ``WORDED_PLACE_MIN`` mentions, as a list's
many mentions of its own place give.

jieba tags some districts as a person's name (杨浦区, 徐汇区: ``nr``): a name the dictionary
lists whose stem is a proper noun (``PROPER_TAGS``) is known too; 工业区 is no place, its stem
工业 being a common noun.

A one-character stem (沁县, 歙县, 成县) is a place only where it starts a word: when the
character before it and the stem make a dictionary word (完成, 形成, 建成), the stem ends that
word and the suffix stands alone (完成县妇幼保健院 is 完成 + 县妇幼保健院, no 成县). A stem that is
itself a word of the text (涉, 和: 涉县任务 are tasks concerning the county) counts only where
nothing Chinese stands before it ((涉县融媒体中心), at a line's start).

WORD BOUNDARY: a stem of two characters or more counts only where the dictionary's
segmentation of the phrase around it starts a word at the stem (新建成都市: 新建/成都市; 完成城市更新:
完成/城市更新, so no 成城市 although 成城 is a listed place) — the one-character rule above,
for every stem.

What this avoids: a bare "two characters and 区" reading takes 年度区, 其中区, 部署区 and 月全区
for places; none of those stems is a place name. 市场 is a market, never a city; 区域 and
乡村 are no 区 or 乡 either.

The dictionary is loaded on first use only (about a second), since most pages name their
government in the title and never get here.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Collection, Iterable
from functools import lru_cache

UNKNOWN_PLACE_MIN = 2  # mentions that make a name the dictionary lacks count as a place
WORDED_PLACE_MIN = 5  # the same when its stem is a dictionary word (年度区 twice is words)
_STEM_LENGTHS = (4, 3, 2)  # longest known stem wins: 石家庄市 before 家庄市
_OTHER_SUFFIXES = ("市", "县", "区")
_HAN = range(0x4E00, 0x9FA6)
# jieba's tags for proper nouns: places (ns), person names (nr, nrt, nrfg) and other names (nz)
PROPER_TAGS = frozenset(("ns", "nr", "nrt", "nrfg", "nz"))
# Kinds of area that end no division's name: a suffix inside one of these words (老旧街区,
# 旅游景区, 工业园区, 城镇区 = a town's built-up area) ends the word, not a place. (城区 and 山区 are not here: 鹿城区, 中山区.)
_AREA_WORDS = frozenset(
    "街区 景区 园区 社区 小区 校区 厂区 片区 辖区 商区 营区 港区 镇区 城镇 小镇 集镇 城乡".split()
)
# A suffix opening a word with the character after it: 市场 (a market), 区域, 乡村.
_WORDS_AFTER = frozenset("市场 区域 乡村".split())


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.dt.word_tag_tab


def word_tag(word: str) -> str | None:
    """jieba's tag of ``word`` (ns for a place), or None when its dictionary lacks the word."""
    return _tags().get(word)


def place_words() -> list[str]:
    """Every word jieba's dictionary tags as a place name (``ns``)."""
    return [word for word, tag in _tags().items() if tag == "ns"]


def known_place(stem: str, suffix: str) -> bool:
    """Whether ``stem + suffix`` names a place jieba's dictionary knows (see the module)."""
    tags = _tags()
    if tags.get(stem + suffix) == "ns":
        return True
    if len(stem) < 2:
        return False  # a one-character stem only as the whole name (沁县)
    if stem + suffix in tags and tags.get(stem) in PROPER_TAGS:
        return True  # a listed name on a proper noun's stem: 杨浦区 (tagged nr, like 杨浦)
    return tags.get(stem) == "ns" or any(tags.get(stem + s) == "ns" for s in _OTHER_SUFFIXES)


def _han(ch: str) -> bool:
    return ord(ch) in _HAN


# jieba's tags of words that do something or say how (verbs, adverbs, adjectives): a phrase
# ending in one (切实推进, 加快建设) is an action, and no place's stem.
_ACTION_TAGS = frozenset(("v", "vd", "vn", "d", "ad", "a", "p", "c"))


def action_phrase(stem: str, suffix: str) -> bool:
    """Whether the stem of a name the dictionary does not know as a place is a phrase of
    words ending in an action (为切实推进市政府…: 切实 + 推进, so no 切实推进市): two or more
    dictionary words of two characters or more, the last a verb, adverb or adjective; or one such word that names no
    place with any division suffix (推进市; 进贤县 stays, the dictionary listing 进贤县)."""
    import jieba

    if known_place(stem, suffix):
        return False
    tags = _tags()
    words = list(jieba.dt.cut(stem, HMM=False))
    if (
        not words
        or any(len(w) < 2 or w not in tags for w in words)  # 雄+安: characters, not words
        or tags[words[-1]] not in _ACTION_TAGS
    ):
        return False
    return len(words) >= 2 or not any(stem + s in tags for s in (suffix, *_OTHER_SUFFIXES))


def place_after_action(stem: str, suffix: str) -> str | None:
    """ACTION BEFORE PLACE: the place a name the dictionary does not know ends with when the
    words before it are dictionary words, one of them an action (想知道 + 闵行区, 票决确定 +
    开江县: a sentence's verb cut into the name by a bare "…区政府" reading); None otherwise.
    The longest place the dictionary knows wins (the fewest words before it)."""
    import jieba

    if known_place(stem, suffix):
        return None
    tags = _tags()
    for i in range(1, len(stem) - 1):
        if not known_place(stem[i:], suffix):
            continue
        words = list(jieba.dt.cut(stem[:i], HMM=False))
        if words and all(w in tags for w in words) and any(tags[w] in _ACTION_TAGS for w in words):
            return stem[i:] + suffix
        return None
    return None


def opens_a_phrase(text: str, at: int) -> bool:
    """Whether nothing Chinese stands before ``at``: the start of the text or a punctuation
    mark, where a character cannot end a word running into it."""
    return at == 0 or not _han(text[at - 1])


def ends_a_word(text: str, at: int) -> bool:
    """Whether the character at ``at`` ends a dictionary word with the one before it (完成,
    形成: the 成 of 完成县 belongs to 完成, so no one-character stem starts there)."""
    return at > 0 and text[at - 1 : at + 1] in _tags()


WORD_WINDOW = 4  # characters either side of a stem's start segmented to see if a word starts there


def starts_a_word(text: str, at: int) -> bool:
    """Whether a word starts at ``at`` in the dictionary's segmentation of the phrase around
    it (WORD BOUNDARY, module docstring): 新建成都市 is 新建/成都市, so 成都 starts a word;
    完成城市 is 完成/城市, so no place's stem 成城 starts at 成. Nothing Chinese before ``at``
    starts one."""
    import jieba

    if opens_a_phrase(text, at):
        return True
    lo = max(0, at - WORD_WINDOW)
    pos = lo
    for word in jieba.dt.cut(text[lo : at + WORD_WINDOW + 2], HMM=False):
        if pos >= at:
            return pos == at
        pos += len(word)
    return False


def places_named(
    texts: Iterable[str], suffix: str, not_places: Collection[str], bad_chars: Collection[str]
) -> Counter[str]:
    """How often each place ending with ``suffix`` is named in ``texts``: at each ``suffix``,
    the longest stem (4 to 2 characters; 1 for a county, 沁县, 歙县: other one-character
    stems are words, 其中区) that makes a known place; when none does, the
    two-character stem is counted as an unknown name (kept only when named
    ``UNKNOWN_PLACE_MIN`` times or more, ``WORDED_PLACE_MIN`` when the stem is a word). Names in ``not_places`` (全区, 新区) or holding a
    character of ``bad_chars`` (和, 的: words, not a name) are skipped."""
    known: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    worded: Counter[str] = Counter()
    for text in texts:
        at = text.find(suffix)
        while at >= 0:
            found = ""
            if (
                text[max(0, at - 1) : at + len(suffix)] in _AREA_WORDS
                or text[at : at + 2] in _WORDS_AFTER  # a market, not a city (农贸市场)
            ):
                at = text.find(suffix, at + len(suffix))
                continue
            for n in (*_STEM_LENGTHS, 1) if suffix == "县" else _STEM_LENGTHS:
                stem = text[max(0, at - n) : at]
                if len(stem) < n or not all(map(_han, stem)):
                    continue
                if set(stem) & set(bad_chars) and not (n == 1 and opens_a_phrase(text, at - 1)):
                    continue  # (涉县 as a name only where no word runs into it: (涉县融媒体中心))
                if n == 1 and ends_a_word(text, at - 1):
                    continue  # 完成县: the 成 ends 完成, no stem of its own
                name = stem + suffix
                if name not in not_places and known_place(stem, suffix):
                    if n >= 2 and not starts_a_word(text, at - n):
                        continue  # 完成城市: 完成/城市, no word starts at 成, so no 成城市
                    found = name
                    break
            if found:
                known[found] += 1
            else:
                stem = text[max(0, at - 2) : at]
                name = stem + suffix
                if (
                    len(stem) == 2
                    and all(map(_han, stem))
                    and name not in not_places
                    and not set(stem) & set(bad_chars)
                    and name not in _tags()  # a word the dictionary has, not a place: 工业区
                    and stem[-1] + suffix not in not_places  # 月全区, 其我区: 全区, 我区
                ):
                    # a word before the suffix (年度区, 部署区) is most likely that word
                    (worded if stem in _tags() else unknown)[name] += 1
            at = text.find(suffix, at + len(suffix))
    known.update({name: n for name, n in unknown.items() if n >= UNKNOWN_PLACE_MIN})
    known.update({name: n for name, n in worded.items() if n >= WORDED_PLACE_MIN})
    return known


STEM_SCAN = 200  # lines read for bare stems: a page's own place shows in its first lines


def stems_named(texts: Iterable[str], suffix: str) -> Counter[str]:
    """How often each place of ``suffix``'s level is named by its bare stem in ``texts``
    (兰州日报, 福建都完成了, 新沂资讯: 兰州市, 福建省, 新沂市): a word jieba cuts out that its
    dictionary tags as a proper noun and that, with ``suffix``, is a place it lists (兰州 +
    市). Read only when no name with its suffix is found (:func:`places_named`): a stem is
    also how a page names other places (学习北京经验), so the caller warns."""
    import jieba

    tags = _tags()
    named: Counter[str] = Counter()
    # (a line the reader hands over twice, above the table and in it, is one mention)
    for text in dict.fromkeys(texts):
        for word in jieba.dt.cut(text, HMM=False):
            if (
                len(word) >= 2
                and all(map(_han, word))
                and tags.get(word) in PROPER_TAGS
                and tags.get(word + suffix) == "ns"
            ):
                named[word + suffix] += 1
    return named
