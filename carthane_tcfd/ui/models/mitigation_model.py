"""The editable mitigation sub-table of the item editor, over a list of MitigationDrafts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal

from carthane_tcfd.domain.records import MitigationDraft
from carthane_tcfd.domain.taxonomy import Lang, MitigationStatus
from carthane_tcfd.domain.validation import parse_amount
from carthane_tcfd.ui.plain import tooltip

Index = QModelIndex | QPersistentModelIndex
HEADERS = (
    ("措施", "Action"),
    ("措施（英文）", "Action (English)"),
    ("负责部门", "Owner"),
    ("到期日", "Due"),
    ("状态", "Status"),
    ("预计成本（元）", "Cost (CNY)"),
)
DESCRIPTION, DESCRIPTION_EN, OWNER, DUE, STATUS, COST = range(6)


class MitigationModel(QAbstractTableModel):
    edited = Signal()

    def __init__(self, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[MitigationDraft] = []
        self.read_only = False

    def set_drafts(self, drafts: list[MitigationDraft]) -> None:
        self.beginResetModel()
        self._rows = [dataclasses.replace(d) for d in drafts]
        self.endResetModel()

    def drafts(self) -> list[MitigationDraft]:
        return [dataclasses.replace(d) for d in self._rows]

    # ---- row operations -----------------------------------------------------------------------
    def add(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(MitigationDraft(""))
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.edited.emit()

    def move(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return target

    # ---- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return HEADERS[section][0 if self.lang == "zh" else 1]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and not self.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DESCRIPTION:
                return m.description
            if column == DESCRIPTION_EN:
                return m.description_en
            if column == OWNER:
                return m.owner
            if column == DUE:
                return m.due.isoformat() if m.due else ""
            if column == STATUS:
                return m.status.label(self.lang)
            if column == COST:
                return f"{m.cost_cny:,.2f}" if m.cost_cny is not None else ""
        if role == Qt.ItemDataRole.EditRole:
            if column == DUE:
                return QDate(m.due.year, m.due.month, m.due.day) if m.due else QDate()
            if column == STATUS:
                return m.status.value
            if column == COST:
                return "" if m.cost_cny is None else str(m.cost_cny)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DUE, STATUS, COST):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        m = self._rows[index.row()]
        column = index.column()
        try:
            if column == DESCRIPTION:
                m.description = str(value)
            elif column == DESCRIPTION_EN:
                m.description_en = str(value)
            elif column == OWNER:
                m.owner = str(value)
            elif column == DUE:
                m.due = _to_date(value)
            elif column == STATUS:
                m.status = MitigationStatus(value)
            elif column == COST:
                m.cost_cny = parse_amount(str(value))
        except ValueError:
            return False
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


def _to_date(value: Any) -> dt.date | None:
    if isinstance(value, QDate):
        return dt.date(value.year(), value.month(), value.day()) if value.isValid() else None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    return dt.date.fromisoformat(text) if text else None
