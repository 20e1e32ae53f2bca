"""Start a throw-away PostgreSQL server, run a command against it, stop it.

    python tests/pgserver.py -- pytest -q

initdb runs in a temporary directory, the server listens on a free loopback port, and the
command gets DATABASE_URL pointing at it. As root (CI), the server runs as the ``postgres``
user, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time


def find_bindir() -> str:
    # Debian keeps the server programs outside PATH, one directory per major version.
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]))
    if dirs:
        return dirs[-1]
    found = shutil.which("initdb")
    if found:
        return os.path.dirname(found)
    raise SystemExit("pgserver: PostgreSQL server binaries not found (apt-get install postgresql)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def main(argv: list[str]) -> int:
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        raise SystemExit("usage: pgserver.py -- COMMAND ...")
    bindir = find_bindir()
    tmp = tempfile.mkdtemp(prefix="luoshi-pg-")
    data = os.path.join(tmp, "data")
    os.mkdir(data)
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres")
        shutil.chown(data, "postgres")
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
