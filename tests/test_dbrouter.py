"""The read-replica router (luoshi/dbrouter.py) on two real SQLite databases.

The replica is a copy of the primary taken after migrating, so a row written afterwards is on
the primary only — as on a replica that has not caught up yet. Where a read lands shows in
whether it sees that row. Runs in a subprocess: DATABASE_REPLICA_URL is read at start-up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json, os, sqlite3, threading
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.core.signals import request_started
from django.db import connections, transaction

call_command("migrate", verbosity=0, interactive=False)
for alias in connections:
    connections[alias].close()
# The replica: a copy of the primary as it is now.
sqlite3.connect(settings.DATABASES["default"]["NAME"]).backup(
    sqlite3.connect(settings.DATABASES["replica"]["NAME"]))

from django.contrib.sessions.models import Session
from luoshi.core.models import Government

out = {"routers": settings.DATABASE_ROUTERS,
       "mirror": settings.DATABASES["replica"]["TEST"]["MIRROR"]}


def sees_row():
    return Government.objects.filter(name="新写入区").exists()


def in_thread(name, fn):
    # Each thread has its own connections and its own "wrote" state, like a request's.
    def run():
        request_started.send(sender=None)
        out[name] = fn()
    t = threading.Thread(target=run)
    t.start()
    t.join()


def writer():
    Government.objects.create(name="新写入区", level="district")
    after_write = sees_row()
    request_started.send(sender=None)  # the next request of this thread
    return {"after_write": after_write, "next_request": sees_row()}


in_thread("writer", writer)
in_thread("plain_read", sees_row)


def atomic_read():
    with transaction.atomic():
        return sees_row()


in_thread("atomic_read", atomic_read)
in_thread("session_db", lambda: Session.objects.all().db)
in_thread("government_db", lambda: Government.objects.all().db)
print(json.dumps(out))
"""


@pytest.fixture
def replica_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(LUOSHI_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="luoshi.settings",
               DATABASE_REPLICA_URL=f"sqlite:///{tmp_path / 'replica.sqlite3'}")
    return env


def test_replica_router_reads_replica_unless_the_primary_is_needed(replica_env):
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=replica_env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got == {
        "routers": ["luoshi.dbrouter.ReplicaRouter"],
        "mirror": "default",
        # The writing request reads its own write from the primary …
        "writer": {"after_write": True, "next_request": False},
        # … another request reads the replica, which does not have the row yet …
        "plain_read": False,
        # … except inside a transaction, which reads the primary.
        "atomic_read": True,
        "session_db": "default",
        "government_db": "replica",
    }


def test_no_replica_no_router(replica_env):
    replica_env.pop("DATABASE_REPLICA_URL")
    script = ("import django, json; django.setup(); from django.conf import settings; "
              "print(json.dumps([sorted(settings.DATABASES), settings.DATABASE_ROUTERS]))")
    done = subprocess.run([sys.executable, "-c", script], env=replica_env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [["default"], []]
