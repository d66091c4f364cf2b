"""The Metrics & targets page: the period's inventory as an editable table grouped by scope and category
(computed totals, shares and intensities recomputed as the officer types, last period's figures and the
change), the basis, the officer's own metrics, the cross-industry metrics, the targets with their
progress, and the charts. Saved whole through the metrics service; read-only in an approved period."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carthane_tcfd.domain.errors import UserError, ValidationFailed
from carthane_tcfd.domain.ghg import TargetMetric
from carthane_tcfd.domain.inventory import CustomMetric, Inventory
from carthane_tcfd.domain.metric_rows import metric_rows
from carthane_tcfd.domain.metric_set import MetricSet, MetricsView
from carthane_tcfd.domain.targets import CrossIndustryMetric, Target, target_actual
from carthane_tcfd.domain.taxonomy import Lang
from carthane_tcfd.ui import prompts, styles
from carthane_tcfd.ui.app_state import AppState
from carthane_tcfd.ui.models.metric_columns import (
    Entry,
    cross_industry_columns,
    custom_columns,
    inventory_columns,
    target_columns,
)
from carthane_tcfd.ui.models.record_model import RecordModel
from carthane_tcfd.ui.widgets.basis_form import BasisForm
from carthane_tcfd.ui.widgets.choice_delegate import ChoiceDelegate

NEW_TARGET = ("新目标", "New target")
INVENTORY_WIDTHS = (300, 90, 100, 80, 100, 70, 100, 170, 260)  # pixels, per column of the inventory table
NEW_METRIC = ("新指标", "New metric")


def entries(view: MetricsView, lang: Lang) -> list[Entry]:
    """The inventory's rows with a title row before each group."""
    out: list[Entry] = []
    group: object = "start"
    for row in metric_rows(view):
        if row.group != group:
            group = row.group
            title = row.group.label(lang) if row.group else ("其他指标" if lang == "zh" else "Further metrics")
            out.append(Entry(title=title))
        out.append(Entry(row=row))
    return out


class MetricsPage(QWidget):
    def __init__(self, state: AppState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        self.lang: Lang = state.lang
        self.saved: MetricsView | None = None  # as read from the database
        self.view: MetricsView | None = None  # with the officer's edits
        self._stale = True
        self.canvas: Any = None
        self._chart_stale = True
        self._list_buttons: list[QPushButton] = []
        self._build()
        state.period_changed.connect(self.mark_stale)

    # ---- construction ----------------------------------------------------------------------------
    def _table(self, model: RecordModel[Any], name: str) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.setItemDelegate(ChoiceDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(24)
        table.horizontalHeader().setStretchLastSection(True)
        model.refused.connect(self._refused)
        return table

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.notice = QLabel(self)
        self.notice.setObjectName("metrics_notice")
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save metrics"), self)
        self.revert_button = QPushButton(self.tr("Discard changes"), self)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.revert_button)
        top.addWidget(self.save_button)

        self.inventory_model: RecordModel[Entry] = RecordModel([], self.lang, self)
        self.inventory_model.bold = lambda e: e.row is not None and e.row.computed
        self.inventory_model.section = lambda e: e.row is None
        self.inventory_table = self._table(self.inventory_model, "inventory_table")
        self.custom_model: RecordModel[CustomMetric] = RecordModel(custom_columns(self.lang), self.lang, self)
        self.cross_model: RecordModel[CrossIndustryMetric] = RecordModel(
            cross_industry_columns(self.lang), self.lang, self
        )
        self.target_model: RecordModel[Target] = RecordModel(
            target_columns(self.lang, lambda: self.view), self.lang, self
        )
        self.basis_form = BasisForm(self.lang, self)

        self.side = QTabWidget(self)
        self.side.setObjectName("metrics_tabs")
        basis = QScrollArea(self)  # the basis's texts in both languages are taller than a small screen
        basis.setWidgetResizable(True)
        basis.setWidget(self.basis_form)
        self.side.addTab(basis, self.tr("Basis"))
        self.side.addTab(self._list_tab(self.custom_model, "custom_table", self.add_custom), self.tr("Further metrics"))
        self.side.addTab(self._table(self.cross_model, "cross_table"), self.tr("Cross-industry metrics"))
        self.side.addTab(self._list_tab(self.target_model, "target_table", self.add_target), self.tr("Targets"))
        self.chart_tab = QWidget(self)
        self.chart_layout = QVBoxLayout(self.chart_tab)
        self.side.addTab(self.chart_tab, self.tr("Charts"))
        self.side.currentChanged.connect(lambda _n: self._draw_if_shown())

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.inventory_table)
        splitter.addWidget(self.side)
        splitter.setSizes([1000, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)

        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.inventory_model.edited.connect(self._inventory_edited)
        for model in (self.custom_model, self.cross_model, self.target_model):
            model.edited.connect(lambda _row: self._lists_edited())
        self.basis_form.edited.connect(self._lists_edited)

    def _list_tab(self, model: RecordModel[Any], name: str, add: Any) -> QWidget:
        tab = QWidget(self)
        table = self._table(model, name)
        add_button = QPushButton(self.tr("Add"), tab)
        remove_button = QPushButton(self.tr("Remove"), tab)
        add_button.setObjectName(f"{name}_add")
        remove_button.setObjectName(f"{name}_remove")
        add_button.clicked.connect(add)

        def remove() -> None:
            rows = sorted({i.row() for i in table.selectionModel().selectedRows()}, reverse=True)
            for row in rows:
                model.remove(row)
            if rows:
                self._lists_edited()

        remove_button.clicked.connect(remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add_button)
        buttons.addWidget(remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(table, 1)
        self._list_buttons += [add_button, remove_button]
        return tab

    # ---- loading -----------------------------------------------------------------------------------
    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.load()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def load(self) -> None:
        """Read the period's metrics (edits not yet saved are asked about by the window first)."""
        self._stale = False
        period = self.state.period
        if period is None or self.state.register is None:
            self.saved = self.view = None
            self.inventory_model.set_records([])
            self.title.setText(self.tr("No period"))
            return
        try:
            self.saved = self.state.services.metrics.view(period.year)
        except UserError as exc:
            prompts.refused(self, exc, self.lang)
            return
        self._show(self.saved, reset=True)

    def _show(self, view: MetricsView, *, reset: bool) -> None:
        self.view = view
        self.inventory_model.columns = inventory_columns(self.lang, view)
        if reset:
            self.inventory_model.set_records(entries(view, self.lang))
            header = self.inventory_table.horizontalHeader()
            for column, width in enumerate(INVENTORY_WIDTHS):
                header.resizeSection(column, width)
            self.custom_model.set_records(view.current.inventory.custom)
            self.cross_model.set_records(view.current.cross_industry)
            self.target_model.set_records(view.current.targets)
            self.basis_form.set_basis(view.current.inventory.basis)
        else:
            self.inventory_model.update_records(entries(view, self.lang))
            self.target_model.update_records(view.current.targets)
        read_only = view.read_only
        for model in (self.inventory_model, self.custom_model, self.cross_model, self.target_model):
            model.read_only = read_only
        self.basis_form.set_read_only(read_only)
        for button in self._list_buttons:
            button.setEnabled(not read_only)
        self._refresh_header()
        self._draw_if_shown(stale=True)

    def _refresh_header(self) -> None:
        view = self.view
        if view is None:
            return
        text = self.tr("Metrics and targets %1").replace("%1", str(view.year))
        if view.previous_year:
            text += " · " + self.tr("compared with %1").replace("%1", str(view.previous_year))
        if view.read_only:
            text += " · " + self.tr("approved: read-only")
        elif self.dirty:
            text += " · " + self.tr("unsaved changes")
        self.title.setText(text)
        self.save_button.setEnabled(self.dirty and not view.read_only)
        self.revert_button.setEnabled(self.dirty)
        self.notice.setStyleSheet(styles.NOTICE)
        self.notice.setText("\n".join("⚠ " + n.message(self.lang) for n in view.notices))

    # ---- editing -------------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.saved is not None and self.view is not None and self.view.current != self.saved.current

    def _current_set(self) -> MetricSet:
        assert self.view is not None
        lines = [e.line for e in self.inventory_model.records if e.line is not None]
        inventory = Inventory.of(lines, self.basis_form.basis(), tuple(self.custom_model.records))
        return MetricSet(inventory, tuple(self.cross_model.records), tuple(self.target_model.records))

    def _recompute(self) -> None:
        assert self.view is not None
        self._show(dataclasses.replace(self.view, current=self._current_set()), reset=False)

    def _inventory_edited(self, _row: int) -> None:
        self._recompute()

    def _lists_edited(self) -> None:
        if self.view is not None:
            self._recompute()
            self.inventory_model.set_records(entries(self.view, self.lang))  # custom metrics may add rows

    def _refused(self, message: str) -> None:
        self.notice.setStyleSheet(styles.ERROR)
        self.notice.setText(message)

    def add_custom(self) -> None:
        pair = NEW_METRIC
        self.custom_model.append(CustomMetric(pair[0], pair[1]))
        self._lists_edited()

    def add_target(self) -> None:
        if self.view is None:
            return
        year, metric = self.view.year, TargetMetric.SCOPE1_2
        base = target_actual(metric, self.view.totals) or Decimal(0)
        title = NEW_TARGET[0 if self.lang == "zh" else 1]
        self.target_model.append(Target(title, metric, year, base, year + 6, base))
        self._lists_edited()

    def revert(self) -> None:
        if self.saved is not None:
            self._show(self.saved, reset=True)

    def save(self) -> bool:
        """Write the edits; False (edits kept in the page) when they are refused."""
        if self.view is None or self.saved is None or not self.dirty:
            return True
        try:
            saved = self.state.services.metrics.save(self.view.year, self.view.current, self.saved.version)
        except ValidationFailed as exc:
            self._refused("\n".join(p.message(self.lang) for p in exc.problems))
            return False
        except UserError as exc:
            prompts.refused(self, exc, self.lang)
            return False
        self.saved = saved
        self._show(saved, reset=True)
        return True

    def maybe_keep_edits(self) -> bool:
        """Before the period changes or the window closes: save, discard or stay."""
        if not self.dirty:
            return True
        choice = prompts.unsaved_changes(self, self.title.text())
        if choice is prompts.Choice.CANCEL:
            return False
        if choice is prompts.Choice.SAVE:
            return self.save()
        self.revert()
        return True

    # ---- charts ----------------------------------------------------------------------------------------
    def _draw_if_shown(self, stale: bool = False) -> None:
        if stale:
            self._chart_stale = True
        if self.view is None or self.side.currentWidget() is not self.chart_tab or not self._chart_stale:
            return
        from carthane_tcfd.reports.metric_charts import metrics_figure

        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            self.canvas = FigureCanvasQTAgg()
            self.canvas.setObjectName("metrics_canvas")
            self.chart_layout.addWidget(self.canvas)
        metrics_figure(self.view, self.lang, figure=self.canvas.figure)
        self.canvas.draw_idle()
        self._chart_stale = False
