"""The base of the read-only tables that list records under fixed bilingual headers (history, sign-off
records, the import preview): rows, columns and headers in one place; each model says what a cell shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from carthane_tcfd.domain.taxonomy import Lang

Index = QModelIndex | QPersistentModelIndex


class ListingModel(QAbstractTableModel):
    HEADERS: tuple[tuple[str, str], ...] = ()  # (zh, en) of each column

    def __init__(self, rows: Sequence[Any], lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section][0 if self.lang == "zh" else 1]
        return None
