"""Highlighting escapes the text first, then marks the words."""

from luoshi.search.highlight import has_match, highlight, snippet


def test_marks_every_occurrence_case_insensitively():
    assert highlight("基站与5G基站", ["基站", "5g"]) == "<mark>基站</mark>与<mark>5G</mark><mark>基站</mark>"


def test_markup_in_text_stays_text():
    html = highlight("任务<script>alert(1)</script>完成", ["script", "完成"])
    assert "<script>" not in html
    assert html == "任务&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;<mark>完成</mark>"


def test_a_term_cannot_match_inside_an_entity():
    # "lt" would match inside "&lt;" if the text were escaped before matching.
    assert highlight("a<b", ["lt"]) == "a&lt;b"


def test_no_terms_just_escapes():
    assert highlight("<b>", []) == "&lt;b&gt;"


def test_snippet_centres_on_the_first_match():
    text = "甲" * 100 + "基站" + "乙" * 100
    out = snippet(text, ["基站"], width=40)
    assert out.startswith("…") and out.endswith("…")
    assert "<mark>基站</mark>" in out
    assert has_match(text, ["基站"]) and not has_match(text, ["丙"])
