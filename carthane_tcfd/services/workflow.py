"""The sign-off of a period: submit for review, approve, return for changes, reopen. Each step is recorded
(who, OS account, when, comment, committee meeting), an approval freezes the period's content with its
hash, and segregation of duties is held here, for the GUI, a second session and the CLI alike."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from carthane_tcfd.domain.errors import UserError, ValidationFailed
from carthane_tcfd.domain.records import PeriodSnapshot
from carthane_tcfd.domain.signoff import (
    TRANSITIONS,
    Signoff,
    SignoffRecord,
    StepRequest,
    segregation_refusal,
    validate_request,
)
from carthane_tcfd.domain.taxonomy import PeriodStatus, WorkflowStep
from carthane_tcfd.services.context import ServiceContext, locked_period, period_by_year
from carthane_tcfd.services.convert import period_snapshot
from carthane_tcfd.services.effects import require_effects_accounted
from carthane_tcfd.services.snapshots import freeze
from carthane_tcfd.services.users import os_account
from carthane_tcfd.store.models import AuditEntry, FrozenSnapshot, Period, WorkflowRecord, utcnow


class WorkflowService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.os_account = os_account()

    def submit(self, year: int, request: StepRequest) -> PeriodSnapshot:
        return self.step(year, WorkflowStep.SUBMIT, request)

    def approve(self, year: int, request: StepRequest) -> PeriodSnapshot:
        return self.step(year, WorkflowStep.APPROVE, request)

    def return_for_changes(self, year: int, request: StepRequest) -> PeriodSnapshot:
        return self.step(year, WorkflowStep.RETURN, request)

    def reopen(self, year: int, request: StepRequest) -> PeriodSnapshot:
        return self.step(year, WorkflowStep.REOPEN, request)

    def step(self, year: int, step: WorkflowStep, request: StepRequest) -> PeriodSnapshot:
        """Move the period one step, checked and recorded in one transaction that holds the period's row,
        so no change to the period can commit between the check and the step."""
        sources, target = TRANSITIONS[step]
        problems = validate_request(step, request, dt.date.today())
        if problems:
            raise ValidationFailed(problems)
        with self.ctx.write() as session:
            period = locked_period(session, year)
            current = PeriodStatus(period.status)
            if current not in sources:
                raise UserError(
                    f"{year} 年度当前为「{current.label('zh')}」，不能执行「{step.label('zh')}」。",
                    f"The {year} period is {current.label('en').lower()}; it cannot be {step.label('en').lower()}.",
                )
            if step is WorkflowStep.SUBMIT:
                require_effects_accounted(session, period.id)
            relaxed = step is WorkflowStep.APPROVE and self._check_segregation(session, period)
            now = utcnow()
            period.status = target.value
            period.status_changed_by = self.ctx.user
            period.status_changed_at = now
            period.updated_at = now
            period.updated_by = self.ctx.user
            session.flush()
            frozen = freeze(session, period, self.ctx.user) if step is WorkflowStep.APPROVE else None
            session.add(
                WorkflowRecord(
                    period_id=period.id,
                    step=step.value,
                    from_status=current.value,
                    to_status=target.value,
                    who=self.ctx.user,
                    os_account=self.os_account,
                    display_name=self.ctx.signer_name,
                    role=self.ctx.signer_role,
                    at=now,
                    comment=request.comment.strip(),
                    meeting_date=request.meeting_date,
                    meeting_reference=request.meeting_reference.strip(),
                    relaxed=relaxed,
                    snapshot_id=frozen.id if frozen else None,
                )
            )
            self.ctx.audit(
                session, "period", period.id, "status", field="status", old=current.value, new=target.value, year=year
            )
            if request.comment.strip():
                self.ctx.audit(session, "period", period.id, "status", field="comment", new=request.comment, year=year)
            session.flush()
            return period_snapshot(period)

    def _check_segregation(self, session: Session, period: Period) -> bool:
        """Refuse an approval by who submitted the period or changed it since; True when the period's
        one-person-team setting let such an approval through."""
        submitted = session.scalars(
            select(WorkflowRecord)
            .where(WorkflowRecord.period_id == period.id, WorkflowRecord.step == WorkflowStep.SUBMIT.value)
            .order_by(WorkflowRecord.id.desc())
        ).first()
        editors: set[str] = set()
        if submitted is not None:
            editors = set(
                session.scalars(
                    select(AuditEntry.who)
                    .distinct()
                    .where(
                        AuditEntry.period_year == period.year,
                        AuditEntry.action != "status",
                        AuditEntry.at >= submitted.at,
                    )
                )
            )
        refusal = segregation_refusal(period.year, self.ctx.user, submitted.who if submitted else None, editors)
        if refusal is None:
            return False
        if not period.one_person_team:
            raise refusal
        return True

    def signoff(self, year: int) -> Signoff:
        """The period's sign-off records, oldest first, with who prepared its content."""
        with self.ctx.read() as session:
            return signoff_of(session, period_by_year(session, year))


def signoff_of(session: Session, period: Period) -> Signoff:
    rows = session.execute(
        select(WorkflowRecord, FrozenSnapshot.content_hash)
        .outerjoin(FrozenSnapshot, FrozenSnapshot.id == WorkflowRecord.snapshot_id)
        .where(WorkflowRecord.period_id == period.id)
        .order_by(WorkflowRecord.id)
    ).all()
    records = tuple(
        SignoffRecord(
            step=WorkflowStep(r.step),
            from_status=PeriodStatus(r.from_status),
            to_status=PeriodStatus(r.to_status),
            who=r.who,
            os_account=r.os_account,
            at=r.at,
            comment=r.comment,
            meeting_date=r.meeting_date,
            meeting_reference=r.meeting_reference,
            relaxed=r.relaxed,
            snapshot_hash=content_hash,
            display_name=r.display_name,
            role=r.role,
        )
        for r, content_hash in rows
    )
    first_edit = func.min(AuditEntry.at)
    editors = session.execute(
        select(AuditEntry.who, first_edit, func.max(AuditEntry.at))
        .where(AuditEntry.period_year == period.year, AuditEntry.action != "status")
        .group_by(AuditEntry.who)
        .order_by(first_edit)
    ).all()
    last_edit = max((last for _who, _first, last in editors), default=None)
    return Signoff(records, tuple(who for who, _first, _last in editors), last_edit, period.one_person_team)
