"""An item's financial effects in the store: read beside the item, written in the item's own transaction
(audited with labels), copied to the next year, and the rule a period's submission must pass."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from carthane_tcfd.domain.effects import AnticipatedEffect, FinancialEffects, NotQuantifiedReason, StatementLine
from carthane_tcfd.domain.effects_audit import anticipated_value
from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.domain.taxonomy import Horizon, Kind
from carthane_tcfd.services.context import ServiceContext
from carthane_tcfd.store.models import AnticipatedEffect as AnticipatedRow
from carthane_tcfd.store.models import FinancialEffect, Item

EFFECTS = FinancialEffect.__table__
ANTICIPATED = AnticipatedRow.__table__
ITEMS = Item.__table__


def _audit_values(e: FinancialEffects) -> dict[str, Any]:
    """The effects' fields as the audit trail keeps them: codes (the history labels them in the reader's
    language, domain/audit_text.py), the statement lines in their list order."""
    return {
        "current_narrative": e.current_narrative,
        "current_cny": e.current_cny,
        "statement_lines": ",".join(line.value for line in StatementLine if line.value in e.statement_lines),
        "material_adjustment": e.material_adjustment,
        "reason_code": e.reason.value if e.reason else "",
        "reason_text": e.reason_text,
    }


def _row_values(e: FinancialEffects) -> dict[str, Any]:
    return {
        "current_narrative": e.current_narrative,
        "current_cny": e.current_cny,
        "statement_lines": list(e.statement_lines),
        "material_adjustment": e.material_adjustment,
        "reason_code": e.reason.value if e.reason else None,
        "reason_text": e.reason_text,
        "reason_from_seed": e.reason_from_seed,
    }


def effects_of(row: Any, anticipated: Iterable[Any]) -> FinancialEffects:
    """Effects from a financial_effect row (None: none stored) and its anticipated rows."""
    ahead = tuple(AnticipatedEffect(a.horizon, a.low_cny, a.high_cny, a.basis) for a in anticipated)
    if row is None:
        return FinancialEffects(anticipated=ahead)
    return FinancialEffects(
        current_narrative=row.current_narrative,
        current_cny=row.current_cny,
        anticipated=ahead,
        statement_lines=tuple(row.statement_lines or ()),
        material_adjustment=bool(row.material_adjustment),
        reason=NotQuantifiedReason(row.reason_code) if row.reason_code else None,
        reason_text=row.reason_text,
        reason_from_seed=bool(row.reason_from_seed),
    )


def _horizon_order(a: Any) -> int:
    return list(Horizon).index(Horizon(a.horizon)) if a.horizon in Horizon._value2member_map_ else 9


def period_effects(session: Session, period_id: int, kind: Kind | None = None) -> dict[int, FinancialEffects]:
    """The effects of every item of a period that has any, by item id."""
    of_period = select(ITEMS.c.id).where(ITEMS.c.period_id == period_id)
    if kind is not None:
        of_period = of_period.where(ITEMS.c.kind == kind.value)
    ahead: dict[int, list[Any]] = defaultdict(list)
    for row in session.execute(select(ANTICIPATED).where(ANTICIPATED.c.item_id.in_(of_period))).all():
        ahead[row.item_id].append(row)
    rows = {row.item_id: row for row in session.execute(select(EFFECTS).where(EFFECTS.c.item_id.in_(of_period)))}
    return {
        item_id: effects_of(rows.get(item_id), sorted(ahead.get(item_id, ()), key=_horizon_order))
        for item_id in rows.keys() | ahead.keys()
    }


def item_effects(session: Session, item_id: int) -> FinancialEffects:
    row = session.execute(select(EFFECTS).where(EFFECTS.c.item_id == item_id)).one_or_none()
    ahead = session.execute(select(ANTICIPATED).where(ANTICIPATED.c.item_id == item_id)).all()
    return effects_of(row, sorted(ahead, key=_horizon_order))


def write_effects(ctx: ServiceContext, session: Session, item_id: int, new: FinancialEffects, year: int) -> list[str]:
    """Make the stored effects of an item equal `new`, auditing each change; the fields that changed.
    Runs inside the item's own transaction."""
    old = item_effects(session, item_id)
    if old == new:
        return []
    changed: list[str] = []
    before, after = _audit_values(old), _audit_values(new)
    for name in before:
        if before[name] != after[name]:
            ctx.audit(
                session,
                "item",
                item_id,
                "update",
                field=name,
                old=before[name] if before[name] not in ("", None) else None,
                new=after[name] if after[name] not in ("", None) else None,
                item_id=item_id,
                year=year,
            )
            changed.append(name)
    old_ahead = {a.horizon: a for a in old.anticipated}
    new_ahead = {a.horizon: a for a in new.anticipated if a.quantified or a.basis.strip()}
    for horizon in sorted(old_ahead.keys() | new_ahead.keys()):
        was, now = old_ahead.get(horizon), new_ahead.get(horizon)
        if was != now:
            ctx.audit(
                session,
                "item",
                item_id,
                "update",
                field="anticipated",
                old=anticipated_value(was),
                new=anticipated_value(now),
                item_id=item_id,
                year=year,
            )
            changed.append("anticipated")
    session.execute(delete(FinancialEffect).where(FinancialEffect.item_id == item_id))
    session.execute(insert(FinancialEffect).values(item_id=item_id, **_row_values(new)))
    session.execute(delete(AnticipatedRow).where(AnticipatedRow.item_id == item_id))
    if new_ahead:
        session.execute(
            insert(AnticipatedRow),
            [
                {
                    "item_id": item_id,
                    "horizon": a.horizon,
                    "low_cny": a.low_cny,
                    "high_cny": a.high_cny,
                    "basis": a.basis,
                }
                for a in new_ahead.values()
            ],
        )
    return changed


def copy_effects(session: Session, item_ids: dict[int, int]) -> None:
    """Copy the effects of the items `item_ids` maps (old id → new id)."""
    if not item_ids:
        return
    effects = session.execute(select(EFFECTS).where(EFFECTS.c.item_id.in_(item_ids))).mappings().all()
    if effects:
        session.execute(insert(FinancialEffect), [{**row, "item_id": item_ids[row["item_id"]]} for row in effects])
    ahead = session.execute(select(ANTICIPATED).where(ANTICIPATED.c.item_id.in_(item_ids))).mappings().all()
    if ahead:
        session.execute(
            insert(AnticipatedRow),
            [{k: v for k, v in {**row, "item_id": item_ids[row["item_id"]]}.items() if k != "id"} for row in ahead],
        )


def unaccounted_codes(session: Session, period_id: int) -> list[str]:
    """The codes of a period's open items that give neither a figure nor a reason why there is none."""
    effects = period_effects(session, period_id)
    open_items = select(ITEMS.c.id, ITEMS.c.code).where(ITEMS.c.period_id == period_id, ITEMS.c.closed.is_(False))
    codes = session.execute(open_items).all()  # a closed item is no longer reported on
    missing = [code for item_id, code in codes if not effects.get(item_id, FinancialEffects()).accounted_for]
    return sorted(missing)


def require_effects_accounted(session: Session, period_id: int) -> None:
    """The rule a submission for review must pass: every item has figures or a reason (IFRS S2 ¶21)."""
    missing = unaccounted_codes(session, period_id)
    if missing:
        shown = ", ".join(missing[:20]) + (f" … (+{len(missing) - 20})" if len(missing) > 20 else "")
        raise UserError(
            f"以下条目既无财务影响金额，也未说明未量化的原因，不能提交审阅：{shown}",
            f"These items give neither financial-effect figures nor a reason why not, so the period cannot be "
            f"submitted for review: {shown}",
        )
