"""The Period menu: switch, new, copy to next year, submit, approve, reopen, properties."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from carthane_tcfd.domain.errors import UserError, ValidationFailed
from carthane_tcfd.domain.signoff import StepRequest
from carthane_tcfd.ui import prompts

if TYPE_CHECKING:
    from carthane_tcfd.ui.window.main_window import MainWindow


class PeriodActions(QObject):
    """The period workflow as the window offers it; every step goes through the period service."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.lang = window.lang

    def fill_menu(self) -> None:
        menu = self.window.period_menu
        menu.clear()
        current = self.state.period.year if self.state.period else None
        for period in self.state.periods:
            action = menu.addAction(f"{period.year} · {period.status.label(self.lang)}")
            action.setCheckable(True)
            action.setChecked(period.year == current)
            action.triggered.connect(lambda _c=False, year=period.year: self.switch_period(year))

    def switch_period(self, year: int) -> None:
        if self.window.keep_all_edits():
            self.state.select_period(year)

    def _step(self, step: Callable[[int], object]) -> None:
        assert self.state.period is not None
        try:
            step(self.state.period.year)
        except UserError as exc:
            prompts.error(self.window, exc.message(self.lang))
        self.state.refresh_period()

    def submit_for_review(self) -> None:
        if self.window.keep_all_edits():
            self._step(lambda year: self.state.services.workflow.submit(year, StepRequest()))

    def approve(self) -> None:
        assert self.state.period is not None
        text = self.tr("Approve the %1 register? It becomes read-only; your name and the time are recorded.")
        if not self.window.keep_all_edits():
            return
        comment = prompts.ask_text(self.window, self.tr("Approve"), text.replace("%1", str(self.state.period.year)))
        if comment is not None:
            self._step(lambda year: self.state.services.workflow.approve(year, StepRequest(comment)))

    def reopen(self) -> None:
        reason = prompts.ask_text(
            self.window, self.tr("Reopen period"), self.tr("Why is the period reopened? (recorded)")
        )
        if reason is not None:
            self._step(lambda year: self.state.services.workflow.reopen(year, StepRequest(reason)))

    def new_period(self) -> None:
        """An empty draft period (a database created empty has none)."""
        answer = prompts.ask_text(self.window, self.tr("New period"), self.tr("Reporting year of the new register:"))
        if answer is None:
            return
        if not answer.strip().isdigit():
            prompts.error(self.window, self.tr("Please enter a year such as 2025."))
            return
        year = int(answer.strip())
        title = self.tr("%1 climate-related risks and opportunities").replace("%1", str(year))
        try:
            created = self.state.services.periods.create(year, title)
        except UserError as exc:
            prompts.error(self.window, exc.message(self.lang))
            return
        if self.window.keep_all_edits():
            self.state.select_period(created.year)

    def copy_to_next_year(self) -> None:
        assert self.state.period is not None
        year = self.state.period.year
        text = self.tr("Create the %1 register as a draft copy of %2 (items, codes and open actions)?")
        if not prompts.confirm(
            self.window, self.tr("Copy to next year"), text.replace("%1", str(year + 1)).replace("%2", str(year))
        ):
            return
        try:
            created = self.state.services.periods.copy_to_next_year(year)
        except UserError as exc:
            prompts.error(self.window, exc.message(self.lang))
            return
        self.state.select_period(created.year)

    def properties(self) -> None:
        from carthane_tcfd.ui.dialogs.period_dialog import PeriodDialog

        period = self.state.period
        assert period is not None
        dialog = PeriodDialog(period, self.lang, self.window)
        if period.read_only:
            dialog.setEnabled(False)
        while dialog.exec() and dialog.result_draft is not None:
            try:
                self.state.services.periods.update(period.year, dialog.result_draft, period.version)
            except ValidationFailed as exc:
                dialog.show_problems(exc.problems)
                continue
            except UserError as exc:
                prompts.error(self.window, exc.message(self.lang))
            break
        self.state.refresh_period()
        self.state.reload_items()
