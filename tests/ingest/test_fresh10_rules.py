"""Rules from the tune half of fresh10 (issue 9), on made-up pages and cells:

- header keys use OpenCC's phrase rules (計畫名稱 = 计划名称) and Taiwan's words (情形, 機關);
- PERIOD COLUMNS: a period header (第1季) counts in a task-first header; PERIOD STATUS COLUMNS:
  period columns holding only grades (高風險, 黄灯) are declared status;
- a cells-per-line table below a paragraph and a caption is found;
- SECTIONS FORM: TASK IN A SENTENCE and PRINTED TWICE;
- prose lists: SUB-POINTS continue their item, PLAIN GROUP HEADINGS, SLASH RULE for units;
- QUOTED PROJECTS in a news-shaped report;
- metadata: ROC years, ISSUE MONTH, a work report's title (业务报告).
"""

from datetime import date

import pytest

from luoshi.ingest import read_document
from luoshi.ingest.headers import header_role
from luoshi.ingest.layout import GROUP_KEY
from luoshi.ingest.metadata import arabic_years, read_meta
from luoshi.ingest.period_status import is_grade
from luoshi.ingest.periods import parse_period
from luoshi.ingest.units import split_units
from luoshi.vocab import ColumnRole as R

HEADER_CASES = [
    ("計畫名稱", False, R.TASK),  # 畫 in 計畫 is 划, not 画
    ("计划名称", False, R.TASK),
    ("政策項目", False, R.TASK),
    ("建設項目", False, R.TASK),
    ("主管機關", True, R.UNITS),
    ("主辦機關", True, R.UNITS),
    ("辦理情形及進度", True, R.DONE),
    ("執行情形", True, R.DONE),
    ("办理情况", True, R.DONE),
    ("第1季", True, R.OTHER),  # a period alone names no role: its cells decide
    ("計畫", False, R.OTHER),
]


@pytest.mark.parametrize(("header", "have_task", "role"), HEADER_CASES)
def test_header_words(header: str, have_task: bool, role: R) -> None:
    assert header_role(header, have_task) is role


GRADE_CASES = [
    ("高風險", True),
    ("中风险", True),
    ("低風險", True),
    ("黄灯", True),
    ("滞后", True),
    ("風險", False),
    ("高", False),
    ("完成投资5亿元", False),
]


@pytest.mark.parametrize(("text", "grade"), GRADE_CASES)
def test_grades(text: str, grade: bool) -> None:
    assert is_grade(text) is grade


def _graded_table(cells: list[str]) -> bytes:
    lines = [
        "為改善公共工程之執行,本院建立預警機制,依季檢討各計畫之風險程度,經查部分計畫改善有限,"
        "其風險變化如下表,允宜檢討改進。",
        "表1 115年度預警計畫風險變化一覽表",
        "計畫名稱",
        "主管機關",
        "第1季",
        "第2季",
        "第3季",
        "第4季",
        "北區污水下水道第三期計畫",
        "內政部",
        *cells[:4],
        "南區自行車道串連計畫",
        "交通部",
        *cells[4:],
    ]
    return "\n".join(lines).encode()


def test_period_columns_of_grades_are_declared_status() -> None:
    grades = ["低風險", "中風險", "高風險", "高風險", "中風險", "中風險", "低風險", "低風險"]
    doc = read_document(_graded_table(grades), name="graded.txt")
    assert [c.role for c in doc.columns] == [R.TASK, R.UNITS, *[R.DECLARED_STATUS] * 4]
    assert [t.text for t in doc.tasks] == ["北區污水下水道第三期計畫", "南區自行車道串連計畫"]
    assert [t.units for t in doc.tasks] == [["內政部"], ["交通部"]]
    assert doc.tasks[0].extra["第4季"] == "高風險"
    assert any("declared status of each period" in w.message for w in doc.warnings)


def test_period_columns_of_figures_keep_their_role() -> None:
    figures = ["1200", "1500", "1800", "2100", "300", "350", "400", "450"]
    doc = read_document(_graded_table(figures), name="figures.txt")
    assert R.DECLARED_STATUS not in [c.role for c in doc.columns]


def test_cells_per_line_table_in_traditional_script_below_a_title() -> None:
    lines = [
        "2031年5月2日 星期五",
        "【某院】跨部會政策協調業務報告(120年3月)",
        "資料時間:120.3.20",
        "序號",
        "政策項目",
        "辦理情形及進度",
        "1",
        "數位學習",
        "已完成偏鄉學校網路升級30校。",
        "2",
        "社區照顧",
        "一、規劃社區照顧據點:",
        "(一)已完成據點評選,核定12處。",
    ]
    doc = read_document("\n".join(lines).encode(), name="policy.txt")
    assert [c.role for c in doc.columns] == [R.SERIAL, R.TASK, R.DONE]
    assert [t.text for t in doc.tasks] == ["數位學習", "社區照顧"]
    # the cell's own outline (一、 / (一)) is its text, not rows
    assert doc.tasks[1].items[0].done.startswith("一、規劃社區照顧據點")
    assert "核定12處" in doc.tasks[1].items[0].done


def _quoted_form(twice: bool) -> bytes:
    body = [
        "2031年市文旅局民生实事项目上半年进展情况",
        "来源:某市文旅局  发布日期:2031-07-02",
        "一、工作总体进展情况",
        "市文旅局承担市政府民生实事“新建城市书房20家”项目,上半年进展情况如下:",
        "选定点位并完成设计,截至6月底,已建成城市书房9家,总体进展顺利。",
        "二、下一步工作重点",
        "加快剩余点位装修,年底前全部建成开放。",
    ]
    chrome = ["是否继续访问?本链接为站外链接。"]
    lines = body + chrome + body + ["网站标识码:0000000000"] if twice else body
    return "\n\n".join(lines).encode()


@pytest.mark.parametrize("twice", [False, True])
def test_one_task_form_quoted_in_a_sentence(twice: bool) -> None:
    doc = read_document(_quoted_form(twice), name="form.txt")
    assert [c.role for c in doc.columns] == [R.TASK, R.DONE, R.NEXT_STEPS]
    assert len(doc.tasks) == 1
    t = doc.tasks[0]
    assert t.text == "新建城市书房20家"
    assert t.items[0].done == "选定点位并完成设计,截至6月底,已建成城市书房9家,总体进展顺利。"
    assert t.items[0].next_steps == "加快剩余点位装修,年底前全部建成开放。"
    assert any("prints the same sections twice" in w.message for w in doc.warnings) is twice


def test_two_quoted_tasks_are_no_form() -> None:
    lines = [
        "一、工作总体进展情况",
        "市文旅局承担“新建城市书房20家”和“改造公园5个”项目,进展如下:",
        "已建成书房9家,改造公园2个。",
        "二、下一步工作重点",
        "加快进度。",
    ]
    with pytest.raises(Exception):  # noqa: B017 (refused: the error type is the reader's)
        read_document("\n\n".join(lines).encode(), name="two.txt")


def test_sub_points_and_group_headings_in_a_prose_list() -> None:
    lines = [
        "某区政府公布年度主要绩效指标",
        "青年发展工作组",
        "1. 为不少于500名青年提供职业导师配对。(民政事务局/劳工局)",
        "社区环境工作组",
        "2. 改善社区卫生:",
        "- 清理卫生黑点不少于200个。(环境局)",
        "- 每年开展联合清洁行动约300次。(房屋局)",
        "3. 于年底前完成街道管理法规检视。(环境局/相关政策局)",
    ]
    doc = read_document("\n".join(lines).encode(), name="kpi.txt")
    assert [t.serial for t in doc.tasks] == ["1", "2", "3"]
    assert doc.tasks[0].units == ["民政事务局", "劳工局"]
    assert doc.tasks[1].units == ["环境局", "房屋局"]
    assert "清理卫生黑点" in doc.tasks[1].text
    assert doc.tasks[2].units == ["环境局", "相关政策局"]
    assert [t.extra.get(GROUP_KEY) for t in doc.tasks] == [
        "青年发展工作组",
        "社区环境工作组",
        "社区环境工作组",
    ]


SLASH_CASES = [
    ("政务司司长办公室/劳工及福利局", ["政务司司长办公室", "劳工及福利局"]),
    ("市住建局／市财政局", ["市住建局", "市财政局"]),
    ("翻新/美化工作", ["翻新/美化工作"]),
    ("市住建局/城投", ["市住建局/城投"]),
]


@pytest.mark.parametrize(("cell", "units"), SLASH_CASES)
def test_slash_between_units(cell: str, units: list[str]) -> None:
    assert split_units(cell)[0] == units


def _quoted_news(n: int) -> bytes:
    projects = [
        "“城乡供水提质”项目,完成投资2.5亿元,占年度投资计划61.2%,新建管网120公里。",
        "截至9月底,“全民健身设施补短板”工程,已建成口袋公园14个、健身步道30公里。",
        "“老旧小区改造”项目,累计完成投资3.1亿元,开工小区42个。",
    ]
    lines = [
        "某市民生实事项目最新进展",
        "截至9月底,全市15件为民办实事项目累计完成投资20.3亿元,占年度计划的71%。",
        " ".join(projects[:n]),
    ]
    return "\n\n".join(lines).encode()


def test_quoted_projects_in_news_are_a_list() -> None:
    doc = read_document(_quoted_news(3), name="quoted.txt")
    assert [c.role for c in doc.columns] == [R.TASK, R.DONE]
    assert [t.text for t in doc.tasks] == [
        "“城乡供水提质”项目",
        "“全民健身设施补短板”工程",
        "“老旧小区改造”项目",
    ]
    assert doc.tasks[0].items[0].done == "完成投资2.5亿元,占年度投资计划61.2%,新建管网120公里。"
    assert doc.tasks[1].items[0].done == "已建成口袋公园14个、健身步道30公里。"
    assert any("the alternative is news" in w.message for w in doc.warnings)


def test_one_quoted_project_is_no_list() -> None:
    with pytest.raises(Exception):  # noqa: B017 (refused as news: the error type is the reader's)
        read_document(_quoted_news(1), name="one.txt")


ROC_CASES = [
    ("民國108年度計畫", "2019年度計畫"),
    ("民国99年", "2010年"),
    ("政策協調業務報告(106年2月)", "政策協調業務報告(2017年2月)"),
    ("115年度預警計畫一覽表", "2026年度預警計畫一覽表"),
    ("庆祝建党100年", "庆祝建党100年"),  # a count of years, not a date
    ("100年一遇洪水", "100年一遇洪水"),
    ("2024年3月", "2024年3月"),
]


@pytest.mark.parametrize(("text", "want"), ROC_CASES)
def test_roc_years(text: str, want: str) -> None:
    assert arabic_years(text) == want


ISSUE_MONTH_CASES = [
    ("某院業務報告(2031年4月)", 4),
    ("某局月报（2031年11月份）", 11),
    ("某院業務報告(2031年4月)补充说明", None),  # the bracket does not close the title
]


@pytest.mark.parametrize(("title", "month"), ISSUE_MONTH_CASES)
def test_issue_month(title: str, month: int | None) -> None:
    period = parse_period(title, 2031)
    assert (period.month if period else None) == month


def test_title_of_a_periodic_work_report() -> None:
    meta, _ = read_meta(["【某院】政務委員督導及跨部會業務報告(120年3月)", "資料時間:120.3.20"])
    assert meta.year == 2031
    assert meta.period is not None and meta.period.end_date == date(2031, 3, 31)
