"""File ▸ Export board pack, Export matrix, Print risk matrix: where to write, in the background, and the outcome."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QObject

from carthane_tcfd.domain.errors import Cancelled, UserError
from carthane_tcfd.ui import prompts
from carthane_tcfd.ui.settings import LAST_EXPORT_DIR

if TYPE_CHECKING:
    from carthane_tcfd.ui.window.main_window import MainWindow


class FileActions(QObject):
    """The files the window writes from the period on screen (the CLI writes the same ones headless)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.lang = window.lang

    def _ask_path(self, title: str, name: str, filters: str) -> str | None:
        settings = self.window.settings
        folder = settings.get(LAST_EXPORT_DIR) or str(Path.home())
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self.window, title, str(Path(folder) / name), filters)
        if path:
            settings.set(LAST_EXPORT_DIR, str(Path(path).parent))
        return path or None

    def export_board_pack(self, path: str | None = None) -> Any:
        from carthane_tcfd.reports.boardpack import default_file_name
        from carthane_tcfd.ui.workers import run_in_background

        period = self.state.period
        if period is None:
            return None
        path = path or self._ask_path(
            self.tr("Export board pack"), default_file_name(period.year, self.lang), self.tr("Excel workbook (*.xlsx)")
        )
        if not path:
            return None
        services, lang, year = self.state.services, self.lang, period.year

        def work(report: Callable[[int, int], None]) -> Path:
            from carthane_tcfd.reports.boardpack import write_board_pack

            return write_board_pack(services.periods.snapshot(year), Path(path), lang, progress=report)

        return run_in_background(
            self.window,
            self.tr("Writing the board pack…"),
            work,
            self._exported,
            self._failed,
            cancel_text=self.tr("Cancel"),
        )

    def _exported(self, path: Path) -> None:
        self.window.statusBar().showMessage(self.tr("Board pack written to %1").replace("%1", str(path)), 15000)
        if prompts.confirm(
            self.window,
            self.tr("Board pack ready"),
            self.tr("The board pack was written to\n%1\n\nOpen its folder?").replace("%1", str(path)),
        ):
            QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path.parent)))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.window.statusBar().showMessage(self.tr("Export cancelled; no file was written."), 15000)
        elif isinstance(exc, UserError):
            prompts.refused(self.window, exc, self.lang)
        else:
            from carthane_tcfd.logs import log, log_file

            log.error("export failed", exc_info=exc)
            prompts.error(
                self.window,
                self.tr("The export failed unexpectedly; details are in %1").replace("%1", str(log_file())),
            )

    def export_matrix(self, path: str | None = None) -> None:
        from carthane_tcfd.reports.matrix_export import export_matrix

        snapshot = self.state.view()
        if snapshot is None:
            return
        matrix = self.window.matrix
        kind = matrix.current_kind()
        name = f"matrix_{kind.value}_{snapshot.period.year}.pdf"
        path = path or self._ask_path(self.tr("Export matrix"), name, self.tr("PDF (*.pdf);;PNG image (*.png)"))
        if not path:
            return
        try:
            export_matrix(
                snapshot,
                Path(path),
                view=matrix.current_view(),
                lang=self.lang,
                kinds=(kind,),
                flt=matrix.filters.current(),
            )
        except UserError as exc:
            prompts.refused(self.window, exc, self.lang)
            return
        self.window.statusBar().showMessage(self.tr("Matrix written to %1").replace("%1", path), 15000)

    def print_matrix(self) -> Any:
        from carthane_tcfd.ui.dialogs.printing import MatrixPrintPreview

        pages = self.window.matrix.current_pages()
        if not pages:
            return None
        dialog = MatrixPrintPreview(self.window, [p.figure for p in pages])
        dialog.exec()
        return dialog
