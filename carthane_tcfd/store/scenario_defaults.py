"""The default scenario set a new period receives: names and sources only, every parameter empty."""

from __future__ import annotations

from typing import Any

from carthane_tcfd.domain.scenarios import DEFAULT_SCENARIOS
from carthane_tcfd.store.models import utcnow


def default_scenario_rows(period_id: int, who: str) -> list[dict[str, Any]]:
    """Rows for an `insert(Scenario)` of the default set in `period_id`."""
    now = utcnow()
    return [
        {
            "period_id": period_id,
            "position": position,
            "name": s.name,
            "name_en": s.name_en,
            "source": s.source,
            "carbon_prices": [],
            "assumptions": "",
            "is_default": True,
            "updated_at": now,
            "updated_by": who,
        }
        for position, s in enumerate(DEFAULT_SCENARIOS)
    ]
