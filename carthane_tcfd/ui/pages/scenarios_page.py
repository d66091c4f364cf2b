"""The Scenarios page: the period's scenario set, the assessment grid (items × scenario × horizon,
coloured by level, edited from the keyboard), the resilience narrative, the inputs and the sensitivities."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carthane_tcfd.domain.effects import Direction
from carthane_tcfd.domain.effects_validation import validate_inputs
from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.domain.scenarios import GRID_GUIDANCE, CellDraft, ScenarioDraft, ScenarioInputs, ScenarioSet
from carthane_tcfd.domain.taxonomy import Horizon, Kind
from carthane_tcfd.domain.validation import Problem
from carthane_tcfd.ui import prompts, styles
from carthane_tcfd.ui.app_state import AppState
from carthane_tcfd.ui.models.scenario_grid_model import FIXED, ScenarioGridModel
from carthane_tcfd.ui.models.sensitivity_model import SensitivityModel
from carthane_tcfd.ui.widgets.effects_editor import amount_text, read_amount
from carthane_tcfd.ui.widgets.filter_bar import FilterBar

DIRECTION_KEYS = {Qt.Key.Key_A: Direction.ADVERSE, Qt.Key.Key_F: Direction.FAVOURABLE, Qt.Key.Key_N: Direction.NEUTRAL}


class ScenariosPage(QWidget):
    def __init__(self, state: AppState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.lang = state.lang
        self.scenarios: ScenarioSet | None = None
        self._stale = True
        self._build()
        state.period_changed.connect(self._mark_stale)
        state.items_changed.connect(self._mark_stale)

    # ---- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        self.filters = FilterBar(None, self.lang, parent=self)
        self.scenario_box = QComboBox(self)
        self.scenario_box.setObjectName("scenario_box")
        self.add_button = QPushButton(self.tr("Add scenario…"), self)
        self.edit_button = QPushButton(self.tr("Edit scenario…"), self)
        self.edit_button.setObjectName("edit_scenario")
        self.remove_button = QPushButton(self.tr("Remove scenario"), self)
        self.history_button = QPushButton(self.tr("History…"), self)
        self.history_button.setObjectName("scenario_history")
        self.history_button.setToolTip(
            self.tr("Changes to the scenarios and to the narrative and inputs; a cell's are in its item's history")
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Scenarios:"), self))
        top.addWidget(self.scenario_box, 1)
        for button in (self.edit_button, self.add_button, self.remove_button, self.history_button):
            top.addWidget(button)
        self.guidance = QLabel(GRID_GUIDANCE[0 if self.lang == "zh" else 1], self)
        self.guidance.setObjectName("grid_guidance")
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet(styles.BANNER)
        self.keys = QLabel(
            self.tr("Keys: Enter edits a cell; 1–9 sets the level; A adverse, F favourable, N neutral; Del clears."),
            self,
        )
        self.keys.setStyleSheet(styles.HINT)
        self.model = ScenarioGridModel(self.lang, self)
        self.model.saver = self._save_cell
        self.model.reader = lambda ids: self.state.services.scenarios.grid_cells(ids)
        self.table = QTableView(self)
        self.table.setObjectName("scenario_grid")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # keys and dialog edit
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(130)
        header.setMinimumHeight(62)  # three lines: scenario, its qualifier, horizon
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideNone)  # each line clipped at the right; whole in the tooltip
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(self.edit_cell)

        side = QWidget(self)
        form = QFormLayout(side)
        self.resilience = QPlainTextEdit(side)
        self.resilience.setObjectName("resilience")
        self.resilience.setTabChangesFocus(True)
        self.resilience.setMaximumHeight(110)
        self.resilience.setPlaceholderText(
            self.tr("How resilient the strategy is under the scenarios (TCFD Strategy c, IFRS S2 ¶22)")
        )
        self.electricity_cost = QLineEdit(side)
        self.electricity_cost.setObjectName("electricity_cost")
        self.electricity_cost.setPlaceholderText(self.tr("CNY, the period's purchased electricity cost"))
        self.scope3 = QCheckBox(self.tr("Apply the carbon price to scope 3 as well"), side)
        self.scope3.setObjectName("include_scope3")
        self.save_inputs_button = QPushButton(self.tr("Save narrative and inputs"), side)
        self.save_inputs_button.setObjectName("save_inputs")
        self.inputs_problems = QLabel(side)
        self.inputs_problems.setStyleSheet(styles.ERROR)
        self.inputs_problems.setWordWrap(True)
        self.inputs_problems.setTextFormat(Qt.TextFormat.PlainText)
        self.emissions = QLabel(side)
        self.emissions.setObjectName("emissions_basis")
        self.emissions.setWordWrap(True)
        self.sensitivity_model = SensitivityModel(self)
        self.sensitivity_view = QTableView(side)
        self.sensitivity_view.setObjectName("sensitivities")
        self.sensitivity_view.setModel(self.sensitivity_model)
        self.sensitivity_view.verticalHeader().hide()
        sens_header = self.sensitivity_view.horizontalHeader()
        sens_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        sens_header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the formula, whole
        for column, width in ((0, 170), (1, 200), (2, 50), (3, 230), (5, 140)):
            self.sensitivity_view.setColumnWidth(column, width)
        form.addRow(self.tr("Resilience"), self.resilience)
        form.addRow(self.tr("Purchased electricity cost"), self.electricity_cost)
        form.addRow("", self.scope3)
        form.addRow("", self.save_inputs_button)
        form.addRow("", self.inputs_problems)
        form.addRow(self.tr("Emissions used"), self.emissions)
        form.addRow(self.tr("Sensitivities"), self.sensitivity_view)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filters)
        layout.addLayout(top)
        layout.addWidget(self.guidance)
        layout.addWidget(self.keys)
        layout.addWidget(splitter, 1)

        self.filters.changed.connect(self.model.set_filter)
        self.add_button.clicked.connect(self.add_scenario)
        self.edit_button.clicked.connect(self.edit_scenario)
        self.remove_button.clicked.connect(self.remove_scenario)
        self.history_button.clicked.connect(self.show_history)
        self.save_inputs_button.clicked.connect(self.save_inputs)

    # ---- loading ------------------------------------------------------------------------------
    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the scenario set and grid of the period (the items are the rows the register holds)."""
        self._stale = False
        period = self.state.period
        if self.state.register is None or period is None:
            return
        grid = self.state.services.scenarios.grid(period.year)
        self.scenarios = grid.scenarios
        self.model.read_only = period.read_only
        self.model.load(self.state.rows, grid)
        self.table.setColumnWidth(0, 60)
        self.table.setColumnWidth(1, 200)
        self._fill_scenarios()
        self._fill_inputs()
        self._refresh_sensitivities()
        self.guidance.setVisible(not grid.assessed)
        for widget in (self.add_button, self.edit_button, self.remove_button, self.save_inputs_button):
            widget.setEnabled(not period.read_only)
        self.resilience.setReadOnly(period.read_only)

    def _fill_scenarios(self) -> None:
        assert self.scenarios is not None
        current = self.scenario_box.currentData()
        self.scenario_box.clear()
        for s in self.scenarios.scenarios:
            self.scenario_box.addItem(s.display_name(self.lang), s.id)
        self.scenario_box.setCurrentIndex(max(0, self.scenario_box.findData(current)))

    def _fill_inputs(self) -> None:
        assert self.scenarios is not None
        inputs = self.scenarios.inputs
        self.resilience.setPlainText(inputs.resilience)
        self.electricity_cost.setText(amount_text(inputs.electricity_cost_cny))
        self.scope3.setChecked(inputs.include_scope3)
        self.inputs_problems.hide()

    def _refresh_sensitivities(self) -> None:
        assert self.scenarios is not None and self.state.period is not None
        sens = self.state.services.scenarios.sensitivities(self.state.period.year, self.lang, self.scenarios)
        self.sensitivity_model.load(sens)
        e = sens.emissions

        def t(value: Any) -> str:
            return "—" if value is None else f"{value:,.2f}"

        text = self.tr("Scope 1: %1 t · scope 2: %2 t · scope 1 + 2: %3 t · scope 3: %4 t (the period's metrics)")
        for n, value in enumerate((e.scope1, e.scope2, e.scope12, e.scope3), start=1):
            text = text.replace(f"%{n}", t(value))
        self.emissions.setText(text)

    # ---- the scenario set ---------------------------------------------------------------------
    def _chosen(self) -> Any:
        if self.scenarios is None:
            return None
        return self.scenarios.scenario(self.scenario_box.currentData())

    def add_scenario(self) -> None:
        from carthane_tcfd.ui.dialogs.scenario_dialogs import ScenarioDialog

        assert self.state.period is not None
        year = self.state.period.year
        dialog = ScenarioDialog(
            ScenarioDraft(""), lambda d: self.state.services.scenarios.add(year, d), self.lang, self
        )
        if dialog.exec():
            self.refresh()

    def edit_scenario(self) -> None:
        from carthane_tcfd.ui.dialogs.scenario_dialogs import ScenarioDialog

        scenario = self._chosen()
        if scenario is None:
            return
        services = self.state.services.scenarios
        dialog = ScenarioDialog(
            scenario.to_draft(), lambda d: services.update(scenario.id, d, scenario.version), self.lang, self
        )
        if dialog.exec():
            self.refresh()

    def remove_scenario(self) -> None:
        scenario = self._chosen()
        if scenario is None:
            return
        text = self.tr("Remove the scenario “%1” and its column of the grid?")
        if not prompts.confirm(self, self.tr("Remove scenario"), text.replace("%1", scenario.display_name(self.lang))):
            return
        try:
            self.state.services.scenarios.remove(scenario.id, scenario.version)
        except UserError as exc:
            prompts.refused(self, exc, self.lang)
        self.refresh()

    def show_history(self) -> None:
        from carthane_tcfd.ui.dialogs.history_dialog import HistoryDialog

        if self.state.period is None:
            return
        year = self.state.period.year
        records = self.state.services.scenarios.history(year)
        HistoryDialog(self.tr("Scenario analysis %1").replace("%1", str(year)), records, self.lang, self).exec()

    # ---- inputs -------------------------------------------------------------------------------
    def save_inputs(self) -> None:
        assert self.scenarios is not None and self.state.period is not None
        problems: list[Problem] = []
        inputs = ScenarioInputs(
            resilience=self.resilience.toPlainText(),
            electricity_cost_cny=read_amount(self.electricity_cost, "electricity_cost_cny", problems),
            include_scope3=self.scope3.isChecked(),
            version=self.scenarios.inputs.version,
        )
        problems += validate_inputs(inputs)
        try:
            if problems:
                raise UserError("；".join(p.zh for p in problems), "; ".join(p.en for p in problems))
            saved = self.state.services.scenarios.save_inputs(self.state.period.year, inputs)
        except UserError as exc:
            self.inputs_problems.setText(exc.message(self.lang))
            self.inputs_problems.show()
            return
        self.scenarios = ScenarioSet(self.scenarios.year, self.scenarios.matrix_size, self.scenarios.scenarios, saved)
        self.inputs_problems.hide()
        self._refresh_sensitivities()

    # ---- the grid -----------------------------------------------------------------------------
    def _save_cell(self, item_id: int, scenario_id: int, horizon: str, draft: CellDraft, version: int) -> Any:
        return self.state.services.scenarios.save_cell(item_id, scenario_id, horizon, draft, version)

    def _write(self, index: QModelIndex, draft: CellDraft) -> bool:
        """Save one cell; a refusal is shown and the grid reloaded (nothing typed in a dialog is lost)."""
        try:
            self.model.setData(index, draft)
        except UserError as exc:
            prompts.refused(self, exc, self.lang)
            self.refresh()
            return False
        self.guidance.setVisible(not self.model.assessed)
        return True

    def edit_cell(self, index: QModelIndex | None = None) -> None:
        from carthane_tcfd.ui.dialogs.scenario_dialogs import CellDialog

        index = index if index is not None else self.table.currentIndex()
        if not (self.model.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return
        found = self.model.address(index)
        assert found is not None
        item, scenario, horizon = found
        current = self.state.services.scenarios.cell(item.id, scenario.id, horizon)  # the whole cell, as it is now
        title = f"{item.code} · {scenario.display_name(self.lang)} · {Horizon(horizon).label(self.lang)}"

        def save(draft: CellDraft) -> None:
            self.model.setData(index, draft)  # a refusal raises: the dialog shows it and stays open

        dialog = CellDialog(
            title,
            current.to_draft() if current else CellDraft(),
            item.kind,
            self.model.matrix_size,
            save,
            self.lang,
            self,
        )
        if dialog.exec():
            self.guidance.setVisible(not self.model.assessed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._key(event):
                return True
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        """Keyboard editing of the current cell; True when the key was used."""
        index = self.table.currentIndex()
        if not index.isValid() or index.column() < FIXED:
            return False
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_cell(index)
            return True
        if not (self.model.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        where = self.model.key(index)
        assert where is not None
        current = self.state.services.scenarios.cell(*where) if self.model.cell(index) else None
        draft = current.to_draft() if current else CellDraft()
        text = event.text()
        if text.isdigit() and 1 <= int(text) <= self.model.matrix_size:
            item = self.model.item_at(index.row())
            default = Direction.ADVERSE if item.kind is Kind.RISK else Direction.FAVOURABLE
            return self._write(index, CellDraft(draft.direction or default, int(text), *_rest(draft)))
        if key in DIRECTION_KEYS:
            return self._write(index, CellDraft(DIRECTION_KEYS[key], draft.level, *_rest(draft)))
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and current is not None:
            return self._write(index, CellDraft())
        return False


def _rest(draft: CellDraft) -> tuple[Any, Any, str]:
    return draft.low_cny, draft.high_cny, draft.narrative
