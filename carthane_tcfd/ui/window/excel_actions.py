"""File ▸ Export template… and File ▸ Import from Excel… (issue 17): the department template out, and its
import in through a preview. Reading and planning run on a worker with a cancellable progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtWidgets
from PySide6.QtCore import QObject

from carthane_tcfd.domain.errors import Cancelled, UserError
from carthane_tcfd.ui import prompts
from carthane_tcfd.ui.settings import LAST_EXPORT_DIR

if TYPE_CHECKING:  # the records are imported after the first paint (start-up stays light)
    from carthane_tcfd.domain.imports import ImportPlan, TemplateFile
    from carthane_tcfd.ui.dialogs.import_preview import ImportPreviewDialog
    from carthane_tcfd.ui.window.main_window import MainWindow


class _Reading:
    """A template read, and the plan of its import (not a dataclass: dataclasses is not imported before
    the first paint)."""

    def __init__(self, path: Path, template: TemplateFile, plan: ImportPlan) -> None:
        self.path, self.template, self.plan = path, template, plan


class ExcelActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.lang = window.lang
        self.preview: ImportPreviewDialog | None = None  # the last preview shown (tests look at it)

    def _folder(self) -> str:
        return self.window.settings.get(LAST_EXPORT_DIR) or str(Path.home())

    def _remember(self, path: str) -> None:
        self.window.settings.set(LAST_EXPORT_DIR, str(Path(path).parent))

    # ---- template out ----------------------------------------------------------------------------
    def export_template(self, path: str | None = None) -> Any:
        from carthane_tcfd.reports.template_writer import default_template_name
        from carthane_tcfd.ui.workers import run_in_background

        period = self.state.period
        if period is None:
            return None
        if not path:
            name = str(Path(self._folder()) / default_template_name(period.year, self.lang))
            path, _ = QtWidgets.QFileDialog.getSaveFileName(
                self.window, self.tr("Export template"), name, self.tr("Excel workbook (*.xlsx)")
            )
            if not path:
                return None
            self._remember(path)
        services, lang, year, target = self.state.services, self.lang, period.year, Path(path)

        def work() -> tuple[Path, int]:
            from carthane_tcfd.reports.template_writer import TemplateRequest, save_template

            count = save_template(
                services.imports.template_source(year),
                target,
                TemplateRequest(lang),
                register=services.location,
                made_by=services.user,
            )
            return target, count

        return run_in_background(self.window, self.tr("Writing the template…"), work, self._exported, self._failed)

    def _exported(self, result: tuple[Path, int]) -> None:
        path, count = result
        self.window.statusBar().showMessage(
            self.tr("Template with %n item(s) written to %1", "", count).replace("%1", str(path)), 15000
        )

    # ---- import in -------------------------------------------------------------------------------
    def import_from_excel(self, path: str | None = None) -> Any:
        from carthane_tcfd.ui.workers import run_in_background

        if self.state.period is None:
            return None
        if not path:
            path, _ = QtWidgets.QFileDialog.getOpenFileName(
                self.window, self.tr("Import from Excel"), self._folder(), self.tr("Excel workbook (*.xlsx)")
            )
            if not path:
                return None
            self._remember(path)
        services, lang, year, source = self.state.services, self.lang, self.state.period.year, Path(path)

        def work(progress: Callable[[int, int], None]) -> _Reading:
            from carthane_tcfd.reports.template_reader import ReadOptions, read_template

            template = read_template(source, ReadOptions(progress=progress))
            progress(1, 1)
            return _Reading(source, template, services.imports.preview(template, year=year, lang=lang))

        return run_in_background(
            self.window,
            self.tr("Reading %1…").replace("%1", source.name),
            work,
            self._preview,
            self._failed,
            cancel_text=self.tr("Cancel"),
        )

    def _replan(self, reading: _Reading, take_file_values: bool, ignore_unknown: bool) -> ImportPlan:
        from carthane_tcfd.reports.template_reader import ReadOptions, read_template

        try:
            reading.template = read_template(reading.path, ReadOptions(ignore_unknown_columns=ignore_unknown))
            reading.plan = self.state.services.imports.preview(
                reading.template, year=reading.plan.year, lang=self.lang, take_file_values=take_file_values
            )
        except UserError as exc:
            prompts.refused(self.window, exc, self.lang)
        return reading.plan

    def _preview(self, reading: _Reading) -> None:
        from carthane_tcfd.ui.dialogs.import_preview import ImportPreviewDialog

        dialog = ImportPreviewDialog(
            reading.plan, self.lang, lambda take, ignore: self._replan(reading, take, ignore), self.window
        )
        self.preview = dialog
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.apply(reading, dialog.plan.take_file_values)

    def apply(self, reading: _Reading, take_file_values: bool) -> Any:
        from carthane_tcfd.ui.workers import run_in_background

        services, lang, template, year = self.state.services, self.lang, reading.template, reading.plan.year

        def work() -> ImportPlan:
            return services.imports.apply(template, year=year, lang=lang, take_file_values=take_file_values)

        return run_in_background(self.window, self.tr("Importing…"), work, self._applied, self._failed)

    def _applied(self, plan: ImportPlan) -> None:
        if any(c.field.startswith("metrics.") for item in plan.changed for c in item.changes):
            self.state.refresh_period()  # the Metrics page reads the period's metrics again
        self.state.reload_items()
        message = self.tr("Imported from %1: %2").replace("%1", plan.file).replace("%2", plan.summary(self.lang))
        self.window.statusBar().showMessage(message, 15000)
        prompts.info(self.window, self.tr("Import finished"), message)

    def _failed(self, exc: BaseException) -> None:
        from carthane_tcfd.domain.imports import problem_lines
        from carthane_tcfd.services.imports import ImportRefused

        if isinstance(exc, Cancelled):  # the user asked for it: nothing to report
            return
        if isinstance(exc, ImportRefused):
            prompts.error(
                self.window, "\n".join([exc.message(self.lang), *problem_lines(exc.plan.problems, self.lang)])
            )
        elif isinstance(exc, UserError):
            prompts.refused(self.window, exc, self.lang)
        else:
            from carthane_tcfd.logs import log, log_file

            log.error("template import or export failed", exc_info=exc)
            prompts.error(
                self.window,
                self.tr("The operation failed unexpectedly; details are in %1").replace("%1", str(log_file())),
            )
