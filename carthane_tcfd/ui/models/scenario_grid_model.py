"""The scenario assessment grid as a table: items as rows, scenario × horizon as columns, each cell
coloured by its level. Filtering is done in Python over precomputed keys (DESIGN.md §6).

The rows are the open risks, then the open opportunities. Opening the page reads the risks' rows (the
ones on screen; the Risks page shares them) and counts the opportunities: their rows are read when the
view first reaches one of them, or a filter needs them (README, Performance)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.filtering import ItemFilter, matches, search_text
from carthane_tcfd.domain.records import ItemRow
from carthane_tcfd.domain.scenarios import (
    Assessment,
    CellDraft,
    GridCell,
    GridKey,
    Scenario,
    ScenarioGrid,
    level_colour,
    level_text_colour,
)
from carthane_tcfd.domain.taxonomy import Horizon, Kind, Lang

Index = QModelIndex | QPersistentModelIndex
FIXED = 2  # code, title
HORIZONS = tuple(Horizon)
CHUNK = 100  # items whose cells are read at once, from the first row asked for (a screen holds about 30)
# Reads the cell summaries of some items.
CellReader = Callable[[list[int]], dict[GridKey, GridCell]]
# Saves a cell (item id, scenario id, horizon, draft, expected version) and returns what is stored now.
CellSaver = Callable[[int, int, str, CellDraft, int], Assessment | None]
# The rows of one kind (the register's grid rows: AppState.rows).
RowSource = Callable[[Kind], list[ItemRow]]
KINDS = (Kind.RISK, Kind.OPPORTUNITY)  # the order of the rows
ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)


class ScenarioGridModel(QAbstractTableModel):
    def __init__(self, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.source: RowSource = lambda _kind: []
        self._parts: dict[Kind, list[ItemRow] | None] = {}  # open items of each kind; None: not read yet
        self._counts: dict[Kind, int] = {}  # how many open items of each kind the period holds
        self.visible: list[ItemRow] | None = None  # the rows a filter lets through; None: no filter
        self.scenarios: tuple[Scenario, ...] = ()
        self.cells: dict[GridKey, GridCell] = {}
        self.matrix_size = 5
        self.read_only = False
        self.saver: CellSaver | None = None
        self.reader: CellReader | None = None
        self._read: set[int] = set()  # items whose cells are in self.cells
        self._recounting = False
        self.assessed = 0  # cells assessed in the whole period, read or not
        self._filter = ItemFilter()
        self._haystacks: dict[int, str] = {}  # quick-search text by item id, made when first filtered
        self._brushes: dict[str | None, QBrush] = {}

    # ---- loading --------------------------------------------------------------------------------
    def load(self, source: RowSource, grid: ScenarioGrid) -> None:
        """Show the grid of a period: `source` gives the rows of a kind, `grid` the scenario set and how
        many open items of each kind there are. The first kind's rows are read now, the others when
        reached."""
        self.beginResetModel()
        self._recounting = False
        self.source = source
        self._counts = {kind: grid.open_items.get(kind, 0) for kind in KINDS}
        self._parts = dict.fromkeys(KINDS)
        self.scenarios = grid.scenarios.scenarios
        self.cells = {}
        self._read = set()
        self.assessed = grid.assessed
        self.matrix_size = grid.scenarios.matrix_size
        self._haystacks = {}
        first = self._parts[KINDS[0]] = self._rows(KINDS[0])
        self._counts[KINDS[0]] = len(first)
        self._apply_filter()
        self.endResetModel()

    def _part(self, kind: Kind) -> list[ItemRow]:
        """The open items of a kind in the register's code order, read when first asked. A count that differs from the
        rows read (an item left out as damaged, or changed meanwhile) is put right after this event."""
        part = self._parts[kind]
        if part is None:
            part = self._parts[kind] = self._rows(kind)
            if len(part) != self._counts[kind] and not self._recounting:
                self._recounting = True  # the view was told another count: nothing is shown until then
                QTimer.singleShot(0, self._recount)
        return part

    def _rows(self, kind: Kind) -> list[ItemRow]:
        return [i for i in self.source(kind) if not i.closed]  # in the register's code order

    def _recount(self) -> None:
        self.beginResetModel()
        self._counts.update({kind: len(part) for kind, part in self._parts.items() if part is not None})
        self._recounting = False
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, flt: ItemFilter) -> None:
        self.beginResetModel()
        self._filter = flt
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        flt = self._filter
        if flt.is_empty:
            self.visible = None
        else:
            self.visible = [i for kind in KINDS for i in self._part(kind) if matches(i, flt, self._haystack(i))]

    def _haystack(self, item: ItemRow) -> str:
        found = self._haystacks.get(item.id)
        if found is None:
            found = self._haystacks[item.id] = search_text(item)
        return found

    # ---- addressing -----------------------------------------------------------------------------
    def item_at(self, row: int) -> ItemRow:
        if self.visible is not None:
            return self.visible[row]
        for kind in KINDS:
            count = self._counts[kind]
            if row < count:
                return self._part(kind)[row]
            row -= count
        raise IndexError(row)

    def _shown(self) -> int:
        return sum(self._counts.values()) if self.visible is None else len(self.visible)

    def address(self, index: Index) -> tuple[ItemRow, Scenario, str] | None:
        """The item, scenario and horizon of a grid cell (None for the code and title columns)."""
        if not index.isValid() or index.column() < FIXED:
            return None
        scenario, horizon = divmod(index.column() - FIXED, len(HORIZONS))
        return self.item_at(index.row()), self.scenarios[scenario], HORIZONS[horizon].value

    def key(self, index: Index) -> GridKey | None:
        found = self.address(index)
        return None if found is None else (found[0].id, found[1].id, found[2])

    def cell(self, index: Index) -> GridCell | None:
        found = self.address(index)
        return None if found is None else self._stored(index.row(), *found)

    def _stored(self, row: int, item: ItemRow, scenario: Scenario, horizon: str) -> GridCell | None:
        if item.id not in self._read:
            self._read_from(row)
        return self.cells.get((item.id, scenario.id, horizon))

    def _read_from(self, row: int) -> None:
        """Read the cells of the next CHUNK rows not read yet (the view asks for the rows on screen)."""
        ids = [self.item_at(r).id for r in range(row, min(row + CHUNK, self._shown()))]
        ids = [i for i in ids if i not in self._read]
        if self.reader is not None and ids:
            self.cells.update(self.reader(ids))
        self._read.update(ids)

    def covered(self, index: Index) -> bool:
        """Whether the cell's horizon is one of its item's (only those can be assessed)."""
        found = self.address(index)
        return found is not None and found[2] in found[0].horizons

    # ---- Qt model ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED + len(self.scenarios) * len(HORIZONS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section == 0:
            return self.tr("Code")
        if section == 1:
            return self.tr("Title")
        scenario, horizon = divmod(section - FIXED, len(HORIZONS))
        name = self.scenarios[scenario].display_name(self.lang)
        if role == Qt.ItemDataRole.DisplayRole:  # the qualifier "(about 1.5 °C)" on a line of its own: fits a column
            name = re.sub(r"\s*([（(])", r"\n\1", name, count=1)
        return f"{name}\n{HORIZONS[horizon].label(self.lang)}"

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self._recounting:
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() >= FIXED and self.covered(index) and not self.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the view asks a dozen roles per cell as it paints: the ones not answered cost nothing
        if role not in ROLES or not index.isValid() or self._recounting or not (0 <= index.row() < self._shown()):
            return None
        column = index.column()
        if column < FIXED:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                item = self.item_at(index.row())
                return item.code if column == 0 else item.display_title(self.lang)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTRE
        found = self.address(index)
        assert found is not None
        covered = found[2] in found[0].horizons
        a = self._stored(index.row(), *found)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(a) if covered else "·"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(a) if covered else self.tr("Not one of the item's time horizons")
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brush(None if a is None else level_colour(a.direction, a.level, self.matrix_size), covered)
        if a is not None:  # the foreground
            return QColor(level_text_colour(a.direction, a.level, self.matrix_size))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Save `value` (a CellDraft) through the saver; errors come out of the saver as UserError."""
        if role != Qt.ItemDataRole.EditRole or not isinstance(value, CellDraft) or self.saver is None:
            return False
        found = self.address(index)
        if found is None or not self.covered(index) or self.read_only:
            return False
        item, scenario, horizon = found
        current = self.cell(index)
        stored = self.saver(item.id, scenario.id, horizon, value, current.version if current else 0)
        self.put(None if stored is None else GridCell.of(stored), (item.id, scenario.id, horizon))
        self.dataChanged.emit(index, index)
        return True

    def put(self, stored: GridCell | None, key: GridKey) -> None:
        """A saved cell's new summary (None: the cell was cleared)."""
        had = key in self.cells
        if stored is None:
            self.cells.pop(key, None)
        else:
            self.cells[key] = stored
        self.assessed += (stored is not None) - had

    # ---- presentation -------------------------------------------------------------------------------
    def _text(self, a: GridCell | None) -> str:
        if a is None:
            return ""
        parts = [a.direction.label(self.lang) if a.direction else "", f"L{a.level}" if a.level is not None else ""]
        text = " · ".join(p for p in parts if p)
        if a.has_amounts:
            text += " ¥"
        if a.has_narrative:
            text += " ✎"
        return text

    def _tooltip(self, a: GridCell | None) -> str:
        if a is None:
            return self.tr("Not assessed: Enter to edit, 1–9 for the level")
        return self.tr("%1 (¥: amounts, ✎: narrative; Enter opens the cell)").replace("%1", self._text(a))

    def _brush(self, colour: str | None, covered: bool) -> QBrush | None:
        key = colour if covered else "uncovered"
        if key is None:
            return None
        brush = self._brushes.get(key)
        if brush is None:
            brush = self._brushes[key] = QBrush(QColor(palette.NEUTRAL_FILL if key == "uncovered" else key))
        return brush
