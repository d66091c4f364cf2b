"""Class 5: one bad stored value (written by hand or by a broken program) names its item and field, and
the rest of the register still lists, exports and draws."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import text

from carthane_tcfd.app import main
from carthane_tcfd.domain.errors import DatabaseError
from carthane_tcfd.reports.boardpack import write_workbook
from carthane_tcfd.reports.matrix_figure import matrix_pages
from carthane_tcfd.services.register import open_register


def damage(register, code: str, sql: str) -> None:
    with register.items.ctx.engine.begin() as conn:
        item_id = conn.execute(text("SELECT id FROM item WHERE code = :c"), {"c": code}).scalar_one()
        conn.execute(text(sql), {"id": item_id})


def test_bad_rows_are_named_and_the_rest_loads(register, db_url):
    sqlite = db_url.startswith("sqlite")
    damage(register, "PR-01", "UPDATE item SET category = 'bogus' WHERE id = :id")
    bad_json = "'[\"short\",'" if sqlite else "'[\"someday\"]'"  # PostgreSQL's json type refuses malformed text
    damage(register, "PR-02", f"UPDATE item SET horizons = {bad_json} WHERE id = :id")
    damage(register, "TR-01", "UPDATE item SET likelihood = 9, impact = 9 WHERE id = :id")
    damage(register, "OP-01", "UPDATE mitigation SET status = 'weird' WHERE item_id = :id")

    codes = [r.code for r in register.items.rows(2024)]
    assert len(codes) == 8 and not {"PR-01", "PR-02", "TR-01"} & set(codes)
    assert [i.code for i in register.items.in_period(2024)] == [c for c in codes if c != "OP-01"]
    named = {(d.code, d.field) for d in register.items.needing_repair(2024)}
    assert named == {
        ("PR-01", "category"),
        ("PR-02", "horizons"),
        ("TR-01", "likelihood"),
        ("OP-01", "mitigations[0].status"),
    }
    snapshot = register.periods.snapshot(2024)
    assert len(snapshot.items) == 7
    write_workbook(snapshot, io.BytesIO(), "en")
    assert matrix_pages(snapshot)


def test_a_matrix_size_out_of_range_names_the_period_and_field(register):
    with register.items.ctx.engine.begin() as conn:
        conn.execute(text("UPDATE period SET matrix_size = 9 WHERE year = 2024"))
    with pytest.raises(DatabaseError) as caught:
        register.items.rows(2024)
    assert "2024" in caught.value.en and "matrix size 9" in caught.value.en
    assert register.periods.get(2024).year == 2024  # the period itself still opens, to be repaired


def test_the_command_line_lists_the_rest_and_warns_per_item(capsys, sqlite_url):
    register = open_register(sqlite_url)
    damage(register, "PR-01", "UPDATE item SET category = 'bogus' WHERE id = :id")
    register.close()
    assert main(["--db", sqlite_url, "list", "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert "PR-02" in out and "PR-01" not in out
    assert err.splitlines() == [
        "warning: item PR-01 (id 1): its stored category 'bogus' cannot be used; it is left out until repaired"
    ]
