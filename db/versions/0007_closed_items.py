"""Items can be closed with a reason instead of deleted, so a closed risk still shows in comparisons.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN, never a batch copy (on SQLite a copy of the table would cascade-delete its actions)
    op.add_column("item", sa.Column("closed", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("item", sa.Column("closed_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("item", "closed_reason")
    op.drop_column("item", "closed")
