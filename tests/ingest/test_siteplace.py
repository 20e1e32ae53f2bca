"""Issue 9: a page naming only the level of its government (区政府) and no place of that level
is the place its government site's address spells in pinyin (luoshi/ingest/siteplace.py):
www.longwan.gov.cn with 区政府 -> 龙湾区, warned; abbreviations and other sites give nothing;
a letter's addressee line (各镇人民政府、街道办事处:) names no level of the page's own."""

from __future__ import annotations

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.government import infer_government
from luoshi.ingest.governmentlevel import page_level
from luoshi.ingest.siteplace import page_source, places_spelled, site_label

# (url, the label before gov.cn)
LABELS = [
    ("http://www.longwan.gov.cn/art/2030/1/1/art_1.html", "longwan"),
    ("https://xxgk.zhoushan.gov.cn/art/2030/1/1/x.html", "zhoushan"),
    ("https://jgswglj.huainan.gov.cn/public/1.html", "huainan"),  # a department's site
    ("https://www.sx.gov.cn/art/1.html", ""),  # an abbreviation spells no stem
    ("http://bbs.example.com/thread-1.html", ""),  # no government site
    ("http://www.longwan.gov.cn.example.com/", ""),
    ("not a url", ""),
    ("", ""),
]


@pytest.mark.parametrize(("url", "label"), LABELS)
def test_site_label(url: str, label: str) -> None:
    assert site_label(url) == label


# (url, the level's suffix, the places spelled)
SPELLED = [
    ("http://www.longwan.gov.cn/a.html", "区", ["龙湾区"]),
    ("http://www.zhoushan.gov.cn/a.html", "市", ["舟山市"]),
    ("http://www.dongtou.gov.cn/a.html", "区", ["洞头区"]),  # listed as 洞头县, now a 区
    ("http://www.abcdefgh.gov.cn/a.html", "区", []),
    ("http://www.sx.gov.cn/a.html", "市", []),
]


@pytest.mark.parametrize(("url", "suffix", "want"), SPELLED)
def test_places_spelled(url: str, suffix: str, want: list[str]) -> None:
    assert places_spelled(url, suffix) == want


def test_a_level_alone_takes_the_place_the_site_spells_with_a_warning() -> None:
    government, why = infer_government(
        "2030年区政府工作报告重点工作完成情况",
        [],
        ["新建学校3所"],
        url="http://www.longwan.gov.cn/1",
    )
    assert government == "龙湾区"
    assert why is not None and "longwan.gov.cn" in why and "check it" in why


def test_a_place_the_text_names_beats_the_site() -> None:
    government, _ = infer_government(
        "2030年区政府工作报告重点工作完成情况",
        [],
        ["洞头区新建学校3所", "洞头区新增"],
        url="http://www.longwan.gov.cn/1",
    )
    assert government == "洞头区"


def test_no_level_no_site_place() -> None:
    government, _ = infer_government(
        "2030年重点工作完成情况", [], ["新建学校3所"], url="http://www.longwan.gov.cn/1"
    )
    assert government == ""


def test_the_page_being_read_gives_its_address() -> None:
    with page_source("http://www.longwan.gov.cn/1"):
        government, _ = infer_government("2030年区政府重点工作完成情况", [], ["新建学校3所"])
    assert government == "龙湾区"
    assert infer_government("2030年区政府重点工作完成情况", [], ["新建学校3所"])[0] == ""


def test_a_saved_page_s_url_line_names_its_government() -> None:
    page = "\n".join(
        [
            "URL: http://www.zhoushan.gov.cn/art/2030/7/30/art_1.html",
            "",
            "2030年度市政府重点工作任务半年度完成情况",
            "序号 | 任务内容 | 责任单位 | 完成情况 |",
            "1 | 新建学校3所 | 市教育局 | 已开工2所 |",
            "2 | 新增公交线路5条 | 市交通局 | 已开通3条 |",
        ]
    )
    doc = read_document(page.encode(), name="page.txt")
    assert doc.meta.government == "舟山市"
    assert any("zhoushan.gov.cn" in w.message for w in doc.warnings)


def test_an_addressee_line_names_no_level_of_the_page() -> None:
    preamble = ["各镇人民政府、街道办事处,区直各单位:", "现将工作任务分解如下。"]
    assert page_level("2030年工作任务分解表", [], preamble)[0] == ""
    preamble.append("安澜市某某区人民政府办公室")
    assert page_level("2030年工作任务分解表", [], preamble)[0] == "区"
