"""Bounds on the tables pdfminer expands from a PDF's fonts, installed before a PDF is read.

pdfminer turns a range written once in a font into one entry per code: a width range
``c_first c_last w`` in a CID font's /W (or /W2) array, and a ``begincidrange`` /
``beginbfrange`` line of a CMap. A damaged or hostile 3 KB PDF whose range reads
``1 999999999 500`` makes it allocate gigabytes (found by benchmarks/fuzz.py). Character IDs
are at most 65,535 (PDF 32000-1, annex C) and a bfrange may vary only its last byte, so a range
longer than :data:`MAX_RANGE` codes is damage: the font is refused (``PDFFontError``, which the
PDF reader reports as a corrupt PDF).

Other stream filters that can expand a small file (LZW, run-length) are not bounded here; see
docs/ingest-budgets.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

MAX_RANGE = 65_536
_installed = False


class RangeTooLarge(Exception):
    """A font or CMap range beyond MAX_RANGE codes."""


def _checked_widths(original: Callable[[Iterable[object]], Any], run_len: int
                    ) -> Callable[..., Any]:
    """``original`` (pdfminer's get_widths, run_len 3: ``c1 c2 w``; get_widths2, run_len 5:
    ``c1 c2 w vx vy``) refusing a range of more than MAX_RANGE codes."""
    from pdfminer.pdftypes import resolve1

    @wraps(original)
    def get_widths(seq: Iterable[object]) -> Any:
        # The same walk as pdfminer's: a list ends a pending run, other junk is skipped.
        items = [resolve1(v) for v in seq]
        run: list[object] = []
        for v in items:
            if isinstance(v, list):
                run = []
            elif isinstance(v, int | float):
                run.append(v)
                if len(run) == run_len:
                    first, last = run[0], run[1]
                    if isinstance(first, int) and isinstance(last, int) \
                            and last - first >= MAX_RANGE:
                        raise RangeTooLarge(f"font width range {first}..{last}")
                    run = []
        return original(items)

    return get_widths


def install() -> None:
    """Wrap pdfminer's width tables and CMap entries with the range check (once)."""
    global _installed
    if _installed:
        return
    from pdfminer import cmapdb, pdffont
    from pdfminer.pdffont import PDFFontError

    class FontRangeError(PDFFontError, RangeTooLarge):
        pass

    def _raising(fn: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except RangeTooLarge as exc:
                raise FontRangeError(str(exc)) from None

        return call

    pdffont.get_widths = _raising(_checked_widths(pdffont.get_widths, 3))
    pdffont.get_widths2 = _raising(_checked_widths(pdffont.get_widths2, 5))

    # A CMap built from a range adds one entry per code: count them per CMap.
    for cls, method in ((cmapdb.FileCMap, "add_code2cid"),
                        (cmapdb.FileUnicodeMap, "add_cid2unichr")):
        add = getattr(cls, method)

        def counted(self: Any, *args: Any, _add: Callable[..., Any] = add) -> Any:
            n = self.__dict__.get("_luoshi_entries", 0) + 1
            self.__dict__["_luoshi_entries"] = n
            if n > 4 * MAX_RANGE:
                raise FontRangeError(f"a CMap with more than {4 * MAX_RANGE:,} entries")
            return _add(self, *args)

        setattr(cls, method, wraps(add)(counted))
    _installed = True
