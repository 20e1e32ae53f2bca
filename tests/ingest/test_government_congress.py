"""CONGRESS (government._infer_government): an opening sentence naming a place's people's
congress (某县第十七届人民代表大会) gives the government when the title names none: the page
reports the session that hears that place's government work report. Warned. Made-up text."""

from __future__ import annotations

import pytest

from luoshi.ingest.government import infer_government

CASES = [
    # the words before the place are cut off as in a 政府 phrase
    (["记者从刚刚闭幕的安澜县第十七届人民代表大会第四次会议上了解到,全年办好十件实事"], "安澜县"),
    # a city's congress, without its term
    (["青石市人民代表大会表决通过了十项民生实事"], "青石市"),
    # traditional script, read simplified (read_meta gives back the page's own spelling)
    (["在安瀾縣第三屆人民代表大會上"], "安澜县"),
    # a level word alone, or the national congress, names no place
    (["省人民代表大会审议通过"], ""),
    (["全国人民代表大会审议通过"], ""),
]


@pytest.mark.parametrize(("opening", "want"), CASES)
def test_congress(opening: list[str], want: str) -> None:
    government, warning = infer_government("民生实事项目", [], [], opening=opening)
    assert government == want
    if want:
        assert warning is not None and "人民代表大会" in warning
