"""Which Chromium the browser tests drive, and why that one.

    python tests/browsers.py            # say which Chromium would be used
    python tests/browsers.py --install  # and, if none, try Playwright's own download

In order: ``LUOSHI_CHROMIUM`` (a path: used or refused, never silently passed over); the
system's (``chromium``, ``chromium-browser``, ``google-chrome`` on PATH — Debian's in CI);
Playwright's own build, put in its cache by ``playwright install chromium``. When none can be
had, :func:`find_chromium` says what was looked for, so the failure names the remedy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@dataclass(frozen=True)
class Found:
    path: str | None  # None: nothing usable
    source: str  # which, and why (or why not)


def playwright_cache() -> Path:
    default = Path.home() / ".cache" / "ms-playwright"
    return Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or default)


def playwright_chromium() -> str | None:
    """The newest Chromium that `playwright install chromium` left in Playwright's cache."""
    cache = playwright_cache()
    candidates = [*cache.glob("chromium-*/chrome-linux*/chrome"),
                  *cache.glob("chromium-*/chrome-mac*/Chromium.app/Contents/MacOS/Chromium"),
                  *cache.glob("chromium-*/chrome-win*/chrome.exe")]
    candidates = [c for c in candidates if os.access(c, os.X_OK)]
    if not candidates:
        return None
    return str(max(candidates, key=lambda c: int(c.parts[len(cache.parts)].split("-")[-1])))


def find_chromium() -> Found:
    chosen = os.environ.get("LUOSHI_CHROMIUM", "").strip()
    if chosen:
        if os.access(chosen, os.X_OK):
            return Found(chosen, "LUOSHI_CHROMIUM")
        return Found(None, f"LUOSHI_CHROMIUM={chosen} is not an executable file")
    for name in SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return Found(found, f"the system's ({name} on PATH)")
    found = playwright_chromium()
    if found:
        return Found(found, f"Playwright's own (no system Chromium; from {playwright_cache()})")
    return Found(None, (
        "no Chromium: LUOSHI_CHROMIUM is unset, none of "
        f"{', '.join(SYSTEM_NAMES)} is on PATH, and Playwright's own is not in "
        f"{playwright_cache()}. Install one: `apt-get install chromium` (what CI uses), or "
        "`.venv/bin/python -m playwright install chromium` (needs the network), or point "
        "LUOSHI_CHROMIUM at a Chromium/Chrome binary"))


def main(argv: list[str]) -> int:
    found = find_chromium()
    if found.path is None and "--install" in argv and not os.environ.get("LUOSHI_CHROMIUM"):
        print("browsers: no Chromium on this machine; trying `playwright install chromium`",
              file=sys.stderr)
        done = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"])
        if done.returncode != 0:
            print("browsers: Playwright could not download its Chromium (offline?)",
                  file=sys.stderr)
        found = find_chromium()
    print(f"browsers: Chromium {found.path or '(none)'}: {found.source}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
