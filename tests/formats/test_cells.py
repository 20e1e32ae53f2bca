"""GridBuilder: HTML placement around rowspans, absolute spans, Word's vMerge continue."""

from __future__ import annotations

from luoshi.ingest.formats.cells import GridBuilder, clean_lines


def test_clean_lines_strips_and_drops_blanks() -> None:
    assert clean_lines(["  a ", "", "\u3000b\xa0", "   "]) == "a\nb"


def test_html_rows_skip_columns_taken_by_rowspans() -> None:
    b = GridBuilder()
    b.add_html_row([("1", 2, 1, None), ("t", 2, 1, None), ("x", 1, 1, None)])
    b.add_html_row([("y", 1, 1, None)])
    b.add_html_row([("2", 1, 1, None), ("wide", 1, 2, None)])
    g = b.grid()
    assert [g.texts(r) for r in range(3)] == [["1", "t", "x"], ["1", "t", "y"], ["2", "wide", "wide"]]
    assert g.rows[0][0] is g.rows[1][0] and g.rows[0][0].rowspan == 2
    assert g.rows[2][1] is g.rows[2][2] and g.rows[2][1].colspan == 2


def test_rowspan_past_the_last_row_is_clipped() -> None:
    b = GridBuilder()
    b.add_html_row([("a", 5, 1, None), ("b", 1, 1, None)])
    b.add_html_row([("c", 1, 1, None)])
    g = b.grid()
    assert len(g.rows) == 2 and g.rows[0][0].rowspan == 2


def test_ragged_rows_padded_with_none() -> None:
    b = GridBuilder()
    b.add_html_row([("a", 1, 1, None), ("b", 1, 1, None), ("c", 1, 1, None)])
    b.add_html_row([("d", 1, 1, None)])
    g = b.grid()
    assert g.rows[1][1:] == [None, None] and g.width == 3


def test_extend_down_grows_the_cell_above() -> None:
    b = GridBuilder()
    top = b.place(0, 0, "merged", 1, 2)
    b._ensure(1, 1)
    assert b.extend_down(1, 0) is top
    b._ensure(2, 1)
    b.extend_down(2, 0)
    g = b.grid()
    assert top.rowspan == 3 and all(g.rows[r][c] is top for r in range(3) for c in range(2))
