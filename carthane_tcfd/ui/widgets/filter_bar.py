"""Quick search and combinable filters (category, horizon, segment, impact, band) with "clear filters"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMenu, QPushButton, QToolButton, QWidget

from carthane_tcfd.domain.filtering import ItemFilter
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.taxonomy import FinancialImpact, Horizon, Kind, Lang, ValueChain, categories_of


class FilterButton(QToolButton):
    """A drop-down of checkable choices; shows how many are chosen."""

    changed = Signal()

    def __init__(self, title: str, choices: list[tuple[str, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        self.actions_by_code: dict[str, QAction] = {}
        for code, label in choices:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.toggled.connect(self._toggled)
            self.actions_by_code[code] = action
        self.setMenu(menu)
        self._refresh()

    def chosen(self) -> frozenset[str]:
        return frozenset(code for code, a in self.actions_by_code.items() if a.isChecked())

    def set_chosen(self, codes: frozenset[str]) -> None:
        for code, action in self.actions_by_code.items():
            action.blockSignals(True)
            action.setChecked(code in codes)
            action.blockSignals(False)
        self._refresh()

    def _toggled(self, _checked: bool) -> None:
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        count = len(self.chosen())
        self.setText(f"{self.title} ({count})" if count else self.title)


class FilterBar(QWidget):
    changed = Signal(object)  # ItemFilter

    def __init__(
        self, kind: Kind | None, lang: Lang, *, with_search: bool = True, with_impacts: bool = True, parent: Any = None
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setObjectName("quick_search")
        self.search.setPlaceholderText(self.tr("Search code, title, description, actions… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setVisible(with_search)
        layout.addWidget(self.search, 2)
        kinds = [kind] if kind else list(Kind)
        categories = [(c.value, c.label(lang)) for k in kinds for c in categories_of(k)]
        self.categories = FilterButton(self.tr("Category"), categories, self)
        self.horizons = FilterButton(self.tr("Horizon"), [(h.value, h.label(lang)) for h in Horizon], self)
        self.segments = FilterButton(self.tr("Value chain"), [(v.value, v.label(lang)) for v in ValueChain], self)
        self.impacts = FilterButton(
            self.tr("Financial impact"), [(f.value, f.label(lang)) for f in FinancialImpact], self
        )
        bands = [(b.value, b.label(lang)) for b in Band] + [("", self.tr("Not assessed"))]
        self.bands = FilterButton(self.tr("Rating"), bands, self)
        self.impacts.setVisible(with_impacts)
        self.bands.setVisible(with_impacts)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("clear_filters")
        for widget in (self.categories, self.horizons, self.segments, self.impacts, self.bands):
            layout.addWidget(widget)
            widget.changed.connect(self._emit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.search.textChanged.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)
        self._refresh_clear()

    def current(self) -> ItemFilter:
        return ItemFilter(
            text=self.search.text(),
            categories=self.categories.chosen(),
            horizons=self.horizons.chosen(),
            value_chain=self.segments.chosen(),
            financial_impacts=self.impacts.chosen(),
            bands=self.bands.chosen(),
        )

    def set_shared(self, flt: ItemFilter) -> None:
        """Take over the filters another page shares (category, horizon, segment) without echoing back."""
        self.blockSignals(True)
        self.categories.set_chosen(flt.categories & frozenset(self.categories.actions_by_code))
        self.horizons.set_chosen(flt.horizons)
        self.segments.set_chosen(flt.value_chain)
        self.blockSignals(False)
        self._refresh_clear()

    def clear(self) -> None:
        self.blockSignals(True)
        self.search.clear()
        for button in (self.categories, self.horizons, self.segments, self.impacts, self.bands):
            button.set_chosen(frozenset())
        self.blockSignals(False)
        self._emit()

    def _emit(self, *_args: Any) -> None:
        self._refresh_clear()
        self.changed.emit(self.current())

    def _refresh_clear(self) -> None:
        self.clear_button.setEnabled(not self.current().is_empty)
