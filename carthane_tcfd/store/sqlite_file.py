"""A register's SQLite file through the standard library's sqlite3: what the file holds (looked at read-only,
before anything may change it), and the grid's reads (store/grid_sql.py) of a file that needs nothing
done before it is read. Neither imports SQLAlchemy, so a register opens and paints its first page
before SQLAlchemy is loaded (README, Performance)."""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
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


Statement = tuple[str, dict[str, Any]]  # SQL text and its parameters
Kept = dict[tuple[str, tuple[tuple[str, Any], ...]], str]  # a statement (parameters frozen) -> its result's table


class SqliteFile:
    """The grid's statements on a SQLite file, each reading in its own connection and transaction (cheap
    beside the reads, and safe from any thread)."""

    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path

    def connect(self) -> sqlite3.Connection:
        """A connection in a read transaction of its own: one snapshot for every statement run on it."""
        try:
            connection = sqlite3.connect(self.path, timeout=5.0, check_same_thread=False)
            connection.execute("BEGIN")
        except sqlite3.Error as exc:
            raise sqlite_problem(str(self.path), exc) from exc
        return connection

    @contextmanager
    def reading(self) -> Iterator[Fetch]:
        connection = self.connect()
        try:
            yield self.fetcher(connection)
        finally:
            connection.close()

    def fetcher(self, connection: sqlite3.Connection, kept: Kept | None = None) -> Fetch:
        """Runs statements on `connection`; a statement in `kept` is answered from the table holding its
        result, once."""

        def fetch(sql: str, params: dict[str, Any]) -> Sequence[Sequence[Any]]:
            table = kept.pop((sql, _frozen(params)), None) if kept else None
            try:
                if table is not None:
                    return connection.execute(f"SELECT * FROM {table}").fetchall()
                return connection.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise sqlite_problem(str(self.path), exc) from exc

        return fetch

    def read_ahead(self, plan: Callable[[Fetch], Sequence[Statement]]) -> ReadAhead:
        return ReadAhead(self, plan)


def _frozen(params: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(params.items()))


class _SwitchInterval:
    """Python's switch interval, lowered while any read-ahead runs and restored when the last one ends.
    Between its statements a read-ahead thread needs Python's lock for a few microseconds, and at the
    default interval waited up to 5 ms each time for the busy main thread to let go of it (34 ms for
    21 ms of SQL)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = 0
        self._saved = 0.0

    def lower(self, seconds: float) -> None:
        with self._lock:
            if self._running == 0:
                self._saved = sys.getswitchinterval()
                sys.setswitchinterval(min(self._saved, seconds))
            self._running += 1

    def restore(self) -> None:
        with self._lock:
            self._running -= 1
            if self._running == 0:
                sys.setswitchinterval(self._saved)


_SWITCHES = _SwitchInterval()


class ReadAhead:
    """Statements run ahead, in a thread, while the window builds the page that shows their result:
    SQLite computes each into a temporary table in a single step, without holding Python's lock (fetching
    rows would take that lock for every row, and wait for the busy main thread each time). `reading()`
    then answers those statements from their tables and any other statement directly, all in the read
    transaction the statements ran in, and closes it. `plan` chooses the statements, given a fetch; if
    anything fails ahead, the reading runs as an ordinary one and meets the failure there, where it is
    reported. README, Performance."""

    SWITCH_INTERVAL_S = 0.0005  # while reading ahead (Python's default: 0.005)

    def __init__(self, source: SqliteFile, plan: Callable[[Fetch], Sequence[Statement]]) -> None:
        self._source = source
        self._connection: sqlite3.Connection | None = None
        self._kept: Kept = {}
        _SWITCHES.lower(self.SWITCH_INTERVAL_S)
        self._thread = threading.Thread(target=self._run, args=(plan,), name="read-ahead", daemon=True)
        self._thread.start()

    def _run(self, plan: Callable[[Fetch], Sequence[Statement]]) -> None:
        connection = None
        try:
            connection = self._source.connect()
            for number, (sql, params) in enumerate(plan(self._source.fetcher(connection))):
                table = f"temp.read_ahead_{number}"
                connection.execute(f"CREATE TABLE {table} AS {sql}", params)
                self._kept[(sql, _frozen(params))] = table
        except Exception:  # said by the ordinary reading that takes this one's place
            if connection is not None:
                connection.close()
            self._kept.clear()
            return
        finally:
            _SWITCHES.restore()
        self._connection = connection

    @contextmanager
    def reading(self) -> Iterator[Fetch]:
        self._thread.join()
        connection, self._connection = self._connection, None
        if connection is None:
            with self._source.reading() as fetch:
                yield fetch
            return
        try:
            yield self._source.fetcher(connection, self._kept)
        finally:
            connection.close()

    def close(self) -> None:
        """Let the statements go unread."""
        self._thread.join()
        if self._connection is not None:
            self._connection.close()
            self._connection = None
