"""A period's metric set between the database and the domain: read whole, written whole (each changed
field audited), and its structure copied to a new period."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from carthane_tcfd.domain.ghg import (
    LINE_BY_CODE,
    Boundary,
    CrossIndustry,
    LineStatus,
    MeasureState,
    Scope2Basis,
    TargetMetric,
    TargetStatus,
    Verification,
)
from carthane_tcfd.domain.inventory import Basis, CustomMetric, Inventory, Line
from carthane_tcfd.domain.metric_set import MetricSet
from carthane_tcfd.domain.targets import CrossIndustryMetric, Milestone, Target, cross_industry_of
from carthane_tcfd.store.models import (
    ClimateTarget,
    CrossIndustryEntry,
    CustomMetricEntry,
    InventoryLine,
    MetricBasis,
)

BASIS_TEXT = (
    "standards",
    "factor_sources",
    "gwp",
    "verification_note",
    "output_unit_zh",
    "output_unit_en",
    "target_note",
    "source",
    "standards_en",
    "factor_sources_en",
    "verification_note_en",
    "source_en",
    "target_note_en",
)


def figure(value: Decimal | None) -> Decimal | None:
    """A stored figure without the zeros the column's scale pads it with (8022.84000000 → 8022.84)."""
    if value is None:
        return None
    value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _basis(row: MetricBasis | None) -> Basis:
    if row is None:
        return Basis()
    return Basis(
        boundary=Boundary(row.boundary) if row.boundary else None,
        verification=Verification(row.verification) if row.verification else None,
        scope2_for_total=Scope2Basis(row.scope2_for_total),
        **{name: getattr(row, name) for name in BASIS_TEXT},
    )


def _line(row: InventoryLine) -> Line:
    return Line(
        row.code,
        figure(row.value),
        figure(row.tce),
        LineStatus(row.status),
        row.reason,
        row.source,
        row.reason_en,
        row.source_en,
    )


def read_inventories(session: Session, period_ids: list[int]) -> dict[int, Inventory]:
    """The inventories of several periods, three queries in all."""
    lines: dict[int, list[Line]] = {pid: [] for pid in period_ids}
    for row in session.scalars(select(InventoryLine).where(InventoryLine.period_id.in_(period_ids))):
        if row.code in LINE_BY_CODE:
            lines[row.period_id].append(_line(row))
    bases = {
        row.period_id: row for row in session.scalars(select(MetricBasis).where(MetricBasis.period_id.in_(period_ids)))
    }
    customs: dict[int, list[CustomMetric]] = {pid: [] for pid in period_ids}
    query = (
        select(CustomMetricEntry)
        .where(CustomMetricEntry.period_id.in_(period_ids))
        .order_by(CustomMetricEntry.period_id, CustomMetricEntry.position)
    )
    for c in session.scalars(query):
        customs[c.period_id].append(CustomMetric(c.name_zh, c.name_en, c.unit, figure(c.value), c.source, c.source_en))
    return {pid: Inventory.of(lines[pid], _basis(bases.get(pid)), tuple(customs[pid])) for pid in period_ids}


def read_metric_set(session: Session, period_id: int) -> tuple[MetricSet, int]:
    """A period's metric set and its version (0 when nothing was ever saved for it)."""
    inventory = read_inventories(session, [period_id])[period_id]
    cross = [
        CrossIndustryMetric(
            CrossIndustry(r.code), MeasureState(r.state), figure(r.amount), r.unit, figure(r.share_pct), r.narrative
        )
        for r in session.scalars(select(CrossIndustryEntry).where(CrossIndustryEntry.period_id == period_id))
    ]
    targets = tuple(
        Target(
            title=t.title,
            title_en=t.title_en,
            metric=TargetMetric(t.metric),
            coverage=t.coverage,
            base_year=t.base_year,
            base_value=figure(t.base_value) or Decimal(0),
            target_year=t.target_year,
            target_value=figure(t.target_value) or Decimal(0),
            milestones=tuple(Milestone(int(y), Decimal(v)) for y, v in t.milestones),
            science_based=t.science_based,
            validated=t.validated,
            status=TargetStatus(t.status),
        )
        for t in session.scalars(
            select(ClimateTarget).where(ClimateTarget.period_id == period_id).order_by(ClimateTarget.position)
        )
    )
    basis = session.get(MetricBasis, period_id)
    return MetricSet(inventory, cross_industry_of(cross), targets), (basis.version if basis else 0)


# ---- writing ---------------------------------------------------------------------------------------
def _basis_values(basis: Basis) -> dict[str, Any]:
    return {
        "boundary": basis.boundary.value if basis.boundary else None,
        "verification": basis.verification.value if basis.verification else None,
        "scope2_for_total": basis.scope2_for_total.value,
        **{name: getattr(basis, name) for name in BASIS_TEXT},
    }


def _line_values(line: Line) -> dict[str, Any]:
    return {
        "value": line.value,
        "tce": line.tce,
        "status": line.status.value,
        "reason": line.reason,
        "source": line.source,
        "reason_en": line.reason_en,
        "source_en": line.source_en,
    }


def _target_values(t: Target, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "title": t.title,
        "title_en": t.title_en,
        "metric": t.metric.value,
        "coverage": t.coverage,
        "base_year": t.base_year,
        "base_value": t.base_value,
        "target_year": t.target_year,
        "target_value": t.target_value,
        "milestones": [[m.year, str(m.value)] for m in t.milestones],
        "science_based": t.science_based,
        "validated": t.validated,
        "status": t.status.value,
    }


Audit = Any  # a callable (field, old, new) that records one change


def _same(old: Any, new: Any) -> bool:
    if old is None or new is None:
        return old is new
    if isinstance(old, Decimal) or isinstance(new, Decimal):
        return Decimal(old) == Decimal(new)
    return bool(old == new)


def _apply(obj: Any, values: dict[str, Any], prefix: str, audit: Audit) -> None:
    for name, new in values.items():
        old = getattr(obj, name)
        if _same(old, new):
            continue
        setattr(obj, name, new)
        audit(f"{prefix}{name}", old, new)


def write_metric_set(session: Session, period_id: int, metrics: MetricSet, user: str, audit: Audit) -> MetricBasis:
    """Write a validated metric set over what the period holds, auditing each changed field. Nothing is
    flushed here, so the caller's stamp on the basis makes one update (one new version)."""
    with session.no_autoflush:
        return _write(session, period_id, metrics, user, audit)


def _write(session: Session, period_id: int, metrics: MetricSet, user: str, audit: Audit) -> MetricBasis:
    basis = session.get(MetricBasis, period_id)
    if basis is None:
        basis = MetricBasis(period_id=period_id, updated_by=user)
        session.add(basis)
        audit("basis", None, "created")
    _apply(basis, _basis_values(metrics.inventory.basis), "basis.", audit)

    stored = {r.code: r for r in session.scalars(select(InventoryLine).where(InventoryLine.period_id == period_id))}
    for line in metrics.inventory.lines:
        row = stored.get(line.code)
        if row is None:
            row = InventoryLine(period_id=period_id, code=line.code, status=LineStatus.CALCULATED.value)
            row.value = row.tce = None
            row.reason = row.source = row.reason_en = row.source_en = ""
            session.add(row)
        _apply(row, _line_values(line), f"lines[{line.code}].", audit)

    cross = {
        r.code: r for r in session.scalars(select(CrossIndustryEntry).where(CrossIndustryEntry.period_id == period_id))
    }
    for m in metrics.cross_industry:
        row_c = cross.get(m.code.value)
        if row_c is None:
            row_c = CrossIndustryEntry(period_id=period_id, code=m.code.value, state=MeasureState.NOT_MEASURED.value)
            row_c.amount = row_c.share_pct = None
            row_c.unit = row_c.narrative = ""
            session.add(row_c)
        values = {
            "state": m.state.value,
            "amount": m.amount,
            "unit": m.unit,
            "share_pct": m.share_pct,
            "narrative": m.narrative,
        }
        _apply(row_c, values, f"cross_industry[{m.code.value}].", audit)

    _replace_list(
        session,
        CustomMetricEntry,
        period_id,
        [
            {
                "position": i,
                "name_zh": c.name_zh,
                "name_en": c.name_en,
                "unit": c.unit,
                "value": c.value,
                "source": c.source,
                "source_en": c.source_en,
            }
            for i, c in enumerate(metrics.inventory.custom)
        ],
        "custom",
        audit,
    )
    _replace_list(
        session,
        ClimateTarget,
        period_id,
        [_target_values(t, i) for i, t in enumerate(metrics.targets)],
        "targets",
        audit,
    )
    return basis


def _replace_list(
    session: Session, model: Any, period_id: int, rows: list[dict[str, Any]], name: str, audit: Audit
) -> None:
    """Positioned rows (custom metrics, targets): changed fields audited in place, extra rows removed."""
    stored = list(session.scalars(select(model).where(model.period_id == period_id).order_by(model.position)))
    for index, values in enumerate(rows):
        if index < len(stored):
            _apply(stored[index], values, f"{name}[{index}].", audit)
        else:
            session.add(model(period_id=period_id, **values))
            audit(f"{name}[{index}]", None, values.get("title") or values.get("name_zh") or values.get("name_en"))
    for index, row in enumerate(stored[len(rows) :], start=len(rows)):
        audit(f"{name}[{index}]", getattr(row, "title", None) or getattr(row, "name_zh", None), None)
        session.execute(delete(model).where(model.id == row.id))
