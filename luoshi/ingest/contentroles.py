"""CONTENT-CHECKED ROLES: a column's role checked against what its cells hold.

General statement, for every format that ends in a Grid (text, HTML, DOCX, XLSX, PDF) and
for the paragraph table of the text reader (its rows read again under the checked roles): the
header names a column's role, but a header word the vocabulary does not know (任务项目指标,
进展比例, a grouping header) or one used loosely (备注 holding the departments, 已完成数 holding
the progress text) leaves a column *weak* — read as other, remarks or actual — and the task,
the units or the progress are then lost. After the header roles, each weak column's cells (all
its filled cells below the header) are compared with the roles the header gave no column:

1. **units** — no unit column (责任单位, 牵头单位, 配合单位): the first weak column whose every
   filled cell is a unit list (short names split by 、 , ; or spaces, no figures or sentences,
   at least one ending like an organisation: 局 委 办 政府 中心 街道 镇 …), of which at least
   one names a body rather than a place only (城关镇, 经开区: a 建设地点 column of sites
   reads as places, the likelier reading where no cell names a 局, 委 or 中心);
2. **declared status** — no status column: the first weak column (not actual) whose every
   filled cell is a short status phrase (at most 10 characters: 顺利推进, 已完成, 滞后) and
   at least one phrase repeats (a column of phrases picked from a short list);
3. **task** — no task column: the first weak column (not remarks) whose filled cells are, for
   at least two thirds, free text longer than 12 characters that is no unit list, date or
   figure;
4. **progress** (done) — no progress column: of the weak columns (not remarks) right of the
   task column whose filled cells hold, for at least two thirds, a done word (已, 完成, 开工,
   竣工, 建成, 投用, 累计, 截至), the one with the longest cells on average. A share done
   (20%, 100%) counts as a done word only in a column the header names nothing (other), and
   only in a table without an actual-figures column: under 已完成数 or 完成投资额 a
   percentage is the figure the header names, and beside such a column a column of shares is
   the rate of that figure to its target (完成率), not the progress.

A remarks column (备注) may become units or a declared status but never the task or the
progress: notes often say what was done (prose lists keep such notes under 备注), so done
words there are no evidence of a progress column. Each rule asks at least two filled cells
(one row is no evidence of a column), never takes a role the header gave another column, and
never changes a column the header named as anything but other, remarks or actual. Each change
is warned, naming the header, the role it had, the role given and the alternative (the
header's reading).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from luoshi.ingest.grid import Grid
from luoshi.ingest.model import Column
from luoshi.ingest.script import to_simplified
from luoshi.ingest.units import LEAD_MARKS
from luoshi.vocab import UNIT_COLUMN_ROLES, ColumnRole

# Roles a header gives when it does not name what the column holds.
_WEAK = frozenset({ColumnRole.OTHER, ColumnRole.REMARKS, ColumnRole.ACTUAL})
_MIN_FILLED = 2  # one row is no evidence of what a column holds
_LONG = 12  # characters: longer than a name, a date or a short unit list
_STATUS_LEN = 10  # a declared status is a phrase (按时序推进), not a report
_MAX_NAME = 15
_NOT_NAME = re.compile(r"[\d。:：!！?？]")
_UNIT_SPLIT = re.compile(r"[\s、,，;；]+")
_DONE_WORDS = re.compile(r"已|完成|开工|竣工|建成|投用|累计|截至|截止")
# A cell naming only one place (a site, not a body): 城关镇, 经开区, 河西街道.
_PLACE = re.compile(r"^[^、,，;；\s]{1,12}(?:省|市|县|区|镇|乡|村|街道|开发区|园区)$")
_SHARE = re.compile(r"\d[%％]")
_DATE = re.compile(r"^\d{4}\s*年(?:\s*\d{1,2}\s*月)?|^\d{1,2}\s*月(?:底|末|份|中旬|上旬|下旬)")
_FIGURE = re.compile(r"^[\d.,，%％\s+\-~～—至万亿千百元个人项家户亩吨米公里平方]+$")


def is_unit_list(text: str) -> bool:
    """A list of short names (、 , ; or spaces between them, lead marks allowed), without
    figures or sentences, of which at least one ends like an organisation."""
    from luoshi.ingest.text.shapes import looks_like_units  # text/ imports gridlayout

    names = [n.strip(LEAD_MARKS) for n in _UNIT_SPLIT.split(text) if n.strip(LEAD_MARKS)]
    return (
        bool(names)
        and all(len(n) <= _MAX_NAME and not _NOT_NAME.search(n) for n in names)
        and any(looks_like_units(n) for n in names)
    )


def _is_free_text(text: str) -> bool:
    return (
        len(text) > _LONG
        and not is_unit_list(text)
        and not _DATE.match(text)
        and not _FIGURE.match(text)
    )


def _mostly(filled: list[str], test: Callable[[str], bool]) -> bool:
    return sum(1 for t in filled if test(t)) * 3 >= len(filled) * 2


def content_roles(columns: list[Column], cells: Callable[[int], list[str]]) -> list[str]:
    """Give weak columns the role their cells show (module docstring); ``columns`` is changed
    in place, ``cells(i)`` gives column i's cells below the header. Returns the warnings."""
    # the text package imports gridlayout, which calls this: its cell shapes are asked here
    from luoshi.ingest.text.shapes import looks_like_status

    warnings: list[str] = []
    filled = {
        i: [s for t in cells(i) if (s := t.strip())]
        for i, c in enumerate(columns)
        if c.role in _WEAK
    }
    weak = [i for i in sorted(filled) if len(filled[i]) >= _MIN_FILLED]

    def present(*roles: ColumnRole) -> bool:
        return any(c.role in roles for c in columns)

    def give(i: int, role: ColumnRole, holds: str) -> None:
        old = columns[i]
        name = old.header or f"(column {i + 1}, no header)"
        warnings.append(
            f"column {name} (header read as {old.role}) holds {holds}: read as {role} "
            f"from its cells (the alternative: {old.role}, as the header says)"
        )
        columns[i] = Column(header=old.header, role=role)
        weak.remove(i)

    if not present(*UNIT_COLUMN_ROLES):
        i = next(
            (
                i
                for i in weak
                if all(is_unit_list(t) for t in filled[i])
                and not all(_PLACE.search(to_simplified(t)) for t in filled[i])
            ),
            None,
        )
        if i is not None:
            give(i, ColumnRole.UNITS, "only unit names (局, 委, 办 …)")
    if not present(ColumnRole.DECLARED_STATUS):
        i = next(
            (
                i
                for i in weak
                if columns[i].role is not ColumnRole.ACTUAL
                and all(len(t) <= _STATUS_LEN and looks_like_status(t) for t in filled[i])
                and len(set(filled[i])) < len(filled[i])
            ),
            None,
        )
        if i is not None:
            give(i, ColumnRole.DECLARED_STATUS, "only short repeated status phrases")
    if not present(ColumnRole.TASK):
        i = next(
            (
                i
                for i in weak
                if columns[i].role is not ColumnRole.REMARKS and _mostly(filled[i], _is_free_text)
            ),
            None,
        )
        if i is not None:
            give(i, ColumnRole.TASK, "long text that is no unit, date or figure")
    if not present(ColumnRole.DONE):
        roles = [c.role for c in columns]
        task = roles.index(ColumnRole.TASK) if ColumnRole.TASK in roles else -1

        actual = ColumnRole.ACTUAL in roles

        def done_word(i: int) -> Callable[[str], bool]:
            share = columns[i].role is ColumnRole.OTHER and not actual
            return lambda t: bool(_DONE_WORDS.search(t) or (share and _SHARE.search(t)))

        candidates = [
            i
            for i in weak
            if i > task
            and columns[i].role is not ColumnRole.REMARKS
            and _mostly(filled[i], done_word(i))
        ]
        if candidates:
            i = max(candidates, key=lambda k: sum(map(len, filled[k])) / len(filled[k]))
            give(i, ColumnRole.DONE, "what was done (已, 完成, shares done …)")
    return warnings


def grid_content_roles(
    grid: Grid, h: int, columns: list[Column], warnings: list[str]
) -> list[str]:
    """:func:`content_roles` for a Grid's body under header row ``h``; the "unknown column
    header" warning of a column given a role by its cells gives way to the one saying so."""

    def cells(i: int) -> list[str]:
        return [grid.texts(r)[i] for r in range(h + 1, len(grid.rows)) if i < len(grid.rows[r])]

    before = [c.role for c in columns]
    said = content_roles(columns, cells)
    if not said:
        return warnings
    return [w for w in warnings if not superseded(w, columns, before)] + said


def superseded(warning: str, columns: list[Column], before: list[ColumnRole]) -> bool:
    """The "unknown column header" warning of a column :func:`content_roles` gave a role: the
    warning saying so replaces it."""
    return any(
        warning.startswith(f"unknown column header {c.header!r}:")
        for c, role in zip(columns, before, strict=True)
        if c.role is not role
    )
