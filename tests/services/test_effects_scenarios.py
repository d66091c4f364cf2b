"""Financial effects and scenario analysis through the services, on SQLite and PostgreSQL: round-trip,
one transaction with the item, audit with labels, versions, approved periods, copy, the submit rule."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from carthane_tcfd.domain.audit_text import audit_value_text
from carthane_tcfd.domain.effects import AnticipatedEffect, Direction, FinancialEffects, NotQuantifiedReason
from carthane_tcfd.domain.errors import ConflictError, PeriodLocked, UserError, ValidationFailed
from carthane_tcfd.domain.scenarios import CarbonPrice, CellDraft, GridCell, ScenarioDraft, ScenarioInputs
from carthane_tcfd.domain.signoff import StepRequest
from carthane_tcfd.services.register import open_register
from carthane_tcfd.store.models import AuditEntry

EFFECTS = FinancialEffects(
    current_narrative="2024 年台风导致停产两天",
    current_cny=Decimal("250000.50"),
    anticipated=(AnticipatedEffect("short", Decimal("100000"), Decimal("900000"), "历史损失 × 频率"),),
    statement_lines=("revenue", "asset_carrying_amounts"),
    material_adjustment=True,
)


def first_risk(register):
    return register.items.in_period(2024)[0]  # PR-01, horizons: short


def test_seed_items_carry_the_seed_reason_and_the_default_scenarios_are_empty(register):
    items = register.items.in_period(2024)
    assert all(i.effects.reason is NotQuantifiedReason.SOURCE_REPORT and i.effects.reason_from_seed for i in items)
    assert not any(i.effects.quantified for i in items)
    scenarios = register.scenarios.set_of(2024)
    assert len(scenarios.scenarios) == 3 and all(s.is_default for s in scenarios.scenarios)
    assert all(
        s.carbon_prices == () and s.electricity_change_pct is None and s.temperature_c is None
        for s in scenarios.scenarios
    )
    assert scenarios.assessments == ()


def test_effects_round_trip_with_the_item_and_bump_its_version(register):
    item = first_risk(register)
    draft = item.to_draft()
    draft.effects = EFFECTS
    saved = register.items.update(item.id, draft, item.version)
    assert saved.version == item.version + 1
    assert saved.effects == EFFECTS
    assert register.items.get(item.id).effects == EFFECTS
    assert register.periods.snapshot(2024).items[0].effects == EFFECTS
    history = register.items.history(item.id)
    changed = {h.field: h for h in history if h.entity == "item" and h.action == "update"}

    def shown(field: str, lang: str, old: bool = False) -> str:  # as the history dialog shows it
        entry = changed[field]
        return audit_value_text("item", field, entry.old_value if old else entry.new_value, lang)

    assert changed["statement_lines"].new_value == "revenue,asset_carrying_amounts"  # codes kept, labels shown
    assert shown("statement_lines", "en") == "Revenue, Asset carrying amounts / impairment"
    assert shown("statement_lines", "zh") == "营业收入、资产账面价值 / 减值"
    assert shown("anticipated", "en") == "Short term: 100,000.00 – 900,000.00 CNY; 历史损失 × 频率"
    assert shown("anticipated", "zh").startswith("短期: 100,000.00 – 900,000.00 CNY")
    assert shown("reason_code", "en", old=True) == "Not quantified in the source report"
    assert shown("reason_code", "zh", old=True) == "来源报告未量化"
    assert (shown("material_adjustment", "en"), shown("material_adjustment", "zh")) == ("Yes", "是")
    assert shown("current_cny", "en") == "250,000.50"


def test_invalid_effects_write_nothing(register):
    item = first_risk(register)
    draft = item.to_draft()
    draft.title = "changed title"
    draft.effects = FinancialEffects(anticipated=(AnticipatedEffect("long", Decimal(5), Decimal(1)),))
    with pytest.raises(ValidationFailed) as failure:
        register.items.update(item.id, draft, item.version)
    assert {p.field for p in failure.value.problems} == {"effects.anticipated", "effects.anticipated.long.high_cny"}
    again = register.items.get(item.id)
    assert again.title == item.title and again.effects == item.effects and again.version == item.version


def test_scenario_parameters_rename_add_remove_and_versions(register):
    scenarios = register.scenarios.set_of(2024).scenarios
    first = scenarios[0]
    draft = replace(
        first.to_draft(),
        name="有序转型",
        temperature_c=Decimal("1.5"),
        horizon_year=2050,
        carbon_prices=(CarbonPrice(2030, Decimal("200")), CarbonPrice(2025, Decimal("100"))),
        electricity_change_pct=Decimal("12.5"),
        assumptions="全国碳市场扩容",
    )
    saved = register.scenarios.update(first.id, draft, first.version)
    assert saved.name == "有序转型" and saved.version == first.version + 1
    assert [p.year for p in saved.carbon_prices] == [2025, 2030]
    with register.scenarios.ctx.read() as session:
        audited = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "scenario", AuditEntry.field == "carbon_prices")
        ).one()
    assert (audited.old_value, audited.new_value) == (None, "2025: 100; 2030: 200")
    with pytest.raises(ConflictError):
        register.scenarios.update(first.id, draft, first.version)
    added = register.scenarios.add(2024, ScenarioDraft("高碳价压力", "High carbon price stress"))
    assert added.position == 3 and not added.is_default
    register.scenarios.remove(scenarios[2].id, scenarios[2].version)
    names = [s.name for s in register.scenarios.set_of(2024).scenarios]
    assert names == ["有序转型", scenarios[1].name, "高碳价压力"]
    with pytest.raises(ValidationFailed):
        register.scenarios.add(2024, ScenarioDraft("x", temperature_c=Decimal(40)))


def test_sensitivities_use_the_periods_scope_1_and_2(register):
    first = register.scenarios.set_of(2024).scenarios[0]
    register.scenarios.update(
        first.id,
        replace(first.to_draft(), carbon_prices=(CarbonPrice(2030, Decimal(100)),), electricity_change_pct=Decimal(10)),
        first.version,
    )
    inputs = register.scenarios.save_inputs(2024, ScenarioInputs("韧性说明", Decimal("5000000"), False, 0))
    assert inputs.version == 1
    sens = register.scenarios.sensitivities(2024)
    assert sens.carbon[0].emissions_t == Decimal("8272.98")
    assert sens.carbon[0].result_cny == Decimal("827298.00")
    assert sens.electricity[0].result_cny == Decimal("500000.00")
    with pytest.raises(ConflictError):
        register.scenarios.save_inputs(2024, ScenarioInputs("stale", None, False, 0))


def test_grid_cells_are_validated_versioned_audited_and_blank_cells_removed(register):
    item = first_risk(register)
    scenario = register.scenarios.set_of(2024).scenarios[1]
    cell = CellDraft(Direction.ADVERSE, 4, Decimal(1000), Decimal(5000), "停产")
    saved = register.scenarios.save_cell(item.id, scenario.id, "short", cell, 0)
    assert saved is not None and saved.version == 1 and saved.to_draft() == cell
    assert register.scenarios.grid(2024).assessed == 1
    summary = register.scenarios.grid_cells([item.id])
    assert summary == {(item.id, scenario.id, "short"): GridCell(Direction.ADVERSE, 4, True, True, 1)}
    assert register.scenarios.cell(item.id, scenario.id, "short") == saved
    with pytest.raises(ConflictError):
        register.scenarios.save_cell(item.id, scenario.id, "short", cell, 0)
    with pytest.raises(ValidationFailed):  # PR-01 has no long horizon
        register.scenarios.save_cell(item.id, scenario.id, "long", cell, 0)
    with pytest.raises(ValidationFailed):
        register.scenarios.save_cell(item.id, scenario.id, "short", CellDraft(Direction.ADVERSE, 9), 1)
    assert register.scenarios.save_cell(item.id, scenario.id, "short", CellDraft(), 1) is None
    assert register.scenarios.set_of(2024).assessments == ()
    entries = [h for h in register.items.history(item.id) if h.entity == "assessment"]
    assert [h.action for h in entries] == ["delete", "create"]  # newest first
    created = entries[1].new_value
    assert audit_value_text("assessment", "scenario", created, "en") == (
        f"{scenario.name_en} · Short term; Adverse; L4; 1,000.00 – 5,000.00 CNY; 停产"
    )
    assert audit_value_text("assessment", "scenario", created, "zh") == (
        f"{scenario.name} · 短期；不利；L4；1,000.00 – 5,000.00 CNY；停产"
    )
    assert audit_value_text("assessment", "scenario", entries[0].old_value, "en") == audit_value_text(
        "assessment", "scenario", created, "en"
    )


def test_the_periods_scenario_history_names_each_scenario_and_the_inputs(register):
    first, _second, third = register.scenarios.set_of(2024).scenarios
    renamed = register.scenarios.update(first.id, replace(first.to_draft(), name_en="Net zero 2050"), first.version)
    register.scenarios.update(
        renamed.id, replace(renamed.to_draft(), carbon_prices=(CarbonPrice(2030, Decimal(200)),)), renamed.version
    )
    added = register.scenarios.add(2024, ScenarioDraft("高碳价压力", "High carbon price stress"))
    item = first_risk(register)
    register.scenarios.save_cell(item.id, third.id, "short", CellDraft(Direction.ADVERSE, 2), 0)
    register.scenarios.remove(third.id, third.version)
    register.scenarios.save_inputs(2024, ScenarioInputs("韧性说明", Decimal("5000000"), True, 0))
    history = register.scenarios.history(2024)
    rows = [(h.entity, h.subject_in("en"), h.action, h.field) for h in history]
    assert rows[:3] == [  # newest first; the inputs are the period's
        ("period", "", "update", "include_scope3"),
        ("period", "", "update", "electricity_cost_cny"),
        ("period", "", "update", "resilience"),
    ]
    assert rows[3:] == [
        ("scenario", third.name_en, "delete", ""),  # removed: named by its removal entry
        ("scenario", added.name_en, "create", ""),
        ("scenario", "Net zero 2050", "update", "carbon_prices"),
        ("scenario", "Net zero 2050", "update", "name_en"),
    ]
    assert history[0].subject_in("zh") == "" and history[4].subject_in("zh") == "高碳价压力"
    removal = history[3]
    assert audit_value_text("scenario", "", removal.old_value, "en") == f"{third.name_en} (1 grid cells)"
    assert audit_value_text("scenario", "", removal.old_value, "zh") == f"{third.name}（1 个评估单元格）"
    assert audit_value_text("period", "include_scope3", history[0].new_value, "zh") == "是"
    assert audit_value_text("period", "electricity_cost_cny", history[1].new_value, "en") == "5,000,000.00"


def test_copy_carries_effects_scenarios_inputs_and_grid(register):
    item = first_risk(register)
    draft = item.to_draft()
    draft.effects = EFFECTS
    register.items.update(item.id, draft, item.version)
    scenario = register.scenarios.set_of(2024).scenarios[0]
    register.scenarios.save_cell(item.id, scenario.id, "short", CellDraft(Direction.FAVOURABLE, 2), 0)
    register.scenarios.save_inputs(2024, ScenarioInputs("韧性", Decimal(10), True, 0))
    register.periods.copy_to_next_year(2024)
    copied = register.items.in_period(2025)[0]
    assert copied.code == item.code and copied.effects == EFFECTS
    target = register.scenarios.set_of(2025)
    assert [s.name for s in target.scenarios] == [s.name for s in register.scenarios.set_of(2024).scenarios]
    assert target.inputs.resilience == "韧性" and target.inputs.include_scope3
    [cell] = target.assessments
    assert cell.item_id == copied.id and cell.scenario_id == target.scenarios[0].id and cell.level == 2


def test_submit_refuses_items_without_figures_or_reason_naming_them(register):
    item = first_risk(register)
    draft = item.to_draft()
    draft.effects = FinancialEffects(current_narrative="仅有文字")
    register.items.update(item.id, draft, item.version)
    with pytest.raises(UserError) as refused:
        register.workflow.submit(2024, StepRequest())
    assert "PR-01" in refused.value.en and "PR-01" in refused.value.zh
    assert register.periods.get(2024).status.value == "draft"
    closing = register.items.in_period(2024)[1]  # PR-02, closed with neither: no longer reported on
    draft = replace(closing.to_draft(), closed=True, closed_reason="风险已消除")
    draft.effects = FinancialEffects()
    register.items.update(closing.id, draft, closing.version)
    with pytest.raises(UserError) as again:
        register.workflow.submit(2024, StepRequest())
    assert "PR-01" in again.value.en and "PR-02" not in again.value.en
    item = register.items.get(item.id)
    draft = item.to_draft()
    draft.effects = replace(draft.effects, reason=NotQuantifiedReason.MEASUREMENT_UNCERTAINTY)
    register.items.update(item.id, draft, item.version)
    assert register.workflow.submit(2024, StepRequest()).status.value == "in_review"


def test_approved_period_refuses_scenario_changes(register):
    register.workflow.submit(2024, StepRequest())
    approver = open_register(register.url, user="approver")
    approver.workflow.approve(2024, StepRequest("同意"))
    approver.close()
    scenario = register.scenarios.set_of(2024).scenarios[0]
    item = first_risk(register)
    with pytest.raises(PeriodLocked):
        register.scenarios.add(2024, ScenarioDraft("新情景"))
    with pytest.raises(PeriodLocked):
        register.scenarios.remove(scenario.id, scenario.version)
    with pytest.raises(PeriodLocked):
        register.scenarios.save_cell(item.id, scenario.id, "short", CellDraft(Direction.NEUTRAL, 1), 0)
    with pytest.raises(PeriodLocked):
        register.scenarios.save_inputs(2024, ScenarioInputs("x"))


def test_a_new_period_starts_with_the_default_set(register):
    register.periods.create(2026, "2026")
    scenarios = register.scenarios.set_of(2026).scenarios
    assert scenarios[0].name_en.startswith("Orderly transition") and len(scenarios) == 3
