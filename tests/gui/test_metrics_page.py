"""The Metrics & targets page, driven as an officer uses it: the 2024 inventory as the report gives it,
a 2025 year copied from it, figures and a target typed in, totals and comparisons recomputed, saved,
refused in an approved period; its models pass the model tester."""

from __future__ import annotations

from decimal import Decimal

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit


def open_page(window, qtbot):
    window.tabs.setCurrentWidget(window.metrics)
    qtbot.waitUntil(lambda: window.metrics.view is not None)
    return window.metrics


def row_of(page, key: str) -> int:
    return next(i for i, e in enumerate(page.inventory_model.records) if e.row is not None and e.row.key == key)


def cell(page, key: str, column: int) -> str:
    model = page.inventory_model
    return model.data(model.index(row_of(page, key), column))


def type_into(qtbot, table, row: int, column: int, text: str) -> None:
    """Edit a cell as a user does: double-click it, type, press Enter."""
    index = table.model().index(row, column)
    table.scrollTo(index)
    table.setCurrentIndex(index)
    table.edit(index)
    [editor] = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shiboken6.isValid(editor) or not editor.isVisible())


def test_the_page_shows_the_2024_inventory_as_the_report_gives_it(window, qtbot):
    page = open_page(window, qtbot)
    assert cell(page, "computed.total", 2) == "10,134.03"
    assert cell(page, "scope3.upstream_transport", 2) == "1,805.06"
    assert cell(page, "computed.share_scope2", 2) == "79.17"
    assert cell(page, "computed.renewable_share", 2) == "13.64"
    assert cell(page, "scope3.capital_goods", 6) == "Not calculated"
    titles = [e.title for e in page.inventory_model.records if e.row is None]
    assert titles[:3] == ["Scope 1", "Scope 2", "Scope 3"]
    assert not page.save_button.isEnabled() and page.notice.text() == ""
    assert "Metrics and targets 2024" in page.title.text()


def test_a_copied_year_takes_figures_and_a_target_and_compares_with_last_year(window, qtbot, prompts_recorder):
    window.period_actions.copy_to_next_year()
    assert window.state.period.year == 2025
    page = open_page(window, qtbot)
    assert cell(page, "scope1.fugitive", 2) == "" and cell(page, "scope1.fugitive", 4) == "238.56"

    type_into(qtbot, page.inventory_table, row_of(page, "scope1.fugitive"), 2, "200")
    type_into(qtbot, page.inventory_table, row_of(page, "scope2.location"), 2, "7,000.5")
    assert cell(page, "computed.scope1", 2) == "200"
    assert cell(page, "scope1.fugitive", 5) == "-16.2%"
    assert cell(page, "computed.scope1_2", 2) == "7,200.5"
    assert page.dirty and page.save_button.isEnabled() and "unsaved changes" in page.title.text()

    type_into(qtbot, page.inventory_table, row_of(page, "scope1.mobile_combustion"), 2, "ten")
    assert "not a number: ten" in page.notice.text()
    assert cell(page, "scope1.mobile_combustion", 2) == "", "a refused entry changes nothing"

    page.side.setCurrentIndex(3)  # Targets
    qtbot.mouseClick(page.findChild(type(page.save_button), "target_table_add"), Qt.MouseButton.LeftButton)
    targets = page.target_model
    assert targets.rowCount() == 1 and targets.records[0].base_year == 2025
    table = page.findChild(type(page.inventory_table), "target_table")
    type_into(qtbot, table, 0, 3, "2024")  # base year
    type_into(qtbot, table, 0, 4, "8272.98")  # base value: 2024's scope 1 + 2
    type_into(qtbot, table, 0, 6, "4136.49")  # target value in 2031
    progress = targets.data(targets.index(0, 12))
    assert progress.startswith("2025: 7,200.50 / ") and "on track" in progress

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not page.dirty and page.saved.version == 2
    saved = window.state.services.metrics.view(2025)
    assert saved.current.inventory.line("scope2.location").value == Decimal("7000.5")
    assert saved.current.targets[0].target_value == Decimal("4136.49")

    page.side.setCurrentIndex(4)  # Charts
    qtbot.waitUntil(lambda: page.canvas is not None)
    titles = [ax.get_title() for ax in page.canvas.figure.axes]
    assert "GHG emissions by year (tCO2e)" in titles and any(t.startswith("Target trajectory") for t in titles)
    trend = next(ax for ax in page.canvas.figure.axes if ax.get_title().startswith("GHG emissions by year"))
    assert [t.get_text() for t in trend.get_xticklabels()] == ["2024", "2025"]


def test_a_problem_the_domain_finds_keeps_the_edits_and_says_why(window, qtbot):
    window.period_actions.copy_to_next_year()
    page = open_page(window, qtbot)
    type_into(qtbot, page.inventory_table, row_of(page, "scope1.fugitive"), 2, "-5")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Fugitive emissions: must not be negative" in page.notice.text()
    assert page.dirty and cell(page, "scope1.fugitive", 2) == "-5"


def test_an_approved_period_is_read_only_on_the_page(window, qtbot):
    from carthane_tcfd.domain.signoff import StepRequest
    from carthane_tcfd.services.register import open_register

    window.state.services.workflow.submit(2024, StepRequest())
    approver = open_register(window.state.services.url, user="approver")
    approver.workflow.approve(2024, StepRequest("同意"))
    approver.close()
    window.state.refresh_period()
    page = open_page(window, qtbot)
    page.load()
    model = page.inventory_model
    index = model.index(row_of(page, "scope1.fugitive"), 2)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "1")
    assert "read-only" in page.title.text() and not page.save_button.isEnabled()
    assert not page.findChild(type(page.save_button), "target_table_add").isEnabled()
    assert page.basis_form.fields["gwp"].isReadOnly()


def test_the_page_models_pass_the_model_tester(window, qtbot, qtmodeltester):
    page = open_page(window, qtbot)
    page.add_target()
    page.add_custom()
    for model in (page.inventory_model, page.custom_model, page.cross_model, page.target_model):
        qtmodeltester.check(model, force_py=True)
