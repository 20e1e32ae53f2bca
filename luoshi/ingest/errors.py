"""The one error type readers raise: it names the file, the place and the reason."""

from __future__ import annotations


class IngestError(Exception):
    """Input that cannot be read. Nothing is imported when this is raised."""

    def __init__(self, source: str, reason: str, line: int | None = None, where: str = ""):
        self.source = source or "<input>"
        self.reason = reason
        self.line = line
        self.where = where  # e.g. "table 2, row 14" for formats without lines
        super().__init__(str(self))

    def __str__(self) -> str:
        place = self.source
        if self.line is not None:
            place += f":{self.line}"
        if self.where:
            place += f" ({self.where})"
        return f"{place}: {self.reason}"
