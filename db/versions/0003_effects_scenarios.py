"""Financial effects per item, the period's scenario set and inputs, and the scenario assessment grid.
Every existing period receives the default scenario set (names only, parameters empty).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

MONEY = sa.Numeric(16, 2)

# The default set as domain/scenarios.py holds it at this revision (a migration does not import the app).
DEFAULTS = (
    ("有序转型（约 1.5 °C）", "Orderly transition (about 1.5 °C)", "NGFS: Net Zero 2050"),
    ("延迟转型（约 2 °C）", "Delayed transition (about 2 °C)", "NGFS: Delayed Transition"),
    ("现行政策（3 °C 及以上）", "Current policies (3 °C or more)", "NGFS: Current Policies"),
)


def upgrade() -> None:
    op.create_table(
        "financial_effect",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("current_narrative", sa.Text(), nullable=False),
        sa.Column("current_cny", MONEY, nullable=True),
        sa.Column("statement_lines", sa.JSON(), nullable=False),
        sa.Column("material_adjustment", sa.Boolean(), nullable=False),
        sa.Column("reason_code", sa.String(40), nullable=True),
        sa.Column("reason_text", sa.Text(), nullable=False),
        sa.Column("reason_from_seed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name="fk_financial_effect_item_id_item", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("item_id", name="pk_financial_effect"),
    )
    op.create_table(
        "anticipated_effect",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("horizon", sa.String(20), nullable=False),
        sa.Column("low_cny", MONEY, nullable=True),
        sa.Column("high_cny", MONEY, nullable=True),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["item.id"], name="fk_anticipated_effect_item_id_item", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_anticipated_effect"),
        sa.UniqueConstraint("item_id", "horizon", name="uq_anticipated_effect_item_id"),
    )
    op.create_index("ix_anticipated_effect_item_id", "anticipated_effect", ["item_id"])
    scenario = op.create_table(
        "scenario",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("temperature_c", sa.Numeric(4, 2), nullable=True),
        sa.Column("horizon_year", sa.Integer(), nullable=True),
        sa.Column("carbon_prices", sa.JSON(), nullable=False),
        sa.Column("electricity_change_pct", sa.Numeric(8, 2), nullable=True),
        sa.Column("assumptions", sa.Text(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["period_id"], ["period.id"], name="fk_scenario_period_id_period", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_scenario"),
    )
    op.create_index("ix_scenario_period_id", "scenario", ["period_id"])
    op.create_table(
        "scenario_assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("horizon", sa.String(20), nullable=False),
        sa.Column("direction", sa.String(20), nullable=True),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("low_cny", MONEY, nullable=True),
        sa.Column("high_cny", MONEY, nullable=True),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["item.id"], name="fk_scenario_assessment_item_id_item", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["scenario_id"], ["scenario.id"], name="fk_scenario_assessment_scenario_id_scenario", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_scenario_assessment"),
        sa.UniqueConstraint("item_id", "scenario_id", "horizon", name="uq_scenario_assessment_item_id"),
    )
    op.create_index("ix_scenario_assessment_item_id", "scenario_assessment", ["item_id"])
    op.create_index("ix_scenario_assessment_scenario_id", "scenario_assessment", ["scenario_id"])
    op.create_table(
        "scenario_inputs",
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("resilience", sa.Text(), nullable=False),
        sa.Column("electricity_cost_cny", MONEY, nullable=True),
        sa.Column("include_scope3", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"], ["period.id"], name="fk_scenario_inputs_period_id_period", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("period_id", name="pk_scenario_inputs"),
    )
    conn = op.get_bind()
    periods = [row[0] for row in conn.execute(sa.text("SELECT id FROM period"))]
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [
        {
            "period_id": period_id,
            "position": position,
            "name": zh,
            "name_en": en,
            "source": source,
            "carbon_prices": [],
            "assumptions": "",
            "is_default": True,
            "updated_at": now,
            "updated_by": "migration 0003",
            "version": 1,
        }
        for period_id in periods
        for position, (zh, en, source) in enumerate(DEFAULTS)
    ]
    if rows:
        conn.execute(sa.insert(scenario), rows)


def downgrade() -> None:
    op.drop_table("scenario_inputs")
    op.drop_index("ix_scenario_assessment_scenario_id", table_name="scenario_assessment")
    op.drop_index("ix_scenario_assessment_item_id", table_name="scenario_assessment")
    op.drop_table("scenario_assessment")
    op.drop_index("ix_scenario_period_id", table_name="scenario")
    op.drop_table("scenario")
    op.drop_index("ix_anticipated_effect_item_id", table_name="anticipated_effect")
    op.drop_table("anticipated_effect")
    op.drop_table("financial_effect")
