"""Starts the desktop application: the window first, the register after its first paint."""

from __future__ import annotations

import argparse
import sys


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from carthane_tcfd import APP_NAME

    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    window.setCentralWidget(QLabel("The register window arrives with the desktop application issue."))
    window.resize(1200, 800)
    window.show()
    return app.exec()
