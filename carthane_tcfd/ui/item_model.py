"""The register table model: items of one kind, sorted and filtered in Python over precomputed rows
(DESIGN.md §6: a QSortFilterProxyModel costs ~40× more at 10,000 rows)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from carthane_tcfd.domain.filtering import ItemFilter, matches, search_text
from carthane_tcfd.domain.records import ItemSnapshot
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.taxonomy import FinancialImpact, Horizon, Kind, Lang, ValueChain, labels

Index = QModelIndex | QPersistentModelIndex
BAND_RANK = {band: rank for rank, band in enumerate(Band)}

COLUMNS: tuple[tuple[str, str, str], ...] = (  # key, zh, en
    ("code", "编号", "Code"),
    ("category", "类别", "Category"),
    ("title", "名称", "Title"),
    ("horizons", "时间范围", "Horizons"),
    ("value_chain", "价值链", "Value chain"),
    ("impacts", "财务影响", "Financial impacts"),
    ("inherent", "固有评分", "Inherent"),
    ("residual", "剩余评分", "Residual"),
    ("owner", "负责部门", "Owner"),
    ("open", "未完成措施", "Open actions"),
)
INHERENT_COL = 6
RESIDUAL_COL = 7


@dataclass(frozen=True)
class _Row:
    item: ItemSnapshot
    texts: tuple[str, ...]
    keys: tuple[Any, ...]
    haystack: str


def _score_text(score: int | None, band: Band | None, illustrative: bool, lang: Lang) -> str:
    if score is None or band is None:
        return "—"
    return f"{score} {band.label(lang)}{'*' if illustrative else ''}"


def _score_key(score: int | None, band: Band | None) -> tuple[int, int]:
    return (-1, -1) if score is None or band is None else (BAND_RANK[band], score)


def _code_key(code: str) -> tuple[str, int]:
    prefix, _, number = code.partition("-")
    return (prefix, int(number) if number.isdigit() else 0)


class ItemTableModel(QAbstractTableModel):
    def __init__(self, kind: Kind, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.lang = lang
        self._rows: list[_Row] = []
        self._visible: list[int] = []
        self._filter = ItemFilter()
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    # ---- data in ------------------------------------------------------------------------------
    def set_items(self, items: list[ItemSnapshot]) -> None:
        self.beginResetModel()
        self._rows = [self._row(i) for i in items if i.kind is self.kind]
        self._apply()
        self.endResetModel()

    def _row(self, item: ItemSnapshot) -> _Row:
        lang = self.lang
        inherent = item.inherent_band
        residual = item.residual_band
        texts = (
            item.code,
            item.category.label(lang),
            item.display_title(lang),
            labels(item.horizons, Horizon, lang),
            labels(item.value_chain, ValueChain, lang),
            labels(item.financial_impacts, FinancialImpact, lang),
            _score_text(item.inherent_score, inherent, item.scores_illustrative, lang),
            _score_text(item.residual_score, residual, item.scores_illustrative, lang),
            item.owner,
            str(item.open_mitigations),
        )
        order = {h.value: n for n, h in enumerate(Horizon)}
        keys = (
            _code_key(item.code),
            texts[1],
            texts[2].lower(),
            tuple(sorted(order[h] for h in item.horizons)),
            texts[4],
            texts[5],
            _score_key(item.inherent_score, inherent),
            _score_key(item.residual_score, residual),
            item.owner.lower(),
            item.open_mitigations,
        )
        return _Row(item, texts, keys, search_text(item))

    def set_filter(self, flt: ItemFilter) -> None:
        self._filter = flt
        self._relayout()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._relayout()

    def _relayout(self) -> None:
        """Re-filter and re-sort, keeping persistent indexes (the selection) on their items."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[self._visible[i.row()]].item.id if i.row() < len(self._visible) else None for i in old]
        self._apply()
        where = {self._rows[n].item.id: row for row, n in enumerate(self._visible)}
        new = [self.index(where[i], p.column()) if i in where else QModelIndex() for i, p in zip(ids, old, strict=True)]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _apply(self) -> None:
        flt = self._filter
        if flt.is_empty:
            visible = list(range(len(self._rows)))
        else:
            visible = [n for n, r in enumerate(self._rows) if matches(r.item, flt, r.haystack)]
        column, order = self._sort
        rows = self._rows
        visible.sort(key=lambda n: rows[n].keys[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self._visible = visible

    # ---- data out -----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self._rows)

    def item_at(self, row: int) -> ItemSnapshot:
        return self._rows[self._visible[row]].item

    def visible_items(self) -> list[ItemSnapshot]:
        return [self._rows[n].item for n in self._visible]

    def row_of(self, item_id: int) -> int | None:
        for row, n in enumerate(self._visible):
            if self._rows[n].item.id == item_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            _key, zh, en = COLUMNS[section]
            return zh if self.lang == "zh" else en
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._rows[self._visible[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2:
                return row.item.description or None
            if column in (INHERENT_COL, RESIDUAL_COL) and row.item.scores_illustrative:
                return "示例评估（报告未披露评分）" if self.lang == "zh" else "Illustrative assessment"
            return None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and column in (
            INHERENT_COL,
            RESIDUAL_COL,
        ):
            band = row.item.inherent_band if column == INHERENT_COL else row.item.residual_band
            if band is None:
                return None
            colour = (
                band.colour_for(self.kind)
                if role == Qt.ItemDataRole.BackgroundRole
                else band.text_colour_for(self.kind)
            )
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, INHERENT_COL, RESIDUAL_COL, 9):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.item.id
        return None
