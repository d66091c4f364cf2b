"""The unit of work: one session and one transaction per change, driver errors turned into user errors."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError as DriverError
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.exc import StaleDataError

from carthane_tcfd.domain.errors import (
    ConflictError,
    DatabaseError,
    DuplicateError,
    NotFound,
    PeriodLocked,
    UserError,
)
from carthane_tcfd.domain.taxonomy import PeriodStatus
from carthane_tcfd.domain.validation import FIELD_LABELS
from carthane_tcfd.services.users import checked_user
from carthane_tcfd.store.engine import damaged, describe, mask_password, session_factory
from carthane_tcfd.store.models import AuditEntry, Period


def audit_text(value: Any) -> str | None:
    """A stored value as the audit trail shows it."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


class ServiceContext:
    def __init__(self, engine: Engine, user: str | None = None, source: str = "") -> None:
        self.engine = engine
        self.user = checked_user(user)
        self.source = source  # recorded with every audit entry: where the changes come from
        self.signer_name = ""  # display name and role recorded with each sign-off step (set_signer)
        self.signer_role = ""
        self._sessions = session_factory(engine)

    def sourced(self, source: str) -> ServiceContext:
        """The same database and user, with audit entries that name `source` (e.g. "import from FILE")."""
        return ServiceContext(self.engine, self.user, source)

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._sessions() as session:
                yield session
        except OperationalError as exc:
            raise self._unavailable(exc) from exc
        except DriverError as exc:
            raise self._refused(exc) from exc

    @contextmanager
    def write(self, on_stale: Callable[[], ConflictError] | None = None) -> Iterator[Session]:
        """A session in one transaction: committed whole, or rolled back whole. On SQLite the transaction
        takes the write lock before its first read (BEGIN IMMEDIATE), so what a change checks (the
        period's status) cannot change before it commits; on PostgreSQL the period's row is locked
        (see editable and locked_period). `on_stale` names who saved the row first when a concurrent save
        wins the race after the version check."""
        try:
            with self._sessions() as session, session.begin():
                if self.engine.dialect.name == "sqlite":
                    session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                yield session
        except StaleDataError as exc:  # another session saved the same row between our read and our write
            raise (on_stale() if on_stale else ConflictError(("该记录", "This record"), "", None)) from exc
        except IntegrityError as exc:
            raise integrity_problem(exc) from exc
        except OperationalError as exc:
            raise self._unavailable(exc) from exc
        except DriverError as exc:
            raise self._refused(exc) from exc

    def _unavailable(self, exc: OperationalError) -> DatabaseError:
        detail = _first_line(exc)
        if "malformed" in detail:
            return damaged(describe(self.engine.url.render_as_string(hide_password=False)))
        return DatabaseError(f"数据库不可用：{detail}", f"The database is not available: {detail}")

    def _refused(self, exc: DriverError) -> DatabaseError:
        """Any other refusal of the driver's: a damaged file, or a value the database would not take
        (validation should have caught it first), said in one line."""
        detail = _first_line(exc)
        if "malformed" in detail or "not a database" in detail:
            return damaged(describe(self.engine.url.render_as_string(hide_password=False)))
        return DatabaseError(f"数据库拒绝了此操作：{detail}", f"The database refused the change: {detail}")

    def audit(
        self,
        session: Session,
        entity: str,
        entity_id: int,
        action: str,
        *,
        field: str = "",
        old: Any = None,
        new: Any = None,
        item_id: int | None = None,
        year: int | None = None,
    ) -> None:
        session.add(
            AuditEntry(
                who=self.user,
                entity=entity,
                entity_id=entity_id,
                item_id=item_id,
                period_year=year,
                action=action,
                field=field,
                old_value=audit_text(old),
                new_value=audit_text(new),
                source=self.source,
            )
        )

    def apply(
        self,
        session: Session,
        obj: Any,
        values: dict[str, Any],
        entity: str,
        *,
        item_id: int | None,
        year: int,
        sets: frozenset[str] = frozenset(),
    ) -> list[str]:
        """Set changed attributes on `obj`, auditing each; the names of the fields that changed. The fields
        named in `sets` are sets: the same codes in another order are no change (the stored order stays)."""
        changed = []
        for name, new in values.items():
            old = getattr(obj, name)
            if old == new or (name in sets and set(old) == set(new)):
                continue
            setattr(obj, name, new)
            self.audit(session, entity, obj.id, "update", field=name, old=old, new=new, item_id=item_id, year=year)
            changed.append(name)
        return changed


def _first_line(exc: DriverError) -> str:
    text = (str(exc.orig) if exc.orig else str(exc)).strip()
    return mask_password(text.splitlines()[0] if text else type(exc).__name__)


# The records a uniqueness rule protects, as a message names them; the columns that only scope the rule
RECORD_NAMES = {
    "item": ("条目", "An item"),
    "period": ("年度登记册", "A register"),
    "scenario": ("情景", "A scenario"),
    "metric": ("指标", "A metric"),
}
SCOPE_COLUMNS = frozenset({"period_id", "item_id", "scenario_id"})


def integrity_problem(exc: IntegrityError) -> UserError:
    """A write the database refused: what it would have duplicated, by name (SQLite and PostgreSQL word
    it differently), or, for another rule, that rule's own words."""
    text = str(exc.orig)
    sqlite = re.search(r"UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)", text)
    postgres = re.search(r"Key \(([^)]*)\)=\((.*)\) already exists", text)
    if sqlite:
        pairs = [column.split(".", 1) for column in sqlite.group(1).split(", ")]
        table, columns, values = pairs[0][0], [c for _t, c in pairs], [""] * len(pairs)
    elif postgres:
        table = getattr(getattr(exc.orig, "diag", None), "table_name", None) or ""
        columns, values = postgres.group(1).split(", "), postgres.group(2).split(", ")
    else:
        detail = _first_line(exc)
        return DatabaseError(
            f"数据库拒绝了此更改（违反数据约束）：{detail}", f"The database refused the change (a constraint): {detail}"
        )
    key = [(c, v) for c, v in zip(columns, values, strict=True) if c not in SCOPE_COLUMNS] or [(columns[0], values[0])]
    names = [FIELD_LABELS.get(c, (c, c)) for c, _v in key]
    what = RECORD_NAMES.get(table, (table, table))
    return DuplicateError(
        what, ("、".join(n[0] for n in names), ", ".join(n[1] for n in names)), ", ".join(v for _c, v in key if v)
    )


def _unavailable(exc: OperationalError) -> DatabaseError:
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return DatabaseError(f"数据库不可用：{detail}", f"The database is not available: {detail}")


def period_by_year(session: Session, year: int) -> Period:
    period = session.scalars(select(Period).where(Period.year == year)).one_or_none()
    if period is None:
        raise NotFound(f"没有 {year} 年度的登记册。", f"There is no register for {year}.")
    return period


def locked_period(session: Session, year: int) -> Period:
    """The period, its row locked against every other change until this transaction ends (PostgreSQL;
    a SQLite write transaction holds the database's write lock already)."""
    query = select(Period).where(Period.year == year).with_for_update().execution_options(populate_existing=True)
    period = session.scalars(query).one_or_none()
    if period is None:
        raise NotFound(f"没有 {year} 年度的登记册。", f"There is no register for {year}.")
    return period


def editable(period: Period) -> Period:
    """The period, if changes to it are allowed; approved periods refuse every change. Its status is
    read again under a shared lock of its row (PostgreSQL), so an approval cannot commit between this
    check and the change: the approval waits for the change, or the change sees the approval."""
    session = object_session(period)
    if session is not None and session.get_bind().dialect.name == "postgresql":
        session.refresh(period, ["status", "version"], with_for_update={"read": True})
    if period.status == PeriodStatus.APPROVED.value:
        raise PeriodLocked(period.year)
    return period
