"""The grid's reads (services/grid.py): the same answers through the standard library's sqlite3 as through
SQLAlchemy and the whole items, and a ready SQLite file opened and read without loading SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from carthane_tcfd.domain.errors import DatabaseError
from carthane_tcfd.domain.records import ROW_FIELD_NAMES, ItemRow
from carthane_tcfd.domain.taxonomy import Kind
from carthane_tcfd.domain.translation_status import english_pending
from carthane_tcfd.services.grid import GridService
from carthane_tcfd.services.register import open_register
from carthane_tcfd.store.engine import file_location
from carthane_tcfd.store.sqlite_file import SqliteFile, ready
from tests.conftest import ROOT


def _damage(register) -> None:
    """One bad stored value of each sort in the 2024 period, and texts without English, as test_stored_values
    writes them."""
    sqlite = register.url.startswith("sqlite")
    bad_json = "'[\"short\",'" if sqlite else "'[\"someday\"]'"
    with register.items.ctx.engine.begin() as conn:
        for code, sql in (
            ("PR-01", "UPDATE item SET category = 'bogus' WHERE id = :id"),
            ("PR-02", f"UPDATE item SET horizons = {bad_json} WHERE id = :id"),
            ("TR-01", "UPDATE item SET likelihood = 9, impact = 9 WHERE id = :id"),
            ("OP-01", "UPDATE mitigation SET status = 'weird' WHERE item_id = :id"),
            ("OP-02", "UPDATE item SET closed = true, description_en = '' WHERE id = :id"),
            ("OP-03", "UPDATE mitigation SET description_en = '' WHERE item_id = :id"),
        ):
            of_2024 = "SELECT id FROM item WHERE code = :c AND period_id = (SELECT id FROM period WHERE year = 2024)"
            item_id = conn.execute(text(of_2024), {"c": code}).scalar_one()
            conn.execute(text(sql), {"id": item_id})


def _sorted_actions(row: ItemRow) -> tuple[object, ...]:
    """A row's values, its actions' text as a set of lines (SQL joins them in no stated order)."""
    values = dict(row.__dict__)
    values["actions_text"] = sorted(values["actions_text"].split("\n"))
    return tuple(sorted(values.items()))


def test_the_grid_agrees_with_the_whole_items_on_either_backend(register):
    _damage(register)
    grid = register.items.grid  # through SQLAlchemy
    whole = register.items.in_period(2024)
    rows = grid.rows(2024)
    assert {r.code for r in rows} == {i.code for i in whole} | {"OP-01"}  # an unknown action status: row kept
    assert all(r.__dict__.keys() == ROW_FIELD_NAMES for r in rows)  # of_values takes the names on trust
    expected = {i.code: _sorted_actions(ItemRow.of(i)) for i in whole}
    assert {r.code: _sorted_actions(r) for r in rows if r.code != "OP-01"} == expected
    assert next(r for r in rows if r.code == "OP-02").closed is True
    assert [r.code for r in grid.rows(2024, Kind.OPPORTUNITY)] == [r.code for r in rows if r.kind is Kind.OPPORTUNITY]
    assert grid.periods() == register.periods.all()
    assert grid.counts(2024) == {Kind.RISK: 6, Kind.OPPORTUNITY: 5}  # every item, kept out or not
    snapshot = register.periods.snapshot(2024)  # OP-01 is left out of it; its texts have English
    assert grid.english_pending(2024) == len(english_pending(snapshot)) > 0
    assert {(d.code, d.field) for d in grid.damaged(2024)} == {
        ("PR-01", "category"),
        ("PR-02", "horizons"),
        ("TR-01", "likelihood"),
        ("OP-01", "mitigations[0].status"),
    }


def test_the_standard_library_reads_a_file_as_sqlalchemy_does(register, tmp_path):
    if not register.url.startswith("sqlite"):
        return  # the standard library reads SQLite files only
    _damage(register)
    path = file_location(register.url)
    assert path is not None and ready(path)
    file_grid, engine_grid = GridService(SqliteFile(path)), register.items.grid
    assert file_grid.periods() == engine_grid.periods()
    assert [_sorted_actions(r) for r in file_grid.rows(2024)] == [_sorted_actions(r) for r in engine_grid.rows(2024)]
    assert file_grid.counts(2024) == engine_grid.counts(2024)
    assert file_grid.english_pending(2024) == engine_grid.english_pending(2024)
    assert file_grid.damaged(2024) == engine_grid.damaged(2024)


def test_a_ready_file_is_opened_and_read_before_sqlalchemy_is_loaded(tmp_path):
    path = tmp_path / "register.sqlite3"
    open_register(str(path)).close()  # created and seeded: from now on it is ready
    script = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from carthane_tcfd.services.register import open_register
services = open_register({str(path)!r})
rows = services.grid.rows(2024)
assert services.opened.created is False and services.location == {str(path)!r}
print(len(rows), "sqlalchemy" in sys.modules)
print(len(services.items.rows(2024)), "sqlalchemy" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["11", "False", "11", "True"]


def test_locations_that_name_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert file_location("reg.sqlite3") == tmp_path / "reg.sqlite3"
    assert file_location(f"sqlite:///{tmp_path}/a.db") == tmp_path / "a.db"
    assert file_location("sqlite:///b.db") == tmp_path / "b.db"
    for url in ("sqlite:///:memory:", "sqlite://", "sqlite:///c.db?mode=ro", "postgresql+psycopg://u@h/db"):
        assert file_location(url) is None
    assert not ready(tmp_path / "missing.sqlite3")
    Path(tmp_path / "empty.sqlite3").touch()
    assert not ready(tmp_path / "empty.sqlite3")


def _ahead_left() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "read-ahead"]


def test_rows_read_ahead_are_the_rows_read_then(register):
    """Read ahead into temporary tables in a thread (how the window's first page is read), the rows are the
    ones an ordinary read gives, damaged values and all; a period not the one read ahead is read as usual,
    from the same snapshot; later reads are ordinary ones."""
    if not register.url.startswith("sqlite"):
        return  # the standard library reads SQLite files only
    register.periods.copy_to_next_year(2024)
    _damage(register)
    path = file_location(register.url)
    assert path is not None
    plain, ahead = GridService(SqliteFile(path)), GridService(SqliteFile(path))
    interval = sys.getswitchinterval()
    for year, kind, asked in ((None, Kind.RISK, 2025), (2024, Kind.RISK, 2024), (2024, Kind.OPPORTUNITY, 2024),
                              (2024, Kind.RISK, 2025), (1999, Kind.RISK, 2025)):
        ahead.read_ahead(year, kind)
        got = ahead.rows(asked, kind)
        assert [_sorted_actions(r) for r in got] == [_sorted_actions(r) for r in plain.rows(asked, kind)]
        assert ahead._ahead is None and not _ahead_left()
    assert {r.code for r in ahead.rows(2024)} == {r.code for r in plain.rows(2024)}  # no longer read ahead
    assert sys.getswitchinterval() == interval  # what the reading ahead lowered is restored


def test_rows_read_ahead_from_a_damaged_file_fail_as_an_ordinary_read_does(tmp_path):
    path = tmp_path / "register.sqlite3"
    open_register(str(path)).close()
    grid = GridService(SqliteFile(path))
    path.write_bytes(b"not a database, " * 512)  # spoiled after it was found ready
    grid.read_ahead(2024, Kind.RISK)
    with pytest.raises(DatabaseError) as ahead:
        grid.rows(2024, Kind.RISK)
    with pytest.raises(DatabaseError) as ordinary:
        grid.rows(2024, Kind.RISK)
    assert ahead.value.message("en") == ordinary.value.message("en")
    assert not _ahead_left()


def test_rows_read_ahead_and_never_asked_for_are_let_go_when_the_register_closes(tmp_path):
    path = tmp_path / "register.sqlite3"
    open_register(str(path)).close()
    services = open_register(str(path))
    services.grid.read_ahead(2024, Kind.RISK)
    services.close()
    assert services.grid._ahead is None and not _ahead_left()


def test_reads_ahead_at_once_give_back_the_switch_interval_they_lowered(tmp_path):
    path = tmp_path / "register.sqlite3"
    open_register(str(path)).close()
    interval = sys.getswitchinterval()
    first, second = GridService(SqliteFile(path)), GridService(SqliteFile(path))
    first.read_ahead(None, Kind.RISK)
    second.read_ahead(None, Kind.OPPORTUNITY)
    assert len(first.rows(2024, Kind.RISK)) == 6 and len(second.rows(2024, Kind.OPPORTUNITY)) == 5
    assert sys.getswitchinterval() == interval and not _ahead_left()
