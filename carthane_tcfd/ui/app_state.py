"""The open register as the GUI sees it: the services, the current period, and signals when they change.
Every change goes through the services; this object only forwards and announces."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from carthane_tcfd.domain.taxonomy import Kind, Lang

if TYPE_CHECKING:
    from carthane_tcfd.domain.records import ItemDraft, ItemRow, ItemSnapshot, PeriodSnapshot, RegisterView
    from carthane_tcfd.services.register import Services


class AppState(QObject):
    opened = Signal()  # a database was opened
    period_changed = Signal()  # another period, or its status/settings changed
    items_changed = Signal()  # the items of the current period changed

    def __init__(self, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.register: Services | None = None
        self.periods: list[PeriodSnapshot] = []  # every period of the database, oldest first
        self.period: PeriodSnapshot | None = None
        self._rows: dict[Kind, list[ItemRow]] = {}  # the period's grid rows, per kind, read when first asked
        self.undo = QUndoStack(self)
        self._aliases: dict[int, int] = {}  # an item deleted and restored by undo gets a new id

    # ---- opening ------------------------------------------------------------------------------
    def open(self, location: str | None, *, seed: bool = True, user: str | None = None, rebuild: bool = False) -> None:
        """Open a database (path or URL; None: the default file) through the services."""
        from carthane_tcfd.services.register import open_register

        register = open_register(location, seed=seed, user=user, rebuild=rebuild)
        if self.register is not None:
            self.register.close()
        self.register = register
        self.undo.clear()
        self._aliases.clear()
        self.periods, self.period = [], None
        self.opened.emit()

    @property
    def services(self) -> Services:
        assert self.register is not None, "no database is open"
        return self.register

    def read_ahead(self, year: int | None) -> None:
        """Start reading the Risks page's rows of the period `select_period(year)` will choose, while the
        window builds its pages (GridService.read_ahead; README, Performance)."""
        self.services.grid.read_ahead(year, Kind.RISK)

    def select_period(self, year: int | None) -> None:
        """The period of `year`, else the latest one (None in a database without periods)."""
        self.periods = self.services.grid.periods()
        chosen = [p for p in self.periods if p.year == year] or self.periods[-1:]
        self.period = chosen[0] if chosen else None
        self.undo.clear()
        self.period_changed.emit()
        self.reload_items()

    def refresh_period(self) -> None:
        if self.period is not None:
            year = self.period.year
            self.periods = self.services.grid.periods()
            self.period = next(p for p in self.periods if p.year == year)
            self.period_changed.emit()

    def reload_items(self) -> None:
        self._rows = {}
        self.items_changed.emit()

    def rows(self, kind: Kind) -> list[ItemRow]:
        """The grid rows of one kind; read when first asked, so start-up reads only the page on screen.
        The editor reads whole items one by one."""
        if kind not in self._rows:
            self._rows[kind] = self.services.grid.rows(self.period.year, kind) if self.period else []
        return self._rows[kind]

    @property
    def items(self) -> list[ItemRow]:
        return [row for kind in Kind for row in self.rows(kind)]

    def counts(self) -> dict[Kind, int]:
        """How many risks and opportunities the period holds (without reading their rows)."""
        return self.services.grid.counts(self.period.year) if self.period else dict.fromkeys(Kind, 0)

    def english_pending(self) -> int:
        """How many Chinese texts of the period have no English yet (the English board pack marks them)."""
        return self.services.grid.english_pending(self.period.year) if self.period else 0

    def view(self) -> RegisterView | None:
        """The open period with the rows held here, for the matrix and the dashboard (no query)."""
        from carthane_tcfd.domain.records import RegisterView

        return None if self.period is None else RegisterView(self.period, tuple(self.items))

    @property
    def read_only(self) -> bool:
        return self.period is None or self.period.read_only

    # ---- item changes (used directly and by undo commands) ------------------------------------
    def resolve(self, item_id: int) -> int:
        while item_id in self._aliases:
            item_id = self._aliases[item_id]
        return item_id

    def current(self, item_id: int) -> ItemSnapshot:
        return self.services.items.get(self.resolve(item_id))

    def create(self, draft: ItemDraft, code: str | None = None, replaces: int | None = None) -> ItemSnapshot:
        assert self.period is not None
        item = self.services.items.create(self.period.year, draft, code)
        if replaces is not None:
            self._aliases[replaces] = item.id
        self._update_rows(item, saved=True)
        return item

    def save(self, item_id: int, draft: ItemDraft, expected_version: int) -> ItemSnapshot:
        item = self.services.items.update(self.resolve(item_id), draft, expected_version)
        self._update_rows(item, saved=True)
        return item

    def delete(self, item_id: int, expected_version: int) -> ItemSnapshot:
        gone = self.services.items.delete(self.resolve(item_id), expected_version)
        self._update_rows(gone, saved=False)
        return gone

    def _update_rows(self, item: ItemSnapshot, *, saved: bool) -> None:
        """A saved item's row replaces its old one (or joins the list), a deleted item's row leaves it:
        no reload of the register after each change (README, Performance). An item never changes kind."""
        from carthane_tcfd.domain.records import ItemRow

        rows = self._rows.get(item.kind)
        if rows is not None:
            kept = [r for r in rows if r.id != item.id]
            self._rows[item.kind] = [*kept, ItemRow.of(item)] if saved else kept
        self.items_changed.emit()
