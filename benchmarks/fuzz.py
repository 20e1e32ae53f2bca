"""Fuzzing the readers: N mutated documents per format through read_document.

    .venv/bin/python benchmarks/fuzz.py [N] [--formats text,html,...] [--seed S]
    .venv/bin/python benchmarks/fuzz.py --hostile      # the hostile files instead

Each input is a generated progress table written in the format and mutated a few times
(tests/ingest/mutate.py: text changes for text-like formats, XML changes inside DOCX/XLSX
parts, raw PDF and byte changes). Each format runs in its own child process, so its peak
memory is its own (``wait4``). Per format it prints: inputs; how many were read; declared
errors (IngestError from a reader's own checks or a budget limit); crashes (any other
exception inside a reader, which read_document reports as "the file could not be read");
hangs (an input still running after HANG_SECONDS, interrupted by an alarm); the slowest input
in seconds; peak resident memory in MB. A crash or hang prints the first few inputs' seeds
and messages; ``--seed S --formats F 1`` reproduces one.

``--hostile`` reads each file of tests/ingest/hostile_files.py in a child process limited to
300 MB of address space (as tests/ingest/test_hostile.py does) and prints its outcome, seconds
and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from luoshi.ingest import IngestError, ReaderFailed, read_document
from tests.ingest.mutate import FORMATS, base_documents, file_name, mutated

HANG_SECONDS = 10.0


class Hang(BaseException):
    """Not an Exception: read_document would report one raised inside a reader as the
    reader's failure (a crash), not as the hang it is."""


def _alarm(signum, frame):
    raise Hang()


def run_format(fmt: str, n: int, seed: int) -> dict:
    base_documents(fmt)  # written once, before the clock
    signal.signal(signal.SIGALRM, _alarm)
    counts = {"inputs": 0, "read": 0, "declared": 0, "crashes": 0, "hangs": 0}
    slowest = 0.0
    examples: list[str] = []
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        data = mutated(rng, fmt)
        counts["inputs"] += 1
        t = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
        try:
            read_document(data, name=file_name(fmt))
            counts["read"] += 1
        except ReaderFailed as exc:
            counts["crashes"] += 1
            if len(examples) < 5:
                examples.append(f"input {seed}/{i}: {exc}")
        except IngestError:
            counts["declared"] += 1
        except Hang:
            counts["hangs"] += 1
            if len(examples) < 5:
                examples.append(f"input {seed}/{i}: still running after {HANG_SECONDS} s")
        except Exception as exc:  # read_document lets nothing else out: count it as a crash
            counts["crashes"] += 1
            if len(examples) < 5:
                examples.append(f"input {seed}/{i}: {type(exc).__name__}: {exc}")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        slowest = max(slowest, time.perf_counter() - t)
    return {**counts, "slowest_s": round(slowest, 3), "examples": examples}


def hostile() -> int:
    import subprocess
    import tempfile

    from tests.ingest.hostile_files import HOSTILE, ODD, write_all
    from tests.ingest.test_hostile import MEMORY_MB, RUNNER, SECONDS

    with tempfile.TemporaryDirectory() as tmp:
        write_all(Path(tmp))
        names = [*HOSTILE, *ODD]
        proc = subprocess.run(
            [sys.executable, "-c", RUNNER, tmp, str(MEMORY_MB), str(SECONDS), *names],
            capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent,
        )
    print(f"{'file':<34} {'outcome':<14} {'seconds':>8} {'peak MB':>8}  limit / reason")
    bad = 0
    for line in proc.stdout.splitlines():
        r = json.loads(line)
        expected = "read" if r["name"] in ODD else None
        ok = r["outcome"] == expected if expected else r["outcome"] in (
            "IngestError", "LimitExceeded", "ReaderFailed")
        bad += not ok or r["seconds"] >= SECONDS or r["peak_mb"] >= MEMORY_MB
        why = r["message"].split("(LUOSHI_INGEST_")[-1].rstrip(")") if "LUOSHI_INGEST_" in \
            r["message"] else r["message"].split(": ", 1)[-1]
        print(f"{r['name']:<34} {r['outcome']:<14} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f}  "
              f"{why[:70]}")
    return 1 if bad or proc.returncode else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=2000, help="inputs per format")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hostile", action="store_true", help="read the hostile files instead")
    args = ap.parse_args()
    if args.hostile:
        return hostile()
    import logging
    import warnings

    logging.disable(logging.CRITICAL)  # crashes are counted here, not logged
    warnings.simplefilter("ignore")  # openpyxl warns about damaged workbooks it still reads
    print(f"{'format':<6} {'inputs':>7} {'read':>6} {'declared':>9} {'crashes':>8} {'hangs':>6} "
          f"{'slowest s':>10} {'peak MB':>8} {'wall s':>7}")
    bad = 0
    for fmt in args.formats.split(","):
        r, w = os.pipe()
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            out = run_format(fmt, args.n, args.seed)
            os.write(w, json.dumps(out).encode())
            os._exit(0)
        os.close(w)
        data = b""
        while chunk := os.read(r, 1 << 16):
            data += chunk
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        if not data:
            print(f"{fmt:<6} child died (status {status})")
            bad += 1
            continue
        res = json.loads(data)
        print(f"{fmt:<6} {res['inputs']:>7} {res['read']:>6} {res['declared']:>9} "
              f"{res['crashes']:>8} {res['hangs']:>6} {res['slowest_s']:>10} "
              f"{usage.ru_maxrss / 1024:>8.0f} {wall:>7.1f}", flush=True)
        for line in res["examples"]:
            print("   ", line[:400])
        bad += res["crashes"] + res["hangs"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
