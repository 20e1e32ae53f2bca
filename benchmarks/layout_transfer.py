"""Does the text reader depend on the layout it was tuned with? A generality check.

    .venv/bin/python benchmarks/layout_transfer.py [--verbose] [--split dev|holdout]
        [--only tables|prose|reports]

Every corpus table page of the chosen split (default dev) that luoshi reads with all its
checked cells right is taken as luoshi read it (columns, tasks) and written again in each text
flattening a published table comes in — pipe rows (``a | b | c``), pipe cells (one cell per
line closed by ``|``), cells per line (one cell per paragraph), space rows (cells separated by
runs of spaces), tab rows (cells separated by tabs) — and in three variants that real pages show: no 序号 column, traditional
characters (OpenCC s2t), and the header words split over two lines where a word has four or
more characters (责任 / 单位). Each rewritten page is read back; the figure is the share of
cells (task text, units, progress text of each task) that come back as they went in.

The same tasks are also written as a prose list (numbered paragraphs with unit lines or notes,
sixteen styles) and, with their progress, as a report that is no grid (a headed report, one
form per project; fifteen styles; also in traditional characters), and read back.

A reader whose rules are true of tables in general reads all the variants alike; a gap
between layouts or variants names an assumption that holds only for the pages it was built
on. Nothing here is tuned to: the pages are only a source of realistic cell text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from itertools import product
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXPECTED_DIR = REPO / "tests" / "corpus" / "expected"
for _p in (REPO, REPO / "tests" / "corpus"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import opencc  # noqa: E402
from expected_cells import normalise  # noqa: E402

from luoshi.ingest import IngestError, ParsedDocument, read_document  # noqa: E402
from luoshi.vocab import ColumnRole  # noqa: E402

# Simplified <-> traditional, made once: the traditional variants are written with _S2T, and
# both sides of a comparison are folded to one script by _fold.
_S2T, _T2S = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")


def _fold(x: str) -> str:
    return normalise(_T2S.convert(_S2T.convert(x)))


LAYOUTS = ("pipe-rows", "pipe-cells", "cells-per-line", "space-rows", "tab-rows")
VARIANTS = ("plain", "no-serial", "traditional", "split-header")
_ITEM = {
    ColumnRole.DONE: "done",
    ColumnRole.PROBLEMS: "problems",
    ColumnRole.NEXT_STEPS: "next_steps",
}
_UNITS = (ColumnRole.UNITS, ColumnRole.LEAD_UNIT, ColumnRole.CO_UNITS)
TITLE = "2023年重点工作任务推进情况表"


def table_of(doc: ParsedDocument, serial: bool) -> tuple[list[str], list[list[str]]]:
    """Header and rows (cell texts) of the document as parsed: one unit column, the item
    columns concatenated over items; extra columns from ``task.extra``."""
    header: list[str] = []
    getters = []
    seen_units = seen_task = False
    # units the page gave outside a unit column (a note in the task text) get a column
    has_units = any(c.role in _UNITS for c in doc.columns)
    for c in doc.columns:
        if c.role is ColumnRole.SERIAL:
            if serial:
                header.append("序号")
                getters.append(lambda t: t.serial)
        elif c.role is ColumnRole.TASK:
            if seen_task:
                continue  # several task columns: the reader joined them into the task text
            seen_task = True
            header.append(c.header)
            getters.append(lambda t: t.text)
            if not has_units and any(t.units for t in doc.tasks):
                header.append("责任单位")
                getters.append(lambda t: "、".join(t.units))
        elif c.role in _UNITS:
            if not seen_units:
                header.append("责任单位")
                getters.append(lambda t: "、".join(t.units))
                seen_units = True
        elif c.role in _ITEM:
            name = _ITEM[c.role]
            header.append(c.header)
            getters.append(lambda t, n=name: "".join(getattr(i, n) for i in t.items))
        else:
            header.append(c.header)
            getters.append(lambda t, h=c.header: t.extra.get(h, ""))
    rows = [[" ".join(g(t).split()) for g in getters] for t in doc.tasks]
    return header, rows


def _split(word: str) -> list[str]:
    return [word[:2], word[2:]] if len(word) >= 4 else [word]


def render(header: list[str], rows: list[list[str]], layout: str, split_header: bool) -> str:
    out = [TITLE, ""]
    if layout == "pipe-rows":
        out.append(" | ".join(header))
        out.append(" | ".join("---" for _ in header))
        out += [" | ".join(c.replace("\n", " ") or " " for c in r) for r in rows]
    elif layout == "pipe-cells":
        for w in header:
            parts = _split(w) if split_header else [w]
            out += [f"{p} |" for p in parts]
        for r in rows:
            out += [f"{c} |" for c in r]
    elif layout == "cells-per-line":
        for w in header:
            parts = _split(w) if split_header else [w]
            for p in parts:
                out += [p, ""]
        for r in rows:
            for c in r:
                out += [c or "——", ""]
    elif layout == "space-rows":
        out.append("  ".join(header))
        out += ["  ".join(c.replace(" ", "") or "——" for c in r) for r in rows]
    elif layout == "tab-rows":  # copied from a word processor or a spreadsheet
        out.append("\t".join(header))
        out += ["\t".join(c.replace(" ", "") or "——" for c in r) for r in rows]
    return "\n".join(out) + "\n"


def compare(src: ParsedDocument, got: ParsedDocument, fold=None) -> tuple[int, int, list[str]]:
    """Cells of ``src`` that ``got`` gives back; ``fold`` maps both sides before comparing."""

    def norm(x: str) -> str:
        return normalise(fold(x) if fold else x)

    right = total = 0
    wrong: list[str] = []
    for n, t in enumerate(src.tasks):
        u = got.tasks[n] if n < len(got.tasks) else None
        pairs = [
            ("task", t.text, u.text if u else None),
            ("units", "、".join(t.units), "、".join(u.units) if u else None),
            (
                "done",
                "".join(i.done for i in t.items),
                "".join(i.done for i in u.items) if u else None,
            ),
        ]
        for name, a, b in pairs:
            if not norm(a):
                continue
            total += 1
            if b is not None and norm(a) == norm(b):
                right += 1
            else:
                wrong.append(
                    f"task {n + 1} {name}: {normalise(a)[:12]} / {normalise(b or '')[:12]}"
                )
    return right, total, wrong


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--only", choices=("tables", "prose", "reports"), help="one part of the check")
    args = ap.parse_args()
    by: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    sources: list[ParsedDocument] = []
    for path in sorted(EXPECTED_DIR.glob("*.json")):
        exp = json.loads(path.read_text(encoding="utf-8"))
        if exp["split"] != args.split or exp["kind"] not in ("table", "prose_list"):
            continue
        page = SHARED / "corpus" / exp["file"]
        try:
            src = read_document(page)
        except IngestError:
            continue
        sources.append(src)
        if exp["kind"] != "table" or args.only not in (None, "tables"):
            continue
        if not src.tasks or any(len(t.items) > 1 for t in src.tasks):
            continue  # sub-item tasks do not flatten into one row each
        for variant in VARIANTS:
            header, rows = table_of(src, serial=variant != "no-serial")
            for layout in LAYOUTS:
                text = render(header, rows, layout, variant == "split-header")
                if variant == "traditional":
                    text = _S2T.convert(text)
                fold = (lambda x: _T2S.convert(_S2T.convert(x))) if variant == "traditional" else None
                try:
                    got = read_document(text.encode("utf-8"), name=f"{exp['file']}.txt")
                except IngestError as e:
                    r, t, wrong = 0, compare(src, src)[1], [f"refused: {e}"[:90]]
                else:
                    r, t, wrong = compare(src, got, fold)
                by[(layout, variant)][0] += r
                by[(layout, variant)][1] += t
                if args.verbose and wrong:
                    print(f"{exp['file']} {layout:15} {variant:12} {r}/{t}  {wrong[:3]}")
    if args.only in ("prose", "reports"):
        (prose_transfer if args.only == "prose" else report_transfer)(sources, args.verbose)
        return
    print(f"{'layout':15} " + " ".join(f"{v:>13}" for v in VARIANTS))
    for layout in LAYOUTS:
        cells = []
        for v in VARIANTS:
            r, t = by[(layout, v)]
            cells.append(f"{100 * r / t:12.1f}%" if t else "            -")
        print(f"{layout:15} " + " ".join(cells))
    r = sum(v[0] for v in by.values())
    t = sum(v[1] for v in by.values())
    print(f"overall cells back {r}/{t} = {100 * r / t:.1f}%")
    print()
    prose_transfer(sources, args.verbose)
    print()
    report_transfer(sources, args.verbose)


# --- the same tasks written as a prose list (numbered paragraphs with their units) ---------

PROSE_STYLES = {
    "unit-line": lambda n, t, u: f"{n}.{t}\n责任单位：{'、'.join(u)}",
    "lead-co-lines": lambda n, t, u: (
        f"{n}.{t}\n牵头单位：{u[0]}" + (f"\n配合单位：{'、'.join(u[1:])}" if u[1:] else "")
    ),
    "paren-note": lambda n, t, u: f"{n}、{t}（责任单位：{'、'.join(u)}）",
    "paren-units": lambda n, t, u: f"（{n}）{t}（{'、'.join(u)}）",
    "lead-co-note": lambda n, t, u: (
        f"{n}.{t}（{u[0]}牵头" + (f"，{'、'.join(u[1:])}配合）" if u[1:] else "）")
    ),
    "cn-numbered": lambda n, t, u: f"（{_CN[n]}）{t}\n责任单位：{'、'.join(u)}",
    "bracket-label": lambda n, t, u: f"{n}.{t}\n【责任单位】{'、'.join(u)}",
    "inline-labels": lambda n, t, u: (
        f"{n}.{t}。牵头单位：{u[0]}" + (f"；配合单位：{'、'.join(u[1:])}。" if u[1:] else "。")
    ),
    "share-note": lambda n, t, u: (
        f"{n}.{t}（{u[0]}牵头，" + (f"{'、'.join(u[1:])}等按职责分工负责）" if u[1:] else "下同）")
    ),
    "unnumbered-note": lambda n, t, u: f"{t}（责任单位：{'、'.join(u)}）",
    "cn-item-line": lambda n, t, u: f"{_CN[n]}、{t}\n责任单位：{'、'.join(u)}",
    "yishi-note": lambda n, t, u: f"{_CN[n]}是{t}（{'、'.join(u)}负责）",
    "dash-units": lambda n, t, u: f"{n}.{t}——{'、'.join(u)}",
    "bare-part-line": lambda n, t, u: f"{n}.{t}\n责任：{'、'.join(u)}",
    # the units in a sentence of the task's paragraph, by their part (no brackets, no label)
    "role-sentence": lambda n, t, u: (
        f"{n}.{t}。{u[0]}牵头" + (f"，{'、'.join(u[1:])}配合。" if u[1:] else "。")
    ),
    # labelled parts inside the closing note: （牵头单位：X，参与单位：Y）
    "labelled-note": lambda n, t, u: (
        f"{n}.{t}（牵头单位：{u[0]}" + (f"，参与单位：{'、'.join(u[1:])}）" if u[1:] else "）")
    ),
}
_CN = ["", *"一二三四五六七八九十", *(f"十{c}" for c in "一二三四五六七八九"), "二十"]


def render_prose(tasks: list, style: str, headings: bool) -> str:
    out = ["2023年重点工作任务分解", ""]
    for n, (text, units) in enumerate(tasks, 1):
        if headings and n % 4 == 1:
            out += [f"{_CN[(n + 3) // 4]}、第{_CN[(n + 3) // 4]}方面工作", ""]
        out += [PROSE_STYLES[style](n, text, units), ""]
    return "\n".join(out) + "\n"


def prose_transfer(docs: list[ParsedDocument], verbose: bool) -> None:
    by: dict[tuple[str, object], list[int]] = defaultdict(lambda: [0, 0])
    for src in docs:
        tasks = [
            (" ".join(t.text.split()).rstrip("。;；"), t.units)
            for t in src.tasks
            if t.units and len(t.text) >= 8 and "\n" not in t.text.strip()
        ][:20]
        if len(tasks) < 3:
            continue
        for style in PROSE_STYLES:
            # plain, under headings, and plain in traditional characters (compared folded)
            for headings in (False, True, "traditional"):
                text = render_prose(tasks, style, headings is True)
                if headings == "traditional":
                    text = _S2T.convert(text)
                total = 2 * len(tasks)
                try:
                    got = read_document(text.encode("utf-8"), name=f"{src.source_name}.txt")
                except IngestError as e:
                    right, wrong = 0, [f"refused: {e}"[:90]]
                else:
                    right, wrong = 0, []
                    for n, (t, u) in enumerate(tasks):
                        g = got.tasks[n] if n < len(got.tasks) else None
                        ok_t = g is not None and _fold(g.text).rstrip("。;；") == _fold(t)
                        ok_u = g is not None and [_fold(x) for x in g.units] == [_fold(x) for x in u]
                        right += ok_t + ok_u
                        if not (ok_t and ok_u):
                            wrong.append(f"{n + 1}: {normalise(g.text)[:14] if g else '-'}")
                by[(style, headings)][0] += right
                by[(style, headings)][1] += total
                if verbose and wrong:
                    print(
                        f"{src.source_name} prose {style:14} {headings} {right}/{total} {wrong[:2]}"
                    )
    print(f"{'prose style':15} {'plain':>13} {'with headings':>14} {'traditional':>13}")
    for style in PROSE_STYLES:
        cells = [by[(style, h)] for h in (False, True, "traditional")]
        print(f"{style:15} " + " ".join(f"{100 * r / t:12.1f}%" if t else "-" for r, t in cells))
    r = sum(v[0] for v in by.values())
    t = sum(v[1] for v in by.values())
    print(f"prose overall cells back {r}/{t} = {100 * r / t:.1f}%")


# --- the same tasks and their progress written as a report that is no grid -------------------
# (luoshi/ingest/text/prose: headed report, one form per project). Only tasks whose text is a
# name (at most 40 characters, no sentence mark inside) and whose progress is one cell: the
# layouts put a task's name in a heading or a 项目名称 field, never a paragraph of requirements.

REPORT_STYLES = {
    "headed": lambda n, t, u, d: f"{_CN[n]}、{t}\n{d}",
    "headed-report-word": lambda n, t, u, d: f"{_CN[n]}、{t}完成情况\n{d}",
    "headed-note": lambda n, t, u, d: f"{_CN[n]}、{t}（责任单位：{'、'.join(u)}）\n{d}",
    "form-fields": lambda n, t, u, d: f"项目名称：{t}\n责任单位：{'、'.join(u)}\n进展情况：{d}",
    "form-counter": lambda n, t, u, d: f"项目{_CN[n]}\n项目名称：{t}\n进展情况：{d}",
    "form-title-above": lambda n, t, u, d: f"{t}\n进展情况：{d}",
    "headed-arabic": lambda n, t, u, d: f"{n}.{t}\n{d}",
    "headed-paren": lambda n, t, u, d: f"（{n}）{t}\n{d}",
    "headed-di": lambda n, t, u, d: f"第{_CN[n]}项 {t}\n{d}",
    "headed-same-line": lambda n, t, u, d: f"{_CN[n]}、{t}：{d}",
    # under group headings (一、…类项目), the tasks numbered (一) (二) …
    "headed-in-groups": lambda n, t, u, d: (
        (f"{_CN[(n + 2) // 3]}、第{_CN[(n + 2) // 3]}类项目\n" if n % 3 == 1 else "")
        + f"（{_CN[(n - 1) % 3 + 1]}）{t}\n{d}"
    ),
    # the body cut into its sentences, one paragraph each
    "headed-paragraphs": lambda n, t, u, d: (
        f"{_CN[n]}、{t}\n" + re.sub(r"(?<=[。；;])(?=.)", "\n", d)
    ),
    # the body cut into the report's parts by sub-headings (the progress part read back)
    "headed-with-parts": lambda n, t, u, d: (
        f"{_CN[n]}、{t}\n（一）主要进展\n{d}\n（二）存在问题\n无\n（三）下步打算\n按计划推进。"
    ),
    "form-one-line": lambda n, t, u, d: f"项目名称：{t} 进展情况：{d}",
    "form-spaced-labels": lambda n, t, u, d: f"项目名称 ：{t}\n进 展 情 况：{d}",
}
_NAME_MARKS = re.compile(r"[。，,；;：:！!？?（）()]")


def report_transfer(docs: list[ParsedDocument], verbose: bool) -> None:
    by: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
    for src in docs:
        rows = []
        for t in src.tasks:
            name = " ".join(t.text.split()).rstrip("。;；")
            done = "".join(i.done for i in t.items).strip()
            if len(t.items) != 1 or not done or len(name) > 40 or _NAME_MARKS.search(name):
                continue
            rows.append((name, t.units, " ".join(done.split())))
        rows = rows[:20]
        if len(rows) < 3:
            continue
        for (style, write), traditional in product(REPORT_STYLES.items(), (False, True)):
            joint = " " if style == "form-one-line" else "\n\n"
            body = joint.join(write(n, t, u, d) for n, (t, u, d) in enumerate(rows, 1))
            text = f"2023年重点项目推进情况\n\n{body}\n"
            if traditional:
                text = _S2T.convert(text)
            with_units = "note" in style or style == "form-fields"
            total = len(rows) * (3 if with_units else 2)
            try:
                got = read_document(text.encode("utf-8"), name=f"{src.source_name}.txt")
            except IngestError as e:
                right, wrong = 0, [f"refused: {e}"[:90]]
            else:
                right, wrong = 0, []
                for n, (t, u, d) in enumerate(rows):
                    g = got.tasks[n] if n < len(got.tasks) else None
                    ok = [
                        g is not None and _fold(g.text) == _fold(t),
                        g is not None and _fold("".join(i.done for i in g.items)) == _fold(d),
                    ]
                    if with_units:
                        ok.append(
                            g is not None and [_fold(x) for x in g.units] == [_fold(x) for x in u]
                        )
                    right += sum(ok)
                    if not all(ok):
                        wrong.append(f"{n + 1}: {normalise(g.text)[:14] if g else '-'}")
            by[(style, traditional)][0] += right
            by[(style, traditional)][1] += total
            if verbose and wrong:
                print(
                    f"{src.source_name} report {style:18} {traditional} {right}/{total} {wrong[:2]}"
                )
    print(f"{'report style':20} {'plain':>13} {'traditional':>13}")
    for style in REPORT_STYLES:
        cells = [by[(style, t)] for t in (False, True)]
        print(f"{style:20} " + " ".join(f"{100 * r / t:12.1f}%" if t else "-" for r, t in cells))
    r = sum(v[0] for v in by.values())
    t = sum(v[1] for v in by.values())
    if t:
        print(f"report overall cells back {r}/{t} = {100 * r / t:.1f}%")


if __name__ == "__main__":
    main()
