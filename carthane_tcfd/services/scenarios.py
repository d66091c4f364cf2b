"""The period's scenario set, its inputs and the assessment grid: read, changed (validated, audited,
versioned, refused in an approved period), copied to the next year; the sensitivities computed from them."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, Text, cast, func, insert, or_, select
from sqlalchemy.orm import Session

from carthane_tcfd.domain.effects import Direction, exposure_by_horizon
from carthane_tcfd.domain.effects_audit import Names, cell_value, scenario_names, scenario_value
from carthane_tcfd.domain.effects_validation import validate_cell, validate_inputs, validate_scenario
from carthane_tcfd.domain.errors import ConflictError, NotFound, UserError, ValidationFailed
from carthane_tcfd.domain.inventory import inventory_totals
from carthane_tcfd.domain.records import AuditRecord
from carthane_tcfd.domain.scenarios import (
    Assessment,
    CarbonPrice,
    CellDraft,
    EffectsOverview,
    GridCell,
    GridKey,
    Scenario,
    ScenarioDraft,
    ScenarioGrid,
    ScenarioInputs,
    ScenarioSet,
    carbon_path_text,
)
from carthane_tcfd.domain.sensitivity import Sensitivities, emissions_of, sensitivities
from carthane_tcfd.domain.taxonomy import Kind, Lang
from carthane_tcfd.domain.validation import Problem, problem
from carthane_tcfd.services.context import ServiceContext, editable, period_by_year
from carthane_tcfd.services.effects import period_effects
from carthane_tcfd.store.metric_records import read_inventories
from carthane_tcfd.store.models import AuditEntry, Item, Period, utcnow
from carthane_tcfd.store.models import Scenario as ScenarioRow
from carthane_tcfd.store.models import ScenarioAssessment as AssessmentRow
from carthane_tcfd.store.models import ScenarioInputs as InputsRow

SCENARIOS = ScenarioRow.__table__
ASSESSMENTS = AssessmentRow.__table__
ITEMS = Item.__table__
INPUT_FIELDS = ("resilience", "electricity_cost_cny", "include_scope3")  # audited as the period's


DIRECTIONS = {d.value: d for d in Direction}  # a dict lookup: 90,000 cells at 10,000 items


def scenario_of(row: Any) -> Scenario:
    return Scenario(
        name=row.name,
        name_en=row.name_en,
        source=row.source,
        temperature_c=row.temperature_c,
        horizon_year=row.horizon_year,
        carbon_prices=tuple(CarbonPrice(int(year), Decimal(str(price))) for year, price in row.carbon_prices or ()),
        electricity_change_pct=row.electricity_change_pct,
        assumptions=row.assumptions,
        id=row.id,
        position=row.position,
        is_default=bool(row.is_default),
        version=row.version,
    )


def assessment_of(row: Any) -> Assessment:
    return Assessment(
        direction=DIRECTIONS[row.direction] if row.direction else None,
        level=row.level,
        low_cny=row.low_cny,
        high_cny=row.high_cny,
        narrative=row.narrative,
        item_id=row.item_id,
        scenario_id=row.scenario_id,
        horizon=row.horizon,
        version=row.version,
    )


def inputs_of(row: InputsRow | None) -> ScenarioInputs:
    if row is None:
        return ScenarioInputs()
    return ScenarioInputs(row.resilience, row.electricity_cost_cny, row.include_scope3, row.version)


def _scenario_values(d: ScenarioDraft) -> dict[str, Any]:
    return {
        "name": d.name.strip(),
        "name_en": d.name_en.strip(),
        "source": d.source.strip(),
        "temperature_c": d.temperature_c,
        "horizon_year": d.horizon_year,
        "carbon_prices": [[p.year, str(p.price_cny)] for p in sorted(d.carbon_prices, key=lambda p: p.year)],
        "electricity_change_pct": d.electricity_change_pct,
        "assumptions": d.assumptions,
    }


def _names(row: ScenarioRow) -> Names:
    return row.name, row.name_en


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise ValidationFailed(problems)


def scenario_set(session: Session, period: Period) -> ScenarioSet:
    """A period's scenarios (in order), inputs and grid cells."""
    scenarios = session.execute(
        select(SCENARIOS).where(SCENARIOS.c.period_id == period.id).order_by(SCENARIOS.c.position, SCENARIOS.c.id)
    ).all()
    of_period = select(SCENARIOS.c.id).where(SCENARIOS.c.period_id == period.id)
    cells = covered(session, select(ASSESSMENTS).where(ASSESSMENTS.c.scenario_id.in_(of_period)), period.id)
    return ScenarioSet(
        year=period.year,
        matrix_size=period.matrix_size,
        scenarios=tuple(scenario_of(r) for r in scenarios),
        inputs=inputs_of(session.get(InputsRow, period.id)),
        assessments=tuple(assessment_of(r) for r in cells),
    )


def covered(session: Session, cells: Select[Any], period_id: int) -> list[Any]:
    """The rows of a select of a period's grid cells whose horizon is one of their item's: a cell left
    from a horizon the item no longer has (stored before items dropped them on saving) is not read, so
    that the page, the board pack and `list --json` show the same cells."""
    items = select(ITEMS.c.id, cast(ITEMS.c.horizons, Text)).where(ITEMS.c.period_id == period_id)
    parsed: dict[str, frozenset[str]] = {}
    horizons = {}
    for item_id, text in session.execute(items).all():
        if text not in parsed:
            parsed[text] = _horizon_set(text)
        horizons[item_id] = parsed[text]
    none: frozenset[str] = frozenset()
    names = list(cells.selected_columns.keys())
    at, of = names.index("horizon"), names.index("item_id")  # by position: 90,000 rows at 10,000 items
    return [row for row in session.execute(cells).all() if row[at] in horizons.get(row[of], none)]


def _horizon_set(text: str | None) -> frozenset[str]:
    try:
        found = json.loads(text) if text else []
    except ValueError:  # a damaged item: left out of every list, its cells with it
        return frozenset()
    return frozenset(h for h in found if isinstance(h, str)) if isinstance(found, list) else frozenset()


def copy_scenarios(session: Session, source_id: int, target_id: int, item_ids: dict[int, int], who: str) -> None:
    """Copy a period's scenarios, inputs and grid to another period; `item_ids` maps old to new item ids."""
    now = utcnow()
    scenario_ids: dict[int, int] = {}
    for row in session.execute(select(SCENARIOS).where(SCENARIOS.c.period_id == source_id)).mappings().all():
        values = {k: v for k, v in row.items() if k not in ("id", "version")}
        values.update(period_id=target_id, updated_at=now, updated_by=who)
        copy = ScenarioRow(**values)
        session.add(copy)
        session.flush()
        scenario_ids[row["id"]] = copy.id
    inputs = session.get(InputsRow, source_id)
    if inputs is not None:
        session.add(
            InputsRow(
                period_id=target_id,
                resilience=inputs.resilience,
                electricity_cost_cny=inputs.electricity_cost_cny,
                include_scope3=inputs.include_scope3,
                updated_at=now,
                updated_by=who,
            )
        )
    if scenario_ids:
        cells = covered(session, select(ASSESSMENTS).where(ASSESSMENTS.c.scenario_id.in_(scenario_ids)), source_id)
        columns = [c.name for c in ASSESSMENTS.c if c.name not in ("id", "version")]
        rows = [
            {
                **{name: cell._mapping[name] for name in columns},
                "item_id": item_ids[cell.item_id],
                "scenario_id": scenario_ids[cell.scenario_id],
                "updated_at": now,
                "updated_by": who,
            }
            for cell in cells
            if cell.item_id in item_ids
        ]
        if rows:
            session.execute(insert(AssessmentRow), rows)


def scenario_grid(session: Session, period: Period) -> ScenarioGrid:
    """The set without its assessments, how many cells are assessed, how many open items of each kind."""
    scenarios = session.execute(
        select(SCENARIOS).where(SCENARIOS.c.period_id == period.id).order_by(SCENARIOS.c.position, SCENARIOS.c.id)
    ).all()
    of_period = select(SCENARIOS.c.id).where(SCENARIOS.c.period_id == period.id)
    assessed = session.scalar(select(func.count()).where(ASSESSMENTS.c.scenario_id.in_(of_period))) or 0
    chosen = ScenarioSet(
        year=period.year,
        matrix_size=period.matrix_size,
        scenarios=tuple(scenario_of(r) for r in scenarios),
        inputs=inputs_of(session.get(InputsRow, period.id)),
    )
    open_items = select(ITEMS.c.kind, func.count()).where(ITEMS.c.period_id == period.id, ITEMS.c.closed.is_(False))
    counts = {Kind(kind): int(n) for kind, n in session.execute(open_items.group_by(ITEMS.c.kind)).all()}
    return ScenarioGrid(chosen, int(assessed), counts)


def grid_cells(session: Session, item_ids: list[int]) -> dict[GridKey, GridCell]:
    """The summaries of the cells of some items, from a narrow select read by position."""
    c = ASSESSMENTS.c
    query = select(
        c.item_id,
        c.scenario_id,
        c.horizon,
        c.direction,
        c.level,
        or_(c.low_cny.is_not(None), c.high_cny.is_not(None)),
        c.narrative != "",
        c.version,
    ).where(c.item_id.in_(item_ids))
    directions = DIRECTIONS
    return {
        (item, scenario, horizon): GridCell(directions.get(direction), level, bool(amounts), bool(note), version)
        for item, scenario, horizon, direction, level, amounts, note, version in session.execute(query).all()
    }


def drop_uncovered_cells(ctx: ServiceContext, session: Session, item: Item, year: int) -> int:
    """Remove an item's grid cells of horizons it no longer has, each audited in the item's history, in
    the caller's transaction (the item's save); how many were removed."""
    rows = session.scalars(
        select(AssessmentRow).where(AssessmentRow.item_id == item.id, AssessmentRow.horizon.not_in(item.horizons))
    ).all()
    if not rows:
        return 0
    scenarios = select(ScenarioRow).where(ScenarioRow.id.in_({r.scenario_id for r in rows}))
    names = {s.id: _names(s) for s in session.scalars(scenarios)}
    for row in rows:
        old = assessment_of(row).to_draft()
        audit_cell(ctx, session, row.id, "delete", names[row.scenario_id], row.horizon, old, None, item.id, year)
        session.delete(row)
    return len(rows)


def audit_cell(
    ctx: ServiceContext,
    session: Session,
    cell_id: int,
    action: str,
    scenario: Names,
    horizon: str,
    old: CellDraft | None,
    new: CellDraft | None,
    item_id: int,
    year: int,
) -> None:
    ctx.audit(
        session,
        "assessment",
        cell_id,
        action,
        field="scenario",
        old=cell_value(scenario, horizon, old),
        new=cell_value(scenario, horizon, new),
        item_id=item_id,
        year=year,
    )


class ScenarioService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---- reading -------------------------------------------------------------------------
    def set_of(self, year: int) -> ScenarioSet:
        with self.ctx.read() as session:
            return scenario_set(session, period_by_year(session, year))

    def grid(self, year: int) -> ScenarioGrid:
        """What the Scenarios page reads when it opens: the set and how many cells are assessed."""
        with self.ctx.read() as session:
            return scenario_grid(session, period_by_year(session, year))

    def grid_cells(self, item_ids: list[int]) -> dict[GridKey, GridCell]:
        """The cell summaries of the items the page shows (it asks for the rows on screen)."""
        with self.ctx.read() as session:
            return grid_cells(session, item_ids)

    def cells_outside(self, item_id: int, horizons: list[str]) -> dict[str, int]:
        """How many filled cells an item has in each horizon not among `horizons` (what saving the item
        with those horizons removes)."""
        c = ASSESSMENTS.c
        with self.ctx.read() as session:
            query = select(c.horizon, func.count()).where(c.item_id == item_id, c.horizon.not_in(horizons))
            return {h: int(n) for h, n in session.execute(query.group_by(c.horizon)).all()}

    def cell(self, item_id: int, scenario_id: int, horizon: str) -> Assessment | None:
        """One whole cell of the grid, as stored now (None when not assessed)."""
        with self.ctx.read() as session:
            row = session.scalars(
                select(AssessmentRow).where(
                    AssessmentRow.item_id == item_id,
                    AssessmentRow.scenario_id == scenario_id,
                    AssessmentRow.horizon == horizon,
                )
            ).one_or_none()
            return assessment_of(row) if row is not None else None

    def sensitivities(self, year: int, lang: Lang = "zh", scenarios: ScenarioSet | None = None) -> Sensitivities:
        """The carbon-price and electricity-price sensitivities of a period, from its metrics."""
        with self.ctx.read() as session:
            period = period_by_year(session, year)
            emissions = emissions_of(inventory_totals(read_inventories(session, [period.id])[period.id]))
            chosen = scenarios if scenarios is not None else scenario_set(session, period)
        return sensitivities(chosen, emissions, lang)

    def overview(self, year: int) -> EffectsOverview:
        """The dashboard's view: anticipated exposure by horizon (risks, opportunities) and the grid."""
        with self.ctx.read() as session:
            period = period_by_year(session, year)
            risks = period_effects(session, period.id, Kind.RISK)
            opportunities = period_effects(session, period.id, Kind.OPPORTUNITY)
            chosen = scenario_set(session, period)
        return EffectsOverview(
            exposure_by_horizon(list(risks.values())), exposure_by_horizon(list(opportunities.values())), chosen
        )

    def history(self, year: int) -> list[AuditRecord]:
        """The changes to a period's scenario set (each named by its scenario) and to its inputs (the
        resilience narrative, the electricity cost, the scope 3 choice), newest first. The grid's cells
        are in their items' histories."""
        with self.ctx.read() as session:
            period = period_by_year(session, year)
            entries = session.scalars(
                select(AuditEntry)
                .where(
                    AuditEntry.period_year == period.year,
                    or_(
                        AuditEntry.entity == "scenario",
                        (AuditEntry.entity == "period") & AuditEntry.field.in_(INPUT_FIELDS),
                    ),
                )
                .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            ).all()
            rows = session.execute(select(SCENARIOS).where(SCENARIOS.c.period_id == period.id)).all()
        names: dict[int, Names] = {}
        for e in entries:  # a removed scenario is named by its removal (or creation) entry
            found = scenario_names(e.old_value) or scenario_names(e.new_value)
            if e.entity == "scenario" and found:
                names.setdefault(e.entity_id, found)
        names.update({r.id: (r.name, r.name_en) for r in rows})
        return [
            AuditRecord(
                e.at,
                e.who,
                e.entity,
                e.action,
                e.field,
                e.old_value,
                e.new_value,
                e.source,
                names.get(e.entity_id, ("", "")) if e.entity == "scenario" else ("", ""),
            )
            for e in entries
        ]

    # ---- the scenario set ----------------------------------------------------------------
    def add(self, year: int, draft: ScenarioDraft) -> Scenario:
        _raise(validate_scenario(draft))
        with self.ctx.write() as session:
            period = editable(period_by_year(session, year))
            last = session.scalar(select(func.max(SCENARIOS.c.position)).where(SCENARIOS.c.period_id == period.id))
            row = ScenarioRow(
                period_id=period.id,
                position=(last if last is not None else -1) + 1,
                is_default=False,
                updated_by=self.ctx.user,
                **_scenario_values(draft),
            )
            session.add(row)
            session.flush()
            self.ctx.audit(session, "scenario", row.id, "create", new=scenario_value(_names(row)), year=year)
            return scenario_of(row)

    def update(self, scenario_id: int, draft: ScenarioDraft, expected_version: int) -> Scenario:
        """Save a scenario's name, source, temperature, horizon and parameters (also: rename)."""
        _raise(validate_scenario(draft))
        with self.ctx.write() as session:
            row, period = self._for_change(session, scenario_id, expected_version)
            values = _scenario_values(draft)
            prices = values.pop("carbon_prices")
            changed = self.ctx.apply(session, row, values, "scenario", item_id=None, year=period.year)
            if prices != row.carbon_prices:  # audited as the officer typed it: "2030: 200; 2040: 350"
                old = carbon_path_text(scenario_of(row).carbon_prices)
                self.ctx.audit(
                    session,
                    "scenario",
                    row.id,
                    "update",
                    field="carbon_prices",
                    old=old or None,
                    new=carbon_path_text(tuple(sorted(draft.carbon_prices, key=lambda p: p.year))) or None,
                    year=period.year,
                )
                row.carbon_prices = prices
                changed.append("carbon_prices")
            if changed:
                row.updated_at = utcnow()
                row.updated_by = self.ctx.user
            session.flush()
            return scenario_of(row)

    def remove(self, scenario_id: int, expected_version: int) -> None:
        """Remove a scenario with its column of the grid."""
        with self.ctx.write() as session:
            row, period = self._for_change(session, scenario_id, expected_version)
            cells = session.scalar(select(func.count()).where(ASSESSMENTS.c.scenario_id == row.id)) or 0
            self.ctx.audit(
                session,
                "scenario",
                row.id,
                "delete",
                old=scenario_value(_names(row), cells),
                year=period.year,
            )
            session.delete(row)

    def save_inputs(self, year: int, inputs: ScenarioInputs) -> ScenarioInputs:
        """The resilience narrative, the purchased electricity cost and the scope 3 choice of a period;
        `inputs.version` is the version read (0: none stored yet)."""
        _raise(validate_inputs(inputs))
        with self.ctx.write() as session:
            period = editable(period_by_year(session, year))
            row = session.get(InputsRow, period.id)
            current = row.version if row is not None else 0
            if current != inputs.version:
                raise ConflictError(str(year), row.updated_by if row else "", row.updated_at if row else None)
            values = {
                "resilience": inputs.resilience,
                "electricity_cost_cny": inputs.electricity_cost_cny,
                "include_scope3": inputs.include_scope3,
            }
            before = inputs_of(row)
            olds = {
                "resilience": before.resilience,
                "electricity_cost_cny": before.electricity_cost_cny,
                "include_scope3": before.include_scope3,
            }
            changed = [name for name in values if olds[name] != values[name]]
            for name in changed:
                self.ctx.audit(
                    session, "period", period.id, "update", field=name, old=olds[name], new=values[name], year=year
                )
            if row is None:
                row = InputsRow(period_id=period.id, updated_by=self.ctx.user, **values)
                session.add(row)
            elif changed:
                for name in changed:
                    setattr(row, name, values[name])
                row.updated_at = utcnow()
                row.updated_by = self.ctx.user
            session.flush()
            return inputs_of(row)

    # ---- the grid ------------------------------------------------------------------------
    def save_cell(
        self, item_id: int, scenario_id: int, horizon: str, cell: CellDraft, expected_version: int
    ) -> Assessment | None:
        """Save one cell of the grid (a blank cell is removed); `expected_version` is the version read,
        0 for a cell not stored yet. The stored cell, or None when it is now blank."""
        with self.ctx.write() as session:
            item = session.get(Item, item_id)
            scenario = session.get(ScenarioRow, scenario_id)
            if item is None or scenario is None:
                raise NotFound("该条目或情景已被删除。", "That item or scenario no longer exists.")
            period = editable(item.period)
            if scenario.period_id != period.id:
                raise UserError("情景不属于该条目的年度。", "The scenario belongs to another period.")
            problems = validate_cell(cell, period.matrix_size)
            if horizon not in item.horizons:
                problems.append(
                    problem(
                        "horizons",
                        f"{item.code} 不涉及时间范围 {horizon}",
                        f"{item.code} does not cover the horizon {horizon}",
                    )
                )
            _raise(problems)
            row = session.scalars(
                select(AssessmentRow).where(
                    AssessmentRow.item_id == item_id,
                    AssessmentRow.scenario_id == scenario_id,
                    AssessmentRow.horizon == horizon,
                )
            ).one_or_none()
            if (row.version if row is not None else 0) != expected_version:
                raise ConflictError(item.code, row.updated_by if row else "", row.updated_at if row else None)
            name = _names(scenario)
            old = assessment_of(row).to_draft() if row is not None else None
            if old == cell or (old is None and cell.is_blank):
                return assessment_of(row) if row is not None else None
            if cell.is_blank:
                assert row is not None
                audit_cell(self.ctx, session, row.id, "delete", name, horizon, old, None, item_id, period.year)
                session.delete(row)
                return None
            created = row is None
            if row is None:
                row = AssessmentRow(item_id=item_id, scenario_id=scenario_id, horizon=horizon)
                session.add(row)
            row.direction = cell.direction.value if cell.direction else None
            row.level = cell.level
            row.low_cny = cell.low_cny
            row.high_cny = cell.high_cny
            row.narrative = cell.narrative
            row.updated_at = utcnow()
            row.updated_by = self.ctx.user
            session.flush()
            audit_cell(
                self.ctx,
                session,
                row.id,
                "create" if created else "update",
                name,
                horizon,
                old,
                cell,
                item_id,
                period.year,
            )
            return assessment_of(row)

    # ---- helpers -------------------------------------------------------------------------
    def _for_change(self, session: Session, scenario_id: int, expected_version: int) -> tuple[ScenarioRow, Period]:
        row = session.get(ScenarioRow, scenario_id)
        if row is None:
            raise NotFound("该情景已被删除。", "That scenario no longer exists; it may have been removed.")
        period = editable(session.get_one(Period, row.period_id))
        if row.version != expected_version:
            raise ConflictError((row.name, row.name_en or row.name), row.updated_by, row.updated_at)
        return row, period
