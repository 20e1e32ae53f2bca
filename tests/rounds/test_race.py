"""The race: 20 concurrent saves of one entry per version (see race.py)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from rounds.race import STATE_ROUNDS, THREADS, VERSIONS, run_race, run_state_race


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


def raced(tmp_path: Path, kind: str) -> dict:
    if connection.vendor == "sqlite":
        script = Path(__file__).with_name("race.py")
        out = subprocess.run([sys.executable, str(script), str(tmp_path / "race.sqlite3"), kind],
                             capture_output=True, text=True, timeout=300, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])
    return run_state_race(kind)


@pytest.mark.parametrize("kind", ["submit", "approve"])
def test_no_entry_changes_after_it_leaves_the_editable_state(transactional_db, tmp_path, kind):
    """Issue 14: a save raced against a submission or an approval either lands before it (and
    is what is submitted) or is refused; never after it."""
    result = raced(tmp_path, kind)
    assert len(result["rounds"]) == STATE_ROUNDS
    for rnd in result["rounds"]:
        assert rnd["late_changes"] == 0, rnd
        for name in ("save", kind):
            assert rnd[name] == "won" or rnd[name].startswith("refused: "), rnd
        assert rnd[kind] == "won" or rnd["save"] == "won", rnd  # someone got through
        if kind == "approve":
            # The entry was submitted: a save is refused whatever the order.
            assert rnd["save"].startswith("refused: ") and rnd["state"] == "approved", rnd
        if rnd[kind] == "won":
            assert rnd["state"] == ("submitted" if kind == "submit" else "approved"), rnd
