"""The unit of work: one session and one transaction per change, driver errors turned into user errors."""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from carthane_tcfd.domain.errors import ConflictError, DatabaseError, NotFound, PeriodLocked
from carthane_tcfd.domain.taxonomy import PeriodStatus
from carthane_tcfd.store.engine import session_factory
from carthane_tcfd.store.models import AuditEntry, Period

USER_ENV = "CARTHANE_TCFD_USER"


def default_user() -> str:
    """Who is recorded in the audit trail: the configured name, else the OS user."""
    configured = os.environ.get(USER_ENV, "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "unknown"


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
    def __init__(self, engine: Engine, user: str | None = None) -> None:
        self.engine = engine
        self.user = user or default_user()
        self._sessions = session_factory(engine)

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._sessions() as session:
                yield session
        except OperationalError as exc:
            raise _unavailable(exc) from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one transaction: committed whole, or rolled back whole."""
        try:
            with self._sessions() as session, session.begin():
                yield session
        except StaleDataError as exc:
            raise ConflictError("该记录 / This record", "", None) from exc
        except IntegrityError as exc:
            raise ConflictError("该记录 / This record", "", None) from exc
        except OperationalError as exc:
            raise _unavailable(exc) from exc

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
            )
        )

    def apply(
        self, session: Session, obj: Any, values: dict[str, Any], entity: str, *, item_id: int | None, year: int
    ) -> list[str]:
        """Set changed attributes on `obj`, auditing each; the names of the fields that changed."""
        changed = []
        for name, new in values.items():
            old = getattr(obj, name)
            if old == new:
                continue
            setattr(obj, name, new)
            self.audit(session, entity, obj.id, "update", field=name, old=old, new=new, item_id=item_id, year=year)
            changed.append(name)
        return changed


def _unavailable(exc: OperationalError) -> DatabaseError:
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return DatabaseError(f"数据库不可用：{detail}", f"The database is not available: {detail}")


def period_by_year(session: Session, year: int) -> Period:
    period = session.scalars(select(Period).where(Period.year == year)).one_or_none()
    if period is None:
        raise NotFound(f"没有 {year} 年度的登记册。", f"There is no register for {year}.")
    return period


def editable(period: Period) -> Period:
    """The period, if changes to it are allowed; approved periods refuse every change."""
    if period.status == PeriodStatus.APPROVED.value:
        raise PeriodLocked(period.year)
    return period
