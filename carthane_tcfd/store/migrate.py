"""Opening a database: create and seed a new one, back up and upgrade an older one, refuse a newer one.

Alembic is imported only when the stored revision differs from SCHEMA_HEAD (it costs ~0.3 s).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from carthane_tcfd.domain.errors import DatabaseError
from carthane_tcfd.paths import migrations_dir, private_file
from carthane_tcfd.store.engine import connection_problem, describe, make_engine, sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

SCHEMA_HEAD = "0007"  # the newest migration in db/versions; a test keeps the two in step


@dataclass(frozen=True)
class OpenResult:
    engine: Engine
    created: bool
    upgraded_from: str | None
    backup: Path | None


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def known_revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in script.walk_revisions()]


def stored_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), target)


def downgrade(engine: Engine, target: str) -> None:
    from alembic import command

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), target)


def backup_sqlite(path: Path, revision: str) -> Path:
    """A consistent copy of the database beside it (SQLite's online backup), before an upgrade."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-r{revision}-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(private_file(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def open_database(url: str, *, seed: bool = True) -> OpenResult:
    """Open (creating, upgrading or refusing as needed) the database at `url`."""
    path = sqlite_path(url)
    if path is not None and path.parent.is_dir() and not path.exists():
        private_file(path)  # SQLite would create it with the umask's mode; its -wal and -shm follow this one's
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            revision = stored_revision(connection)
            has_tables = bool(inspect(connection).get_table_names())
    except SQLAlchemyError as exc:
        engine.dispose()
        raise connection_problem(url, exc) from exc
    if revision == SCHEMA_HEAD:
        return OpenResult(engine, created=False, upgraded_from=None, backup=None)
    where = describe(url)
    if revision is None and has_tables:
        engine.dispose()
        raise DatabaseError(
            f"{where} 不是本程序的数据库（含有其他数据表）。",
            f"{where} is not a TCFD register database (it holds other tables).",
        )
    if revision is not None and revision not in known_revisions():
        engine.dispose()
        raise DatabaseError(
            f"数据库 {where} 由更新版本的程序创建（架构版本 {revision}），请升级本程序后再打开。",
            f"The database {where} was written by a newer version of this program (schema {revision}); "
            "upgrade the program to open it.",
        )
    backup = None
    if revision is not None and path is not None:
        backup = backup_sqlite(path, revision)
    try:
        upgrade(engine)
        if revision is None and seed:
            from carthane_tcfd.store.seed import load_seed

            load_seed(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise connection_problem(url, exc) from exc
    return OpenResult(engine, created=revision is None, upgraded_from=revision, backup=backup)
