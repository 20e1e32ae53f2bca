"""jieba tokens for the index and for queries."""

import pytest

from luoshi.search.tokens import Word, highlight_terms, index_tokens, query_words


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("推进乡村振兴战略", {"推进", "乡村", "振兴", "战略"}),
        ("中华人民共和国", {"中华", "人民", "共和国", "中华人民共和国"}),
        ("新增5G基站2.5万个。", {"5g", "基站"}),
        ("<script>alert(1)</script>", {"script", "alert"}),
    ],
)
def test_index_tokens_hold_the_words(text, present):
    tokens = set(index_tokens(text).split(" "))
    assert present <= tokens
    assert not tokens & {"。", "<", ">", "(", ""}


def test_query_words_split_and_dedupe():
    assert [w.text for w in query_words("乡村振兴 乡村")] == ["乡村", "振兴"]
    assert query_words("。,,  ") == []


def test_a_long_word_also_matches_its_parts():
    (word,) = query_words("污水处理")
    assert word.text == "污水处理"
    assert set(word.parts) == {"污水", "处理"}
    (word,) = query_words("处理厂")
    assert set(word.parts) == {"处理", "厂"}  # every character covered
    (word,) = query_words("script")
    assert word.parts == ()


def test_highlight_terms_longest_first():
    assert highlight_terms([Word("污水处理", ("污水", "处理")), Word("厂")]) == [
        "污水处理", "处理", "污水", "厂"]
