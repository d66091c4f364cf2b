"""Period ▸ Properties: title, horizon definitions, impact thresholds, matrix size, the segregation-of-duties
setting, narrative texts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carthane_tcfd.domain.records import Narrative, PeriodDraft, PeriodSnapshot
from carthane_tcfd.domain.scales import default_thresholds
from carthane_tcfd.domain.taxonomy import Horizon, Lang
from carthane_tcfd.domain.validation import Problem, parse_amount, problem
from carthane_tcfd.ui import styles
from carthane_tcfd.ui.plain import plain

NARRATIVES = ("governance", "strategy", "risk_management", "metrics_targets", "key_messages", "decision_requested")


class PeriodDialog(QDialog):
    def __init__(self, period: PeriodSnapshot, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.period = period
        self.setWindowTitle(self.tr("Period %1 – properties").replace("%1", str(period.year)))
        self.resize(760, 600)
        tabs = QTabWidget(self)

        general = QWidget(tabs)
        form = QFormLayout(general)
        self.title = QLineEdit(period.title, general)
        form.addRow(self.tr("Title"), self.title)
        self.matrix_size = QSpinBox(general)
        self.matrix_size.setRange(3, 6)
        self.matrix_size.setValue(period.matrix_size)
        form.addRow(self.tr("Matrix size"), self.matrix_size)
        self.horizons: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        for horizon in Horizon:
            texts = period.horizon_definitions.get(horizon.value, {})
            zh = QLineEdit(texts.get("zh", ""), general)
            en = QLineEdit(texts.get("en", ""), general)
            self.horizons[horizon.value] = (zh, en)
            form.addRow(f"{horizon.label(lang)} (中文)", zh)
            form.addRow(f"{horizon.label(lang)} (English)", en)
        self.thresholds = QLineEdit(", ".join(str(t) for t in period.impact_thresholds_cny), general)
        self.thresholds.setToolTip(self.tr("Upper CNY bound of each impact level but the last, ascending"))
        form.addRow(self.tr("Impact thresholds (CNY)"), self.thresholds)
        self.matrix_size.valueChanged.connect(self._suggest_thresholds)
        self.one_person_team = QCheckBox(
            self.tr("One-person team: who submits or changes the period may also approve it (the cover says so)"),
            general,
        )
        self.one_person_team.setObjectName("one_person_team")
        self.one_person_team.setChecked(period.one_person_team)
        form.addRow(self.tr("Segregation of duties"), self.one_person_team)
        self.error = plain(QLabel(general))
        self.error.setStyleSheet(styles.ERROR)
        self.error.setWordWrap(True)
        form.addRow(self.error)
        tabs.addTab(general, self.tr("General"))

        self.narratives: dict[str, QPlainTextEdit] = {}
        labels = {
            "governance": self.tr("Governance"),
            "strategy": self.tr("Strategy and resilience"),
            "risk_management": self.tr("Risk-management process"),
            "metrics_targets": self.tr("Metrics and targets"),
            "key_messages": self.tr("Key messages"),
            "decision_requested": self.tr("Decision requested"),
        }
        for key in NARRATIVES:  # the Chinese and the English side by side
            page = QWidget(tabs)
            pair = QHBoxLayout(page)
            for name, hint in ((key, self.tr("Chinese")), (f"{key}_en", self.tr("English"))):
                edit = QPlainTextEdit(getattr(period.narrative, name), page)
                edit.setPlaceholderText(hint)
                self.narratives[name] = edit
                pair.addWidget(edit)
            tabs.addTab(page, labels[key])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.result_draft: PeriodDraft | None = None

    def _suggest_thresholds(self, size: int) -> None:
        if size != self.period.matrix_size:
            self.thresholds.setText(", ".join(str(int(t)) for t in default_thresholds(size)))

    def draft(self) -> tuple[PeriodDraft, list[Problem]]:
        problems: list[Problem] = []
        thresholds: list[int] = []
        for part in self.thresholds.text().replace("，", ",").split(","):
            try:
                amount = parse_amount(part)
            except ValueError:
                problems.append(problem("impact_thresholds", "须为金额数字", "must be amounts in numbers"))
                break
            if amount is not None:
                thresholds.append(int(amount))
        draft = PeriodDraft(
            title=self.title.text(),
            matrix_size=self.matrix_size.value(),
            horizon_definitions={
                code: {"zh": zh.text().strip(), "en": en.text().strip()} for code, (zh, en) in self.horizons.items()
            },
            impact_thresholds_cny=thresholds,
            narrative=Narrative(**{name: edit.toPlainText() for name, edit in self.narratives.items()}),
            one_person_team=self.one_person_team.isChecked(),
        )
        return draft, problems

    def _accept(self) -> None:
        draft, problems = self.draft()
        if problems:
            self.error.setText("\n".join(p.message(self.lang) for p in problems))
            return
        self.result_draft = draft
        self.accept()

    def show_problems(self, problems: list[Problem]) -> None:
        self.error.setText("\n".join(p.message(self.lang) for p in problems))
