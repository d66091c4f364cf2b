"""Starts the desktop application: the window first, the register after its first paint."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from carthane_tcfd import APP_NAME
from carthane_tcfd.domain.taxonomy import Lang
from carthane_tcfd.paths import resource
from carthane_tcfd.ui import prompts
from carthane_tcfd.ui.app_state import AppState
from carthane_tcfd.ui.fonts import register_cjk_font
from carthane_tcfd.ui.settings import Settings
from carthane_tcfd.ui.window.after_paint import AfterPaint
from carthane_tcfd.ui.window.main_window import MainWindow

QUIT_AFTER_ENV = "CARTHANE_TCFD_QUIT_AFTER_MS"  # smoke tests: quit on their own after showing the window
_installed: list[QTranslator] = []  # the translators install_translator made, removed at its next call


def install_translator(app: QApplication, lang: Lang) -> QTranslator | None:
    """The chosen language for our strings and for Qt's own (dialog buttons, calendars, print preview),
    whatever the system's language is: translators of an earlier choice are removed first, and Qt's
    default locale (month and day names, date formats) follows the choice."""
    while _installed:  # not app.findChildren: its first call costs start-up (README, Performance)
        old = _installed.pop()
        app.removeTranslator(old)
        old.deleteLater()
    if lang != "zh":
        QLocale.setDefault(QLocale("en_US"))
        return None
    QLocale.setDefault(QLocale("zh_CN"))
    qt_own, translator = QTranslator(app), QTranslator(app)
    _installed.extend((qt_own, translator))
    if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    if translator.load(str(resource("translations", "carthane_tcfd_zh_CN.qm"))):
        app.installTranslator(translator)
        return translator
    return None


def _report_unexpected(window: MainWindow) -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        from carthane_tcfd.logs import log, log_file, setup_logging

        setup_logging()
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, value, tb)))
        prompts.error(
            window,
            window.tr("Something went wrong; your saved data is safe. The details were written to %1").replace(
                "%1", str(log_file())
            ),
        )

    sys.excepthook = hook


def _return_focus(app: QApplication) -> None:
    """Focus goes back where it was after every dialog; set up after the first paint (its Qt classes and
    namespace cost start-up: README, Performance), before any dialog can open."""
    from carthane_tcfd.ui.focus_return import FocusReturn

    FocusReturn.install(app)


def build_window(app: QApplication, settings: Settings) -> MainWindow:
    lang = settings.language()
    install_translator(app, lang)
    font_warning = register_cjk_font(app)
    window = MainWindow(AppState(lang), settings)
    window.first_paint.connect(lambda: _return_focus(app))
    if font_warning:
        window.statusBar().showMessage(font_warning, 30000)
    return window


def run_gui(args: argparse.Namespace) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Carthane")
    settings = Settings()
    window = build_window(app, settings)
    _report_unexpected(window)
    location = args.db or os.environ.get("CARTHANE_TCFD_DB") or settings.remembered_database()

    def open_register() -> None:
        try:
            window.database_actions.open_location(location, seed=not args.empty)
        finally:  # the collector, held off for the start (app.main), returns once the first page is painted
            AfterPaint(window, gc.enable)

    window.first_paint.connect(lambda: QTimer.singleShot(0, open_register))
    window.show()
    quit_after = os.environ.get(QUIT_AFTER_ENV)
    if quit_after:
        QTimer.singleShot(int(quit_after), window.close)
    return app.exec()
