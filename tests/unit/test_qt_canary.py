"""Canary for the PySide6 6.12.0 / CPython 3.11 defect (DESIGN.md §6): every void Qt call took a
reference off None until the process aborted. If this drifts, the binding in use is broken."""

from __future__ import annotations

import gc
import sys

VOID_CALLS = 5000


def test_none_refcount_is_stable_across_void_qt_calls(qapp):
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    gc.collect()
    gc.disable()  # a collection of earlier tests' garbage would free references to None meanwhile
    try:
        before = sys.getrefcount(None)
        for n in range(VOID_CALLS):
            view.setColumnWidth(n % 10, 20 + n % 7)  # returns nothing: the calls that leaked
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    assert abs(after - before) < 100, f"None's reference count moved by {after - before} over {VOID_CALLS} void calls"


def test_dependency_spec_never_allows_pyside6_612_on_python_311():
    import tomllib

    from tests.conftest import ROOT

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    spec_311 = [d for d in deps if d.startswith("PySide6") and "< '3.12'" in d]
    assert spec_311 and "<6.12" in spec_311[0].replace(" ", "")
