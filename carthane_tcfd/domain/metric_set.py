"""A period's metrics and targets as one record: what the officer edits and saves together (MetricSet),
and what the page, the pack and the CLI read (MetricsView: the set with the other years' inventories
for comparatives, trend and target progress)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal

from carthane_tcfd.domain.inventory import Inventory, InventoryTotals, Notice, inventory_notices, inventory_totals
from carthane_tcfd.domain.targets import (
    CrossIndustryMetric,
    Target,
    TargetProgress,
    TrajectoryPoint,
    cross_industry_of,
    progress,
    target_actual,
    trajectory,
)


@dataclass(frozen=True)
class MetricSet:
    inventory: Inventory
    cross_industry: tuple[CrossIndustryMetric, ...]
    targets: tuple[Target, ...] = ()

    @classmethod
    def empty(cls) -> MetricSet:
        return cls(Inventory.empty(), cross_industry_of(()))

    def structure(self) -> MetricSet:
        """What copy to next year carries: the inventory's structure and basis, the cross-industry
        categories with their units, the targets whole (they span years); no figures of this year."""
        return MetricSet(self.inventory.structure(), tuple(m.emptied() for m in self.cross_industry), self.targets)


@dataclass(frozen=True)
class MetricsView:
    year: int
    current: MetricSet
    history: tuple[tuple[int, Inventory], ...] = ()  # every period's inventory, by year, this one included
    version: int = 0
    read_only: bool = False

    @functools.cached_property
    def totals(self) -> InventoryTotals:
        return inventory_totals(self.current.inventory)

    @functools.cached_property
    def notices(self) -> list[Notice]:
        return inventory_notices(self.current.inventory, self.totals)

    @functools.cached_property
    def trend(self) -> tuple[tuple[int, InventoryTotals], ...]:
        """Each year's totals, oldest first: this year's from the set as it stands."""
        years = {year: inventory for year, inventory in self.history}
        years[self.year] = self.current.inventory
        return tuple((year, inventory_totals(years[year])) for year in sorted(years))

    @property
    def previous_year(self) -> int | None:
        earlier = [year for year, _ in self.history if year < self.year]
        return max(earlier) if earlier else None

    @functools.cached_property
    def previous(self) -> Inventory | None:
        year = self.previous_year
        return None if year is None else dict(self.history)[year]

    @functools.cached_property
    def previous_totals(self) -> InventoryTotals | None:
        return None if self.previous is None else inventory_totals(self.previous)

    def actuals(self, target: Target) -> dict[int, Decimal]:
        """The target's metric in each year of the register that has it."""
        out = {}
        for year, totals in self.trend:
            value = target_actual(target.metric, totals)
            if value is not None:
                out[year] = value
        return out

    def progress(self, target: Target) -> TargetProgress | None:
        return progress(target, self.actuals(target))

    def trajectory(self, target: Target) -> list[TrajectoryPoint]:
        return trajectory(target, self.actuals(target))
