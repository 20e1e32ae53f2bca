"""WHOLE COUNT (issue 9, fresh7 cause 7), on made-up text: a list number's dot followed by a
count of whole things (2.50个小区) ends the list number; decimals stay decimals."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.text.prose.items import STYLES


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2.50个小区新增充电设施", "2"),
        ("4.460个居村开展文化活动", "4"),
        ("3.12所学校改造操场", "3"),
        ("2.2031年底前建成", "2"),
        ("12.新建公园", "12"),
        # decimals: a share, a fraction of a point, of a month, of ten thousand
        ("1.5个百分点", None),
        ("6.5%以上", None),
        ("3.5个月内完成", None),
        ("1.5万亩高标准农田", None),
    ],
)
def test_list_number_or_decimal(text: str, number: str | None) -> None:
    m = STYLES["arabic"].match(text)
    assert (m.group(1) if m else None) == number


def test_a_plan_whose_items_open_with_counts_is_read_item_by_item() -> None:
    text = "\n\n".join(
        [
            "安澜区人民政府办公室关于印发《2031年区政府要完成的实事》的通知",
            "各镇人民政府,各街道办事处:现将《2031年区政府要完成的实事》印发给你们,请认真组织实施。",
            "安澜区人民政府办公室",
            "2031年区政府要完成的实事",
            "1.新增社区养老床位300张,完成老年助餐点改造20个。",
            "2.50个小区新增充电设施;为8个老旧小区改造消防设施。",
            "3.新建口袋公园6个;为12所学校改造操场和照明设施。",
            "4.120个居村开展文化活动不少于800场。",
            "5.新增公办幼儿园学位900个,开设课后服务班点40个。",
        ]
    )
    doc = read_document(text.encode(), name="plan.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2", "3", "4", "5"]
    assert doc.tasks[1].text.startswith("50个小区")
