"""Shortcuts the reader takes on every line or paragraph (parse speed) must give the answer of
the general code they stand in for: each is checked against that code, on every character
where a character decides, else on made-up cases covering each branch."""

from __future__ import annotations

import pytest

from luoshi.ingest.cells import empty_marks, is_empty_mark, numbering, numberings
from luoshi.ingest.text.cues import _LEAD, _LEAD_OPENERS
from luoshi.ingest.text.rows import Para, paragraphs


def test_a_paragraph_opening_with_no_lead_opener_is_its_own_body():
    """cue_scores skips _LEAD's match for a paragraph whose first character is neither a
    digit nor in _LEAD_OPENERS: on every code point, _LEAD matches nothing before such a
    character."""
    missed = [
        hex(c)
        for c in range(0x110000)
        if not (chr(c) in _LEAD_OPENERS or chr(c).isdecimal())
        and _LEAD.match(chr(c) + "甲").end() != 0
    ]
    assert missed == []


PARAGRAPHS = [
    "",
    "1.推进道路建设。",
    "12、完成验收",
    "1.5亿元已到位。",
    "(3)加快施工",
    "（十）加强监管",
    "③继续推进",
    "二、主要目标",
    "三是强化保障",
    "推进道路建设。",
    "——",
    "— —",
    "/",
    "——。",
    " - ",
    "————",
    "无",
    "2",
]


def test_numberings_and_empty_marks_of_a_row_are_those_of_each_paragraph():
    assert numberings(PARAGRAPHS) == [numbering(p) for p in PARAGRAPHS]
    assert empty_marks(PARAGRAPHS) == [is_empty_mark(p) for p in PARAGRAPHS]
    assert any(numberings(PARAGRAPHS)) and any(empty_marks(PARAGRAPHS))


def _paragraphs_one_by_one(text: str) -> list[Para]:
    # the definition: a line's gap counts the blank lines since the last non-blank one
    out, blank = [], 0
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            blank += 1
            continue
        out.append(Para(i, line.strip(), blank))
        blank = 0
    return out


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "标题",
        "\n\n标题\n\n\n序号\n1\n  推进道路建设  \n\n\n\n",
        "甲\r\n\r\n乙\u3000\n \t\n丙",
        "a\n\nb\n\n\nc\nd",
    ],
)
def test_paragraphs_keep_lines_numbers_and_gaps(text):
    assert paragraphs(text) == _paragraphs_one_by_one(text)


def test_a_para_is_a_frozen_value():
    p = Para(3, "序号")
    assert p == Para(3, "序号", 1) and hash(p) == hash(Para(3, "序号", 1))
    assert (p.line, p.text, p.gap) == (3, "序号", 1)
    with pytest.raises(AttributeError):
        p.text = "任务"  # type: ignore[misc]



def test_memoised_paragraph_features_are_those_read_afresh_and_keep_no_long_text():
    """The per-paragraph features memoised by text (cue scores, list number, sub-heading
    bigrams) give the answer of the uncached code, asked once or again, and a paragraph longer
    than the cached length is answered without being kept."""
    from luoshi.ingest import cells
    from luoshi.ingest.text import cues, segment
    from luoshi.vocab import ColumnRole as R

    long_item = "1.已完成" + "道路施工" * 100 + "。"
    long_line = "二期道路" * 30
    paras = [*PARAGRAPHS, "下一步将继续加快施工。", long_item, "3.尚未开工,力争年底前完工。"]
    roles = [R.DONE, R.PROBLEMS, R.NEXT_STEPS]
    caches = (cues._paragraph_scores, cells._cached_opening_number, segment._line_bigrams)
    for cache in caches:
        cache.cache_clear()
    for _ in range(2):  # computed, then read from the caches
        assert cues.cue_scores(roles, paras) == [
            [cues.cue_score(role, p) for p in paras] for role in roles
        ]
        assert numberings(paras) == [
            cells._read_opening_number(p) if numbering(p) else None for p in paras
        ]
        for p in [*paras, long_line]:
            assert segment._bigrams(p) == segment._line_bigrams.__wrapped__(p)
    assert numbering(long_item) == numbering("1.已完成")
    sizes = [cache.cache_info().currsize for cache in caches]
    cues.cue_scores(roles, [long_item + "甲"])
    numbering(long_item + "甲")
    segment._bigrams(long_line + "甲")
    assert [cache.cache_info().currsize for cache in caches] == sizes  # long texts not kept
    assert all(sizes)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "市府办(市大数据局)推进(一期)工程",
        "序號(hào)碼(mǎ)" * 3,
        "序號（hào）碼（mǎ)任(rèn）務(wù)內(nèi)",
        "序號(hào)碼(mǎ)任(rèn)務(wù)",  # four: no stripping
        "x(hào) 序(xù)(hào) 號((hào)) 号(hao) 號(hào",
        "（(hào)）號(（hào)(（mǎ)）" + "進(jìn)展(zhǎn)" * 3,
    ],
)
def test_glosses_counted_by_opener_are_the_glosses(text):
    """strip_pinyin_glosses counts the glosses by one pattern per opening bracket first (each
    searched for its literal bracket): the same count as the gloss pattern, so the same
    answer as the pattern alone."""
    from luoshi.ingest.text import source

    by_opener = sum(len(p.findall(text)) for p in source._GLOSS_BY_OPENER)
    assert by_opener == len(source._GLOSS.findall(text))
    found = source._GLOSS.findall(text)
    want = (source._GLOSS.sub("", text), len(found)) if len(found) >= 5 else (text, 0)
    assert source.strip_pinyin_glosses(text) == want


@pytest.mark.parametrize("enabled", [True, False])
@pytest.mark.parametrize("data", ["序号\n任务\n完成情况\n1\n推进道路建设\n已开工\n", "", "\x00\x01"])
def test_the_collector_is_paused_while_reading_and_left_as_it_was(enabled, data):
    """read_document pauses the cyclic collector while it reads, and leaves it as it found
    it — running or not — after a reading and after a declared error alike."""
    import gc

    from luoshi.ingest import IngestError, read_document, reader_for

    seen = []
    real = reader_for

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        import luoshi.ingest as ingest

        ingest.reader_for = spy
        try:
            read_document(data.encode(), name="t.txt")
        except IngestError:
            pass
        finally:
            ingest.reader_for = real
        assert gc.isenabled() is enabled
        # (an empty file is refused before a reader is sought)
        assert seen == ([False] if data else [])
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("chrome", [0, 3, 63, 64, 65, 200])
@pytest.mark.parametrize("body", [0, 1, 5, 70, 300])
def test_the_footer_found_from_the_page_end_is_the_footer_of_the_whole_page(chrome, body):
    """The reader makes the texts of the page's end only for footer_start, asking the whole
    page when the footer runs past them: the same cut as footer_start of every text."""
    from luoshi.ingest.text import reader
    from luoshi.ingest.text.shapes import footer_start

    title = "2030年重点工作任务推进情况表"
    words = ["打印本页", "关闭窗口", title]
    texts = [title, *(f"{k}.推进第{k}项工作。" for k in range(body))]
    texts += [words[k % 3] for k in range(chrome)]
    paras = [Para(k + 1, t) for k, t in enumerate(texts)]
    assert reader._footer_start(paras) == footer_start(texts)
    if body and chrome:
        assert footer_start(texts) == body + 1  # (the case tested: a footer found)


@pytest.mark.parametrize(
    ("line", "candidate"),
    [
        ("序号,工作任务,责任单位", True),
        ("序号,工作任务", False),  # one comma
        ("没有逗号的一行", False),
        ("完成设计,启动招标,年底完工。", False),  # a sentence
        ("序号,工作任务,责任单位|", False),  # a bar: another layout
        ("序号;工作任务,责任单位,进展", False),
        (",,", True),
    ],
)
def test_csv_header_candidates_hold_two_commas_and_no_stop(line, candidate):
    from luoshi.ingest.text.csvrows import _candidates

    assert _candidates(["标题", line]) == ([1] if candidate else [])


@pytest.mark.parametrize(
    "text",
    ["序号重点工作牵头单位完成情况", "序号", "工作任务说明", "无关的一句话。", "序 号" * 120],
)
def test_header_words_cut_once_are_the_cut_made_afresh_and_a_fresh_list(text):
    from luoshi.ingest.headerwords import _cut_header_words, split_header_words

    fresh = _cut_header_words.__wrapped__(text, 16)
    first = split_header_words(text)
    assert first == (None if fresh is None else list(fresh))
    if first is not None:
        first.append("改动")  # a caller's change reaches no later answer
        assert split_header_words(text) == list(fresh)


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("市住建局、市财政局分别牵头", ["市住建局", "市财政局"]),
        ("市住建局、市财政局共同负责。", ["市住建局", "市财政局"]),
        ("市共同富裕办、市财政局", ["市共同富裕办", "市财政局"]),
        ("市分别局", ["市分别局"]),
    ],
)
def test_a_shared_work_tail_is_taken_off_unit_names(cell, names):
    from luoshi.ingest.units import split_units

    assert split_units(cell)[0] == names


def test_the_classes_made_with_positional_arguments_keep_their_fields_order():
    """build_task makes Item and Task, split_numbered Row, row_cells RowCells, with positional
    arguments in the fields' order (a keyword call costs a dict per object): a field moved or
    added before the last one given would shift every value after it."""
    from dataclasses import fields

    from luoshi.ingest.layout import RowCells
    from luoshi.ingest.model import Item, Task
    from luoshi.ingest.text.rows import Row

    def names(cls):
        return [f.name for f in fields(cls)]

    assert names(Task)[:7] == [
        "serial", "text", "units", "items", "line_start", "line_end", "extra"
    ]
    assert names(Item)[:1] == ["heading"]
    assert names(Row)[:6] == ["serial", "line", "paras", "group", "skip", "category"]
    assert names(RowCells)[:5] == ["serial", "fixed", "items", "line_start", "line_end"]


def test_a_task_built_from_cells_has_each_value_in_its_field():
    from luoshi.ingest.layout import RowCells, build_task
    from luoshi.ingest.model import Column
    from luoshi.vocab import ColumnRole

    columns = [
        Column("序号", ColumnRole.SERIAL),
        Column("任务", ColumnRole.TASK),
        Column("责任单位", ColumnRole.UNITS),
        Column("完成情况", ColumnRole.DONE),
        Column("备注", ColumnRole.OTHER),
    ]
    row = RowCells("7", {1: ["修路"], 2: ["市交通局"], 4: ["无"]}, [("一段", {3: ["已开工"]})], 5, 9)
    task = build_task(row, columns, [])
    assert (task.serial, task.text, task.units, task.line_start, task.line_end) == (
        "7", "修路", ["市交通局"], 5, 9
    )
    assert [(i.heading, i.done) for i in task.items] == [("一段", "已开工")]
    assert task.extra == {"备注": "无"}
