"""One pass over a text where a pass per word (or per character) was made: the single-pass
forms give exactly what the per-word loops gave (made-up texts)."""

import pytest

from luoshi.extract import clauses, rules
from luoshi.extract.wording import Cell, word_hits
from luoshi.ingest.script import to_simplified


def per_word(text: str, words: tuple[str, ...]) -> tuple[int, str] | None:
    """The rule as stated: the leftmost occurrence of any word, the longest on ties."""
    best = None
    for w in words:
        i = text.find(w)
        if i >= 0 and (best is None or i < best[0] or (i == best[0] and len(w) > len(best[1]))):
            best = (i, w)
    return best


@pytest.mark.parametrize("text, words, expected", [
    ("完成率达到90%", ("完成", "完成率"), (0, "完成率")),  # the longest at one place
    ("项目进度严重滞后", ("滞后", "严重滞后"), (4, "严重滞后")),
    ("进度滞后,严重滞后", ("严重滞后", "滞后"), (2, "滞后")),  # leftmost before longest
    ("项目已完工", ("完工", "已完工", "工"), (2, "已完工")),
    ("尚未开展", ("滞后",), None),
    ("尚未开展", (), None),
    ("a.b*c(d", (".b*", "(d"), (1, ".b*")),  # no pattern syntax in the words
    ("", ("滞后",), None),
])
def test_find_any(text, words, expected):
    assert clauses.find_any(text, words) == expected == per_word(text, words)
    assert clauses.find_any(text, list(words)) == expected  # any iterable of words


@pytest.mark.parametrize("text", ["按计划推进,进度滞后", "已完成", "进度滞后。,;!", "", "。。"])
def test_delimiters_are_the_delimiting_characters(text):
    for ends in (clauses.SENTENCE_END, clauses.CLAUSE_END):
        assert clauses._delimiters(text, ends) == tuple(
            i for i, ch in enumerate(text) if ch in ends)


def test_word_hits_skips_only_cells_without_the_words():
    cells = [Cell("done", 0, "按计划推进", "按计划推进"),
             Cell("done", 1, "进度滞后,拖延", "进度滞后,拖延"),
             Cell("problems", 0, "无", "无")]
    words = tuple(w for w in rules.DELAY_WORDS if w in ("滞后", "拖延"))
    assert len(words) == 2
    hits = word_hits(cells, words)
    assert sorted((c.item, i, w) for c, i, w in hits) == [(1, 2, "滞后"), (1, 5, "拖延")]


@pytest.mark.parametrize("text, expected", [
    ("計畫進展萬元", "计画进展万元"),  # character by character: offsets hold
    ("abc 123", "abc 123"),
    ("已完成100%", "已完成100%"),
    ("", ""),
])
def test_to_simplified_keeps_length(text, expected):
    assert to_simplified(text) == expected
    assert len(to_simplified(text)) == len(text)
