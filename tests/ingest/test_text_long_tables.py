"""A text table of a thousand rows and more reads whole in every layout (the ROW SERIAL RULE in
luoshi/ingest/text/shapes.py: serials of up to five digits, opening a row only when they count
on), and one past a budget is refused naming that budget. Our own generated rows."""

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.budgets import Budget, LimitExceeded

HEADER = ["序号", "工作任务", "责任单位", "进展情况"]


def _rows(n):
    return [[str(i), f"修缮第{i}处农房。", "县住建局", f"完成{i % 7}成。"] for i in range(1, n + 1)]


def _page(fmt, n):
    rows = [HEADER, *_rows(n)]
    if fmt == "pipe":
        body = "\n".join(" | ".join(r) + " |" for r in rows)
    elif fmt == "cells":
        body = "\n\n".join(c for r in rows for c in r)
    elif fmt == "space":
        body = "\n".join("\u3000".join(r) for r in rows)
    elif fmt == "glued":  # cells run together: 1修缮第1处农房。完成1成。县住建局
        body = "\n".join(
            ["序号工作任务完成情况责任单位"] + [r[0] + r[1] + r[3] + r[2] for r in rows[1:]]
        )
    elif fmt == "oneline":  # the whole table on one line, cells separated by spaces
        body = " ".join(c for r in rows for c in r)
    else:  # pipe cells: one cell per line, closed by a bar
        body = "\n".join(c + " |" for r in rows for c in r)
    return ("示例县2023年重点工作进展情况\n" + body).encode()


@pytest.mark.parametrize("fmt", ["pipe", "cells", "space", "pipecells", "glued", "oneline"])
def test_a_table_of_more_than_999_rows_reads_every_row(fmt):
    doc = read_document(_page(fmt, 1005), name=f"long_{fmt}.txt")
    assert [t.serial for t in doc.tasks] == [str(i) for i in range(1, 1006)]
    last = doc.tasks[-1]
    if fmt == "glued":  # where task ends and progress begins is the glued reader's guess
        assert last.units == ["县住建局"]
        return
    assert (last.text, last.units, last.items[0].done) == (
        "修缮第1005处农房。",
        ["县住建局"],
        "完成4成。",
    )


def test_a_four_digit_number_that_does_not_count_on_opens_no_row():
    # row 2's progress cell is a bare year: not serial 3
    text = "\n".join(
        [
            "序号\u3000工作任务\u3000责任单位\u3000进展情况",
            "1\u3000修路。\u3000县交通局\u3000完成。",
            "2\u3000建桥。\u3000县交通局\u3000开工于",
            "2023",
            "3\u3000植树。\u3000县林业局\u3000完成。",
        ]
    )
    doc = read_document(("示例县2023年重点工作进展情况\n" + text).encode(), name="year.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2", "3"]


def test_a_table_past_the_line_budget_is_refused_naming_the_budget():
    with pytest.raises(LimitExceeded) as e:
        read_document(_page("cells", 1005), name="long.txt", budget=Budget(max_lines=2_000))
    assert "LUOSHI_INGEST_MAX_LINES" in str(e.value)
