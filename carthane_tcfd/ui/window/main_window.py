"""The main window: menus, toolbar, status bar and the pages (Risks, Opportunities, Matrix, Dashboard,
Metrics & targets)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

# Classes needed only after the first paint (file dialogs, Qt's namespace...) are looked up through their
# module when first used: PySide6 creates each Qt class on first use, which start-up need not pay for.
from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QToolBar, QWidget

from carthane_tcfd import APP_NAME, APP_NAME_ZH
from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.domain.taxonomy import Kind
from carthane_tcfd.paths import resource
from carthane_tcfd.ui import prompts, styles
from carthane_tcfd.ui.app_state import AppState
from carthane_tcfd.ui.plain import plain
from carthane_tcfd.ui.settings import (
    LANGUAGE,
    LAST_PERIOD,
    SIGNER_NAME,
    SIGNER_ROLE,
    USER_NAME,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)
from carthane_tcfd.ui.window.after_paint import AfterPaint
from carthane_tcfd.ui.window.database_actions import DatabaseActions
from carthane_tcfd.ui.window.excel_actions import ExcelActions
from carthane_tcfd.ui.window.file_actions import FileActions
from carthane_tcfd.ui.window.period_actions import PeriodActions

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from carthane_tcfd.ui.pages.dashboard_page import DashboardPage
    from carthane_tcfd.ui.pages.matrix_page import MatrixPage
    from carthane_tcfd.ui.pages.metrics_page import MetricsPage
    from carthane_tcfd.ui.pages.register_page import RegisterPage
    from carthane_tcfd.ui.pages.scenarios_page import ScenariosPage


class OtherPages(NamedTuple):
    """The pages after the Risks page, in their tabs' order."""

    opportunities: RegisterPage
    matrix: MatrixPage
    dashboard: DashboardPage
    scenarios: ScenariosPage
    metrics: MetricsPage


class MainWindow(QMainWindow):
    """Menus, toolbar and status bar first; the pages after the first paint (`build_pages`), since their
    modules and widgets are most of the start-up cost."""

    first_paint = Signal()  # the window is on screen: the time to build the pages and load the register
    risks: RegisterPage

    def __init__(self, state: AppState, settings: Settings, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.settings = settings
        self.lang = state.lang
        self.setObjectName("main_window")
        self._painted = False
        self._pages_built = False
        self._others: OtherPages | None = None
        self._counts_text = ""
        self._damaged_shown: set[tuple[int, str]] = set()
        self.setWindowTitle(APP_NAME_ZH if self.lang == "zh" else APP_NAME)
        icon = resource("icons", "app.png")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self._fit_to_screen(1400, 860)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pages")
        self.setCentralWidget(self.tabs)

        self.db_label = QLabel(self)
        self.period_label = QLabel(self)
        self.count_label = QLabel(self)
        for label in (self.db_label, self.period_label, self.count_label):
            self.statusBar().addPermanentWidget(label)  # plain text from build_pages, before their first text
        self.lock_banner = QLabel(self)
        self.lock_banner.setStyleSheet(styles.LOCK_BANNER)
        self.lock_banner.hide()
        self.statusBar().addWidget(self.lock_banner)

        self.database_actions = DatabaseActions(self)
        self.period_actions = PeriodActions(self)
        self.file_actions = FileActions(self)
        self.excel_actions = ExcelActions(self)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._connect()
        self._restore_geometry()
        self._refresh_enabled()

    # ---- construction -------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
        """`shortcut`: a standard key, a key text such as "Ctrl+E", or a list of QKeySequence. Always set
        through setShortcuts: QAction.setShortcut's overloads create all of Qt's enums, which start-up need not
        pay for (figures: README, Performance)."""
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
        db, periods, files = self.database_actions, self.period_actions, self.file_actions
        self.act_new_db = self._action(self.tr("New database…"), db.new_database, name="new_db")
        self.act_open_db = self._action(self.tr("Open database…"), db.open_database_file, std.Open, "open_db")
        self.act_open_url = self._action(self.tr("Open shared database (URL)…"), db.open_database_url, name="open_url")
        self.act_export = self._action(self.tr("Export board pack…"), files.export_board_pack, "Ctrl+E", "export")
        self.act_export_matrix = self._action(
            self.tr("Export matrix as PDF/PNG…"), files.export_matrix, name="export_matrix"
        )
        self.act_print = self._action(self.tr("Print risk matrix…"), files.print_matrix, std.Print, "print")
        excel = self.excel_actions
        self.act_export_template = self._action(
            self.tr("Export template…"), excel.export_template, name="export_template"
        )
        self.act_import = self._action(self.tr("Import from Excel…"), excel.import_from_excel, name="import_excel")
        self.act_quit = self._action(self.tr("Quit"), self.close, std.Quit, "quit")
        self.act_undo = self._action(self.tr("Undo"), lambda: self._step_history(back=True), std.Undo, "undo")
        self.act_redo = self._action(
            self.tr("Redo"),
            lambda: self._step_history(back=False),
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
            "redo",
        )
        self.act_new_risk = self._action(self.tr("New risk"), lambda: self._new(Kind.RISK), "Ctrl+N", "new_risk")
        self.act_new_opportunity = self._action(
            self.tr("New opportunity"), lambda: self._new(Kind.OPPORTUNITY), "Ctrl+Shift+N", "new_opportunity"
        )
        self.act_save = self._action(self.tr("Save"), self.save_current, std.Save, "save")
        self.act_delete = self._action(self.tr("Delete"), self.delete_current, "Del", "delete")
        self.act_find = self._action(self.tr("Find"), self.focus_find, std.Find, "find")
        self.act_history = self._action(self.tr("History…"), self.show_history, "Ctrl+H", "history")
        self.act_user = self._action(self.tr("Your name in the audit trail…"), self.set_user_name, name="user")
        self.act_signer = self._action(self.tr("Your name and role for sign-off…"), self.set_signer, name="signer")
        self.act_new_period = self._action(self.tr("New period…"), periods.new_period, name="new_period")
        self.act_copy = self._action(self.tr("Copy to next year…"), periods.copy_to_next_year, name="copy_year")
        self.act_submit = self._action(self.tr("Submit for review…"), periods.submit_for_review, name="submit")
        self.act_approve = self._action(self.tr("Approve…"), periods.approve, name="approve")
        self.act_return = self._action(self.tr("Return for changes…"), periods.return_for_changes, name="return")
        self.act_reopen = self._action(self.tr("Reopen…"), periods.reopen, name="reopen")
        self.act_signoff = self._action(self.tr("Sign-off history…"), periods.signoff_history, name="signoff")
        self.act_compare = self._action(self.tr("Compare…"), periods.compare, name="compare")
        self.act_properties = self._action(self.tr("Properties…"), periods.properties, name="properties")
        self.act_about = self._action(self.tr("About…"), self.about, name="about")
        self.page_actions = []
        for number, name in enumerate(
            (
                self.tr("Risks"),
                self.tr("Opportunities"),
                self.tr("Matrix"),
                self.tr("Dashboard"),
                self.tr("Scenarios"),
                self.tr("Metrics && targets"),
            )
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
        file.addActions([self.act_export_template, self.act_import])
        file.addSeparator()
        file.addAction(self.act_quit)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addActions([self.act_new_risk, self.act_new_opportunity, self.act_save, self.act_delete])
        edit.addSeparator()
        edit.addActions([self.act_find, self.act_history, self.act_user, self.act_signer])
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
        period.addActions([self.act_new_period, self.act_copy])
        period.addSeparator()
        period.addActions([self.act_submit, self.act_approve, self.act_return, self.act_reopen, self.act_signoff])
        period.addSeparator()
        period.addActions([self.act_compare, self.act_properties])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)
        self.database_actions.fill_recent()

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
        # a method of the window, not a lambda: Qt drops the connection when the window goes, so the undo
        # stack, which outlives it, does not call into a deleted window as it is cleared at exit
        self.state.undo.indexChanged.connect(self._undo_moved)
        self.tabs.currentChanged.connect(self._page_shown)

    def build_pages(self) -> None:
        """The Risks page, and a tab for each of the others (once; before a database is opened). The other pages
        are built once the Risks page is painted, or when first asked for (`others`)."""
        if self._pages_built:
            return
        from carthane_tcfd.ui.pages.register_page import RegisterPage

        self.risks = RegisterPage(Kind.RISK, self.state, self.settings, self)
        self._pages_built = True
        self.tabs.addTab(self.risks, self.tr("Risks"))
        for title in self._other_titles():
            self.tabs.addTab(QWidget(), title)  # the page takes its tab's place when built
        # Qt's namespace is first touched here, after the first paint (its enums: README, Performance)
        for label in (self.db_label, self.period_label, self.count_label, self.lock_banner):
            plain(label)
        self.act_delete.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetShortcut)
        self._connect_register(self.risks)
        self._refresh_enabled()
        AfterPaint(self, self.others)

    def _other_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Opportunities"),
            self.tr("Matrix"),
            self.tr("Dashboard"),
            self.tr("Scenarios"),
            self.tr("Metrics && targets"),
        )

    def others(self) -> OtherPages:
        """The Opportunities, Matrix, Dashboard, Scenarios and Metrics & targets pages, built when first asked
        for (after the Risks page is painted at the latest): they are not needed for the first page."""
        if self._others is not None:
            return self._others
        self.build_pages()
        from carthane_tcfd.ui.pages.dashboard_page import DashboardPage
        from carthane_tcfd.ui.pages.matrix_page import MatrixPage
        from carthane_tcfd.ui.pages.metrics_page import MetricsPage
        from carthane_tcfd.ui.pages.register_page import RegisterPage
        from carthane_tcfd.ui.pages.scenarios_page import ScenariosPage

        others = self._others = OtherPages(
            RegisterPage(Kind.OPPORTUNITY, self.state, self.settings, self),
            MatrixPage(self.state, self),
            DashboardPage(self.state, self),
            ScenariosPage(self.state, self),
            MetricsPage(self.state, self),
        )
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        for index, (page, title) in enumerate(zip(others, self._other_titles(), strict=True), start=1):
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, title)
            if placeholder is not None:
                placeholder.deleteLater()
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self._connect_register(others.opportunities)
        others.matrix.filter_changed.connect(self._share_filter)
        others.matrix.open_item.connect(self.open_item)
        self._refresh_enabled()
        return others

    def _connect_register(self, register: RegisterPage) -> None:
        register.table.addAction(self.act_delete)
        register.filter_changed.connect(self._share_filter)
        register.editor.dirty_changed.connect(lambda _dirty: self._refresh_enabled())
        register.editor.loaded.connect(self._refresh_enabled)

    @property
    def opportunities(self) -> RegisterPage:
        return self.others().opportunities

    @property
    def matrix(self) -> MatrixPage:
        return self.others().matrix

    @property
    def dashboard(self) -> DashboardPage:
        return self.others().dashboard

    @property
    def scenarios(self) -> ScenariosPage:
        return self.others().scenarios

    @property
    def metrics(self) -> MetricsPage:
        return self.others().metrics

    def registers(self) -> tuple[RegisterPage, ...]:
        """The Risks and Opportunities pages, as far as they are built."""
        built = (self.risks,) if self._pages_built else ()
        return built if self._others is None else (*built, self._others.opportunities)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_paint.emit()

    # ---- window state -------------------------------------------------------------------------
    def _fit_to_screen(self, width: int, height: int) -> None:
        """The first window: `width` × `height`, or the screen's free area where that is smaller (1366×768)."""
        screen = self.screen()
        if screen is None:
            self.resize(width, height)
            return
        free = screen.availableGeometry()
        self.resize(min(width, free.width()), min(height, free.height()))
        self.move(free.left() + (free.width() - self.width()) // 2, free.top() + (free.height() - self.height()) // 2)

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
        if not self.keep_all_edits():
            event.ignore()
            return
        self.save_window_settings()
        event.accept()

    def keep_all_edits(self) -> bool:
        pages: list[RegisterPage | MetricsPage] = [*self.registers()]
        if self._others is not None:
            pages.append(self._others.metrics)
        return all(page.maybe_keep_edits() for page in pages)

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

    # ---- database and periods ----------------------------------------------------------------
    def _page_shown(self, index: int) -> None:
        if index > 0:  # a page not built yet is built before it is shown
            self.others()
        self._refresh_enabled()

    def _database_opened(self) -> None:
        self.db_label.setText(self.state.services.location)  # its periods follow with period_changed
        AfterPaint(self, self._load_services)

    def _load_services(self) -> None:
        """SQLAlchemy and the services, loaded once the first page is on screen (a SQLite file's first page is
        read without them), so that the first change made does not wait for them."""
        if self.state.register is None:
            return
        try:
            self.state.services.load()
        except UserError as exc:  # the file changed since its first page was read
            prompts.error(self, exc.message(self.lang))

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
        AfterPaint(self, self._report_damaged)
        self.period_actions.fill_menu()
        self._refresh_enabled()

    def _step_history(self, *, back: bool) -> None:
        """Undo or redo one saved change (commands are loaded when first needed: start-up)."""
        from carthane_tcfd.ui.commands import redo_step, undo_step

        (undo_step if back else redo_step)(self.state.undo)

    def _report_damaged(self) -> None:
        """Name the items of the period that a stored value keeps out of the register (once per set; after
        the page is painted: it reads every item)."""
        period = self.state.period
        if self.state.register is None:
            return
        damaged = self.state.services.grid.damaged(period.year) if period is not None else []
        found = {(d.id, d.field) for d in damaged}
        if damaged and found != self._damaged_shown:
            text = self.tr("These items hold a stored value the program cannot use; they are left out until repaired:")
            prompts.error(self, "\n".join([text, *(d.message(self.lang) for d in damaged)]))
        self._damaged_shown = found

    def _refresh_counts(self) -> None:
        """The counts now; how many texts still lack English once the page is painted (it reads every text)."""
        counts = self.state.counts() if self.state.register is not None else dict.fromkeys(Kind, 0)
        text = self.tr("%1 risks · %2 opportunities").replace("%1", str(counts[Kind.RISK]))
        self._counts_text = text.replace("%2", str(counts[Kind.OPPORTUNITY]))
        self.count_label.setText(self._counts_text)
        self._refresh_enabled()
        AfterPaint(self, self._count_english_pending)

    def _count_english_pending(self) -> None:
        pending = self.state.english_pending() if self.state.register is not None else 0
        more = " · " + self.tr("%1 English texts pending").replace("%1", str(pending)) if pending else ""
        self.count_label.setText(self._counts_text + more)

    def _undo_moved(self, _index: int) -> None:
        self._refresh_enabled()

    def _refresh_enabled(self) -> None:
        period = self.state.period
        has_period = period is not None
        editable = has_period and not self.state.read_only
        page = self.current_register()
        for action in (self.act_new_risk, self.act_new_opportunity, self.act_import):
            action.setEnabled(editable)
        self.act_save.setEnabled(editable and page is not None and page.editor.dirty)
        self.act_delete.setEnabled(editable and page is not None and page.editor.item is not None)
        self.act_history.setEnabled(page is not None and page.editor.item is not None)
        self.act_find.setEnabled(self._pages_built)
        for action in (
            self.act_export,
            self.act_export_matrix,
            self.act_print,
            self.act_copy,
            self.act_export_template,
        ):
            action.setEnabled(has_period)
        status = period.status.value if period else ""
        self.act_submit.setEnabled(status == "draft")
        self.act_approve.setEnabled(status == "in_review")
        self.act_return.setEnabled(status == "in_review")
        self.act_reopen.setEnabled(status in ("in_review", "approved"))
        self.act_signoff.setEnabled(has_period)
        self.act_compare.setEnabled(len(self.state.periods) > 1)
        self.act_undo.setEnabled(editable and self.state.undo.canUndo())  # an approved period takes no undo
        self.act_redo.setEnabled(editable and self.state.undo.canRedo())
        self.act_properties.setEnabled(has_period)
        self.act_new_period.setEnabled(self.state.register is not None)

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
                self.state.services.set_user(name)

    def set_signer(self) -> None:
        """The display name and role recorded with the sign-off steps one takes, printed on the cover."""
        title = self.tr("Sign-off")
        name = prompts.ask_text(
            self,
            title,
            self.tr("Your name as the board pack's cover prints it (empty: your name in the audit trail):"),
            self.settings.get(SIGNER_NAME),
        )
        if name is None:
            return
        role = prompts.ask_text(
            self,
            title,
            self.tr("Your role, printed beside your name (e.g. Chief Risk Officer):"),
            self.settings.get(SIGNER_ROLE),
        )
        if role is None:
            return
        if self.state.register is not None:
            try:
                self.state.services.set_signer(name, role)
            except UserError as exc:
                prompts.refused(self, exc, self.lang)
                return
        self.settings.set(SIGNER_NAME, name.strip())
        self.settings.set(SIGNER_ROLE, role.strip())

    def about(self) -> None:
        from carthane_tcfd.ui.dialogs.about import about_text

        location = self.state.services.location if self.state.register else "—"
        prompts.info(self, self.tr("About"), about_text(location, self.lang))
