"""Use cases shared by the GUI and the CLI: validation, transactions, locking, audit."""

from __future__ import annotations
