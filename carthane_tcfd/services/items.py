"""Items and their mitigations: list, create, update, delete, reorder. Validated, audited, versioned."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload

from carthane_tcfd.domain.effects_validation import validate_effects
from carthane_tcfd.domain.errors import ConflictError, NotFound, ValidationFailed
from carthane_tcfd.domain.filtering import ItemFilter
from carthane_tcfd.domain.item_fields import Shape
from carthane_tcfd.domain.records import (
    ILLUSTRATIVE_NOTE_EN,
    ILLUSTRATIVE_NOTE_ZH,
    ITEM_FIELDS,
    ActionCounts,
    AuditRecord,
    DamagedItem,
    ItemDraft,
    ItemRow,
    ItemSnapshot,
    MitigationDraft,
)
from carthane_tcfd.domain.taxonomy import Kind
from carthane_tcfd.domain.validation import problem, validate_code, validate_item, validate_mitigation
from carthane_tcfd.services.context import ServiceContext, editable, period_by_year
from carthane_tcfd.services.convert import item_snapshot
from carthane_tcfd.services.effects import item_effects, write_effects
from carthane_tcfd.services.grid import GridService, SessionSource, ordered
from carthane_tcfd.services.queries import period_action_counts, period_items
from carthane_tcfd.services.repair import sound_matrix_size
from carthane_tcfd.services.scenarios import drop_uncovered_cells
from carthane_tcfd.store.models import AuditEntry, CodeCounter, Item, Mitigation, Period, utcnow

SCORE_FIELDS = tuple(f.name for f in ITEM_FIELDS if f.shape is Shape.SCORE)
SET_FIELDS = frozenset(f.name for f in ITEM_FIELDS if f.is_set)  # re-ordering them is no change
_CATEGORY_PROBLEM = problem(
    "category",
    "不能在物理风险、转型风险与机遇之间更改类别（编号保持不变）",
    "cannot move between physical risk, transition risk and opportunity (the code stays stable)",
)


def _item_values(draft: ItemDraft) -> dict[str, Any]:
    return {"kind": draft.kind.value, **{f.name: f.stored(getattr(draft, f.name)) for f in ITEM_FIELDS}}


def _mitigation_values(m: MitigationDraft) -> dict[str, Any]:
    return {
        "description": m.description,
        "description_en": m.description_en,
        "owner": m.owner.strip(),
        "due": m.due,
        "status": m.status.value,
        "cost_cny": m.cost_cny,
    }


def _without_illustrative_note(notes: str) -> str:
    lines = [line for line in notes.splitlines() if line not in (ILLUSTRATIVE_NOTE_ZH, ILLUSTRATIVE_NOTE_EN)]
    return "\n".join(lines)


class ItemService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.grid = GridService(SessionSource(ctx))

    # ---- reading -------------------------------------------------------------------------
    def in_period(self, year: int, kind: Kind | None = None, flt: ItemFilter | None = None) -> list[ItemSnapshot]:
        """The whole items of a period, in code order, with their mitigations."""
        with self.ctx.read() as session:
            period = period_by_year(session, year)
            items = period_items(session, period.id, sound_matrix_size(period), kind)
        return ordered(items, flt)

    def rows(self, year: int, kind: Kind | None = None, flt: ItemFilter | None = None) -> list[ItemRow]:
        """The register grid's rows of a period, in code order (see ItemRow)."""
        return self.grid.rows(year, kind, flt)

    def needing_repair(self, year: int) -> list[DamagedItem]:
        """The period's items holding a stored value the program cannot use: lists and reports leave them
        out, and say so with these."""
        return self.grid.damaged(year)

    def counts(self, year: int) -> dict[Kind, int]:
        """How many risks and opportunities the period holds."""
        return self.grid.counts(year)

    def english_pending(self, year: int) -> int:
        """How many Chinese texts of the period have no English yet (the English board pack marks them)."""
        return self.grid.english_pending(year)

    def action_counts(self, year: int, today: dt.date) -> ActionCounts:
        """The period's mitigations per status, and how many open ones are past due on `today`."""
        with self.ctx.read() as session:
            return period_action_counts(session, period_by_year(session, year).id, today)

    def get(self, item_id: int) -> ItemSnapshot:
        with self.ctx.read() as session:
            item = self._load(session, item_id)
            return _snapshot(session, item, item.period.matrix_size)

    def history(self, item_id: int) -> list[AuditRecord]:
        """The audit entries of an item and its mitigations, newest first."""
        with self.ctx.read() as session:
            rows = session.scalars(
                select(AuditEntry)
                .where(
                    or_(
                        AuditEntry.item_id == item_id, (AuditEntry.entity == "item") & (AuditEntry.entity_id == item_id)
                    )
                )
                .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            )
            return [
                AuditRecord(r.at, r.who, r.entity, r.action, r.field, r.old_value, r.new_value, r.source) for r in rows
            ]

    # ---- items ---------------------------------------------------------------------------
    def create(self, year: int, draft: ItemDraft, code: str | None = None) -> ItemSnapshot:
        """A new item; the system assigns its code. `code` restores a deleted item's own code (undo)."""
        with self.ctx.write() as session:
            period = editable(period_by_year(session, year))
            item = self.write_new(session, period, draft, code)
            return _snapshot(session, item, period.matrix_size)

    def update(self, item_id: int, draft: ItemDraft, expected_version: int) -> ItemSnapshot:
        """Save every field and the whole mitigation list of an item, if nobody saved it meanwhile."""
        with self.ctx.write(on_stale=lambda: self._conflict(item_id)) as session:
            item, period = self._for_change(session, item_id, expected_version)
            self.write_changes(session, item, period, draft)
            return _snapshot(session, item, period.matrix_size)

    # ---- within a caller's transaction (create/update above, and the import) --------------------
    def write_new(self, session: Session, period: Period, draft: ItemDraft, code: str | None = None) -> Item:
        """Validate and add a new item with its mitigations, audited, in the caller's transaction."""
        self._validate(draft, period.matrix_size)
        if code is not None and validate_code(code):
            raise ValidationFailed(validate_code(code))
        if code is None:
            code = self._next_code(session, period.id, draft.category.code_prefix)
        else:
            holder = session.scalars(select(Item).where(Item.period_id == period.id, Item.code == code)).first()
            if holder is not None:
                raise ConflictError(code, holder.updated_by, holder.updated_at)
        now = utcnow()
        item = Item(period_id=period.id, code=code, created_at=now, updated_at=now, updated_by=self.ctx.user)
        for name, value in _item_values(draft).items():
            setattr(item, name, value)
        item.mitigations = [Mitigation(position=i, **_mitigation_values(m)) for i, m in enumerate(draft.mitigations)]
        session.add(item)
        session.flush()
        year = period.year
        self.ctx.audit(session, "item", item.id, "create", new=f"{code} {item.title}", item_id=item.id, year=year)
        for m in item.mitigations:
            self.ctx.audit(session, "mitigation", m.id, "create", new=m.description, item_id=item.id, year=year)
        write_effects(self.ctx, session, item.id, draft.effects, year)
        return item

    def write_changes(self, session: Session, item: Item, period: Period, draft: ItemDraft) -> list[str]:
        """Validate and write a draft over an item (fields and the whole mitigation list), audited, in the
        caller's transaction; the names of the fields that changed."""
        self._validate(draft, period.matrix_size)
        values = _item_values(draft)
        if draft.category.code_prefix != item.code.split("-")[0]:
            raise ValidationFailed([_CATEGORY_PROBLEM])
        if item.scores_illustrative and any(values[f] != getattr(item, f) for f in SCORE_FIELDS):
            values["scores_illustrative"] = False
            values["notes"] = _without_illustrative_note(values["notes"])
        changed = self.ctx.apply(session, item, values, "item", item_id=item.id, year=period.year, sets=SET_FIELDS)
        changed += self._sync_mitigations(session, item, draft.mitigations, period.year)
        changed += write_effects(self.ctx, session, item.id, draft.effects, period.year)
        if "horizons" in changed:  # the grid's cells of a horizon the item no longer has go with it
            drop_uncovered_cells(self.ctx, session, item, period.year)
        if changed:
            self._touch(item)
        session.flush()
        return changed

    def delete(self, item_id: int, expected_version: int) -> ItemSnapshot:
        """Remove an item with its mitigations; returns what was deleted (for undo)."""
        with self.ctx.write(on_stale=lambda: self._conflict(item_id)) as session:
            item, period = self._for_change(session, item_id, expected_version)
            gone = _snapshot(session, item, period.matrix_size)
            self.ctx.audit(
                session, "item", item.id, "delete", old=f"{item.code} {item.title}", item_id=item.id, year=period.year
            )
            session.delete(item)
            return gone

    # ---- mitigations ---------------------------------------------------------------------
    def add_mitigation(self, item_id: int, draft: MitigationDraft, expected_version: int) -> ItemSnapshot:
        def change(session: Session, item: Item, year: int) -> None:
            self._check_mitigation(draft)
            m = Mitigation(position=len(item.mitigations), **_mitigation_values(draft))
            item.mitigations.append(m)
            session.flush()
            self.ctx.audit(session, "mitigation", m.id, "create", new=m.description, item_id=item.id, year=year)

        return self._change_item(item_id, expected_version, change)

    def update_mitigation(
        self, item_id: int, mitigation_id: int, draft: MitigationDraft, expected_version: int
    ) -> ItemSnapshot:
        def change(session: Session, item: Item, year: int) -> None:
            self._check_mitigation(draft)
            m = _mitigation_of(item, mitigation_id)
            self.ctx.apply(session, m, _mitigation_values(draft), "mitigation", item_id=item.id, year=year)

        return self._change_item(item_id, expected_version, change)

    def move_mitigation(self, item_id: int, mitigation_id: int, delta: int, expected_version: int) -> ItemSnapshot:
        def change(session: Session, item: Item, year: int) -> None:
            ordered = list(item.mitigations)
            m = _mitigation_of(item, mitigation_id)
            old = ordered.index(m)
            new = max(0, min(len(ordered) - 1, old + delta))
            ordered.insert(new, ordered.pop(old))
            self._renumber(session, item, ordered, year)

        return self._change_item(item_id, expected_version, change)

    def remove_mitigation(self, item_id: int, mitigation_id: int, expected_version: int) -> ItemSnapshot:
        def change(session: Session, item: Item, year: int) -> None:
            m = _mitigation_of(item, mitigation_id)
            self.ctx.audit(session, "mitigation", m.id, "delete", old=m.description, item_id=item.id, year=year)
            item.mitigations.remove(m)
            self._renumber(session, item, list(item.mitigations), year)

        return self._change_item(item_id, expected_version, change)

    # ---- helpers -------------------------------------------------------------------------
    def _change_item(self, item_id: int, expected_version: int, change: Any) -> ItemSnapshot:
        with self.ctx.write(on_stale=lambda: self._conflict(item_id)) as session:
            item, period = self._for_change(session, item_id, expected_version)
            change(session, item, period.year)
            self._touch(item)
            session.flush()
            session.refresh(item, ["mitigations"])
            return _snapshot(session, item, period.matrix_size)

    def _sync_mitigations(self, session: Session, item: Item, drafts: list[MitigationDraft], year: int) -> list[str]:
        """Make the item's mitigations equal the drafts, in their order; audits each change."""
        existing = {m.id: m for m in item.mitigations}
        changed: list[str] = []
        keep: list[Mitigation] = []
        for draft in drafts:
            m = existing.pop(draft.id, None) if draft.id is not None else None
            if m is None:
                m = Mitigation(position=len(keep), **_mitigation_values(draft))
                item.mitigations.append(m)
                session.flush()
                self.ctx.audit(session, "mitigation", m.id, "create", new=m.description, item_id=item.id, year=year)
                changed.append("mitigations")
            else:
                changed += self.ctx.apply(
                    session, m, _mitigation_values(draft), "mitigation", item_id=item.id, year=year
                )
            keep.append(m)
        for m in existing.values():
            self.ctx.audit(session, "mitigation", m.id, "delete", old=m.description, item_id=item.id, year=year)
            item.mitigations.remove(m)
            changed.append("mitigations")
        if self._renumber(session, item, keep, year):
            changed.append("mitigations")
        return changed

    def _renumber(self, session: Session, item: Item, ordered: list[Mitigation], year: int) -> bool:
        moved = False
        for position, m in enumerate(ordered):
            if m.position != position:
                if m.id is not None and m.position is not None:
                    self.ctx.audit(
                        session,
                        "mitigation",
                        m.id,
                        "move",
                        field="position",
                        old=m.position + 1,
                        new=position + 1,
                        item_id=item.id,
                        year=year,
                    )
                    moved = True
                m.position = position
        item.mitigations.sort(key=lambda m: m.position)
        return moved

    def _touch(self, item: Item) -> None:
        item.updated_at = utcnow()
        item.updated_by = self.ctx.user  # an UPDATE of the row: the mapper bumps its version

    def _conflict(self, item_id: int) -> ConflictError:
        """Who saved the item first, read after their save won a race with ours (past the version check)."""
        with self.ctx.read() as session:
            row = session.execute(select(Item.code, Item.updated_by, Item.updated_at).where(Item.id == item_id)).first()
        if row is None:
            return ConflictError(("该条目", "The item"), "", None)
        return ConflictError(row.code, row.updated_by, row.updated_at)

    @staticmethod
    def _load(session: Session, item_id: int, lock: bool = False) -> Item:
        """The item with its mitigations; `lock`: its row locked until the transaction ends (PostgreSQL;
        SQLite's writers hold the database's write lock already), so its version cannot change between
        the check and the write."""
        item = session.get(Item, item_id, options=[selectinload(Item.mitigations)], with_for_update=lock)
        if item is None:
            raise NotFound("该条目已被删除。", "That item no longer exists; it may have been deleted.")
        return item

    def _for_change(self, session: Session, item_id: int, expected_version: int) -> tuple[Item, Period]:
        item = self._load(session, item_id, lock=True)
        period = editable(item.period)
        if item.version != expected_version:
            raise ConflictError(item.code, item.updated_by, item.updated_at)
        return item, period

    @staticmethod
    def _validate(draft: ItemDraft, matrix_size: int) -> None:
        problems = validate_item(draft, matrix_size) + validate_effects(draft.effects, draft.horizons)
        if problems:
            raise ValidationFailed(problems)

    @staticmethod
    def _check_mitigation(draft: MitigationDraft) -> None:
        problems = validate_mitigation(draft)
        if problems:
            raise ValidationFailed(problems)

    @staticmethod
    def _next_code(session: Session, period_id: int, prefix: str) -> str:
        """The next code of a prefix, allocated under a lock on its counter row: made if missing (two first
        creates racing both find it there), then locked (PostgreSQL; SQLite's writer holds the write lock)."""
        insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        session.execute(insert(CodeCounter).values(period_id=period_id, prefix=prefix, last=0).on_conflict_do_nothing())
        counter = session.get(CodeCounter, (period_id, prefix), with_for_update=True, populate_existing=True)
        assert counter is not None  # made above
        counter.last += 1
        return f"{prefix}-{counter.last:02d}"


def _snapshot(session: Session, item: Item, matrix_size: int) -> ItemSnapshot:
    """The whole item with its mitigations and financial effects."""
    return item_snapshot(item, matrix_size, effects=item_effects(session, item.id))


def _mitigation_of(item: Item, mitigation_id: int) -> Mitigation:
    for m in item.mitigations:
        if m.id == mitigation_id:
            return m
    raise NotFound("该应对措施已被删除。", "That action no longer exists; it may have been removed.")
