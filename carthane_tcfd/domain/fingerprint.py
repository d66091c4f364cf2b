"""The content hash of a period's snapshot: what an approval stores and the pack prints, so a reader can
tell which version of the register was approved."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from carthane_tcfd.domain.records import RegisterSnapshot
from carthane_tcfd.domain.snapshot_data import to_data


def canonical_json(data: Any) -> str:
    """One text for one content: keys sorted, no spaces, Unicode kept."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def snapshot_hash(snapshot: RegisterSnapshot) -> str:
    """SHA-256 (hex) of the snapshot's content: the period, its settings and narratives, every item with
    its actions, and every other section it holds; not who prepares a report or when."""
    return hashlib.sha256(canonical_json(to_data(snapshot)).encode("utf-8")).hexdigest()
