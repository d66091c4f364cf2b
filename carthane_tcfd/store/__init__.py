"""Persistence: SQLAlchemy models, engine and sessions, migrations, the seed loader."""

from __future__ import annotations
