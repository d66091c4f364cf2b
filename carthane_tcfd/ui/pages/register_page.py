"""A register page (Risks or Opportunities): filters, the table, and the editor beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from carthane_tcfd.domain.errors import ConflictError, UserError, ValidationFailed
from carthane_tcfd.domain.filtering import ItemFilter
from carthane_tcfd.domain.records import ItemDraft, ItemSnapshot
from carthane_tcfd.domain.taxonomy import Horizon, Kind
from carthane_tcfd.ui import prompts
from carthane_tcfd.ui.app_state import AppState
from carthane_tcfd.ui.commands import CreateItem, DeleteItem, SaveItem, StepCommand
from carthane_tcfd.ui.models.item_model import COLUMNS, ItemTableModel
from carthane_tcfd.ui.plain import plain
from carthane_tcfd.ui.settings import Settings
from carthane_tcfd.ui.widgets.filter_bar import FilterBar
from carthane_tcfd.ui.widgets.item_editor import ItemEditor

DEFAULT_WIDTHS = (62, 118, 170, 80, 90, 120, 76, 76, 80, 64)


class RegisterPage(QWidget):
    filter_changed = Signal(object)  # ItemFilter, shared with the matrix page
    counts_changed = Signal()

    def __init__(self, kind: Kind, state: AppState, settings: Settings, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.state = state
        self.settings = settings
        self.lang = state.lang
        self.layout_name = f"register_{kind.value}"
        self._selected_id: int | None = None
        self._restoring = False
        self._stale = False

        self.filters = FilterBar(kind, self.lang, parent=self)
        self.model = ItemTableModel(kind, self.lang, self)
        self.table = QTableView(self)
        self.table.setObjectName(f"table_{kind.value}")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column, width in enumerate(DEFAULT_WIDTHS):
            self.table.setColumnWidth(column, width)
        self._column_actions()
        self.count_label = plain(QLabel(self))
        self.editor = ItemEditor(self.lang, self)
        self.editor.setObjectName(f"editor_{kind.value}")

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([860, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        self.filters.changed.connect(self._filter)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self.editor.focus_title())
        self.editor.save_requested.connect(self.save)
        self.editor.revert_requested.connect(self.revert)
        self.editor.history_requested.connect(self.show_history)
        state.items_changed.connect(self._items_changed)
        state.period_changed.connect(self._period_changed)
        self.restore_layout()
        if state.period is not None:  # built after the register was opened (the window's later pages)
            self._period_changed()
            self._stale = True

    # ---- layout memory ------------------------------------------------------------------------
    def _column_actions(self) -> None:
        header = self.table.horizontalHeader()
        for column, (_key, zh, en) in enumerate(COLUMNS):
            action = header.addAction(zh if self.lang == "zh" else en) if column else None
            if action is None:
                continue  # the code column always shows
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda shown, c=column: self.table.setColumnHidden(c, not shown))
        self._visibility_actions = header.actions()

    def restore_layout(self) -> None:
        """The columns (widths, order, visibility) and the split between table and editor as last left."""
        state = self.settings.table_layout(self.layout_name)
        if state:
            self.table.horizontalHeader().restoreState(state)
            for offset, action in enumerate(self._visibility_actions, start=1):
                action.setChecked(not self.table.isColumnHidden(offset))
        split = self.settings.table_layout(f"{self.layout_name}_split")
        if split:
            self.splitter.restoreState(split)

    def save_layout(self) -> None:
        self.settings.set_table_layout(self.layout_name, bytes(self.table.horizontalHeader().saveState().data()))
        self.settings.set_table_layout(f"{self.layout_name}_split", bytes(self.splitter.saveState().data()))

    # ---- reacting to the register -------------------------------------------------------------
    def _period_changed(self) -> None:
        period = self.state.period
        reason = ""
        if period is not None and period.read_only:
            reason = self.tr("The %1 period is approved and read-only; reopen it (Period menu) to make changes.")
            reason = reason.replace("%1", str(period.year))
        self.editor.set_read_only(self.state.read_only, reason)
        if period is not None:
            self.editor.matrix_size = period.matrix_size
            self.editor.set_thresholds(period.impact_thresholds_cny)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _items_changed(self) -> None:
        """Rebuild the table now if it is on screen, else when it is next shown (start-up loads one page)."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        keep = self._selected_id
        self.model.set_items(self.state.rows(self.kind))
        self._update_count()
        if keep is not None and self.state.resolve(keep) != keep:
            keep = self.state.resolve(keep)
        self.select_item(keep, load=not self.editor.dirty)

    def _filter(self, flt: ItemFilter) -> None:
        self.model.set_filter(flt)
        self._update_count()
        self.filter_changed.emit(flt)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        text = self.tr("%1 of %2 shown").replace("%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(text)
        self.counts_changed.emit()

    def select_item(self, item_id: int | None, *, load: bool = True) -> None:
        row = self.model.row_of(item_id) if item_id is not None else None
        self._restoring = True
        try:
            if row is None:
                self.table.clearSelection()
                self.table.setCurrentIndex(QModelIndex())
            else:
                index = self.model.index(row, 0)
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.scrollTo(index)
        finally:
            self._restoring = False
        if not load:
            return
        if row is None:
            self._selected_id = None
            if not self.editor.creating:
                self.editor.clear()
        else:
            self._load_row(row)

    def _load_row(self, row: int) -> None:
        """The editor shows the whole item of a grid row, read as it is now."""
        try:
            item = self.state.current(self.model.item_at(row).id)
        except UserError as exc:  # deleted meanwhile by another officer
            prompts.refused(self, exc, self.lang)
            self.state.reload_items()
            return
        self._load(item)

    def _load(self, item: ItemSnapshot) -> None:
        self._selected_id = item.id
        period = self.state.period
        self.editor.load(item, period.matrix_size if period else 5)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._restoring or not current.isValid():
            return
        if self.model.item_at(current.row()).id == self._selected_id and not self.editor.creating:
            return
        if not self.maybe_keep_edits():
            self.select_item(self._selected_id, load=False)
            return
        self._load_row(current.row())

    # ---- unsaved edits ------------------------------------------------------------------------
    def maybe_keep_edits(self) -> bool:
        """Before the editor shows something else: save, discard or cancel. False means cancel."""
        if not self.editor.dirty:
            return True
        what = self.editor.heading.text()
        choice = prompts.unsaved_changes(self, what)
        if choice is prompts.Choice.CANCEL:
            return False
        if choice is prompts.Choice.SAVE:
            return self.save()
        self.revert()
        return True

    # ---- actions ------------------------------------------------------------------------------
    def new_item(self) -> None:
        if self.state.read_only or not self.maybe_keep_edits():
            return
        self.select_item(None, load=False)
        self._selected_id = None
        period = self.state.period
        self.editor.start_new(self.kind, period.matrix_size if period else 5)

    def save(self) -> bool:
        """Validate and save the editor's item; True when saved."""
        draft, problems = self.editor.draft()
        if problems:
            self.editor.show_problems(problems)
            return False
        try:
            if self.editor.creating:
                saved = self.state.create(draft)
                self.state.undo.push(StepCommand(CreateItem(self.state, saved), self._undo_failed))
            else:
                before = self.editor.item
                assert before is not None
                if not self._cells_may_go(before, draft):
                    return False
                saved = self.state.save(before.id, draft, before.version)
                self.state.undo.push(StepCommand(SaveItem(self.state, before, saved), self._undo_failed))
        except ValidationFailed as exc:
            self.editor.show_problems(exc.problems)
            return False
        except ConflictError as exc:
            self._conflict(exc, draft)
            return False
        except UserError as exc:
            prompts.refused(self, exc, self.lang)
            return False
        self.editor.show_problems([])
        self._load(saved)
        self.select_item(saved.id, load=False)
        return True

    def _cells_may_go(self, item: ItemSnapshot, draft: ItemDraft) -> bool:
        """Before a save that takes time horizons away: the filled cells of the scenario grid that go with
        them (the services remove them with the item's save), and whether the officer goes on."""
        if set(item.horizons) <= set(draft.horizons):
            return True
        dropped = self.state.services.scenarios.cells_outside(self.state.resolve(item.id), list(draft.horizons))
        if not dropped:
            return True
        labels = ("、" if self.lang == "zh" else ", ").join(h.label(self.lang) for h in Horizon if h.value in dropped)
        text = self.tr(
            "Saving removes %n filled cell(s) of the scenario grid, of the time horizons no longer chosen (%1). "
            "Undo does not bring them back.",
            "",
            sum(dropped.values()),
        )
        return prompts.confirm(self, self.tr("Remove scenario grid cells"), text.replace("%1", labels))

    def _conflict(self, error: ConflictError, mine: Any) -> None:
        from carthane_tcfd.ui.dialogs.conflict_dialog import ConflictDialog

        item = self.editor.item
        assert item is not None
        theirs = self.state.current(item.id)
        dialog = ConflictDialog(error, mine, theirs.to_draft(), self.lang, self)
        if dialog.exec() == ConflictDialog.RELOAD:
            self._load(theirs)
        else:
            self.editor.load_draft(mine)

    def revert(self) -> None:
        item = self.editor.item
        if item is not None:
            self._load(self.state.current(item.id))
        else:
            self.editor.clear()

    def delete(self) -> None:
        item = self.editor.item
        if item is None or self.state.read_only:
            return
        title = self.tr("Delete %1").replace("%1", item.code)
        text = self.tr("Delete %1 “%2” and its %3 action(s)? You can undo this with Ctrl+Z.")
        text = text.replace("%1", item.code).replace("%2", item.display_title(self.lang))
        if not prompts.confirm(self, title, text.replace("%3", str(len(item.mitigations)))):
            return
        try:
            gone = self.state.delete(item.id, item.version)
        except UserError as exc:
            prompts.refused(self, exc, self.lang)
            return
        self.state.undo.push(StepCommand(DeleteItem(self.state, gone), self._undo_failed))
        self._selected_id = None
        self.editor.clear()

    def show_history(self) -> None:
        from carthane_tcfd.ui.dialogs.history_dialog import HistoryDialog

        item = self.editor.item
        if item is None:
            return
        records = self.state.services.items.history(self.state.resolve(item.id))
        HistoryDialog(f"{item.code} {item.display_title(self.lang)}", records, self.lang, self).exec()

    def _undo_failed(self, exc: UserError) -> None:
        prompts.refused(self, exc, self.lang)
        self.state.refresh_period()  # a period approved meanwhile: the window locks and Undo is disabled
        self.state.reload_items()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()
