"""Sign-off in the services: records of every step, segregation of duties, frozen snapshots and their
hash, comparing two periods. On SQLite and (with TCFD_TEST_PG_URL) PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select, update

from carthane_tcfd.domain.errors import PeriodLocked, UserError, ValidationFailed
from carthane_tcfd.domain.fingerprint import snapshot_hash
from carthane_tcfd.domain.records import MitigationDraft, PeriodDraft
from carthane_tcfd.domain.signoff import SegregationRefused, StepRequest
from carthane_tcfd.domain.taxonomy import PeriodStatus, WorkflowStep
from carthane_tcfd.services.register import open_register
from carthane_tcfd.store.models import FrozenSnapshot, Item, WorkflowRecord

from .test_items import new_draft


@pytest.fixture
def officers(db_url):
    """The seeded register opened by three officers: alice prepares, bob submits, carol approves."""
    opened = {name: open_register(db_url, user=name) for name in ("alice", "bob", "carol")}
    yield opened
    for reg in opened.values():
        reg.close()


def records(reg, year=2024):
    return reg.workflow.signoff(year).records


def test_each_step_is_recorded_with_who_when_comment_and_the_meeting(officers):
    bob, carol = officers["bob"], officers["carol"]
    bob.workflow.submit(2024, StepRequest("请审阅"))
    meeting = StepRequest("同意", dt.date(2025, 3, 20), "战略委员会 2025-1")
    approved = carol.workflow.approve(2024, meeting)
    assert approved.read_only and approved.status_changed_by == "carol"
    submit, approve = records(carol)
    assert (submit.step, submit.who, submit.comment) == (WorkflowStep.SUBMIT, "bob", "请审阅")
    assert (submit.from_status, submit.to_status) == (PeriodStatus.DRAFT, PeriodStatus.IN_REVIEW)
    assert (approve.step, approve.who, approve.comment) == (WorkflowStep.APPROVE, "carol", "同意")
    assert (approve.meeting_date, approve.meeting_reference) == (dt.date(2025, 3, 20), "战略委员会 2025-1")
    assert approve.os_account and approve.at >= submit.at and not approve.relaxed
    assert submit.snapshot_hash is None and len(approve.snapshot_hash) == 64


def test_each_step_records_the_display_name_and_role_set_when_it_was_taken(officers):
    bob, carol = officers["bob"], officers["carol"]
    bob.set_signer("  Bob Wang ", "Head of Risk")
    bob.workflow.submit(2024, StepRequest("请审阅"))
    carol.workflow.approve(2024, StepRequest("同意"))
    submit, approve = records(carol)
    assert (submit.who, submit.display_name, submit.role) == ("bob", "Bob Wang", "Head of Risk")
    assert submit.signed_as == "Bob Wang — Head of Risk"
    assert (approve.display_name, approve.role) == ("", "")  # none set: the audit name, as before
    assert approve.signed_as == approve.signer
    with pytest.raises(ValidationFailed):
        carol.set_signer("C" * 201, "")
    carol.set_signer("", "Chair")
    carol.workflow.reopen(2024, StepRequest("补充"))
    assert records(carol)[-1].signed_as == f"{records(carol)[-1].signer} — Chair"


def test_approve_and_reopen_need_a_comment_and_nothing_is_written_without(officers):
    officers["bob"].workflow.submit(2024, StepRequest())
    with pytest.raises(ValidationFailed, match="Comment: is required"):
        officers["carol"].workflow.approve(2024, StepRequest("  "))
    assert officers["carol"].periods.get(2024).status is PeriodStatus.IN_REVIEW
    officers["carol"].workflow.approve(2024, StepRequest("同意"))
    with pytest.raises(ValidationFailed):
        officers["alice"].workflow.reopen(2024, StepRequest())
    assert officers["alice"].workflow.reopen(2024, StepRequest("补充台风风险")).status is PeriodStatus.DRAFT
    assert [r.step for r in records(officers["alice"])][-1] is WorkflowStep.REOPEN


def test_who_submitted_cannot_approve_and_is_told_why(officers):
    bob = officers["bob"]
    bob.workflow.submit(2024, StepRequest())
    with pytest.raises(SegregationRefused) as refused:
        bob.workflow.approve(2024, StepRequest("同意"))
    assert "You submitted the 2024 period for review, so you cannot approve it" in refused.value.message("en")
    assert "不能由您本人批准" in refused.value.message("zh")
    assert bob.periods.get(2024).status is PeriodStatus.IN_REVIEW
    assert len(records(bob)) == 1


def test_who_changed_items_after_submission_cannot_approve(officers):
    alice, bob, carol = officers["alice"], officers["bob"], officers["carol"]
    item = alice.items.in_period(2024)[0]
    item = alice.items.update(item.id, dataclasses.replace(item.to_draft(), owner="行政部"), item.version)
    bob.workflow.submit(2024, StepRequest())  # alice changed it before submission: she may still approve
    carol.items.add_mitigation(item.id, MitigationDraft("复核"), item.version)
    with pytest.raises(SegregationRefused, match="changed the 2024 period after it was submitted"):
        carol.workflow.approve(2024, StepRequest("同意"))
    alice.workflow.approve(2024, StepRequest("同意"))
    assert alice.periods.get(2024).status is PeriodStatus.APPROVED
    assert carol.workflow.signoff(2024).preparers == ("seed: 2024 ESG report", "alice", "carol")


def test_a_one_person_team_may_approve_its_own_submission_and_it_is_marked(officers):
    alice = officers["alice"]
    period = alice.periods.get(2024)
    draft = PeriodDraft(
        period.title,
        period.matrix_size,
        period.horizon_definitions,
        list(period.impact_thresholds_cny),
        period.narrative,
        one_person_team=True,
    )
    alice.periods.update(2024, draft, period.version)
    alice.workflow.submit(2024, StepRequest())
    alice.workflow.approve(2024, StepRequest("本人批准（一人团队）"))
    signoff = alice.workflow.signoff(2024)
    assert signoff.one_person_team and signoff.approved is not None and signoff.approved.relaxed


def test_return_for_changes_sends_the_period_back_to_draft(officers):
    officers["bob"].workflow.submit(2024, StepRequest())
    returned = officers["carol"].workflow.return_for_changes(2024, StepRequest("请补充 TR-01 的措施"))
    assert returned.status is PeriodStatus.DRAFT
    with pytest.raises(UserError, match="cannot be returned for changes"):
        officers["carol"].workflow.return_for_changes(2024, StepRequest())


def test_an_approved_period_refuses_every_change(officers):
    alice = officers["alice"]
    item = alice.items.in_period(2024)[0]
    officers["bob"].workflow.submit(2024, StepRequest())
    officers["carol"].workflow.approve(2024, StepRequest("同意"))
    with pytest.raises(PeriodLocked):
        alice.items.create(2024, new_draft())
    with pytest.raises(PeriodLocked):
        alice.items.update(item.id, item.to_draft(), item.version)
    with pytest.raises(PeriodLocked):
        alice.items.delete(item.id, item.version)
    with pytest.raises(PeriodLocked):
        alice.items.add_mitigation(item.id, MitigationDraft("x"), item.version)


def test_the_pack_of_an_approved_period_is_built_from_its_frozen_snapshot(officers):
    alice, carol = officers["alice"], officers["carol"]
    officers["bob"].workflow.submit(2024, StepRequest())
    carol.workflow.approve(2024, StepRequest("同意"))
    approved = alice.periods.snapshot(2024)
    stored_hash = records(alice)[-1].snapshot_hash
    assert approved.frozen_hash == stored_hash == snapshot_hash(approved)
    with alice.items.ctx.write() as session:  # a change behind the services' back
        session.execute(update(Item).where(Item.code == "PR-01").values(title="改过的标题"))
    again = alice.periods.snapshot(2024)
    assert again.items == approved.items and again.frozen_hash == stored_hash
    assert approved.signoff is not None and approved.signoff.approved.who == "carol"


def test_a_stored_snapshot_that_no_longer_matches_its_hash_is_refused(officers):
    officers["bob"].workflow.submit(2024, StepRequest())
    officers["carol"].workflow.approve(2024, StepRequest("同意"))
    with officers["alice"].items.ctx.write() as session:
        frozen = session.scalars(select(FrozenSnapshot)).one()
        frozen.content = frozen.content.replace("PR-01", "PR-99")
    with pytest.raises(UserError, match="does not match its hash"):
        officers["alice"].periods.snapshot(2024)


def test_reopening_keeps_the_earlier_snapshot_and_the_next_approval_adds_one(officers):
    alice, bob, carol = officers["alice"], officers["bob"], officers["carol"]
    bob.workflow.submit(2024, StepRequest())
    carol.workflow.approve(2024, StepRequest("同意"))
    alice.workflow.reopen(2024, StepRequest("补充"))
    item = alice.items.in_period(2024)[0]
    alice.items.update(item.id, dataclasses.replace(item.to_draft(), owner="行政部"), item.version)
    bob.workflow.submit(2024, StepRequest())
    carol.workflow.approve(2024, StepRequest("再次同意"))
    hashes = [r.snapshot_hash for r in records(alice) if r.step is WorkflowStep.APPROVE]
    assert len(hashes) == 2 and hashes[0] != hashes[1]
    with alice.items.ctx.read() as session:
        assert len(session.scalars(select(FrozenSnapshot)).all()) == 2
        steps = session.scalars(select(WorkflowRecord.step).order_by(WorkflowRecord.id)).all()
    assert steps == ["submit", "approve", "reopen", "submit", "approve"]
    assert alice.periods.snapshot(2024).frozen_hash == hashes[1]


def test_compare_two_periods_through_the_services(officers):
    alice = officers["alice"]
    alice.periods.copy_to_next_year(2024)
    first, second, third = alice.items.in_period(2025)[:3]
    alice.items.update(first.id, dataclasses.replace(first.to_draft(), owner="行政部"), first.version)
    alice.items.update(second.id, dataclasses.replace(second.to_draft(), likelihood=5, impact=5), second.version)
    alice.items.delete(third.id, third.version)
    added = alice.items.create(2025, new_draft())
    result = alice.periods.compare(2024, 2025, dt.date(2025, 12, 1))
    assert [i.code for i in result.new] == [added.code]
    assert [i.code for i in result.closed] == [third.code]
    assert [m.code for m in result.modified] == [first.code, second.code]
    assert [c.field for c in result.modified[0].changes] == ["owner"]
    assert {c.field for c in result.modified[1].changes} <= {"likelihood", "impact", "scores_illustrative", "notes"}
    assert [(r.code, r.new_score) for r in result.rerated] == [(second.code, 25)]


def test_an_item_is_closed_with_a_reason_stays_behind_on_copy_and_compares_as_closed(officers):
    alice = officers["alice"]
    item = alice.items.in_period(2024)[0]
    with pytest.raises(ValidationFailed, match="Reason closed: is required to close an item"):
        alice.items.update(item.id, dataclasses.replace(item.to_draft(), closed=True), item.version)
    closing = dataclasses.replace(item.to_draft(), closed=True, closed_reason="工厂已搬迁")
    closed = alice.items.update(item.id, closing, item.version)
    assert closed.closed and closed.closed_reason == "工厂已搬迁"
    assert item.code in {i.code for i in alice.items.in_period(2024)}, "closed, not deleted"
    alice.periods.copy_to_next_year(2024)
    assert item.code not in {i.code for i in alice.items.in_period(2025)}
    assert [i.code for i in alice.periods.compare(2024, 2025, dt.date(2025, 12, 1)).closed] == []  # closed before
    second = alice.items.in_period(2025)[0]
    draft = dataclasses.replace(second.to_draft(), closed=True, closed_reason="风险已消除")
    alice.items.update(second.id, draft, second.version)
    result = alice.periods.compare(2024, 2025, dt.date(2025, 12, 1))
    assert [(i.code, i.closed_reason) for i in result.closed] == [(second.code, "风险已消除")]
    assert not result.modified
