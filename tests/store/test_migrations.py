from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from carthane_tcfd.domain.errors import DatabaseError
from carthane_tcfd.store.engine import make_engine
from carthane_tcfd.store.migrate import SCHEMA_HEAD, alembic_config, downgrade, open_database, upgrade
from carthane_tcfd.store.models import Base

TABLES = {
    "period",
    "item",
    "mitigation",
    "inventory_line",
    "metric_basis",
    "custom_metric",
    "cross_industry_metric",
    "climate_target",
    "code_counter",
    "audit_entry",
    "period_snapshot",
    "workflow_record",
    "alembic_version",
}


def test_schema_head_constant_is_the_newest_migration():
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_HEAD


def test_models_and_migrations_agree(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_upgrade_and_downgrade_both_run(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= TABLES
    downgrade(engine, "0005")
    assert "metric" in inspect(engine).get_table_names()
    assert "inventory_line" not in inspect(engine).get_table_names()
    downgrade(engine, "0001")
    assert "metric" not in inspect(engine).get_table_names()
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= TABLES
    engine.dispose()


def test_new_database_is_created_seeded_and_sqlite_uses_wal_and_foreign_keys(sqlite_url):
    opened = open_database(sqlite_url)
    assert opened.created
    with opened.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM item")).scalar() == 11
    opened.engine.dispose()
    again = open_database(sqlite_url)
    assert not again.created and again.upgraded_from is None
    again.engine.dispose()


def test_empty_database_has_the_schema_and_no_register(sqlite_url):
    opened = open_database(sqlite_url, seed=False)
    with opened.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM period")).scalar() == 0
    opened.engine.dispose()


def test_older_database_is_backed_up_then_upgraded(tmp_path, sqlite_url):
    engine = make_engine(sqlite_url)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO period (year, title, status, matrix_size, horizon_definitions, impact_thresholds,"
                " governance_text, strategy_text, risk_management_text, metrics_targets_text, status_changed_by,"
                " created_at, updated_at, updated_by, version) VALUES (2023, 'old', 'draft', 5, '{}', '[]',"
                " '', '', '', '', '', '2023-01-01', '2023-01-01', '', 1)"
            )
        )
    engine.dispose()

    opened = open_database(sqlite_url)
    assert opened.upgraded_from == "0001"
    assert opened.backup is not None and opened.backup.exists()
    backup = sqlite3.connect(opened.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert backup.execute("SELECT title FROM period").fetchone()[0] == "old"
    backup.close()
    with opened.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
        assert conn.execute(text("SELECT title FROM period")).scalar() == "old"
        assert conn.execute(text("SELECT count(*) FROM item")).scalar() == 0, "an upgrade never seeds"
    opened.engine.dispose()


def test_newer_database_is_refused_with_a_clear_message(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(db_url)


def test_database_of_another_program_is_refused(sqlite_url):
    engine = create_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id INTEGER)"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="not a TCFD register"):
        open_database(sqlite_url)


def test_non_database_file_and_missing_folder_give_clear_errors(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("this is not a database " * 100)
    with pytest.raises(DatabaseError, match="Not a database file"):
        open_database(f"sqlite:///{junk}")
    with pytest.raises(DatabaseError, match="folder does not exist"):
        open_database(f"sqlite:///{tmp_path}/missing/x.db")


def test_foreign_keys_are_enforced(sqlite_url):
    opened = open_database(sqlite_url)
    with pytest.raises(Exception, match="FOREIGN KEY"), opened.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO mitigation (item_id, position, description, owner, status)"
                " VALUES (9999, 0, 'x', '', 'planned')"
            )
        )
    opened.engine.dispose()
