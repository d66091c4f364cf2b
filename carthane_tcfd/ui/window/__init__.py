"""The main window and the actions of its menus (database, period, files)."""

from __future__ import annotations
