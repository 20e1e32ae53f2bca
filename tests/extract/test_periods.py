"""Periods named in progress text become as-of labels and months."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract.periods import find_periods


@pytest.mark.parametrize(
    ("text", "label", "month"),
    [
        ("1-9月,累计到位资金15.98亿元", "1-9月", 9),
        ("1-8月份核心制造业增加值同比增长5.2%", "1-8月份", 8),
        ("截至9月底,累计", "截至9月底", 9),
        ("截至9月,我区", "截至9月", 9),
        ("截至今年8月降低成本", "截至今年8月", 8),
        ("一季度累计完成6万标箱", "一季度", 3),
        ("二季度累计完成", "二季度", 6),
        ("前三季度,引进数达到27个", "前三季度", 9),
        ("第三季度目标任务", "第三季度", 9),
        ("上半年增长85.2%", "上半年", 6),
        ("6月底已完成全部项目清理工作", "6月底", 6),
        ("至9月末,存贷款余额", "至9月末", 9),
        ("1至9月,完成", "1至9月", 9),
        ("目前累计落地开工10个", "目前", None),
        ("截至目前,全市", "截至目前", None),
    ],
)
def test_period(text, label, month):
    p = find_periods(text)[0]
    assert (p.label, p.month) == (label, month)
    assert text[p.start : p.end] == label


@pytest.mark.parametrize("text", ["9月29日完成答复", "8月17日开工建设", "于11月上旬举办", "2016-2019年"])
def test_dates_are_not_periods(text):
    assert find_periods(text) == []


def test_iso_end_date():
    (p,) = find_periods("1-9月,累计")
    assert p.end_date(2020) == date(2020, 9, 30)
    (q,) = find_periods("上半年")
    assert q.end_date(2020) == date(2020, 6, 30)
    assert find_periods("目前")[0].end_date(2020) is None


def test_several_periods_in_order():
    ps = find_periods("一季度累计完成6万标箱,二季度累计完成13.2万标箱,三季度累计完成25.1万标箱")
    assert [p.month for p in ps] == [3, 6, 9]


def test_each_pattern_needs_its_words() -> None:
    """``find_periods`` runs a pattern only when its words (``_NEEDS``) are in the text: every
    match of every pattern holds them, over many random strings of the characters the
    patterns read (a pattern run without one of its words would find a match the pre-test
    misses)."""
    import random

    from luoshi.extract.periods import _NEEDS, _PATTERNS

    assert len(_NEEDS) == len(_PATTERNS)
    assert all(1 <= len(needs) <= 2 for needs in _NEEDS)  # find_periods checks two groups at most
    alphabet = list("截至止到今年本当前现在目为止20241-6~至—–一二三四五六七八九十月份底末季度第上半日号 ,")
    pieces = ["截至", "截止", "截止到", "至", "到", "今年", "2024年", "1", "9", "12", "一", "十一",
              "-", "~", "月", "月份", "底", "末", "季度", "前", "第", "三", "4", "上半年", "目前",
              "现在", "当前", "今", "为止", "日", "号", "6", ",", "止"]  # fmt: skip
    rng = random.Random(15)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(30_000)]
    texts += ["".join(rng.choices(pieces, k=rng.randint(1, 7))) for _ in range(30_000)]
    # the shape of a range after 截至 (截至今年1-9月底), each part varied
    texts += [
        "".join(rng.choice(part) for part in (["截至", "截止到", "至", ""], ["今年", "2024年", ""],
                                               ["1", "一", "十"], ["-", "至", "~"], ["9", "十一"],
                                               ["月", "月份"], ["底", "末", "", "日"]))
        for _ in range(2_000)
    ]
    texts += ["1-6月", "上半年", "截止到今年9月底", "至今", "现在为止", "前三季度", "2024年6月末"]
    matched = [0] * len(_PATTERNS)
    for text in texts:
        for k, ((pattern, _kind), needs) in enumerate(zip(_PATTERNS, _NEEDS, strict=True)):
            for m in pattern.finditer(text):
                if m.start() == m.end():
                    continue
                matched[k] += 1
                assert all(any(w in m.group() for w in words) for words in needs), (k, m.group())
    assert all(n >= 20 for n in matched), matched  # every pattern was exercised
