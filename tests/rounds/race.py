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


def main() -> int:
    """Run against a fresh SQLite file database given as the only argument."""
    db = Path(sys.argv[1])
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    print(json.dumps(run_race(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
