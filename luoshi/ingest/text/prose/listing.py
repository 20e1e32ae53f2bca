"""The **prose** layout: the annual task list published as a document, not a table
(舟政办发〔2020〕4号 style, 责任分工/分解 notices)::

    一、…                          (section headings: groups)
    (一)省某厅牵头的工作            (a heading naming the section's lead unit)
    1.task text…                   (a numbered paragraph: one task)
    责任单位:市发改委、市财政局      (its unit line; or 牵头单位:/配合单位:/协同单位: lines,
                                    or a closing note "(责任单位:…)", "(省发改委负责)",
                                    "(省财政厅主办,省税务局协办)", "(市林业局)")

Rules, true of such lists wherever they come from:

- a task is a numbered paragraph (1. 1、 1) (1) ① 第一项 and, when it carries its own unit note
  or block of labelled lines, (一) or 一、); an unnumbered paragraph opens a task too when no
  task is open and it closes with its own unit note, is followed by a unit line, stands under
  a heading that names a lead unit, or stands above a closing "上述项目由X牵头负责" line
  (then each such paragraph is one task);
- the following paragraphs, until a unit line, continue the task's text;
- a unit line applies to the tasks of its section that have no unit line yet (a 协同单位 line
  closing a group of tasks applies to each); a heading's lead unit comes first;
- numbered items that all open with the name of an arrangement, a different one each
  (1.督查内容:… 2.督查方式:… 3.时间安排:…), are a notice's own steps, not tasks: no list;
- items run together on one line are cut where markers count on (items.run_splits); the
  last of them ends with that line (later lines without a unit label are not its text: a
  site's footer, the title repeated); in a list naming no units the last item has only as
  many paragraphs as another item has (a platform's notice below is no part of it, warned:
  ``document._trim_last``);
- a numbered paragraph whose name counts its items ((一)提前完成任务指标有7项。) or stands
  between section marks (§…§) is a group's heading, never a task (items.names_group);
- headings (一、…, (一)…, "…负责的工作", "一、…(牵头单位:X)" over numbered tasks) are groups;
  a notice's attachment list (附件:1.… then 2.… 3.… counting on) names documents, not tasks;
  a heading naming a person (…省长负责的工作) names no unit;
- a unit field inside the paragraph, or a sentence of it that only names units by their part
  (…。市住建局牵头,市财政局配合。…), ends the task's wording; in a progress report (its
  opening says so) what follows it, or the sentence opening with a reporting period, is the
  progress; a schedule label (实施进度为:) opens the task's target. In a progress report an
  unlabelled paragraph right after a task's unit line or its own unit note (or after its
  progress so far), before
  the next task, that reports what was done (截至…, 目前…, 已完成…) is that task's progress; a
  paragraph of requirements (下一步…, 各单位要…) is not. A page is such a report also when its
  opening does not say so but at least two items closed by their units are each followed by
  a paragraph opening with a period or a completion (此项工作已完成。截至…) (warned);
- items written ``N.name。progress`` (a short name closed by 。, then what was done:
  完成目标任务, 已…) split into task and progress as ``N、name:progress`` does
  (:mod:`.sentences`);
- headings (一、实施X) each over one unnumbered paragraph closed by its units, on a page
  where every task is so, are the tasks, the paragraphs their content (target), when the
  headings name work (:mod:`.content`; a category heading over one task stays a group);
- a short status after an item's unit note (…(责任单位:X)该件实事已全面完成) is no task text
  (warned): the note still closes the item, so a 一、 item with its own units and no
  sub-items of the list's style under it is a task, not a heading. Details and the rest of
  the spellings accepted (traditional labels, labels set off by spaces, bullets) are in
  :mod:`luoshi.ingest.text.prose.items`.

Tried only when no table header is found. The shape must be clear — at least two tasks with
units, or a numbered list of statements (``items.bare_list_start``), or one numbered task
whose own note or unit line names its units *by their part* (X牵头, 牵头单位:X, Y配合) followed by the next
item of its numbering (1. then 2.: a list, its other items cut off or without a note; warned,
the alternative being prose that happens to cite a unit; looked for at every depth, ① items
under groups numbered 1. / (1): ``structure._single_role_style``) — so ordinary prose is refused
(:mod:`luoshi.ingest.text.prose.refusal` says what it holds). A page whose items carry other labelled
fields in their block (责任人:, 责任领导:, 完成时限: — by the header vocabulary's role), or a
progress field anywhere (进展情况:, 存在问题:, 下步打算:, also after the task's full stop), is
left to the forms reader. Cells are kept as written (no space normalisation, as in the table
layouts).
"""

from __future__ import annotations

from collections import Counter

from luoshi.ingest.model import ParsedDocument
from luoshi.ingest.text.prose.cues import (
    MIN_DONE_PARAGRAPHS,
    arrangement_labels,
    reports_after_unit_sentence,
    reports_under_items,
    status_tail,
)
from luoshi.ingest.text.prose.document import build_document
from luoshi.ingest.text.prose.items import (
    ACHIEVED_OPENER,
    BULLET,
    CN_NUMBERED,
    FIELDS_WITH_UNITS,
    ROLE_WORD,
    STYLES,
    UNIT_LINE,
    is_report,
    label_colon,
    mid_units,
    names_group,
    opens_with_verdict,
    other_field,
    progress_field,
    reports_done,
    role_line,
    role_sentence,
    simplify_labels,
    split_done,
    split_glued,
    style_value,
    unit_note,
    unit_value,
    units_above,
)
from luoshi.ingest.text.prose.sentences import REPORT_SPLIT_END, report_warning, split_reported
from luoshi.ingest.text.prose.structure import (
    ATTACHMENTS,
    CUT_LABEL,
    DOCUMENT_NAME,
    LIST_STYLES,
    ProseTask,
    closing_note,
    cn_item,
    heading_unit,
    heads_tasks,
    in_item_block,
    list_style,
    unit_parts,
    units_above_ahead,
)
from luoshi.ingest.text.prose.subpoints import SUB_POINT, SUB_POINT_WARNING, plain_headings
from luoshi.ingest.text.rows import Para
from luoshi.ingest.text.shapes import CLOSING, is_group, looks_like_units


def read_prose(paras: list[Para], name: str, ends_newline: bool) -> ParsedDocument | None:
    """The document when the paragraphs have the plan-in-prose shape, else None."""
    paras = split_glued([Para(p.line, label_colon(simplify_labels(p.text)), p.gap) for p in paras])
    report = is_report(paras)
    under = reports_under_items(paras) or reports_after_unit_sentence(paras)
    warn: list[tuple[int | None, str]] = []
    if not report and under >= MIN_DONE_PARAGRAPHS:
        report = True
        warn.append(
            (
                None,
                f"read as a progress report: {under} items say what "
                "was done, though the opening does not name a report",
            )
        )
    style = list_style(paras)
    numbered = LIST_STYLES[style]
    tasks_raw: list[ProseTask] = []
    top = sub = ""
    section_unit = ""
    current: ProseTask | None = None
    prev: int | None = None
    first_index: dict[int, int] = {}  # task number -> paragraph index where it opened
    ignored: list[Para] = []
    last_waiting: list[ProseTask] = []
    back_ahead = units_above_ahead(paras)
    per_line = Counter(p.line for p in paras)
    shared_lines = {n for n, count in per_line.items() if count > 1}  # items run together
    done_after = -2  # the paragraph after which a report's progress paragraph may stand
    said_done = 0  # items split where a sentence opens saying what was done (已…, 完成…)
    attached: int | None = None  # the last number of an attachment list (附件:1.… 2.…)
    headings = plain_headings(paras, numbered)  # PLAIN GROUP HEADINGS (.subpoints)
    points = 0  # SUB-POINTS (.subpoints) read into their item
    for k, p in enumerate(paras):
        text = p.text.strip()
        above = units_above(text)
        if k == len(paras) - 1 and CUT_LABEL.match(text):
            ignored.append(p)  # the excerpt ends inside a unit label ("责任单")
            continue
        if (tasks_raw and other_field(text) and in_item_block(paras, k, current)) or (
            tasks_raw and progress_field(text)
        ):
            return None  # labelled fields other than units: a forms page
        m = numbered.match(text)
        if ATTACHMENTS.match(text):
            # "附件:1.…": the notice's attachment list, numbered lines that are not tasks
            am = numbered.match(ATTACHMENTS.sub("", text))
            attached = style_value(am.group(1)) if am else 0
            ignored.append(p)
            continue
        if (
            attached is not None
            and m
            and style_value(m.group(1)) == attached + 1
            and DOCUMENT_NAME.search(text)
        ):
            attached += 1  # the next attachment of the list ("2.2025年…任务分解")
            ignored.append(p)
            continue
        attached = None
        cn = CN_NUMBERED.match(text)
        counted = False
        if (marker := m or cn) and names_group(text[marker.end() :]):
            m = cn = None  # "(一)提前完成任务指标有7项。": a group's heading (names_group)
            counted = True
        if (m or cn) and not heads_tasks(paras, k, numbered):
            text, status = status_tail(text)
            if status:
                warn.append((p.line, f"status {status!r} after the unit note: not task text"))
        note = unit_note(text) if (m or cn) else None
        if cn and note and heads_tasks(paras, k, numbered):
            note = None  # "一、稳增长(牵头单位:X)" over numbered tasks: a heading naming X
        if m or (cn and (note or cn_item(paras, k, numbered))):
            value = None
            if m and style == "cn_paren":
                serial = text[: m.end()].strip()
            else:
                serial = m.group(1) if m else text[: cn.end()].strip("、")  # type: ignore[union-attr]
            if m:
                value = style_value(m.group(1))
                if prev is not None and value != prev + 1 and value != 1:
                    warn.append((p.line, f"serial {value} follows {prev}"))
                prev = value
            body = text[m.end() :] if m else text[cn.end() :]  # type: ignore[union-attr]
            current = ProseTask(
                serial, p.line, body, " ".join(g for g in (top, sub) if g), section_unit
            )
            current.value = value
            first_index[len(tasks_raw)] = k
            tasks_raw.append(current)
            if note:
                current.add_note(unit_note(body) or note)
                current.take_fields(body)
            elif (mid := mid_units(body) or role_sentence(body)) is not None:
                current.text = [mid[0]] if mid[0] else []
                current.lead += mid[1]
                current.co += mid[2]
                current.has_unit_line = True
                if mid[3]:
                    (current.done if report else current.text).append(mid[3])
            if report and not current.done and current.text:
                head, done = split_done(current.text[-1])
                if done:
                    current.text[-1:] = [head] if head else []
                    current.done.append(done)
                    said_done += bool(ACHIEVED_OPENER.match(done))
            if current.has_unit_line:
                done_after = k  # its own note named its units: progress paragraphs may follow
            continue
        open_task = current is not None and not current.has_unit_line
        if current is not None and current.serial and SUB_POINT.match(text):
            # SUB-POINTS (.subpoints): a "- " point continues its numbered item
            point = SUB_POINT.sub("", text)
            note = closing_note(point)
            current.text.append(note[0] if note else point)
            if note:
                current.lead += [v for v in map(unit_value, note[1]) if v not in current.lead]
                current.co += [v for v in map(unit_value, note[2]) if v not in current.co]
                current.has_unit_line = True
            current.line_end = p.line
            points += 1
            continue
        plain = k in headings and not open_task
        if counted or plain or is_group(text) or heading_unit(text) or (cn and not open_task):
            # (a 一、/(一) paragraph that is not an item is a heading, full stop or not —
            # unless a task still waiting for its units is open: then it is a point of it)
            unit = heading_unit(text)
            label = text  # the group: the heading without its unit note
            if cn and unit and (hn := unit_note(text)) is not None:
                label = hn[0]
            if text.startswith(("(", "（")):
                sub = label
            else:
                top, sub = label, ""
                section_unit = ""
            section_unit = unit or (section_unit if text.startswith(("(", "（")) else "")
            if text.startswith(("(", "（")) and not unit:
                section_unit = ""
            current = None
            prev = None if unit else prev
            continue
        if UNIT_LINE.match(text) or FIELDS_WITH_UNITS.match(text) or above:
            lead: list[str] = []
            co: list[str] = []
            if above:
                lead.append(above)
            else:
                unit_parts(text, lead, co)
            # the tasks of this section without a unit line yet, back to the last one that has;
            # a unit line right after another one (牵头单位 then 配合单位) goes with the same tasks
            waiting = []
            if k and UNIT_LINE.match(paras[k - 1].text.strip()):
                waiting = list(last_waiting)
            for t in reversed(tasks_raw if not waiting else []):
                if t.has_unit_line or t.group != tasks_raw[-1].group:
                    break
                waiting.append(t)
            last_waiting = waiting
            if not waiting:
                if current is None and lead and not above:
                    # a unit line heading a section before its tasks: they are its units
                    section_unit = lead[0]
                    continue
                ignored.append(p)
                continue
            for t in waiting:
                t.lead += lead
                t.co += co
                t.take_fields(text)
                # a label naming the part (牵头单位:, 配合单位:) is a task list's wording
                t.role_note = t.role_note or bool(ROLE_WORD.match(text))
                t.has_unit_line = True
                t.line_end = p.line
            current = None
            done_after = k  # progress paragraphs may follow the unit line
            continue
        roles = role_line(text)
        if roles is not None and current is not None and not current.has_unit_line:
            current.lead += roles[0]  # "X牵头,Y配合。" on a line of its own
            current.co += roles[1]
            current.has_unit_line = True
            current.line_end = p.line
            current = None
            continue
        if (
            current is not None
            and not current.has_unit_line
            and current.text
            and looks_like_units(text)
            and not is_group(text)
        ):
            # a line that is only a unit list right after the task names its units (a list
            # flattened without its labels: "1.新建公园3个。" / "市住建局、市财政局")
            current.lead.append(text)
            current.has_unit_line = True
            current.line_end = p.line
            current = None
            continue
        if (
            current is not None
            and not current.has_unit_line
            and current.line in shared_lines
            and p.line > current.line_end
            and not UNIT_LINE.match(text)
        ):
            # the last item of a list run together on one line ends with that line: what
            # follows on later lines (a site's footer, the title repeated) is not its text
            current = None
        verdict = current is not None and current.text and p.line > current.line_end
        if verdict and (opens_with_verdict(text) or (current.done and reports_done(text))):
            # VERDICT (items.py): a paragraph under the item's line judging its target
            # (超出目标任务。…) is its progress, and so are the paragraphs after it reporting
            # what was done
            current.done.append(text)
            current.line_end = p.line
            continue
        if verdict and current.done:
            ignored.append(p)  # after the progress, no more of the task (a title repeated)
            continue
        if current is not None and not current.has_unit_line:
            if current.text and p.gap == 0 and p.line == current.line_end:
                # a sub-measure cut from its task's own line ((1)… (2)…): the line as written
                current.text[-1] += text
                note = closing_note(current.text[-1])
            else:
                current.text.append(text)
                note = closing_note(text)
            current.line_end = p.line
            if note:
                current.add_note(note)
            continue
        # an unnumbered paragraph opens a task under a heading naming the lead unit, or when
        # its own unit line follows it
        follows = k + 1 < len(paras) and UNIT_LINE.match(paras[k + 1].text.strip())
        closed = current is None or current.has_unit_line
        # (a sub-measure numbered in another style, (1) under 110., is part of its task)
        unnumbered = not any(pat.match(text) for pat in STYLES.values())
        own_note = closed and unnumbered and not is_group(text) and closing_note(text) is not None
        # (an item is a statement: a title line above the block is not one)
        block = back_ahead[k] and unnumbered and not is_group(text) and CLOSING.search(text)
        if (
            closed
            and (section_unit or follows or own_note or block)
            and not CN_NUMBERED.match(text)
        ):
            text = BULLET.sub("", text)  # a bullet (●) marks the item, not its text
            current = ProseTask(
                "", p.line, text, " ".join(g for g in (top, sub) if g), section_unit
            )
            current.heading = sub or top
            first_index[len(tasks_raw)] = k
            tasks_raw.append(current)
            note = closing_note(text)
            if note:
                current.add_note(note)
            if block:
                current = None  # above a "上述项目由…" line each paragraph is one item
            continue
        if report and done_after == k - 1 and tasks_raw and reports_done(text):
            # a report's progress paragraph under the task's unit line
            tasks_raw[-1].done.append(text)
            tasks_raw[-1].line_end = p.line
            done_after = k
            continue
        ignored.append(p)
    if arrangement_labels([t.text[0] if t.text else "" for t in tasks_raw]) is not None:
        return None  # a notice's own arrangements (督查内容:… 督查方式:…), not tasks
    if points:
        warn.append((tasks_raw[0].line if tasks_raw else None, SUB_POINT_WARNING.format(n=points)))
    if said_done:
        # (a reading with an alternative, as the name。progress split is: the page may also be
        # headings over their bodies)
        warn.append(
            (
                tasks_raw[0].line,
                f"{said_done} item(s) read as the task's sentence, then what was done from the "
                f"sentence opening with 已…/完成… — {REPORT_SPLIT_END}",
            )
        )
    if split := split_reported(tasks_raw):
        # "1.农村交通建设。建成…,完成目标任务。": a report written name。progress
        report = True
        warn.append((tasks_raw[0].line, report_warning(split)))
    return build_document(
        paras,
        tasks_raw,
        first_index,
        ignored,
        warn,
        report=report,
        name=name,
        ends_newline=ends_newline,
    )
