"""Dialogs of the Scenarios page: one scenario (name, source, temperature, horizon, parameters) and one
cell of the assessment grid. Each validates in the domain and saves through the callable it is given;
a refused save keeps the dialog open with the user's input and the reason."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from carthane_tcfd.domain.effects import Direction
from carthane_tcfd.domain.effects_validation import validate_cell, validate_scenario
from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.domain.scales import impact_descriptor
from carthane_tcfd.domain.scenarios import CellDraft, ScenarioDraft, carbon_path_text, parse_carbon_path
from carthane_tcfd.domain.taxonomy import Kind, Lang
from carthane_tcfd.domain.validation import Problem, problem
from carthane_tcfd.ui import styles
from carthane_tcfd.ui.widgets.effects_editor import amount_text, read_amount


def _number(edit: QLineEdit, field: str, problems: list[Problem]) -> Decimal | None:
    text = edit.text().strip().replace("%", "").replace("°C", "").replace("°", "")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        problems.append(problem(field, "须为数字", "must be a number"))
        return None


class _SavingDialog(QDialog):
    """OK validates and saves; problems and refusals are shown in the dialog, which stays open."""

    def __init__(self, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.form = QFormLayout()
        self.problems = QLabel(self)
        self.problems.setObjectName("dialog_problems")
        self.problems.setStyleSheet(styles.ERROR)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self._focus_ordered = False

    def showEvent(self, event: QShowEvent) -> None:
        """The form's fields first in the tab order, then OK and Cancel, and the first field focused: the
        buttons, made before the fields, would otherwise come first."""
        if not self._focus_ordered:
            self._focus_ordered = True
            fields = [self.form.itemAt(row, QFormLayout.ItemRole.FieldRole) for row in range(self.form.rowCount())]
            chain: list[QWidget] = [w for w in (item.widget() if item else None for item in fields) if w is not None]
            chain += self.buttons.buttons()
            for first, second in itertools.pairwise(chain):
                QWidget.setTabOrder(first, second)
            if chain:
                chain[0].setFocus(Qt.FocusReason.OtherFocusReason)
            for text in (w for w in chain if isinstance(w, QPlainTextEdit)):
                text.installEventFilter(self)  # where Return starts a new line, Ctrl+Return saves
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def show_problems(self, messages: list[str]) -> None:
        self.problems.setText("\n".join(messages))
        self.problems.setVisible(bool(messages))

    def try_save(self, save: Callable[[], None], problems: list[Problem]) -> None:
        if problems:
            self.show_problems([p.message(self.lang) for p in problems])
            return
        try:
            save()
        except UserError as exc:
            self.show_problems([exc.message(self.lang)])
            return
        super().accept()


class ScenarioDialog(_SavingDialog):
    """Add or edit a scenario; `save(draft)` writes it."""

    def __init__(
        self, draft: ScenarioDraft, save: Callable[[ScenarioDraft], Any], lang: Lang, parent: Any = None
    ) -> None:
        super().__init__(lang, parent)
        self.save = save
        self.setWindowTitle(self.tr("Scenario"))
        self.resize(640, 520)
        self.name = QLineEdit(draft.name, self)
        self.name.setObjectName("scenario_name")
        self.name_en = QLineEdit(draft.name_en, self)
        self.name_en.setObjectName("scenario_name_en")
        self.source = QLineEdit(draft.source, self)
        self.source.setPlaceholderText(self.tr("e.g. NGFS phase and scenario name"))
        self.temperature = QLineEdit("" if draft.temperature_c is None else f"{draft.temperature_c:f}", self)
        self.temperature.setObjectName("scenario_temperature")
        self.temperature.setPlaceholderText(self.tr("°C by 2100, e.g. 1.5"))
        self.horizon_year = QLineEdit("" if draft.horizon_year is None else str(draft.horizon_year), self)
        self.horizon_year.setObjectName("scenario_horizon_year")
        self.horizon_year.setPlaceholderText(self.tr("last year analysed, e.g. 2050"))
        self.carbon = QLineEdit(carbon_path_text(draft.carbon_prices), self)
        self.carbon.setObjectName("scenario_carbon")
        self.carbon.setPlaceholderText(self.tr("CNY per tCO2e by year, e.g. 2030: 200; 2040: 350"))
        self.electricity = QLineEdit(
            "" if draft.electricity_change_pct is None else f"{draft.electricity_change_pct:f}", self
        )
        self.electricity.setObjectName("scenario_electricity")
        self.electricity.setPlaceholderText(self.tr("%, e.g. 8 or -5"))
        self.assumptions = QPlainTextEdit(draft.assumptions, self)
        self.assumptions.setObjectName("scenario_assumptions")
        self.assumptions.setTabChangesFocus(True)
        self.assumptions.setPlaceholderText(self.tr("Policy, macro-economy, energy mix, technology"))
        for label, widget in (
            (self.tr("Name"), self.name),
            (self.tr("English name"), self.name_en),
            (self.tr("Source"), self.source),
            (self.tr("Temperature outcome (°C)"), self.temperature),
            (self.tr("Time horizon (year)"), self.horizon_year),
            (self.tr("Carbon price path"), self.carbon),
            (self.tr("Electricity price change (%)"), self.electricity),
            (self.tr("Assumptions"), self.assumptions),
        ):
            self.form.addRow(label, widget)

    def draft(self, problems: list[Problem]) -> ScenarioDraft:
        try:
            prices = parse_carbon_path(self.carbon.text())
        except ValueError as exc:
            prices = ()
            problems.append(
                problem("scenario.carbon_prices", f"无法识别「{exc}」", f"cannot read “{exc}” as year: price")
            )
        year_text = self.horizon_year.text().strip()
        horizon_year = int(year_text) if year_text.isdigit() else None
        if year_text and horizon_year is None:
            problems.append(problem("scenario.horizon_year", "须为年份", "must be a year"))
        return ScenarioDraft(
            name=self.name.text(),
            name_en=self.name_en.text(),
            source=self.source.text(),
            temperature_c=_number(self.temperature, "scenario.temperature_c", problems),
            horizon_year=horizon_year,
            carbon_prices=prices,
            electricity_change_pct=_number(self.electricity, "scenario.electricity_change_pct", problems),
            assumptions=self.assumptions.toPlainText(),
        )

    def accept(self) -> None:
        problems: list[Problem] = []
        draft = self.draft(problems)
        problems += validate_scenario(draft)
        self.try_save(lambda: self.save(draft), problems)


class CellDialog(_SavingDialog):
    """Edit one cell of the grid; `save(draft)` writes it (a blank draft clears the cell)."""

    def __init__(
        self,
        title: str,
        draft: CellDraft,
        kind: Kind,
        matrix_size: int,
        save: Callable[[CellDraft], Any],
        lang: Lang,
        parent: Any = None,
    ) -> None:
        super().__init__(lang, parent)
        self.save = save
        self.matrix_size = matrix_size
        self.setWindowTitle(title)
        self.resize(560, 360)
        self.direction = QComboBox(self)
        self.direction.setObjectName("cell_direction")
        self.direction.addItem("—", None)
        for direction in Direction:
            self.direction.addItem(direction.label(lang), direction.value)
        self.direction.setCurrentIndex(
            max(0, self.direction.findData(draft.direction.value if draft.direction else None))
        )
        self.level = QComboBox(self)
        self.level.setObjectName("cell_level")
        self.level.addItem("—", None)
        for level in range(1, matrix_size + 1):
            self.level.addItem(f"{level} {impact_descriptor(level, matrix_size, lang, kind)}", level)
        self.level.setCurrentIndex(max(0, self.level.findData(draft.level)))
        self.low = QLineEdit(amount_text(draft.low_cny), self)
        self.low.setObjectName("cell_low")
        self.high = QLineEdit(amount_text(draft.high_cny), self)
        self.high.setObjectName("cell_high")
        for edit in (self.low, self.high):
            edit.setPlaceholderText(self.tr("CNY, optional"))
        self.narrative = QPlainTextEdit(draft.narrative, self)
        self.narrative.setObjectName("cell_narrative")
        self.narrative.setTabChangesFocus(True)
        for label, widget in (
            (self.tr("Direction"), self.direction),
            (self.tr("Level"), self.level),
            (self.tr("Low (CNY)"), self.low),
            (self.tr("High (CNY)"), self.high),
            (self.tr("Narrative"), self.narrative),
        ):
            self.form.addRow(label, widget)

    def draft(self, problems: list[Problem]) -> CellDraft:
        code = self.direction.currentData()
        return CellDraft(
            direction=Direction(code) if code else None,
            level=self.level.currentData(),
            low_cny=read_amount(self.low, "low_cny", problems),
            high_cny=read_amount(self.high, "high_cny", problems),
            narrative=self.narrative.toPlainText(),
        )

    def accept(self) -> None:
        problems: list[Problem] = []
        draft = self.draft(problems)
        problems += validate_cell(draft, self.matrix_size)
        self.try_save(lambda: self.save(draft), problems)
