"""Stored audit values read as labels; what is not a known code is shown as stored."""

from __future__ import annotations

from carthane_tcfd.domain.audit_text import audit_value_text


def test_codes_of_item_fields_and_statuses_read_as_labels_in_either_language():
    assert audit_value_text("item", "horizons", "long,short", "en") == "Long term, Short term"
    assert audit_value_text("item", "horizons", "long,short", "zh") == "长期、短期"
    assert audit_value_text("item", "category", "physical_acute", "zh") == "物理风险-急性"
    assert audit_value_text("mitigation", "status", "in_progress", "en") == "In progress"


def test_other_values_and_unknown_codes_are_shown_as_stored():
    assert audit_value_text("item", "owner", "安环部", "en") == "安环部"
    assert audit_value_text("item", "horizons", "someday", "en") == "someday"
    assert audit_value_text("item", "owner", None, "en") == ""


def test_grid_cells_anticipated_effects_and_scenarios_read_in_the_readers_language():
    from decimal import Decimal

    from carthane_tcfd.domain.effects import AnticipatedEffect, Direction
    from carthane_tcfd.domain.effects_audit import anticipated_value, cell_value, scenario_value
    from carthane_tcfd.domain.scenarios import CellDraft

    names = ("延迟转型（约 2 °C）", "Delayed transition (about 2 °C)")
    cell = cell_value(names, "medium", CellDraft(Direction.FAVOURABLE, 3, None, Decimal(5), " 说明 "))
    assert audit_value_text("assessment", "scenario", cell, "en") == (
        "Delayed transition (about 2 °C) · Medium term; Favourable; L3; — – 5.00 CNY; 说明"
    )
    assert (
        audit_value_text("assessment", "scenario", cell, "zh")
        == "延迟转型（约 2 °C） · 中期；有利；L3；— – 5.00 CNY；说明"
    )
    assert cell_value(names, "short", CellDraft()) is None  # a blank cell is no value
    no_english = cell_value(("情景甲", ""), "long", CellDraft(Direction.NEUTRAL))
    assert audit_value_text("assessment", "scenario", no_english, "en") == "情景甲 · Long term; Neutral"
    ahead = anticipated_value(AnticipatedEffect("long", Decimal(1000), None, ""))
    assert audit_value_text("item", "anticipated", ahead, "zh") == "长期: 1,000.00 – — CNY"
    assert audit_value_text("scenario", "", scenario_value(names), "en") == names[1]
    assert audit_value_text("scenario", "", scenario_value(names, 4), "zh") == f"{names[0]}（4 个评估单元格）"


def test_yes_no_amounts_and_effects_codes_read_as_labels():
    assert audit_value_text("period", "include_scope3", "True", "en") == "Yes"
    assert audit_value_text("item", "material_adjustment", "False", "zh") == "否"
    assert audit_value_text("period", "electricity_cost_cny", "1234567.5", "en") == "1,234,567.50"
    assert audit_value_text("item", "reason_code", "skills_resources", "en") == (
        "Skills, capabilities or resources not available"
    )
    assert (
        audit_value_text("item", "statement_lines", "revenue,financing_costs", "zh") == "营业收入、财务费用 / 融资成本"
    )


def test_older_plain_entries_and_damaged_values_are_shown_as_stored():
    older = "延迟转型 / Delayed · 短期 / Short term; 不利 / Adverse; L4"  # written before the JSON form
    assert audit_value_text("assessment", "scenario", older, "en") == older
    assert audit_value_text("assessment", "scenario", '{"horizon": "short", "low": "x"}', "en") == (
        '{"horizon": "short", "low": "x"}'
    )
    assert audit_value_text("assessment", "scenario", "{not json", "zh") == "{not json"
    weird = '{"scenario": ["甲", "A"], "horizon": "someday", "direction": "sideways"}'
    assert audit_value_text("assessment", "scenario", weird, "en") == "A · someday; sideways"
    assert audit_value_text("period", "electricity_cost_cny", "lots", "en") == "lots"
    assert audit_value_text("item", "material_adjustment", "是 / Yes", "en") == "是 / Yes"
