"""Which database, and how to connect: SQLite file by default (WAL, foreign keys), or any SQLAlchemy URL."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from carthane_tcfd.domain.errors import DatabaseError
from carthane_tcfd.paths import user_data_dir

ENV_VAR = "CARTHANE_TCFD_DB"
DEFAULT_FILE = "register.sqlite3"


def default_database_path() -> Path:
    return user_data_dir() / DEFAULT_FILE


def resolve_url(location: str | None) -> str:
    """A SQLAlchemy URL from --db, else $CARTHANE_TCFD_DB, else the default file."""
    location = location or os.environ.get(ENV_VAR) or None
    if location is None:
        return sqlite_url(default_database_path())
    if "://" in location:
        try:
            make_url(location)
        except ArgumentError as exc:
            raise DatabaseError(f"无法识别的数据库地址：{location}", f"Not a database URL: {location}") from exc
        return location
    return sqlite_url(Path(location))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def describe(url: str) -> str:
    """The database as a user should see it: a file path, or the URL without its password."""
    path = sqlite_path(url)
    return str(path) if path else make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None and not path.parent.is_dir():
        raise DatabaseError(
            f"数据库所在文件夹不存在：{path.parent}", f"The database's folder does not exist: {path.parent}"
        )
    backend = make_url(url).get_backend_name()
    connect_args: dict[str, Any] = {}
    if backend == "postgresql":
        connect_args["connect_timeout"] = 5
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=backend != "sqlite")
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def connection_problem(url: str, exc: BaseException) -> DatabaseError:
    """Translate a driver's failure to open or reach a database into one clear message."""
    where = describe(url)
    original = getattr(exc, "orig", exc)
    if isinstance(original, sqlite3.DatabaseError) and "not a database" in str(original):
        return DatabaseError(f"该文件不是数据库：{where}", f"Not a database file: {where}")
    if isinstance(original, sqlite3.OperationalError):
        return DatabaseError(f"无法打开数据库 {where}：{original}", f"Cannot open the database {where}: {original}")
    first_line = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    return DatabaseError(f"无法连接数据库 {where}：{first_line}", f"Cannot reach the database {where}: {first_line}")
