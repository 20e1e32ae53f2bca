"""Governments named in a table's title: level from the name, parent from a compound name."""

from __future__ import annotations

import re

# "温州市洞头区" → ("温州市", "洞头区"); "浙江省舟山市" → ("浙江省", "舟山市").
_COMPOUND = re.compile(r"^(?P<parent>.{2,}?[省市])(?P<child>.{2,}[市区县])$")


def split_government_name(name: str) -> tuple[str | None, str]:
    """The enclosing government's name (or None) and the local part of a compound name."""
    m = _COMPOUND.match(name)
    if not m:
        return None, name
    return m.group("parent"), m.group("child")


def find_or_create_government(name: str):
    """The Government of that name, created with a guessed level and parent when new."""
    from luoshi.core.models import Government

    name = "".join(name.split())
    existing = Government.objects.filter(name=name).first()
    if existing is not None:
        return existing
    parent_name, _local = split_government_name(name)
    parent = find_or_create_government(parent_name) if parent_name else None
    return Government.objects.create(name=name, level=Government.level_for(name), parent=parent)
