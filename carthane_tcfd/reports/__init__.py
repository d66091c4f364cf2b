"""Reports written from register snapshots: the board pack, matrices, charts."""

from __future__ import annotations
