"""ACTION BEFORE PLACE (issue 9, fresh6 cause 7): a sentence's verb cut into a place name by a
bare "…区政府" reading is no part of the place (made-up phrases; real place names only as the
dictionary's entries)."""

import pytest

from luoshi.ingest.government import _place_from


@pytest.mark.parametrize(
    ("phrase", "place"),
    [
        ("想知道闵行区政府的实事办得怎样", "闵行区"),
        ("经票决确定开江县政府的实事项目", "开江县"),
        # places whose names are long stay whole; a place after 关于印发 as before
        ("张家川回族自治县政府", "张家川回族自治县"),
        ("关于印发台州市政府工作报告", "台州市"),
        ("温州市洞头区人民政府", "洞头区"),
    ],
)
def test_place_after_a_verb(phrase: str, place: str) -> None:
    assert _place_from(phrase) == place
