"""20 concurrent saves of one entry, per version: exactly one wins, the others get the conflict.

Runs in the current database (threads, each with its own connection). ``python race.py`` runs
it against a fresh SQLite *file* database, which is how the SQLite test pass exercises it (the
in-memory test database cannot be shared by threads with real locking).
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

# Co-units that have not filed: the lead unit says why (issue 12).
CO_REASON = "配合单位另行报送。"

THREADS = 20
VERSIONS = 3


def run_race() -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from round_plan import build_round_plan

    from luoshi.core.models import Change, Progress
    from luoshi.rounds.accounts import add_user
    from luoshi.rounds.models import Role
    from luoshi.rounds.services import Conflict, EntryInput, open_round, save_entry

    rp = build_round_plan()
    supervisor = add_user("督查员", Role.SUPERVISOR)
    liaison = add_user("联络员", Role.LIAISON, units=[rp.reform])
    report = open_round(supervisor, rp.plan, rp.h1, None)
    entry = report.progress.get(task=rp.roads)
    rounds = []
    for version in range(1, VERSIONS + 1):
        barrier = threading.Barrier(THREADS)
        outcomes: list[tuple[int, str, str]] = []
        lock = threading.Lock()

        def save(i: int, version=version, barrier=barrier, outcomes=outcomes, lock=lock) -> None:
            user = get_user_model().objects.get(pk=liaison.pk)
            target = Progress.objects.get(pk=entry.pk)
            text = f"第{version}版 第{i}人 新建道路{i}公里。"
            barrier.wait()
            try:
                save_entry(user, target, version, EntryInput(text, "", ""))
                result = "won"
            except Conflict as error:
                result = "conflict" if "未丢失" in str(error) else f"bad message: {error}"
            except Exception as error:
                result = f"{type(error).__name__}: {error}"
            finally:
                connection.close()
            with lock:
                outcomes.append((i, result, text))

        threads = [threading.Thread(target=save, args=(i,)) for i in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        final = Progress.objects.get(pk=entry.pk)
        rounds.append({
            "outcomes": sorted(outcomes),
            "final_done": final.done,
            "final_version": final.version,
            "changes": Change.objects.filter(model="progress", object_id=entry.pk).count(),
        })
    return {"rounds": rounds}


STATE_ROUNDS = 12


def run_state_race(kind: str) -> dict:
    """A save of the entry against its submission (``kind`` "submit") or its approval
    ("approve"), both started together, ``STATE_ROUNDS`` times. Reports per round who won and
    how many changes of the entry's text were recorded after it left the editable states
    (must be none)."""
    from django.db import connection
    from round_plan import build_round_plan

    from luoshi.core.models import Change, Progress
    from luoshi.rounds.accounts import add_user
    from luoshi.rounds.models import EntryState, Role, RoundEntry
    from luoshi.rounds.services import (
        EntryInput,
        RoundError,
        approve_entry,
        open_round,
        return_entry,
        save_entry,
        submit_entry,
    )

    rp = build_round_plan()
    office = add_user("督查员", Role.SUPERVISOR)
    liaison = add_user("联络员", Role.LIAISON, units=[rp.reform])
    report = open_round(office, rp.plan, rp.h1, None)
    entry = report.progress.get(task=rp.roads)
    rounds = []
    for n in range(STATE_ROUNDS):
        if RoundEntry.objects.get(pk=entry.pk).state in (EntryState.SUBMITTED, EntryState.APPROVED):
            return_entry(office, entry, "再改一次。")
        fresh = Progress.objects.get(pk=entry.pk)
        save_entry(liaison, fresh, fresh.version, EntryInput(f"第{n}轮 基线文字。", "", ""))
        if kind == "approve":
            submit_entry(liaison, entry, acknowledge=True, co_reason=CO_REASON)
        version = Progress.objects.get(pk=entry.pk).version
        barrier = threading.Barrier(2)
        outcome: dict[str, str] = {}

        def run(name: str, action, barrier=barrier, outcome=outcome) -> None:
            barrier.wait()
            try:
                action()
                outcome[name] = "won"
            except RoundError as error:
                outcome[name] = f"refused: {error}"
            except Exception as error:
                outcome[name] = f"{type(error).__name__}: {error}"
            finally:
                connection.close()

        def save(version=version, n=n) -> None:
            save_entry(liaison, Progress.objects.get(pk=entry.pk), version,
                       EntryInput(f"第{n}轮 抢在{kind}前后的修改。", "", ""))

        def transition() -> None:
            if kind == "submit":
                submit_entry(liaison, Progress.objects.get(pk=entry.pk), acknowledge=True)
            else:
                approve_entry(office, Progress.objects.get(pk=entry.pk))

        threads = [threading.Thread(target=run, args=("save", save)),
                   threading.Thread(target=run, args=(kind, transition))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        state = RoundEntry.objects.get(pk=entry.pk).state
        left = Change.objects.filter(model="round_entry", object_id=entry.pk).order_by("-id")
        last_state_change = left.first()
        late = Change.objects.filter(model="progress", object_id=entry.pk,
                                     id__gt=last_state_change.pk).count() if (
            last_state_change and state in (EntryState.SUBMITTED, EntryState.APPROVED)) else 0
        rounds.append({"save": outcome.get("save", "?"), kind: outcome.get(kind, "?"),
                       "state": str(state), "late_changes": late})
    return {"rounds": rounds}


def main() -> int:
    """Run against a fresh SQLite file database given as the first argument; the second, if
    any, names a state race ("submit" or "approve") instead of the save race."""
    db = Path(sys.argv[1])
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    result = run_state_race(sys.argv[2]) if len(sys.argv) > 2 else run_race()
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
