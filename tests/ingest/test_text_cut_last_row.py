"""Issue 9: a cells-per-line table whose rows have no serials (found by the cell after the
task text) and whose page is cut off right after the next row's task text: that text is a
last row cut off, not a stray paragraph of the row above (text/unnumbered.py, CUT-OFF LAST ROW
RULE). Made-up pages."""

from __future__ import annotations

from luoshi.ingest import read_document

_HEAD = ["2030年重点工作任务分解表", "序号", "重点工作任务", "牵头领导", "牵头单位"]
_ROWS = [
    "青石新城要围绕打造科创高地,加快引进研发机构,年内新增高新技术企业30家。",
    "王明",
    "青石新城管委会",
    "安澜开发区要加快装备制造产业集聚,年内新引进亿元以上项目10个。",
    "李华",
    "安澜开发区管委会",
]


def _read(tail: list[str]):
    page = "\n\n".join([*_HEAD, *_ROWS, *tail]) + "\n"
    return read_document(page.encode(), name="page.txt")


def test_a_task_text_cut_off_after_the_last_unit_cell_is_a_last_row() -> None:
    doc = _read(["临溪新城要坚持副中心发展定位,加快"])
    assert [t.text for t in doc.tasks] == [
        _ROWS[0],
        _ROWS[3],
        "临溪新城要坚持副中心发展定位,加快",
    ]
    assert doc.tasks[1].units == ["安澜开发区管委会"]
    assert any("cut off before its other cells" in w.message for w in doc.warnings)


def test_a_closed_sentence_after_the_table_opens_no_row() -> None:
    doc = _read(["以上任务请各单位认真抓好落实。"])
    assert len(doc.tasks) == 2
