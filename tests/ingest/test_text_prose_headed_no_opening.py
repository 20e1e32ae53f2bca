"""A headed report with no opening: the page starts on its first project's name (the first line
ends as every heading below it does), each name over one line of what was done. Made-up text."""

from __future__ import annotations

import pytest

from luoshi.ingest import IngestError, read_document

ROADS = (
    "甲县至乙县高速公路\n本年累计完成投资3.5亿元,占年计划的80%。\n"
    "丙镇至丁镇高速公路\n本年累计完成投资2亿元,占年计划的60%。\n"
    "戊县至己县高速公路\n本年累计完成投资4亿元,占年计划的90%。\n"
    "庚县绕城高速公路\n本年累计完成投资1亿元,占年计划的50%。\n"
)


def test_first_line_is_the_first_heading_and_the_page_a_report() -> None:
    doc = read_document(ROADS.encode(), name="roads.txt")
    got = [(t.text, t.items[0].done) for t in doc.tasks]
    assert got[0] == ("甲县至乙县高速公路", "本年累计完成投资3.5亿元,占年计划的80%。")
    assert [t for t, _ in got] == [
        "甲县至乙县高速公路", "丙镇至丁镇高速公路", "戊县至己县高速公路", "庚县绕城高速公路"
    ]
    assert any("opens on its first heading" in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "page",
    [
        # a title that ends unlike the headings is a title: no opening naming a report, refused
        "今年交通建设情况\n" + ROADS.split("\n", 2)[2],
        # a body that does not say what was done: no report
        ROADS.replace("本年累计完成投资4亿元,占年计划的90%。", "该项目意义重大,群众期盼已久。"),
    ],
    ids=["a title ending unlike the headings", "one body saying nothing done"],
)
def test_not_read_without_the_evidence(page: str) -> None:
    with pytest.raises(IngestError):
        read_document(page.encode(), name="roads.txt")


@pytest.mark.parametrize(
    "credit", ["(稿源:某县日报 记者:某某)", "(来源:某县政府网)"]
)
def test_a_source_credit_glued_to_the_last_line_is_no_progress(credit: str) -> None:
    doc = read_document((ROADS.rstrip("\n") + credit + "\n").encode(), name="roads.txt")
    assert doc.tasks[-1].items[0].done == "本年累计完成投资1亿元,占年计划的50%。"
