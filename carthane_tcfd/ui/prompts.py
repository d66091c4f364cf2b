"""The questions and messages the application puts to the user, in one place (tests replace them)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("Prompts", text)


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def unsaved_changes(parent: QWidget | None, what: str) -> Choice:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them?").replace("%1", what),
        parent=parent,
    )
    save = box.addButton(QMessageBox.StandardButton.Save)
    discard = box.addButton(QMessageBox.StandardButton.Discard)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return Choice.SAVE if clicked is save else Choice.DISCARD if clicked is discard else Choice.CANCEL


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def error(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, tr("Cannot do that"), text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None
