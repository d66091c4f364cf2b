"""Child process of the start-up benchmarks: prints `PAINTED <max RSS MB>` and exits at the first paint of
what is measured.

    python tests/bench/probe.py bare            an empty QMainWindow (the floor)
    python tests/bench/probe.py window DB       the application's main window
    python tests/bench/probe.py risks DB        the Risks page with its rows loaded
    python tests/bench/probe.py table DB        the floor of that: sqlite3 rows in a bare QTableView

The paint is seen by an event filter on the one widget measured (the main window; the Risks table's
viewport), the same in the application and in its floor. Not an application-wide filter: that one makes
PySide wrap every widget that receives an event in a Python object and build the Python type of its class
(with its enums) — a cost the application itself never pays, larger the more kinds of widget a window
has (16 % of the main window probe's instructions; README, Performance).
"""

from __future__ import annotations

import gc
import os
import resource
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget


def done() -> None:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"PAINTED {peak_mb:.1f}", flush=True)
    os._exit(0)


class Probe(QObject):
    """Watches one widget: the window's first paint, or the first paint of a table holding rows."""

    def __init__(self, table: QTableView | None = None) -> None:
        super().__init__()
        self.table = table

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and (self.table is None or self.table.model().rowCount() > 0):
            done()
        return False


class BareModel(QAbstractTableModel):
    def __init__(self, rows: list[tuple[object, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 10

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return str(self.rows[index.row()][index.column()]) if role == Qt.ItemDataRole.DisplayRole else None


def bare_table(db: str) -> QTableView:
    """The same risks' columns read with sqlite3 into a plain table view: what any launch must do."""
    import sqlite3

    query = (
        "SELECT code, category, title, horizons, value_chain, financial_impacts, likelihood * impact, "
        "residual_likelihood * residual_impact, owner, id FROM item WHERE kind = 'risk' ORDER BY code"
    )
    rows = sqlite3.connect(db).execute(query).fetchall()
    table = QTableView()
    table.setModel(BareModel(rows))
    table.resize(1400, 860)
    return table


def watch_application(mode: str, probes: list[Probe]) -> None:
    """Hooks a probe onto the widget measured as the application makes it: the main window, or the Risks
    page's table. The application's main (app.main) holds the collector off before it imports its
    window; so does this, before importing it."""
    gc.disable()
    if mode == "window":
        from carthane_tcfd.ui.window.main_window import MainWindow as watched
    else:
        from carthane_tcfd.ui.pages.register_page import RegisterPage as watched
    made = watched.__init__

    def init(self: QWidget, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)
        if mode == "window":
            probes.append(Probe())
            probes[-1].watch(self)
        elif self.table.objectName() == "table_risk":
            probes.append(Probe(self.table))
            probes[-1].watch(self.table.viewport())

    watched.__init__ = init


def main() -> None:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    if mode in ("bare", "table"):
        shown: QWidget
        if mode == "bare":
            shown = QMainWindow()
            probe = Probe()
            probe.watch(shown)
        else:
            shown = bare_table(sys.argv[2])
            probe = Probe(shown)
            probe.watch(shown.viewport())
        shown.show()
        app.exec()
        return
    probes: list[Probe] = []
    watch_application(mode, probes)
    from carthane_tcfd.app import main as app_main

    sys.exit(app_main(["--db", sys.argv[2]]))


if __name__ == "__main__":
    main()
