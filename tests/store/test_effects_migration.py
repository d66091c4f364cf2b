"""Migration 0003 on an existing register: the new tables, and the default scenario set for each period."""

from __future__ import annotations

from sqlalchemy import text

from carthane_tcfd.store.engine import make_engine
from carthane_tcfd.store.migrate import downgrade, upgrade


def test_upgrade_gives_existing_periods_the_default_scenarios_without_parameters(db_url):
    engine = make_engine(db_url)
    upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO period (year, title, status, matrix_size, horizon_definitions, impact_thresholds,"
                " governance_text, strategy_text, risk_management_text, metrics_targets_text, status_changed_by,"
                " created_at, updated_at, updated_by, version) VALUES (2023, 't', 'draft', 5, '{}', '[]', '', '', '',"
                " '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '', 1)"
            )
        )
    upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT name_en, carbon_prices, electricity_change_pct, is_default FROM scenario ORDER BY position")
        ).all()
    assert [r[0] for r in rows] == [
        "Orderly transition (about 1.5 °C)",
        "Delayed transition (about 2 °C)",
        "Current policies (3 °C or more)",
    ]
    assert all(r[1] in ("[]", []) and r[2] is None and r[3] for r in rows)
    downgrade(engine, "0002")
    upgrade(engine)
    engine.dispose()
