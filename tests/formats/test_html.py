"""HTML reader: spans, chrome, charsets, choosing the progress table, bad pages."""

from __future__ import annotations

import pytest

from luoshi.export.html import write_html
from luoshi.ingest.errors import IngestError
from luoshi.ingest.formats.html import read_html_grids
from tests.formats.docgen import (
    check_grid_identity,
    expected_signature,
    grid_signature,
    seed004_like,
)

PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>舟山市人民政府</title><script>document.write("<table><tr><td>序号</td><td>任务内容</td></tr></table>")</script>
<style>td {{ color: red }}</style></head><body>
<nav><a>首页</a> | <a>信息公开</a></nav>
<table class="meta"><tr><td>索引号</td><td>001008009005001/2020-179780</td></tr>
<tr><td>发布机构</td><td>市政府办公室</td></tr></table>
<h1>2020年度市政府重点工作任务前三季度完成情况</h1>
{table}
<footer>主办:舟山市人民政府办公室 <table><tr><td>序号</td><td>完成情况</td></tr></table></footer>
</body></html>"""

TABLE = """<table border="1">
<tr><th>序号</th><th>任 务 内 容</th><th>责任单位</th><th>前三季度完成情况</th></tr>
<tr><td rowspan="2">1</td><td rowspan="2">建成海岛公园。<br/>  推进港口物流。 </td>
    <td rowspan="2">市发改委、<br>市财政局</td><td><p><b>海岛公园。</b></p><p>完成投资5亿元。</p></td></tr>
<tr><td>港口物流。<br><br>新增3个泊位。</td></tr>
<tr><td>2</td><td colspan="2">合并的两格</td><td>——</td></tr>
</table>"""


def _grid(html: str, encoding: str = "utf-8"):
    grids = read_html_grids(html.encode(encoding), name="page.html")
    assert len(grids) == 1
    check_grid_identity(grids[0])
    return grids[0]


def test_spans_expanded_and_cell_text_lines() -> None:
    g = _grid(PAGE.format(table=TABLE), "gb18030")
    assert g.texts(1) == ["1", "建成海岛公园。\n推进港口物流。", "市发改委、\n市财政局", "海岛公园。\n完成投资5亿元。"]
    assert g.texts(2) == ["1", "建成海岛公园。\n推进港口物流。", "市发改委、\n市财政局", "港口物流。\n新增3个泊位。"]
    assert g.rows[1][0] is g.rows[2][0] and g.rows[1][0].rowspan == 2
    assert g.texts(3) == ["2", "合并的两格", "合并的两格", "——"]
    assert g.rows[3][1] is g.rows[3][2]
    assert g.rows[1][0].line == 10  # source line of the <td>


def test_chrome_ignored_and_preamble_kept() -> None:
    g = _grid(PAGE.format(table=TABLE), "gb18030")
    assert g.preamble == [
        "索引号 001008009005001/2020-179780",
        "发布机构 市政府办公室",
        "2020年度市政府重点工作任务前三季度完成情况",
    ]
    assert g.where == "table 2"  # the metadata table and the footer's table are not chosen


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [("gb2312", "gb18030"), ("GBK", "gb18030"), ("utf-8", "utf-8"), (None, "utf-8"), (None, "gb18030")],
)
def test_charsets(declared: str | None, encoding: str) -> None:
    meta = f'<meta charset="{declared}">' if declared else ""
    # 䶮 and 𠀀 are outside GB2312: a page declaring gb2312 may still hold them (GB18030).
    html = f"<html><head>{meta}</head><body>{TABLE.replace('合并的两格', '合并䶮𠀀')}</body></html>"
    g = _grid(html, encoding)
    assert g.texts(3)[1] == "合并䶮𠀀"


def test_fragment_without_html_element() -> None:
    g = _grid(TABLE)
    assert g.texts(0) == ["序号", "任 务 内 容", "责任单位", "前三季度完成情况"]


def test_layout_table_wrapping_the_progress_table() -> None:
    html = f"<table><tr><td>导航 序号</td></tr><tr><td>正文{TABLE}</td></tr></table>"
    g = _grid(html)
    assert g.texts(0)[0] == "序号" and len(g.rows) == 4


def test_two_progress_tables_each_reported_with_its_preamble() -> None:
    second = TABLE.replace("前三季度完成情况", "配合单位")
    grids = read_html_grids(f"<p>附件1</p>{TABLE}<p>附件2</p>{second}".encode(), name="p.html")
    assert [g.preamble for g in grids] == [["附件1"], ["附件2"]]
    assert grids[1].texts(0)[3] == "配合单位"


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<html><body><p>没有表格</p></body></html>", "no table found in the HTML page"),
        ("<html><body><script>'<table></table>'</script></body></html>", "no table found"),
        ("<html><body><table></table></body></html>", "no table with rows"),
    ],
)
def test_page_without_a_table(html: str, reason: str) -> None:
    with pytest.raises(IngestError) as exc:
        read_html_grids(html.encode(), name="nav.html")
    assert str(exc.value).startswith("nav.html: ") and reason in str(exc.value)


def test_seed004_shape_reads_back_cell_for_cell() -> None:
    doc = seed004_like(20)
    grids = read_html_grids(write_html(doc, header_every=6), name="gen.html")
    assert len(grids) == 1
    check_grid_identity(grids[0])
    assert grid_signature(grids[0]) == expected_signature(doc)
    headers = sum(grids[0].texts(r) == grids[0].texts(0) for r in range(len(grids[0].rows)))
    assert headers == 4  # the header and its three repeats (before tasks 7, 13, 19)


SUMMARY_BY_PLACE = (
    "<h1>2031年青禾县重点工作推进情况</h1>"
    "<table><tr><th>所属</th><th>项目个数</th><th>完成投资</th><th>完成率</th></tr>"
    + "".join(
        f"<tr><td>{p}</td><td>{n}</td><td>{n * 2}</td><td>{n * 5}%</td></tr>"
        for p, n in [("青石县", 12), ("平川县", 9), ("东河区", 15), ("北岭镇", 4)]
    )
    + "</table>"
)
TASK_TABLE = (
    "<table><tr><th>序号</th><th>重点任务</th><th>责任单位</th><th>进展情况</th></tr>"
    "<tr><td>1</td><td>新建幼儿园</td><td>县教育局</td><td>已建成。</td></tr>"
    "<tr><td>2</td><td>改造校舍</td><td>县住建局</td><td>主体完工。</td></tr></table>"
)


def test_summary_by_place_is_skipped_before_a_task_table_and_refused_alone() -> None:
    from luoshi.ingest import read_document

    doc = read_document(
        f"<html><body>{SUMMARY_BY_PLACE}{TASK_TABLE}</body></html>".encode(), name="t.html"
    )
    assert [t.text for t in doc.tasks] == ["新建幼儿园", "改造校舍"]
    assert doc.meta.title == "2031年青禾县重点工作推进情况"  # the title above the summary
    assert any("summary by place" in w.message for w in doc.warnings)
    with pytest.raises(IngestError, match="summary by place"):
        read_document(f"<html><body>{SUMMARY_BY_PLACE}</body></html>".encode(), name="s.html")
