"""What changed between two periods: a pure function over two register snapshots. Items are matched by
code (copy to the next year keeps codes); an item is closed when it was open before and is now closed or
absent. Every other section of the snapshot that holds coded records (metrics, and whatever the register
gains) is compared by code too."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from carthane_tcfd.domain.inventory import Basis as InventoryBasis
from carthane_tcfd.domain.metric_set import MetricSet, MetricsView
from carthane_tcfd.domain.records import ITEM_FIELDS, ItemSnapshot, MitigationSnapshot, PeriodSnapshot, RegisterSnapshot
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.snapshot_data import PACK_CONTEXT_FIELDS
from carthane_tcfd.domain.taxonomy import Kind, MitigationStatus

# What identifies or stamps a record rather than says something about it: never reported as a change.
BOOKKEEPING = frozenset(
    {"id", "code", "version", "updated_at", "updated_by", "matrix_size", "mitigations", "year", "position"}
    | {"item_id", "scenario_id", "is_default"}  # database keys of records within a period; default marks
)
# A period's title names its year, so every copy changes it: not reported either.
PERIOD_BOOKKEEPING = frozenset({"id", "year", "title", "status", "status_changed_by", "status_changed_at", "version"})
COMPARED_FIELDS = tuple(f.name for f in dataclasses.fields(ItemSnapshot) if f.name not in BOOKKEEPING)
DECLARED = {f.name: f for f in ITEM_FIELDS}  # an item's declared fields: a set of codes compares as a set
PERIOD_FIELDS = tuple(f.name for f in dataclasses.fields(PeriodSnapshot) if f.name not in PERIOD_BOOKKEEPING)
SECTION_SKIP = PACK_CONTEXT_FIELDS | {"period", "items"}
BASIS_FIELDS = tuple(f.name for f in dataclasses.fields(InventoryBasis))


class Basis(StrEnum):
    INHERENT = "inherent"
    RESIDUAL = "residual"


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


# Rows and columns of the movement matrix besides the bands.
NEW, CLOSED, UNASSESSED = "new", "closed", "unassessed"
MATRIX_ROWS = (*(b.value for b in Band), UNASSESSED, NEW)
MATRIX_COLUMNS = (*(b.value for b in Band), UNASSESSED, CLOSED)


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Modified:
    old: ItemSnapshot
    new: ItemSnapshot
    changes: tuple[FieldChange, ...]

    @property
    def code(self) -> str:
        return self.new.code


@dataclass(frozen=True)
class Rerating:
    code: str
    kind: Kind
    basis: Basis
    old_score: int
    new_score: int
    old_band: Band | None
    new_band: Band | None

    @property
    def direction(self) -> Direction:
        return Direction.UP if self.new_score > self.old_score else Direction.DOWN


Position = tuple[int, int] | None  # (likelihood, impact), None while unassessed


@dataclass(frozen=True)
class Movement:
    """Where an item sat last period and sits now on one basis; `old_band`/`new_band` are matrix keys
    (a band code, UNASSESSED, NEW for an item that did not exist, CLOSED for one closed since)."""

    code: str
    kind: Kind
    basis: Basis
    old: Position
    new: Position
    old_band: str
    new_band: str

    @property
    def moved(self) -> bool:
        return self.old != self.new or self.old_band != self.new_band


@dataclass(frozen=True)
class ActionChange:
    code: str  # the item's
    action: MitigationSnapshot


@dataclass(frozen=True)
class SectionChange:
    """A coded record of another section (a metric, …) added, removed or changed."""

    section: str
    key: str
    changes: tuple[FieldChange, ...]  # empty when added or removed
    added: bool = False
    removed: bool = False


@dataclass(frozen=True)
class PeriodComparison:
    from_year: int
    to_year: int
    new: tuple[ItemSnapshot, ...]
    closed: tuple[ItemSnapshot, ...]  # open before; now absent (as last seen) or closed (with its reason)
    modified: tuple[Modified, ...]
    rerated: tuple[Rerating, ...]
    movements: tuple[Movement, ...]
    actions_added: tuple[ActionChange, ...]
    actions_completed: tuple[ActionChange, ...]
    actions_overdue: tuple[ActionChange, ...]
    period_changes: tuple[FieldChange, ...]
    sections: tuple[SectionChange, ...]

    def rerated_by(self, basis: Basis, direction: Direction) -> tuple[Rerating, ...]:
        return tuple(r for r in self.rerated if r.basis is basis and r.direction is direction)

    def movement_matrix(self, basis: Basis, kind: Kind) -> dict[tuple[str, str], list[str]]:
        """Item codes per (last period's band, this period's band), every cell present."""
        cells: dict[tuple[str, str], list[str]] = {(r, c): [] for r in MATRIX_ROWS for c in MATRIX_COLUMNS}
        for m in self.movements:
            if m.basis is basis and m.kind is kind:
                cells[(m.old_band, m.new_band)].append(m.code)
        return cells

    @property
    def item_changes(self) -> int:
        """How many items are new, closed or modified."""
        return len(self.new) + len(self.closed) + len(self.modified)


def compare_periods(old: RegisterSnapshot, new: RegisterSnapshot, today: dt.date) -> PeriodComparison:
    """Everything that changed from `old` to `new`; `today` decides which open actions are overdue."""
    before = {i.code: i for i in old.items}
    now_codes = {i.code for i in new.items}
    added, modified, rerated, movements = [], [], [], []
    actions_added, completed, overdue = [], [], []
    closed = []
    for item in new.items:
        previous = before.get(item.code)
        if previous is not None and item.closed:
            if not previous.closed:  # closed in this period: reported with its reason, not as modified
                closed.append(item)
                movements += _movements(previous, None)
            continue
        if previous is None:
            added.append(item)
        else:
            changes = _field_changes(previous, item, COMPARED_FIELDS)
            if changes:
                modified.append(Modified(previous, item, changes))
            rerated += _reratings(previous, item)
        movements += _movements(previous, item)
        added_here, completed_here = _action_changes(previous, item)
        actions_added += added_here
        completed += completed_here
        overdue += [ActionChange(item.code, m) for m in item.mitigations if m.is_overdue(today)]
    gone = [i for i in old.items if i.code not in now_codes and not i.closed]  # closed before: not again
    for item in gone:
        movements += _movements(item, None)
    closed = gone + closed
    return PeriodComparison(
        from_year=old.period.year,
        to_year=new.period.year,
        new=tuple(added),
        closed=tuple(closed),
        modified=tuple(modified),
        rerated=tuple(rerated),
        movements=tuple(movements),
        actions_added=tuple(actions_added),
        actions_completed=tuple(completed),
        actions_overdue=tuple(overdue),
        period_changes=_field_changes(old.period, new.period, PERIOD_FIELDS),
        sections=tuple(_section_changes(old, new)),
    )


def _field_changes(old: Any, new: Any, names: Iterable[str], prefix: str = "") -> tuple[FieldChange, ...]:
    """The fields that differ; a field holding a record (an item's financial effects) is compared field by
    field, its changes named 'effects.current_cny'."""
    found: list[FieldChange] = []
    for name in names:
        was, now = getattr(old, name), getattr(new, name)
        declared = DECLARED.get(name) if isinstance(new, ItemSnapshot) else None
        if was == now or (declared is not None and declared.same(was, now)):
            continue
        if _is_record(was) and type(was) is type(now):
            found += _field_changes(was, now, _compared_fields(now), f"{prefix}{name}.")
        else:
            found.append(FieldChange(prefix + name, was, now))
    return tuple(found)


def _is_record(value: Any) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def _compared_fields(record: Any) -> list[str]:
    return [f.name for f in dataclasses.fields(record) if f.name not in BOOKKEEPING]


def _score(item: ItemSnapshot, basis: Basis) -> tuple[Position, Band | None]:
    if basis is Basis.INHERENT:
        lk, im, band = item.likelihood, item.impact, item.inherent_band
    else:
        lk, im, band = item.residual_likelihood, item.residual_impact, item.residual_band
    return (None if lk is None or im is None else (lk, im)), band


def _reratings(old: ItemSnapshot, new: ItemSnapshot) -> list[Rerating]:
    found = []
    for basis in Basis:
        (was, old_band), (now, new_band) = _score(old, basis), _score(new, basis)
        if was is not None and now is not None and was[0] * was[1] != now[0] * now[1]:
            found.append(Rerating(new.code, new.kind, basis, was[0] * was[1], now[0] * now[1], old_band, new_band))
    return found


def _band_key(band: Band | None) -> str:
    return UNASSESSED if band is None else band.value


def _movements(old: ItemSnapshot | None, new: ItemSnapshot | None) -> list[Movement]:
    some = new or old
    assert some is not None
    found = []
    for basis in Basis:
        was, old_band = _score(old, basis) if old else (None, None)
        now, new_band = _score(new, basis) if new else (None, None)
        found.append(
            Movement(
                some.code,
                some.kind,
                basis,
                was,
                now,
                _band_key(old_band) if old else NEW,
                _band_key(new_band) if new else CLOSED,
            )
        )
    return found


def _action_key(m: MitigationSnapshot) -> str:
    return " ".join(m.description.split())


def _action_changes(old: ItemSnapshot | None, new: ItemSnapshot) -> tuple[list[ActionChange], list[ActionChange]]:
    """Actions added to the item (matched by their text), and actions completed since (done now, and
    open or absent before)."""
    before = {_action_key(m): m for m in old.mitigations} if old else {}
    added = [ActionChange(new.code, m) for m in new.mitigations if _action_key(m) not in before]
    completed = []
    for m in new.mitigations:
        was = before.get(_action_key(m))
        if m.status is MitigationStatus.COMPLETED and (was is None or was.status is not MitigationStatus.COMPLETED):
            completed.append(ActionChange(new.code, m))
    return added, completed


def _section_changes(old: RegisterSnapshot, new: RegisterSnapshot) -> list[SectionChange]:
    """Every other section of the snapshot: a tuple of keyed records (metrics) compared by key; a section
    that is one record (the scenario set) compared through its own keyed tuples and nested records."""
    found: list[SectionChange] = []
    for f in dataclasses.fields(RegisterSnapshot):
        if f.name in SECTION_SKIP:
            continue
        before, after = getattr(old, f.name), getattr(new, f.name)
        if isinstance(before, MetricsView) or isinstance(after, MetricsView):
            found += _metrics_changes(before, after)
        else:
            found += _section(f.name, before, after)
    return found


def _metrics_changes(old: MetricsView | None, new: MetricsView | None) -> list[SectionChange]:
    """The metrics compared by code: inventory lines, the basis, custom and cross-industry metrics, targets."""
    before = old.current if old else MetricSet.empty()
    after = new.current if new else MetricSet.empty()
    sections: tuple[tuple[str, tuple[Any, ...], tuple[Any, ...]], ...] = (
        ("metrics.lines", before.inventory.lines, after.inventory.lines),
        ("metrics.custom", before.inventory.custom, after.inventory.custom),
        ("metrics.cross_industry", before.cross_industry, after.cross_industry),
        ("metrics.targets", before.targets, after.targets),
    )
    found = [change for name, was, now in sections for change in _records_changes(name, was, now)]
    basis = _field_changes(before.inventory.basis, after.inventory.basis, BASIS_FIELDS)
    if basis:
        found.append(SectionChange("metrics.basis", "basis", basis))
    return found


def _section(name: str, before: Any, after: Any) -> list[SectionChange]:
    if isinstance(after, tuple) and isinstance(before, tuple):
        records = (*before, *after)
        if records and all(_is_record(r) and _record_key(r) is not None for r in records):
            return _records_changes(name, before, after)
        return []
    if _is_record(before) and _is_record(after) and type(before) is type(after):
        found: list[SectionChange] = []
        for f in dataclasses.fields(after):
            was, now = getattr(before, f.name), getattr(after, f.name)
            if f.name in BOOKKEEPING or was == now:
                continue
            if isinstance(now, tuple):
                found += _section(f"{name}.{f.name}", was, now)
            elif _is_record(now):
                found.append(SectionChange(name, f.name, _field_changes(was, now, _compared_fields(now))))
        return found
    return []


def _record_key(record: Any) -> str | None:
    """What matches a record across periods: its code, else its name; None when it has neither."""
    for attribute in ("compare_key", "code", "name"):
        value = getattr(record, attribute, None)
        if value:
            return str(value)
    return None


def _records_changes(section: str, before: tuple[Any, ...], after: tuple[Any, ...]) -> list[SectionChange]:
    old = {_record_key(r): r for r in before}
    new = {_record_key(r): r for r in after}
    found = []
    for key, record in new.items():
        assert key is not None
        if key not in old:
            found.append(SectionChange(section, key, (), added=True))
            continue
        changes = _field_changes(old[key], record, _compared_fields(record))
        if changes:
            found.append(SectionChange(section, key, changes))
    found += [SectionChange(section, key, (), removed=True) for key in old if key is not None and key not in new]
    return found
