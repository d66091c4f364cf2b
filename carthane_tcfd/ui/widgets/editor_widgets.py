"""Small editing widgets of the item editor: check lists for code sets, score pickers with band swatches."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLayout, QWidget

from carthane_tcfd.domain.scales import band_for, impact_descriptor, likelihood_descriptor
from carthane_tcfd.domain.taxonomy import Coded, Kind, Lang


class CheckList(QWidget):
    """One checkbox per code of a vocabulary, in its order, in as many columns (up to `columns`) as the
    width allows: a narrow editor shows one column rather than cutting the labels."""

    changed = Signal()

    def __init__(self, vocabulary: type[Coded], lang: Lang, columns: int = 3, parent: Any = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the minimum is one column's
        self._max_columns = columns
        self._columns = 0
        self._boxes: dict[str, QCheckBox] = {}
        self._order: list[str] = []  # the ticked codes in the order entered
        for member in vocabulary:
            box = QCheckBox(member.label(lang), self)
            box.setObjectName(f"check_{member.value}")
            box.setToolTip(member.label(lang))
            box.toggled.connect(lambda ticked, code=member.value: self._toggled(code, ticked))
            self._boxes[member.value] = box
        self._arrange(columns)

    def _arrange(self, columns: int) -> None:
        """Place the boxes row by row (the order Tab visits them) in `columns` columns."""
        if columns == self._columns:
            return
        self._columns = columns
        for n, box in enumerate(self._boxes.values()):
            self._grid.removeWidget(box)
            self._grid.addWidget(box, n // columns, n % columns)
        for column in range(self._max_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def minimumSizeHint(self) -> QSize:
        widest = max(box.sizeHint().width() for box in self._boxes.values())
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        widest = max(box.sizeHint().width() for box in self._boxes.values()) + self._grid.horizontalSpacing()
        self._arrange(max(1, min(self._max_columns, event.size().width() // max(1, widest))))
        super().resizeEvent(event)

    def values(self) -> list[str]:
        """The ticked codes in the order they were entered: as loaded, then ticked ones after them."""
        return [code for code in self._order if self._boxes[code].isChecked()]

    def set_values(self, values: list[str] | tuple[str, ...]) -> None:
        self._order = [code for code in values if code in self._boxes]
        chosen = set(values)
        for code, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(code in chosen)
            box.blockSignals(False)

    def _toggled(self, code: str, ticked: bool) -> None:
        if code in self._order:
            self._order.remove(code)
        if ticked:
            self._order.append(code)
        self.changed.emit()

    def box(self, code: str) -> QCheckBox:
        return self._boxes[code]


class ScorePicker(QWidget):
    """Likelihood and impact (or benefit) pickers that show the level descriptors and the band they give."""

    changed = Signal()

    def __init__(self, lang: Lang, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.kind = Kind.RISK
        self.levels = 5
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.likelihood = QComboBox(self)
        self.impact = QComboBox(self)
        self.band = QLabel(self)
        self.band.setMinimumWidth(70)
        self.band.setObjectName("band_swatch")
        for combo in (self.likelihood, self.impact):
            combo.currentIndexChanged.connect(self._update)
            layout.addWidget(combo, 1)
        layout.addWidget(self.band)
        self.configure(Kind.RISK, 5)

    def configure(self, kind: Kind, size: int) -> None:
        self.kind, self.levels = kind, size
        for combo, describe in ((self.likelihood, likelihood_descriptor), (self.impact, None)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("—", None)
            for level in range(1, size + 1):
                text = describe(level, size, self.lang) if describe else impact_descriptor(level, size, self.lang, kind)
                combo.addItem(f"{level} {text}", level)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self._update()

    def values(self) -> tuple[int | None, int | None]:
        return self.likelihood.currentData(), self.impact.currentData()

    def set_values(self, likelihood: int | None, impact: int | None) -> None:
        for combo, value in ((self.likelihood, likelihood), (self.impact, impact)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self._update(emit=False)

    def _update(self, *_args: Any, emit: bool = True) -> None:
        lk, im = self.values()
        band = band_for(lk, im, self.levels)
        if band is None:
            self.band.setText("—")
            self.band.setStyleSheet("")
        else:
            self.band.setText(f" {lk * im} {band.label(self.lang)} ")  # type: ignore[operator]
            self.band.setStyleSheet(
                f"background:{band.colour_for(self.kind)}; color:{band.text_colour_for(self.kind)};"
                "border-radius:3px; font-weight:bold; padding:2px;"
            )
        if emit:
            self.changed.emit()
