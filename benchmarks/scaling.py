"""How reading time grows with the size of pathological but small inputs.

    .venv/bin/python benchmarks/scaling.py [--sizes 1000,4000] [--only NAME,...]

The fuzz benchmark mutates small documents, so it cannot see a reader whose time grows
faster than its input; the budget's limits only bound the size. Each generator here makes
an input of a shape that has been (or could be) quadratic — rows that never close, one line
of thousands of marks, unit lists running on, thousands of rows, deep nesting — at each size,
reads it through ``read_document`` (budget and all) and prints bytes, seconds and the outcome
per size, and the growth exponent between the first and the last size (time ~ size^k: 1 is
linear, 2 quadratic; below ~10 ms the figure is noise). An input stopped by a limit should
be stopped quickly at every size.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from luoshi.ingest import IngestError, LimitExceeded, read_document

HEADER = ["序号", "任务内容", "责任单位", "完成情况", "存在问题", "下一步工作"]
TAB = "\t".join(HEADER) + "\n"
SPACE = " ".join(HEADER) + "\n"
CELLS = "\n\n".join(HEADER) + "\n\n"
PIPE = "|" + "|".join(HEADER) + "|\n|---|---|---|---|---|---|\n"
TH = "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"


def _row(i: int) -> list[str]:
    return [str(i % 999 + 1), f"建设城市公园{i}。", "市建设局", "已完成方案设计。", "无", "加快施工。"]


# name -> (file name, builder of the input at size n)
GENERATORS: dict[str, tuple[str, Callable[[int], str]]] = {
    "tab rows": ("t.txt", lambda n: TAB + "".join("\t".join(_row(i)) + "\n" for i in range(n))),
    "space rows": ("t.txt", lambda n: SPACE + "".join(" ".join(_row(i)) + "\n" for i in range(n))),
    "cell paragraphs": ("t.txt", lambda n: CELLS + "".join("\n\n".join(_row(i)) + "\n\n"
                                                          for i in range(n))),
    "pipe rows": ("t.txt", lambda n: PIPE + "".join("|" + "|".join(_row(i)) + "|\n"
                                                    for i in range(n))),
    "one line": ("t.txt", lambda n: " ".join(HEADER) + " "
                 + " ".join(" ".join(_row(i)) for i in range(n)) + "\n"),
    "row never closes": ("t.txt", lambda n: SPACE + "1 建设城市公园。\n" + "推进建设工作。\n" * n),
    "pipes in a row": ("t.txt", lambda n: CELLS + "1\n\n建设城市公园。\n\n市建设局\n\n"
                       + "|\t|\t|\n" * n),
    "unit list runs on": ("t.txt", lambda n: TAB + "1\t建设城市公园。\t" + "市建设局、" * n
                          + "\t已完成\t无\t继续\n"),
    "numbered prose": ("t.txt", lambda n: "".join(f"{i % 999 + 1}. 建设城市公园,责任单位市建设局。\n"
                                                  for i in range(n))),
    "key: value blocks": ("t.txt", lambda n: "".join(f"{i % 999 + 1}. 建设城市公园{i}\n责任单位:市建设局\n"
                                                     "完成情况:已完成\n" for i in range(n))),
    "marks in a cell": ("t.txt", lambda n: TAB + "1\t" + "一、(1)" * n + "\t市建设局\t已完成\t无\t继续\n"),
    "html rows": ("t.html", lambda n: "<table>" + TH + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in _row(i)) + "</tr>" for i in range(n))
        + "</table>"),
    "html nested tables": ("t.html", lambda n: "<table><tr><td>" * (n // 20) + "x"
                           + "</td></tr></table>" * (n // 20)),
    "html small tables": ("t.html", lambda n: "<table><tr><td>a</td></tr></table>" * n
                          + "<table>" + TH + "<tr>" + "".join(f"<td>{c}</td>" for c in _row(0))
                          + "</tr></table>"),
    "csv rows": ("t.csv", lambda n: ",".join(HEADER) + "\n"
                 + "".join(",".join(_row(i)) + "\n" for i in range(n))),
    "json wide": ("t.json", lambda n: '{"tasks": [' + ",".join(
        f'{{"serial": "{i}", "text": "建设{i}", "units": ["市建设局"]}}' for i in range(n))
        + "]}"),
}


def measure(name: str, build: Callable[[int], str], n: int) -> tuple[int, float, str]:
    data = build(n).encode()
    started = time.perf_counter()
    try:
        outcome = f"{len(read_document(data, name=name).tasks)} tasks"
    except LimitExceeded as exc:
        outcome = f"limit {exc.limit}"
    except IngestError as exc:
        outcome = f"error: {exc.reason[:40]}"
    return len(data), time.perf_counter() - started, outcome


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,4000,16000", help="sizes n, comma-separated")
    ap.add_argument("--only", default="", help="generator names, comma-separated")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    print(f"{'input':20s} " + "  ".join(f"{'n=' + str(n):>30s}" for n in sizes) + "  growth")
    worst = 0.0
    for label, (name, build) in GENERATORS.items():
        if only and label not in only:
            continue
        runs = [measure(name, build, n) for n in sizes]
        cells = [f"{b / 1024:7.0f}KB {s:6.3f}s {o[:14]:14s}" for b, s, o in runs]
        (b0, s0, _), (b1, s1, _) = runs[0], runs[-1]
        k = math.log(max(s1, 1e-3) / max(s0, 1e-3)) / math.log(b1 / b0) if b1 > b0 else 0.0
        worst = max(worst, s1)
        print(f"{label:20s} " + "  ".join(cells) + f"  {k:5.2f}", flush=True)
    print(f"slowest input: {worst:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
