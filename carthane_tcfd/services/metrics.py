"""Metrics and targets of a period: read with the other years for comparatives and trend, saved whole
after validation in one transaction with its audit entries, refused in an approved period."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from carthane_tcfd.domain.errors import ConflictError, ValidationFailed
from carthane_tcfd.domain.inventory import InventoryTotals, inventory_totals
from carthane_tcfd.domain.metric_set import MetricSet, MetricsView
from carthane_tcfd.domain.metrics_validation import validate_metric_set
from carthane_tcfd.domain.taxonomy import PeriodStatus
from carthane_tcfd.services.context import ServiceContext, editable, period_by_year
from carthane_tcfd.store.metric_records import read_inventories, read_metric_set, write_metric_set
from carthane_tcfd.store.models import MetricBasis, Period, utcnow


def metrics_view(session: Session, period: Period) -> MetricsView:
    """A period's metric set with every period's inventory (for comparatives, trend and progress)."""
    metrics, version = read_metric_set(session, period.id)
    years = dict(session.execute(select(Period.id, Period.year)).tuples().all())
    inventories = read_inventories(session, list(years))
    history = tuple(sorted((years[pid], inv) for pid, inv in inventories.items() if pid != period.id))
    return MetricsView(
        year=period.year,
        current=metrics,
        history=history,
        version=version,
        read_only=period.status == PeriodStatus.APPROVED.value,
    )


class MetricService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def view(self, year: int) -> MetricsView:
        with self.ctx.read() as session:
            return metrics_view(session, period_by_year(session, year))

    def totals(self, year: int) -> InventoryTotals:
        """Scope 1, 2 (location and market), 3 and total, energy, purchased electricity… of a year, as
        computed from its inventory (what the scenario sensitivities start from)."""
        with self.ctx.read() as session:
            period = period_by_year(session, year)
            return inventory_totals(read_inventories(session, [period.id])[period.id])

    def save(self, year: int, metrics: MetricSet, expected_version: int) -> MetricsView:
        """Validate, then write the whole set in one transaction; a stale version is a conflict."""
        problems = validate_metric_set(metrics)
        if problems:
            raise ValidationFailed(problems)
        with self.ctx.write() as session:
            period = editable(period_by_year(session, year))
            _, version = read_metric_set(session, period.id)
            if version != expected_version:
                who, when = basis_stamp(session, period.id)
                raise ConflictError((f"{year} 指标与目标", f"{year} metrics and targets"), who, when)
            write_metrics(self.ctx, session, period, metrics)
            return metrics_view(session, period)


def write_metrics(ctx: ServiceContext, session: Session, period: Period, metrics: MetricSet) -> None:
    """Write a validated metric set over the period's, auditing each changed field and stamping the basis
    (one new version) when anything changed."""
    changes: list[str] = []

    def audit(field: str, old: Any, new: Any) -> None:
        changes.append(field)
        ctx.audit(session, "metrics", period.id, "update", field=field, old=old, new=new, year=period.year)

    basis = write_metric_set(session, period.id, metrics, ctx.user, audit)
    if changes:
        basis.updated_at = utcnow()
        basis.updated_by = ctx.user
    session.flush()


def basis_stamp(session: Session, period_id: int) -> tuple[str, Any]:
    basis = session.get(MetricBasis, period_id)
    return (basis.updated_by, basis.updated_at) if basis else ("", None)
