"""Achieved figures: rules stated for the causes that recur on the spent blind sets and the dev
set (issue 10, figures14). Each rule with made-up, table-driven cases and the counter-cases that
keep it from reaching too far. The rules are in luoshi/extract/rules and docs/analysis.md."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.extract import analyze_task
from luoshi.ingest import Period
from luoshi.vocab import PeriodKind

from .conftest import Q3, task

ANNUAL = Period(PeriodKind.ANNUAL, "全年", date(2023, 12, 31))


def figures(text, done, period=Q3):
    """Every achieved figure read (measurements of targets and other figures), as (value, unit)."""
    a = analyze_task(task(text, done), period)
    return sorted((m.value, m.unit) for m in a.measurements + a.figures)


# A small count in Chinese numerals names the things its sentence is about, or how often, unless
# a verb of result governs it (rules.CN_COUNT_REFERENCE_MAX).
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("三处校舍改造项目目前正在加紧施工。", []),
        ("两所小学开始铺设操场面层。", []),
        ("氨氮、总磷、化学需氧量三项指标均已完成减排目标。", []),
        ("每月两次组织开展安全巡查。", []),
        ("土地整治项目两个约40亩,均已完成招标。", [(40, "亩")]),
        # a verb of result before it: a tally
        ("已建成三座公园。", [(3, "座")]),
        ("已完成两个村的道路硬化。", [(2, "个")]),
        # digits are a tally, whatever the verb
        ("3处校舍改造项目正在加紧施工。", [(3, "处")]),
        # a larger count in words is a tally too
        ("二十个村庄开始铺设管网。", [(20, "个")]),
    ],
)
def test_a_small_chinese_count_names_things_unless_a_result_verb_governs_it(done, expected):
    assert figures("推进城乡建设", done) == expected


# A level without a unit: a bare number right after an index, coefficient or multiple's noun, ending
# its phrase, is a level reached, of unit "" (rules.INDEX_LEVEL).
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("城乡居民收入倍差1.71。", [(1.71, "")]),
        ("全市农村公路路况指数达88,完成年度任务。", [(88, "")]),
        ("空气质量综合指数为3.9,同比改善4%。", [(3.9, ""), (4, "%")]),
        # a per cent or a date after the noun is no level without a unit
        ("居民消费价格指数上涨1.8%。", [(1.8, "%")]),
        ("发布指数2项。", [(2, "项")]),
        # a bare number after any other noun stays meaningless
        ("路况良好,评分88。", []),
    ],
)
def test_a_bare_number_after_an_index_noun_is_a_level_of_no_unit(done, expected):
    assert figures("推进民生改善", done) == sorted(expected)


# A work's name heading what follows (a clause ending in a colon, or a sentence of its own opened
# by 一是 …), naming a work and saying nothing done: its figures are the work's size
# (rules.WORK_NAME_END).
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("1.甲小学等5所学校屋面改造工程:目前正在招标;\n2.乙镇8个村道路硬化项目:正在方案设计。", []),
        ("一是城东1.2万套保障房建设。截至10月底,已有9000套开工。", [(9000, "套")]),
        ("二是城西3000套保障房建设任务。已开工2800套。", [(2800, "套")]),
        # a heading that says something done reports it
        ("1.甲小学等5所学校屋面改造工程已完工:正在验收结算。", [(5, "所")]),
        ("一是已建成3000套保障房。", [(3000, "套")]),
        # a clause before a colon that names no work is no heading of a work
        ("生活小区(30个):13个已完成改造。", [(13, "个"), (30, "个")]),
        # a work named in the middle of a sentence is read as ever
        ("完成城西3000套保障房建设,交付2000套。", [(2000, "套"), (3000, "套")]),
    ],
)
def test_a_figure_in_a_heading_naming_a_work_is_its_size_not_progress(done, expected):
    assert figures("推进城乡建设", done) == sorted(expected)


# X of Y: a set, then a verb of result (完工 among them, as 竣工) and the part of it done: the set
# is no achieved figure (rules.SUBJECT_LINK_VERBS).
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("40个村的供水改造工程已完工31个村。", [(31, "个")]),
        ("12所学校的维修项目已竣工9所。", [(9, "所")]),
        # two sets side by side, no verb of result between them: both are figures
        ("新建12所学校、40个村卫生室。", [(12, "所"), (40, "个")]),
    ],
)
def test_x_of_y_the_set_before_a_verb_of_result_is_no_achieved_figure(done, expected):
    assert figures("推进城乡供水", done) == sorted(expected)


# A gap to the target is what remains (rules.REMAINDER_WORDS).
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("已完成改造120户,距年度目标还差30户。", [(120, "户")]),
        ("新增就业2600人,与全年目标相差400人。", [(2600, "人")]),
        ("新增就业2600人,同比多增400人。", [(400, "人"), (2600, "人")]),
    ],
)
def test_a_gap_to_the_target_remains(done, expected):
    assert figures("稳定就业", done) == sorted(expected)


# Ranks: the rank moved to is the one reported, not the one it moved from; a tier is no rank
# (rules.RANK_MOVED_TO, rules.RANK_TIER_AFTER).
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("增速全省排名由第11位上升至第6位。", [(6, "位")]),
        ("全市排名从第4位下降到第9位。", [(9, "位")]),
        ("综合考核位列全省第一方阵。", []),
        ("营商环境评价进入全市第二梯队。", []),
        # a rank with no move is read as ever
        ("增速居全省第3位,排名上升2位。", [(2, "位"), (3, "位")]),
    ],
)
def test_a_rank_moved_to_another_reports_the_new_rank_and_a_tier_is_no_rank(done, expected):
    assert figures("争先进位", done) == sorted(expected)


# What was due is no achieved figure: 应 + a verb before the figure (rules.DUE_VERB).
@pytest.mark.parametrize(
    ("done", "expected"),
    [
        ("应开工项目24个,实际开工21个。", [(21, "个")]),
        ("完成投资18%,按序时应达到75%。", [(18, "%")]),
        # 应 inside a word is no due
        ("保障供应完成蔬菜1.5万吨。", [(1.5, "万吨")]),
        ("相应完成改造40户。", [(40, "户")]),
    ],
)
def test_a_figure_after_ying_and_a_verb_is_what_was_due(done, expected):
    assert figures("推进项目建设", done) == sorted(expected)
