"""How changes to financial effects and scenario analysis are kept in the audit trail, and read back.

The trail keeps codes, not labels, so that the history reads in the reader's language: a grid cell, an
anticipated effect and a scenario's creation or removal are kept as JSON (codes, amounts, and a scenario's
names in both languages as they were then); the statement lines and the not-quantified reason as codes
(domain/audit_text.py labels them); yes/no fields as True/False. Entries written before this form, as
plain text, are shown as stored."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from carthane_tcfd.domain.effects import AnticipatedEffect, Direction
from carthane_tcfd.domain.scenarios import CellDraft
from carthane_tcfd.domain.taxonomy import Horizon, Lang

Names = tuple[str, str]  # a scenario's name in Chinese and in English ("" when it has none)


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _dump(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def cell_value(scenario: Names, horizon: str, cell: CellDraft | None) -> str | None:
    """A grid cell as the trail keeps it (None for a blank cell)."""
    if cell is None or cell.is_blank:
        return None
    return _dump(
        {
            "scenario": list(scenario),
            "horizon": horizon,
            "direction": cell.direction.value if cell.direction else None,
            "level": cell.level,
            "low": _amount(cell.low_cny),
            "high": _amount(cell.high_cny),
            "narrative": cell.narrative.strip(),
        }
    )


def anticipated_value(a: AnticipatedEffect | None) -> str | None:
    """An anticipated effect (one horizon of an item) as the trail keeps it."""
    if a is None:
        return None
    return _dump({"horizon": a.horizon, "low": _amount(a.low_cny), "high": _amount(a.high_cny), "basis": a.basis})


def scenario_value(names: Names, cells: int | None = None) -> str:
    """A scenario created (its names) or removed (its names and how many grid cells went with it)."""
    return _dump({"scenario": list(names), "cells": cells})


def scenario_names(stored: str | None) -> Names | None:
    """The names a stored scenario or cell value holds, if it is one."""
    found = _load(stored)
    return _names_in(found) if found else None


def _names_in(found: dict[str, Any]) -> Names | None:
    names = found.get("scenario")
    if isinstance(names, list) and len(names) == 2 and all(isinstance(n, str) for n in names):
        return names[0], names[1]
    return None


def _load(stored: str | None) -> dict[str, Any] | None:
    if not stored or not stored.startswith("{"):
        return None
    try:
        found = json.loads(stored)
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def _name(names: Names, lang: Lang) -> str:
    return names[1] if lang == "en" and names[1] else names[0]


def _money(value: Any) -> str:
    return "—" if value is None else f"{Decimal(value):,.2f}"


def _label(cls: type[Horizon] | type[Direction], code: Any, lang: Lang) -> str:
    try:
        return cls(code).label(lang)
    except ValueError:
        return str(code)


def _range(found: dict[str, Any]) -> str | None:
    if found.get("low") is None and found.get("high") is None:
        return None
    return f"{_money(found.get('low'))} – {_money(found.get('high'))} CNY"


def _cell_text(found: dict[str, Any], lang: Lang) -> str:
    names = _names_in(found) or ("", "")
    parts = [f"{_name(names, lang)} · {_label(Horizon, found.get('horizon'), lang)}"]
    if found.get("direction"):
        parts.append(_label(Direction, found["direction"], lang))
    if found.get("level") is not None:
        parts.append(f"L{found['level']}")
    parts += [p for p in (_range(found), found.get("narrative")) if p]
    return ("；" if lang == "zh" else "; ").join(parts)


def _anticipated_text(found: dict[str, Any], lang: Lang) -> str:
    text = f"{_label(Horizon, found.get('horizon'), lang)}: {_range(found) or '—'}"
    return f"{text}; {found['basis']}" if found.get("basis") else text


def _scenario_text(found: dict[str, Any], lang: Lang) -> str:
    name = _name(_names_in(found) or ("", ""), lang)
    cells = found.get("cells")
    if cells is None:
        return name
    return f"{name}（{cells} 个评估单元格）" if lang == "zh" else f"{name} ({cells} grid cells)"


READERS = {"cell": _cell_text, "anticipated": _anticipated_text, "scenario": _scenario_text}


def structured_text(entity: str, field: str, stored: str, lang: Lang) -> str | None:
    """A value kept as JSON by this module, in `lang`; None when `stored` is not one."""
    found = _load(stored)
    if found is None:
        return None
    if entity == "assessment":
        reader = READERS["cell"]
    elif field == "anticipated":
        reader = READERS["anticipated"]
    elif entity == "scenario" and not field:
        reader = READERS["scenario"]
    else:
        return None
    try:
        return reader(found, lang)
    except (ValueError, TypeError, ArithmeticError):  # hand-written or damaged: shown as stored
        return None
