"""Classes 3, 11 and 13: opening a database. A foreign SQLite file is looked at, never touched; a new
register appears whole or not at all; an upgrade is one transaction, backed up, and serialised between
processes; kill -9 at random moments of init, upgrade, save and export loses nothing (integrity_check
after each trial)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import inspect, text

from carthane_tcfd.domain.errors import DatabaseError
from carthane_tcfd.reports.boardpack import write_board_pack
from carthane_tcfd.services.register import open_register
from carthane_tcfd.store.migrate import SCHEMA_HEAD, downgrade, open_database
from carthane_tcfd.tempfiles import sweep_temporaries
from tests.conftest import ROOT

TRIALS = 3  # kills of init and upgrade; saves and exports take longer to reach: KILLS_WHILE_WRITING
KILLS_WHILE_WRITING = 2
SEED_ITEMS = 11
rng = random.Random(1313)


def cli(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def killed_after(proc: subprocess.Popen[str], seconds: float) -> None:
    time.sleep(seconds)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)


def check(db: Path) -> tuple[str | None, int]:
    """integrity_check passes; the stored revision and the number of items."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        return revision, conn.execute("SELECT count(*) FROM item").fetchone()[0]
    finally:
        conn.close()


def hidden_leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".tcfd-")]


@pytest.fixture(scope="module")
def old_register(tmp_path_factory) -> Path:
    """A seeded register at schema 0001 (as an early version of the program left it)."""
    db = tmp_path_factory.mktemp("old") / "old.sqlite3"
    opened = open_database(f"sqlite:///{db}")
    downgrade(opened.engine, "0001")
    opened.engine.dispose()
    return db


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path):
    db = tmp_path / "crm.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customer VALUES (1, 'ACME')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_register(f"sqlite:///{db}")
    assert "not a TCFD register" in caught.value.en and "not changed" in caught.value.en
    assert db.read_bytes() == before  # still in rollback-journal mode: bytes 18-19 are 1, 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crm.db"]


def test_an_unfinished_register_is_recognised_and_rebuilt_on_request(tmp_path):
    db = tmp_path / "r.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE period (id INTEGER PRIMARY KEY)")  # what an interrupted old init left
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError) as caught:
        open_register(f"sqlite:///{db}")
    assert "creation was interrupted" in caught.value.en and "--rebuild" in caught.value.en
    register = open_register(f"sqlite:///{db}", rebuild=True)
    assert register.opened.created and len(register.items.rows(2024)) == SEED_ITEMS
    register.close()
    assert [p.name.split("-")[0] for p in tmp_path.glob("r.sqlite3.unfinished-*")] == ["r.sqlite3.unfinished"]


@pytest.mark.slow
def test_kill_during_init_leaves_nothing_or_a_whole_register(tmp_path):
    whole = 0
    for trial in range(TRIALS):
        db = tmp_path / f"new{trial}.sqlite3"
        killed_after(cli("--db", db, "init"), rng.uniform(0.5, 4.0))
        if db.exists():
            assert check(db) == (SCHEMA_HEAD, SEED_ITEMS)
            whole += 1
        register = open_register(f"sqlite:///{db}")  # the next start: creates it, or opens the whole one
        assert len(register.items.rows(2024)) == SEED_ITEMS
        register.close()
        assert check(db) == (SCHEMA_HEAD, SEED_ITEMS)
    assert hidden_leftovers(tmp_path) == []  # swept by the next start
    print(f"init: {TRIALS} kills, {whole} after the register was in place, 0 half-built")


@pytest.mark.slow
def test_kill_during_upgrade_keeps_the_old_schema_whole(tmp_path, old_register):
    for trial in range(TRIALS):
        db = tmp_path / f"old{trial}.sqlite3"
        shutil.copy(old_register, db)
        killed_after(cli("--db", db, "init"), rng.uniform(0.3, 2.5))
        assert check(db)[0] in ("0001", SCHEMA_HEAD) and check(db)[1] == SEED_ITEMS
        register = open_register(f"sqlite:///{db}")
        assert len(register.items.rows(2024)) == SEED_ITEMS
        register.close()
        assert check(db) == (SCHEMA_HEAD, SEED_ITEMS)


@pytest.mark.slow
def test_three_processes_opening_an_old_register_upgrade_it_once(tmp_path, old_register):
    db = tmp_path / "old.sqlite3"
    shutil.copy(old_register, db)
    procs = [cli("--db", db, "init", "--lang", "en") for _ in range(3)]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    assert [code for code, _, _ in results] == [0, 0, 0], [err for _, _, err in results]
    outs = [out for _, out, _ in results]
    assert sum("upgraded from schema 0001" in out for out in outs) == 1, outs
    assert len(list(tmp_path.glob("old.backup-r0001-*.sqlite3"))) == 1
    assert check(db) == (SCHEMA_HEAD, SEED_ITEMS)


WRITER = """
import sys
from carthane_tcfd.domain.records import ItemDraft, MitigationDraft
from carthane_tcfd.domain.taxonomy import Category
from carthane_tcfd.services.register import open_register
register = open_register(sys.argv[1])
for n in range(10_000):
    actions = [MitigationDraft("a"), MitigationDraft("b")]
    register.items.create(2024, ItemDraft(Category.MARKETS, f"item {n}", mitigations=actions))
"""


@pytest.mark.slow
def test_kill_during_saves_loses_no_committed_item_and_leaves_none_half_written(tmp_path):
    db = tmp_path / "r.sqlite3"
    open_register(f"sqlite:///{db}").close()
    created = 0
    for _trial in range(KILLS_WHILE_WRITING):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, f"sqlite:///{db}"], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
        )
        killed_after(proc, rng.uniform(1.5, 3.0))
        _, items = check(db)
        assert items >= SEED_ITEMS + created  # nothing committed before was lost
        created = items - SEED_ITEMS
        conn = sqlite3.connect(db)
        counts = conn.execute(
            "SELECT count(*) FROM item i WHERE i.title LIKE 'item %'"
            " AND (SELECT count(*) FROM mitigation m WHERE m.item_id = i.id) != 2"
        ).fetchone()
        conn.close()
        assert counts == (0,)  # every item whole: one transaction each
    print(f"saves: {KILLS_WHILE_WRITING} kills, {created} items committed, 0 half-written")


@pytest.mark.slow
def test_kill_during_export_keeps_the_previous_file(tmp_path):
    db = tmp_path / "r.sqlite3"
    open_register(f"sqlite:///{db}").close()
    out = tmp_path / "pack.xlsx"
    register = open_register(f"sqlite:///{db}")
    write_board_pack(register.periods.snapshot(2024), out, with_matrix_image=False)
    register.close()
    for _trial in range(KILLS_WHILE_WRITING):
        killed_after(cli("--db", db, "export", "--out", out, "--lang", "zh"), rng.uniform(1.0, 4.0))
        assert openpyxl.load_workbook(out).sheetnames[0] == "封面"  # whole: the old one or a complete new one
    sweep_temporaries(tmp_path)  # as the next export into the folder does
    assert hidden_leftovers(tmp_path) == []


@pytest.mark.postgres
def test_a_postgresql_upgrade_keeps_a_backup_schema(db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    opened = open_database(db_url)
    downgrade(opened.engine, "0001")
    opened.engine.dispose()
    again = open_database(db_url)
    schema = again.backup_schema
    assert again.upgraded_from == "0001" and schema and schema.startswith("tcfd_backup_r0001_")
    try:
        with again.engine.connect() as conn:
            copied = conn.execute(text(f'SELECT count(*) FROM "{schema}".item')).scalar()
            assert copied == conn.execute(text("SELECT count(*) FROM item")).scalar() == SEED_ITEMS
            assert "alembic_version" in inspect(conn).get_table_names(schema=schema)
    finally:
        with again.engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        again.engine.dispose()
