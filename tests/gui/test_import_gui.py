"""File ▸ Export template… and File ▸ Import from Excel…: the preview, applying it, cancelling it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog, QPushButton

from carthane_tcfd.domain.taxonomy import Kind


def _fill(path: Path) -> None:
    """Two new risks and one action's status, as a department would fill them."""
    wb = openpyxl.load_workbook(path)
    items, actions = wb["Items"], wb["Actions"]
    heads = [c.value for c in items[1]]
    for row, title in ((13, "Heat stress at the Shanghai plant"), (14, "Water shortage in Anhui")):
        items.cell(row, heads.index("Category") + 1, "Physical risk – chronic")
        items.cell(row, heads.index("Title") + 1, title)
    actions.cell(2, [c.value for c in actions[1]].index("Status") + 1, "Completed")
    wb.save(path)


@pytest.fixture
def accept_preview(monkeypatch):
    """The preview answers 'Apply' instead of waiting for a click (nothing modal may block a test)."""
    from carthane_tcfd.ui.dialogs.import_preview import ImportPreviewDialog

    shown: list[ImportPreviewDialog] = []

    def exec_(self) -> int:
        shown.append(self)
        return QDialog.DialogCode.Accepted if self.apply_button.isEnabled() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(ImportPreviewDialog, "exec", exec_)
    return shown


def test_export_template_then_import_it_through_the_preview(window, qtbot, tmp_path, prompts_recorder, accept_preview):
    path = tmp_path / "template.xlsx"
    with qtbot.waitSignal(window.excel_actions.export_template(str(path)).done, timeout=60000):
        pass
    assert path.exists()
    _fill(path)
    risks_before = len(window.state.rows(Kind.RISK))

    task = window.excel_actions.import_from_excel(str(path))
    with qtbot.waitSignal(task.done, timeout=60000):
        pass
    [preview] = accept_preview
    assert preview.summary.text().startswith("2 new, 1 changed, 10 unchanged, 0 conflicts")
    rows = preview.model.rows
    [change] = [r for r in rows if r[0] == "changed"]
    assert change[1:3] == ("PR-01 Extreme weather events", "Action 1 · Status") and change[4] == "Completed"
    assert [r[4] for r in rows if r[0] == "new"] == ["Heat stress at the Shanghai plant", "Water shortage in Anhui"]

    qtbot.waitUntil(lambda: "info" in prompts_recorder.kinds(), timeout=60000)
    assert len(window.state.rows(Kind.RISK)) == risks_before + 2
    pr01 = next(r for r in window.state.rows(Kind.RISK) if r.code == "PR-01")
    history = window.state.services.items.history(pr01.id)
    assert any(h.field == "status" and h.source == "import from template.xlsx" for h in history)


def test_a_file_with_problems_cannot_be_applied(window, qtbot, tmp_path, accept_preview):
    path = tmp_path / "template.xlsx"
    with qtbot.waitSignal(window.excel_actions.export_template(str(path)).done, timeout=60000):
        pass
    wb = openpyxl.load_workbook(path)
    wb["Items"].cell(2, 25, 9)  # an inherent likelihood (column Y) off the 1..5 scale
    wb.save(path)
    with qtbot.waitSignal(window.excel_actions.import_from_excel(str(path)).done, timeout=60000):
        pass
    [preview] = accept_preview
    assert not preview.apply_button.isEnabled()
    assert preview.model.rows[0][0] == "problem"
    assert "row 2, column Y (Inherent likelihood): must be between 1 and 5" in preview.model.rows[0][4]


def test_the_preview_model_passes_the_model_tester(qtmodeltester, window, qtbot, tmp_path, accept_preview):
    path = tmp_path / "template.xlsx"
    with qtbot.waitSignal(window.excel_actions.export_template(str(path)).done, timeout=60000):
        pass
    _fill(path)
    with qtbot.waitSignal(window.excel_actions.import_from_excel(str(path)).done, timeout=60000):
        pass
    qtmodeltester.check(accept_preview[0].model)


def test_a_cancelled_reading_stops_with_nothing_but_the_cancel(window, qtbot):
    from carthane_tcfd.domain.errors import Cancelled
    from carthane_tcfd.ui.workers import run_in_background

    failures: list[BaseException] = []
    results: list[object] = []
    started = threading.Event()

    def work(progress) -> str:
        for done in range(10_000):
            started.set()
            progress(done, 10_000)
            time.sleep(0.001)
        return "finished"

    task = run_in_background(window, "Reading…", work, results.append, failures.append, cancel_text="Cancel")
    assert started.wait(10)
    [cancel] = task.dialog.findChildren(QPushButton)
    with qtbot.waitSignal(task.done, timeout=30000):
        cancel.click()  # as the user clicks it
    assert results == [] and [type(f) for f in failures] == [Cancelled]
