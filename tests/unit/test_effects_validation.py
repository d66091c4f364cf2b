"""Validation of financial effects, scenarios, grid cells and inputs: in the domain, in both languages."""

from __future__ import annotations

from decimal import Decimal

from carthane_tcfd.domain.effects import (
    AnticipatedEffect,
    Direction,
    FinancialEffects,
    NotQuantifiedReason,
    StatementLine,
    exposure_by_horizon,
    seed_effects,
)
from carthane_tcfd.domain.effects_validation import validate_cell, validate_effects, validate_inputs, validate_scenario
from carthane_tcfd.domain.inventory import Inventory, Line, inventory_totals
from carthane_tcfd.domain.scenarios import CarbonPrice, CellDraft, Scenario, ScenarioDraft, ScenarioInputs, ScenarioSet
from carthane_tcfd.domain.sensitivity import emissions_of, sensitivities


def fields(problems) -> list[str]:
    return [p.field for p in problems]


def test_valid_effects_pass():
    effects = FinancialEffects(
        "台风停产两天",
        Decimal("250000"),
        (AnticipatedEffect("short", Decimal(1), Decimal(2), "保险免赔额"),),
        ("revenue", "asset_carrying_amounts"),
        True,
    )
    assert validate_effects(effects, ["short", "medium"]) == []


def test_amounts_must_be_finite_non_negative_and_ordered():
    bad = FinancialEffects(
        current_cny=Decimal("NaN"),
        anticipated=(
            AnticipatedEffect("short", Decimal(5), Decimal(2)),
            AnticipatedEffect("medium", Decimal("-1"), Decimal("Infinity")),
        ),
    )
    problems = validate_effects(bad, ["short", "medium"])
    assert fields(problems) == [
        "effects.current_cny",
        "effects.anticipated.short.high_cny",
        "effects.anticipated.medium.low_cny",
        "effects.anticipated.medium.high_cny",
    ]
    assert "finite" in problems[0].en and "有限" in problems[0].zh
    assert "(Short term)" in problems[1].en and "短期" in problems[1].zh
    assert problems[1].en.startswith("High (CNY)")


def test_anticipated_horizons_must_be_the_items_own():
    effects = FinancialEffects(anticipated=(AnticipatedEffect("long", Decimal(1)),))
    problems = validate_effects(effects, ["short"])
    assert fields(problems) == ["effects.anticipated"]
    assert "not among the item's horizons" in problems[0].en


def test_text_lengths_statement_codes_and_reason_are_checked():
    effects = FinancialEffects(
        current_narrative="x" * 20_001, statement_lines=("revenue", "revenue", "bogus"), reason_text="因为"
    )
    problems = validate_effects(effects, [])
    assert fields(problems) == [
        "effects.current_narrative",
        "effects.statement_lines",
        "effects.statement_lines",
        "effects.reason_code",
    ]
    assert "20000" in problems[0].en


def test_accounted_for_needs_figures_or_a_reason():
    assert not FinancialEffects(current_narrative="words only").accounted_for
    assert FinancialEffects(reason=NotQuantifiedReason.MEASUREMENT_UNCERTAINTY).accounted_for
    assert FinancialEffects(anticipated=(AnticipatedEffect("short", None, Decimal(3)),)).accounted_for
    seeded = seed_effects()
    assert seeded.accounted_for and seeded.reason_from_seed and not seeded.quantified


def test_vocabularies_are_bilingual_and_reasons_cite_paragraphs():
    assert StatementLine.REVENUE.label("zh") == "营业收入"
    assert Direction.FAVOURABLE.label("en") == "Favourable"
    assert NotQuantifiedReason.MEASUREMENT_UNCERTAINTY.described("en").endswith("(IFRS S2 ¶19(b))")
    assert NotQuantifiedReason.SKILLS_RESOURCES.reference == "IFRS S2 ¶20"


def test_scenario_ranges():
    draft = ScenarioDraft(
        "",
        temperature_c=Decimal("12"),
        horizon_year=1800,
        carbon_prices=(CarbonPrice(2030, Decimal(-5)), CarbonPrice(2030, Decimal(10))),
        electricity_change_pct=Decimal("NaN"),
    )
    assert fields(validate_scenario(draft)) == [
        "scenario.name",
        "scenario.temperature_c",
        "scenario.horizon_year",
        "scenario.electricity_change_pct",
        "scenario.carbon_prices",
        "scenario.carbon_prices.price_cny",
    ]
    ok = ScenarioDraft("有序", temperature_c=Decimal("1.5"), horizon_year=2050, electricity_change_pct=Decimal(-10))
    assert validate_scenario(ok) == []


def test_cell_level_on_the_period_scale_with_a_direction():
    assert fields(validate_cell(CellDraft(None, 6), 5)) == ["level", "direction"]
    assert fields(validate_cell(CellDraft(Direction.ADVERSE, 2, Decimal(9), Decimal(1)), 5)) == ["high_cny"]
    assert validate_cell(CellDraft(Direction.NEUTRAL, 1, narrative="ok"), 5) == []
    assert fields(validate_inputs(ScenarioInputs(electricity_cost_cny=Decimal("-1")))) == ["electricity_cost_cny"]


def test_sensitivity_of_the_2024_emissions():
    inventory = Inventory.of(
        [
            Line("scope1.fugitive", Decimal("250.14")),
            Line("scope2.location", Decimal("8022.84")),
            Line("scope3.upstream_transport", Decimal("1861.05")),
        ]
    )
    emissions = emissions_of(inventory_totals(inventory))
    scenario = Scenario("A", carbon_prices=(CarbonPrice(2030, Decimal(200)),), electricity_change_pct=Decimal(8), id=1)
    plain = ScenarioSet(2024, 5, (scenario,), ScenarioInputs(electricity_cost_cny=Decimal(1_000_000)))
    result = sensitivities(plain, emissions)
    assert result.carbon[0].result_cny == Decimal(200) * Decimal("8272.98")
    assert "8,272.98 tCO2e" in result.carbon[0].formula
    assert result.electricity[0].result_cny == Decimal("80000.00")
    with_scope3 = ScenarioSet(2024, 5, (scenario,), ScenarioInputs(include_scope3=True))
    again = sensitivities(with_scope3, emissions)
    assert again.carbon[0].emissions_t == Decimal("10134.03") and again.carbon[0].scopes == "1+2+3"
    assert again.electricity[0].result_cny is None  # no cost entered: nothing is assumed


def test_exposure_sums_ranges_per_horizon():
    effects = [
        FinancialEffects(anticipated=(AnticipatedEffect("short", Decimal(1), Decimal(3)),)),
        FinancialEffects(anticipated=(AnticipatedEffect("short", None, Decimal(5)), AnticipatedEffect("long"))),
    ]
    assert exposure_by_horizon(effects) == {"short": (Decimal(6), Decimal(8))}
