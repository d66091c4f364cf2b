"""A register's SQLite file through the standard library's sqlite3: what the file holds (looked at read-only,
before anything may change it), and the grid's reads (store/grid_sql.py) of a file that needs nothing
done before it is read. Neither imports SQLAlchemy, so a register opens and paints its first page
before SQLAlchemy is loaded (README, Performance)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carthane_tcfd.domain.errors import DatabaseError
from carthane_tcfd.store.engine import sqlite_problem
from carthane_tcfd.store.grid_sql import Fetch

SCHEMA_HEAD = "0011"  # the newest migration in db/versions; a test keeps the two in step


@dataclass(frozen=True)
class Found:
    """What a SQLite file holds, as read without changing it (read-only, before any PRAGMA)."""

    kind: str  # missing | empty | ours | unfinished | foreign
    revision: str | None = None
    tables: tuple[str, ...] = ()


def look(path: Path) -> Found:
    """Look at a SQLite file read-only: another application's file must not be touched (the engine's
    connections switch a file to WAL before anything else)."""
    if not path.exists():
        return Found("missing")
    if path.is_file() and path.stat().st_size == 0:
        return Found("empty")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = tuple(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise sqlite_problem(str(path), exc) from exc
    if not tables:
        return Found("empty")
    if revision is not None:
        return Found("ours", revision, tables)
    from carthane_tcfd.store.models import Base

    if set(tables) <= set(Base.metadata.tables) | {"alembic_version"}:
        return Found("unfinished", None, tables)
    return Found("foreign", None, tables)


def ready(path: Path) -> bool:
    """Whether the file is a register of ours at the current schema: opening it creates, upgrades and
    refuses nothing, so it may be read before SQLAlchemy is loaded."""
    if not path.parent.is_dir():
        return False
    try:
        found = look(path)
    except DatabaseError:  # said by the full opening, as for any file
        return False
    return found.kind == "ours" and found.revision == SCHEMA_HEAD


class SqliteFile:
    """The grid's statements on a SQLite file, each reading in its own connection and transaction (cheap
    beside the reads, and safe from any thread)."""

    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def reading(self) -> Iterator[Fetch]:
        try:
            connection = sqlite3.connect(self.path, timeout=5.0, check_same_thread=False)
        except sqlite3.Error as exc:
            raise sqlite_problem(str(self.path), exc) from exc
        try:
            connection.execute("BEGIN")  # one snapshot for every statement of the read

            def fetch(sql: str, params: dict[str, Any]) -> Sequence[Sequence[Any]]:
                try:
                    return connection.execute(sql, params).fetchall()
                except sqlite3.Error as exc:
                    raise sqlite_problem(str(self.path), exc) from exc

            yield fetch
        finally:
            connection.close()
