"""English texts beside the Chinese (item and action descriptions, the period's narratives, metric
units), the executive summary's key messages and decision requested, and where a seeded item comes from.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# (table, column, type): every one a text that is empty until someone writes it
COLUMNS = [
    ("period", "governance_text_en", sa.Text()),
    ("period", "strategy_text_en", sa.Text()),
    ("period", "risk_management_text_en", sa.Text()),
    ("period", "metrics_targets_text_en", sa.Text()),
    ("period", "key_messages", sa.Text()),
    ("period", "key_messages_en", sa.Text()),
    ("period", "decision_requested", sa.Text()),
    ("period", "decision_requested_en", sa.Text()),
    ("item", "description_en", sa.Text()),
    ("item", "source", sa.String(40)),
    ("mitigation", "description_en", sa.Text()),
    ("metric", "unit_en", sa.String(40)),
]


def upgrade() -> None:
    # plain ADD COLUMN, never a batch copy: on SQLite, copying the period table would cascade-delete
    # every row that refers to it. Existing rows, and rows written without the column, hold "".
    for table, column, kind in COLUMNS:
        op.add_column(table, sa.Column(column, kind, nullable=False, server_default=""))


def downgrade() -> None:
    for table, column, _kind in reversed(COLUMNS):
        op.drop_column(table, column)  # SQLite 3.35+ drops a column in place
