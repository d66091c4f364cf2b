"""Initial schema: periods, items, mitigations, code counters, audit trail.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

MONEY = sa.Numeric(16, 2)


def upgrade() -> None:
    op.create_table(
        "period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("matrix_size", sa.Integer(), nullable=False),
        sa.Column("horizon_definitions", sa.JSON(), nullable=False),
        sa.Column("impact_thresholds", sa.JSON(), nullable=False),
        sa.Column("governance_text", sa.Text(), nullable=False),
        sa.Column("strategy_text", sa.Text(), nullable=False),
        sa.Column("risk_management_text", sa.Text(), nullable=False),
        sa.Column("metrics_targets_text", sa.Text(), nullable=False),
        sa.Column("status_changed_by", sa.String(200), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_period"),
        sa.UniqueConstraint("year", name="uq_period_year"),
    )
    op.create_table(
        "code_counter",
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("prefix", sa.String(4), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"], ["period.id"], name="fk_code_counter_period_id_period", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("period_id", "prefix", name="pk_code_counter"),
    )
    op.create_table(
        "item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("title_en", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("horizons", sa.JSON(), nullable=False),
        sa.Column("value_chain", sa.JSON(), nullable=False),
        sa.Column("financial_impacts", sa.JSON(), nullable=False),
        sa.Column("estimate_low_cny", MONEY, nullable=True),
        sa.Column("estimate_high_cny", MONEY, nullable=True),
        sa.Column("likelihood", sa.Integer(), nullable=True),
        sa.Column("impact", sa.Integer(), nullable=True),
        sa.Column("residual_likelihood", sa.Integer(), nullable=True),
        sa.Column("residual_impact", sa.Integer(), nullable=True),
        sa.Column("scores_illustrative", sa.Boolean(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("sites", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["period_id"], ["period.id"], name="fk_item_period_id_period", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_item"),
        sa.UniqueConstraint("period_id", "code", name="uq_item_period_id"),
    )
    op.create_index("ix_item_period_id", "item", ["period_id"])
    op.create_table(
        "mitigation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("cost_cny", MONEY, nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"], name="fk_mitigation_item_id_item", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_mitigation"),
    )
    op.create_index("ix_mitigation_item_id", "mitigation", ["item_id"])
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("period_year", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_entry"),
    )
    op.create_index("ix_audit_entry_at", "audit_entry", ["at"])
    op.create_index("ix_audit_entry_item_id", "audit_entry", ["item_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_entry_item_id", table_name="audit_entry")
    op.drop_index("ix_audit_entry_at", table_name="audit_entry")
    op.drop_table("audit_entry")
    op.drop_index("ix_mitigation_item_id", table_name="mitigation")
    op.drop_table("mitigation")
    op.drop_index("ix_item_period_id", table_name="item")
    op.drop_table("item")
    op.drop_table("code_counter")
    op.drop_table("period")
