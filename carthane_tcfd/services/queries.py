"""Bulk reads for reports: Core selects of rows, no ORM objects (whole items load several times faster
this way than through the ORM with selectinload; the figures are in README, Performance). The grid's
reads are in services/grid.py."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import Select, Text, and_, case, cast, func, select
from sqlalchemy.orm import Session

from carthane_tcfd.domain.records import ActionCounts, DamagedItem, ItemSnapshot, MitigationSnapshot
from carthane_tcfd.domain.taxonomy import Kind, MitigationStatus
from carthane_tcfd.services.convert import item_snapshot, mitigation_snapshot
from carthane_tcfd.services.effects import period_effects
from carthane_tcfd.services.grid import left_out
from carthane_tcfd.services.repair import damaged as damaged_item
from carthane_tcfd.services.repair import item_damage, mitigation_damage
from carthane_tcfd.store.grid_sql import CODE_LISTS
from carthane_tcfd.store.models import Item, Mitigation

ITEMS = Item.__table__
MITIGATIONS = Mitigation.__table__
OPEN_STATUSES = [s.value for s in MitigationStatus if s.is_open]
# every item column, the code lists as JSON text: one malformed list names its item instead of failing the query
ITEM_COLUMNS = [cast(c, Text).label(c.name) if c.name in CODE_LISTS else c for c in ITEMS.c]


def _of_period(query: Select[Any], period_id: int, kind: Kind | None, via_join: bool) -> Select[Any]:
    if via_join:
        query = query.join(ITEMS, ITEMS.c.id == MITIGATIONS.c.item_id)
    query = query.where(ITEMS.c.period_id == period_id)
    return query if kind is None else query.where(ITEMS.c.kind == kind.value)


def period_items(
    session: Session,
    period_id: int,
    matrix_size: int,
    kind: Kind | None = None,
    damaged: list[DamagedItem] | None = None,
) -> list[ItemSnapshot]:
    """Every item of a period (or of one kind) with its mitigations in order and its financial effects.
    An item holding a value the program cannot use is left out, and added to `damaged` when given."""
    items = _of_period(select(*ITEM_COLUMNS), period_id, kind, via_join=False)
    actions = _of_period(select(MITIGATIONS), period_id, kind, via_join=True)
    actions = actions.order_by(MITIGATIONS.c.item_id, MITIGATIONS.c.position)
    by_item: dict[int, list[MitigationSnapshot]] = defaultdict(list)
    bad_actions: dict[int, tuple[str, Any]] = {}
    for row in session.execute(actions).all():  # all(): one fetchall instead of a fetchone per row
        found = mitigation_damage(row._mapping)
        if found is None:
            by_item[row.item_id].append(mitigation_snapshot(row))
        else:
            bad_actions.setdefault(row.item_id, found)
    effects = period_effects(session, period_id, kind)
    out = []
    for row in session.execute(items).all():
        found = item_damage(row._mapping, matrix_size) or bad_actions.get(row.id)
        if found is not None:
            left_out(damaged, damaged_item(row.id, row.code, found))
            continue
        out.append(item_snapshot(row, matrix_size, tuple(by_item.get(row.id, ())), effects.get(row.id)))
    return out


def period_action_counts(session: Session, period_id: int, today: dt.date) -> ActionCounts:
    """How many mitigations of a period are in each status, and how many open ones are past due."""
    is_late = and_(MITIGATIONS.c.status.in_(OPEN_STATUSES), MITIGATIONS.c.due < today)
    late = func.sum(case((is_late, 1), else_=0))
    query = select(MITIGATIONS.c.status, func.count(), late)
    query = _of_period(query, period_id, None, via_join=True).group_by(MITIGATIONS.c.status)
    by_status = dict.fromkeys(MitigationStatus, 0)
    overdue = 0
    for status, count, late_count in session.execute(query).all():
        by_status[MitigationStatus(status)] = int(count)
        overdue += int(late_count or 0)
    return by_status, overdue
