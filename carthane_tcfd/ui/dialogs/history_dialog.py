"""The history of one item: its audit entries, newest first (when, who, field, old → new)."""

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
        self.resize(900, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%n change(s), newest first", "", len(records)), self))
        self.model = AuditModel(records, lang, self)
        self.view = QTableView(self)
        self.view.setObjectName("history_view")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        for column, width in enumerate((150, 230, 120, 130)):  # who, and where from ("import from FILE")
            self.view.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
