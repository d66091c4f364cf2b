"""The scenario grid sheet of an import (issue 17): its rows resolved to cells of the period's grid (item ×
scenario × horizon), compared with the stored cells field by field, checked by the grid's own rules, and
written with their audit entries inside the import's transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from carthane_tcfd.domain.cell_values import normalised_label
from carthane_tcfd.domain.effects_audit import cell_value
from carthane_tcfd.domain.effects_validation import validate_cell
from carthane_tcfd.domain.imports import FieldChange, RowIn, SheetProblem, TemplateFile, field_changes
from carthane_tcfd.domain.scenarios import CellDraft, Scenario
from carthane_tcfd.domain.taxonomy import Horizon, Lang
from carthane_tcfd.domain.template_layout import GRID_COLUMNS, GRID_FIELDS
from carthane_tcfd.services.context import ServiceContext
from carthane_tcfd.services.scenarios import ASSESSMENTS, DIRECTIONS, SCENARIOS, scenario_of
from carthane_tcfd.store.models import Period, utcnow
from carthane_tcfd.store.models import ScenarioAssessment as AssessmentRow

HEADERS = {c.field: (c.zh, c.en) for c in GRID_COLUMNS if c.field in GRID_FIELDS}


@dataclass(frozen=True)
class CellWork:
    """One cell the import writes: the stored row (None for a new cell) and the cell as the file has it
    (blank: the stored cell is removed)."""

    item_id: int
    scenario: Scenario
    horizon: str
    stored: Row[Any] | None  # as the plan read it
    new: CellDraft


@dataclass
class ItemCells:
    """What an item's rows of the grid would do."""

    work: list[CellWork] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    stale: list[tuple[str, dt.datetime]] = field(default_factory=list)  # who changed a cell since, and when
    ok: bool = True


@dataclass
class _Row:
    row: RowIn
    scenario: Scenario
    horizon: str


class GridSheet:
    """The grid sheet's rows against the period's stored grid."""

    def __init__(self, session: Session, period: Period, template: TemplateFile, lang: Lang) -> None:
        self.template = template
        self.lang = lang
        self.matrix_size = period.matrix_size
        rows = session.execute(
            select(SCENARIOS).where(SCENARIOS.c.period_id == period.id).order_by(SCENARIOS.c.position)
        ).all()
        self.scenarios = [scenario_of(r) for r in rows]
        self.names: dict[str, Scenario] = {}
        for s in self.scenarios:
            for name in (s.name, s.name_en):
                if name.strip():
                    self.names.setdefault(normalised_label(name), s)
        of_period = select(SCENARIOS.c.id).where(SCENARIOS.c.period_id == period.id)
        # plain rows, not ORM objects: a 10,000-item grid holds 90,000 cells and most rows change nothing
        self.stored: dict[tuple[int, int, str], Row[Any]] = {
            (r.item_id, r.scenario_id, r.horizon): r
            for r in session.execute(select(ASSESSMENTS).where(ASSESSMENTS.c.scenario_id.in_(of_period))).all()
        }
        self.by_code: dict[str, list[_Row]] = {}
        self.problems: list[SheetProblem] = []

    def resolve(self, in_sheet: set[str], spots: set[tuple[str, int | None, str]]) -> None:
        """Group the rows by item, each with its scenario and horizon; a row of an item that is not in the
        items sheet, of an unknown scenario, or repeating an item × scenario × horizon is a problem."""
        first: dict[tuple[str, int, str], int] = {}
        for row in self.template.grid:
            if row.key not in in_sheet:
                self.problems.append(
                    row.place("item_code").problem(
                        f"条目 {row.key} 不在条目工作表中", f"the item {row.key} is not in the items sheet"
                    )
                )
                continue
            name = str(row.values.get("scenario") or "")
            scenario = self.names.get(normalised_label(name))
            if scenario is None:
                if (row.layout.sheet, row.row, row.layout.columns["scenario"][0]) not in spots:
                    known = "、".join(s.display_name("zh") for s in self.scenarios)
                    known_en = ", ".join(s.display_name("en") for s in self.scenarios)
                    self.problems.append(
                        row.place("scenario").problem(
                            f"不是本年度的情景：{name or '（空）'}（现有：{known}）",
                            f"is not a scenario of the period: {name or '(blank)'} (there are: {known_en})",
                        )
                    )
                continue
            horizon = row.values.get("horizon")
            if not isinstance(horizon, Horizon):
                if horizon is None and (row.layout.sheet, row.row, row.layout.columns["horizon"][0]) not in spots:
                    self.problems.append(row.place("horizon").problem("须选择时间范围", "a horizon is required"))
                continue
            key = (row.key, scenario.id, horizon.value)
            if key in first:
                self.problems.append(
                    row.place("horizon").problem(
                        f"{row.key} 在该情景与时间范围下重复（已见于第 {first[key]} 行）",
                        f"{row.key} appears twice for this scenario and horizon (first in row {first[key]})",
                    )
                )
                continue
            first[key] = row.row
            self.by_code.setdefault(row.key, []).append(_Row(row, scenario, horizon.value))

    def cells(
        self, code: str, item_id: int, horizons: list[str] | tuple[str, ...], spots: set[tuple[str, int | None, str]]
    ) -> ItemCells:
        """The item's rows compared with its stored cells; `horizons` are the item's as the import leaves them."""
        out = ItemCells()
        for each in self.by_code.get(code, ()):
            row = each.row
            if spots and any((row.layout.sheet, row.row, at) in spots for at, _h in row.layout.columns.values()):
                continue  # the reader reported a cell of this row: the import is refused anyway
            stored = self.stored.get((item_id, each.scenario.id, each.horizon))
            old = _draft_of(stored) if stored is not None else CellDraft()
            new = self._draft(row, old)
            if new == old:
                continue
            found = [
                row.place(p.field if p.field in GRID_FIELDS else "narrative").problem(
                    reason_of(p.zh, "："), reason_of(p.en, ": ")
                )
                for p in validate_cell(new, self.matrix_size)
            ]
            if not new.is_blank and each.horizon not in horizons:
                found.append(_uncovered(row, code, each.horizon))
            if found:
                self.problems.extend(found)
                out.ok = False
                continue
            if (stored.version if stored is not None else 0) != self.template.cell_versions.get(
                (code, each.scenario.id, each.horizon), 0
            ):
                out.stale.append((stored.updated_by, stored.updated_at) if stored is not None else ("", utcnow()))
            out.work.append(CellWork(item_id, each.scenario, each.horizon, stored, new))
            out.changes.extend(self._changes(each, old, new))
        return out

    @staticmethod
    def _draft(row: RowIn, old: CellDraft) -> CellDraft:
        narrative = str(row.values.get("narrative") or "")
        if old.narrative.strip() == narrative:
            narrative = old.narrative  # the cell lost only surrounding spaces
        return CellDraft(
            row.values.get("direction"),
            row.values.get("level"),
            row.values.get("low_cny"),
            row.values.get("high_cny"),
            narrative,
        )

    def _changes(self, each: _Row, old: CellDraft, new: CellDraft) -> list[FieldChange]:
        where = f"{each.scenario.display_name(self.lang)} · {Horizon(each.horizon).label(self.lang)}"
        return field_changes(f"grid[{each.scenario.id}].{each.horizon}", where, old, new, HEADERS, self.lang)


def _draft_of(stored: Row[Any]) -> CellDraft:
    direction = stored.direction
    return CellDraft(
        DIRECTIONS[direction] if direction else None, stored.level, stored.low_cny, stored.high_cny, stored.narrative
    )


def _uncovered(row: RowIn, code: str, horizon: str) -> SheetProblem:
    label = Horizon(horizon)
    return row.place("horizon").problem(
        f"{code} 不涉及时间范围「{label.label('zh')}」：请在条目工作表中勾选该时间范围，或清空此行",
        f"{code} does not cover the horizon '{label.label('en')}': tick it in the items sheet, or clear this row",
    )


def reason_of(message: str, separator: str) -> str:
    """A domain problem's message without its field label (the place names the column)."""
    return message.split(separator, 1)[1] if separator in message else message


def write_cells(ctx: ServiceContext, session: Session, work: list[CellWork], year: int) -> None:
    """Write the cells with their audit entries, as the Scenarios page saves one (created, updated, or
    removed when now blank)."""
    ids = [cell.stored.id for cell in work if cell.stored is not None]
    rows = {r.id: r for r in session.scalars(select(AssessmentRow).where(AssessmentRow.id.in_(ids)))} if ids else {}
    for cell in work:
        name = (cell.scenario.name, cell.scenario.name_en)
        old = _draft_of(cell.stored) if cell.stored is not None else None
        row = rows[cell.stored.id] if cell.stored is not None else None
        if cell.new.is_blank:
            if row is not None:
                ctx.audit(
                    session,
                    "assessment",
                    row.id,
                    "delete",
                    field="scenario",
                    old=cell_value(name, cell.horizon, old),
                    new=None,
                    item_id=cell.item_id,
                    year=year,
                )
                session.delete(row)
            continue
        created = row is None
        if row is None:
            row = AssessmentRow(item_id=cell.item_id, scenario_id=cell.scenario.id, horizon=cell.horizon)
            session.add(row)
        values = dataclasses.asdict(cell.new)
        values["direction"] = cell.new.direction.value if cell.new.direction else None
        for key, value in values.items():
            setattr(row, key, value)
        row.updated_at = utcnow()
        row.updated_by = ctx.user
        session.flush()
        ctx.audit(
            session,
            "assessment",
            row.id,
            "create" if created else "update",
            field="scenario",
            old=cell_value(name, cell.horizon, old),
            new=cell_value(name, cell.horizon, cell.new),
            item_id=cell.item_id,
            year=year,
        )
