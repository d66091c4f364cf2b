"""The computed sensitivities as a read-only table: scenario, what, year, inputs, formula, result."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from carthane_tcfd.domain.sensitivity import Sensitivities

Index = QModelIndex | QPersistentModelIndex


class SensitivityModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, str, str, str, str]] = []
        self.heads = (
            self.tr("Scenario"),
            self.tr("Sensitivity"),
            self.tr("Year"),
            self.tr("Inputs"),
            self.tr("Formula"),
            self.tr("Result (CNY)"),
        )

    def load(self, sens: Sensitivities) -> None:
        missing = self.tr("input missing")
        rows = []
        for c in sens.carbon:
            emissions = missing if c.emissions_t is None else f"{c.emissions_t:,.2f} tCO2e"
            result = missing if c.result_cny is None else f"{c.result_cny:,.2f}"
            inputs = f"{c.price_cny:,.2f} CNY/tCO2e; {emissions}"
            rows.append((c.scenario, self.tr("Carbon price × emissions"), str(c.year), inputs, c.formula, result))
        for x in sens.electricity:
            cost = missing if x.cost_cny is None else f"{x.cost_cny:,.2f} CNY"
            result = missing if x.result_cny is None else f"{x.result_cny:,.2f}"
            what = self.tr("Electricity price × purchased electricity cost")
            rows.append((x.scenario, what, "", f"{x.change_pct:+.2f} %; {cost}", x.formula, result))
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.heads)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.heads[section] if 0 <= section < len(self.heads) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
