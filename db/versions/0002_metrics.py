"""Metrics held per period: GHG scopes with sub-items, totals, intensity, energy and water.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "metric",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(60), nullable=False),
        sa.Column("group", sa.String(20), nullable=False),
        sa.Column("label_zh", sa.String(200), nullable=False),
        sa.Column("label_en", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("value", sa.Numeric(20, 6), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["period_id"], ["period.id"], name="fk_metric_period_id_period", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_metric"),
        sa.UniqueConstraint("period_id", "code", name="uq_metric_period_id"),
    )
    op.create_index("ix_metric_period_id", "metric", ["period_id"])


def downgrade() -> None:
    op.drop_index("ix_metric_period_id", table_name="metric")
    op.drop_table("metric")
