"""Sensitivities computed from the register's own metrics: a carbon price times the period's emissions,
and a change of the electricity price times the purchased electricity cost. Each result keeps its
inputs and formula, so the GUI and the pack show how it was reached."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from carthane_tcfd.domain.inventory import InventoryTotals
from carthane_tcfd.domain.scenarios import ScenarioInputs, ScenarioSet


@dataclass(frozen=True)
class Emissions:
    """The period's emissions (tCO2e) and purchased electricity (kWh) as its metrics state them."""

    scope1: Decimal | None = None
    scope2: Decimal | None = None
    scope3: Decimal | None = None
    purchased_electricity_kwh: Decimal | None = None

    @property
    def scope12(self) -> Decimal | None:
        if self.scope1 is None or self.scope2 is None:
            return None
        return self.scope1 + self.scope2

    def basis(self, include_scope3: bool) -> Decimal | None:
        """The emissions a carbon price applies to: scopes 1 + 2, and 3 where chosen."""
        base = self.scope12
        if base is None or not include_scope3:
            return base
        return None if self.scope3 is None else base + self.scope3


def emissions_of(totals: InventoryTotals | None) -> Emissions:
    """The figures a sensitivity needs, as computed from the period's inventory (scope 2 on the basis the
    period chose for its totals); nothing when the period holds no inventory."""
    if totals is None:
        return Emissions()
    return Emissions(totals.scope1, totals.scope2, totals.scope3, totals.purchased_electricity_kwh)


@dataclass(frozen=True)
class CarbonSensitivity:
    scenario_id: int
    scenario: str
    year: int
    price_cny: Decimal  # per tCO2e
    emissions_t: Decimal | None  # None when the period's metrics lack a scope
    scopes: str  # "1+2" or "1+2+3"

    @property
    def result_cny(self) -> Decimal | None:
        return None if self.emissions_t is None else (self.price_cny * self.emissions_t).quantize(Decimal("0.01"))

    @property
    def formula(self) -> str:
        emissions = "—" if self.emissions_t is None else f"{self.emissions_t:,.2f}"
        return f"{self.price_cny:,.2f} CNY/tCO2e × {emissions} tCO2e (scope {self.scopes})"


@dataclass(frozen=True)
class ElectricitySensitivity:
    scenario_id: int
    scenario: str
    change_pct: Decimal
    cost_cny: Decimal | None  # None until the period's purchased electricity cost is entered

    @property
    def result_cny(self) -> Decimal | None:
        if self.cost_cny is None:
            return None
        return (self.cost_cny * self.change_pct / Decimal(100)).quantize(Decimal("0.01"))

    @property
    def formula(self) -> str:
        cost = "—" if self.cost_cny is None else f"{self.cost_cny:,.2f} CNY"
        return f"{self.change_pct:+.2f} % × {cost}"


@dataclass(frozen=True)
class Sensitivities:
    emissions: Emissions
    inputs: ScenarioInputs
    carbon: tuple[CarbonSensitivity, ...]
    electricity: tuple[ElectricitySensitivity, ...]


def sensitivities(scenarios: ScenarioSet, emissions: Emissions, lang: str = "zh") -> Sensitivities:
    """One carbon result per scenario and price year, one electricity result per scenario with a change;
    scenarios without parameters give none (nothing is assumed)."""
    scope3 = scenarios.inputs.include_scope3
    basis = emissions.basis(scope3)
    carbon: list[CarbonSensitivity] = []
    electricity: list[ElectricitySensitivity] = []
    for s in scenarios.scenarios:
        name = s.display_name("en" if lang == "en" else "zh")
        for point in sorted(s.carbon_prices, key=lambda p: p.year):
            carbon.append(
                CarbonSensitivity(s.id, name, point.year, point.price_cny, basis, "1+2+3" if scope3 else "1+2")
            )
        if s.electricity_change_pct is not None:
            electricity.append(
                ElectricitySensitivity(s.id, name, s.electricity_change_pct, scenarios.inputs.electricity_cost_cny)
            )
    return Sensitivities(emissions, scenarios.inputs, tuple(carbon), tuple(electricity))
