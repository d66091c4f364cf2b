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


def content_text(snapshot: RegisterSnapshot) -> str:
    """The snapshot's content as the JSON text that is stored and hashed: the period, its settings and
    narratives, every item with its actions, and every other section it holds; not who prepares a report
    or when (snapshot_data.PACK_CONTEXT_FIELDS)."""
    return canonical_json(to_data(snapshot))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot_hash(snapshot: RegisterSnapshot) -> str:
    """SHA-256 (hex) of the snapshot's content text."""
    return text_hash(content_text(snapshot))
