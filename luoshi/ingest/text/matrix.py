"""Tables that are not task lists: an indicator matrix with one column, or one row, per place
(指标名称 / 单位 / 苏州市 / 张家港 / 常熟 …, or 地区 / 全市 / 东坡区 …). luoshi reads task lists;
such a page is refused with a reason that says what it is, instead of "no header found"."""

from __future__ import annotations

import re

from luoshi.ingest.text.rows import Para

_PLACE = re.compile(
    r"^[\u4e00-\u9fa5]{1,8}(?:市|区|县|镇|乡|街道|新区|园区|开发区|高新区|州)$"
    r"|^(?:全市|全区|全县|全州|市本级|州直|市直|县直|区直)$"
)


def is_place(text: str) -> bool:
    """A place name (吉首市, 湘西高新区, 全市) as a table's row or column label."""
    return bool(_PLACE.match(text))


# A cell that is only a figure: 241, 86.3, 13.7%, -2 (a count or a share, never a task's name).
_FIGURE = re.compile(r"^[-+]?\d+(?:\.\d+)?[%％]?$")
_MIN_FIGURE_CELLS = 4


def figures_only(cells: list[str]) -> bool:
    """Whether a column's filled cells are mostly bare figures (at least four, and more than
    half of them): the column of a matrix of numbers, not a column of task names."""
    filled = [c.replace(" ", "") for c in cells if c.strip()]
    figures = sum(1 for c in filled if _FIGURE.match(c))
    return figures >= _MIN_FIGURE_CELLS and figures * 2 > len(filled)


# A whole region as a row label: 全省, 全市 … (the row of totals over the places under it).
_WHOLE = re.compile(r"^全(?:省|市|区|县|州|盟)$")
_BARE_NAME = re.compile(r"^[\u4e00-\u9fa5]{2,4}$")


def place_cells(cells: list[str], *, whole: bool = False) -> list[str]:
    """PLACE COLUMN: the place names of a column whose filled cells mostly name places (at
    least four, and more than half), else []: 吉首市, 全省, or a bare name of two to four
    characters that the gazetteer knows as a place (成都, 攀枝花 —
    :mod:`luoshi.ingest.placenames`). ``whole``: the column must also hold the whole region
    (全省, 全市 …: the row of totals over its parts). Such a column labels the rows of a
    summary by place, even under a task header — a project may be named after its county
    (青石县), but no task is named 全省. The gazetteer is asked only when most cells are
    bare names of two to four characters, which a task column's cells rarely are."""
    filled = [c.replace(" ", "").replace("\u3000", "") for c in cells if c.strip()]
    if whole and not any(_WHOLE.match(c) for c in filled):
        return []
    bare = [c for c in filled if _BARE_NAME.match(c)]
    if len(bare) < _MIN_FIGURE_CELLS or len(bare) * 2 <= len(filled):
        return []
    from luoshi.ingest.placenames import known_place  # (the gazetteer loads on first use)

    places = [
        c
        for c in filled
        if is_place(c) or _WHOLE.match(c) or (_BARE_NAME.match(c) and known_place(c, ""))
    ]
    return places if len(places) >= _MIN_FIGURE_CELLS and len(places) * 2 > len(filled) else []


_REGION_HEADER = re.compile(r"^(?:地区|区域|地区名称|市州|市县|县\(?市、?区\)?|区县|县区)$")
_MIN_PLACES = 4
_WINDOW = 120
_SHORT_NAME = re.compile(r"^[\u4e00-\u9fa5]{2,4}$")
_MIN_NAME_RUN = 6


def matrix_reason(paras: list[Para]) -> str | None:
    """Why the page is an indicator matrix, or None when it does not look like one: a run of
    short cells, at least four of them place names, right after a 序号/指标 header cell or
    under a 地区 header. A cell flattened one per line ending in a pipe (`序号 |`, `长沙市 |`) is
    read without its pipe: the flattening does not change what a cell says."""
    texts = [p.text.strip().strip("|｜").replace(" ", "").replace("\u3000", "") for p in paras]
    for i, t in enumerate(texts):
        if t in ("序号", "序號", "指标名称", "指标") or _REGION_HEADER.match(t):
            window = [x for x in texts[i + 1 : i + 1 + _WINDOW] if len(x) <= 10]
            places = [x for x in window if _PLACE.match(x) and not _REGION_HEADER.match(x)]
            # a header run of short names (张家港 / 常熟 / 太仓 …), some of them places
            run: list[str] = []
            for x in texts[i + 1 : i + 1 + _WINDOW]:
                if not _SHORT_NAME.match(x):
                    if len(run) >= _MIN_NAME_RUN:
                        break
                    run = []
                    continue
                run.append(x)
            named = len(run) >= _MIN_NAME_RUN and sum(1 for x in run if _PLACE.match(x)) >= 2
            if named:
                places = [x for x in run if x not in ("指标名称", "单位", "计量单位")]
            if len(places) >= _MIN_PLACES:
                shown = "/".join(places[:4])
                return (
                    f"an indicator matrix, one column or row per place ({shown} …), not a task "
                    "list: luoshi imports task lists (序号 / 任务 / 责任单位 / 进展)"
                )
    return None
