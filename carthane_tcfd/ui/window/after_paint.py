"""Work that waits for the window's next paint: what the first page does not need comes after it is on
screen (README, Performance)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QMainWindow


class AfterPaint(QObject):
    """Runs some work once the window has painted what is pending: what the first page does not need waits
    for it to be on screen (README, Performance). Where nothing is painted (nothing changed on screen, or
    the window is hidden), the work runs a moment after the event loop resumes."""

    WAIT_MS = 250

    def __init__(self, window: QMainWindow, work: Callable[[], object]) -> None:
        super().__init__(window)
        self._window = window
        self.work = work
        self._done = False
        window.installEventFilter(self)
        # the wait starts when the event loop resumes: a paint already due always comes first
        QtCore.QTimer.singleShot(0, self, lambda: QtCore.QTimer.singleShot(self.WAIT_MS, self, self._run))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.UpdateRequest:  # the paint happens on this event, before the work
            self._run()
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        QtCore.QTimer.singleShot(0, self._window, self.work)  # dropped if the window is gone by then
        self.deleteLater()
