"""Pure Python domain: the TCFD vocabulary, scales, bands, validation and snapshots. No Qt, no SQL."""

from __future__ import annotations
