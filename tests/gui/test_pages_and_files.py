"""Models, language, the Matrix and Dashboard pages, printing, exports and periods from the GUI."""

from __future__ import annotations

import subprocess
import sys

import pytest
from openpyxl import load_workbook
from PySide6 import QtWidgets
from PySide6.QtCore import Qt

from carthane_tcfd.domain.records import AuditRecord, ItemRow
from carthane_tcfd.domain.taxonomy import Kind
from carthane_tcfd.ui.models.audit_model import AuditModel
from carthane_tcfd.ui.models.item_model import ItemTableModel
from carthane_tcfd.ui.models.mitigation_model import MitigationModel
from tests.conftest import ROOT


def test_every_table_model_passes_the_model_tester(qtmodeltester, snapshot):
    items = ItemTableModel(Kind.RISK, "en")
    items.set_items([ItemRow.of(i) for i in snapshot.items])
    qtmodeltester.check(items)
    mitigations = MitigationModel("zh")
    mitigations.set_drafts(snapshot.items[0].to_draft().mitigations)
    qtmodeltester.check(mitigations)
    import datetime as dt

    audit = AuditModel([AuditRecord(dt.datetime(2025, 1, 1), "alice", "item", "update", "owner", "", "HSE")], "en")
    qtmodeltester.check(audit)


def test_the_item_model_keeps_the_selection_on_its_item_when_sorting(snapshot, qtbot):
    from PySide6.QtCore import QPersistentModelIndex

    model = ItemTableModel(Kind.RISK, "en")
    model.set_items([ItemRow.of(i) for i in snapshot.items])
    tr03 = QPersistentModelIndex(model.index(model.row_of(next(i.id for i in snapshot.items if i.code == "TR-03")), 0))
    model.sort(6, Qt.SortOrder.DescendingOrder)
    assert model.item_at(tr03.row()).code == "TR-03"


def test_the_code_column_sorts_as_the_register_orders_codes(snapshot):
    """PR-9 before PR-10, physical before transition risks: the domain's code order (taxonomy.code_sort_key)."""
    import dataclasses

    first = snapshot.items[0]
    rows = [ItemRow.of(dataclasses.replace(first, id=n, code=code)) for n, code in enumerate(["TR-2", "PR-10", "PR-9"])]
    model = ItemTableModel(Kind.RISK, "en")
    model.set_items(rows)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.item_at(r).code for r in range(3)] == ["PR-9", "PR-10", "TR-2"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.item_at(r).code for r in range(3)] == ["TR-2", "PR-10", "PR-9"]


def test_chinese_ui_shows_chinese_labels(zh_window):
    window = zh_window
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus[:4] == ["文件(F)", "编辑(E)", "视图(V)", "年度(P)"]
    assert [window.tabs.tabText(i) for i in range(4)] == ["风险", "机遇", "矩阵", "仪表板"]
    page = window.risks
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    assert page.model.item_at(0).category.label("zh") == page.model.index(0, 1).data() == "物理风险-急性"
    page.select_item(page.model.item_at(0).id)
    assert page.editor.save_button.text() == "保存"
    assert page.editor.horizons.box("short").text() == "短期"
    assert "2024 · 草稿" in window.period_label.text()


def test_matrix_page_follows_toggles_and_filters_and_lists_a_cell(window, qtbot):
    page = window.matrix
    window.tabs.setCurrentWidget(page)
    assert page.canvas is not None and page.page is not None
    drawn = {t.get_gid()[5:] for t in page.page.grid_axes.texts if (t.get_gid() or "").startswith("code:")}
    assert drawn == {"PR-01", "PR-02", "TR-01", "TR-02", "TR-03", "TR-04"}
    page.kind_box.setCurrentIndex(1)
    drawn = {t.get_gid()[5:] for t in page.page.grid_axes.texts if (t.get_gid() or "").startswith("code:")}
    assert drawn == {"OP-01", "OP-02", "OP-03", "OP-04", "OP-05"}
    page.view_box.setCurrentIndex(2)
    assert any((t.get_gid() or "").startswith("arrow:") for t in page.page.grid_axes.texts)
    page.kind_box.setCurrentIndex(0)
    page.view_box.setCurrentIndex(0)
    page.filters.horizons.actions_by_code["short"].setChecked(True)
    drawn = {t.get_gid()[5:] for t in page.page.grid_axes.texts if (t.get_gid() or "").startswith("code:")}
    assert drawn == {"PR-01", "TR-01"}
    assert window.risks.filters.horizons.chosen() == {"short"}, "filters are shared with the register pages"
    assert window.risks.model.rowCount() == 2

    page.filters.clear()
    page.show_cell(4, 3)  # TR-03 inherent 4×3
    assert [page.cell_items.item(i).text()[:5] for i in range(page.cell_items.count())] == ["TR-03"]
    opened = []
    page.open_item.connect(opened.append)
    page.cell_items.itemDoubleClicked.emit(page.cell_items.item(0))
    assert window.tabs.currentWidget() is window.risks
    assert window.risks.editor.item.code == "TR-03"


def _cell_point(page, impact, likelihood):
    """The widget position (logical pixels, origin top left) of the centre of a matrix cell."""
    from PySide6.QtCore import QPoint

    page.canvas.draw()
    x, y = page.page.grid_axes.transData.transform((impact - 0.5, likelihood - 0.5))
    ratio = page.canvas.device_pixel_ratio
    return QPoint(round(x / ratio), round(page.canvas.height() - y / ratio))


def test_clicking_a_cell_on_the_canvas_lists_its_items(window, qtbot):
    from PySide6.QtCore import Qt

    page = window.matrix
    window.tabs.setCurrentWidget(page)
    page.kind_box.setCurrentIndex(1)  # a figure that replaced the first one still answers clicks
    page.kind_box.setCurrentIndex(0)
    qtbot.mouseClick(page.canvas, Qt.MouseButton.LeftButton, pos=_cell_point(page, 3, 3))
    texts = sorted(page.cell_items.item(i).text()[:5] for i in range(page.cell_items.count()))
    assert texts == ["TR-02"]
    assert "3" in page.cell_label.text()


def test_double_clicking_a_code_on_the_canvas_opens_the_item(window, qtbot):
    from PySide6.QtCore import Qt

    page = window.matrix
    window.tabs.setCurrentWidget(page)
    page.view_box.setCurrentIndex(1)
    page.view_box.setCurrentIndex(0)
    page.canvas.draw()
    code = next(t for t in page.page.grid_axes.texts if t.get_gid() == "code:TR-02")
    box = code.get_window_extent()
    ratio = page.canvas.device_pixel_ratio
    from PySide6.QtCore import QPoint

    point = QPoint(
        round(box.x0 / ratio + box.width / ratio / 2),
        round(page.canvas.height() - box.y0 / ratio - box.height / ratio / 2),
    )
    qtbot.mouseDClick(page.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert window.tabs.currentWidget() is window.risks
    assert window.risks.editor.item.code == "TR-02"


def test_a_new_matrix_figure_fills_the_canvas(window, qtbot):
    """Switching views puts a figure of the canvas's own size there: none of the last one's pixels stay."""
    page = window.matrix
    window.tabs.setCurrentWidget(page)
    for kind, view in ((1, 0), (1, 2), (0, 1)):
        page.kind_box.setCurrentIndex(kind)
        page.view_box.setCurrentIndex(view)
        page.canvas.draw()
        ratio = page.canvas.device_pixel_ratio
        width, height = page.page.figure.canvas.get_width_height(physical=True)
        assert page.canvas.figure is page.page.figure
        assert (width, height) == (round(page.canvas.width() * ratio), round(page.canvas.height() * ratio))


def test_print_preview_is_built_without_blocking(window, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    ran = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: ran.append(self) or 0)
    window.tabs.setCurrentWidget(window.matrix)
    dialog = window.file_actions.print_matrix()
    assert ran == [dialog]
    printer = dialog.printer()
    assert printer.pageLayout().orientation().name == "Landscape"
    assert printer.pageLayout().pageSize().id().name == "A4"


def test_printing_paints_every_page(window, tmp_path):
    from carthane_tcfd.ui.dialogs.printing import a4_landscape_printer, paint_pages

    printer = a4_landscape_printer()
    printer.setOutputFormat(printer.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "print.pdf"))
    pages = window.matrix.current_pages()
    paint_pages(printer, [p.figure for p in pages])
    from pypdf import PdfReader

    assert len(PdfReader(tmp_path / "print.pdf").pages) == len(pages)


def test_export_board_pack_runs_on_a_worker_and_writes_the_file(window, qtbot, tmp_path, prompts_recorder):
    prompts_recorder.confirm_answer = False  # do not open the folder
    target = tmp_path / "Carthane_TCFD_board_pack_2024.xlsx"
    task = window.file_actions.export_board_pack(str(target))
    with qtbot.waitSignal(task.done, timeout=60000):
        pass
    qtbot.waitUntil(lambda: "confirm" in prompts_recorder.kinds(), timeout=5000)
    assert load_workbook(target).sheetnames[3] == "Risks"


def test_export_board_pack_can_be_cancelled_and_leaves_no_file(window, qtbot, tmp_path, prompts_recorder):
    folder = tmp_path / "out"
    folder.mkdir()
    task = window.file_actions.export_board_pack(str(folder / "pack.xlsx"))
    cancel = task.dialog.findChild(QtWidgets.QPushButton)
    cancel.click()
    with qtbot.waitSignal(task.done, timeout=60000):
        pass
    assert list(folder.iterdir()) == [], "neither the pack nor a temporary file"
    assert prompts_recorder.kinds() == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_export_board_pack_failure_shows_one_message(window, qtbot, tmp_path, prompts_recorder):
    task = window.file_actions.export_board_pack(str(tmp_path / "missing" / "pack.xlsx"))
    with qtbot.waitSignal(task.done, timeout=60000):
        pass
    qtbot.waitUntil(lambda: prompts_recorder.kinds() == ["error"], timeout=5000)
    assert "folder does not exist" in prompts_recorder.asked[0][1]


def test_export_matrix_from_the_gui(window, tmp_path):
    window.file_actions.export_matrix(str(tmp_path / "m.pdf"))
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")


def test_dashboard_draws_the_charts_and_exports_png(window, tmp_path):
    window.tabs.setCurrentWidget(window.dashboard)
    figure = window.dashboard.canvas.figure
    assert len(figure.axes) == 7  # five register charts, the exposure by horizon and the scenario heat map
    heat = {t.get_gid(): t.get_text() for t in figure.axes[1].texts}
    assert heat["heat:1:1"] == "7"  # medium term × operations, as the seed register says
    window.dashboard.export_png(str(tmp_path / "d.png"))
    assert (tmp_path / "d.png").read_bytes()[:4] == b"\x89PNG"


def test_copy_to_next_year_and_switch_period(window, prompts_recorder):
    window.act_copy.trigger()
    assert window.state.period.year == 2025
    assert len(window.risks.model.visible_items()) == 6
    labels = [a.text() for a in window.period_menu.actions()]
    assert labels == ["2024 · Draft", "2025 · Draft"]
    window.period_actions.switch_period(2024)
    assert window.state.period.year == 2024


def test_period_properties_save_through_the_services(window, monkeypatch):
    from carthane_tcfd.ui.dialogs.period_dialog import PeriodDialog

    def fill(dialog):
        dialog.title.setText("2024 气候登记册（修订）")
        dialog.narratives["governance"].setPlainText("董事会每年审议一次。")
        dialog._accept()
        return 1

    monkeypatch.setattr(PeriodDialog, "exec", fill)
    window.act_properties.trigger()
    period = window.state.services.periods.get(2024)
    assert period.title == "2024 气候登记册（修订）"
    assert period.narrative.governance == "董事会每年审议一次。"


def test_start_up_imports_no_database_report_or_page_module_before_the_window():
    """What the first paint needs is the shell window; the rest is imported after it (DESIGN.md §6)."""
    later = {"sqlalchemy", "alembic", "matplotlib", "xlsxwriter", "openpyxl"}
    pages = {
        "carthane_tcfd.cli",
        "carthane_tcfd.domain.records",
        "carthane_tcfd.ui.pages.register_page",
        "carthane_tcfd.ui.widgets.item_editor",
        "carthane_tcfd.ui.pages.matrix_page",
        "carthane_tcfd.ui.pages.dashboard_page",
    }
    code = (
        "import sys, carthane_tcfd.app, carthane_tcfd.ui.launch;"
        f" print(sorted(({{m.split('.')[0] for m in sys.modules}} & {later!r}) | (set(sys.modules) & {pages!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_risks_page_imports_no_metrics_scenarios_or_signoff_module():
    """The Risks page's records and editor name those types in annotations only (README "Performance")."""
    later = ["carthane_tcfd.domain.metric_set", "carthane_tcfd.domain.scenarios", "carthane_tcfd.domain.signoff"]
    code = (
        "import sys, carthane_tcfd.ui.pages.register_page, carthane_tcfd.services.register;"
        f" print(sorted(set(sys.modules) & {set(later)!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_gui_command_starts_shows_the_window_and_quits(tmp_path, lang):
    import os

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CARTHANE_TCFD_QUIT_AFTER_MS": "1500",
        "LANG": "zh_CN.UTF-8" if lang == "zh" else "en_US.UTF-8",
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "gui.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "gui.db").exists(), "the register was opened after the window was shown"


def test_the_collector_held_off_for_the_start_is_back_once_the_register_is_on_screen(tmp_path):
    """app.main holds the garbage collector off while the application starts (README "Performance");
    run_gui turns it back on after the first page with the register is painted."""
    import os

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CARTHANE_TCFD_QUIT_AFTER_MS": "2500",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    script = (
        "import gc, sys\n"
        "from carthane_tcfd.app import main\n"
        "assert gc.isenabled()\n"
        f"code = main(['--db', {str(tmp_path / 'gui.db')!r}])\n"
        "print('collector', gc.isenabled(), code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "collector True 0" in result.stdout
    assert (tmp_path / "gui.db").exists()


def test_the_undo_stack_cleared_after_the_window_is_gone_calls_nothing_of_it(qtbot, tmp_path):
    """At exit the window goes first and the undo stack, which outlives it, is cleared after: with edits on
    it that called the deleted window (RuntimeError on quitting after any saved change)."""
    import shiboken6
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoCommand
    from PySide6.QtWidgets import QApplication

    from carthane_tcfd.ui.launch import build_window
    from carthane_tcfd.ui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = build_window(QApplication.instance(), settings)
    state = window.state
    state.undo.push(QUndoCommand("an edit"))
    shiboken6.delete(window)
    state.undo.clear()  # what the stack does as it is deleted at exit
    assert state.undo.count() == 0


def test_an_empty_database_gets_its_first_period_from_the_period_menu(qtbot, tmp_path, prompts_recorder):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from carthane_tcfd.ui.launch import build_window
    from carthane_tcfd.ui.settings import LANGUAGE, Settings

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.set(LANGUAGE, "en")
    window = build_window(QApplication.instance(), settings)
    qtbot.addWidget(window)
    assert window.database_actions.open_location(str(tmp_path / "empty.db"), seed=False)
    assert window.state.period is None and not window.act_new_risk.isEnabled()
    prompts_recorder.text_answer = "2025"
    window.act_new_period.trigger()
    assert window.state.period.year == 2025 and window.act_new_risk.isEnabled()
    window.state.register.close()


def test_period_texts_are_edited_in_both_languages_and_all_are_kept(window, monkeypatch):
    from carthane_tcfd.ui.dialogs.period_dialog import PeriodDialog

    before = window.state.services.periods.get(2024).narrative

    def fill(dialog):
        assert dialog.narratives["strategy_en"].toPlainText() == before.strategy_en
        dialog.narratives["key_messages"].setPlainText("两项高风险需关注。")
        dialog.narratives["key_messages_en"].setPlainText("Two high risks need attention.")
        dialog.narratives["decision_requested_en"].setPlainText("Approve the 2024 register.")
        dialog._accept()
        return 1

    monkeypatch.setattr(PeriodDialog, "exec", fill)
    window.act_properties.trigger()
    after = window.state.services.periods.get(2024).narrative
    assert after.key_messages == "两项高风险需关注。" and after.key_messages_en == "Two high risks need attention."
    assert after.decision_requested_en == "Approve the 2024 register."
    assert (after.governance, after.governance_en) == (before.governance, before.governance_en)


def test_the_status_bar_counts_english_texts_pending(window, qtbot):
    qtbot.wait(300)  # the count of texts without English follows the counts once the page is painted
    assert "pending" not in window.count_label.text(), "the seed has English for everything"
    services = window.state.services
    item = services.items.in_period(2024)[0]
    draft = item.to_draft()
    draft.description_en = ""
    services.items.update(item.id, draft, item.version)
    window._refresh_counts()
    qtbot.waitUntil(lambda: window.count_label.text().endswith("1 English texts pending"))
    assert window.count_label.text().startswith("6 risks · 5 opportunities")
