"""The register table model: items of one kind, sorted and filtered in Python over keys computed once
(DESIGN.md §6: a QSortFilterProxyModel costs ~40× more at 10,000 rows)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.filtering import ItemFilter, matches, search_text
from carthane_tcfd.domain.records import ItemRow
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.taxonomy import FinancialImpact, Horizon, Kind, Lang, ValueChain, code_sort_key, labels
from carthane_tcfd.ui.plain import tooltip

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


HORIZON_ORDER = {h.value: n for n, h in enumerate(Horizon)}


def _score_text(score: int | None, band: Band | None, illustrative: bool, lang: Lang) -> str:
    if score is None or band is None:
        return "—"
    return f"{score} {band.label(lang)}{'*' if illustrative else ''}"


def _score_key(score: int | None, band: Band | None) -> tuple[int, int]:
    return (-1, -1) if score is None or band is None else (BAND_RANK[band], score)


CLOSED_MARK = {"zh": "（已关闭）", "en": " (closed)"}


def _texts(item: ItemRow, lang: Lang) -> tuple[str, ...]:
    """What the row shows, column by column."""
    return (
        item.code,
        item.category.label(lang),
        item.display_title(lang) + (CLOSED_MARK[lang] if item.closed else ""),
        labels(item.horizons, Horizon, lang),
        labels(item.value_chain, ValueChain, lang),
        labels(item.financial_impacts, FinancialImpact, lang),
        _score_text(item.inherent_score, item.inherent_band, item.scores_illustrative, lang),
        _score_text(item.residual_score, item.residual_band, item.scores_illustrative, lang),
        item.owner,
        str(item.open_mitigations),
    )


ITEM_SORT_KEYS: dict[int, Callable[[ItemRow], Any]] = {  # columns sorted by a value of the item
    0: lambda item: code_sort_key(item.code),  # the register's order, as the services give the rows
    3: lambda item: tuple(sorted(HORIZON_ORDER[h] for h in item.horizons)),
    INHERENT_COL: lambda item: _score_key(item.inherent_score, item.inherent_band),
    RESIDUAL_COL: lambda item: _score_key(item.residual_score, item.residual_band),
    8: lambda item: item.owner.lower(),
    9: lambda item: item.open_mitigations,
}
TEXT_SORT_KEYS: dict[int, Callable[[str], Any]] = {1: str, 2: str.lower, 4: str, 5: str}  # by what they show


class ItemTableModel(QAbstractTableModel):
    """Rows are computed when first needed: display texts when a row is drawn, a column's sort keys
    at the first sort by it, search text at the first quick search: loading a register costs a fraction
    of computing everything up front (figures: README, Performance)."""

    def __init__(self, kind: Kind, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.lang = lang
        self._items: list[ItemRow] = []
        self._texts: list[tuple[str, ...] | None] = []
        self._keys: dict[int, list[Any]] = {}
        self._haystacks: list[str] | None = None
        self._visible: list[int] = []
        self._filter = ItemFilter()
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    # ---- data in ------------------------------------------------------------------------------
    def set_items(self, items: list[ItemRow]) -> None:
        self.beginResetModel()
        self._items = [i for i in items if i.kind is self.kind]
        self._texts = [None] * len(self._items)
        self._keys = {}
        self._haystacks = None
        self._apply()
        self.endResetModel()

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
        ids = [self._items[self._visible[i.row()]].id if i.row() < len(self._visible) else None for i in old]
        self._apply()
        where = {self._items[n].id: row for row, n in enumerate(self._visible)}
        new = [self.index(where[i], p.column()) if i in where else QModelIndex() for i, p in zip(ids, old, strict=True)]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _apply(self) -> None:
        flt, items = self._filter, self._items
        if flt.is_empty:
            visible = list(range(len(items)))
        else:
            haystacks = self._search_texts() if flt.text.strip() else None
            visible = [n for n, i in enumerate(items) if matches(i, flt, haystacks[n] if haystacks else None)]
        column, order = self._sort
        keys = self._sort_keys(column)
        visible.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._visible = visible

    def _row_texts(self, n: int) -> tuple[str, ...]:
        texts = self._texts[n]
        if texts is None:
            texts = self._texts[n] = _texts(self._items[n], self.lang)
        return texts

    def _sort_keys(self, column: int) -> list[Any]:
        keys = self._keys.get(column)
        if keys is None:
            if column in ITEM_SORT_KEYS:
                keys = list(map(ITEM_SORT_KEYS[column], self._items))
            else:
                shown = TEXT_SORT_KEYS[column]
                keys = [shown(self._row_texts(n)[column]) for n in range(len(self._items))]
            self._keys[column] = keys
        return keys

    def _search_texts(self) -> list[str]:
        if self._haystacks is None:
            self._haystacks = [search_text(item) for item in self._items]
        return self._haystacks

    # ---- data out -----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self._items)

    def item_at(self, row: int) -> ItemRow:
        return self._items[self._visible[row]]

    def visible_items(self) -> list[ItemRow]:
        return [self._items[n] for n in self._visible]

    def row_of(self, item_id: int) -> int | None:
        items = self._items
        return next((row for row, n in enumerate(self._visible) if items[n].id == item_id), None)

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
        n = self._visible[index.row()]
        item = self._items[n]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_texts(n)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2:
                return tooltip(item.description) or None
            if column in (INHERENT_COL, RESIDUAL_COL) and item.scores_illustrative:
                return "示例评估（报告未披露评分）" if self.lang == "zh" else "Illustrative assessment"
            return None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and column in (
            INHERENT_COL,
            RESIDUAL_COL,
        ):
            band = item.inherent_band if column == INHERENT_COL else item.residual_band
            if band is None:
                return None
            colour = (
                band.colour_for(self.kind)
                if role == Qt.ItemDataRole.BackgroundRole
                else band.text_colour_for(self.kind)
            )
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.ForegroundRole and item.closed:  # a closed item reads as set aside
            return QBrush(QColor(palette.CLOSED))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, INHERENT_COL, RESIDUAL_COL, 9):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None
