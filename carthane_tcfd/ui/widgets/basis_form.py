"""The basis of a period's inventory as a form: boundary, standards, emission-factor sources, GWP set,
verification, the scope 2 basis of the totals, the output measure of the intensities, the note on targets."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from carthane_tcfd.domain.ghg import Boundary, Scope2Basis, Verification
from carthane_tcfd.domain.inventory import Basis
from carthane_tcfd.domain.metrics_validation import BASIS_LABELS
from carthane_tcfd.domain.taxonomy import Coded, Lang

CHOICE_LABELS = {
    "boundary": ("组织边界", "Organisational boundary"),
    "verification": ("核查与鉴证", "Verification and assurance"),
    "scope2_for_total": ("总量采用的范围二口径", "Scope 2 basis in the total"),
}
NOT_STATED = ("（未说明）", "(not stated)")
LONG_TEXT = (
    "standards",
    "standards_en",
    "factor_sources",
    "factor_sources_en",
    "verification_note",
    "verification_note_en",
    "target_note",
    "target_note_en",
)
ORDER = (
    "boundary",
    "standards",
    "standards_en",
    "factor_sources",
    "factor_sources_en",
    "gwp",
    "verification",
    "verification_note",
    "verification_note_en",
    "scope2_for_total",
    "output_unit_zh",
    "output_unit_en",
    "target_note",
    "target_note_en",
    "source",
    "source_en",
)


class BasisForm(QWidget):
    edited = Signal()

    def __init__(self, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._loading = False
        self.fields: dict[str, QComboBox | QLineEdit | QPlainTextEdit] = {}
        layout = QFormLayout(self)
        pick = 0 if lang == "zh" else 1
        for name in ORDER:
            widget = self._widget(name)
            widget.setObjectName(f"basis_{name}")
            self.fields[name] = widget
            label = (CHOICE_LABELS.get(name) or BASIS_LABELS[name])[pick]
            layout.addRow(label, widget)

    def _widget(self, name: str) -> QComboBox | QLineEdit | QPlainTextEdit:
        enums: dict[str, type[Coded]] = {
            "boundary": Boundary,
            "verification": Verification,
            "scope2_for_total": Scope2Basis,
        }
        if name in enums:
            combo = QComboBox(self)
            if name != "scope2_for_total":
                combo.addItem(NOT_STATED[0 if self.lang == "zh" else 1], "")
            for member in enums[name]:
                combo.addItem(member.label(self.lang), member.value)
            combo.currentIndexChanged.connect(self._changed)
            return combo
        if name in LONG_TEXT:
            text = QPlainTextEdit(self)
            text.setTabChangesFocus(True)
            text.setFixedHeight(64)
            text.textChanged.connect(self._changed)
            return text
        line = QLineEdit(self)
        line.textChanged.connect(self._changed)
        return line

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self.edited.emit()

    def set_basis(self, basis: Basis) -> None:
        self._loading = True
        try:
            for name, widget in self.fields.items():
                value = getattr(basis, name)
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(0, widget.findData(value.value if value else "")))
                elif isinstance(widget, QPlainTextEdit):
                    if widget.toPlainText() != value:
                        widget.setPlainText(value)
                elif widget.text() != value:
                    widget.setText(value)
        finally:
            self._loading = False

    def basis(self) -> Basis:
        values: dict[str, Any] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                code = widget.currentData()
                values[name] = code or None
            elif isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText()
            else:
                values[name] = widget.text()
        return dataclasses.replace(
            Basis(),
            **values
            | {
                "boundary": Boundary(values["boundary"]) if values["boundary"] else None,
                "verification": Verification(values["verification"]) if values["verification"] else None,
                "scope2_for_total": Scope2Basis(values["scope2_for_total"] or "location"),
            },
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.fields.values():
            if isinstance(widget, QComboBox):
                widget.setEnabled(not read_only)
            else:
                widget.setReadOnly(read_only)
