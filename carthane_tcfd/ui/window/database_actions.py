"""File ▸ New / Open / Open shared / Recent databases: opening a location and saying what happened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QObject

from carthane_tcfd import passwords
from carthane_tcfd.domain.errors import UnfinishedRegister, UserError
from carthane_tcfd.ui import prompts
from carthane_tcfd.ui.settings import LAST_PERIOD, RECENT_DATABASES, SIGNER_NAME, SIGNER_ROLE, USER_NAME

if TYPE_CHECKING:
    from carthane_tcfd.ui.window.main_window import MainWindow


class DatabaseActions(QObject):
    """Opens a database for the window: asks for the location, keeps the recent list, reports the outcome."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def open_location(self, location: str | None, *, seed: bool = True) -> bool:
        """Open a database (path or URL; None: the default file) and its latest or remembered period."""
        window, state, settings = self.window, self.window.state, self.window.settings
        if not window.keep_all_edits():
            return False
        try:
            try:
                public, opened = self._open(location, seed)
            finally:  # the first time, while the first page's rows are read ahead; before any message
                window.build_pages()
        except UserError as exc:
            prompts.refused(window, exc, window.lang)
            return False
        if not opened:
            return False
        settings.remember_database(public or state.services.location)  # never with a password
        self.fill_recent()
        state.select_period(settings.get(LAST_PERIOD) or None)
        summary = state.services.opened
        if summary.created:
            text = (
                self.tr("Welcome. The 2024 register from the ESG report was created in %1.")
                if seed
                else self.tr("A new empty database was created in %1.")
            )
            window.statusBar().showMessage(text.replace("%1", state.services.location), 15000)
        elif summary.upgraded_from:
            text = self.tr("The database was upgraded; a backup of the old one is at %1.")
            window.statusBar().showMessage(text.replace("%1", str(summary.backup or "—")), 15000)
        return True

    def _open(self, location: str | None, seed: bool) -> tuple[str | None, bool]:
        """The location as remembered (never with a password) and whether it was opened (not when a rebuild
        is declined); its first page's rows are then being read ahead (AppState.read_ahead)."""
        window, state, settings = self.window, self.window.state, self.window.settings
        public = passwords.keep(location) if location else None  # a typed password goes to the keyring
        from carthane_tcfd.services.register import locate  # after the first paint: it loads the database layers

        url = passwords.recall(locate(public), self.ask_password)
        user = settings.get(USER_NAME) or None
        window.setCursor(QtCore.Qt.CursorShape.WaitCursor)
        try:
            try:
                state.open(url, seed=seed, user=user)
            except UnfinishedRegister as exc:
                window.build_pages()
                question = self.tr("%1\n\nRebuild it now? The unfinished file is kept under another name.")
                if not prompts.confirm(
                    window, self.tr("Unfinished register"), question.replace("%1", exc.message(window.lang))
                ):
                    return public, False
                state.open(url, seed=seed, user=user, rebuild=True)
            state.read_ahead(settings.get(LAST_PERIOD) or None)
        finally:
            window.unsetCursor()
        state.services.set_signer(settings.get(SIGNER_NAME), settings.get(SIGNER_ROLE))
        return public, True

    def ask_password(self, public: str) -> str | None:
        """The password of a shared database the keyring does not hold (or there is no keyring)."""
        from carthane_tcfd.services.register import describe

        self.window.build_pages()
        text = self.tr("Password for %1 (kept for this session only where the system has no keyring):")
        return prompts.ask_password(self.window, self.tr("Database password"), text.replace("%1", describe(public)))

    def open_database_file(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.window, self.tr("Open database"), "", self.tr("Register databases (*.sqlite3 *.db);;All files (*)")
        )
        if path:
            self.open_location(path)

    def open_database_url(self) -> None:
        url = prompts.ask_text(
            self.window,
            self.tr("Open shared database"),
            self.tr("Database URL, e.g. postgresql+psycopg://user@server/register"),
        )
        if url:
            self.open_location(url.strip())

    def new_database(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self.window, self.tr("New database"), "register.sqlite3", self.tr("Register databases (*.sqlite3 *.db)")
        )
        if not path:
            return
        if Path(path).exists():
            prompts.error(
                self.window, self.tr("%1 exists already; choose Open database to use it.").replace("%1", path)
            )
            return
        seed = prompts.confirm(
            self.window,
            self.tr("New database"),
            self.tr("Start with the 2024 register from the ESG report? Choose No for an empty database."),
        )
        self.open_location(path, seed=seed)

    def fill_recent(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for location in self.window.settings.get(RECENT_DATABASES):
            action = menu.addAction(location)
            action.triggered.connect(lambda _c=False, loc=location: self.open_location(loc))
        menu.setEnabled(not menu.isEmpty())
