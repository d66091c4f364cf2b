"""Long work off the UI thread, behind a progress dialog; the result or the error comes back as a signal."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from carthane_tcfd.domain.errors import Cancelled


class Job(QObject):
    """Runs `work` in its thread and reports the outcome; a cancellable job's work is given `report`."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()
    progressed = Signal(int, int)  # steps done, steps in all

    def __init__(self, work: Callable[..., Any], cancellable: bool = False) -> None:
        super().__init__()
        self.work = work
        self.cancellable = cancellable
        self.cancel_requested = threading.Event()

    def report(self, done: int, total: int) -> None:
        """Called by the work between its steps (in the worker thread): stops it once the user cancelled."""
        if self.cancel_requested.is_set():
            raise Cancelled()
        self.progressed.emit(done, total)

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self.report) if self.cancellable else self.work()
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

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        """A job's step, unless the user has cancelled."""
        if not self.dialog.wasCanceled():
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

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
    work: Callable[..., Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    *,
    cancel_text: str | None = None,
) -> BackgroundTask:
    """Start `work` on a worker thread with a progress dialog; the task says when it is done. With
    `cancel_text` the dialog has a Cancel button and `work(report)` reports its steps: after a cancel the
    next report raises Cancelled in the work, which comes back through `on_failure`."""
    dialog = QProgressDialog(label, cancel_text or "", 0, 0, parent)
    if cancel_text is None:
        dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    dialog.setWindowTitle(label)
    dialog.setAutoReset(False)
    thread = QThread(dialog)
    job = Job(work, cancellable=cancel_text is not None)
    job.moveToThread(thread)
    relay = BackgroundTask(dialog, thread, on_success, on_failure)
    relay.job = job  # Python keeps the job as long as the task (a child of the dialog) lives
    if cancel_text is not None:
        dialog.canceled.connect(job.cancel_requested.set)
        job.progressed.connect(relay.progressed)  # queued: the dialog is shown in the UI thread
    thread.started.connect(job.run)
    job.succeeded.connect(relay.succeeded)
    job.failed.connect(relay.failed)
    job.finished.connect(relay.finished)
    thread.start()
    return relay
