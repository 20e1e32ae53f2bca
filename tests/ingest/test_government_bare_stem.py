"""The government named only by its level, and by a bare stem above the table (新沂资讯,
兰州日报): government.infer_government's last resort (placenames.stems_named). Made-up text."""

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
    # the tasks name the places they concern, not the page's own: not read
    (CITY_TITLE, [], ["在兰州举办推介会", "兰州未来大会"], ""),
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
