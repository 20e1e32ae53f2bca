"""The text reader on the two seeds: layout, metadata, repeated headers, notes, sub-items."""

from datetime import date

from luoshi.vocab import ColumnRole, PeriodKind


def test_seed000_layout_and_meta(doc000):
    assert [c.role for c in doc000.columns] == [ColumnRole.SERIAL, ColumnRole.TASK, ColumnRole.DONE]
    m = doc000.meta
    assert m.title == "2020年度区政府工作报告重点工作清单落实情况表(三季度)"
    assert (m.index_no, m.category, m.disclosure) == (
        "001008003006001/2020-51324",
        "政府绩效工作",
        "主动公开",
    )
    assert m.written_date == date(2021, 1, 15)
    assert (m.year, m.period.kind, m.period.end_date) == (2020, PeriodKind.Q3, date(2020, 9, 30))
    assert m.government == "洞头区"
    assert any("洞头区" in w.message and "inferred" in w.message for w in doc000.warnings)
    assert doc000.sha256 and len(doc000.sha256) == 64 and doc000.format == "text"


def test_seed004_layout_and_meta(doc004):
    assert [c.role.value for c in doc004.columns] == [
        "serial",
        "task",
        "units",
        "done",
        "problems",
        "next_steps",
    ]
    m = doc004.meta
    assert (m.government, m.year, m.period.label) == ("舟山市", 2020, "前三季度")
    assert m.published_date == date(2020, 10, 29) and m.publisher == "市政府办公室"
    assert m.notes == ["(列第一位者为工作牵头或汇总单位,下同)"]
    assert doc004.warnings == []


def test_note_is_not_a_unit(doc004):
    assert doc004.tasks[0].units == ["市疫情防控办", "各县(区)政府", "各功能区管委会"]


def test_repeated_headers_are_not_content(doc004):
    for task in doc004.tasks:
        for item in task.items:
            for cell in (item.done, item.problems, item.next_steps):
                assert "前三季度完成情况" not in cell.split("\n")
                assert "序号" not in cell.split("\n")


def test_sub_items(doc004):
    t3 = doc004.tasks[2]
    assert [i.heading for i in t3.items] == [
        "舟山大脑建成应用。",
        "深化“互联网+政务服务”改革,推进“掌上办事之市”建设。",
        "推进“掌上办公之市”建设。",
        "深化“互联网+监管”改革。",
    ]
    assert all(i.done and i.problems and i.next_steps for i in t3.items)
    assert all(len(t.items) == 1 and t.items[0].heading is None for t in doc004.tasks[3:12])


def test_empty_cells_are_empty_strings(doc004):
    assert doc004.tasks[0].items[0].problems == ""
    assert "——" not in {i.problems for t in doc004.tasks for i in t.items}


def test_line_numbers_kept(doc004):
    t = doc004.tasks[2]
    assert (t.line_start, t.line_end) == (69, 107)


def test_both_seeds_parse_fast(doc000):
    import time

    from luoshi.ingest import read_document
    from tests.ingest.conftest import shared_file

    # CPU seconds, not wall time: under a loaded CI the wall clock measures the neighbours.
    start = time.process_time()
    read_document(shared_file("seeds", "000_eb2b56e49a1860ea.txt"))
    read_document(shared_file("seeds", "004_fea78dcb383e1fba.txt"))
    assert time.process_time() - start < 1.0


def test_a_row_with_all_its_cells_keeps_its_last_cell_before_the_next_serial() -> None:
    """Category before 序号, given on the group's first row only: the short cell before serial
    2 is row 1's 备注, not row 2's category; the category is carried down. Two copies of the
    first row's category cell before serial 1 are not header cells."""
    from luoshi.ingest import read_document

    text = (
        "2017年民生工程进度表\n\n工程名称\n\n序号\n\n项目内容\n\n责任单位\n\n备注\n\n"
        "就业促进工程\n\n就业促进工程\n\n1\n\n城镇新增就业2000人\n\n市人社局\n\n达到时间进度\n\n"
        "2\n\n城镇失业人员再就业500人\n\n市人社局\n\n超额完成\n"
    )
    doc = read_document(text.encode(), name="t.txt")
    assert [c.header for c in doc.columns] == ["工程名称", "序号", "项目内容", "责任单位", "备注"]
    got = [(t.serial, t.extra.get("工程名称"), t.extra.get("备注")) for t in doc.tasks]
    assert got == [("1", "就业促进工程", "达到时间进度"), ("2", "就业促进工程", "超额完成")]
