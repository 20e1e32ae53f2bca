"""SECTIONS FORM and AS-OF IN THE PROGRESS (issue 9, fresh7 cause 4), on made-up pages: one
project written as numbered sections headed by field labels is one form, one task; the date
its progress is as of (with or without the 年) refines a year-only period."""

import pytest

from luoshi.ingest import read_document
from luoshi.vocab import ColumnRole as R


def _page(heads: list[str], progress: str) -> bytes:
    lines = [
        "安澜市民政局实施2031年民生实事项目新建社区食堂完成情况公示",
        "发布日期:2031-12-08",
        f"{heads[0]}项目名称",
        "新建社区食堂",
        f"{heads[1]}任务目标",
        "建成社区食堂12处",
        f"{heads[2]}实事任务完成情况",
        progress,
        "特此公告。",
        "安澜市民政局",
        "2031128",
    ]
    return "\n\n".join(lines).encode()


DONE = "截至203110月底,全市12处食堂均已建成,已投入使用。如有异议,可来电反映。"


@pytest.mark.parametrize("heads", [["一、", "二、", "三、"], ["(一)", "(二)", "(三)"]])
def test_headed_sections_are_one_form(heads: list[str]) -> None:
    doc = read_document(_page(heads, DONE), name="form.txt")
    assert [c.role for c in doc.columns] == [R.TASK, R.TARGET, R.DONE]
    assert len(doc.tasks) == 1
    t = doc.tasks[0]
    assert t.text == "新建社区食堂"
    assert dict(t.extra)["任务目标"] == "建成社区食堂12处"
    # the objection sentence and the closing are no progress
    assert t.items[0].done == "截至203110月底,全市12处食堂均已建成,已投入使用。"


def test_the_as_of_date_without_its_year_mark_sets_the_period() -> None:
    doc = read_document(_page(["一、", "二、", "三、"], DONE), name="form.txt")
    assert doc.meta.period is not None
    assert str(doc.meta.period.end_date) == "2031-10-31"
    assert any("as of" in w.message for w in doc.warnings)


def test_an_as_of_date_of_another_year_leaves_the_year() -> None:
    done = "截至2030年10月底,已建成8处。"
    doc = read_document(_page(["一、", "二、", "三、"], done), name="form.txt")
    assert str(doc.meta.period.end_date) == "2031-12-31"


def test_numbered_points_that_are_no_labels_stay_a_list() -> None:
    text = "\n\n".join(
        [
            "安澜市2031年民生实事完成情况",
            "一、新建社区食堂12处",
            "已建成12处。",
            "二、改造老旧小区8个",
            "已完工6个。",
            "三、新增停车位500个",
            "已新增420个。",
        ]
    )
    doc = read_document(text.encode(), name="list.txt")
    assert len(doc.tasks) == 3
