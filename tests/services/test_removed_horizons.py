"""An item that loses a time horizon loses its grid cells of that horizon in the same transaction as its
save, each audited in its history; its anticipated figures of that horizon must be cleared by the officer
(the save refuses them until then). Cells stored before this rule are not read: the page, the board pack
and `list --json` agree. On SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import insert, select

from carthane_tcfd.domain.audit_text import audit_value_text
from carthane_tcfd.domain.effects import AnticipatedEffect, Direction
from carthane_tcfd.domain.errors import ValidationFailed
from carthane_tcfd.domain.scenarios import CellDraft
from carthane_tcfd.services.items import ItemService
from carthane_tcfd.store.models import ScenarioAssessment


def with_long_horizon(register):
    """PR-01 with the horizons short and long, anticipated figures and cells in both, under two scenarios."""
    item = register.items.in_period(2024)[0]
    draft = item.to_draft()
    draft.horizons = ["short", "long"]
    draft.effects = replace(
        draft.effects,
        anticipated=(
            AnticipatedEffect("short", Decimal(100), Decimal(200)),
            AnticipatedEffect("long", Decimal(300), Decimal(900), "长期损失"),
        ),
    )
    item = register.items.update(item.id, draft, item.version)
    first, second, _third = register.scenarios.set_of(2024).scenarios
    for scenario in (first, second):
        for horizon in ("short", "long"):
            register.scenarios.save_cell(item.id, scenario.id, horizon, CellDraft(Direction.ADVERSE, 3), 0)
    return item, first, second


def test_saving_without_a_horizon_removes_its_cells_with_audit_entries(register):
    item, first, second = with_long_horizon(register)
    assert register.scenarios.cells_outside(item.id, ["short"]) == {"long": 2}
    draft = item.to_draft()
    draft.horizons = ["short"]
    draft.effects = replace(draft.effects, anticipated=draft.effects.anticipated[:1])
    saved = register.items.update(item.id, draft, item.version)
    assert list(saved.horizons) == ["short"] and [a.horizon for a in saved.effects.anticipated] == ["short"]
    cells = register.scenarios.set_of(2024).assessments
    assert sorted((a.scenario_id, a.horizon) for a in cells) == [(first.id, "short"), (second.id, "short")]
    assert register.scenarios.cells_outside(item.id, ["short"]) == {}
    history = register.items.history(item.id)
    removed = [h for h in history if h.entity == "assessment" and h.action == "delete"]
    shown = sorted(audit_value_text("assessment", "scenario", h.old_value, "en") for h in removed)
    assert shown == sorted(f"{s.name_en} · Long term; Adverse; L3" for s in (first, second))
    [ahead] = [h for h in history if h.field == "anticipated" and h.new_value is None]
    assert audit_value_text("item", "anticipated", ahead.old_value, "en") == "Long term: 300.00 – 900.00 CNY; 长期损失"


def test_anticipated_figures_of_a_dropped_horizon_are_refused_until_cleared(register):
    item, _first, _second = with_long_horizon(register)
    draft = item.to_draft()
    draft.horizons = ["short"]  # the long figures still in the form
    with pytest.raises(ValidationFailed) as refused:
        register.items.update(item.id, draft, item.version)
    assert [p.field for p in refused.value.problems] == ["effects.anticipated"]
    assert register.scenarios.cells_outside(item.id, ["short"]) == {"long": 2}  # nothing written


def test_the_cells_go_in_the_items_own_transaction(register, monkeypatch):
    item, _first, _second = with_long_horizon(register)
    draft = item.to_draft()
    draft.horizons = ["short"]
    draft.effects = replace(draft.effects, anticipated=draft.effects.anticipated[:1])

    def fail(self, item):
        raise RuntimeError("the save fails after the cells were removed")

    monkeypatch.setattr(ItemService, "_touch", fail)
    with pytest.raises(RuntimeError):
        register.items.update(item.id, draft, item.version)
    assert register.scenarios.cells_outside(item.id, ["short"]) == {"long": 2}
    assert list(register.items.get(item.id).horizons) == ["short", "long"]


def test_cells_stored_outside_the_items_horizons_are_not_read(register):
    """A cell a former version left behind (PR-01 has no long horizon): not in the set, the snapshot or
    the copy to the next year."""
    item = register.items.in_period(2024)[0]
    scenario = register.scenarios.set_of(2024).scenarios[0]
    register.scenarios.save_cell(item.id, scenario.id, "short", CellDraft(Direction.NEUTRAL, 1), 0)
    with register.scenarios.ctx.write() as session:
        session.execute(
            insert(ScenarioAssessment).values(
                item_id=item.id, scenario_id=scenario.id, horizon="long", direction="adverse", level=5, narrative=""
            )
        )
    assert [a.horizon for a in register.scenarios.set_of(2024).assessments] == ["short"]
    assert [a.horizon for a in register.periods.snapshot(2024).scenarios.assessments] == ["short"]
    register.periods.copy_to_next_year(2024)
    assert [a.horizon for a in register.scenarios.set_of(2025).assessments] == ["short"]
    with register.scenarios.ctx.read() as session:
        stored = session.scalars(select(ScenarioAssessment.horizon).order_by(ScenarioAssessment.id)).all()
    assert stored == ["short", "long", "short"]  # kept in 2024 until the item is saved; not copied
    draft = register.items.get(item.id).to_draft()
    draft.horizons = ["short", "medium"]  # any change of horizons clears what lies outside them
    register.items.update(item.id, draft, register.items.get(item.id).version)
    assert register.scenarios.cells_outside(item.id, ["short", "medium"]) == {}
