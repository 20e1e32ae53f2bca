"""The structured readers through read_document: chosen by content, clear errors for bad files."""

from __future__ import annotations

import io

import docx
import pytest

from luoshi.export import write_document
from luoshi.ingest import IngestError, formats, read_document
from luoshi.ingest.formats.sniff import CFB_SIGNATURE
from tests.formats.docgen import seed004_like


def test_all_formats_registered() -> None:
    assert {"html", "docx", "xlsx", "pdf", "csv", "json", "text"} <= set(formats())


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx", "csv", "json"])
def test_content_not_name_decides(fmt: str) -> None:
    data = write_document(seed004_like(3), fmt)
    name = "download.csv" if fmt == "csv" else "download.bin"  # CSV has no magic: its name tells
    assert read_document(data, name=name).format == fmt


def _docx_without_table() -> bytes:
    d = docx.Document()
    d.add_paragraph("2020年度重点工作任务完成情况")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (_docx_without_table(), "notable.docx", "no table in the Word document"),
        (write_document(seed004_like(3), "xlsx")[:900], "cut.xlsx", "corrupt .xlsx"),
        (CFB_SIGNATURE + b"\0" * 600, "locked.xlsx", "encrypted (password-protected) or old .xls"),
        (CFB_SIGNATURE + b"\0" * 600, "old.doc", "encrypted .docx or old .doc"),
        ("<html><body><p>栏目首页</p></body></html>".encode(), "index.html", "no table found"),
        ("<table><tr><td>甲</td><td>乙</td></tr></table>".encode(), "t.html",
         "no table with a recognisable header row"),
    ],
)
def test_bad_files_name_file_and_reason(data: bytes, name: str, reason: str) -> None:
    with pytest.raises(IngestError) as exc:
        read_document(data, name=name)
    assert str(exc.value).startswith(f"{name}") and reason in str(exc.value)


GOV_PAGE = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>2020年度市政府重点工作任务前三季度完成情况</title><script src="x.js"></script></head><body>
<div class="crumb">当前位置:<a>舟山市人民政府</a>&gt; <a>法定主动公开内容</a>&gt;</div>
<table class="xxgk"><tr><td>索引号</td><td>001008009005001/2020-179780</td></tr>
<tr><td>组配分类</td><td>市政府工作报告</td><td>发布机构</td><td>市政府办公室</td></tr>
<tr><td>生成日期</td><td>2020-10-29</td><td>公开方式</td><td>主动公开</td></tr></table>
<h2>2020年度市政府重点工作任务前三季度完成情况</h2><p>发布日期:2020-10-29</p>
<table><tbody>
<tr><td>序号</td><td>任务内容</td><td>责任单位</td><td>前三季度完成情况</td><td>存在问题及困难</td><td>下一步工作</td></tr>
<tr><td>1</td><td>建设海岛公园。</td><td>市发改委、市财政局(列第一位者为工作牵头或汇总单位,下同)</td>
<td><p>1.完成投资5亿元。</p><p>2.新增泊位3个。</p></td><td>——</td><td>加快推进。</td></tr>
<tr><td>序号</td><td>任务内容</td><td>责任单位</td><td>前三季度完成情况</td><td>存在问题及困难</td><td>下一步工作</td></tr>
<tr><td rowspan="2">2</td><td rowspan="2">推进数字政府建设。</td><td rowspan="2">市府办(市大数据局)</td>
<td><strong>城市大脑建成应用。</strong><br>完成平台部署。</td><td>资金不足。</td><td>争取支持。</td></tr>
<tr><td>政务服务改革。<br>上线事项570个。</td><td></td><td>——</td></tr>
</tbody></table><div class="footer">主办单位:舟山市人民政府办公室</div></body></html>"""


def test_government_page_to_document() -> None:
    doc = read_document(GOV_PAGE.encode("gb18030"), name="page.html")
    assert doc.format == "html"
    m = doc.meta
    assert (m.title, m.index_no, m.publisher, m.government, m.year) == (
        "2020年度市政府重点工作任务前三季度完成情况", "001008009005001/2020-179780", "市政府办公室", "舟山市", 2020)
    assert m.period is not None and m.period.end_date.isoformat() == "2020-09-30"
    assert m.notes == ["(列第一位者为工作牵头或汇总单位,下同)"]
    assert [t.serial for t in doc.tasks] == ["1", "2"]  # the repeated header row is no task
    t1, t2 = doc.tasks
    assert t1.units == ["市发改委", "市财政局"]
    assert t1.items[0].done == "1.完成投资5亿元。\n2.新增泊位3个。" and t1.items[0].problems == ""
    assert [(i.heading, i.done, i.problems, i.next_steps) for i in t2.items] == [
        ("城市大脑建成应用。", "完成平台部署。", "资金不足。", "争取支持。"),
        ("政务服务改革。", "上线事项570个。", "", ""),
    ]
