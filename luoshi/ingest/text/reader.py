"""The plain-text reader: a published page flattened to text. Layouts (docs/formats.md):

- **cells-per-line** — one cell per paragraph, blank-line separated::

    title and metadata block
    序号 / 任务内容 / 责任单位 / 前三季度完成情况 / 存在问题及困难 / 下一步工作   (header cells)
    1 / task text / units / done paragraphs… / problems… / next steps…          (a row)
    序号 / 任务内容 / …                                   (header repeated at a page break)

  Rows are found by :mod:`luoshi.ingest.text.rows`; inside a row (:mod:`~.rowcells`) the task
  and unit cells are one paragraph each (units may wrap) and the progress columns are split by
  :mod:`luoshi.ingest.text.segment`.
- **pipe** and **bar** (:mod:`luoshi.ingest.text.pipe`) and **glued**
  (:mod:`luoshi.ingest.text.glued`), whose cells are read as a Grid.
- **prose** and **forms** (:mod:`luoshi.ingest.text.prose`): no table at all, the list as numbered
  paragraphs with 责任单位 lines, or a headed report (its section headings the tasks); tried
  only when no table header is found.
"""

from __future__ import annotations

from functools import lru_cache

from luoshi.ingest.cells import is_empty_mark
from luoshi.ingest.contentroles import content_roles, superseded
from luoshi.ingest.decode import decode_text
from luoshi.ingest.errors import IngestError
from luoshi.ingest.gridlayout import document_from_grids, status_columns
from luoshi.ingest.headers import (
    TWO_LEVEL_JOIN,
    columns_from_headers,
    main_done_column,
    normalise_header,
    vote_table_reason,
)
from luoshi.ingest.layout import GROUP_KEY, build_task
from luoshi.ingest.model import Column, ParsedDocument, Task
from luoshi.ingest.siteplace import page_source
from luoshi.ingest.text.bar import BAR_LAYOUT, bar_grid, looks_like_bar
from luoshi.ingest.text.cellheader import (
    find_header,
    grouping_header,
    merge_split_headers,
    schedule_sub_headers,
    unknown_header,
)
from luoshi.ingest.text.csvrows import CSV_LAYOUT, csv_rows_grid
from luoshi.ingest.text.detect import second_reading
from luoshi.ingest.text.glued import GLUED_LAYOUT, read_glued
from luoshi.ingest.text.headerless import infer_pipe_header, read_headerless_pipe
from luoshi.ingest.text.headline import read_headline
from luoshi.ingest.text.matrix import matrix_reason
from luoshi.ingest.text.noticeform import notice_form_reason
from luoshi.ingest.text.oneline import unfold_one_line_table
from luoshi.ingest.text.pagemeta import read_page_meta
from luoshi.ingest.text.pipe import (
    PIPE_LAYOUT,
    continued_header,
    find_pipe_header,
    pipe_grid,
)
from luoshi.ingest.text.pipecells import PIPE_CELLS_LAYOUT, looks_like_pipe_cells, pipe_cells_grid
from luoshi.ingest.text.pipeheader import one_cell_rows_after
from luoshi.ingest.text.prose import explainer_title, no_task_list_error, read_paragraphs
from luoshi.ingest.text.rowcells import carry_spanned_cells, row_cells, segmented_run
from luoshi.ingest.text.rows import (
    Para,
    Row,
    paragraphs,
    split_numbered,
)
from luoshi.ingest.text.shapes import CLOSING, footer_start, is_group
from luoshi.ingest.text.shortcells import aligned_rows, is_short_cell_table
from luoshi.ingest.text.source import split_source_lines, strip_pinyin_glosses
from luoshi.ingest.text.spacerows import SPACE_LAYOUT, find_space_header, space_grid
from luoshi.ingest.text.spanrows import split_continuations
from luoshi.ingest.text.subrows import split_subnumbered
from luoshi.ingest.text.unnumbered import split_unnumbered
from luoshi.ingest.untitled import period_without_title, year_from_keys, year_of_targets
from luoshi.vocab import ColumnRole

LAYOUT = "cells-per-line"
# Paragraphs between a table and the next table's header that belong to the next one.
_TABLE_LEAD = ("附件", "附表")

__all__ = ["LAYOUT", "Para", "find_header", "paragraphs", "read_text_document"]


def _header_repeat_at(paras: list[Para], i: int, header: list[str]) -> int:
    """Length of a repeated header row starting at paras[i] (0 when there is none)."""
    # Asked at every body paragraph. Normalising only removes characters, so a paragraph that
    # normalises to the header's first cell contains that cell's first character: most
    # paragraphs are ruled out without being normalised.
    if header[0] and header[0][0] not in paras[i].text:
        return 0
    if normalise_header(paras[i].text) != header[0]:
        return 0
    n = 1
    while (
        n < len(header) and i + n < len(paras) and normalise_header(paras[i + n].text) == header[n]
    ):
        n += 1
    return n if n >= min(2, len(header)) else 0


def read_text_document(data: bytes, name: str) -> ParsedDocument:
    """The text reader: picks the layout (pipe, bar, glued, cells-per-line) from the lines."""
    text, _encoding = decode_text(data, name)
    text, source_url = split_source_lines(text)
    text, glosses = strip_pinyin_glosses(text)
    with page_source(source_url):  # the metadata read inside the layouts may need it
        doc = _read_layout(text, name)
        doc = second_reading(doc, text, name)
    doc.meta.source_url = source_url
    if glosses:
        doc.warn(
            None,
            f"{glosses} pinyin readings in brackets after characters (序號(hào)) removed: a "
            "mirror site's additions, not the document's text",
        )
    if doc.tasks and (not doc.meta.title or doc.meta.period is None):
        _headline_pass(doc, text)
    if not doc.meta.title and doc.meta.period is None:
        cells = [i.done for t in doc.tasks for i in t.items if i.done]
        why = period_without_title(doc.meta, cells, source_url)
        if why:
            doc.warn(None, why)
    headers, serials = [c.header for c in doc.columns], [t.serial for t in doc.tasks]
    if why := year_from_keys(doc.meta, headers, serials):
        doc.warn(None, why)
    cells = [s for t in doc.tasks for s in (t.text, *t.extra.values(), *(i.done for i in t.items))]
    if why := year_of_targets(doc.meta, cells):
        doc.warn(None, why)
    return doc


def _headline_pass(doc: ParsedDocument, text: str) -> None:
    """A page without a dated title (its headline's place) or without a period (its lead's
    截至 date): text/headline.py, read from the lines above the first task."""
    first = min((t.line_start for t in doc.tasks if t.line_start), default=0)
    lead = text.split("\n")[: max(first - 1, 0)] if first else []
    weak = not doc.meta.government or any(
        w.message.startswith("government ") and ("inferred" in w.message or "not named" in w.message)
        for w in doc.warnings
    )
    progress = any(i.done for t in doc.tasks for i in t.items)
    before = (doc.meta.government, doc.meta.period)
    said = read_headline(doc.meta, lead, weak, progress)
    # (the warnings of what was missing give way to the ones saying what was taken)
    stale = ("government not named", f"government {before[0]} inferred") * (
        doc.meta.government != before[0]
    ) + ("no title found", "no reporting period in the title") * (
        doc.meta.period is not before[1]
    )
    doc.warnings = [w for w in doc.warnings if not w.message.startswith(stale)]
    for why in said:
        doc.warn(None, why)


def _read_layout(text: str, name: str) -> ParsedDocument:
    if text.count("｜") >= 6 and "|" not in text:
        text = text.replace("｜", "|")  # a full-width bar draws cell borders the same way
    lines = text.split("\n")
    # The pipe, headerless-pipe, bar and pipe-cells layouts all draw cells with "|": without
    # one in the text none of their finders can match, and most pages have none.
    bars = "|" in text
    h = find_pipe_header(lines) if bars else None
    ends_newline = text.rstrip(" \t").endswith("\n")
    if h is not None and (more := continued_header(lines, h)[0]):
        # the header goes on over the lines under it (pipeheader.py, HEADER OVER LINES); rows
        # of one cell per line after it make a pipe-cells table, which reads that header too
        if one_cell_rows_after(lines, more[-1]) and looks_like_pipe_cells(lines):
            found = pipe_cells_grid(lines, ends_newline)
            if found is not None:
                return document_from_grids([found[0]], name, "text", PIPE_CELLS_LAYOUT, found[1])
    if h is not None:
        grid, warnings = pipe_grid(lines, h)
        if len(grid.rows) <= 1 and (unfolded := unfold_one_line_table(lines, pipes=True)):
            # the whole table on its header's line: unfolded by its serials
            h = find_pipe_header(unfolded)
            if h is not None:
                grid, warnings = pipe_grid(unfolded, h)
                warnings.insert(
                    0, (None, "the whole table stands on one line: unfolded by serials")
                )
        return document_from_grids([grid], name, "text", PIPE_LAYOUT, warnings)
    found = csv_rows_grid(lines, name)
    if found is not None:
        return document_from_grids([found[0]], name, "text", CSV_LAYOUT, found[1])
    inferred = infer_pipe_header(lines) if bars else None
    if inferred is not None:
        return read_headerless_pipe(lines, inferred, name)
    if bars and looks_like_bar(lines):
        found = bar_grid(lines)
        if found is not None:
            return document_from_grids([found[0]], name, "text", BAR_LAYOUT, found[1])
    if bars and looks_like_pipe_cells(lines):
        found = pipe_cells_grid(lines, ends_newline)
        if found is not None:
            return document_from_grids([found[0]], name, "text", PIPE_CELLS_LAYOUT, found[1])
    space = find_space_header(lines)
    if space is not None and any(ch in lines[space[0]] for ch in "\t\u3000"):
        # a tab or an ideographic space never stands inside a header word: a cell border
        grid, warnings = space_grid(lines, space[0], space[1], ends_newline=ends_newline)
        if len(grid.rows) > 1:
            return document_from_grids([grid], name, "text", SPACE_LAYOUT, warnings)
    glued = read_glued(lines, name)
    if glued is not None:
        glued.layout = GLUED_LAYOUT
        return glued
    if space is not None:
        grid, warnings = space_grid(
            lines, space[0], space[1], ends_newline=text.rstrip(" \t").endswith("\n")
        )
        if len(grid.rows) > 1:
            return document_from_grids([grid], name, "text", SPACE_LAYOUT, warnings)
    if space is None and (unfolded := unfold_one_line_table(lines)) is not None:
        space = find_space_header(unfolded)
        if space is not None:
            grid, warnings = space_grid(unfolded, space[0], space[1], ends_newline=ends_newline)
            if len(grid.rows) > 1:
                warnings.insert(
                    0, (None, "the whole table stands on one line: unfolded by serials")
                )
                return document_from_grids([grid], name, "text", SPACE_LAYOUT, warnings)
    return _read_cells_per_line(text, name)


def _sections(paras: list[Para], h0: int, h1: int) -> list[tuple[int, int, int]]:
    """(header start, header end, body end) of each table: later headers with other columns
    open new tables (附件1, 附件2 …); a header like the first one is a page-break repeat."""
    first = _header_roles(tuple(p.text for p in paras[h0:h1]))
    out = [(h0, h1)]
    k = h1
    while (found := find_header(paras, k)) is not None:
        a, b = found
        roles = _header_roles(tuple(p.text for p in paras[a:b]))
        if roles != first:
            out.append((a, b))
        k = b
    ends = [a for a, _ in out[1:]] + [len(paras)]
    return [(a, b, e) for (a, b), e in zip(out, ends, strict=True)]


@lru_cache(maxsize=256)
def _header_roles(cells: tuple[str, ...]) -> tuple[ColumnRole, ...]:
    """The column roles of a header's paragraphs. (A page repeats its header at each page
    break, the same cells: they are read once. The roles are a function of the texts.)"""
    return tuple(c.role for c in _columns(merge_split_headers(list(cells)))[0])


def _columns(texts: list[str]) -> tuple[list[Column], list[str]]:
    """The columns of a header. Without a serial column, rows are found by the last task
    column and a task-like column before it holds group cells written once per group (see
    ``split_unnumbered``): there a content column after a name column (项目名称 / 项目内容) is
    that task, the name column the group, not the target NAME THEN CONTENT makes it."""
    texts, note = schedule_sub_headers(texts)
    columns, warnings = columns_from_headers(texts)
    if all(c.role is not ColumnRole.SERIAL for c in columns):
        columns, warnings = columns_from_headers(texts, name_then_content=False)
    return columns, [note, *warnings] if note else warnings


def _texts(paras: list[Para], a: int, b: int) -> list[str]:
    return merge_split_headers([p.text for p in paras[a:b]])


def _read_cells_per_line(text: str, name: str) -> ParsedDocument:
    paras = paragraphs(text)
    if not paras:
        raise IngestError(name, "empty file: only blank lines", line=1)
    cut = _footer_start(paras)
    footer, paras = paras[cut:], paras[:cut]  # the site's footer (PAGE FOOTER RULE)
    doc = _read_paragraph_layouts(paras, text, name)
    if footer:
        doc.warn(
            footer[0].line,
            f"{len(footer)} line(s) at the page's end are the site's footer "
            f"({footer[0].text[:20]!r}…): not read as content",
        )
    return doc


# The paragraphs at a page's end whose texts are made for footer_start first.
_FOOTER_TAIL = 64


def _footer_start(paras: list[Para]) -> int:
    """``footer_start`` of the paragraphs' texts, the texts made for the page's end only:
    the footer is a run at the end, and of the rest footer_start reads the first paragraph
    (the title) alone. When the run reaches past the tail taken, the whole page is asked."""
    if len(paras) <= _FOOTER_TAIL + 1:
        return footer_start([p.text for p in paras])
    k = footer_start([paras[0].text, *(p.text for p in paras[-_FOOTER_TAIL:])])
    if k > 1:  # (the run stops inside the tail: at the same paragraph as on the whole page)
        return len(paras) - _FOOTER_TAIL + k - 1
    return footer_start([p.text for p in paras])


def _read_paragraph_layouts(paras: list[Para], text: str, name: str) -> ParsedDocument:
    found = find_header(paras)
    if found is None:
        if explainer_title(paras):
            raise no_task_list_error(name, paras)  # an explainer describes the plan, no list
        # No table: a prose list, forms or a headed report (luoshi.ingest.text.prose).
        found_doc = read_paragraphs(paras, text, name)
        if found_doc is not None:
            if (why_notice := notice_form_reason(found_doc)) is not None:
                error = IngestError(name, why_notice[0], line=paras[0].line)
                error.zh = f"文件无法读取:未找到任务清单,{why_notice[1]}"  # type: ignore[attr-defined]
                raise error
            return found_doc
        why = matrix_reason(paras)
        if why:
            raise IngestError(name, why, line=paras[0].line)
        raise no_task_list_error(name, paras)
    h0 = found[0]
    try:
        return _read_table(paras, found, text, name)
    except IngestError:
        why = matrix_reason(paras)
        if why:
            raise IngestError(name, why, line=paras[h0].line) from None
        raise


def _read_table(paras: list[Para], found: tuple[int, int], text: str, name: str) -> ParsedDocument:
    h0, h1 = found
    sections = _sections(paras, h0, h1)
    columns, header_warnings = _columns(_texts(paras, h0, h1))
    if why := vote_table_reason([c.header for c in columns]):  # VOTE TABLE (headers.py)
        raise IngestError(name, why, line=paras[h0].line)
    warn: list[tuple[int | None, str]] = [(paras[h0].line, w) for w in header_warnings]
    preamble = [p.text for p in paras[:h0]]
    meta, meta_warnings = read_page_meta(
        preamble, _table_title(paras, 0, h0), [p.text for p in paras[h1:]]
    )
    warn[:0] = [(None, w) for w in meta_warnings]

    tasks, notes, read_warn = _sections_tasks(paras, sections, columns, text, name, warn)
    # a progress column holding only status words beside another: a declared status (the
    # rows are read again with it, so the real progress column's cells are split as progress)
    header_warnings = status_columns(columns, lambda i: _column_cells(tasks, columns, i), [])
    if header_warnings:
        warn = [w for w in warn if not w[1].startswith("several progress columns")]
        warn += [(paras[h0].line, w) for w in header_warnings]
        tasks, notes, read_warn = _sections_tasks(paras, sections, columns, text, name, warn)
    # CONTENT-CHECKED ROLES (contentroles.py): weak columns take the role their cells show;
    # the rows are read again under the roles so checked
    before = [c.role for c in columns]
    if said := content_roles(columns, lambda i: _column_cells(tasks, columns, i)):
        warn = [w for w in warn if not superseded(w[1], columns, before)]
        warn += [(paras[h0].line, w) for w in said]
        tasks, notes, read_warn = _sections_tasks(paras, sections, columns, text, name, warn)
    meta.notes.extend(notes)
    doc = ParsedDocument(
        meta=meta, columns=columns, tasks=tasks, source_name=name, format="text", layout=LAYOUT
    )
    for line, message in read_warn:
        doc.warn(line, message)
    return doc


def _column_cells(tasks: list[Task], columns: list[Column], i: int) -> list[str]:
    """The cells of column i as the tasks keep them: the main progress column's in the
    items, the others by header in the task's extra cells."""
    if i == main_done_column(columns):
        return ["".join(item.done for item in t.items) for t in tasks]
    return [t.extra.get(columns[i].header, "") for t in tasks]


def _sections_tasks(
    paras: list[Para],
    sections: list[tuple[int, int, int]],
    columns: list[Column],
    text: str,
    name: str,
    warn_before: list[tuple[int | None, str]],
) -> tuple[list[Task], list[str], list[tuple[int | None, str]]]:
    """The tasks of every table section, the notes and the warnings (after ``warn_before``)."""
    warn = list(warn_before)
    notes: list[str] = []
    tasks: list[Task] = []
    for n, (a, b, end) in enumerate(sections):
        sec_columns = columns if n == 0 else _columns(_texts(paras, a, b))[0]
        if n + 1 < len(sections):
            end = _table_lead_start(paras, a if n == 0 else b, end)
        title = _table_title(paras, 0 if n == 0 else sections[n - 1][1], a)
        first_group = paras[a - 1].text if a and is_group(paras[a - 1].text) else ""
        if len(sections) > 1:
            first_group = first_group or title
            if n:
                warn.append(
                    (
                        paras[a].line,
                        f"another table ({'/'.join(c.header for c in sec_columns)}): its "
                        f"rows are read as tasks too, under the group {first_group!r} (numbering "
                        "restarts at 1); the document keeps the first table's columns",
                    )
                )
        more = _section_tasks(
            paras,
            a,
            b,
            end,
            sec_columns,
            name,
            warn,
            notes,
            first_group,
            last=n == len(sections) - 1,
            ends_newline=text.rstrip(" \t").endswith("\n"),
        )
        tasks += more
    return tasks, notes, warn


def _table_lead_start(paras: list[Para], lo: int, end: int) -> int:
    """Where the paragraphs introducing the next table (附件2, its title) begin."""
    k = end
    while k - 1 > lo and (
        paras[k - 1].text.startswith(_TABLE_LEAD)
        or paras[k - 1].text.endswith(("表", "清单"))
        or is_group(paras[k - 1].text)
    ):
        k -= 1
    return k


def _table_title(paras: list[Para], lo: int, a: int) -> str:
    for k in range(a - 1, max(lo, a - 4) - 1, -1):
        if paras[k].text.endswith(("表", "清单")):
            return paras[k].text
    return ""


def _section_tasks(
    paras: list[Para],
    h0: int,
    h1: int,
    end: int,
    columns: list[Column],
    name: str,
    warn: list,
    notes: list[str],
    first_group: str,
    last: bool,
    ends_newline: bool = True,
) -> list[Task]:
    raw_header = [normalise_header(p.text) for p in paras[h0:h1]]
    body: list[Para] = []
    restarts: set[int] = set()
    # (the first test of _header_repeat_at, made here over the whole section: a repeat opens
    # at a paragraph holding the header's first character, which most paragraphs lack; the
    # runs between such paragraphs go to the body whole)
    opener = raw_header[0][:1]
    i = h1
    for at in [t for t in range(h1, end) if opener in paras[t].text]:
        if at < i:
            continue  # inside a repeat just taken out
        n = _header_repeat_at(paras, at, raw_header)
        if n:
            body += paras[i:at]
            restarts.add(len(body))
            i = at + n
    body += paras[i:end]
    roles = {c.role for c in columns}
    marked_empties = any(is_empty_mark(p.text) for p in body)
    rows: list[Row] = []
    lead: list[Para] = []
    if ColumnRole.SERIAL in roles:
        found: list[tuple[int | None, str]] = []
        rows, lead = split_numbered(body, columns, restarts, found, first_group)
        if (grouped := grouping_header(rows, columns)) is not None:
            # GROUPING HEADER: the table's columns (the list _read_table holds) are changed in
            # place, so every later section and reading of the rows has them
            columns[:] = grouped[0]
            subs = {c.header.rpartition(TWO_LEVEL_JOIN)[2] for c in columns}
            warn[:] = [w for w in warn if unknown_header(w[1]) not in subs]  # named now
            warn.append((paras[h0].line, grouped[1]))
            found = []
            rows, lead = split_numbered(body, columns, restarts, found, first_group)
        warn += found
        rows = split_continuations(rows, columns, warn)  # serials spanned over two rows
    if not rows:
        rows, lead = split_unnumbered(body, columns, name, paras[h0].line, warn, first_group)
    if lead:
        warn.append(
            (
                lead[0].line,
                f"{len(lead)} paragraph(s) between the header and the first row are not in any "
                "row: ignored",
            )
        )
    # a category column before the serial — or first in a table without one, when the row
    # finder took its cells (rows found by the numbers opening the task text): given on a
    # group's first row, carried down
    category_first = (
        len(columns) > 1
        and columns[0].role is ColumnRole.CATEGORY
        and (
            columns[1].role is ColumnRole.SERIAL
            or (ColumnRole.SERIAL not in roles and any(r.category is not None for r in rows))
        )
    )
    if category_first:
        for r in rows:
            r.skip.add(0)  # its cell stands before the serial: taken by the row finder
    sub = split_subnumbered(rows, columns, warn)
    if sub is None and is_short_cell_table(rows, columns, category_first):
        sub = aligned_rows(rows, columns, category_first, warn)
    if sub is None:
        run = segmented_run(columns)
        sub = [(row_cells(r, columns, warn, marked_empties, run), r.group) for r in rows]
        carry_spanned_cells([rc for rc, _ in sub], columns, warn)  # SHORT ROW RULE
    tasks = []
    main_done = main_done_column(columns)
    for cells, group in sub:
        task = build_task(cells, columns, notes, main_done)
        if group:
            task.extra[GROUP_KEY] = group
        tasks.append(task)
    if category_first and len(tasks) == len(rows):
        _categories(rows, tasks, columns[0].header, warn)
    if last and rows and rows[-1].paras:
        p = rows[-1].paras[-1]
        if _ends_mid_sentence(p.text, ends_newline):
            warn.append(
                (
                    p.line,
                    f"the text ends mid-sentence ({p.text[-12:]!r}): row {sub[-1][0].serial} "
                    "is probably cut off",
                )
            )
    return tasks


def _categories(rows: list[Row], tasks: list[Task], header: str, warn: list) -> None:
    """Category cells written before the serial: given on a group's first row only (a merged
    cell), carried down to the rows below, with one warning naming them."""
    value = ""
    carried: list[str] = []
    for row, task in zip(rows, tasks, strict=True):
        if row.category is not None:
            value = row.category
        elif value:
            carried.append(task.serial)
        task.extra[header] = value
    if carried:
        warn.append(
            (
                None,
                f"column {header}: {len(carried)} row(s) ({', '.join(carried[:6])}"
                f"{'…' if len(carried) > 6 else ''}) have no cell of their own; the category "
                "above is carried down (a merged cell)",
            )
        )


def _ends_mid_sentence(text: str, ends_newline: bool) -> bool:
    """The last paragraph of a file looks cut off: a file cut short (no final newline) ending
    without closing punctuation, or any file ending on a comma or an opening bracket."""
    if is_empty_mark(text):
        return False
    if not ends_newline:
        return not CLOSING.search(text)
    return text[-1] in ",，、:：(（“"
