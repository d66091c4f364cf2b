"""The questions and messages the application puts to the user, in one place (tests replace them)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from carthane_tcfd.ui.plain import plain

if TYPE_CHECKING:
    from carthane_tcfd.domain.errors import UserError
    from carthane_tcfd.domain.taxonomy import Lang

# QtWidgets.QMessageBox and .QInputDialog are looked up when first asked: PySide6 creates each Qt class
# on first use, and the dialogs are not needed to paint the window (start-up).


def tr(text: str) -> str:
    return QCoreApplication.translate("Prompts", text)


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def unsaved_changes(parent: QWidget | None, what: str) -> Choice:
    box = message_box(
        parent,
        QtWidgets.QMessageBox.Icon.Warning,
        tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them?").replace("%1", what),
    )
    buttons = QtWidgets.QMessageBox.StandardButton
    save = box.addButton(buttons.Save)
    discard = box.addButton(buttons.Discard)
    box.addButton(buttons.Cancel)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return Choice.SAVE if clicked is save else Choice.DISCARD if clicked is discard else Choice.CANCEL


def message_box(
    parent: QWidget | None, icon: QtWidgets.QMessageBox.Icon, title: str, text: str
) -> QtWidgets.QMessageBox:
    """A message box that shows `text` (which may quote user data) literally."""
    return plain(QtWidgets.QMessageBox(icon, title, text, parent=parent))


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    buttons = QtWidgets.QMessageBox.StandardButton
    box = message_box(parent, QtWidgets.QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(buttons.Yes | buttons.No)
    box.setDefaultButton(buttons.No)
    return box.exec() == buttons.Yes


def error(parent: QWidget | None, text: str) -> None:
    message_box(parent, QtWidgets.QMessageBox.Icon.Warning, tr("Cannot do that"), text).exec()


def refused(parent: QWidget | None, exc: UserError, lang: Lang) -> None:
    """Tell the user why an action was refused, in their language; the log keeps both languages."""
    from carthane_tcfd.logs import log_refusal

    log_refusal(type(parent).__name__ if parent is not None else "-", exc.zh, exc.en)
    error(parent, exc.message(lang))


def info(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QtWidgets.QMessageBox.Icon.Information, title, text).exec()


def exec_dialog(dialog: QtWidgets.QDialog) -> bool:
    """Show a modal dialog; True when it was accepted."""
    return dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A line of text, starting from `text`; None when cancelled."""
    given, ok = QtWidgets.QInputDialog.getText(parent, title, label, text=text)
    return given if ok else None


def ask_password(parent: QWidget | None, title: str, label: str) -> str | None:
    text, ok = QtWidgets.QInputDialog.getText(parent, title, label, QtWidgets.QLineEdit.EchoMode.Password)
    return text if ok else None
