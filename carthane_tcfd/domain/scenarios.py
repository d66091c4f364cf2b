"""Scenario analysis (IFRS S2 ¶22): the period's scenario set, the assessment of each item under each
scenario and horizon, and the period's inputs (resilience narrative, purchased electricity cost)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.effects import Direction
from carthane_tcfd.domain.scales import Band, band_for
from carthane_tcfd.domain.taxonomy import Kind, Lang


@dataclass(frozen=True)
class CarbonPrice:
    """A point of a scenario's carbon price path: CNY per tCO2e in a year the officer chose."""

    year: int
    price_cny: Decimal


@dataclass(frozen=True)
class ScenarioDraft:
    """What the officer edits of a scenario. Parameters start empty: the application invents no numbers."""

    name: str
    name_en: str = ""
    source: str = ""  # e.g. the NGFS phase and scenario name
    temperature_c: Decimal | None = None  # warming by 2100, °C above pre-industrial
    horizon_year: int | None = None  # the last year the scenario is analysed to
    carbon_prices: tuple[CarbonPrice, ...] = ()
    electricity_change_pct: Decimal | None = None  # change of the electricity price, %
    assumptions: str = ""  # policy, macro-economy, energy mix, technology

    def display_name(self, lang: Lang) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


@dataclass(frozen=True)
class Scenario(ScenarioDraft):
    id: int = 0
    position: int = 0
    is_default: bool = False  # one of the three the application proposes (names only, no parameters)
    version: int = 1

    def to_draft(self) -> ScenarioDraft:
        return ScenarioDraft(
            self.name,
            self.name_en,
            self.source,
            self.temperature_c,
            self.horizon_year,
            self.carbon_prices,
            self.electricity_change_pct,
            self.assumptions,
        )


# The default set: three futures named as the issue and NGFS name them; every parameter empty.
DEFAULT_SCENARIOS: tuple[ScenarioDraft, ...] = (
    ScenarioDraft(
        "有序转型（约 1.5 °C）",
        "Orderly transition (about 1.5 °C)",
        source="NGFS: Net Zero 2050",
    ),
    ScenarioDraft(
        "延迟转型（约 2 °C）",
        "Delayed transition (about 2 °C)",
        source="NGFS: Delayed Transition",
    ),
    ScenarioDraft(
        "现行政策（3 °C 及以上）",
        "Current policies (3 °C or more)",
        source="NGFS: Current Policies",
    ),
)

GRID_GUIDANCE = (
    "请为每个条目在各情景与时间范围下填写影响方向、影响等级（按本年度影响量表），可填写人民币金额区间与简要说明。",
    "For each item, fill in the direction and level (on the period's impact scale) of its effect under each "
    "scenario and horizon; a CNY range and a short narrative are optional.",
)


@dataclass(frozen=True)
class CellDraft:
    """One cell of the assessment grid as the officer edits it: an item under a scenario in a horizon."""

    direction: Direction | None = None
    level: int | None = None
    low_cny: Decimal | None = None
    high_cny: Decimal | None = None
    narrative: str = ""

    @property
    def is_blank(self) -> bool:
        return (
            self.direction is None
            and self.level is None
            and self.low_cny is None
            and self.high_cny is None
            and not self.narrative.strip()
        )


@dataclass(frozen=True)
class Assessment(CellDraft):
    """A stored cell of the grid."""

    item_id: int = 0
    scenario_id: int = 0
    horizon: str = ""
    version: int = 1

    def to_draft(self) -> CellDraft:
        return CellDraft(self.direction, self.level, self.low_cny, self.high_cny, self.narrative)


def level_colour(direction: Direction | None, level: int | None, size: int) -> str | None:
    """The colour of a grid cell: the band palette of risks for adverse effects, of opportunities for
    favourable ones (the level read as a score of level × level), grey for neutral; None when unassessed."""
    if direction is Direction.NEUTRAL:
        return palette.EMPTY_FILL
    band = level_band(level, size)
    if band is None:
        return None
    return band.colour_for(Kind.OPPORTUNITY if direction is Direction.FAVOURABLE else Kind.RISK)


def level_text_colour(direction: Direction | None, level: int | None, size: int) -> str:
    band = level_band(level, size)
    if band is None or direction is Direction.NEUTRAL:
        return palette.TEXT
    return band.text_colour_for(Kind.OPPORTUNITY if direction is Direction.FAVOURABLE else Kind.RISK)


def level_band(level: int | None, size: int) -> Band | None:
    return None if level is None else band_for(level, level, size)


@dataclass(frozen=True)
class ScenarioInputs:
    """What the period holds for its scenario analysis besides the scenarios."""

    resilience: str = ""  # the resilience narrative (TCFD Strategy c, IFRS S2 ¶22)
    electricity_cost_cny: Decimal | None = None  # purchased electricity cost of the period
    include_scope3: bool = False  # carbon price sensitivity over scope 3 as well
    version: int = 0  # 0: never saved


@dataclass(frozen=True)
class ScenarioSet:
    """A period's scenarios, inputs and assessment grid, as reports and the GUI read them."""

    year: int
    matrix_size: int
    scenarios: tuple[Scenario, ...] = ()
    inputs: ScenarioInputs = field(default_factory=ScenarioInputs)
    assessments: tuple[Assessment, ...] = ()

    def cell(self, item_id: int, scenario_id: int, horizon: str) -> Assessment | None:
        return self.cells.get((item_id, scenario_id, horizon))

    @functools.cached_property
    def cells(self) -> dict[tuple[int, int, str], Assessment]:
        return {(a.item_id, a.scenario_id, a.horizon): a for a in self.assessments}

    def scenario(self, scenario_id: int) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)


_PATH_ITEM = re.compile(r"^\s*(\d{4})\s*[:：=]\s*([0-9][0-9,，.]*)\s*$")


def parse_carbon_path(text: str) -> tuple[CarbonPrice, ...]:
    """A carbon price path as typed ("2030: 200; 2040: 350", one pair per year); ValueError naming the part
    that is not "year: price"."""
    out = []
    for part in re.split(r"[;；\n]|,\s+|，", text):
        if not part.strip():
            continue
        found = _PATH_ITEM.match(part)
        if found is None:
            raise ValueError(part.strip())
        try:
            price = Decimal(found[2].replace(",", "").replace("，", ""))
        except InvalidOperation:
            raise ValueError(part.strip()) from None
        out.append(CarbonPrice(int(found[1]), price))
    return tuple(out)


def carbon_path_text(prices: tuple[CarbonPrice, ...]) -> str:
    return "; ".join(f"{p.year}: {p.price_cny:f}" for p in prices)


Exposure = dict[str, tuple[Decimal, Decimal]]  # horizon code -> (sum of lows, sum of highs)


@dataclass(frozen=True)
class EffectsOverview:
    """What the dashboard shows of financial effects and scenario analysis: the anticipated exposure by
    horizon for risks and for opportunities, and the scenario set with its grid (for the heat map)."""

    risks: Exposure
    opportunities: Exposure
    scenarios: ScenarioSet


@dataclass(frozen=True)
class HeatCell:
    adverse: int
    favourable: int
    neutral: int
    adverse_level: Decimal | None  # mean level of the adverse assessments


def scenario_heat(scenarios: ScenarioSet) -> dict[tuple[int, str], HeatCell]:
    """Per (scenario id, horizon): how many items are assessed adverse, favourable, neutral, and the
    mean level of the adverse ones."""
    counts: dict[tuple[int, str], list[int]] = {}
    levels: dict[tuple[int, str], list[int]] = {}
    for a in scenarios.assessments:
        key = (a.scenario_id, a.horizon)
        tally = counts.setdefault(key, [0, 0, 0])
        if a.direction is Direction.ADVERSE:
            tally[0] += 1
            if a.level is not None:
                levels.setdefault(key, []).append(a.level)
        elif a.direction is Direction.FAVOURABLE:
            tally[1] += 1
        elif a.direction is Direction.NEUTRAL:
            tally[2] += 1
    out = {}
    for key, (adverse, favourable, neutral) in counts.items():
        found = levels.get(key)
        mean = (Decimal(sum(found)) / len(found)).quantize(Decimal("0.1")) if found else None
        out[key] = HeatCell(adverse, favourable, neutral, mean)
    return out


class GridCell(NamedTuple):
    """A grid cell as the Scenarios page shows it: what colours and labels it, not its amounts or
    narrative (the page reads the whole cell when one is opened). 90,000 of these load in a fraction
    of the time whole Assessments take."""

    direction: Direction | None
    level: int | None
    has_amounts: bool
    has_narrative: bool
    version: int

    @classmethod
    def of(cls, a: Assessment) -> GridCell:
        has_amounts = a.low_cny is not None or a.high_cny is not None
        return cls(a.direction, a.level, has_amounts, bool(a.narrative.strip()), a.version)


GridKey = tuple[int, int, str]  # item id, scenario id, horizon code


@dataclass(frozen=True)
class ScenarioGrid:
    """The Scenarios page's read: the set (scenarios and inputs, no assessments), how many cells are
    assessed and how many open items of each kind the grid has rows for; the rows and the cells
    themselves are read for the rows on screen (see GridCell)."""

    scenarios: ScenarioSet
    assessed: int
    open_items: dict[Kind, int] = field(default_factory=dict)
