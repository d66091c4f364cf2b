"""The questions and messages the application puts to the user, in one place (tests replace them)."""

from __future__ import annotations

from enum import Enum

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

# QtWidgets.QMessageBox and .QInputDialog are looked up when first asked: PySide6 creates each Qt class
# on first use, and the dialogs are not needed to paint the window (start-up).


def tr(text: str) -> str:
    return QCoreApplication.translate("Prompts", text)


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def unsaved_changes(parent: QWidget | None, what: str) -> Choice:
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Warning,
        tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them?").replace("%1", what),
        parent=parent,
    )
    buttons = QtWidgets.QMessageBox.StandardButton
    save = box.addButton(buttons.Save)
    discard = box.addButton(buttons.Discard)
    box.addButton(buttons.Cancel)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return Choice.SAVE if clicked is save else Choice.DISCARD if clicked is discard else Choice.CANCEL


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    buttons = QtWidgets.QMessageBox.StandardButton
    answer = QtWidgets.QMessageBox.question(
        parent,
        title,
        text,
        buttons.Yes | buttons.No,
        buttons.No,
    )
    return answer == buttons.Yes


def error(parent: QWidget | None, text: str) -> None:
    QtWidgets.QMessageBox.warning(parent, tr("Cannot do that"), text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    QtWidgets.QMessageBox.information(parent, title, text)


def exec_dialog(dialog: QtWidgets.QDialog) -> bool:
    """Show a modal dialog; True when it was accepted."""
    return dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    text, ok = QtWidgets.QInputDialog.getText(parent, title, label)
    return text if ok else None
