"""A period's content for reports and comparisons: as it stands, or as frozen at its approval."""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.domain.fingerprint import content_text, text_hash
from carthane_tcfd.domain.records import RegisterSnapshot
from carthane_tcfd.domain.snapshot_data import from_data
from carthane_tcfd.domain.taxonomy import PeriodStatus, code_sort_key
from carthane_tcfd.services.convert import period_snapshot
from carthane_tcfd.services.metrics import metrics_view
from carthane_tcfd.services.queries import period_items
from carthane_tcfd.services.repair import sound_matrix_size
from carthane_tcfd.services.scenarios import scenario_set
from carthane_tcfd.store.models import FrozenSnapshot, Period, utcnow


def current_content(session: Session, period: Period) -> RegisterSnapshot:
    """A period's content as it stands: settings, items in code order with their actions and financial
    effects, metrics, the scenario set with its grid."""
    items = sorted(period_items(session, period.id, sound_matrix_size(period)), key=lambda i: code_sort_key(i.code))
    return RegisterSnapshot(
        period=period_snapshot(period),
        items=tuple(items),
        metrics=metrics_view(session, period),
        scenarios=scenario_set(session, period),
    )


def freeze(session: Session, period: Period, who: str) -> FrozenSnapshot:
    """Store the period's content as it stands, with its hash (in the caller's transaction)."""
    text = content_text(current_content(session, period))
    frozen = FrozenSnapshot(
        period_id=period.id, taken_at=utcnow(), taken_by=who, content_hash=text_hash(text), content=text
    )
    session.add(frozen)
    session.flush()
    return frozen


def frozen_content(session: Session, period: Period) -> RegisterSnapshot | None:
    """The content stored at the period's last approval, its hash checked; None if never approved."""
    frozen = session.scalars(
        select(FrozenSnapshot).where(FrozenSnapshot.period_id == period.id).order_by(FrozenSnapshot.id.desc())
    ).first()
    if frozen is None:
        return None
    if text_hash(frozen.content) != frozen.content_hash:
        raise UserError(
            f"{period.year} 年度批准时保存的快照与其哈希值不符，可能已被改动。",
            f"The snapshot stored when the {period.year} period was approved does not match its hash; "
            "it may have been altered.",
        )
    content = from_data(RegisterSnapshot, json.loads(frozen.content))
    return dataclasses.replace(content, frozen_hash=frozen.content_hash)


def reported_content(session: Session, period: Period) -> RegisterSnapshot:
    """What reports and comparisons show of a period: an approved period as approved, else as it stands."""
    if period.status == PeriodStatus.APPROVED.value:
        frozen = frozen_content(session, period)
        if frozen is not None:
            return frozen
    return current_content(session, period)
