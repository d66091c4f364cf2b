"""Stored values the domain cannot use (a file edited by hand, or written by a broken or newer program):
found item by item, so one bad row names itself and the rest of the register still loads."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from typing import Any, Protocol

from carthane_tcfd.domain.errors import DatabaseError
from carthane_tcfd.domain.records import DamagedItem
from carthane_tcfd.domain.scales import MATRIX_SIZES
from carthane_tcfd.domain.taxonomy import Category, FinancialImpact, Horizon, MitigationStatus, ValueChain

KNOWN_CODES = {
    "horizons": frozenset(h.value for h in Horizon),
    "value_chain": frozenset(v.value for v in ValueChain),
    "financial_impacts": frozenset(f.value for f in FinancialImpact),
}
CATEGORIES = frozenset(c.value for c in Category)
STATUSES = frozenset(s.value for s in MitigationStatus)
SCORES = ("likelihood", "impact", "residual_likelihood", "residual_impact")
SOUND_TEXTS: dict[str, set[str]] = {name: set() for name in KNOWN_CODES}  # code-list texts judged sound (surely_sound)


def _sound_codes(name: str, value: Any) -> bool:
    """Whether a stored code list holds only known codes: JSON text (read as text, so one bad row cannot fail
    the whole query), already decoded, or NULL."""
    if isinstance(value, str):
        return _sound_text(name, value)
    return value is None or (isinstance(value, list) and all(c in KNOWN_CODES[name] for c in value))


@functools.lru_cache(maxsize=4096)
def _sound_text(name: str, text: str) -> bool:
    """_sound_codes of JSON text, judged once per distinct text: a register repeats a few combinations, and
    decoding every list of every row showed in the launch time (README, Performance)."""
    try:
        codes = json.loads(text)
    except ValueError:
        return False
    sound = _sound_codes(name, codes) if not isinstance(codes, str) else False
    if sound and len(SOUND_TEXTS[name]) < 4096:
        SOUND_TEXTS[name].add(text)
    return sound


def surely_sound(values: Mapping[Any, Any], matrix_size: int) -> bool:
    """A quick yes for the common row of the register grid: its category known, its code lists texts already
    judged sound, its scores whole and on the scale. No says nothing: item_damage then judges the row (and
    learns its texts). Set lookups instead of item_damage's calls: checking 5,455 rows was 4 % of the
    launch's instructions (README, Performance)."""
    if values["category"] not in CATEGORIES:
        return False
    for name, seen in SOUND_TEXTS.items():
        text = values[name]
        if text.__class__ is not str or text not in seen:
            return False
    for name in SCORES:
        score = values[name]
        if score is not None and not (score.__class__ is int and 1 <= score <= matrix_size):
            return False
    return True


def item_damage(values: Mapping[Any, Any], matrix_size: int) -> tuple[str, Any] | None:
    """The first stored field of an item the program cannot use, with its value; None when all are sound."""
    if values["category"] not in CATEGORIES:
        return "category", values["category"]
    for name in KNOWN_CODES:
        if name in values and not _sound_codes(name, values[name]):
            return name, values[name]
    for name in SCORES:
        score = values[name]
        whole = isinstance(score, int) and not isinstance(score, bool)
        if score is not None and not (whole and 1 <= score <= matrix_size):
            return name, score
    return None


def mitigation_damage(values: Mapping[Any, Any]) -> tuple[str, Any] | None:
    if values["status"] not in STATUSES:
        return unknown_status(values["position"], values["status"])
    return None


def unknown_status(position: int, status: Any) -> tuple[str, Any]:
    """The field and value of an action whose stored status the program does not know."""
    return f"mitigations[{position}].status", status


def damaged(item_id: int, code: str, found: tuple[str, Any]) -> DamagedItem:
    field, value = found
    return DamagedItem(item_id, code, field, str(value))


class SizedPeriod(Protocol):
    @property
    def year(self) -> int: ...

    @property
    def matrix_size(self) -> int: ...


def sound_matrix_size(period: SizedPeriod) -> int:
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
