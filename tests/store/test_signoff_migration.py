"""Migrations 0004 (sign-off) to the newest on a register with data: nothing of it is lost either way."""

from __future__ import annotations

from sqlalchemy import text

from carthane_tcfd.store.migrate import downgrade, open_database, upgrade


def counts(engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return tuple(
            conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in ("item", "mitigation", "scenario")
        )


def test_down_and_up_keep_every_item_action_and_scenario(db_url):
    engine = open_database(db_url).engine
    seeded = counts(engine)
    assert seeded[0] == 11
    downgrade(engine, "0003")
    assert counts(engine) == seeded
    upgrade(engine)
    assert counts(engine) == seeded
    with engine.connect() as conn:
        assert conn.execute(text("SELECT one_person_team FROM period")).scalar() in (False, 0)
    engine.dispose()
