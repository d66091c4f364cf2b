"""Long work off the UI thread, behind a progress dialog; the result or the error comes back as a signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

_RUNNING: set[tuple[QThread, Job]] = set()


class Job(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work

    @Slot()
    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # reported to the UI thread, which decides how to show it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


def run_in_background(
    parent: QWidget,
    label: str,
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> Job:
    """Start `work` on a worker thread with a busy progress dialog; returns the job (tests wait on it)."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    dialog.setWindowTitle(label)
    thread = QThread(parent)
    job = Job(work)
    job.moveToThread(thread)
    thread.started.connect(job.run)
    job.succeeded.connect(on_success)
    job.failed.connect(on_failure)
    job.finished.connect(thread.quit)
    job.finished.connect(dialog.reset)
    thread.finished.connect(job.deleteLater)
    thread.finished.connect(thread.deleteLater)
    running = (thread, job)
    _RUNNING.add(running)  # Python must keep both alive until the thread is done
    thread.finished.connect(lambda: _RUNNING.discard(running))
    thread.start()
    return job
