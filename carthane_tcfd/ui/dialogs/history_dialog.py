"""The history of an item, or of a period's scenario analysis: audit entries, newest first (when, who, what,
field, old → new)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout

from carthane_tcfd.domain.records import AuditRecord
from carthane_tcfd.domain.taxonomy import Lang
from carthane_tcfd.ui.models.audit_model import AuditModel


class HistoryDialog(QDialog):
    def __init__(self, title: str, records: list[AuditRecord], lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History – %1").replace("%1", title))
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(1200, screen.width() - 80) if screen else 900, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%n change(s), newest first", "", len(records)), self))
        self.model = AuditModel(records, lang, self)
        self.view = QTableView(self)
        self.view.setObjectName("history_view")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        for column, width in enumerate((150, 200, 210, 140)):  # who, and where from ("import from FILE")
            self.view.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.view.resizeRowsToContents())
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event: Any) -> None:
        """Each entry whole, its long values wrapped in the widths shown (a grid cell names its scenario,
        horizon, direction and level)."""
        super().showEvent(event)
        self.view.resizeRowsToContents()
