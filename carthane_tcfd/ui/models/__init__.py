"""Qt item models over service results (one typed QAbstractTableModel per entity)."""

from __future__ import annotations
