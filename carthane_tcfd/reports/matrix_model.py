"""Where each item stands on a likelihood × impact grid: shared by the Excel grid, the figure and the GUI."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from carthane_tcfd.domain.records import AnyItem
from carthane_tcfd.domain.scales import Band, band_for
from carthane_tcfd.domain.taxonomy import Kind


class MatrixView(StrEnum):
    INHERENT = "inherent"
    RESIDUAL = "residual"
    COMBINED = "combined"  # arrows from inherent to residual


def position(item: AnyItem, residual: bool) -> tuple[int, int] | None:
    """(likelihood, impact) of an item, or None while unscored."""
    if residual:
        lk, im = item.residual_likelihood, item.residual_impact
    else:
        lk, im = item.likelihood, item.impact
    return None if lk is None or im is None else (lk, im)


@dataclass(frozen=True)
class Grid:
    kind: Kind
    view: MatrixView
    size: int
    cells: dict[tuple[int, int], list[AnyItem]]  # (likelihood, impact) -> items, in code order
    arrows: list[tuple[AnyItem, tuple[int, int], tuple[int, int]]]  # combined view: from -> to
    unscored: list[AnyItem]

    def band(self, likelihood: int, impact: int) -> Band:
        band = band_for(likelihood, impact, self.size)
        assert band is not None
        return band

    @property
    def placed(self) -> list[AnyItem]:
        return [i for items in self.cells.values() for i in items]


def build_grid(items: Sequence[AnyItem], kind: Kind, view: MatrixView, size: int) -> Grid:
    """Place the open items of one kind (a closed item no longer carries a live rating). The combined view
    places items at their residual position (inherent where no residual exists) and draws an arrow where
    the two differ."""
    cells: dict[tuple[int, int], list[AnyItem]] = {
        (lk, im): [] for lk in range(1, size + 1) for im in range(1, size + 1)
    }
    arrows = []
    unscored = []
    for item in (i for i in items if i.kind is kind and not i.closed):
        inherent = position(item, residual=False)
        residual = position(item, residual=True)
        if view is MatrixView.INHERENT:
            where = inherent
        elif view is MatrixView.RESIDUAL:
            where = residual
        else:
            where = residual or inherent
            if inherent and residual and inherent != residual:
                arrows.append((item, inherent, residual))
        if where is None or where not in cells:
            unscored.append(item)
        else:
            cells[where].append(item)
    return Grid(kind, view, size, cells, arrows, unscored)
