"""Throughput of the structured-format writers and readers.

    .venv/bin/python benchmarks/formats.py [N_TASKS]     # default 300 tasks (PDF: a third)

A generated Q3 table of the six-column layout (luoshi.sample, ~12% of tasks split into
sub-items) is written in each format and read back with read_document. Prints per format: file
size, write and read seconds, MB/s (of the file) and tasks/s, and whether the round trip gave
back exactly the same tasks.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from luoshi.export import write_document
from luoshi.export.pdf import write_pdf
from luoshi.ingest import read_document
from luoshi.sample.generator import generate_plan

FORMATS = ["html", "docx", "xlsx", "csv", "json", "pdf"]


def _best(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    [doc] = generate_plan(11, "安澜市", 2023, n, periods=("q3",))
    [small] = generate_plan(11, "安澜市", 2023, max(10, n // 3), periods=("q3",))
    print(f"{'format':<6} {'tasks':>6} {'size KB':>8} | {'write s':>8} {'MB/s':>6} {'tasks/s':>8} | "
          f"{'read s':>7} {'MB/s':>6} {'tasks/s':>8} | exact")
    for fmt in FORMATS:
        d = small if fmt == "pdf" else doc
        repeat = 1 if fmt == "pdf" else 3
        write = (lambda d=d: write_pdf(d)) if fmt == "pdf" else (lambda d=d, f=fmt: write_document(d, f))
        tw, data = _best(write, repeat)
        tr, back = _best(lambda data=data, f=fmt: read_document(data, name=f"bench.{f}"), repeat)
        mb = len(data) / 1e6
        nt = len(d.tasks)
        exact = [t.to_dict() for t in back.tasks] == [t.to_dict() for t in d.tasks]
        print(f"{fmt:<6} {nt:>6} {len(data) / 1024:>8.0f} | {tw:>8.3f} {mb / tw:>6.2f} {nt / tw:>8.0f} | "
              f"{tr:>7.3f} {mb / tr:>6.2f} {nt / tr:>8.0f} | {'yes' if exact else 'NO'}")


if __name__ == "__main__":
    main()
