"""The race between saves and an approval, run in separate processes: the status check and the write of
every change are one atomic step, so no change lands after the approval (DESIGN §4)."""

from __future__ import annotations

import dataclasses
import multiprocessing
import time
from typing import Any

import pytest
from sqlalchemy import func, select

from carthane_tcfd.domain.errors import PeriodLocked
from carthane_tcfd.domain.signoff import StepRequest
from carthane_tcfd.services.register import open_register
from carthane_tcfd.store.models import AuditEntry

TRIALS = 3
SAVERS = 2


def keep_saving(url: str, name: str, index: int, barrier: Any, started: Any, results: Any) -> None:
    """In each trial, save one item again and again until the period refuses; report how many saves
    were accepted."""
    reg = open_register(url, user=name)
    try:
        for _ in range(TRIALS):
            barrier.wait(60)
            saves, deadline = 0, time.monotonic() + 20
            while time.monotonic() < deadline:
                item = reg.items.in_period(2024)[index]
                draft = dataclasses.replace(item.to_draft(), owner=f"{name} {saves}")
                try:
                    reg.items.update(item.id, draft, item.version)
                except PeriodLocked:
                    break
                saves += 1
                if saves == 3:
                    started.release()
            results.put(saves)
    finally:
        reg.close()


def approve_when_saving(url: str, barrier: Any, started: Any) -> None:
    """In each trial, approve once every saver has saved a few times."""
    reg = open_register(url, user="carol")
    try:
        for _ in range(TRIALS):
            barrier.wait(60)
            for _ in range(SAVERS):
                started.acquire(timeout=20)
            reg.workflow.approve(2024, StepRequest("同意"))
    finally:
        reg.close()


def changes_after_approval(reg: Any) -> int:
    """Audit entries of items or actions written after the last approval's status entry."""
    with reg.items.ctx.read() as session:
        approval = session.scalar(
            select(func.max(AuditEntry.id)).where(AuditEntry.field == "status", AuditEntry.new_value == "approved")
        )
        return session.scalar(
            select(func.count()).where(AuditEntry.id > approval, AuditEntry.entity.in_(["item", "mitigation"]))
        )


@pytest.mark.slow  # three processes start (about 2 s each on a busy machine); the trials take a second each
def test_no_save_lands_after_a_concurrent_approval(db_url):
    spawn = multiprocessing.get_context("spawn")
    reg = open_register(db_url, user="bob")
    barrier, started, results = spawn.Barrier(SAVERS + 2), spawn.Semaphore(0), spawn.Queue()
    savers = [
        spawn.Process(target=keep_saving, args=(db_url, f"saver{n}", n, barrier, started, results))
        for n in range(SAVERS)
    ]
    approver = spawn.Process(target=approve_when_saving, args=(db_url, barrier, started))
    for process in (*savers, approver):
        process.start()
    try:
        for trial in range(TRIALS):
            if trial:
                reg.workflow.reopen(2024, StepRequest("再试一次"))
            reg.workflow.submit(2024, StepRequest())
            barrier.wait(60)
            accepted = [results.get(timeout=60) for _ in savers]
            assert all(count >= 3 for count in accepted), accepted
            while reg.periods.get(2024).status.value != "approved":  # the approver commits after the savers stop
                time.sleep(0.05)
            assert changes_after_approval(reg) == 0, f"trial {trial}"
            approved = reg.periods.snapshot(2024)
            assert approved.items == tuple(reg.items.in_period(2024)), "the approved snapshot is the register now"
    finally:
        for process in (*savers, approver):
            process.join(60)
        reg.close()
    assert [p.exitcode for p in (*savers, approver)] == [0] * (SAVERS + 1)
