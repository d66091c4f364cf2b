"""A page that shows a matplotlib figure, drawn when the page is on screen and the register has changed
(matplotlib is imported on first use, not at start-up)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLayout, QWidget

from carthane_tcfd.ui.app_state import AppState


class FigurePage(QWidget):
    def __init__(self, state: AppState, canvas_name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.lang = state.lang
        self.canvas: Any = None
        self._canvas_name = canvas_name
        self._stale = True
        state.items_changed.connect(self.mark_stale)

    def mark_stale(self) -> None:
        """The register changed: draw now if the page is on screen, else when it is next shown."""
        self._stale = True
        if self.isVisible():
            self.redraw()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.redraw()

    def ensure_canvas(self, layout: QLayout) -> Any:
        """The page's figure canvas, created (and placed in `layout`) the first time it is needed."""
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            self.canvas = FigureCanvasQTAgg()
            self.canvas.setObjectName(self._canvas_name)
            layout.addWidget(self.canvas)
        return self.canvas

    def show_figure(self, figure: Any, handlers: dict[str, Callable[[Any], None]]) -> None:
        """Put `figure` on the canvas in place of the one shown. Sized to the canvas as a resize would size
        it (else the new figure keeps its own size and the old one's pixels stay where it does not paint),
        with the page's mouse handlers connected to it: matplotlib keeps them per figure, so handlers
        connected to an earlier figure never see an event again."""
        canvas = self.canvas
        canvas.figure = figure
        figure.set_canvas(canvas)
        ratio = canvas.device_pixel_ratio
        figure.set_size_inches(canvas.width() * ratio / figure.dpi, canvas.height() * ratio / figure.dpi, forward=False)
        for event, handler in handlers.items():
            canvas.mpl_connect(event, handler)
        canvas.draw_idle()

    def redraw(self) -> None:
        """Draw the figure; each page says how."""
        self._stale = False
