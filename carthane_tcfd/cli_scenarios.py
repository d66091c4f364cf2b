"""The headless view of financial effects and scenario analysis: the JSON of `list --json` for them,
and the `scenarios` command (the scenario set, its parameters and the computed sensitivities)."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from typing import Any

from carthane_tcfd.domain.effects import FinancialEffects
from carthane_tcfd.domain.scenarios import Assessment, ScenarioSet
from carthane_tcfd.domain.sensitivity import Sensitivities
from carthane_tcfd.domain.taxonomy import Horizon, Lang
from carthane_tcfd.i18n import system_lang


def _money(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def effects_json(e: FinancialEffects) -> dict[str, Any]:
    return {
        "current": {"narrative": e.current_narrative, "amount_cny": _money(e.current_cny)},
        "anticipated": {
            a.horizon: {"low_cny": _money(a.low_cny), "high_cny": _money(a.high_cny), "basis": a.basis}
            for a in e.anticipated
        },
        "statement_lines": list(e.statement_lines),
        "material_adjustment": e.material_adjustment,
        "not_quantified": (
            None
            if e.reason is None
            else {
                "reason": e.reason.value,
                "reference": e.reason.reference,
                "text": e.reason_text,
                "from_seed": e.reason_from_seed,
            }
        ),
    }


def assessments_json(cells: list[Assessment], scenarios: ScenarioSet) -> list[dict[str, Any]]:
    """An item's grid cells in the order of the scenarios, then of the horizons."""
    order = {s.id: s.position for s in scenarios.scenarios}
    horizons = [h.value for h in Horizon]
    out = []
    for a in sorted(cells, key=lambda c: (order.get(c.scenario_id, 0), horizons.index(c.horizon))):
        scenario = scenarios.scenario(a.scenario_id)
        out.append(
            {
                "scenario": scenario.name if scenario else "",
                "scenario_en": scenario.name_en if scenario else "",
                "horizon": a.horizon,
                "direction": a.direction.value if a.direction else None,
                "level": a.level,
                "low_cny": _money(a.low_cny),
                "high_cny": _money(a.high_cny),
                "narrative": a.narrative,
            }
        )
    return out


def cells_by_item(scenarios: ScenarioSet) -> dict[int, list[Assessment]]:
    by_item: dict[int, list[Assessment]] = {}
    for a in scenarios.assessments:
        by_item.setdefault(a.item_id, []).append(a)
    return by_item


def scenarios_json(scenarios: ScenarioSet, sens: Sensitivities, codes: dict[int, str]) -> dict[str, Any]:
    """The scenario set, its inputs, the sensitivities and the assessment grid (`codes`: item id -> code,
    the register's order)."""
    e = sens.emissions
    cells = cells_by_item(scenarios)
    return {
        "period": scenarios.year,
        "scenarios": [
            {
                "name": s.name,
                "name_en": s.name_en,
                "source": s.source,
                "temperature_c": _money(s.temperature_c),
                "horizon_year": s.horizon_year,
                "carbon_prices": [{"year": p.year, "price_cny": _money(p.price_cny)} for p in s.carbon_prices],
                "electricity_change_pct": _money(s.electricity_change_pct),
                "assumptions": s.assumptions,
                "default": s.is_default,
            }
            for s in scenarios.scenarios
        ],
        "inputs": {
            "resilience": scenarios.inputs.resilience,
            "purchased_electricity_cost_cny": _money(scenarios.inputs.electricity_cost_cny),
            "include_scope3": scenarios.inputs.include_scope3,
            "scope1_t": _money(e.scope1),
            "scope2_t": _money(e.scope2),
            "scope3_t": _money(e.scope3),
            "purchased_electricity_kwh": _money(e.purchased_electricity_kwh),
        },
        "sensitivities": {
            "carbon_price": [
                {
                    "scenario": c.scenario,
                    "year": c.year,
                    "price_cny_per_t": _money(c.price_cny),
                    "emissions_t": _money(c.emissions_t),
                    "scopes": c.scopes,
                    "formula": c.formula,
                    "result_cny": _money(c.result_cny),
                }
                for c in sens.carbon
            ],
            "electricity_price": [
                {
                    "scenario": x.scenario,
                    "change_pct": _money(x.change_pct),
                    "cost_cny": _money(x.cost_cny),
                    "formula": x.formula,
                    "result_cny": _money(x.result_cny),
                }
                for x in sens.electricity
            ],
        },
        "assessed_cells": len(scenarios.assessments),
        "assessments": [
            {"code": code, "cells": assessments_json(cells[item_id], scenarios)}
            for item_id, code in codes.items()
            if item_id in cells
        ],
    }


def print_scenarios(scenarios: ScenarioSet, sens: Sensitivities, lang: Lang) -> None:
    zh = lang == "zh"
    none = "—"
    print(f"{scenarios.year} " + ("情景分析" if zh else "scenario analysis"))
    for s in scenarios.scenarios:
        print(f"- {s.display_name(lang)}" + (f" [{s.source}]" if s.source else ""))
        temperature = f"{s.temperature_c} °C" if s.temperature_c is not None else none
        prices = ", ".join(f"{p.year}: {p.price_cny:,.2f}" for p in s.carbon_prices) or none
        change = f"{s.electricity_change_pct:+.2f} %" if s.electricity_change_pct is not None else none
        print(
            ("  温升 " if zh else "  temperature ")
            + temperature
            + ("；年限 " if zh else "; horizon ")
            + str(s.horizon_year or none)
        )
        print(("  碳价（元/吨）" if zh else "  carbon price (CNY/t) ") + prices)
        print(("  电价变化 " if zh else "  electricity price change ") + change)
    print("敏感性分析：" if zh else "Sensitivities:")
    if not sens.carbon and not sens.electricity:
        print("  （情景参数尚未填写）" if zh else "  (no scenario parameters entered yet)")
    for c in sens.carbon:
        result = none if c.result_cny is None else f"{c.result_cny:,.2f} CNY"
        print(f"  {c.scenario} {c.year}: {c.formula} = {result}")
    for x in sens.electricity:
        result = none if x.result_cny is None else f"{x.result_cny:,.2f} CNY"
        print(f"  {x.scenario}: {x.formula} = {result}")


def cmd_scenarios(args: argparse.Namespace, register: Any) -> None:
    """Print the scenario set of a period with its parameters and the computed sensitivities."""
    lang: Lang = args.lang or system_lang()
    year = register.periods.get(args.period).year
    scenarios = register.scenarios.set_of(year)
    sens = register.scenarios.sensitivities(year, lang, scenarios)
    if args.json:
        codes = {row.id: row.code for row in register.items.rows(year, None)}  # in the register's code order
        json.dump(scenarios_json(scenarios, sens, codes), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_scenarios(scenarios, sens, lang)
