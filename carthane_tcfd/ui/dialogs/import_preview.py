"""File ▸ Import from Excel: the preview of what the import would do, before anything is written.

Lists problems, conflicts, new items and each changed field old → new; "Apply" is offered only when the
plan can be written. Choosing "take the file's values" or "ignore unknown columns" asks for a new plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from carthane_tcfd.domain.imports import ImportPlan
from carthane_tcfd.domain.taxonomy import Lang
from carthane_tcfd.ui.models.import_plan_model import ImportPlanModel

Replan = Callable[[bool, bool], ImportPlan]  # (take the file's values, ignore unknown columns) -> a new plan


WRAPPED_ROWS = 300  # rows whose height fits their text; sizing more would delay the dialog


class ImportPreviewDialog(QDialog):
    def __init__(self, plan: ImportPlan, lang: Lang, replan: Replan, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.lang = lang
        self.replan = replan
        self.setObjectName("import_preview")
        self.setWindowTitle(self.tr("Import from Excel – %1").replace("%1", plan.file))
        self.resize(1200, 600)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("import_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = ImportPlanModel(plan, lang, self)
        self.view = QTableView(self)
        self.view.setObjectName("import_plan_view")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        for column, width in enumerate((70, 200)):
            self.view.setColumnWidth(column, width)
        header = self.view.horizontalHeader()
        # a grid cell's field reads "scenario · horizon · column": it shares the width with the values
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view)
        self.take_file = QCheckBox(
            self.tr("Take the file's values for items changed in the register since the template was made"), self
        )
        self.take_file.setObjectName("take_file_values")
        self.ignore_unknown = QCheckBox(self.tr("Ignore columns the template does not have"), self)
        self.ignore_unknown.setObjectName("ignore_unknown_columns")
        for box in (self.take_file, self.ignore_unknown):
            box.toggled.connect(self._replan)
            layout.addWidget(box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = self.buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("apply_import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show(plan)

    def _show(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.model.set_plan(plan)
        few = self.model.rowCount() <= WRAPPED_ROWS  # long problems and texts wrap; beyond, rows stay one line
        mode = QHeaderView.ResizeMode.ResizeToContents if few else QHeaderView.ResizeMode.Interactive
        self.view.verticalHeader().setSectionResizeMode(mode)
        text = plan.summary(self.lang)
        if plan.problems:
            text += "\n" + self.tr(
                "%n problem(s): nothing can be imported until the file is corrected.", "", len(plan.problems)
            )
        elif plan.conflicts and not plan.take_file_values:
            text += "\n" + self.tr(
                "Conflicts: others changed these items after the template was made. Correct the file, or take "
                "the file's values."
            )
        elif not plan.new and not plan.changed:
            text += "\n" + self.tr("The file holds no changes.")
        self.summary.setText(text)
        self.apply_button.setEnabled(not plan.blocked and bool(plan.new or plan.changed))

    def _replan(self) -> None:
        self._show(self.replan(self.take_file.isChecked(), self.ignore_unknown.isChecked()))
