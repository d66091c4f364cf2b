"""Sign-off steps record the signer's display name and role (Settings, or the CLI's --name and --role)
beside the audit name; empty for steps recorded before.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN on both databases: no table copy (a batch copy on SQLite can cascade deletes)
    op.add_column("workflow_record", sa.Column("display_name", sa.String(200), nullable=False, server_default=""))
    op.add_column("workflow_record", sa.Column("role", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("workflow_record") as batch:
        batch.drop_column("role")
        batch.drop_column("display_name")
