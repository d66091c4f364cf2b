"""A period's sign-off records as a table: step, who, OS account, when, comment, meeting, snapshot hash."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from carthane_tcfd.ui.models.audit_model import local_time
from carthane_tcfd.ui.models.listing_model import Index, ListingModel

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


class SignoffModel(ListingModel):
    HEADERS = HEADERS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
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
