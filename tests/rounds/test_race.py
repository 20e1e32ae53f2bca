"""The race: 20 concurrent saves of one entry per version (see race.py)."""

import json
import subprocess
import sys
from pathlib import Path

from django.db import connection

from rounds.race import THREADS, VERSIONS, run_race


def check(result: dict) -> None:
    assert len(result["rounds"]) == VERSIONS
    for n, rnd in enumerate(result["rounds"], 1):
        results = [r for _, r, _ in rnd["outcomes"]]
        assert len(results) == THREADS
        assert results.count("won") == 1, results
        assert results.count("conflict") == THREADS - 1, results
        winner = next(text for _, r, text in rnd["outcomes"] if r == "won")
        # The winner's text is what is stored; nothing else overwrote it silently.
        assert rnd["final_done"] == winner
        assert rnd["final_version"] == n + 1
        assert rnd["changes"] == n  # one history row per successful save


def test_twenty_concurrent_saves(transactional_db, tmp_path: Path):
    if connection.vendor == "sqlite":
        # Threads cannot share the in-memory test database with real locking: run the same
        # race in a subprocess against a SQLite file database (WAL, busy timeout as deployed).
        script = Path(__file__).with_name("race.py")
        out = subprocess.run([sys.executable, str(script), str(tmp_path / "race.sqlite3")],
                             capture_output=True, text=True, timeout=300, check=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
    else:
        result = run_race()
    check(result)
