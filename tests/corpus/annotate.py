"""The annotators' helper: the expectation form of text selected from a corpus page by lines.

    python tests/corpus/annotate.py 001 12-15          # cell of lines 12..15 (1-based)
    python tests/corpus/annotate.py 001 12-15 --units  # as a unit list
    python tests/corpus/annotate.py 001 12 --cut 3:-2  # a slice of the joined text
    python tests/corpus/annotate.py 001 --show 10-20   # numbered lines, to pick ranges

It prints the normalised length, a short head and the encoded cell (literal or n/h), using
tests/corpus/expected_cells.py, so hashes are exactly what the scorer computes. It never
reads luoshi's output: expectations come from reading the page.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent.parent / "shared" / "corpus"
sys.path.insert(0, str(HERE))

from expected_cells import encode, encode_units, head, normalise  # noqa: E402


def lines_of(stem: str) -> list[str]:
    return (CORPUS / f"{stem}.txt").read_text(encoding="utf-8").splitlines()


def pick(lines: list[str], spec: str) -> str:
    first, _, last = spec.partition("-")
    a = int(first)
    b = int(last) if last else a
    return "\n".join(lines[a - 1 : b])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("stem")
    ap.add_argument("range", nargs="?")
    ap.add_argument("--units", action="store_true")
    ap.add_argument("--show")
    ap.add_argument("--cut", help="python slice start:stop of the normalised text")
    ap.add_argument("--text", help="encode this text instead of a line range")
    args = ap.parse_args(argv)
    lines = lines_of(args.stem)
    if args.show:
        a, _, b = args.show.partition("-")
        for i in range(int(a), (int(b) if b else int(a)) + 1):
            if i <= len(lines):
                print(f"{i:4} {lines[i - 1][:120]!r}")
        return 0
    text = args.text if args.text is not None else pick(lines, args.range)
    if args.units:
        print(json.dumps(encode_units(text), ensure_ascii=False))
        return 0
    norm = normalise(text)
    if args.cut:
        s, _, e = args.cut.partition(":")
        norm = norm[int(s) if s else None : int(e) if e else None]
    print(len(norm), head(norm, 12), "…", norm[-8:])
    print(json.dumps(encode(norm), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
