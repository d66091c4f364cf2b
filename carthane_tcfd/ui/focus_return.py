"""After a dialog closes, the keyboard focus goes back to the widget that had it when the dialog opened,
for every dialog of the application (ours, message boxes, file and input dialogs) without each call site
saying so. Without it, focus was left nowhere on platforms that do not re-activate the main window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid


class FocusReturn(QObject):
    _installed: FocusReturn | None = None  # the application's, once (a test process builds many windows)

    @classmethod
    def install(cls, app: QApplication) -> None:
        """Once per application. Remembered here rather than found with app.findChild, which wraps every
        object of the application in Python to look at it (4 ms of the launch: README, Performance)."""
        if cls._installed is None or not isValid(cls._installed) or cls._installed.parent() is not app:
            cls._installed = cls(app)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._before: dict[QDialog, QWidget] = {}
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is None or new is None:
            return
        dialog = new.window()
        if isinstance(dialog, QDialog) and dialog is not old.window() and dialog not in self._before:
            self._before[dialog] = old
            dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and isinstance(watched, QDialog) and watched in self._before:
            watched.removeEventFilter(self)
            target = self._before.pop(watched)
            QTimer.singleShot(0, lambda: _give_focus(target))
        return False


def _give_focus(widget: QWidget) -> None:
    if isValid(widget) and widget.isVisible() and widget.isEnabled():
        widget.activateWindow()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
