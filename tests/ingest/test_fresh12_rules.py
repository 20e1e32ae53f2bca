"""Rules from the tune half of fresh12 (issue 9), on made-up pages and cells:

- a works' progress (工程进度) is the progress column, its timetable (工程时间表, 工期) the
  deadline;
- PHOTO CAPTIONS RULE: a picture column in a table with progress but no task column is the
  task column (warned).
"""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headers import columns_from_headers, header_role, header_roles
from luoshi.vocab import ColumnRole as R

HEADER_CASES = [
    ("工程進度", True, R.DONE),
    ("工程进度", True, R.DONE),
    ("工程時間表", True, R.DEADLINE),
    ("工期", True, R.DEADLINE),
    ("施工工期", True, R.DEADLINE),
    ("进度时间表", True, R.OTHER),  # a schedule of steps, not the works' term
    ("工程进度照片", True, R.OTHER),  # alone, a picture column names no role
]


@pytest.mark.parametrize(("header", "have_task", "role"), HEADER_CASES)
def test_header_words(header: str, have_task: bool, role: R) -> None:
    assert header_role(header, have_task) is role


PHOTO_CASES = [
    # no task column, a progress column: the pictures' captions name the works
    (["工程进度照片", "工程时间表", "工程进度"], [R.TASK, R.DEADLINE, R.DONE]),
    (["现场图片", "进展情况"], [R.TASK, R.DONE]),
    # beside a task column a picture column stays a column of its own
    (["项目名称", "现场照片", "进展情况"], [R.TASK, R.OTHER, R.DONE]),
    # without a progress column there is no table of works to read
    (["现场照片", "工程时间表"], [R.OTHER, R.DEADLINE]),
]


@pytest.mark.parametrize(("headers", "roles"), PHOTO_CASES)
def test_photo_captions_rule(headers: list[str], roles: list[R]) -> None:
    assert header_roles(headers) == roles


def test_photo_task_column_is_warned() -> None:
    _, warnings = columns_from_headers(["现场图片", "进展情况"])
    assert any("picture column '现场图片' read as the task column" in w for w in warnings)
    _, warnings = columns_from_headers(["项目名称", "现场照片", "进展情况"])
    assert not any("picture column" in w for w in warnings)


def test_pipe_table_of_works_with_picture_column() -> None:
    lines = [
        "某河道整治工程",
        "工程進度照片 | 工程時間表 | 工程進度 |",
        "---|---|---|",
        "興建臨時泵房 | 2031年初 – 2032年中 | 已於2032年5月投入運作 |",
        "鋪設新排水管 | 2031年中 – 2033年初 | 工程進行中 |",
        "改建舊堤岸 | 2033年中 | 工程進行中 |",
    ]
    doc = read_document("\n".join(lines).encode(), name="works.txt")
    assert [c.role for c in doc.columns] == [R.TASK, R.DEADLINE, R.DONE]
    assert [t.text for t in doc.tasks] == ["興建臨時泵房", "鋪設新排水管", "改建舊堤岸"]
    assert doc.tasks[2].items[0].done == "工程進行中"
    assert any("picture column" in w.message for w in doc.warnings)
