"""Opening a database: create and seed a new one, back up and upgrade an older one, refuse a newer one or
another application's (SQLite: looked at read-only first, never touched).

Alembic is imported only when the stored revision differs from SCHEMA_HEAD: importing it would be a large part
of start-up (README, Performance).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from carthane_tcfd.domain.errors import DatabaseError, UnfinishedRegister
from carthane_tcfd.paths import migrations_dir, private_file
from carthane_tcfd.store.engine import connection_problem, describe, make_engine, sqlite_path, sqlite_url
from carthane_tcfd.store.sqlite_file import SCHEMA_HEAD, Found, look
from carthane_tcfd.tempfiles import remove_temporary, sweep_temporaries, temporary_beside

if TYPE_CHECKING:
    from alembic.config import Config

UPGRADE_LOCK = 0x7463_6664  # PostgreSQL advisory lock key of schema upgrades ("tcfd")


@dataclass(frozen=True)
class OpenResult:
    engine: Engine
    created: bool
    upgraded_from: str | None
    backup: Path | None  # SQLite: the copy taken before an upgrade
    backup_schema: str | None = None  # PostgreSQL: the schema holding the copy taken before an upgrade


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


def upgrade(engine: Engine, target: str = "head") -> str | None:
    """Migrate to `target` in one transaction, serialised with any other process doing the same: on SQLite
    under BEGIN EXCLUSIVE (its DDL is transactional, so a kill or a full disk mid-way leaves the old
    schema whole), on PostgreSQL under a transaction-scoped advisory lock. The stored revision is read
    again under the lock: a process that waited finds the work done. The revision found; with
    `before_upgrade`, see _upgrade_locked."""
    return _upgrade_locked(engine, target, None)


def _upgrade_locked(engine: Engine, target: str, before_upgrade: Any) -> str | None:
    from alembic import command

    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN EXCLUSIVE")
        elif connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
        revision = stored_revision(connection)
        if target == "head" and revision == SCHEMA_HEAD:
            connection.rollback()
            return revision
        if before_upgrade is not None:
            before_upgrade(connection, revision)
        command.upgrade(alembic_config(connection), target)
        connection.commit()
        return revision


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


def backup_postgresql(connection: Connection, revision: str) -> str:
    """A copy of every table of the register in a new schema beside it, in the upgrade's own transaction
    (no pg_dump needed): restore with INSERT … SELECT from it. The schema's name."""
    stamp = dt.datetime.now().strftime("%Y%m%d_%H%M%S")
    schema = f"tcfd_backup_r{revision}_{stamp}"
    connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    for table in inspect(connection).get_table_names():
        connection.execute(text(f'CREATE TABLE "{schema}"."{table}" AS TABLE "{table}"'))
    return schema


def build_beside(path: Path, *, seed: bool, replace: bool) -> None:
    """A new register built in a hidden file beside `path`, migrated and seeded, then moved into place:
    a kill or a full disk half-way leaves no half-built register (the hidden file is removed, or swept
    at the next start). `replace`: what is at `path` (an empty file) may be replaced; otherwise the new
    file is linked into place only if nothing appeared there meanwhile (another process that built one
    first wins, and its register is opened)."""
    sweep_temporaries(path.parent)
    temp = temporary_beside(path)
    try:
        engine = make_engine(sqlite_url(temp))
        try:
            upgrade(engine)
            if seed:
                from carthane_tcfd.store.seed import load_seed

                load_seed(engine)
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        if replace:
            os.replace(temp, path)
        else:
            _place_new(temp, path)
    except SQLAlchemyError as exc:
        raise connection_problem(sqlite_url(temp), exc) from exc
    except OSError as exc:
        raise DatabaseError(
            f"无法创建数据库 {path}：{exc.strerror or exc}。未留下任何不完整的文件。",
            f"Cannot create the database {path}: {exc.strerror or exc}. No half-built file was left behind.",
        ) from exc
    finally:
        remove_temporary(temp)


def _place_new(temp: Path, path: Path) -> None:
    """Move `temp` to `path` unless something is there by now (a hard link fails where a file exists);
    where the file system has no hard links, a replace if `path` is still free."""
    try:
        os.link(temp, path)
    except FileExistsError:
        return  # built by another process meanwhile: that one is opened
    except OSError:
        if not path.exists():
            os.replace(temp, path)


def unfinished(path: Path, found: Found) -> UnfinishedRegister:
    return UnfinishedRegister(
        f"{path} 是本程序未完成创建的登记册（只有数据表 {', '.join(found.tables)}，没有架构版本），很可能是创建时"
        "被中断。可用 init --rebuild 重建（原文件改名保留）。",
        f"{path} is a register of this program whose creation was interrupted (tables {', '.join(found.tables)}, "
        "no schema version). Rebuild it with init --rebuild (the old file is kept under another name).",
    )


def _refuse_newer(where: str, revision: str) -> None:
    if revision != SCHEMA_HEAD and revision not in known_revisions():
        raise DatabaseError(
            f"数据库 {where} 由更新版本的程序创建（架构版本 {revision}），请升级本程序后再打开。",
            f"The database {where} was written by a newer version of this program (schema {revision}); "
            "upgrade the program to open it.",
        )


def open_database(url: str, *, seed: bool = True, rebuild: bool = False) -> OpenResult:
    """Open (creating, upgrading or refusing as needed) the database at `url`. `rebuild`: an unfinished
    register of ours (see look) is set aside and built again."""
    path = sqlite_path(url)
    if path is not None:
        return _open_sqlite(url, path, seed=seed, rebuild=rebuild)
    return _open_server(url, seed=seed)


def _open_sqlite(url: str, path: Path, *, seed: bool, rebuild: bool) -> OpenResult:
    if not path.parent.is_dir():
        raise DatabaseError(
            f"数据库所在文件夹不存在：{path.parent}", f"The database's folder does not exist: {path.parent}"
        )
    sweep_temporaries(path.parent)  # what a killed build or export left beside the register
    found = look(path)
    created = False
    if found.kind == "foreign":
        raise DatabaseError(
            f"{path} 不是本程序的数据库（含有其他数据表），未做任何改动。",
            f"{path} is not a TCFD register database (it holds other tables); it was not changed.",
        )
    if found.kind == "unfinished":
        if not rebuild:
            raise unfinished(path, found)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        os.replace(path, path.with_name(f"{path.name}.unfinished-{stamp}"))
        found = Found("missing")
    if found.kind in ("missing", "empty"):
        build_beside(path, seed=seed, replace=found.kind == "empty")
        created = True
    elif found.revision is not None:
        _refuse_newer(str(path), found.revision)
    engine = make_engine(url)
    if created or found.revision == SCHEMA_HEAD:
        return OpenResult(engine, created=created, upgraded_from=None, backup=None)
    backups: list[Path] = []
    try:
        revision = _upgrade_locked(
            engine, "head", lambda _connection, stored: backups.append(backup_sqlite(path, stored))
        )
    except SQLAlchemyError as exc:
        engine.dispose()
        raise connection_problem(url, exc) from exc
    upgraded = revision if backups else None  # another process may have upgraded it while this one waited
    return OpenResult(engine, created=False, upgraded_from=upgraded, backup=backups[0] if backups else None)


def _open_server(url: str, *, seed: bool) -> OpenResult:
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
    try:
        if revision is not None:
            _refuse_newer(where, revision)
    except DatabaseError:
        engine.dispose()
        raise
    schemas: list[str] = []

    def backup(connection: Connection, stored: str | None) -> None:
        if stored is not None:
            schemas.append(backup_postgresql(connection, stored))

    try:
        stored = _upgrade_locked(engine, "head", backup)
        if stored is None and seed:  # only the process that created the schema seeds it
            from carthane_tcfd.store.seed import load_seed

            load_seed(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise connection_problem(url, exc) from exc
    return OpenResult(
        engine,
        created=stored is None,
        upgraded_from=stored if schemas else None,
        backup=None,
        backup_schema=schemas[0] if schemas else None,
    )
