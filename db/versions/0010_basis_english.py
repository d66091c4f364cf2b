"""The inventory basis's texts the board pack prints (standards, emission-factor sources, verification note,
source) gain their English beside them; empty for a basis written before.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TEXTS = ("standards_en", "factor_sources_en", "verification_note_en")


def upgrade() -> None:
    # a plain ADD COLUMN on both databases: no table copy (a batch copy on SQLite can cascade deletes)
    for name in TEXTS:
        op.add_column("metric_basis", sa.Column(name, sa.Text(), nullable=False, server_default=""))
    op.add_column("metric_basis", sa.Column("source_en", sa.String(500), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("metric_basis") as batch:
        for name in ("source_en", *reversed(TEXTS)):
            batch.drop_column(name)
