"""Climate targets and the cross-industry metrics of IFRS S2 ¶29 (b)–(g); a target's progress against
the straight line from its base to its target value, from the inventories of the years in the register."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from carthane_tcfd.domain.ghg import CrossIndustry, MeasureState, TargetMetric, TargetStatus
from carthane_tcfd.domain.inventory import HUNDRED, InventoryTotals
from carthane_tcfd.domain.taxonomy import Lang


@dataclass(frozen=True)
class CrossIndustryMetric:
    """A cross-industry metric: measured (amount with unit and/or share), not yet measured, or not
    applicable (e.g. no internal carbon price), with a narrative."""

    code: CrossIndustry
    state: MeasureState = MeasureState.NOT_MEASURED
    amount: Decimal | None = None
    unit: str = ""
    share_pct: Decimal | None = None
    narrative: str = ""

    def emptied(self) -> CrossIndustryMetric:
        """For a new year: the unit kept, to be measured again."""
        return CrossIndustryMetric(self.code, unit=self.unit)


def cross_industry_of(
    given: tuple[CrossIndustryMetric, ...] | list[CrossIndustryMetric],
) -> tuple[CrossIndustryMetric, ...]:
    """One metric per category, in ¶29 order; a category not given is not yet measured."""
    by_code = {m.code: m for m in given}
    return tuple(by_code.get(code, CrossIndustryMetric(code)) for code in CrossIndustry)


@dataclass(frozen=True)
class Milestone:
    year: int
    value: Decimal


@dataclass(frozen=True)
class Target:
    title: str
    metric: TargetMetric
    base_year: int
    base_value: Decimal
    target_year: int
    target_value: Decimal
    title_en: str = ""
    coverage: str = ""  # what the target covers (sites, scopes), in the officer's words
    milestones: tuple[Milestone, ...] = ()
    science_based: bool = False
    validated: bool = False  # e.g. validated by the SBTi
    status: TargetStatus = TargetStatus.DRAFT

    def display_title(self, lang: Lang) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

    @property
    def compare_key(self) -> str:
        return self.title

    @property
    def reduces(self) -> bool:
        """Whether the target lowers the metric (emissions) rather than raising it (renewable share)."""
        return self.target_value <= self.base_value

    def expected(self, year: int) -> Decimal:
        """The straight-line trajectory from base to target at `year` (clamped to the two ends)."""
        span = self.target_year - self.base_year
        step = min(max(year - self.base_year, 0), span)
        return self.base_value + (self.target_value - self.base_value) * Decimal(step) / Decimal(span)


def target_actual(metric: TargetMetric, totals: InventoryTotals) -> Decimal | None:
    """The value a target's metric took in a year, from that year's inventory."""
    value: Decimal | None = {
        TargetMetric.GHG_TOTAL: totals.total,
        TargetMetric.SCOPE1: totals.scope1,
        TargetMetric.SCOPE2: totals.scope2,
        TargetMetric.SCOPE1_2: totals.scope1_2,
        TargetMetric.SCOPE3: totals.scope3,
        TargetMetric.GHG_INTENSITY: totals.ghg_intensity,
        TargetMetric.ENERGY_TCE: totals.energy_tce,
        TargetMetric.RENEWABLE_SHARE: totals.renewable_share,
        TargetMetric.WATER: totals.water_t,
    }[metric]
    return value


@dataclass(frozen=True)
class TrajectoryPoint:
    year: int
    expected: Decimal
    actual: Decimal | None


@dataclass(frozen=True)
class TargetProgress:
    """Where a target stands in its latest year with an actual value."""

    year: int
    actual: Decimal
    expected: Decimal
    achieved_pct: Decimal | None  # share of the way from base to target covered; None if base == target
    on_track: bool  # at or better than the straight line


def trajectory(target: Target, actuals: dict[int, Decimal]) -> list[TrajectoryPoint]:
    """The straight line from base year to target year, year by year, with each year's actual where the
    register holds one (years before the base are left out)."""
    return [
        TrajectoryPoint(year, target.expected(year), actuals.get(year))
        for year in range(target.base_year, target.target_year + 1)
    ]


def progress(target: Target, actuals: dict[int, Decimal]) -> TargetProgress | None:
    """Progress in the latest year from the base year on that has an actual value; None if none has."""
    years = [y for y in actuals if target.base_year <= y]
    if not years:
        return None
    year = max(years)
    actual, expected = actuals[year], target.expected(year)
    span = target.target_value - target.base_value
    achieved = None if span == 0 else (actual - target.base_value) / span * HUNDRED
    on_track = actual <= expected if target.reduces else actual >= expected
    return TargetProgress(year, actual, expected, achieved, on_track)
