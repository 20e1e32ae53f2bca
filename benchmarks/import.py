"""Import throughput: generated plans (luoshi.sample) through import_document.

    .venv/bin/python benchmarks/import.py            # a fresh SQLite database in a temp dir
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/import.py   # an empty PostgreSQL

Prints, per plan size: seconds for the first period (creates tasks), a later period (matches
them), a dry run, and the no-op re-import of the same document.
"""

from __future__ import annotations

import benchdb

connection = benchdb.setup("luoshi-bench-")

from luoshi.core.services.importing import import_document  # noqa: E402
from luoshi.sample import generate_plan  # noqa: E402

timed = benchdb.timed


def main() -> None:
    print(f"database: {connection.vendor}")
    print(f"{'tasks':>6} {'rows':>6} {'first s':>8} {'rows/s':>7} {'next s':>7} {'dry s':>6} "
          f"{'again s':>8}")
    for seed, n in enumerate((50, 200, 1000), start=1):
        q1, h1 = generate_plan(seed, f"基准{seed}市", 2023, n, periods=("q1", "h1"))
        rows = sum(len(t.items) for t in q1.tasks)
        first, _ = timed(lambda q1=q1: import_document(q1, file_name="q1"))
        dry, _ = timed(lambda h1=h1: import_document(h1, file_name="h1", dry_run=True))
        nxt, result = timed(lambda h1=h1: import_document(h1, file_name="h1"))
        assert result.counts["matched"] == n, result.counts
        again, result = timed(lambda q1=q1: import_document(q1, file_name="q1"))
        assert result.outcome == "already_imported"
        print(f"{n:>6} {rows:>6} {first:>8.3f} {rows / first:>7.0f} {nxt:>7.3f} {dry:>6.3f} "
              f"{again:>8.4f}")


if __name__ == "__main__":
    main()
