"""Dialogs: conflict, history, period properties, print preview, and the About text."""

from __future__ import annotations
