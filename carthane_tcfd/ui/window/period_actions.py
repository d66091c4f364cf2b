"""The Period menu: switch, new, copy to next year, submit, approve, return, reopen, sign-off history,
compare, properties."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from carthane_tcfd.domain.errors import UserError, ValidationFailed
from carthane_tcfd.domain.taxonomy import WorkflowStep
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

    def _sign_off(self, step: WorkflowStep, text: str) -> None:
        """Ask for the step's comment (and an approval's meeting) and take the step through the services;
        a refusal is shown in the dialog, which stays open."""
        from carthane_tcfd.ui.dialogs.signoff_dialogs import StepDialog

        period = self.state.period
        assert period is not None
        if step in (WorkflowStep.SUBMIT, WorkflowStep.APPROVE) and not self.window.keep_all_edits():
            return
        workflow = self.state.services.workflow
        dialog = StepDialog(
            step,
            text.replace("%1", str(period.year)),
            lambda request: workflow.step(period.year, step, request),
            self.lang,
            self.window,
        )
        prompts.exec_dialog(dialog)
        self.state.refresh_period()

    def submit_for_review(self) -> None:
        self._sign_off(
            WorkflowStep.SUBMIT,
            self.tr(
                "Submit the %1 register for review? Changes remain possible until it is approved; your name, "
                "the time and your comment are recorded. Whoever submits cannot approve."
            ),
        )

    def approve(self) -> None:
        self._sign_off(
            WorkflowStep.APPROVE,
            self.tr(
                "Approve the %1 register? It becomes read-only and its content is frozen with a SHA-256 hash that "
                "the board pack prints; your name, the time, your comment and the committee meeting are recorded."
            ),
        )

    def return_for_changes(self) -> None:
        self._sign_off(
            WorkflowStep.RETURN,
            self.tr("Return the %1 register to its preparers for changes? Say what should change."),
        )

    def reopen(self) -> None:
        self._sign_off(
            WorkflowStep.REOPEN,
            self.tr(
                "Reopen the %1 register for changes? The approved snapshot is kept; the next approval adds a "
                "new one. Why is the period reopened?"
            ),
        )

    def signoff_history(self) -> None:
        from carthane_tcfd.ui.dialogs.signoff_dialogs import SignoffHistoryDialog

        period = self.state.period
        assert period is not None
        try:
            signoff = self.state.services.workflow.signoff(period.year)
        except UserError as exc:
            prompts.refused(self.window, exc, self.lang)
            return
        prompts.exec_dialog(SignoffHistoryDialog(period.year, signoff, self.lang, self.window))

    def compare(self) -> None:
        from carthane_tcfd.ui.dialogs.signoff_dialogs import CompareDialog

        periods = self.state.services.periods
        years = [p.year for p in self.state.periods]
        import datetime as dt  # imported here: start-up does not need it

        dialog = CompareDialog(years, lambda a, b: periods.compare(a, b, dt.date.today()), self.lang, self.window)
        prompts.exec_dialog(dialog)

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
            prompts.refused(self.window, exc, self.lang)
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
            prompts.refused(self.window, exc, self.lang)
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
                prompts.refused(self.window, exc, self.lang)
            break
        self.state.refresh_period()
        self.state.reload_items()
