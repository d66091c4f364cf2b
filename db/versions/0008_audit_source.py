"""Audit entries say where a change came from (e.g. "import from FILE"); empty for edits in the application.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN on both databases: no table copy (a batch copy on SQLite can cascade deletes)
    op.add_column("audit_entry", sa.Column("source", sa.String(300), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("audit_entry") as batch:
        batch.drop_column("source")
