"""Stored values the domain cannot use (a file edited by hand, or written by a broken or newer program):
found item by item, so one bad row names itself and the rest of the register still loads."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from carthane_tcfd.domain.errors import DatabaseError
from carthane_tcfd.domain.records import DamagedItem
from carthane_tcfd.domain.scales import MATRIX_SIZES
from carthane_tcfd.domain.taxonomy import Category, FinancialImpact, Horizon, MitigationStatus, ValueChain
from carthane_tcfd.store.models import Period

KNOWN_CODES = {
    "horizons": frozenset(h.value for h in Horizon),
    "value_chain": frozenset(v.value for v in ValueChain),
    "financial_impacts": frozenset(f.value for f in FinancialImpact),
}
CATEGORIES = frozenset(c.value for c in Category)
STATUSES = frozenset(s.value for s in MitigationStatus)
SCORES = ("likelihood", "impact", "residual_likelihood", "residual_impact")


def _codes(value: Any) -> Any:
    """A code list as stored: JSON text (read as text, so one bad row cannot fail the whole query) or
    already decoded."""
    return json.loads(value) if isinstance(value, str) else value


def item_damage(values: Mapping[Any, Any], matrix_size: int) -> tuple[str, Any] | None:
    """The first stored field of an item the program cannot use, with its value; None when all are sound."""
    if values["category"] not in CATEGORIES:
        return "category", values["category"]
    for name, known in KNOWN_CODES.items():
        if name not in values:
            continue
        try:
            codes = _codes(values[name])
        except ValueError:
            return name, values[name]
        if codes is not None and (not isinstance(codes, list) or not all(c in known for c in codes)):
            return name, values[name]
    for name in SCORES:
        score = values[name]
        whole = isinstance(score, int) and not isinstance(score, bool)
        if score is not None and not (whole and 1 <= score <= matrix_size):
            return name, score
    return None


def mitigation_damage(values: Mapping[Any, Any]) -> tuple[str, Any] | None:
    if values["status"] not in STATUSES:
        return f"mitigations[{values['position']}].status", values["status"]
    return None


def damaged(item_id: int, code: str, found: tuple[str, Any]) -> DamagedItem:
    field, value = found
    return DamagedItem(item_id, code, field, str(value))


def sound_matrix_size(period: Period) -> int:
    """The period's matrix size, which every score of the period is read against; a stored size out of
    range is named, with where to set it (the period's other settings still open)."""
    size = period.matrix_size
    if isinstance(size, int) and size in MATRIX_SIZES:
        return size
    first, last = MATRIX_SIZES[0], MATRIX_SIZES[-1]
    raise DatabaseError(
        f"{period.year} 年度存储的矩阵大小 {size!r} 超出 {first}–{last} 的范围；请在「年度 ▸ 属性」中重新设置。",
        f"The {period.year} period's stored matrix size {size!r} is outside {first}–{last}; "
        "set it again in Period ▸ Properties.",
    )
