"""A page without a title: the year and period its opening sentences give
(untitled.period_from_opening). Made-up text."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.ingest.metadata import read_meta

GROUNDS = (
    "按照县委关于民生工作的总体部署和工作要求,县政府各部门、各乡镇政府落实责任,细化措施,扎实推进各项目标任务。"
)

# Sentences with no date, making each opening paragraph too long (over 100 characters) to be
# read as a title.
TAIL = (
    "下一步,各责任单位将进一步压实责任,加强督促检查,确保各项民生实事按期保质完成,让群众有更多获得感。"
    "对进度滞后的项目,将逐项分析原因,明确整改措施和完成时限,并在下一次通报中说明整改情况。"
)

CASES = [
    # the dated first clause names the period itself
    ("截至2030年9月底,安澜县十件民生实事进展顺利,完成投资12亿元。", 2030, "q3", date(2030, 9, 30)),
    # the dated first clause names none; the next clause opens with the period and says what
    # was done
    ("2030年十件民生实事计划总投资50亿元,上半年实际完成投资30亿元,占全年的60%。",
     2030, "h1", date(2030, 6, 30)),
    ("2031年安澜县民生项目计划投资8亿元,1-9月已建成项目6个,其余加快推进。",
     2031, "q3", date(2031, 9, 30)),
    # grounds first, the dated figures in the paragraph's next sentence
    (GROUNDS + "2030年十件民生实事计划总投资50亿元,上半年实际完成投资30亿元。",
     2030, "h1", date(2030, 6, 30)),
    # a later clause naming the period inside (与上半年相比) compares, it is no report's span
    ("2030年十件民生实事计划总投资50亿元,与上半年相比投资增长明显,各项工作有序推进。",
     None, None, None),
    # a clause opening with the period but saying nothing done is no report either
    ("2030年十件民生实事计划总投资50亿元,上半年各部门召开推进会议三次,研究部署有关工作。",
     None, None, None),
]


@pytest.mark.parametrize(("opening", "year", "kind", "end"), CASES)
def test_period_from_opening(opening: str, year: int | None, kind: str | None, end: date | None):
    meta, warnings = read_meta([opening + TAIL])
    assert meta.title == ""
    assert meta.year == year
    if kind is None:
        assert meta.period is None
        assert "year and period unknown" in " ".join(warnings)
    else:
        assert meta.period is not None
        assert meta.period.kind.value == kind
        assert meta.period.end_date == end
        assert "taken from the opening sentence" in " ".join(warnings)
