"""Bulk reads for grids and reports: Core selects of rows, no ORM objects (whole items load several
times faster this way than through the ORM with selectinload, and grid rows, with one aggregate over
the mitigations, faster again; the figures are in README, Performance)."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from typing import Any

from sqlalchemy import Select, Text, and_, case, cast, func, select
from sqlalchemy.orm import Session

from carthane_tcfd.domain.records import (
    NARRATIVE_COLUMNS,
    ActionCounts,
    DamagedItem,
    ItemRow,
    ItemSnapshot,
    MitigationSnapshot,
)
from carthane_tcfd.domain.taxonomy import Kind, MitigationStatus
from carthane_tcfd.domain.translation_status import NARRATIVES
from carthane_tcfd.services.convert import CODE_LISTS, ROW_FIELDS, item_row, item_snapshot, mitigation_snapshot
from carthane_tcfd.services.effects import period_effects
from carthane_tcfd.services.repair import damaged as damaged_item
from carthane_tcfd.services.repair import item_damage, mitigation_damage
from carthane_tcfd.store.models import Item, Mitigation, Period

log = logging.getLogger("carthane_tcfd")
ITEMS = Item.__table__
MITIGATIONS = Mitigation.__table__
OPEN_STATUSES = [s.value for s in MitigationStatus if s.is_open]
ROW_COLUMNS = [cast(ITEMS.c[n], Text).label(n) if n in CODE_LISTS else ITEMS.c[n] for n in ROW_FIELDS]
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
            _left_out(damaged, damaged_item(row.id, row.code, found))
            continue
        out.append(item_snapshot(row, matrix_size, tuple(by_item.get(row.id, ())), effects.get(row.id)))
    return out


def _left_out(damaged: list[DamagedItem] | None, item: DamagedItem) -> None:
    log.warning("%s", item.message("en"))
    if damaged is not None:
        damaged.append(item)


def period_rows(
    session: Session,
    period_id: int,
    matrix_size: int,
    kind: Kind | None = None,
    damaged: list[DamagedItem] | None = None,
) -> list[ItemRow]:
    """The grid rows of a period's items: each item's columns, with one aggregate row of its
    mitigations (how many are open, and their text for quick search) instead of the mitigations.
    An item holding a value the program cannot use is left out, and added to `damaged` when given."""
    items = _of_period(select(*ROW_COLUMNS), period_id, kind, via_join=False)
    opened = func.sum(case((MITIGATIONS.c.status.in_(OPEN_STATUSES), 1), else_=0))
    actions = select(MITIGATIONS.c.item_id, opened, func.aggregate_strings(MITIGATIONS.c.description, "\n"))
    actions = _of_period(actions, period_id, kind, via_join=True).group_by(MITIGATIONS.c.item_id)
    summary = {item_id: (int(count), text) for item_id, count, text in session.execute(actions).all()}
    out = []
    for row in session.execute(items).all():
        found = item_damage(row._mapping, matrix_size)
        if found is not None:
            _left_out(damaged, damaged_item(row.id, row.code, found))
            continue
        out.append(item_row(row, matrix_size, *summary.get(row.id, (0, ""))))
    return out


def period_counts(session: Session, period_id: int) -> dict[Kind, int]:
    """How many items of each kind a period holds."""
    query = select(ITEMS.c.kind, func.count()).where(ITEMS.c.period_id == period_id).group_by(ITEMS.c.kind)
    counts = dict.fromkeys(Kind, 0)
    for kind, count in session.execute(query).all():
        counts[Kind(kind)] = int(count)
    return counts


def _missing(text: Any, english: Any) -> Any:
    """1 where a Chinese text has no English beside it, else 0 (as domain.translation_status counts)."""
    return case((and_(func.trim(text) != "", func.trim(english) == ""), 1), else_=0)


def period_english_pending(session: Session, period_id: int) -> int:
    """How many Chinese texts of a period have no English yet: the period's narratives, item titles and
    descriptions, actions (domain.translation_status.english_pending, counted in the database)."""
    period = session.get(Period, period_id)
    assert period is not None
    narratives = sum(
        1
        for name in NARRATIVES
        if getattr(period, NARRATIVE_COLUMNS[name]).strip()
        and not getattr(period, NARRATIVE_COLUMNS[f"{name}_en"]).strip()
    )
    items = select(
        func.coalesce(
            func.sum(_missing(ITEMS.c.title, ITEMS.c.title_en) + _missing(ITEMS.c.description, ITEMS.c.description_en)),
            0,
        )
    ).where(ITEMS.c.period_id == period_id)
    actions = _of_period(
        select(func.coalesce(func.sum(_missing(MITIGATIONS.c.description, MITIGATIONS.c.description_en)), 0)),
        period_id,
        None,
        via_join=True,
    )
    return narratives + sum(int(session.execute(q).scalar_one()) for q in (items, actions))


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
