"""Responsible units (责任单位): the pure naming rules, and their resolution to Unit rows.

Rules, kept small on purpose:
- NFKC (full-width letters, digits and brackets become half-width), no whitespace inside a
  name, no list punctuation around it;
- a lead marker (* or ★ before or after the name) is dropped and reported as ``lead_marked``;
- a bracketed note about the table ("列第一位者为…牵头…,下同") is not part of the name;
- "市府办(市大数据局)" stays the unit's name; the bracketed 市大数据局 is kept as an alias when
  it looks like an institution of its own (not "各县(区)政府").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

LEAD_MARKERS = "*★☆※"
_EDGE_PUNCT = "、,，;；。.:："
_BRACKETED = re.compile(r"\(([^()]*)\)")
# Endings of institution names; a bracketed part ending so is an alias candidate.
_INSTITUTION_ENDINGS = (
    "局", "委", "办", "院", "会", "部", "厅", "处", "室", "所", "站", "馆", "中心", "公司",
    "集团", "政府", "支队", "大队", "分行", "行", "社", "署", "团", "联",
)


@dataclass(frozen=True)
class UnitName:
    name: str  # the normalised name the unit is filed under
    aliases: tuple[str, ...] = ()  # other names it may be written as
    lead_marked: bool = False  # written with * or ★ (this table marks lead units so)


@dataclass
class _Parts:
    text: str
    lead: bool = False
    notes: list[str] = field(default_factory=list)


def is_table_note(text: str) -> bool:
    """A bracketed remark about the table rather than a name ("…牵头或汇总单位,下同")."""
    return "下同" in text or ("牵头" in text and "单位" in text)


def looks_like_institution(text: str) -> bool:
    return len(text) >= 3 and text.endswith(_INSTITUTION_ENDINGS)


def normalize_unit(raw: str) -> UnitName:
    """Normalise one unit as written in a 责任单位 cell. Returns an empty name for noise."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(text.split())
    text = text.strip(_EDGE_PUNCT)
    lead = False
    while text and (text[0] in LEAD_MARKERS or text[-1] in LEAD_MARKERS):
        lead = True
        text = text.strip(LEAD_MARKERS).strip(_EDGE_PUNCT)
    # Drop bracketed table notes; keep other brackets as written.
    text = _BRACKETED.sub(lambda m: "" if is_table_note(m.group(1)) else m.group(0), text)
    text = text.strip(_EDGE_PUNCT)
    if not any(ch.isalnum() for ch in text):
        return UnitName(name="", lead_marked=lead)  # "——", "/": an empty cell, not a unit
    aliases = tuple(
        inner for inner in _BRACKETED.findall(text) if looks_like_institution(inner) and inner != text
    )
    return UnitName(name=text, aliases=aliases, lead_marked=lead)


def unit_roles(names: list[UnitName]) -> list[bool]:
    """Which units lead: the ones marked with * or ★ when the cell marks any, else the first."""
    if any(n.lead_marked for n in names):
        return [n.lead_marked for n in names]
    return [i == 0 for i in range(len(names))]


class UnitResolver:
    """Finds or creates the Unit rows of one government, by name then by alias.

    Caches what it has seen, so an import of a few hundred tasks runs a handful of queries.
    """

    def __init__(self, government) -> None:
        from luoshi.core.models import Unit, UnitAlias

        self.government = government
        self._by_name: dict[str, Unit] = {}
        self._by_alias: dict[str, Unit] = {}
        for unit in Unit.objects.filter(government=government):
            self._by_name[unit.name] = unit
        for alias in UnitAlias.objects.filter(unit__government=government).select_related("unit"):
            self._by_alias.setdefault(alias.alias, alias.unit)
        self.created: list[Unit] = []

    def resolve(self, name: UnitName):
        """The Unit for a normalised name, created (with its aliases) when new."""
        from luoshi.core.models import Unit, UnitAlias

        unit = self._by_name.get(name.name) or self._by_alias.get(name.name)
        if unit is not None:
            return unit
        unit = Unit.objects.create(government=self.government, name=name.name)
        self._by_name[unit.name] = unit
        self.created.append(unit)
        for alias in name.aliases:
            # An alias that is already a unit's name or another unit's alias would be ambiguous.
            if alias in self._by_name or alias in self._by_alias:
                continue
            UnitAlias.objects.create(unit=unit, alias=alias)
            self._by_alias[alias] = unit
        return unit
