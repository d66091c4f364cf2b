"""The "Financial effects" section of the item editor: current effect, anticipated effect per horizon,
statement lines, the ¶16(b) flag and why an effect is not quantified."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from carthane_tcfd.domain.effects import AnticipatedEffect, FinancialEffects, NotQuantifiedReason, StatementLine
from carthane_tcfd.domain.taxonomy import Horizon, Lang
from carthane_tcfd.domain.validation import Problem, parse_amount, problem
from carthane_tcfd.ui import styles
from carthane_tcfd.ui.widgets.editor_widgets import CheckList


def amount_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value:f}"


def read_amount(edit: QLineEdit, field: str, problems: list[Problem]) -> Decimal | None:
    """The amount typed in `edit`; a problem for `field` when it is not a number."""
    try:
        return parse_amount(edit.text())
    except ValueError:
        problems.append(problem(field, "须为金额数字", "must be an amount in numbers"))
        return None


class EffectsEditor(QGroupBox):
    """Edits an item's FinancialEffects; `changed` on every edit. The domain validates; this only reads."""

    changed = Signal()

    def __init__(self, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Financial effects"))
        self.setObjectName("effects_editor")
        self.lang = lang
        self._from_seed = False
        self._seed_reason: NotQuantifiedReason | None = None
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.current_narrative = QPlainTextEdit(self)
        self.current_narrative.setObjectName("effects_current_narrative")
        self.current_narrative.setTabChangesFocus(True)
        self.current_narrative.setMaximumHeight(60)
        self.current_narrative.setPlaceholderText(self.tr("The effect in the current reporting period"))
        self.current_cny = QLineEdit(self)
        self.current_cny.setObjectName("effects_current_cny")
        self.current_cny.setPlaceholderText(self.tr("CNY, optional"))
        form.addRow(self.tr("Current effect"), self.current_narrative)
        form.addRow(self.tr("Current amount (CNY)"), self.current_cny)
        form.addRow(self.tr("Anticipated (CNY)"), self._build_anticipated())
        self.statement_lines = CheckList(StatementLine, lang, columns=2)
        form.addRow(self.tr("Statement lines"), self.statement_lines)
        # a check box does not wrap its text: a short label here, the whole statement as its tooltip
        self.material_adjustment = QCheckBox(self.tr("Material adjustment risk (IFRS S2 ¶16(b))"), self)
        self.material_adjustment.setToolTip(
            self.tr("Significant risk of a material adjustment to carrying amounts next period (IFRS S2 ¶16(b))")
        )
        self.material_adjustment.setObjectName("effects_material_adjustment")
        form.addRow("", self.material_adjustment)
        self.reason = QComboBox(self)
        self.reason.setObjectName("effects_reason")
        # the reasons are long: the box keeps a modest width, its list shows them whole
        self.reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reason.setMinimumContentsLength(24)
        self.reason.addItem("—", None)
        for reason in NotQuantifiedReason:
            self.reason.addItem(reason.described(lang), reason.value)
        self.reason_text = QPlainTextEdit(self)
        self.reason_text.setObjectName("effects_reason_text")
        self.reason_text.setTabChangesFocus(True)
        self.reason_text.setMaximumHeight(50)
        self.reason_text.setPlaceholderText(self.tr("Why the effect is not quantified, and what is said instead"))
        self.seed_mark = QLabel(self.tr("From the seed: not quantified in the 2024 ESG report."), self)
        self.seed_mark.setStyleSheet(styles.SEED_MARK)
        form.addRow(self.tr("Not quantified because"), self.reason)
        form.addRow("", self.reason_text)
        form.addRow("", self.seed_mark)
        self.errors = QLabel(self)
        self.errors.setObjectName("effects_errors")
        self.errors.setStyleSheet(styles.ERROR)
        self.errors.setWordWrap(True)
        self.errors.setTextFormat(Qt.TextFormat.PlainText)
        self.errors.hide()
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.errors)
        self._connect()

    def _build_anticipated(self) -> QWidget:
        """For each horizon low – high, and the basis under them across the editor's width (beside them it
        was squeezed to a few characters in a narrow editor); rows of horizons the item lacks are
        disabled."""
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[str, tuple[QLabel, QLineEdit, QLineEdit, QLineEdit]] = {}
        for n, horizon in enumerate(Horizon):
            label = QLabel(horizon.label(self.lang), box)
            low, high, basis = QLineEdit(box), QLineEdit(box), QLineEdit(box)
            low.setObjectName(f"effects_{horizon.value}_low")
            high.setObjectName(f"effects_{horizon.value}_high")
            basis.setObjectName(f"effects_{horizon.value}_basis")
            low.setPlaceholderText(self.tr("low"))
            high.setPlaceholderText(self.tr("high"))
            basis.setPlaceholderText(self.tr("basis and assumptions"))
            basis.setToolTip(self.tr("The basis and assumptions of the low and high figures"))
            grid.addWidget(label, 2 * n, 0)
            grid.addWidget(low, 2 * n, 1)
            grid.addWidget(QLabel("–", box), 2 * n, 2)
            grid.addWidget(high, 2 * n, 3)
            grid.addWidget(basis, 2 * n + 1, 1, 1, 3)
            self.rows[horizon.value] = (label, low, high, basis)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    def _connect(self) -> None:
        signals: list[Any] = [
            self.current_narrative.textChanged,
            self.current_cny.textEdited,
            self.statement_lines.changed,
            self.material_adjustment.toggled,
            self.reason.currentIndexChanged,
            self.reason_text.textChanged,
        ]
        for _label, low, high, basis in self.rows.values():
            signals += [low.textEdited, high.textEdited, basis.textEdited]
        for signal in signals:
            signal.connect(self.changed)
        self.reason.currentIndexChanged.connect(self._refresh_seed_mark)
        self.reason_text.textChanged.connect(self._refresh_seed_mark)

    def _refresh_seed_mark(self, *_args: Any) -> None:
        """The seed's mark stays only while the seed's reason is unchanged."""
        code = self.reason.currentData()
        unchanged = self._seed_reason is not None and code == self._seed_reason.value
        self.seed_mark.setVisible(self._from_seed and unchanged and not self.reason_text.toPlainText())

    # ---- in and out -------------------------------------------------------------------------------
    def set_effects(self, effects: FinancialEffects, horizons: list[str] | tuple[str, ...]) -> None:
        widgets: list[Any] = [self.current_narrative, self.current_cny, self.material_adjustment, self.reason]
        widgets += [self.reason_text, self.statement_lines]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.current_narrative.setPlainText(effects.current_narrative)
            self.current_cny.setText(amount_text(effects.current_cny))
            for code, (_label, low, high, basis) in self.rows.items():
                a = effects.for_horizon(code)
                low.setText(amount_text(a.low_cny) if a else "")
                high.setText(amount_text(a.high_cny) if a else "")
                basis.setText(a.basis if a else "")
            self.statement_lines.set_values(effects.statement_lines)
            self.material_adjustment.setChecked(effects.material_adjustment)
            self.reason.setCurrentIndex(max(0, self.reason.findData(effects.reason.value if effects.reason else None)))
            self.reason_text.setPlainText(effects.reason_text)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._from_seed = effects.reason_from_seed
        self._seed_reason = effects.reason
        self._refresh_seed_mark()
        self.set_horizons(horizons)

    def set_horizons(self, horizons: list[str] | tuple[str, ...]) -> None:
        """Enable the anticipated rows of the item's horizons (a row with figures stays, to be cleared)."""
        for code, (label, low, high, basis) in self.rows.items():
            covered = code in horizons
            for widget in (label, low, high, basis):
                widget.setEnabled(covered or bool(low.text() or high.text() or basis.text()))
            tip = "" if covered else self.tr("Not one of the item's time horizons")
            for widget in (low, high, basis):
                widget.setToolTip(tip)

    def effects(self, problems: list[Problem]) -> FinancialEffects:
        """The form as FinancialEffects; amounts that are not numbers add problems."""
        anticipated = []
        for code, (_label, low, high, basis) in self.rows.items():
            lo = read_amount(low, f"effects.anticipated.{code}.low_cny", problems)
            hi = read_amount(high, f"effects.anticipated.{code}.high_cny", problems)
            if lo is not None or hi is not None or basis.text().strip():
                anticipated.append(AnticipatedEffect(code, lo, hi, basis.text().strip()))
        code = self.reason.currentData()
        reason = NotQuantifiedReason(code) if code else None
        return FinancialEffects(
            current_narrative=self.current_narrative.toPlainText(),
            current_cny=read_amount(self.current_cny, "effects.current_cny", problems),
            anticipated=tuple(anticipated),
            statement_lines=tuple(self.statement_lines.values()),
            material_adjustment=self.material_adjustment.isChecked(),
            reason=reason,
            reason_text=self.reason_text.toPlainText(),
            reason_from_seed=self._from_seed and reason is self._seed_reason and not self.reason_text.toPlainText(),
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.current_cny, self.statement_lines, self.material_adjustment, self.reason):
            widget.setEnabled(not read_only)
        for text in (self.current_narrative, self.reason_text):
            text.setReadOnly(read_only)
        for _label, low, high, basis in self.rows.values():
            for edit in (low, high, basis):
                edit.setReadOnly(read_only)

    def show_problems(self, problems: list[Problem]) -> None:
        mine = [p.message(self.lang) for p in problems if p.field.startswith("effects.")]
        self.errors.setText("\n".join(mine))
        self.errors.setVisible(bool(mine))
