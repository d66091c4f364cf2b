"""The preview of an import as a table: problems, conflicts, new items, and each changed field old → new."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.imports import ImportPlan
from carthane_tcfd.domain.taxonomy import Lang
from carthane_tcfd.ui.models.listing_model import Index, ListingModel

COLOURS = {
    "problem": palette.BAD_FILL,
    "conflict": palette.AMBER_FILL,
    "new": palette.GOOD_FILL,
    "changed": palette.SECTION_FILL,
}
# as the audit model: words of the data in both languages, chosen by the window's language
WHAT = {
    "problem": ("问题", "Problem"),
    "conflict": ("冲突", "Conflict"),
    "new": ("新增", "New"),
    "changed": ("更改", "Changed"),
}
HEADERS = (("类型", "What"), ("条目", "Item"), ("字段", "Field"), ("原值", "Old value"), ("新值", "New value"))


def plan_rows(plan: ImportPlan, lang: Lang) -> list[tuple[str, str, str, str, str]]:
    """(what, item, field, old value, new value) per line of the preview, problems first."""
    rows: list[tuple[str, str, str, str, str]] = []
    for problem in plan.problems:
        rows.append(("problem", "", "", "", problem.message(lang)))
    for conflict in plan.conflicts:
        rows.append(("conflict", f"{conflict.code} {conflict.title}", "", "", conflict.message(lang)))
        rows.extend(("conflict", conflict.code, c.label, c.old, c.new) for c in conflict.changes)
    for new in plan.new:
        where = f"第 {new.row} 行" if lang == "zh" else f"row {new.row}"
        rows.append(("new", where, new.category, "", new.title))
    conflicting = {c.code for c in plan.conflicts}
    for item in plan.changed:
        if item.code in conflicting:
            continue  # listed with its conflict
        rows.extend(("changed", f"{item.code} {item.title}", c.label, c.old, c.new) for c in item.changes)
    return rows


class ImportPlanModel(ListingModel):
    HEADERS = HEADERS

    def __init__(self, plan: ImportPlan, lang: Lang, parent: Any = None) -> None:
        super().__init__(plan_rows(plan, lang), lang, parent)

    def set_plan(self, plan: ImportPlan) -> None:
        self.beginResetModel()
        self.rows = plan_rows(plan, self.lang)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return WHAT[row[0]][0 if self.lang == "zh" else 1]
            return row[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return QBrush(QColor(COLOURS[row[0]]))
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QBrush(QColor(palette.TEXT))
        return None
