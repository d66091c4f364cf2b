"""Long work off the UI thread, behind a progress dialog; the result or the error comes back as a signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget


class Job(QObject):
    """Runs `work` in its thread and reports the outcome."""

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


class BackgroundTask(QObject):
    """Lives in the UI thread, so the job's signals reach the callbacks and the dialog there (queued).
    `done` is emitted in the UI thread when everything is over."""

    done = Signal()

    def __init__(
        self,
        dialog: QProgressDialog,
        thread: QThread,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.worker_thread = thread
        self.on_success = on_success
        self.on_failure = on_failure
        self.job: Job | None = None

    @Slot(object)
    def succeeded(self, result: Any) -> None:
        self.dialog.reset()
        self.on_success(result)

    @Slot(object)
    def failed(self, exc: BaseException) -> None:
        self.dialog.reset()
        self.on_failure(exc)

    @Slot()
    def finished(self) -> None:
        self.worker_thread.quit()
        self.worker_thread.wait()
        self.done.emit()
        self.dialog.deleteLater()


def run_in_background(
    parent: QWidget,
    label: str,
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
) -> BackgroundTask:
    """Start `work` on a worker thread with a busy progress dialog; the task says when it is done."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    dialog.setWindowTitle(label)
    thread = QThread(dialog)
    job = Job(work)
    job.moveToThread(thread)
    relay = BackgroundTask(dialog, thread, on_success, on_failure)
    relay.job = job  # Python keeps the job as long as the task (a child of the dialog) lives
    thread.started.connect(job.run)
    job.succeeded.connect(relay.succeeded)
    job.failed.connect(relay.failed)
    job.finished.connect(relay.finished)
    thread.start()
    return relay
