"""Which database, and how to connect: SQLite file by default (WAL, foreign keys), or any SQLAlchemy URL.
SQLAlchemy is imported where it is used: a SQLite file's first page is read without it (README, Performance)."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carthane_tcfd.domain.errors import DatabaseError
from carthane_tcfd.paths import user_data_dir

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL
    from sqlalchemy.orm import Session, sessionmaker

ENV_VAR = "CARTHANE_TCFD_DB"
DEFAULT_FILE = "register.sqlite3"
BACKENDS = ("sqlite", "postgresql")
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def mask_password(text: str) -> str:
    """Any URL password in `text` replaced by ***, for messages, menus and the log."""
    return _PASSWORD.sub(r"\1***@", text)


def make_url(url: str) -> URL:
    from sqlalchemy.engine import make_url as parse

    return parse(url)


def default_database_path() -> Path:
    return user_data_dir() / DEFAULT_FILE


SQLITE_FILE_URL = "sqlite:///"


def file_location(location: str | None) -> Path | None:
    """The SQLite file a location names (--db, else $CARTHANE_TCFD_DB, else the default file; a path or a
    plain sqlite:/// URL), resolved; None for any other URL."""
    location = location or os.environ.get(ENV_VAR) or None
    if location is None:
        return default_database_path().resolve()
    if location.startswith(SQLITE_FILE_URL):
        path = location.removeprefix(SQLITE_FILE_URL)
        return Path(path).resolve() if path and path != ":memory:" and "?" not in path else None
    return None if "://" in location else Path(location).expanduser().resolve()


def resolve_url(location: str | None) -> str:
    """A SQLAlchemy URL from --db, else $CARTHANE_TCFD_DB, else the default file."""
    path = file_location(location)
    if path is not None:
        return sqlite_url(path)
    location = location or os.environ[ENV_VAR]
    from sqlalchemy.exc import ArgumentError

    shown = mask_password(location)
    try:
        backend = make_url(location).get_backend_name()
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
        raise DatabaseError(f"无法识别的数据库地址：{shown}（{exc}）", f"Not a database URL: {shown} ({exc})") from exc
    if backend not in BACKENDS:
        raise DatabaseError(
            f"不支持的数据库类型「{backend}」：{shown}。请使用 SQLite 文件或 postgresql+psycopg:// 地址。",
            f"Unsupported database type '{backend}': {shown}. Use a SQLite file or a postgresql+psycopg:// URL.",
        )
    return location


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
    from sqlalchemy import create_engine, event

    path = sqlite_path(url)
    if path is not None and not path.parent.is_dir():
        raise DatabaseError(
            f"数据库所在文件夹不存在：{path.parent}", f"The database's folder does not exist: {path.parent}"
        )
    backend = make_url(url).get_backend_name()
    connect_args: dict[str, Any] = {}
    if backend == "postgresql":
        connect_args["connect_timeout"] = 5
    # hide_parameters: a driver error's text (shown, logged) never carries the user's data or a password
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=backend != "sqlite", hide_parameters=True)
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(engine, expire_on_commit=False)


def connection_problem(url: str, exc: BaseException) -> DatabaseError:
    """Translate a driver's failure to open or reach a database into one clear message."""
    where = describe(url)
    original = getattr(exc, "orig", exc)
    if isinstance(original, sqlite3.Error):
        return sqlite_problem(where, original)
    first_line = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    first_line = mask_password(first_line)
    return DatabaseError(f"无法连接数据库 {where}：{first_line}", f"Cannot reach the database {where}: {first_line}")


def sqlite_problem(where: str, error: sqlite3.Error) -> DatabaseError:
    """The standard library's SQLite error said in one line for a user."""
    if isinstance(error, sqlite3.DatabaseError) and "not a database" in str(error):
        return DatabaseError(f"该文件不是数据库：{where}", f"Not a database file: {where}")
    if isinstance(error, sqlite3.DatabaseError) and "malformed" in str(error):
        return damaged(where)
    return DatabaseError(f"无法打开数据库 {where}：{error}", f"Cannot open the database {where}: {error}")


def damaged(where: str) -> DatabaseError:
    return DatabaseError(
        f"数据库文件已损坏：{where}。请从备份恢复（升级前的备份在同一文件夹中）。",
        f"The database file is damaged: {where}. Restore it from a backup (upgrade backups are in its folder).",
    )
