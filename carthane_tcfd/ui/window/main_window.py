"""The main window: menus, toolbar, status bar and the pages (Risks, Opportunities, Matrix, Dashboard)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

# Classes needed only after the first paint (file dialogs, Qt's namespace...) are looked up through their
# module when first used: PySide6 creates each Qt class on first use, which start-up need not pay for.
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QToolBar

from carthane_tcfd import APP_NAME, APP_NAME_ZH
from carthane_tcfd.domain.errors import UserError, ValidationFailed
from carthane_tcfd.domain.taxonomy import Kind
from carthane_tcfd.paths import resource
from carthane_tcfd.ui import prompts
from carthane_tcfd.ui.app_state import AppState
from carthane_tcfd.ui.settings import (
    LANGUAGE,
    LAST_EXPORT_DIR,
    LAST_PERIOD,
    RECENT_DATABASES,
    USER_NAME,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from carthane_tcfd.ui.pages.dashboard_page import DashboardPage
    from carthane_tcfd.ui.pages.matrix_page import MatrixPage
    from carthane_tcfd.ui.pages.register_page import RegisterPage


class MainWindow(QMainWindow):
    """Menus, toolbar and status bar first; the pages after the first paint (`build_pages`), since their
    modules and widgets are most of the start-up cost."""

    first_paint = Signal()  # the window is on screen: the time to build the pages and load the register
    risks: RegisterPage
    opportunities: RegisterPage
    matrix: MatrixPage
    dashboard: DashboardPage

    def __init__(self, state: AppState, settings: Settings, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.settings = settings
        self.lang = state.lang
        self.setObjectName("main_window")
        self._painted = False
        self._pages_built = False
        self.setWindowTitle(APP_NAME_ZH if self.lang == "zh" else APP_NAME)
        icon = resource("icons", "app.png")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.resize(1400, 860)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pages")
        self.setCentralWidget(self.tabs)

        self.db_label = QLabel(self)
        self.period_label = QLabel(self)
        self.count_label = QLabel(self)
        for label in (self.db_label, self.period_label, self.count_label):
            self.statusBar().addPermanentWidget(label)
        self.lock_banner = QLabel(self)
        self.lock_banner.setStyleSheet("background:#FCE4D6; padding:3px;")
        self.lock_banner.hide()
        self.statusBar().addWidget(self.lock_banner)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._connect()
        self._restore_geometry()
        self._refresh_enabled()

    # ---- construction -------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
        """`shortcut`: a standard key, a key text such as "Ctrl+E", or a list of QKeySequence. Always set
        through setShortcuts: QAction.setShortcut's overloads create all of Qt's enums (~12 ms of start-up)."""
        action = QAction(text, self)
        if isinstance(shortcut, str):
            action.setShortcuts([QKeySequence(shortcut)])
        elif shortcut is not None:
            action.setShortcuts(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        action.setObjectName(name)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.act_new_db = self._action(self.tr("New database…"), self.new_database, name="new_db")
        self.act_open_db = self._action(self.tr("Open database…"), self.open_database_file, std.Open, "open_db")
        self.act_open_url = self._action(
            self.tr("Open shared database (URL)…"), self.open_database_url, name="open_url"
        )
        self.act_export = self._action(self.tr("Export board pack…"), self.export_board_pack, "Ctrl+E", "export")
        self.act_export_matrix = self._action(
            self.tr("Export matrix as PDF/PNG…"), self.export_matrix, name="export_matrix"
        )
        self.act_print = self._action(self.tr("Print risk matrix…"), self.print_matrix, std.Print, "print")
        self.act_quit = self._action(self.tr("Quit"), self.close, std.Quit, "quit")
        self.act_undo = self.state.undo.createUndoAction(self, self.tr("Undo"))
        self.act_undo.setShortcuts(std.Undo)
        self.act_redo = self.state.undo.createRedoAction(self, self.tr("Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_new_risk = self._action(self.tr("New risk"), lambda: self._new(Kind.RISK), "Ctrl+N", "new_risk")
        self.act_new_opportunity = self._action(
            self.tr("New opportunity"), lambda: self._new(Kind.OPPORTUNITY), "Ctrl+Shift+N", "new_opportunity"
        )
        self.act_save = self._action(self.tr("Save"), self.save_current, std.Save, "save")
        self.act_delete = self._action(self.tr("Delete"), self.delete_current, "Del", "delete")
        self.act_find = self._action(self.tr("Find"), self.focus_find, std.Find, "find")
        self.act_history = self._action(self.tr("History…"), self.show_history, "Ctrl+H", "history")
        self.act_user = self._action(self.tr("Your name in the audit trail…"), self.set_user_name, name="user")
        self.act_new_period = self._action(self.tr("New period…"), self.new_period, name="new_period")
        self.act_copy = self._action(self.tr("Copy to next year…"), self.copy_to_next_year, name="copy_year")
        self.act_submit = self._action(self.tr("Submit for review"), self.submit_for_review, name="submit")
        self.act_approve = self._action(self.tr("Approve…"), self.approve, name="approve")
        self.act_reopen = self._action(self.tr("Reopen…"), self.reopen, name="reopen")
        self.act_properties = self._action(self.tr("Properties…"), self.period_properties, name="properties")
        self.act_about = self._action(self.tr("About…"), self.about, name="about")
        self.page_actions = []
        for number, name in enumerate(
            (self.tr("Risks"), self.tr("Opportunities"), self.tr("Matrix"), self.tr("Dashboard"))
        ):
            self.page_actions.append(
                self._action(
                    name, lambda n=number: self.tabs.setCurrentIndex(n), f"Ctrl+{number + 1}", f"page_{number}"
                )
            )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addActions([self.act_new_db, self.act_open_db, self.act_open_url])
        self.recent_menu = file.addMenu(self.tr("Recent databases"))
        file.addSeparator()
        file.addActions([self.act_export, self.act_export_matrix, self.act_print])
        file.addSeparator()
        file.addAction(self.act_quit)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addActions([self.act_new_risk, self.act_new_opportunity, self.act_save, self.act_delete])
        edit.addSeparator()
        edit.addActions([self.act_find, self.act_history, self.act_user])
        view = bar.addMenu(self.tr("&View"))
        view.addActions(self.page_actions)
        view.addSeparator()
        language = view.addMenu(self.tr("Language"))
        for code, text in (("zh", "中文"), ("en", "English"), ("", self.tr("As the system"))):
            action = language.addAction(text)
            action.setCheckable(True)
            action.setChecked(self.settings.get(LANGUAGE) == code)
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
        period = bar.addMenu(self.tr("&Period"))
        self.period_menu = period.addMenu(self.tr("Switch period"))
        period.addSeparator()
        period.addActions([self.act_new_period, self.act_copy, self.act_submit, self.act_approve, self.act_reopen])
        period.addSeparator()
        period.addAction(self.act_properties)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)
        self._fill_recent()

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.addActions([self.act_new_risk, self.act_new_opportunity, self.act_save, self.act_delete])
        toolbar.addSeparator()
        toolbar.addActions([self.act_undo, self.act_redo, self.act_find])
        toolbar.addSeparator()
        toolbar.addActions([self.act_export, self.act_print])
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        self.state.opened.connect(self._database_opened)
        self.state.period_changed.connect(self._period_changed)
        self.state.items_changed.connect(self._refresh_counts)
        self.tabs.currentChanged.connect(lambda _n: self._refresh_enabled())

    def build_pages(self) -> None:
        """The Risks, Opportunities, Matrix and Dashboard pages (once; before a database is opened)."""
        if self._pages_built:
            return
        from carthane_tcfd.ui.pages.dashboard_page import DashboardPage
        from carthane_tcfd.ui.pages.matrix_page import MatrixPage
        from carthane_tcfd.ui.pages.register_page import RegisterPage

        self.risks = RegisterPage(Kind.RISK, self.state, self.settings, self)
        self.opportunities = RegisterPage(Kind.OPPORTUNITY, self.state, self.settings, self)
        self.matrix = MatrixPage(self.state, self)
        self.dashboard = DashboardPage(self.state, self)
        self._pages_built = True
        for page, title in (
            (self.risks, self.tr("Risks")),
            (self.opportunities, self.tr("Opportunities")),
            (self.matrix, self.tr("Matrix")),
            (self.dashboard, self.tr("Dashboard")),
        ):
            self.tabs.addTab(page, title)
        # Qt's namespace is first touched here (creating its enums costs ~12 ms)
        self.act_delete.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetShortcut)
        for register in self.registers():
            register.table.addAction(self.act_delete)
            register.filter_changed.connect(self._share_filter)
            register.editor.dirty_changed.connect(lambda _dirty: self._refresh_enabled())
            register.editor.loaded.connect(self._refresh_enabled)
        self.matrix.filter_changed.connect(self._share_filter)
        self.matrix.open_item.connect(self.open_item)
        self._refresh_enabled()

    def registers(self) -> tuple[RegisterPage, ...]:
        """The Risks and Opportunities pages, once built."""
        return (self.risks, self.opportunities) if self._pages_built else ()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_paint.emit()

    # ---- window state -------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        state = self.settings.get(WINDOW_STATE)
        if state:
            self.restoreState(state)

    def save_window_settings(self) -> None:
        self.settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(WINDOW_STATE, bytes(self.saveState().data()))
        for page in self.registers():
            page.save_layout()
        if self.state.period is not None:
            self.settings.set(LAST_PERIOD, self.state.period.year)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._keep_all_edits():
            event.ignore()
            return
        self.save_window_settings()
        event.accept()

    def _keep_all_edits(self) -> bool:
        return all(page.maybe_keep_edits() for page in self.registers())

    # ---- pages --------------------------------------------------------------------------------
    def current_register(self) -> RegisterPage | None:
        current = self.tabs.currentWidget()
        return next((page for page in self.registers() if page is current), None)

    def _share_filter(self, flt: Any) -> None:
        sender = self.sender()
        for page in self.registers():
            if page is not sender:
                page.filters.set_shared(flt)
                page.model.set_filter(page.filters.current())
                page._update_count()
        if sender is not self.matrix:
            self.matrix.share_filter(flt)

    def _new(self, kind: Kind) -> None:
        page = self.risks if kind is Kind.RISK else self.opportunities
        self.tabs.setCurrentWidget(page)
        page.new_item()

    def save_current(self) -> None:
        page = self.current_register()
        if page is not None and page.editor.dirty:
            page.save()

    def delete_current(self) -> None:
        page = self.current_register()
        if page is not None:
            page.delete()

    def focus_find(self) -> None:
        page = self.current_register() or self.risks
        self.tabs.setCurrentWidget(page)
        page.focus_search()

    def show_history(self) -> None:
        page = self.current_register()
        if page is not None:
            page.show_history()

    def open_item(self, item_id: int) -> None:
        item = next((i for i in self.state.items if i.id == item_id), None)
        if item is None:
            return
        page = self.risks if item.kind is Kind.RISK else self.opportunities
        self.tabs.setCurrentWidget(page)
        page.filters.clear()
        if page.maybe_keep_edits():
            page.select_item(item_id)

    # ---- database -----------------------------------------------------------------------------
    def open_location(self, location: str | None, *, seed: bool = True) -> bool:
        """Open a database (path or URL; None: the default file) and its latest or remembered period."""
        from carthane_tcfd.store.engine import resolve_url

        self.build_pages()
        if not self._keep_all_edits():
            return False
        try:
            url = resolve_url(location)
            user = self.settings.get(USER_NAME) or None
            self.setCursor(QtCore.Qt.CursorShape.WaitCursor)
            try:
                self.state.open(url, seed=seed, user=user)
            finally:
                self.unsetCursor()
        except UserError as exc:
            prompts.error(self, exc.message(self.lang))
            return False
        self.settings.remember_database(location or self.state.services.location)
        self._fill_recent()
        self.state.select_period(self.settings.get(LAST_PERIOD) or None)
        opened = self.state.services.opened
        if opened.created:
            text = (
                self.tr("Welcome. The 2024 register from the ESG report was created in %1.")
                if seed
                else self.tr("A new empty database was created in %1.")
            )
            self.statusBar().showMessage(text.replace("%1", self.state.services.location), 15000)
        elif opened.upgraded_from:
            text = self.tr("The database was upgraded; a backup of the old one is at %1.")
            self.statusBar().showMessage(text.replace("%1", str(opened.backup or "—")), 15000)
        return True

    def open_database_file(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Open database"), "", self.tr("Register databases (*.sqlite3 *.db);;All files (*)")
        )
        if path:
            self.open_location(path)

    def open_database_url(self) -> None:
        url = prompts.ask_text(
            self,
            self.tr("Open shared database"),
            self.tr("Database URL, e.g. postgresql+psycopg://user@server/register"),
        )
        if url:
            self.open_location(url.strip())

    def new_database(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("New database"), "register.sqlite3", self.tr("Register databases (*.sqlite3 *.db)")
        )
        if not path:
            return
        if Path(path).exists():
            prompts.error(self, self.tr("%1 exists already; choose Open database to use it.").replace("%1", path))
            return
        seed = prompts.confirm(
            self,
            self.tr("New database"),
            self.tr("Start with the 2024 register from the ESG report? Choose No for an empty database."),
        )
        self.open_location(path, seed=seed)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for location in self.settings.get(RECENT_DATABASES):
            action = self.recent_menu.addAction(location)
            action.triggered.connect(lambda _c=False, loc=location: self.open_location(loc))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _database_opened(self) -> None:
        self.db_label.setText(self.state.services.location)  # its periods follow with period_changed

    # ---- periods ------------------------------------------------------------------------------
    def _fill_periods(self) -> None:
        self.period_menu.clear()
        current = self.state.period.year if self.state.period else None
        for period in self.state.periods:
            action = self.period_menu.addAction(f"{period.year} · {period.status.label(self.lang)}")
            action.setCheckable(True)
            action.setChecked(period.year == current)
            action.triggered.connect(lambda _c=False, year=period.year: self.switch_period(year))

    def switch_period(self, year: int) -> None:
        if self._keep_all_edits():
            self.state.select_period(year)

    def _period_changed(self) -> None:
        period = self.state.period
        if period is None:
            self.period_label.setText(self.tr("No period"))
        else:
            self.period_label.setText(f"{period.year} · {period.status.label(self.lang)}")
        locked = period is not None and period.read_only
        if locked:
            assert period is not None
            text = self.tr("The %1 period was approved by %2; it is read-only. Period ▸ Reopen… to change it.")
            self.lock_banner.setText(text.replace("%1", str(period.year)).replace("%2", period.status_changed_by))
            self.statusBar().clearMessage()  # a passing message would be drawn over the banner
        self.lock_banner.setVisible(locked)
        self._fill_periods()
        self._refresh_enabled()

    def _refresh_counts(self) -> None:
        counts = self.state.counts() if self.state.register is not None else dict.fromkeys(Kind, 0)
        text = self.tr("%1 risks · %2 opportunities").replace("%1", str(counts[Kind.RISK]))
        self.count_label.setText(text.replace("%2", str(counts[Kind.OPPORTUNITY])))
        self._refresh_enabled()

    def _refresh_enabled(self) -> None:
        period = self.state.period
        has_period = period is not None
        editable = has_period and not self.state.read_only
        page = self.current_register()
        for action in (self.act_new_risk, self.act_new_opportunity):
            action.setEnabled(editable)
        self.act_save.setEnabled(editable and page is not None and page.editor.dirty)
        self.act_delete.setEnabled(editable and page is not None and page.editor.item is not None)
        self.act_history.setEnabled(page is not None and page.editor.item is not None)
        self.act_find.setEnabled(self._pages_built)
        for action in (self.act_export, self.act_export_matrix, self.act_print, self.act_copy):
            action.setEnabled(has_period)
        status = period.status.value if period else ""
        self.act_submit.setEnabled(status == "draft")
        self.act_approve.setEnabled(status == "in_review")
        self.act_reopen.setEnabled(status in ("in_review", "approved"))
        self.act_properties.setEnabled(has_period)
        self.act_new_period.setEnabled(self.state.register is not None)

    def _period_step(self, step: Any) -> None:
        assert self.state.period is not None
        try:
            step(self.state.period.year)
        except UserError as exc:
            prompts.error(self, exc.message(self.lang))
        self.state.refresh_period()

    def submit_for_review(self) -> None:
        if self._keep_all_edits():
            self._period_step(self.state.services.periods.submit_for_review)

    def approve(self) -> None:
        assert self.state.period is not None
        text = self.tr("Approve the %1 register? It becomes read-only; your name and the time are recorded.")
        if self._keep_all_edits() and prompts.confirm(
            self, self.tr("Approve"), text.replace("%1", str(self.state.period.year))
        ):
            self._period_step(self.state.services.periods.approve)

    def reopen(self) -> None:
        reason = prompts.ask_text(self, self.tr("Reopen period"), self.tr("Why is the period reopened? (recorded)"))
        if reason is not None:
            self._period_step(lambda year: self.state.services.periods.reopen(year, reason))

    def new_period(self) -> None:
        """An empty draft period (a database created empty has none)."""
        answer = prompts.ask_text(self, self.tr("New period"), self.tr("Reporting year of the new register:"))
        if answer is None:
            return
        if not answer.strip().isdigit():
            prompts.error(self, self.tr("Please enter a year such as 2025."))
            return
        year = int(answer.strip())
        title = self.tr("%1 climate-related risks and opportunities").replace("%1", str(year))
        try:
            created = self.state.services.periods.create(year, title)
        except UserError as exc:
            prompts.error(self, exc.message(self.lang))
            return
        if self._keep_all_edits():
            self.state.select_period(created.year)

    def copy_to_next_year(self) -> None:
        assert self.state.period is not None
        year = self.state.period.year
        text = self.tr("Create the %1 register as a draft copy of %2 (items, codes and open actions)?")
        if not prompts.confirm(
            self, self.tr("Copy to next year"), text.replace("%1", str(year + 1)).replace("%2", str(year))
        ):
            return
        try:
            created = self.state.services.periods.copy_to_next_year(year)
        except UserError as exc:
            prompts.error(self, exc.message(self.lang))
            return
        self.state.select_period(created.year)

    def period_properties(self) -> None:
        from carthane_tcfd.ui.dialogs.period_dialog import PeriodDialog

        period = self.state.period
        assert period is not None
        dialog = PeriodDialog(period, self.lang, self)
        if period.read_only:
            dialog.setEnabled(False)
        while dialog.exec() and dialog.result_draft is not None:
            try:
                self.state.services.periods.update(period.year, dialog.result_draft, period.version)
            except ValidationFailed as exc:
                dialog.show_problems(exc.problems)
                continue
            except UserError as exc:
                prompts.error(self, exc.message(self.lang))
            break
        self.state.refresh_period()
        self.state.reload_items()

    # ---- files --------------------------------------------------------------------------------
    def _ask_path(self, title: str, name: str, filters: str) -> str | None:
        folder = self.settings.get(LAST_EXPORT_DIR) or str(Path.home())
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), filters)
        if path:
            self.settings.set(LAST_EXPORT_DIR, str(Path(path).parent))
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

        def work() -> Path:
            from carthane_tcfd.reports.boardpack import write_board_pack

            return write_board_pack(services.periods.snapshot(year), Path(path), lang)

        return run_in_background(self, self.tr("Writing the board pack…"), work, self._exported, self._failed)

    def _exported(self, path: Path) -> None:
        self.statusBar().showMessage(self.tr("Board pack written to %1").replace("%1", str(path)), 15000)
        if prompts.confirm(
            self,
            self.tr("Board pack ready"),
            self.tr("The board pack was written to\n%1\n\nOpen its folder?").replace("%1", str(path)),
        ):
            QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path.parent)))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            prompts.error(self, exc.message(self.lang))
        else:
            from carthane_tcfd.logs import log, log_file

            log.error("export failed", exc_info=exc)
            prompts.error(
                self, self.tr("The export failed unexpectedly; details are in %1").replace("%1", str(log_file()))
            )

    def export_matrix(self, path: str | None = None) -> None:
        from carthane_tcfd.reports.matrix_export import export_matrix

        snapshot = self.state.view()
        if snapshot is None:
            return
        kind = self.matrix.current_kind()
        name = f"matrix_{kind.value}_{snapshot.period.year}.pdf"
        path = path or self._ask_path(self.tr("Export matrix"), name, self.tr("PDF (*.pdf);;PNG image (*.png)"))
        if not path:
            return
        try:
            export_matrix(
                snapshot,
                Path(path),
                view=self.matrix.current_view(),
                lang=self.lang,
                kinds=(kind,),
                flt=self.matrix.filters.current(),
            )
        except UserError as exc:
            prompts.error(self, exc.message(self.lang))
            return
        self.statusBar().showMessage(self.tr("Matrix written to %1").replace("%1", path), 15000)

    def print_matrix(self) -> Any:
        from carthane_tcfd.ui.dialogs.printing import MatrixPrintPreview

        pages = self.matrix.current_pages()
        if not pages:
            return None
        dialog = MatrixPrintPreview(self, [p.figure for p in pages])
        dialog.exec()
        return dialog

    # ---- settings and help --------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        self.settings.set(LANGUAGE, code)
        prompts.info(
            self,
            self.tr("Language"),
            self.tr("The language changes the next time the program starts. 语言设置将在下次启动时生效。"),
        )

    def set_user_name(self) -> None:
        name = prompts.ask_text(
            self, self.tr("Audit trail"), self.tr("Your name as the audit trail records it (empty: your login name):")
        )
        if name is not None:
            self.settings.set(USER_NAME, name.strip())
            if self.state.register is not None:
                from carthane_tcfd.services.context import default_user

                self.state.services.items.ctx.user = name.strip() or default_user()

    def about(self) -> None:
        from carthane_tcfd.ui.dialogs.about import about_text

        location = self.state.services.location if self.state.register else "—"
        prompts.info(self, self.tr("About"), about_text(location))
