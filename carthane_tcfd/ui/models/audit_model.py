"""Audit entries as a table (an item's, or a period's scenario analysis): when, who, what, field, old
value, new value."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from carthane_tcfd.domain.audit_text import audit_value_text
from carthane_tcfd.domain.validation import FIELD_LABELS
from carthane_tcfd.ui.models.listing_model import Index, ListingModel
from carthane_tcfd.ui.plain import tooltip

HEADERS = (
    ("时间", "When"),
    ("用户", "Who"),
    ("对象", "What"),
    ("字段", "Field"),
    ("原值", "Old value"),
    ("新值", "New value"),
)
ACTIONS = {
    "create": ("新建", "created"),
    "update": ("修改", "changed"),
    "delete": ("删除", "deleted"),
    "move": ("移动", "moved"),
    "status": ("状态", "status"),
}
ENTITIES = {
    "item": ("条目", "Item"),
    "mitigation": ("应对措施", "Action"),
    "period": ("年度", "Period"),
    "scenario": ("情景", "Scenario"),
    "assessment": ("情景评估", "Scenario assessment"),
}


def _word(table: dict[str, tuple[str, str]], code: str, pick: int) -> str:
    return table.get(code, (code, code))[pick]


def local_time(utc: dt.datetime) -> str:
    return utc.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


class AuditModel(ListingModel):
    HEADERS = HEADERS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.rows[index.row()]
        pick = 0 if self.lang == "zh" else 1
        values = (
            local_time(r.at),
            f"{r.who} · {r.source}" if r.source else r.who,  # e.g. "alice · import from FILE.xlsx"
            " · ".join(
                part
                for part in (_word(ENTITIES, r.entity, pick), r.subject_in(self.lang), _word(ACTIONS, r.action, pick))
                if part
            ),
            FIELD_LABELS.get(r.field, (r.field, r.field))[pick] if r.field else "",
            audit_value_text(r.entity, r.field, r.old_value, self.lang),
            audit_value_text(r.entity, r.field, r.new_value, self.lang),
        )
        shown = values[index.column()]
        return tooltip(shown) if role == Qt.ItemDataRole.ToolTipRole else shown
