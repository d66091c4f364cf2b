"""Sign-off of a period: the steps of its workflow as recorded, what a step asks of the user, and the
segregation of duties the services hold every approval to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.domain.taxonomy import PeriodStatus, WorkflowStep

if TYPE_CHECKING:
    from carthane_tcfd.domain.validation import Problem

# Who the audit trail names for what the application wrote itself from the 2024 ESG report (the seed).
SEED_AUTHOR = "seed: 2024 ESG report"
SEED_AUTHOR_READ = (
    "本系统据 2024 年 ESG 报告转录（尚无编制人）",
    "Transcribed by the application from the 2024 ESG report (no preparer yet)",
)


def preparer_name(name: str, lang: str) -> str:
    """A preparer as a reader of the pack sees them: the seed said in words, not by its audit name."""
    if name == SEED_AUTHOR:
        return SEED_AUTHOR_READ[0 if lang == "zh" else 1]
    return name


COMMENT_MAX = 4_000
MEETING_REFERENCE_MAX = 200

# Which status each step leaves from, and goes to.
TRANSITIONS: dict[WorkflowStep, tuple[tuple[PeriodStatus, ...], PeriodStatus]] = {
    WorkflowStep.SUBMIT: ((PeriodStatus.DRAFT,), PeriodStatus.IN_REVIEW),
    WorkflowStep.APPROVE: ((PeriodStatus.IN_REVIEW,), PeriodStatus.APPROVED),
    WorkflowStep.RETURN: ((PeriodStatus.IN_REVIEW,), PeriodStatus.DRAFT),
    WorkflowStep.REOPEN: ((PeriodStatus.IN_REVIEW, PeriodStatus.APPROVED), PeriodStatus.DRAFT),
}
NEEDS_COMMENT = frozenset({WorkflowStep.APPROVE, WorkflowStep.REOPEN})


@dataclass(frozen=True)
class StepRequest:
    """What the user gives with a step: a comment, and with an approval the committee meeting."""

    comment: str = ""
    meeting_date: dt.date | None = None
    meeting_reference: str = ""


@dataclass(frozen=True)
class SignoffRecord:
    step: WorkflowStep
    from_status: PeriodStatus
    to_status: PeriodStatus
    who: str  # the name in the audit trail
    os_account: str
    at: dt.datetime  # UTC
    comment: str
    meeting_date: dt.date | None
    meeting_reference: str
    relaxed: bool  # approved under the one-person-team setting by who submitted or edited
    snapshot_hash: str | None  # an approval's frozen snapshot
    display_name: str = ""  # as the signer set it (Settings, or --name): printed instead of the audit name
    role: str = ""  # e.g. "Chief Risk Officer"

    @property
    def signer(self) -> str:
        """The name with the OS account beside it when they differ."""
        return self.who if self.who == self.os_account or not self.os_account else f"{self.who} ({self.os_account})"

    @property
    def signed_as(self) -> str:
        """ "Name — role" as the cover prints it: the display name where one was given, else the audit
        name (with the OS account where it differs); the role where one was given."""
        name = self.display_name or self.signer
        return f"{name} — {self.role}" if self.role else name


@dataclass(frozen=True)
class Signoff:
    """A period's sign-off as the cover and the history show it."""

    records: tuple[SignoffRecord, ...]  # oldest first
    preparers: tuple[str, ...]  # who changed the period's content, first editor first
    last_edit: dt.datetime | None
    one_person_team: bool

    def _last(self, step: WorkflowStep) -> SignoffRecord | None:
        return next((r for r in reversed(self.records) if r.step is step), None)

    @property
    def submitted(self) -> SignoffRecord | None:
        return self._last(WorkflowStep.SUBMIT)

    @property
    def approved(self) -> SignoffRecord | None:
        """The approval in force: the last step was an approval."""
        last = self.records[-1] if self.records else None
        return last if last is not None and last.step is WorkflowStep.APPROVE else None


def validate_request(step: WorkflowStep, request: StepRequest, today: dt.date) -> list[Problem]:
    """What stops the step going ahead; empty when nothing does."""
    from carthane_tcfd.domain.validation import (  # validation imports the records, which import this
        problem,
        text_problem,
    )

    problems = []
    comment = request.comment.strip()
    if step in NEEDS_COMMENT and not comment:
        problems.append(problem("comment", "批准或重新开启时必须填写", "is required to approve or reopen"))
    for field, text, limit in (
        ("comment", comment, COMMENT_MAX),
        ("meeting_reference", request.meeting_reference.strip(), MEETING_REFERENCE_MAX),
    ):
        found = text_problem(field, text, limit)  # too long, or a character no database stores
        if found is not None:
            problems.append(found)
    reference = request.meeting_reference.strip()
    if step is not WorkflowStep.APPROVE and (request.meeting_date or reference):
        problems.append(problem("meeting_date", "只随批准记录", "is recorded with an approval only"))
    if request.meeting_date is not None and not dt.date(1990, 1, 1) <= request.meeting_date <= today:
        problems.append(problem("meeting_date", "须为今天或以前的日期", "must be today or earlier"))
    return problems


def same_person(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


class SegregationRefused(UserError):
    """The approver submitted the period, or edited it after it was submitted."""


def segregation_refusal(
    year: int, approver: str, submitter: str | None, editors_since_submission: set[str]
) -> SegregationRefused | None:
    """Why `approver` may not approve, or None. The services call this unless the period's
    one-person-team setting relaxes it."""
    if submitter is not None and same_person(approver, submitter):
        return SegregationRefused(
            f"您提交了 {year} 年度的审阅，不能由您本人批准；请由另一位人员批准"
            "（一人团队可在「年度 ▸ 属性」中放宽此规则，封面会注明）。",
            f"You submitted the {year} period for review, so you cannot approve it: another person must approve "
            "it (a one-person team can relax this in Period ▸ Properties; the cover says so).",
        )
    if any(same_person(approver, editor) for editor in editors_since_submission):
        return SegregationRefused(
            f"您在提交审阅后修改过 {year} 年度的内容，不能由您本人批准；请由另一位人员批准。",
            f"You changed the {year} period after it was submitted for review, so you cannot approve it: "
            "another person must approve it.",
        )
    return None
