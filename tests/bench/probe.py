"""Child process of the start-up benchmarks: prints `PAINTED <max RSS MB>` and exits at the first paint of
what is measured.

    python tests/bench/probe.py bare            an empty QMainWindow (the floor)
    python tests/bench/probe.py window DB       the application's main window
    python tests/bench/probe.py risks DB        the Risks page with its rows loaded
    python tests/bench/probe.py table DB        the floor of that: sqlite3 rows in a bare QTableView
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


def done() -> None:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"PAINTED {peak_mb:.1f}", flush=True)
    os._exit(0)


class Probe(QObject):
    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        if self.mode in ("bare", "window") and obj.objectName() == "main_window":
            done()
        if self.mode in ("risks", "table") and obj.objectName() == "qt_scrollarea_viewport":
            table = obj.parent()
            if table is not None and table.objectName() == "table_risk" and table.model().rowCount() > 0:
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
    table.setObjectName("table_risk")
    table.setModel(BareModel(rows))
    table.resize(1400, 860)
    return table


def main() -> None:
    mode = sys.argv[1]
    app = QApplication(sys.argv[:1])
    probe = Probe(mode)
    app.installEventFilter(probe)
    if mode == "bare":
        window = QMainWindow()
        window.setObjectName("main_window")
        window.show()
        app.exec()
        return
    if mode == "table":
        table = bare_table(sys.argv[2])
        table.show()
        app.exec()
        return
    from carthane_tcfd.app import main as app_main

    sys.exit(app_main(["--db", sys.argv[2]]))


if __name__ == "__main__":
    main()
