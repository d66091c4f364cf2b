"""Widgets the pages are built from: the item editor, its pickers and delegate, the filter bar."""

from __future__ import annotations
