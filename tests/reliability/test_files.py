"""Classes 9 and 12: private files, no SQL parameters in what is logged or shown, and no temporary file
left behind by a failure, a full disk or a kill."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from carthane_tcfd.app import main
from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.reports.atomic import write_atomically
from carthane_tcfd.store.engine import make_engine
from carthane_tcfd.tempfiles import sweep_temporaries
from tests.reliability.fullfs import small_disk

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@posix_only
def test_the_data_folder_and_everything_in_it_are_private(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    os.umask(0o022)
    from carthane_tcfd.logs import log, setup_logging
    from carthane_tcfd.paths import user_data_dir
    from carthane_tcfd.services.register import open_register
    from carthane_tcfd.store.engine import default_database_path, sqlite_url
    from carthane_tcfd.store.migrate import backup_sqlite

    handlers = list(log.handlers)
    log.handlers.clear()
    try:
        folder = user_data_dir()
        reg = open_register(sqlite_url(default_database_path()))
        pack = tmp_path / "pack.xlsx"
        from carthane_tcfd.reports.boardpack import write_board_pack

        write_board_pack(reg.periods.snapshot(2024), pack, with_matrix_image=False)
        reg.close()
        backup = backup_sqlite(default_database_path(), "0001")
        logged = setup_logging()
        log.info("a line")
    finally:
        for handler in log.handlers:
            handler.close()
        log.handlers[:] = handlers
    assert mode(folder) == 0o700
    files = [default_database_path(), backup, logged, pack, *folder.glob("*-wal"), *folder.glob("*-shm")]
    assert {str(f.name): mode(f) for f in files} == {str(f.name): 0o600 for f in files}


def test_driver_errors_carry_no_sql_parameters(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT NOT NULL UNIQUE)"))
        conn.execute(text("INSERT INTO t VALUES (:x)"), {"x": "the board's secret"})
    with pytest.raises(SQLAlchemyError) as caught, engine.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (:x)"), {"x": "the board's secret"})
    assert "secret" not in str(caught.value)
    engine.dispose()


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "pack.xlsx"
    target.write_bytes(b"old")

    def half_then_fail(temp: Path) -> None:
        temp.write_bytes(b"half")
        raise UserError("x", "refused halfway")

    with pytest.raises(UserError):
        write_atomically(target, half_then_fail)
    assert os.listdir(tmp_path) == ["pack.xlsx"] and target.read_bytes() == b"old"


def test_temporaries_a_killed_process_left_are_swept(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f".tcfd-{dead.stdout.strip()}-abcd1234.part"
    left.write_bytes(b"half a pack")
    mine = tmp_path / f".tcfd-{os.getpid()}-abcd1234.part"  # a write of this process, still going on
    mine.write_bytes(b"")
    other = tmp_path / ".pack-notours.xlsx"
    other.write_bytes(b"")
    assert sweep_temporaries(tmp_path) == [left]
    write_atomically(tmp_path / "new.xlsx", lambda temp: temp.write_bytes(b"done"))
    assert sorted(os.listdir(tmp_path)) == sorted([mine.name, other.name, "new.xlsx"])


def run_cli(capsys, monkeypatch, *args: object) -> tuple[int, list[str]]:
    """main() as main.py runs it; its exit code and the lines on stderr, with whatever Python reported
    as ignored exceptions (e.g. from a ZipFile's destructor) among them."""
    ignored: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda info: ignored.append(f"Exception ignored: {info.exc_value!r}"))
    code = main([str(a) for a in args])
    gc.collect()
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if line.strip()] + ignored


def fill(disk: Path, leave: int) -> None:
    """Fill `disk` up, then free `leave` bytes: room for a little, never for a whole file."""
    handle = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(handle, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(handle)
    os.truncate(disk / "filler", (disk / "filler").stat().st_size - leave)


def test_a_full_disk_fails_each_export_cleanly_and_keeps_the_old_files(tmp_path, capsys, monkeypatch):
    db = tmp_path / "x.db"
    assert run_cli(capsys, monkeypatch, "--db", db, "init")[0] == 0
    with small_disk(tmp_path / "small", "160k") as disk:
        (disk / "pack.xlsx").write_bytes(b"last week's pack")
        fill(disk, 0)
        for out in ("pack.xlsx", "m.pdf", "m.png"):
            command = "export" if out.endswith(".xlsx") else "matrix"
            code, lines = run_cli(capsys, monkeypatch, "--db", db, command, "--out", disk / out, "--lang", "en")
            assert code == 1 and len(lines) == 1, lines
            assert "the disk is full" in lines[0]
        assert sorted(os.listdir(disk)) == ["filler", "pack.xlsx"]
        assert (disk / "pack.xlsx").read_bytes() == b"last week's pack"
