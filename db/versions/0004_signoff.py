"""Sign-off: a record of every workflow step (who, OS account, when, comment, committee meeting), the
snapshots frozen at approval with their hash, and the period setting that relaxes segregation of duties.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ALTER TABLE ADD/DROP COLUMN, never a batch copy: on SQLite a copy drops the period table, and the
    # foreign keys' ON DELETE CASCADE would empty every table that refers to it.
    op.add_column("period", sa.Column("one_person_team", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "period_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("taken_by", sa.String(200), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"], ["period.id"], name="fk_period_snapshot_period_id_period", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_period_snapshot"),
    )
    op.create_index("ix_period_snapshot_period_id", "period_snapshot", ["period_id"])
    op.create_table(
        "workflow_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(20), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=False),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("os_account", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=True),
        sa.Column("meeting_reference", sa.String(200), nullable=False),
        sa.Column("relaxed", sa.Boolean(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["period_id"], ["period.id"], name="fk_workflow_record_period_id_period", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["snapshot_id"], ["period_snapshot.id"], name="fk_workflow_record_snapshot_id_period_snapshot"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_workflow_record"),
    )
    op.create_index("ix_workflow_record_period_id", "workflow_record", ["period_id"])


def downgrade() -> None:
    op.drop_index("ix_workflow_record_period_id", table_name="workflow_record")
    op.drop_table("workflow_record")
    op.drop_index("ix_period_snapshot_period_id", table_name="period_snapshot")
    op.drop_table("period_snapshot")
    op.drop_column("period", "one_person_team")
