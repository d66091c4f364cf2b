"""Editors of the mitigation sub-table: a date field (typed or picked) for the due date, a list for the status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from carthane_tcfd.domain.taxonomy import Lang, MitigationStatus
from carthane_tcfd.ui.models.mitigation_model import DUE, STATUS
from carthane_tcfd.ui.widgets.date_editor import DateEditor

Index = QModelIndex | QPersistentModelIndex


class MitigationDelegate(QStyledItemDelegate):
    def __init__(self, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == DUE:
            editor = DateEditor(parent)
            editor.finished.connect(lambda: self._finish(editor))
            return editor
        if index.column() == STATUS:
            combo = QComboBox(parent)
            for status in MitigationStatus:
                combo.addItem(status.label(self.lang), status.value)
            return combo
        return super().createEditor(parent, option, index)

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, DateEditor):
            editor.set_date(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, DateEditor):
            date = editor.date()
            if date is not None:  # text that is no date leaves the value as it was
                model.setData(index, date, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
