"""Canary for the PySide6 6.12.0 / CPython 3.11 defect (DESIGN.md §6): every void Qt call took a
reference off None until the process aborted. If this drifts, the binding in use is broken."""

from __future__ import annotations

import sys


def test_none_refcount_is_stable_across_void_qt_calls(qapp):
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    table = QTableWidget(50, 10)
    before = sys.getrefcount(None)
    for row in range(50):
        for col in range(10):
            table.setItem(row, col, QTableWidgetItem(f"{row},{col}"))
            table.setRowHeight(row, 20)
    table.clearContents()
    after = sys.getrefcount(None)
    assert abs(after - before) < 50, f"None lost {before - after} references across 1,000 void Qt calls"


def test_dependency_spec_never_allows_pyside6_612_on_python_311():
    import tomllib

    from tests.conftest import ROOT

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    spec_311 = [d for d in deps if d.startswith("PySide6") and "< '3.12'" in d]
    assert spec_311 and "<6.12" in spec_311[0].replace(" ", "")
