"""Parse time and throughput of the text reader: the two seeds, and a generated ~50 MB corpus.

    .venv/bin/python benchmarks/parse.py [--mb 50]

The corpus is plans from ``luoshi.sample`` (our own wording; six- and three-column layouts, all
four periods) written through the text writer with the header repeated every 20 tasks, as the
published pages do at page breaks. For the corpus the script also reports how many tasks come
back exactly as generated (the text round trip).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from luoshi.export import write_document  # noqa: E402
from luoshi.ingest import read_document  # noqa: E402

SEEDS = ["000_eb2b56e49a1860ea.txt", "004_fea78dcb383e1fba.txt"]


def best_of(n: int, fn) -> float:
    best = float("inf")
    for _ in range(n):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def corpus(mb: float) -> list[tuple[bytes, list[dict]]]:
    """(text bytes, the generated tasks as dicts) until ``mb`` megabytes."""
    try:
        from luoshi.sample import generate_plan
    except ImportError:  # the sample generator is optional for this benchmark
        raise SystemExit("luoshi.sample is needed to generate the corpus") from None
    out: list[tuple[bytes, list[dict]]] = []
    total = 0
    seed = 0
    while total < mb * 1e6:
        layout = "three" if seed % 4 == 3 else "six"
        for doc in generate_plan(seed, "安澜市", 2018 + seed % 7, 150, layout=layout):
            data = write_document(doc, "text", header_every=20)
            out.append((data, [t.to_dict() for t in doc.tasks]))
            total += len(data)
        seed += 1
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=50.0, help="size of the generated corpus")
    args = ap.parse_args(argv)

    print("seed                         KB   tasks   best of 5 s    MB/s")
    total_s = 0.0
    for name in SEEDS:
        data = (SHARED / "seeds" / name).read_bytes()
        doc = read_document(data, name=name)
        s = best_of(5, lambda data=data, name=name: read_document(data, name=name))
        total_s += s
        print(
            f"{name:26} {len(data) / 1e3:6.0f} {len(doc.tasks):7d} {s:13.4f} {len(data) / s / 1e6:7.2f}"
        )
    print(f"both seeds: {total_s:.4f} s")

    start = time.perf_counter()
    docs = corpus(args.mb)
    gen_s = time.perf_counter() - start
    size = sum(len(d) for d, _ in docs)
    tasks = sum(len(t) for _, t in docs)
    # The corpus and its expected tasks (some 385,000 containers at 50 MB) stay alive for the
    # whole run; without this, Python's cyclic collector walks them again and again while the
    # reader allocates, a cost of the harness (~13% of the CPU at 50 MB), not of the reader.
    gc.freeze()
    start, cpu_start = time.perf_counter(), time.process_time()
    exact = 0
    for i, (data, expected) in enumerate(docs):
        parsed = read_document(data, name=f"gen{i}.txt")
        exact += sum(a == b.to_dict() for a, b in zip(expected, parsed.tasks, strict=False))
    parse_s = time.perf_counter() - start
    cpu_s = time.process_time() - cpu_start
    print(
        f"generated corpus: {len(docs)} documents, {size / 1e6:.1f} MB, {tasks} tasks "
        f"(generated and written in {gen_s:.1f} s)"
    )
    print(
        f"parse: {parse_s:.2f} s wall = {size / parse_s / 1e6:.2f} MB/s, {tasks / parse_s:.0f} tasks/s; "
        f"{cpu_s:.2f} s CPU = {size / cpu_s / 1e6:.2f} MB/s (wall > CPU when the machine is busy)"
    )
    print(f"tasks back exactly as generated: {exact}/{tasks} = {100 * exact / tasks:.2f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
