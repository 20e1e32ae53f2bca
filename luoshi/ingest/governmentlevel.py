"""The government of a page that names only a level (区政府, 市府办) or no place at all: the
level its title, source lines, text above the table or units give, then the place of that level
the text names most, the site's address spells, or the lines above the table and the cells name
by a bare stem; and a special administrative region named by 特区政府. Each warned.

Pure Python; :func:`luoshi.ingest.government.infer_government` calls
:func:`government_by_level` when no line names the government itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from luoshi.ingest.divisions import BODY_SCAN, LEVEL_RANK, NOT_IN_PLACE, NOT_PLACES
from luoshi.ingest.placenames import STEM_SCAN, places_named, stems_named
from luoshi.ingest.script import to_simplified
from luoshi.ingest.siteplace import current_url, places_spelled, site_label

# A level word before 政府 (or a 政府办公室's short forms 府办, 政府办): "区政府" says the page is a
# district's without naming it; 街道 has an 办事处 for a government.
# (特区政府 is a special administrative region's, no district's: see _SAR)
_LEVEL_WORD = re.compile(r"(省|市|州|盟|(?<!特)区|县|旗|镇|乡|街道)(?:人民)?(?:政府|府办|办事处)")
# SPECIAL ADMINISTRATIVE REGION: a page speaking of 特区政府 (特别行政区政府) is the government
# of the region it names, 澳门 or 香港 (the more often named), written in the page's script.
_SAR_GOVERNMENT = re.compile(r"特区政府|特别行政区")
_SARS = {"澳门": "澳門", "香港": "香港"}
# A unit named by the bare level word of its government, at the start of a cell or after a
# separator, or after 由 saying who does it (由区商务委牵头): 区发改局, 市财政局, 县教育局
# (市场监管局 is not 市 + 场监管局).
_UNIT_LEVEL = re.compile(
    r"(?:(?<![\u4e00-\u9fa5])|(?<=由))(省|市(?!场)|州|盟|区|县|旗|镇)[\u4e00-\u9fa5]{1,8}?"
    r"(?:局|委员会|委|办公室|办|中心)"
)
STEM_MIN = 2  # mentions of a bare stem (兰州) that make it the page's place
BODY_STEM_MIN = 3  # the same in the table's cells, where the tasks name places they concern
BODY_LEVEL_MIN = 2  # units or mentions that make the table's own level


def government_by_level(
    title: str,
    context: Sequence[str],
    body: Sequence[str],
    preamble: Sequence[str] = (),
    url: str = "",
) -> tuple[str, str | None]:
    """(government, warning) from the level the page names (:func:`page_level`) and the place
    of that level its text, site address or bare stems name most (the last resorts of
    :func:`luoshi.ingest.government.infer_government`, whose docstring states them)."""
    suffix, where = page_level(title, context, preamble, body)
    if not suffix:
        return "", "government not named in the title or metadata; give it when importing"
    # (read in simplified characters, as the dictionary is: 臨安區 is 临安区)
    ranked = places_named(
        [to_simplified(t) for t in [title, *preamble, *body[:BODY_SCAN]]],
        suffix,
        NOT_PLACES,
        NOT_IN_PLACE,
    ).most_common(2)
    level = f"only the level ({suffix}政府) is named, in {where}"
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        name, n = ranked[0]
        also = f"; it also names {ranked[1][0]} {_times(ranked[1][1])}" if len(ranked) > 1 else ""
        return name, (
            f"government {name} inferred: {level}, and the text names {name} {_times(n)}{also}; "
            "check it"
        )
    if ranked:
        return "", (
            f"government not named: {level}, and the text names {ranked[0][0]} and "
            f"{ranked[1][0]} as often; give it when importing"
        )
    # no place of that level named at all: the one the site's address spells (siteplace.py)
    url = url or current_url()
    spelled = places_spelled(url, suffix)
    if len(spelled) == 1:
        return spelled[0], (
            f"government {spelled[0]} inferred: {level}, the text names no place of that "
            f"level, and {SITE_SPELLS} ({site_label(url)}.gov.cn) spells "
            f"{spelled[0][: -len(suffix)]}; check it"
        )
    if spelled:
        return "", (
            f"government not named: {level}; {SITE_SPELLS} ({site_label(url)}.gov.cn) "
            f"spells {' or '.join(spelled)}; give it when importing"
        )
    # no place of that level named with its suffix, nor spelled by the site: the one the title
    # and the lines above the table (a byline, a breadcrumb; not the tasks, which name the places
    # they concern) name most by its bare stem (兰州日报, 新沂资讯), STEM_MIN times at least,
    # warned with the runner-up; none on a tie
    found = _stem_named_most([title, *preamble[:STEM_SCAN]], suffix, STEM_MIN)
    if found:
        name, n, also = found
        return name, (
            f"government {name} inferred: {level}, and the text names "
            f"{name[: -len(suffix)]} (without {suffix}) {_times(n)}{also}; check it"
        )
    # none above the table either: the place the table's own cells name most by its bare stem,
    # BODY_STEM_MIN times at least and more than any other (OWN PLACE IN THE CELLS: a county's
    # list names its schools, zones and products by its stem, 某某中学, 某某经济开发区; a place
    # a task concerns is named once or twice), warned: the tasks may concern it
    found = _stem_named_most([title, *preamble[:STEM_SCAN], *body[:BODY_SCAN]], suffix,
                             BODY_STEM_MIN)
    if found:
        name, n, also = found
        return name, (
            f"government {name} inferred: {level}, and the table's cells name "
            f"{name[: -len(suffix)]} (without {suffix}) {_times(n)}{also}; the tasks may "
            "concern that place rather than be its own: check it"
        )
    return "", f"government not named: {level}; give it when importing"


def _stem_named_most(texts: list[str], suffix: str, minimum: int) -> tuple[str, int, str] | None:
    """The place ``texts`` name most by its bare stem, ``minimum`` times at least and more than
    any other: (name, times, the runner-up said for the warning), or None (a tie, too few)."""
    stems = stems_named([to_simplified(t) for t in texts], suffix).most_common(2)
    if not stems or stems[0][1] < minimum or (len(stems) > 1 and stems[0][1] <= stems[1][1]):
        return None
    name, n = stems[0]
    also = f"; it also names {stems[1][0]} {_times(stems[1][1])}" if len(stems) > 1 else ""
    return name, n, also


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


# A letter's addressee line: "各镇人民政府、街道办事处,区直各单位:" names the governments below
# that the letter goes to, every one of them, not the page's own.
_ADDRESSEES = re.compile(r"^\s*各[^:：]{0,60}[:：]\s*$")
# Marks the warning of a government taken from the site's address, a weaker sign than a line
# of the page naming it (a letter's signature: text/pagemeta.py).
SITE_SPELLS = "the page's site"


def special_region(title: str, preamble: Sequence[str], body: Sequence[str]) -> str | None:
    """SPECIAL ADMINISTRATIVE REGION (:data:`_SAR_GOVERNMENT`): the region's government as the
    page writes it (澳門特別行政區 on a page in traditional script), or None."""
    texts = [title, *preamble, *body[:BODY_SCAN]]
    if not any(_SAR_GOVERNMENT.search(to_simplified(t)) for t in [title, *preamble]):
        return None
    counts = Counter({n: sum(to_simplified(t).count(n) for t in texts) for n in _SARS}).most_common()
    if not counts[0][1] or counts[0][1] == counts[1][1]:
        return None
    name = counts[0][0]
    if any(_SARS[name] in t for t in texts) and _SARS[name] != name:
        return f"{_SARS[name]}特別行政區"
    return f"{name}特别行政区"


def page_level(
    title: str, context: Sequence[str], preamble: Sequence[str] = (), body: Sequence[str] = ()
) -> tuple[str, str]:
    """(suffix, where): the level of government a page speaks for when it names no place, as
    a level word before 政府 or 府办 (区政府, 市人民政府, 区府办, 县政府办公室) says it — in the
    title, else the publisher/source/breadcrumb lines, else the other lines above the table,
    else the table's own units (区发改局) and text, by the level most of them name.
    The first of those that has one decides; within it the lowest level named wins (省政府工作
    报告涉杭任务和市政府… is the city's list: a government lists the higher one's tasks that
    concern it). "各区政府" names the governments below, not the page's own, and so does every
    level word of a letter's addressee line ("各镇人民政府、街道办事处,区直各单位:"). ("", "") when
    none does."""
    for where, texts in (
        ("the title", [title]),
        ("the source line", context),
        ("the text above the table", preamble),
    ):
        found = [
            m.group(1)
            for text in texts
            if not _ADDRESSEES.match(to_simplified(text))
            for m in _LEVEL_WORD.finditer(to_simplified(text))
            if not text[max(0, m.start() - 1) : m.start()] == "各"
        ]
        if found:
            return max(found, key=lambda s: LEVEL_RANK[s]), where
    # the table itself: its units are the government's own departments, named by the bare
    # level word (区发改局, 市财政局), and its text refers to that government (提请区政府…);
    # the level most of those name, when at least BODY_LEVEL_MIN do
    counts = Counter(
        m.group(1)
        for text in body[:BODY_SCAN]
        for pattern in (_UNIT_LEVEL, _LEVEL_WORD)
        for m in pattern.finditer(to_simplified(text))
        if not text[max(0, m.start() - 1) : m.start()] == "各"
    )
    if counts and (top := counts.most_common(1)[0])[1] >= BODY_LEVEL_MIN:
        return top[0], "the table's units and text"
    return "", ""
