"""Government, year and period of pages without a dated title, or whose title names a
department (issue 9, meta15; rules in government.py and untitled.py). Made-up text."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.metadata import read_meta
from luoshi.ingest.model import Meta
from luoshi.ingest.periods import header_period
from luoshi.ingest.untitled import year_from_keys, year_of_targets

# DEPARTMENT OF A NAMED PLACE: a title opening with a department whose name opens with its
# place names the place, warned with the department; a department named by its level only
# (市机关事务管理局) is still the government itself.
DEPARTMENT_TITLES = [
    (["青石区文化旅游体育广电局2030年7月为民办实事逐月进展情况"], "青石区", "青石区文化旅游体育广电局"),
    (["安澜市民政局2031年民生实事项目实施进度表"], "安澜市", "安澜市民政局"),
    (["临溪县农业农村局2030年重点工作落实情况"], "临溪县", "临溪县农业农村局"),
    (["安澜市临溪区教育局2030年重点工作任务清单"], "临溪区", "安澜市临溪区教育局"),
    (["2030年青石县住房和城乡建设局重点工作完成情况"], "青石县", "青石县住房和城乡建设局"),
    (["市机关事务管理局2030年重点工作任务清单"], "市机关事务管理局", ""),
    (["区住房和城乡建设局2030年重点工作任务清单"], "区住房和城乡建设局", ""),
]


@pytest.mark.parametrize(("preamble", "government", "alternative"), DEPARTMENT_TITLES)
def test_department_of_a_named_place_names_the_place(preamble, government, alternative):
    meta, warnings = read_meta(preamble)
    assert meta.government == government
    said = [w for w in warnings if "department" in w]
    assert said, warnings
    if alternative:
        assert alternative in said[0] and "own" in said[0]


# HEADER AS-OF DAY: a progress column's header naming one day is the as-of date of the report.
HEADER_DAYS = [
    ("最新进度(8月24日)", 2031, "month", date(2031, 8, 24)),
    ("8月24日进展情况", 2031, "month", date(2031, 8, 24)),
    ("推进情况(截至9月30日)", 2031, "q3", date(2031, 9, 30)),
    ("最新进度(8月24日)", None, "month", None),
    ("最新进度", 2031, None, None),
    ("完成时间(8月24日)", 2031, None, None),  # a deadline, not an as-of day
    ("7月1日-8月24日进展", 2031, None, None),  # a span
    ("8月10日开标进度", 2031, "month", date(2031, 8, 10)),
]


@pytest.mark.parametrize(("header", "year", "kind", "end"), HEADER_DAYS)
def test_header_as_of_day(header, year, kind, end):
    period = header_period(header, year)
    if kind is None:
        assert period is None
        return
    assert period is not None and str(period.kind) == kind and period.end_date == end


def test_unknown_progress_header_with_a_day_gives_the_period(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "安澜市民政局2031年民生实事项目实施进度表\n"
        "序号 | 实施内容 | 责任单位 | 最新进度(8月24日) |\n"
        "1 | 新建养老服务站10个 | 民政局 | 已建成6个 |\n"
        "2 | 改造适老化住房400户 | 民政局 | 已完成220户 |\n",
        encoding="utf-8",
    )
    doc = read_document(page)
    assert doc.meta.government == "安澜市"
    assert doc.meta.period is not None and doc.meta.period.end_date == date(2031, 8, 24)
    assert any("progress column's header" in w.message for w in doc.warnings)


# TOPIC YEAR: on a page without a title, a year set off by a comma as a clause of its own in
# the opening gives the year (period unknown); a year running on into its clause does not.
TOPIC_YEARS = [
    (["2月11日,记者从青石县人代会上了解到,2031年,青石县继续为群众办好十件好事。"], 2031),
    (["去年的实事都办完了", "2032年01月20日 来源:", "某某晚报",
      "2031年,安澜市在政府工作报告中提出为市民办好15件好事。如今已全部办完。"], 2031),
    (["2031年全市生产总值增长6%,居民收入增长5%。"], None),
    # ALL DONE: the counted list all done makes it the year-end report (annual)
    (["去年承诺的12件好事全办完了", "2032年01月20日 来源:",
      "2031年,安澜市承诺为市民办12件好事。目前12件好事已经全部完成。"], 2031),
    (["记者了解到,与2030年相比,今年的好事更多。"], None),
]


@pytest.mark.parametrize(("preamble", "year"), TOPIC_YEARS)
def test_topic_year_of_a_page_without_a_title(preamble, year):
    meta, warnings = read_meta(preamble)
    assert meta.title == ""
    assert meta.year == year
    if year is not None:
        assert any("sets it off" in w for w in warnings)
        done = any("全部完成" in p for p in preamble)
        assert (meta.period is not None) == done
        if done:
            assert str(meta.period.kind) == "annual"
            assert meta.period.end_date == date(year, 12, 31)


def test_one_task_done_is_no_year_end():
    meta, _ = read_meta(["2031年,青石县新建公园3个,全面完成目标任务。"])
    assert meta.year == 2031 and meta.period is None


# YEAR-QUARTER KEYS: the latest row key's year, when the page names none.
KEYED = [
    (["年度季别", "里程碑", "执行概况"], ["1121", "1114", "1113"], None, 2023),
    (["年度季別", "里程碑", "执行概况"], ["1072", "1081"], None, 2019),
    (["年度季别", "里程碑", "执行概况"], ["20312", "20304"], None, 2031),
    (["年度季别", "里程碑", "执行概况"], ["1121", "1114"], 2030, 2030),  # the page's own year
    (["序号", "任务", "进展"], ["1121", "1114"], None, None),  # no key column
    (["年度季别", "里程碑", "执行概况"], ["1121", "说明"], None, None),  # not every serial a key
    (["年度季别", "里程碑", "执行概况"], ["1125"], None, None),  # no fifth quarter
]


@pytest.mark.parametrize(("headers", "serials", "year", "want"), KEYED)
def test_year_from_year_quarter_keys(headers, serials, year, want):
    meta = Meta(year=year)
    why = year_from_keys(meta, headers, serials)
    assert meta.year == want
    assert (why is not None) == (year is None and want is not None)


def test_space_rows_keyed_by_year_and_quarter_take_the_latest_year(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "受理提案单位:某某区公所 | 序号:106000001\n\n青石步道改善\n\n"
        "年度季别里程碑工作内容说明近期执行概况说明\n"
        "1122 完成步道铺面工程 已完成验收\n"
        "1121 完成设计发包 已于3月决标\n"
        "1114 办理规划设计 已完成规划\n",
        encoding="utf-8",
    )
    doc = read_document(page)
    assert [t.serial for t in doc.tasks] == ["1122", "1121", "1114"]
    assert doc.meta.year == 2023
    assert any("latest row key" in w.message for w in doc.warnings)


# A breadcrumb's steps are source lines: a step naming a department of a named place names it.
BREADCRUMBS = [
    (["首页>政府信息公开>部门信息公开目录>青石区文化旅游体育广电局>为民办实事",
      "2030年7月为民办实事进展情况"], "青石区"),
    (["首页 > 信息公开 > 青石县农业农村局", "2030年重点工作落实情况"], "青石县"),
    (["首页>新闻>图片新闻", "2030年重点工作落实情况"], ""),
    (["首页>部门>区住房和城乡建设局", "2030年重点工作落实情况"], ""),  # a level word only
]


@pytest.mark.parametrize(("preamble", "government"), BREADCRUMBS)
def test_breadcrumb_step_naming_a_department_of_a_place(preamble, government):
    meta, warnings = read_meta(preamble)
    assert meta.government == government
    if government:
        assert any("departments" in w for w in warnings)


# YEAR OF THE TARGETS: one target year in the cells of a page naming no year.
TARGET_YEARS = [
    (["新建公园3个", "2031年目标建成垃圾分类亭100个"], None, 2031),
    (["2031年度计划改造道路5公里"], None, 2031),
    (["到2031年目标建成公园10个"], None, None),  # a deadline
    (["2031年底前建成公园3个"], None, None),  # a deadline, no target word
    (["2031年目标建成3个", "2032年目标建成5个"], None, None),  # two years
    (["2031年目标建成3个"], 2030, 2030),  # the page's own year stands
]


@pytest.mark.parametrize(("cells", "year", "want"), TARGET_YEARS)
def test_year_of_the_targets(cells, year, want):
    meta = Meta(year=year)
    why = year_of_targets(meta, cells)
    assert meta.year == want
    assert (why is not None) == (year is None and want is not None)


def test_a_table_without_a_year_takes_its_target_year(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "序号 | 项目名称 | 项目内容 | 当前进展情况 | 主办单位 |\n"
        "1 | 垃圾分类工程 | 2031年目标建成垃圾分类亭100个 | 已建成80个 | 县城管局 |\n"
        "2 | 公园建设工程 | 新建口袋公园5个 | 已建成3个 | 县住建局 |\n",
        encoding="utf-8",
    )
    doc = read_document(page)
    assert len(doc.tasks) == 2
    assert doc.meta.year == 2031
    assert any("target" in w.message for w in doc.warnings)
