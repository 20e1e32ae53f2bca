"""Why a page with no table header, no prose list and no forms is refused: a reason that says
what the page holds, not only what the reader looked for.

Rules, true of any page the text reader cannot read as a task list:

- a page titled as an explainer of a document (…政策解读, 解读:…, 图解…, 一图读懂…, …答记者问)
  describes a plan, it holds no task list (its numbered lines count the plan's parts or state
  requirements): "policy explainer (政策解读), no task list to import", checked before the
  prose and forms readers are tried;

- a run of short paragraphs naming known column headers or columns of figures (指标名称,
  预期增长(%), 项目个数, 完成率 …) with no task column among them is a table of figures, not a task list: "a table without a task
  column (指标名称 / 预期增长(%) …)";
- points counted in words (一是… 二是…, 第一，…) that name no responsible units and are not a
  point list (:mod:`.points`: no opening announcing tasks, a meeting's requirements, points
  without figures …) are a news report's or a speech's points: "prose news, no task list to
  import: its points are counted in words", saying why they are no point list;
- numbered paragraphs (1. (1) ①) that name no units and were not read as a list are
  headings or progress points: said with their count. (A run of three or more items opened by
  one repeated marker — numbering, bullet ●■, 实事N — each carrying its own progress is a task
  list and never reaches here: :mod:`.marked`. What is refused is marked text whose items do
  not each report on themselves: a meeting's points, a story's paragraphs, a summary);
- a page with a unit label (责任单位:) or a note naming units by their part ((X牵头,Y配合)) but
  fewer than two tasks carrying one: said;
- numbered items that all open with the name of an arrangement, a different one each
  (1.督查内容:… 2.督查方式:…), are a notice's own steps: "a notice, no task list to import";
- a page with an attachment line (附件:…) and no numbered list is a cover notice or a 通报
  whose table is the attachment: said, naming it, so the user imports the attachment — but only
  when the premise holds: when the attachment's table follows on the page (a run of short
  cells after the attachment line: an indicator matrix by place, or any grid of short cells),
  the reason says the table is on the page and what it is, never "not part of the page";
- headings that would be a headed report's tasks (names over paragraphs of work done) under
  an opening that names no progress report (or names a plan): said, with how to import it;
- otherwise the page is running text, perhaps under headings (一、… (一)…, a report's
  sections): "prose news, no task list to import: N paragraphs of running text under M headings".

Every reason then says what was not found (a table header, a prose list, key-value forms), so
a user with an unusual table knows what to fix.
"""

from __future__ import annotations

import re

from luoshi.ingest.errors import IngestError
from luoshi.ingest.headers import header_role, normalise_header
from luoshi.ingest.text.matrix import matrix_reason
from luoshi.ingest.text.prose.cues import arrangement_labels
from luoshi.ingest.text.prose.headings import sections_without_report_opening
from luoshi.ingest.text.prose.items import (
    CN_NUMBERED,
    STYLES,
    WORD_STYLES,
    split_glued,
    unit_note,
)
from luoshi.ingest.text.prose.points import why_no_point_list
from luoshi.ingest.text.rows import Para
from luoshi.ingest.units import UNIT_LABELS
from luoshi.vocab import ColumnRole

# A column of figures (an indicator table's header cells): 指标名称, 预期增长(%), 项目个数 …
_FIGURE_HEADER = re.compile(r"指标|预期|增长|增速|[(（]%[)）]|个数|投资计划|完成率|比例|比重|占比")
_UNIT_LABEL = re.compile(rf"(?:{UNIT_LABELS})\s*[:：]")
_ROLE_NOTE = re.compile(r"牵头|配合|主办|协办")
# A notice's attachment line: "附件:2022年…落实情况", "附件1.2023年县政府…", "附件:" alone.
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：.．、]?\s*(.*)$")
_MAX_HEADER_CELL = 10  # header cells are short; titles and headings are longer
_MIN_HEADER_CELLS = 2
_MIN_POINTS = 2
_LOOKED_FOR = (
    "no table header found (a row starting with 序号, or a task column header followed by other "
    "known column headers: 序号 / 任务内容 / 责任单位 / 完成情况), no numbered paragraphs with "
    "责任单位 lines, no key-value forms (任务: … 责任单位: …)"
)


_LOOKED_FOR_ZH = (
    "未找到表头(序号/任务内容/责任单位/完成情况)、带“责任单位”的编号段落或“任务:…责任单位:…”表单"
)


def no_task_list_error(name: str, paras: list[Para]) -> IngestError:
    """The refusal, with its Chinese wording for the web (``zh``, read by the import page)."""
    en, zh = _what_was_seen(paras)
    error = IngestError(name, f"{en}; {_LOOKED_FOR}", line=paras[0].line if paras else None)
    error.zh = f"文件无法读取:未找到任务清单,{zh};{_LOOKED_FOR_ZH}"  # type: ignore[attr-defined]
    return error


# A title naming the page an explainer of a document: it describes the plan, the plan's task
# list is elsewhere. "《…分工方案》政策解读", "解读:…", "图解…", "一图读懂…", "…答记者问",
# "…政策问答".
_EXPLAINER = re.compile(
    r"(?:政策)?解读$|^(?:政策)?解读\s*[:：《]|^图解|图解$|一图(?:读懂|看懂|了解)|答记者问$|政策问答$"
)
_TITLE_LINES = 8
_MAX_TITLE = 80


def explainer_title(paras: list[Para]) -> str | None:
    """The title line saying the page explains a document (政策解读, 图解, 答记者问), looked
    for among the first lines; None when there is none. Such a page describes a plan (how
    many tasks, what they aim at) and holds no task list of its own: the reader refuses it
    unless it holds a table with a header."""
    for p in paras[:_TITLE_LINES]:
        t = p.text.strip()
        if len(t) <= _MAX_TITLE and _EXPLAINER.search(t):
            return t
    return None


# A grid of cells after an attachment line: this many short cells (one per line) are a table
# on the page, not an attachment published elsewhere.
_MIN_GRID_CELLS = 12
_MAX_GRID_CELL = 16


def _table_on_page(paras: list[Para], attachment_line: str) -> tuple[str, str] | None:
    """The refusal's premise checked: when the attachment's table is printed on the page
    after its 附件 line, (English, Chinese) saying so and what the table is; else None."""
    after = next((i for i, p in enumerate(paras) if p.text.strip() == attachment_line), None)
    if after is None:
        return None
    rest = paras[after + 1 :]
    matrix = matrix_reason(rest)
    if matrix:
        return (
            f"the attachment's table is on the page, {matrix}",
            "附件表格在本页中,但它是按地区排列的指标表(每行或每列一个地区),不是任务清单",
        )
    cells = [p for p in rest if len(p.text.strip().strip("|｜").strip()) <= _MAX_GRID_CELL]
    if len(cells) >= _MIN_GRID_CELLS:
        return (
            f"the attachment's table is on the page ({len(cells)} short cells after "
            f"{attachment_line[:20]!r}), but no task-list header was found in it",
            "附件表格在本页中,但未找到任务清单的表头(序号/任务内容/责任单位/完成情况)",
        )
    return None


def _what_was_seen(paras: list[Para]) -> tuple[str, str]:
    """(English, Chinese) of what the page holds."""
    explainer = explainer_title(paras)
    if explainer:
        return (
            f"policy explainer (政策解读), no task list to import: the title {explainer[:30]!r} "
            "says the page explains a document; its task list is published elsewhere",
            f"这是政策解读页面(标题“{explainer[:30]}”),不含任务清单,请导入原文件的任务表",
        )
    # the items as the prose reader saw them: several run together on a line are several
    texts = [p.text.strip() for p in split_glued(paras)]
    headers = _header_cells(texts)
    if len(headers) >= _MIN_HEADER_CELLS:
        shown = " / ".join(h for h, _ in headers[:4])
        return (
            f"a table without a task column ({shown} …): a table of figures or indicators, "
            "not a task list",
            f"页面上的表格没有任务列({shown}…),是数据或指标表,不是任务清单",
        )
    # a unit label, or a closing note naming units by their part ((市某局牵头,市某局配合))
    with_units = sum(
        1 for t in texts if _UNIT_LABEL.search(t) or (_ROLE_NOTE.search(t) and unit_note(t))
    )
    counted: dict[str, int] = {}
    for t in texts:
        for style, pattern in STYLES.items():
            if pattern.match(t):
                counted[style] = counted.get(style, 0) + 1
                break
        else:
            if CN_NUMBERED.match(t):
                counted["cn"] = counted.get("cn", 0) + 1
    words = sum(n for style, n in counted.items() if style in WORD_STYLES)
    headings = counted.get("cn", 0) + counted.get("cn_paren", 0)
    numbered = sum(counted.get(style, 0) for style in ("arabic", "paren", "half_paren", "circled"))
    bodies = [t[m.end() :] for t in texts if (m := STYLES["arabic"].match(t))]
    if (labels := arrangement_labels(bodies)) is not None:
        shown = " / ".join(labels[:3])
        return (
            f"a notice, no task list to import: its {len(labels)} numbered items are its own "
            f"arrangements ({shown} …), not tasks",
            f"这是通知正文,{len(labels)}个编号段落是通知自身的安排({shown}…),不是任务",
        )
    if with_units == 1:
        return (
            "one paragraph names a responsible unit (责任单位:…), but a task list needs at least "
            "two tasks with units",
            "只有一段写明了责任单位,任务清单至少需要两项写明责任单位的任务",
        )
    at = next((i for i, x in enumerate(texts) if _ATTACHMENT.match(x)), None)
    attachment = _ATTACHMENT.match(texts[at]) if at is not None else None
    if attachment is not None and numbered < _MIN_POINTS:
        on_page = _table_on_page(paras, texts[at])
        if on_page is not None:
            return on_page
        named = attachment.group(1).strip()[:40]
        shown = f" ({named})" if named else ""
        return (
            f"a cover notice, no task list to import: its table is an attachment{shown}, "
            "not part of the page; import the attachment itself",
            f"这是印发或通报的正文,任务表在附件{('“' + named + '”') if named else ''}中,请导入附件本身",
        )
    if words >= _MIN_POINTS and words >= numbered:
        # why the points are not read as a point list, when they make a run of one
        seen = why_no_point_list(paras)
        why = f" ({seen[1]})" if seen else ""
        return (
            f"prose news, no task list to import: its {words} points are counted in words "
            "(一是…, 二是…, 第一…), as a report's or a speech's are, and name no responsible "
            f"units{why}",
            f"这是新闻或讲话正文,{words}个要点以“一是、二是”列出,没有写明责任单位,"
            "也不像开头宣布的工作或实事清单",
        )
    if numbered >= _MIN_POINTS and with_units >= _MIN_POINTS:
        return (
            f"prose, no task list to import: {numbered} numbered paragraphs and {with_units} "
            "that name units, but they were not read as a list of tasks (numbering that does "
            "not run 1, 2, 3 …, or units that do not close their paragraphs)",
            f"有{numbered}个编号段落、{with_units}段写明了责任单位,但未能读成任务清单(编号不连续或单位位置不明)",
        )
    if numbered >= _MIN_POINTS:
        return (
            f"prose, no task list to import: {numbered} numbered paragraphs, but they name no "
            "responsible units and do not read as a list of tasks (short headings, points of a "
            "report, or not numbered 1, 2, 3 …)",
            f"有{numbered}个编号段落,但没有写明责任单位,也不像任务清单(短标题、报告要点或编号不从1开始)",
        )
    sections = sections_without_report_opening(paras)
    if sections:
        return (
            f"prose news in sections, no task list to import: {sections} headings (一、…) over "
            "paragraphs of work done, but the opening does not name a progress report (完成情况, "
            "进展情况, 通报 …) or names a plan; give the page its report title to import it",
            f"这是分节的新闻或文件正文:{sections}个小标题下写有工作进展,但开头未说明是进展情况报告"
            "(完成情况、进展情况、通报等);如确为进展报告,请补上标题后导入",
        )
    under = f" under {headings} heading(s) (一、… (一)…)" if headings else ""
    under_zh = f",含{headings}个小标题" if headings else ""
    return (
        f"prose news, no task list to import: {len(texts)} paragraph(s) of running text{under}",
        f"这是新闻或报告正文({len(texts)}段{under_zh})",
    )


def _header_cells(texts: list[str]) -> list[tuple[str, ColumnRole]]:
    """The longest run of short paragraphs that each name a known column (a table's header
    cells flattened one per line), when no task column is among them."""
    best: list[tuple[str, ColumnRole]] = []
    run: list[tuple[str, ColumnRole]] = []
    for t in [*texts, ""]:
        cell = t.strip(" |｜")
        role = ColumnRole.OTHER
        numbered = CN_NUMBERED.match(cell) or any(p.match(cell) for p in STYLES.values())
        if cell and len(cell) <= _MAX_HEADER_CELL and not numbered:
            role = header_role(normalise_header(cell), have_task=False)
            if role is ColumnRole.OTHER and _FIGURE_HEADER.search(cell):
                role = ColumnRole.ACTUAL  # a figure's column, whatever its exact role
        if role is not ColumnRole.OTHER:
            run.append((cell, role))
            continue
        if not cell and run and t.strip():  # a lone "|" between cells: the run goes on
            continue
        if len(run) > len(best):
            best = run
        run = []
    if any(role is ColumnRole.TASK for _, role in best):
        return []
    return best
