"""The inventory's other texts the board pack prints gain their English beside them: a line's source and
its reason for being left out, a further metric's source, the note on targets; empty where written before.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN on both databases: no table copy (a batch copy on SQLite can cascade deletes)
    op.add_column("inventory_line", sa.Column("reason_en", sa.Text(), nullable=False, server_default=""))
    op.add_column("inventory_line", sa.Column("source_en", sa.String(500), nullable=False, server_default=""))
    op.add_column("custom_metric", sa.Column("source_en", sa.String(500), nullable=False, server_default=""))
    op.add_column("metric_basis", sa.Column("target_note_en", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("metric_basis") as batch:
        batch.drop_column("target_note_en")
    with op.batch_alter_table("custom_metric") as batch:
        batch.drop_column("source_en")
    with op.batch_alter_table("inventory_line") as batch:
        batch.drop_column("source_en")
        batch.drop_column("reason_en")
