"""The language chosen in the application wins over the system's, for Qt's own texts too."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.conftest import make_window


def _cancel_text(parent) -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent)
    return box.button(QDialogButtonBox.StandardButton.Cancel).text()


def test_english_chosen_on_a_chinese_system_gives_english_qt_texts(qtbot, tmp_path, prompts_recorder, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    chinese = make_window(qtbot, tmp_path / "zh", "zh")
    assert _cancel_text(chinese) == "取消"
    assert QLocale().monthName(1) == "一月"
    chinese.state.register.close()

    english = make_window(qtbot, tmp_path / "en", "en")  # as after View ▸ Language ▸ English and a restart
    assert _cancel_text(english) == "Cancel"
    assert QLocale().monthName(1) == "January"
    assert english.menuBar().actions()[0].text().replace("&", "") == "File"
    english.state.register.close()


def test_the_about_box_speaks_the_window_language(zh_window, prompts_recorder):
    """Its texts are read by lupdate (they were not, and stayed English in the Chinese window)."""
    zh_window.about()
    chinese = prompts_recorder.asked[-1][1]
    assert chinese.startswith("凯众 TCFD 气候风险登记册") and "数据库:" in chinese and "随附组件及其许可证：" in chinese
