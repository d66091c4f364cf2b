"""Someone else saved the item first: say who and when, show what differs, and let the user reload
their version or copy their own text out. The user's edits stay in the form unless they choose to reload."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from carthane_tcfd.domain.errors import ConflictError
from carthane_tcfd.domain.records import ITEM_FIELDS, ItemDraft
from carthane_tcfd.domain.taxonomy import Lang
from carthane_tcfd.ui.plain import plain

COMPARED = tuple(f for f in ITEM_FIELDS if f.edited)  # what the user edits; sets compared as sets


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "—" if value in (None, "") else str(value)


def differences(mine: ItemDraft, theirs: ItemDraft, lang: Lang) -> list[tuple[str, str, str]]:
    """(field label, my value, their value) for every field that differs, mitigations last."""
    out = []
    for f in COMPARED:
        a, b = getattr(mine, f.name), getattr(theirs, f.name)
        if not f.same(a, b):
            out.append((f.label(lang), _text(a), _text(b)))
    mine_actions = [m.description for m in mine.mitigations]
    their_actions = [m.description for m in theirs.mitigations]
    if mine_actions != their_actions or [m.status for m in mine.mitigations] != [m.status for m in theirs.mitigations]:
        label = "应对措施" if lang == "zh" else "Mitigations"
        out.append((label, "\n".join(mine_actions), "\n".join(their_actions)))
    return out


def draft_as_text(draft: ItemDraft) -> str:
    lines = [f"{f.name}: {_text(getattr(draft, f.name))}" for f in COMPARED]
    lines += [f"- {m.description} ({m.owner or '—'}, {m.due or '—'}, {m.status.value})" for m in draft.mitigations]
    return "\n".join(lines)


class ConflictDialog(QDialog):
    RELOAD = 2

    def __init__(self, error: ConflictError, mine: ItemDraft, theirs: ItemDraft, lang: Lang, parent: Any = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.resize(760, 520)
        self.mine = mine
        layout = QVBoxLayout(self)
        message = plain(QLabel(error.message(lang), self))
        message.setWordWrap(True)
        message.setStyleSheet("font-weight:bold;")
        layout.addWidget(message)
        layout.addWidget(QLabel(self.tr("What differs (yours → theirs):"), self))
        self.diff = QPlainTextEdit(self)
        self.diff.setObjectName("conflict_diff")
        self.diff.setReadOnly(True)
        rows = differences(mine, theirs, lang)
        self.diff.setPlainText("\n\n".join(f"{label}\n  ▸ {a}\n  ▹ {b}" for label, a, b in rows) or "—")
        layout.addWidget(self.diff, 1)
        layout.addWidget(QLabel(self.tr("Your edits stay in the form until you choose to reload."), self))
        buttons = QDialogButtonBox(self)
        self.reload_button = QPushButton(self.tr("Reload their version"), self)
        self.copy_button = QPushButton(self.tr("Copy my text"), self)
        self.keep_button = QPushButton(self.tr("Keep my edits"), self)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.reload_button.clicked.connect(lambda: self.done(self.RELOAD))
        self.copy_button.clicked.connect(self.copy_mine)
        self.keep_button.clicked.connect(self.reject)

    def copy_mine(self) -> None:
        QApplication.clipboard().setText(draft_as_text(self.mine))
        self.copy_button.setText(self.tr("Copied"))
