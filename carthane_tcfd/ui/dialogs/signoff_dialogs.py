"""Dialogs of the sign-off: one workflow step (what it does, a comment, with an approval the committee
meeting), the period's sign-off history, and the comparison of two periods."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
)

from carthane_tcfd.domain.comparison import PeriodComparison
from carthane_tcfd.domain.comparison_text import comparison_lines
from carthane_tcfd.domain.errors import UserError, ValidationFailed
from carthane_tcfd.domain.signoff import NEEDS_COMMENT, Signoff, StepRequest
from carthane_tcfd.domain.taxonomy import Lang, WorkflowStep
from carthane_tcfd.ui import styles
from carthane_tcfd.ui.models.signoff_model import SignoffModel


class StepDialog(QDialog):
    """One step of the sign-off. OK performs it through the callable given; a refusal (a comment is
    missing, who submitted may not approve) is shown in the dialog, which stays open with the input."""

    def __init__(
        self,
        step: WorkflowStep,
        text: str,
        perform: Callable[[StepRequest], object],
        lang: Lang,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.step, self.perform, self.lang = step, perform, lang
        titles = {
            WorkflowStep.SUBMIT: self.tr("Submit for review"),
            WorkflowStep.APPROVE: self.tr("Approve"),
            WorkflowStep.RETURN: self.tr("Return for changes"),
            WorkflowStep.REOPEN: self.tr("Reopen period"),
        }
        self.setWindowTitle(titles[step])
        self.resize(560, 360 if step is WorkflowStep.APPROVE else 280)
        layout = QVBoxLayout(self)
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("step_comment")
        self.comment.setTabChangesFocus(True)
        required = step in NEEDS_COMMENT
        form.addRow(self.tr("Comment (required)") if required else self.tr("Comment (optional)"), self.comment)
        self.meeting_on = QCheckBox(self.tr("Committee meeting held on"), self)
        self.meeting_date = QDateEdit(QDate.currentDate(), self)
        self.meeting_date.setCalendarPopup(True)
        self.meeting_date.setDisplayFormat("yyyy-MM-dd")
        self.meeting_date.setEnabled(False)
        self.meeting_on.toggled.connect(self.meeting_date.setEnabled)
        self.meeting_reference = QLineEdit(self)
        self.meeting_reference.setObjectName("meeting_reference")
        if step is WorkflowStep.APPROVE:
            row = QHBoxLayout()
            row.addWidget(self.meeting_on)
            row.addWidget(self.meeting_date)
            row.addStretch(1)
            form.addRow(self.tr("Meeting"), row)
            form.addRow(self.tr("Meeting reference"), self.meeting_reference)
        else:
            for widget in (self.meeting_on, self.meeting_date, self.meeting_reference):
                widget.hide()
        layout.addLayout(form)
        self.problems = QLabel(self)
        self.problems.setObjectName("dialog_problems")
        self.problems.setStyleSheet(styles.ERROR)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.hide()
        layout.addWidget(self.problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(titles[step])
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def request(self) -> StepRequest:
        date: dt.date | None = None
        if self.meeting_on.isChecked():
            picked = self.meeting_date.date()
            date = dt.date(picked.year(), picked.month(), picked.day())
        return StepRequest(self.comment.toPlainText(), date, self.meeting_reference.text())

    def accept(self) -> None:
        try:
            self.perform(self.request())
        except ValidationFailed as exc:
            self.show_problems([p.message(self.lang) for p in exc.problems])
            return
        except UserError as exc:
            self.show_problems([exc.message(self.lang)])
            return
        super().accept()

    def show_problems(self, messages: list[str]) -> None:
        self.problems.setText("\n".join(messages))
        self.problems.setVisible(bool(messages))


class SignoffHistoryDialog(QDialog):
    """Period ▸ Sign-off history: every step with who, OS account, when, comment, meeting and the hash of
    the snapshot each approval froze (earlier approvals keep theirs)."""

    def __init__(self, year: int, signoff: Signoff, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign-off history – %1").replace("%1", str(year)))
        self.resize(1100, 420)
        layout = QVBoxLayout(self)
        prepared = QLabel(self.tr("Prepared by: %1").replace("%1", ", ".join(signoff.preparers) or "—"), self)
        prepared.setTextFormat(Qt.TextFormat.PlainText)
        prepared.setWordWrap(True)
        layout.addWidget(prepared)
        if signoff.one_person_team:
            relaxed = QLabel(
                self.tr(
                    "Segregation of duties is relaxed for this period (one-person team); * marks an approval "
                    "by who submitted or changed the period."
                ),
                self,
            )
            relaxed.setStyleSheet(styles.ERROR)
            relaxed.setWordWrap(True)
            layout.addWidget(relaxed)
        self.model = SignoffModel(signoff.records, lang, self)
        self.view = QTableView(self)
        self.view.setObjectName("signoff_view")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        for column, width in enumerate((150, 110, 100, 140, 240, 150)):
            self.view.setColumnWidth(column, width)
        self.view.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view)
        if not signoff.records:
            layout.addWidget(QLabel(self.tr("No sign-off step yet."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class CompareDialog(QDialog):
    """Period ▸ Compare…: what changed between any two periods, as the CLI's compare prints it."""

    def __init__(
        self,
        years: list[int],
        compare: Callable[[int, int], PeriodComparison],
        lang: Lang,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.compare, self.lang = compare, lang
        self.setWindowTitle(self.tr("Compare periods"))
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.from_year = QComboBox(self)
        self.to_year = QComboBox(self)
        for combo in (self.from_year, self.to_year):
            for year in years:
                combo.addItem(str(year), year)
        self.from_year.setCurrentIndex(max(0, len(years) - 2))
        self.to_year.setCurrentIndex(len(years) - 1)
        row.addWidget(QLabel(self.tr("From"), self))
        row.addWidget(self.from_year)
        row.addWidget(QLabel(self.tr("to"), self))
        row.addWidget(self.to_year)
        row.addStretch(1)
        layout.addLayout(row)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("compare_text")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.from_year.currentIndexChanged.connect(self.refresh)
        self.to_year.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            result = self.compare(self.from_year.currentData(), self.to_year.currentData())
        except UserError as exc:
            self.text.setPlainText(exc.message(self.lang))
            return
        self.text.setPlainText("\n".join(comparison_lines(result, self.lang)))
