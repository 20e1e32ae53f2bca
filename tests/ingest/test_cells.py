import pytest

from luoshi.ingest.cells import Numbering, cell_text, is_empty_mark, numbering

CASES = [
    ("1.加强领导", Numbering("arabic", 1)),
    ("12、继续推进", Numbering("arabic", 12)),
    ("3. 1月份完成", Numbering("arabic", 3)),
    ("5.8月底完成招募", Numbering("arabic", 5)),
    ("1.1-8月,全市", Numbering("arabic", 1)),
    ("1.2020年8月市", Numbering("arabic", 1)),
    ("1.5亿元资金到位", None),
    ("2.3万人次参加", None),
    ("(2)与长三角城市合作", Numbering("paren", 2)),
    ("③完成验收", Numbering("circled", 3)),
    ("二、主要措施", Numbering("cn", 2)),
    ("(十一)其他", Numbering("cnparen", 11)),
    ("三是开展面对面沟通", Numbering("shi", 3)),
    ("完善通用平台建设", None),
    ("2020年完成", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_numbering(text, expected):
    assert numbering(text) == expected


def test_cell_text_strips_lines_and_drops_blank_ones():
    assert cell_text(["  a \u3000", "", " \xa0", "b"]) == "a\nb"


def test_empty_mark_alone_is_an_empty_cell_but_not_inside_text():
    assert cell_text(["——"]) == ""
    assert is_empty_mark("——") and not is_empty_mark("——已完成")
    assert cell_text(["——", "x"]) == "——\nx"
