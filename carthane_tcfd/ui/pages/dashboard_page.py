"""The Dashboard page: the register's charts, redrawn when it changes, exportable as PNG."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout

from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.ui import prompts
from carthane_tcfd.ui.app_state import AppState
from carthane_tcfd.ui.pages.figure_page import FigurePage


class DashboardPage(FigurePage):
    def __init__(self, state: AppState, parent: Any = None) -> None:
        super().__init__(state, "dashboard_canvas", parent)
        self.export_button = QPushButton(self.tr("Export as PNG…"), self)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.export_button)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(self.body, 1)
        self.export_button.clicked.connect(self.export_png)

    def redraw(self) -> None:
        from carthane_tcfd.reports.charts import dashboard_figure

        super().redraw()
        self.ensure_canvas(self.body)
        view = self.state.view()
        if view is not None:
            actions = self.state.services.items.action_counts(view.period.year, dt.date.today())
            overview = self.state.services.scenarios.overview(view.period.year)
            dashboard_figure(view, actions, self.lang, figure=self.canvas.figure, overview=overview)
            self.canvas.draw_idle()

    def export_png(self, path: str | None = None) -> None:
        if self.canvas is None:
            self.redraw()
        if path is None:
            year = self.state.period.year if self.state.period else ""
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export dashboard"), f"dashboard_{year}.png", "PNG (*.png)"
            )
            if not path:
                return
        from carthane_tcfd.reports.atomic import write_atomically

        try:
            write_atomically(Path(path), lambda temp: self.canvas.figure.savefig(temp, format="png", dpi=150))
        except UserError as exc:
            prompts.refused(self, exc, self.lang)
