"""GUI fixtures: a main window on a seeded SQLite register in tmp_path, settings in an INI file there,
and every prompt replaced by a recorder that answers as the test says (nothing modal can block)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest


@dataclass
class Prompts:
    """What the window asked, and what it will be answered."""

    unsaved_answer: str = "cancel"
    confirm_answer: bool = True
    text_answer: str | None = "reason"
    text_answers: list[str | None] = field(default_factory=list)  # answered in turn before text_answer
    on_dialog: Any = None  # called with a modal dialog; its answer is the dialog's (None: cancelled)
    password_answer: str | None = None
    asked: list[tuple[str, str]] = field(default_factory=list)

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from carthane_tcfd.ui import prompts

        def unsaved(parent: Any, what: str) -> Any:
            self.asked.append(("unsaved", what))
            return prompts.Choice(self.unsaved_answer)

        def confirm(parent: Any, title: str, text: str) -> bool:
            self.asked.append(("confirm", text))
            return self.confirm_answer

        def error(parent: Any, text: str) -> None:
            self.asked.append(("error", text))

        def info(parent: Any, title: str, text: str) -> None:
            self.asked.append(("info", text))

        def ask_text(parent: Any, title: str, label: str, text: str = "") -> str | None:
            self.asked.append(("text", label))
            return self.text_answers.pop(0) if self.text_answers else self.text_answer

        def exec_dialog(dialog: Any) -> bool:
            self.asked.append(("dialog", dialog.windowTitle()))
            return bool(self.on_dialog(dialog)) if self.on_dialog else False

        def ask_password(parent: Any, title: str, label: str) -> str | None:
            self.asked.append(("password", label))
            return self.password_answer

        for name, fn in (
            ("exec_dialog", exec_dialog),
            ("unsaved_changes", unsaved),
            ("confirm", confirm),
            ("error", error),
            ("info", info),
            ("ask_text", ask_text),
            ("ask_password", ask_password),
        ):
            monkeypatch.setattr(prompts, name, fn)

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.asked]


@pytest.fixture
def prompts_recorder(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    recorder = Prompts()
    recorder.install(monkeypatch)
    return recorder


def make_window(qtbot: Any, tmp_path: Any, lang: str) -> Any:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from carthane_tcfd.ui.launch import build_window
    from carthane_tcfd.ui.settings import LANGUAGE, Settings

    tmp_path.mkdir(parents=True, exist_ok=True)
    settings = Settings(QSettings(str(tmp_path / f"settings-{lang}.ini"), QSettings.Format.IniFormat))
    settings.set(LANGUAGE, lang)
    window = build_window(QApplication.instance(), settings)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    qtbot.waitExposed(window)
    assert window.database_actions.open_location(str(tmp_path / "register.sqlite3"))
    return window


@pytest.fixture
def window(qtbot: Any, tmp_path: Any, prompts_recorder: Prompts) -> Any:
    win = make_window(qtbot, tmp_path, "en")
    yield win
    win.state.undo.clear()
    if win.state.register is not None:
        win.state.register.close()


@pytest.fixture
def zh_window(qtbot: Any, tmp_path: Any, prompts_recorder: Prompts) -> Any:
    win = make_window(qtbot, tmp_path, "zh")
    yield win
    if win.state.register is not None:
        win.state.register.close()
    from PySide6.QtWidgets import QApplication

    from carthane_tcfd.ui.launch import install_translator

    install_translator(QApplication.instance(), "en")  # the next test starts in English again


def approve_by_another_officer(window: Any, year: int) -> None:
    """Submit as the window's user and approve as another (who submits may not approve)."""
    from carthane_tcfd.domain.signoff import StepRequest
    from carthane_tcfd.services.register import open_register

    window.state.services.workflow.submit(year, StepRequest())
    other = open_register(window.state.services.url, user="approver")
    try:
        other.workflow.approve(year, StepRequest("批准"))
    finally:
        other.close()
    window.state.refresh_period()
