"""The content hash of a period's snapshot: what an approval stores and the pack prints, so a reader can
tell which version of the register was approved."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from carthane_tcfd.domain.records import RegisterSnapshot
from carthane_tcfd.domain.snapshot_data import shallow_data


def canonical_json(data: Any) -> str:
    """One text for one content: keys sorted, no spaces, Unicode kept; records are written as `to_data`
    makes them, by the encoder itself (snapshot_data.shallow_data)."""
    return json.dumps(
        data,
        default=shallow_data,
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        check_circular=False,  # records do not refer to themselves
    )


def content_text(snapshot: RegisterSnapshot) -> str:
    """The snapshot's content as the JSON text that is stored and hashed: the period, its settings and
    narratives, every item with its actions, and every other section it holds; not who prepares a report
    or when (snapshot_data.PACK_CONTEXT_FIELDS)."""
    return canonical_json(snapshot)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot_hash(snapshot: RegisterSnapshot) -> str:
    """SHA-256 (hex) of the snapshot's content text."""
    return text_hash(content_text(snapshot))
