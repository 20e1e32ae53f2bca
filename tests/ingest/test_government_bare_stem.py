"""The government named only by its level, and by a bare stem above the table (新沂资讯,
兰州日报) or, failing that, in the table's cells (OWN PLACE IN THE CELLS, three times at
least): government.infer_government's last resort (placenames.stems_named). Made-up text."""

from __future__ import annotations

import pytest

from luoshi.ingest.government import infer_government

CITY_TITLE = "2030年市委市政府为民办实事项目"
CASES = [
    # a breadcrumb naming the city twice by its stem: taken, warned
    (CITY_TITLE, ["当前位置:兰州新闻网 - 本地 - 兰州要闻"], [], "兰州市"),
    # a byline and a breadcrumb
    (CITY_TITLE, ["兰州日报记者 张三", "来自兰州发布"], [], "兰州市"),
    # the province level: 福建 + 省
    ("2030年省委省政府为民办实事项目", ["福建要闻", "福建新闻联播"], [], "福建省"),
    # once is not enough
    (CITY_TITLE, ["兰州新闻网"], [], ""),
    # two places named as often: none
    (CITY_TITLE, ["兰州新闻 西宁新闻", "兰州 西宁"], [], ""),
    # the tasks name the places they concern: twice in the cells is not enough
    (CITY_TITLE, [], ["在兰州举办推介会", "兰州未来大会"], ""),
    # the cells name the city's own school, zone and product three times: taken, warned
    (CITY_TITLE, [], ["兰州中学新建教学楼", "兰州经济开发区完成投资", "推广兰州牛肉面"], "兰州市"),
    # ... unless another place is named as often
    (CITY_TITLE, [], ["兰州中学 西宁中学", "兰州经开区 西宁经开区", "兰州项目 西宁项目"], ""),
    # a stem above the table wins over the cells
    (CITY_TITLE, ["西宁日报 西宁发布"], ["兰州中学", "兰州经开区", "兰州项目", "兰州公园"], "西宁市"),
]


@pytest.mark.parametrize(("title", "preamble", "body", "want"), CASES)
def test_bare_stem(title: str, preamble: list[str], body: list[str], want: str) -> None:
    government, warning = infer_government(title, [], body, preamble=preamble)
    assert government == want
    assert warning is not None
    if want:
        assert "without" in warning and want[:-1] in warning


def test_a_runner_up_is_named() -> None:
    government, warning = infer_government(
        CITY_TITLE, [], [], preamble=["兰州新闻网 兰州要闻 兰州发布", "西宁新闻"]
    )
    assert government == "兰州市"
    assert warning is not None and "西宁市" in warning


def test_cells_warning_says_the_tasks_may_concern_it() -> None:
    _, warning = infer_government(
        CITY_TITLE, [], ["兰州中学新建教学楼", "兰州经济开发区完成投资", "推广兰州牛肉面"]
    )
    assert warning is not None and "cells" in warning and "concern" in warning


CABINETS = [
    # a cabinet standing alone as the source line, or its general office
    ("2030年重点工作进展情况", ["国务院"], "国务院"),
    ("2030年重点工作进展情况", ["国务院办公厅"], "国务院"),
    # a title tag naming it (traditional script, read simplified)
    ("【行政院】2030年跨部會政策協調報告", [], "行政院"),
    # named inside a sentence it is what the page talks about: not taken
    ("2030年重点工作进展情况", ["落实国务院部署"], ""),
]


@pytest.mark.parametrize(("title", "context", "want"), CABINETS)
def test_cabinet(title: str, context: list[str], want: str) -> None:
    assert infer_government(title, context, [])[0] == want
