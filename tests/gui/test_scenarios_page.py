"""The financial effects section of the editor and the Scenarios page, driven offscreen with qtbot."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt

from carthane_tcfd.domain.effects import Direction, NotQuantifiedReason
from carthane_tcfd.domain.records import ItemRow
from carthane_tcfd.domain.scenarios import CarbonPrice, CellDraft, ScenarioDraft
from carthane_tcfd.ui.dialogs.scenario_dialogs import CellDialog, ScenarioDialog
from carthane_tcfd.ui.models.scenario_grid_model import ScenarioGridModel
from carthane_tcfd.ui.models.sensitivity_model import SensitivityModel
from tests.gui.conftest import approve_by_another_officer


def open_scenarios(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.scenarios
    assert window.tabs.currentWidget() is page
    return page


def test_effects_are_entered_in_the_editor_and_saved_with_the_item(window, qtbot):
    page = window.risks
    page.select_item(page.model.item_at(0).id)  # PR-01, horizon: short
    effects = page.editor.effects_editor
    assert effects.seed_mark.isVisibleTo(page.editor) and effects.reason.currentData() == "source_report"
    assert not effects.rows["long"][1].isEnabled()  # PR-01 has no long horizon
    effects.current_narrative.insertPlainText("台风停产两天")
    qtbot.keyClicks(effects.current_cny, "250000")
    qtbot.keyClicks(effects.rows["short"][1], "100000")
    qtbot.keyClicks(effects.rows["short"][2], "900000")
    effects.rows["short"][3].insert("历史损失 × 频率")
    effects.statement_lines.box("revenue").setChecked(True)
    effects.material_adjustment.setChecked(True)
    effects.reason.setCurrentIndex(0)
    assert page.editor.dirty
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = window.state.services.items.get(page.editor.item.id).effects
    assert stored.current_cny == Decimal(250000) and stored.current_narrative == "台风停产两天"
    short = stored.for_horizon("short")
    assert (short.low_cny, short.high_cny, short.basis) == (Decimal(100000), Decimal(900000), "历史损失 × 频率")
    assert stored.statement_lines == ("revenue",) and stored.material_adjustment and stored.reason is None
    assert not page.editor.dirty


def test_a_bad_effect_shows_its_problem_and_nothing_is_written(window, qtbot):
    page = window.risks
    page.select_item(page.model.item_at(0).id)
    before = window.state.services.items.get(page.editor.item.id)
    effects = page.editor.effects_editor
    qtbot.keyClicks(effects.rows["short"][1], "900")
    qtbot.keyClicks(effects.rows["short"][2], "100")
    qtbot.keyClicks(effects.current_cny, "abc")
    window.act_save.trigger()
    assert effects.errors.isVisibleTo(page.editor)
    assert "must not be below the low amount" in effects.errors.text()
    assert "must be an amount in numbers" in effects.errors.text()
    after = window.state.services.items.get(before.id)
    assert after.effects == before.effects and after.version == before.version
    assert effects.reason.currentData() == NotQuantifiedReason.SOURCE_REPORT.value  # the user's form is kept
    assert effects.current_cny.text() == "abc"


def test_grid_and_sensitivity_models_pass_the_model_tester(qtmodeltester, window, qtbot):
    page = open_scenarios(window, qtbot)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.sensitivity_model)
    standalone = ScenarioGridModel("en")
    qtmodeltester.check(standalone)
    qtmodeltester.check(SensitivityModel())


def test_the_grid_shows_items_by_scenario_and_horizon_with_guidance(window, qtbot):
    page = open_scenarios(window, qtbot)
    model = page.model
    assert model.rowCount() == 11 and model.columnCount() == 2 + 3 * 3
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Orderly transition\n(about 1.5 °C)\nShort term"
    tip = model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Orderly transition (about 1.5 °C)\nShort term"
    assert page.guidance.isVisibleTo(page) and "For each item" in page.guidance.text()
    first: ItemRow = model.item_at(0)
    assert first.code == "PR-01"
    long_cell = model.index(0, 4)  # PR-01 has no long horizon: shown, not editable
    assert model.data(long_cell) == "·" and not model.flags(long_cell) & Qt.ItemFlag.ItemIsEditable
    page.filters.categories.actions_by_code["physical_acute"].setChecked(True)
    assert [model.item_at(r).code for r in range(model.rowCount())] == ["PR-01"]
    page.filters.clear()
    assert model.rowCount() == 11


def test_keyboard_editing_sets_level_direction_and_clears(window, qtbot):
    page = open_scenarios(window, qtbot)
    model = page.model
    cell = model.index(0, 2)  # PR-01 · first scenario · short
    page.table.setFocus()
    page.table.setCurrentIndex(cell)
    qtbot.keyClick(page.table, Qt.Key.Key_4)
    stored = window.state.services.scenarios.set_of(2024).assessments
    assert [(a.direction, a.level, a.horizon) for a in stored] == [(Direction.ADVERSE, 4, "short")]
    assert model.data(cell) == "Adverse · L4"
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color().name().upper() == "#F4B183"
    assert not page.guidance.isVisibleTo(page)
    qtbot.keyClick(page.table, Qt.Key.Key_F)
    assert model.data(cell) == "Favourable · L4"
    qtbot.keyClick(page.table, Qt.Key.Key_9)  # above the 5-level scale: ignored
    assert model.data(cell) == "Favourable · L4"
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert window.state.services.scenarios.set_of(2024).assessments == ()
    assert model.data(cell) == "" and page.guidance.isVisibleTo(page)


def test_the_cell_dialog_saves_amounts_and_narrative_and_keeps_bad_input(window, qtbot):
    page = open_scenarios(window, qtbot)
    index = page.model.index(0, 2)
    saved = []

    def save(draft):
        page.model.setData(index, draft)
        saved.append(draft)

    dialog = CellDialog("PR-01", CellDraft(), page.model.item_at(0).kind, 5, save, "en", page)
    qtbot.addWidget(dialog)
    dialog.direction.setCurrentIndex(dialog.direction.findData("adverse"))
    dialog.level.setCurrentIndex(dialog.level.findData(3))
    qtbot.keyClicks(dialog.low, "5000")
    qtbot.keyClicks(dialog.high, "1000")
    dialog.accept()
    assert not saved and "must not be below the low amount" in dialog.problems.text()
    dialog.high.clear()
    qtbot.keyClicks(dialog.high, "9000")
    dialog.narrative.setPlainText("停产风险")
    dialog.accept()
    [cell] = window.state.services.scenarios.set_of(2024).assessments
    assert (cell.level, cell.low_cny, cell.high_cny, cell.narrative) == (3, 5000, 9000, "停产风险")


def test_the_cell_dialog_starts_on_its_first_field_tabs_through_the_form_and_saves_with_ctrl_return(window, qtbot):
    page = open_scenarios(window, qtbot)
    saved = []
    dialog = CellDialog("PR-01", CellDraft(), page.model.item_at(0).kind, 5, saved.append, "en", page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    assert dialog.focusWidget() is dialog.direction, "the first field, not OK"
    order = [dialog.direction]
    for _ in range(4):
        order.append(order[-1].nextInFocusChain())
    assert order == [dialog.direction, dialog.level, dialog.low, dialog.high, dialog.narrative]
    dialog.direction.setCurrentIndex(dialog.direction.findData("adverse"))
    dialog.narrative.setFocus()
    qtbot.keyClicks(dialog.narrative, "typhoon")
    qtbot.keyClick(dialog.narrative, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [d.narrative for d in saved] == ["typhoon"], "Ctrl+Return saves from the narrative"


def test_scenario_parameters_inputs_and_sensitivities(window, qtbot):
    page = open_scenarios(window, qtbot)
    scenario = page.scenarios.scenarios[0]
    services = window.state.services.scenarios
    dialog = ScenarioDialog(
        scenario.to_draft(), lambda d: services.update(scenario.id, d, scenario.version), "en", page
    )
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.carbon, "2030 100")
    dialog.accept()
    assert "cannot read" in dialog.problems.text() and dialog.carbon.text() == "2030 100"
    dialog.carbon.setText("2030: 100")
    qtbot.keyClicks(dialog.electricity, "10")
    qtbot.keyClicks(dialog.temperature, "1.5")
    dialog.accept()
    page.refresh()
    first = page.scenarios.scenarios[0]
    assert first.carbon_prices == (CarbonPrice(2030, Decimal(100)),) and first.temperature_c == Decimal("1.5")
    qtbot.keyClicks(page.electricity_cost, "2000000")
    page.resilience.setPlainText("三种情景下均具韧性。")
    qtbot.mouseClick(page.save_inputs_button, Qt.MouseButton.LeftButton)
    rows = page.sensitivity_model.rows
    assert rows[0][4] == "100.00 CNY/tCO2e × 8,272.98 tCO2e (scope 1+2)" and rows[0][5] == "827,298.00"
    assert rows[1][5] == "200,000.00"
    assert "8,272.98" in page.emissions.text()
    assert services.set_of(2024).inputs.resilience == "三种情景下均具韧性。"
    added = ScenarioDialog(ScenarioDraft(""), lambda d: services.add(2024, d), "en", page)
    qtbot.addWidget(added)
    added.accept()
    assert "Scenario name: is required" in added.problems.text()


def test_an_approved_period_locks_the_grid(window, qtbot):
    approve_by_another_officer(window, 2024)
    page = open_scenarios(window, qtbot)
    assert not page.model.flags(page.model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert not page.add_button.isEnabled() and page.resilience.isReadOnly()


def test_opening_reads_the_risks_rows_and_the_opportunities_when_reached(window, qtbot):
    from carthane_tcfd.domain.taxonomy import Kind

    window.state.reload_items()
    window.state._rows.clear()  # nothing read yet
    page = open_scenarios(window, qtbot)
    counts = window.state.counts()
    assert page.model.rowCount() == counts[Kind.RISK] + counts[Kind.OPPORTUNITY]
    assert Kind.RISK in window.state._rows and Kind.OPPORTUNITY not in window.state._rows
    last = page.model.item_at(page.model.rowCount() - 1)
    assert last.kind is Kind.OPPORTUNITY and Kind.OPPORTUNITY in window.state._rows
    codes = [page.model.item_at(r).code for r in range(page.model.rowCount())]
    assert codes == [i.code for kind in Kind for i in window.state.rows(kind) if not i.closed]  # the register's order
    page.filters.search.setText(last.code)  # a filter reads every row it looks through
    assert [page.model.item_at(r).code for r in range(page.model.rowCount())] == [last.code]


def test_a_count_that_differs_from_the_rows_read_is_put_right(window, qtbot):
    from carthane_tcfd.domain.taxonomy import Kind

    grid = window.state.services.scenarios.grid(2024)
    opportunities = window.state.rows(Kind.OPPORTUNITY)
    model = ScenarioGridModel("en")
    one_more = replace(grid, open_items={**grid.open_items, Kind.OPPORTUNITY: len(opportunities) + 1})
    model.load(window.state.rows, one_more)  # e.g. an item left out as damaged when its rows are read
    risks = grid.open_items[Kind.RISK]
    assert model.rowCount() == risks + len(opportunities) + 1
    assert model.item_at(risks).kind is Kind.OPPORTUNITY  # the opportunities are read now
    assert model.data(model.index(risks, 0)) is None  # nothing shown until the view is told the count
    with qtbot.waitSignal(model.modelReset):
        pass
    assert model.rowCount() == risks + len(opportunities)
    assert model.data(model.index(risks, 0)) == opportunities[0].code


def _shown_history(monkeypatch, show) -> list[tuple[str, ...]]:
    from PySide6.QtCore import QModelIndex

    from carthane_tcfd.ui.dialogs.history_dialog import HistoryDialog

    shown = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    show()
    model = shown[-1].model
    return [tuple(model.index(r, c).data() for c in (2, 3, 4, 5)) for r in range(model.rowCount(QModelIndex()))]


def test_the_history_shows_scenario_input_and_cell_changes_in_words(window, qtbot, monkeypatch):
    page = open_scenarios(window, qtbot)
    services = window.state.services.scenarios
    first = page.scenarios.scenarios[0]
    services.update(first.id, replace(first.to_draft(), carbon_prices=(CarbonPrice(2030, Decimal(120)),)), 1)
    page.refresh()
    qtbot.keyClicks(page.electricity_cost, "2000000")
    page.scope3.setChecked(True)
    qtbot.mouseClick(page.save_inputs_button, Qt.MouseButton.LeftButton)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 2))  # PR-01 · first scenario · short
    qtbot.keyClick(page.table, Qt.Key.Key_4)
    qtbot.keyClick(page.table, Qt.Key.Key_N)

    rows = _shown_history(monkeypatch, page.history_button.click)
    assert rows == [
        ("Period · changed", "Include scope 3", "No", "Yes"),
        ("Period · changed", "Purchased electricity cost", "", "2,000,000.00"),
        ("Scenario · Orderly transition (about 1.5 °C) · changed", "Carbon price path", "", "2030: 120"),
    ]
    window.risks.select_item(page.model.item_at(0).id)
    item_rows = _shown_history(monkeypatch, window.risks.show_history)
    cells = [row for row in item_rows if row[0].startswith("Scenario assessment")]
    assert cells == [
        (
            "Scenario assessment · changed",
            "Scenario",
            "Orderly transition (about 1.5 °C) · Short term; Adverse; L4",
            "Orderly transition (about 1.5 °C) · Short term; Neutral; L4",
        ),
        (
            "Scenario assessment · created",
            "Scenario",
            "",
            "Orderly transition (about 1.5 °C) · Short term; Adverse; L4",
        ),
    ]


def test_unticking_a_horizon_warns_of_the_grid_cells_that_go_with_it(window, prompts_recorder):
    services = window.state.services
    item = services.items.in_period(2024)[0]  # PR-01, horizon short
    draft = item.to_draft()
    draft.horizons = ["short", "long"]
    item = services.items.update(item.id, draft, item.version)
    first, second, _third = services.scenarios.set_of(2024).scenarios
    for scenario in (first, second):
        services.scenarios.save_cell(item.id, scenario.id, "long", CellDraft(Direction.ADVERSE, 2), 0)
    window.state.reload_items()
    page = window.risks
    page.select_item(item.id)
    page.editor.horizons.box("long").setChecked(False)
    prompts_recorder.confirm_answer = False
    window.act_save.trigger()
    [(kind, text)] = prompts_recorder.asked
    assert kind == "confirm" and "2 filled cell(s) of the scenario grid" in text and "(Long term)" in text
    assert services.scenarios.cells_outside(item.id, ["short"]) == {"long": 2}  # not saved
    assert page.editor.dirty and not page.editor.horizons.box("long").isChecked()  # the form is kept
    prompts_recorder.confirm_answer = True
    window.act_save.trigger()
    assert services.scenarios.cells_outside(item.id, ["short"]) == {} and not page.editor.dirty
    assert list(services.items.get(item.id).horizons) == ["short"]
