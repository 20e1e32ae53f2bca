"""Cell-by-cell accuracy of the text reader against the hand-checked segmentations in
../shared/gold (conventions in gold/README.md).

    .venv/bin/python benchmarks/segment_quality.py [-v]

Cells counted per gold task: serial, task text, units (seed 004: the raw cell split with the
reader's own rule), and per gold item each field it has (heading, progress = done, problems,
next = next_steps). A task missing from the output, or an item missing from a task, counts all
its cells wrong. tests/ingest/test_gold.py asserts the thresholds with the same function.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from luoshi.ingest import ParsedDocument, read_document  # noqa: E402
from luoshi.ingest.units import split_units  # noqa: E402

SEEDS = {
    "000": ("seeds/000_eb2b56e49a1860ea.txt", "gold/seed000_segments.json"),
    "004": ("seeds/004_fea78dcb383e1fba.txt", "gold/seed004_segments_1-75.json"),
}
_FIELDS = {"heading": "heading", "progress": "done", "problems": "problems", "next": "next_steps"}


@dataclass
class Score:
    cells: int = 0
    correct: int = 0
    tasks: int = 0
    wrong: list[str] = field(default_factory=list)  # "serial/field" of each wrong cell

    @property
    def accuracy(self) -> float:
        return self.correct / self.cells if self.cells else 0.0

    def check(self, where: str, expected: object, got: object) -> None:
        self.cells += 1
        if expected == got:
            self.correct += 1
        else:
            self.wrong.append(where)


def score(doc: ParsedDocument, gold: list[dict]) -> Score:
    result = Score(tasks=len(gold))
    by_serial = {t.serial: t for t in doc.tasks}
    for g in gold:
        serial = str(g["serial"])
        task = by_serial.get(serial)
        result.check(f"{serial}/serial", True, task is not None)
        result.check(f"{serial}/task", g["task"], task.text if task else None)
        if "units" in g:
            result.check(
                f"{serial}/units", split_units(g["units"])[0], task.units if task else None
            )
        for n, gi in enumerate(g["items"]):
            item = task.items[n] if task and n < len(task.items) else None
            for key, attr in _FIELDS.items():
                if key in gi:
                    got = getattr(item, attr) if item else None
                    result.check(f"{serial}/item{n + 1}/{attr}", gi[key], got)
    return result


def score_seed(seed: str) -> tuple[Score, ParsedDocument]:
    text, gold = SEEDS[seed]
    doc = read_document(SHARED / text)
    return score(doc, json.loads((SHARED / gold).read_text(encoding="utf-8"))), doc


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    for seed in SEEDS:
        s, doc = score_seed(seed)
        serials = [t.serial for t in doc.tasks]
        in_order = serials == [str(i) for i in range(1, len(serials) + 1)]
        print(
            f"seed {seed}: {s.correct}/{s.cells} cells = {100 * s.accuracy:.2f}% over {s.tasks} "
            f"gold tasks; parsed {len(doc.tasks)} tasks, serials in order: {in_order}"
        )
        if verbose and s.wrong:
            print("  wrong:", ", ".join(s.wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
