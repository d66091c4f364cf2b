"""Reporting periods: settings, copy to the next year, register snapshots for reports, comparisons of
two periods and the audit history. The sign-off workflow is in workflow.py."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, selectinload

from carthane_tcfd.domain.comparison import PeriodComparison, compare_periods
from carthane_tcfd.domain.errors import ConflictError, NotFound, UserError, ValidationFailed
from carthane_tcfd.domain.records import (
    NARRATIVE_COLUMNS,
    PeriodDraft,
    PeriodSnapshot,
    RegisterSnapshot,
)
from carthane_tcfd.domain.taxonomy import Horizon, MitigationStatus
from carthane_tcfd.domain.validation import validate_period, validate_period_title, validate_year
from carthane_tcfd.services.context import ServiceContext, editable, locked_period, period_by_year
from carthane_tcfd.services.convert import period_snapshot
from carthane_tcfd.services.effects import copy_effects
from carthane_tcfd.services.scenarios import copy_scenarios
from carthane_tcfd.services.snapshots import reported_content
from carthane_tcfd.services.workflow import signoff_of
from carthane_tcfd.store.metric_records import read_metric_set, write_metric_set
from carthane_tcfd.store.models import CodeCounter, Item, Mitigation, Period, Scenario, utcnow
from carthane_tcfd.store.scenario_defaults import default_scenario_rows


class PeriodService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def all(self) -> list[PeriodSnapshot]:
        with self.ctx.read() as session:
            return [period_snapshot(p) for p in session.scalars(select(Period).order_by(Period.year))]

    def get(self, year: int | None = None) -> PeriodSnapshot:
        """The period of `year`, or the latest one."""
        with self.ctx.read() as session:
            return period_snapshot(_period_or_latest(session, year))

    def create(self, year: int, title: str) -> PeriodSnapshot:
        """An empty draft period with default settings."""
        from carthane_tcfd.domain.scales import DEFAULT_IMPACT_THRESHOLDS_CNY, DEFAULT_MATRIX_SIZE

        problems = validate_year(year) + validate_period_title(title.strip() or f"{year}")
        if problems:
            raise ValidationFailed(problems)
        with self.ctx.write() as session:
            if session.scalars(select(Period.id).where(Period.year == year)).first():
                raise UserError(f"{year} 年度已存在。", f"A register for {year} exists already.")
            period = Period(
                year=year,
                title=title.strip() or f"{year}",
                matrix_size=DEFAULT_MATRIX_SIZE,
                horizon_definitions=_default_horizons(),
                impact_thresholds=list(DEFAULT_IMPACT_THRESHOLDS_CNY),
                updated_by=self.ctx.user,
            )
            session.add(period)
            session.flush()
            session.execute(insert(Scenario), default_scenario_rows(period.id, self.ctx.user))
            self.ctx.audit(session, "period", period.id, "create", new=period.title, year=year)
            return period_snapshot(period)

    def update(self, year: int, draft: PeriodDraft, expected_version: int) -> PeriodSnapshot:
        with self.ctx.write() as session:
            period = editable(locked_period(session, year))
            if period.version != expected_version:
                raise ConflictError(f"{year}", period.updated_by, period.updated_at)
            problems = validate_period(draft, _highest_score(session, period.id))
            if problems:
                raise ValidationFailed(problems)
            values = {
                "title": draft.title.strip(),
                "matrix_size": draft.matrix_size,
                "horizon_definitions": draft.horizon_definitions,
                "impact_thresholds": list(draft.impact_thresholds_cny),
                **{column: getattr(draft.narrative, name) for name, column in NARRATIVE_COLUMNS.items()},
                "one_person_team": draft.one_person_team,
            }
            if self.ctx.apply(session, period, values, "period", item_id=None, year=year):
                period.updated_at = utcnow()
                period.updated_by = self.ctx.user
            session.flush()
            return period_snapshot(period)

    def copy_to_next_year(self, year: int) -> PeriodSnapshot:
        """A new draft period for year+1 with every open item (codes kept; closed items stay behind), its
        open mitigations and financial effects, the scenario set, inputs and assessment grid, and the
        metrics' structure (lines with their status and reason, basis, custom metrics' names, targets)
        without this year's figures."""
        with self.ctx.write() as session:
            source = period_by_year(session, year)
            target_year = year + 1
            if validate_year(target_year):
                raise ValidationFailed(validate_year(target_year))
            if session.scalars(select(Period.id).where(Period.year == target_year)).first():
                raise UserError(f"{target_year} 年度已存在。", f"A register for {target_year} exists already.")
            now = utcnow()
            target = Period(
                year=target_year,
                title=source.title.replace(str(year), str(target_year)),
                matrix_size=source.matrix_size,
                horizon_definitions=source.horizon_definitions,
                impact_thresholds=source.impact_thresholds,
                updated_by=self.ctx.user,
                # the narratives carry over (in both languages); key messages and the decision are the year's own
                **{c: getattr(source, c) for c in NARRATIVE_COLUMNS.values() if c.endswith(("_text", "_text_en"))},
            )
            session.add(target)
            session.flush()
            items = session.scalars(
                select(Item)
                .where(Item.period_id == source.id, Item.closed.is_(False))  # a closed item stays behind
                .options(selectinload(Item.mitigations))
            )
            copies: list[tuple[Item, Item]] = []
            for old in items:
                copy = Item(period_id=target.id, created_at=now, updated_at=now, updated_by=self.ctx.user)
                for column in Item.__table__.columns.keys():  # noqa: SIM118 - a ColumnCollection, not a dict
                    if column not in ("id", "period_id", "created_at", "updated_at", "updated_by", "version"):
                        setattr(copy, column, getattr(old, column))
                open_actions = [m for m in old.mitigations if MitigationStatus(m.status).is_open]
                copy.mitigations = [
                    Mitigation(
                        position=i,
                        description=m.description,
                        description_en=m.description_en,
                        owner=m.owner,
                        due=m.due,
                        status=m.status,
                        cost_cny=m.cost_cny,
                    )
                    for i, m in enumerate(open_actions)
                ]
                session.add(copy)
                copies.append((old, copy))
            session.flush()
            item_ids = {old.id: copy.id for old, copy in copies}
            copy_effects(session, item_ids)
            copy_scenarios(session, source.id, target.id, item_ids, self.ctx.user)
            for counter in session.scalars(select(CodeCounter).where(CodeCounter.period_id == source.id)):
                session.add(CodeCounter(period_id=target.id, prefix=counter.prefix, last=counter.last))
            metrics, _ = read_metric_set(session, source.id)
            write_metric_set(session, target.id, metrics.structure(), self.ctx.user, lambda *_: None)
            session.flush()
            self.ctx.audit(session, "period", target.id, "create", new=f"copied from {year}", year=target_year)
            return period_snapshot(target)

    # ---- reading for reports and history -------------------------------------------------
    def snapshot(self, year: int | None = None) -> RegisterSnapshot:
        """Everything a report needs of a period (an approved one as frozen at its approval), with its
        sign-off and the previous period's snapshot to say what changed."""
        with self.ctx.read() as session:
            period = _period_or_latest(session, year)
            previous = session.scalars(select(Period).where(Period.year == period.year - 1)).one_or_none()
            return dataclasses.replace(
                reported_content(session, period),
                previous=None if previous is None else reported_content(session, previous),
                prepared_by=self.ctx.user,
                signoff=signoff_of(session, period),
            )

    def compare(self, from_year: int, to_year: int, today: dt.date) -> PeriodComparison:
        """What changed from one period to another (each as approved, or as it stands)."""
        with self.ctx.read() as session:
            old = reported_content(session, period_by_year(session, from_year))
            new = reported_content(session, period_by_year(session, to_year))
        return compare_periods(old, new, today)


def _period_or_latest(session: Session, year: int | None) -> Period:
    if year is not None:
        return period_by_year(session, year)
    latest = session.scalars(select(Period).order_by(Period.year.desc())).first()
    if latest is None:
        raise NotFound("数据库中还没有任何年度登记册。", "The database holds no reporting period yet.")
    return latest


def _highest_score(session: Session, period_id: int) -> int:
    columns = (Item.likelihood, Item.impact, Item.residual_likelihood, Item.residual_impact)
    highest = session.execute(select(*(func.max(c) for c in columns)).where(Item.period_id == period_id)).one()
    return max(value or 0 for value in highest)


def _default_horizons() -> dict[str, dict[str, str]]:
    return {
        Horizon.SHORT.value: {"zh": "1年以内", "en": "Within 1 year"},
        Horizon.MEDIUM.value: {"zh": "1-3年", "en": "1 to 3 years"},
        Horizon.LONG.value: {"zh": "3-5年", "en": "3 to 5 years"},
    }
