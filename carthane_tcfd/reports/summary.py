"""Figures the board pack's summary and the dashboard share: counts, gaps, changes since last year."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from carthane_tcfd.domain.comparison import PeriodComparison, compare_periods
from carthane_tcfd.domain.records import ActionCounts, AnyItem, ItemSnapshot, RegisterSnapshot
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.taxonomy import Category, Horizon, MitigationStatus, ValueChain

BAND_ORDER = {band: rank for rank, band in enumerate(Band)}


def count_by_category(items: Sequence[AnyItem]) -> dict[Category, int]:
    counts = Counter(i.category for i in items)
    return {c: counts.get(c, 0) for c in Category}


def horizon_by_segment(items: Sequence[AnyItem]) -> dict[tuple[Horizon, ValueChain], int]:
    """How many items touch each (horizon, value-chain segment) pair; an item counts in every pair it spans."""
    table = {(h, v): 0 for h in Horizon for v in ValueChain}
    for item in items:
        for h in item.horizons:
            for v in item.value_chain:
                table[(Horizon(h), ValueChain(v))] += 1
    return table


def count_by_financial_impact(items: Sequence[AnyItem]) -> Counter[str]:
    return Counter(code for i in items for code in i.financial_impacts)


def band_distribution(items: Sequence[AnyItem]) -> dict[str, dict[Band | None, int]]:
    """Inherent and residual band counts (None: not assessed)."""
    keys: list[Band | None] = [*Band, None]
    inherent = Counter(i.inherent_band for i in items)
    residual = Counter(i.residual_band for i in items)
    return {
        "inherent": {k: inherent.get(k, 0) for k in keys},
        "residual": {k: residual.get(k, 0) for k in keys},
    }


def mitigations_by_status(items: tuple[ItemSnapshot, ...], today: dt.date) -> ActionCounts:
    """Counts per status, and how many open actions are past their due date."""
    counts = Counter(m.status for i in items for m in i.mitigations)
    overdue = sum(1 for i in items for m in i.mitigations if m.is_overdue(today))
    return {s: counts.get(s, 0) for s in MitigationStatus}, overdue


def _rank(item: ItemSnapshot) -> tuple[int, int]:
    band = item.residual_band or item.inherent_band
    score = item.residual_score or item.inherent_score or 0
    return (-1 if band is None else BAND_ORDER[band], score)


def top_risks(snapshot: RegisterSnapshot, limit: int = 5) -> list[ItemSnapshot]:
    """Risks by residual rating (band, then score), falling back to inherent when residual is unset."""
    scored = [i for i in snapshot.risks if i.residual_band or i.inherent_band]
    return sorted(scored, key=_rank, reverse=True)[:limit]


def top_opportunities(snapshot: RegisterSnapshot, limit: int = 3) -> list[ItemSnapshot]:
    """Opportunities by residual rating (band, then score), falling back to inherent when residual is unset."""
    scored = [i for i in snapshot.opportunities if i.residual_band or i.inherent_band]
    return sorted(scored, key=_rank, reverse=True)[:limit]


def unassessed(items: tuple[ItemSnapshot, ...]) -> list[ItemSnapshot]:
    return [i for i in items if i.inherent_band is None and i.residual_band is None]


def without_owner(items: tuple[ItemSnapshot, ...]) -> list[ItemSnapshot]:
    return [i for i in items if not i.owner.strip()]


def comparison(snapshot: RegisterSnapshot, today: dt.date) -> PeriodComparison | None:
    """What changed since the previous period, when the snapshot carries one."""
    return None if snapshot.previous is None else compare_periods(snapshot.previous, snapshot, today)
