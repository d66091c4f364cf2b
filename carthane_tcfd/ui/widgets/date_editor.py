"""A date field that takes a typed date (ISO, or the locale's short format, or 2025年3月31日) or one picked
from a calendar that opens at the field's date or today; empty means no date."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

ISO = "yyyy-MM-dd"
_NUMERIC = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_date(text: str, locale: QLocale | None = None) -> QDate | None:
    """The date the user typed, an invalid QDate for an empty field, or None when it is not a date."""
    text = text.strip()
    if not text:
        return QDate()
    match = _NUMERIC.match(text)
    if match:
        date = QDate(*(int(part) for part in match.groups()))
        return date if date.isValid() else None
    locale = locale or QLocale()
    for fmt in (QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat):
        date = locale.toDate(text, fmt, 2000)  # a two-digit year means this century
        if date.isValid():
            return date
    return None


class DateEditor(QWidget):
    """A line edit and a calendar button. `date()` is an invalid QDate when the field is empty."""

    finished = Signal()  # Return pressed or a date picked in the calendar: the edit is complete

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.line.setToolTip(
            self.tr("Type a date (2026-03-31 or %1), or pick one; leave empty for no date.").replace(
                "%1", QLocale().toString(QDate(2026, 3, 31), QLocale.FormatType.ShortFormat)
            )
        )
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Pick a date"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.button.clicked.connect(self.open_calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        self.line.returnPressed.connect(self.finished)

    def date(self) -> QDate | None:
        """The date in the field (invalid QDate: none), or None when the text is not a date."""
        return parse_date(self.line.text())

    def set_date(self, date: QDate) -> None:
        self.line.setText(date.toString(ISO) if date.isValid() else "")

    def open_calendar(self) -> None:
        current = self.date()
        start = current if current is not None and current.isValid() else QDate.currentDate()
        self.calendar.setSelectedDate(start)
        self.calendar.setCurrentPage(start.year(), start.month())
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _pick(self, date: QDate) -> None:
        self.set_date(date)
        self.calendar.hide()
        self.line.setFocus()
        self.finished.emit()
