"""An editable table over a list of frozen records, its columns declared once (header in both languages,
how a record shows, how typed text makes a new record, the choices of a list editor). An edit replaces
the record and announces it; the page keeps the records and decides what else follows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.taxonomy import Lang

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
COMPUTED_FILL = QColor(palette.NEUTRAL_FILL)
SECTION_FILL = QColor(palette.SECTION_FILL)


@dataclass(frozen=True)
class Column(Generic[R]):
    zh: str
    en: str
    text: Callable[[R], str]
    edit: Callable[[R, Any], R] | None = None  # the record with the typed value; ValueError when it is bad
    choices: Callable[[], list[tuple[str, str]]] | None = None  # (code, label) for a list editor
    code: Callable[[R], str] | None = None  # the current code, for a list editor
    number: bool = False  # right-aligned
    editable_for: Callable[[R], bool] | None = None

    def header(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


class RecordModel(QAbstractTableModel, Generic[R]):
    edited = Signal(int)  # the row whose record an edit replaced
    refused = Signal(str)  # why typed text was not taken (shown to the user; nothing changed)

    def __init__(self, columns: Sequence[Column[R]], lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.lang = lang
        self.records: list[R] = []
        self.read_only = False
        self.bold: Callable[[R], bool] = lambda _r: False
        self.section: Callable[[R], bool] = lambda _r: False

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def update_records(self, records: Sequence[R]) -> None:
        """New records for the same rows (recomputed totals): repaint without resetting the view."""
        if len(records) != len(self.records):
            self.set_records(records)
            return
        self.records = list(records)
        if self.records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.records) - 1, len(self.columns) - 1))

    def append(self, record: R) -> int:
        row = len(self.records)
        self.beginInsertRows(QModelIndex(), row, row)
        self.records.append(record)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.records):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.records[row]
            self.endRemoveRows()

    # ---- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header(self.lang)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.records):
            return str(section + 1)
        return None

    def _editable(self, record: R, column: Column[R]) -> bool:
        if self.read_only or column.edit is None:
            return False
        return column.editable_for(record) if column.editable_for else True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable(self.records[index.row()], self.columns[index.column()]):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.records)):
            return None
        record, column = self.records[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.EditRole:
            if column.code is not None:
                return column.code(record)
            return column.text(record).replace(",", "") if column.number else column.text(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (self.bold(record) or self.section(record)):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.section(record):
                return QBrush(SECTION_FILL)
            if self.bold(record):
                return QBrush(COMPUTED_FILL)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, column = index.row(), self.columns[index.column()]
        record = self.records[row]
        if column.edit is None or not self._editable(record, column):
            return False
        try:
            new = column.edit(record, value)
        except ValueError as exc:
            self.refused.emit(f"{column.header(self.lang)}: {exc}")
            return False
        if new == record:
            return False
        self.records[row] = new
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.edited.emit(row)
        return True
