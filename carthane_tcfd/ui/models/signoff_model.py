"""A period's sign-off records as a table: step, who, OS account, when, comment, meeting, snapshot hash."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from carthane_tcfd.domain.signoff import SignoffRecord
from carthane_tcfd.domain.taxonomy import Lang
from carthane_tcfd.ui.models.audit_model import local_time

Index = QModelIndex | QPersistentModelIndex
HEADERS = (
    ("步骤", "Step"),
    ("人员", "Who"),
    ("系统账户", "OS account"),
    ("时间", "When"),
    ("意见", "Comment"),
    ("委员会会议", "Committee meeting"),
    ("快照 SHA-256", "Snapshot SHA-256"),
)
RELAXED_MARK = " *"  # approved under the one-person-team setting


class SignoffModel(QAbstractTableModel):
    def __init__(self, records: tuple[SignoffRecord, ...], lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.records = records

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(HEADERS):
            return HEADERS[section][0 if self.lang == "zh" else 1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.records[index.row()]
        meeting = " ".join(p for p in (r.meeting_date.isoformat() if r.meeting_date else "", r.meeting_reference) if p)
        values = (
            r.step.label(self.lang) + (RELAXED_MARK if r.relaxed else ""),
            r.who,
            r.os_account,
            local_time(r.at),
            r.comment,
            meeting,
            r.snapshot_hash or "",
        )
        return values[index.column()]
