"""The Matrix page: the matrix figure embedded, view and kind toggles, filters shared with the register
pages; hover shows a title, a click lists the items of a cell, a double-click opens one in the editor."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from carthane_tcfd.domain.filtering import ItemFilter
from carthane_tcfd.domain.records import AnyItem
from carthane_tcfd.domain.taxonomy import Kind
from carthane_tcfd.ui.app_state import AppState
from carthane_tcfd.ui.pages.figure_page import FigurePage
from carthane_tcfd.ui.plain import plain, tooltip
from carthane_tcfd.ui.widgets.filter_bar import FilterBar


class MatrixPage(FigurePage):
    open_item = Signal(int)  # item id
    filter_changed = Signal(object)

    def __init__(self, state: AppState, parent: Any = None) -> None:
        super().__init__(state, "matrix_canvas", parent)
        from carthane_tcfd.reports.matrix_model import MatrixView

        self.view_box = QComboBox(self)
        self.view_box.setObjectName("matrix_view")
        for view, text in (
            (MatrixView.INHERENT, self.tr("Inherent")),
            (MatrixView.RESIDUAL, self.tr("Residual")),
            (MatrixView.COMBINED, self.tr("Inherent → residual")),
        ):
            self.view_box.addItem(text, view)
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("matrix_kind")
        self.kind_box.addItem(self.tr("Risks"), Kind.RISK)
        self.kind_box.addItem(self.tr("Opportunities"), Kind.OPPORTUNITY)
        self.filters = FilterBar(None, self.lang, with_search=False, with_impacts=False, parent=self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("View:"), self))
        top.addWidget(self.view_box)
        top.addWidget(self.kind_box)
        top.addWidget(self.filters, 1)

        self.canvas_holder = QWidget(self)
        self.canvas_layout = QVBoxLayout(self.canvas_holder)
        self.canvas_layout.setContentsMargins(0, 0, 0, 0)
        self.cell_label = plain(QLabel(self.tr("Click a cell to list its items."), self))
        self.cell_label.setWordWrap(True)
        self.cell_items = QListWidget(self)
        self.cell_items.setObjectName("cell_items")
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.cell_label)
        side_layout.addWidget(self.cell_items, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.canvas_holder)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1100, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.page: Any = None
        self.view_box.currentIndexChanged.connect(self.redraw)
        self.kind_box.currentIndexChanged.connect(self.redraw)
        self.filters.changed.connect(self._filters_changed)
        self.cell_items.itemDoubleClicked.connect(self._open)

    # ---- drawing ------------------------------------------------------------------------------
    def _ensure_canvas(self) -> Any:
        if self.canvas is None:
            canvas = self.ensure_canvas(self.canvas_layout)
            canvas.setMinimumSize(640, 450)
        return self.canvas

    def current_kind(self) -> Kind:
        return Kind(self.kind_box.currentData())  # Qt hands enum data back as plain str

    def current_view(self) -> Any:
        from carthane_tcfd.reports.matrix_model import MatrixView

        return MatrixView(self.view_box.currentData())

    def current_pages(self) -> list[Any]:
        from carthane_tcfd.reports.matrix_figure import matrix_pages

        snapshot = self.state.view()
        if snapshot is None:
            return []
        return matrix_pages(snapshot, self.current_kind(), self.current_view(), self.lang, flt=self.filters.current())

    def redraw(self) -> None:
        super().redraw()
        self._ensure_canvas()
        pages = self.current_pages()
        if not pages:
            return
        self.page = pages[0]
        self.show_figure(self.page.figure, {"motion_notify_event": self._hover, "button_press_event": self._click})
        self.cell_items.clear()

    # ---- interaction --------------------------------------------------------------------------
    def _cell_at(self, event: Any) -> tuple[int, int] | None:
        if self.page is None or event.inaxes is not self.page.grid_axes or event.xdata is None:
            return None
        impact, likelihood = int(event.xdata) + 1, int(event.ydata) + 1
        size = self.page.grid.size
        return (likelihood, impact) if 1 <= likelihood <= size and 1 <= impact <= size else None

    def item_under(self, event: Any) -> AnyItem | None:
        if self.page is None or self.page.grid_axes is None:
            return None
        for text in self.page.grid_axes.texts:
            gid = text.get_gid() or ""
            if gid.startswith("code:") and text.contains(event)[0]:
                code = gid[5:]
                return next((i for i in self.page.grid.placed if i.code == code), None)
        return None

    def _hover(self, event: Any) -> None:
        item = self.item_under(event)
        if item is None:
            QToolTip.hideText()
            return
        QToolTip.showText(
            QCursor.pos() + QPoint(12, 12), tooltip(f"{item.code} {item.display_title(self.lang)}"), self.canvas
        )

    def _click(self, event: Any) -> None:
        cell = self._cell_at(event)
        if cell is not None:
            self.show_cell(*cell)
            if getattr(event, "dblclick", False):
                item = self.item_under(event)
                if item is not None:
                    self.open_item.emit(item.id)

    def show_cell(self, likelihood: int, impact: int) -> None:
        items = self.page.grid.cells[(likelihood, impact)]
        text = self.tr("Likelihood %1 × impact %2: %3 item(s)")
        self.cell_label.setText(
            text.replace("%1", str(likelihood)).replace("%2", str(impact)).replace("%3", str(len(items)))
        )
        self.cell_items.clear()
        for item in items:
            entry = QListWidgetItem(f"{item.code}  {item.display_title(self.lang)}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.cell_items.addItem(entry)

    def _open(self, entry: QListWidgetItem) -> None:
        self.open_item.emit(entry.data(Qt.ItemDataRole.UserRole))

    def _filters_changed(self, flt: ItemFilter) -> None:
        self.redraw()
        self.filter_changed.emit(flt)

    def share_filter(self, flt: ItemFilter) -> None:
        self.filters.set_shared(flt)
        self.mark_stale()
