"""ORM objects and rows to the frozen records of the domain, so nothing above services holds a Session.
Importing it loads no SQLAlchemy (the grid's start-up reads use it: README, Performance)."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Mapping
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from carthane_tcfd.domain.effects import FinancialEffects
from carthane_tcfd.domain.item_fields import ItemField, Shape
from carthane_tcfd.domain.records import (
    ITEM_FIELDS,
    NARRATIVE_COLUMNS,
    ItemRow,
    ItemSnapshot,
    MitigationSnapshot,
    Narrative,
    PeriodSnapshot,
)
from carthane_tcfd.domain.taxonomy import Category, MitigationStatus, PeriodStatus
from carthane_tcfd.store.grid_sql import CODE_LISTS, PERIOD_JSON

if TYPE_CHECKING:
    from sqlalchemy import Row

    from carthane_tcfd.store.models import Item, Mitigation, Period


def period_snapshot(p: Period | SimpleNamespace) -> PeriodSnapshot:
    return PeriodSnapshot(
        id=p.id,
        year=p.year,
        title=p.title,
        status=PeriodStatus(p.status),
        matrix_size=p.matrix_size,
        horizon_definitions={k: dict(v) for k, v in p.horizon_definitions.items()},
        impact_thresholds_cny=tuple(int(t) for t in p.impact_thresholds),
        narrative=Narrative(**{name: getattr(p, column) for name, column in NARRATIVE_COLUMNS.items()}),
        status_changed_by=p.status_changed_by,
        status_changed_at=p.status_changed_at,
        version=p.version,
        one_person_team=p.one_person_team,
    )


def mitigation_snapshot(m: Mitigation | Row[Any]) -> MitigationSnapshot:
    return MitigationSnapshot(
        id=m.id,
        position=m.position,
        description=m.description,
        owner=m.owner,
        due=m.due,
        status=MitigationStatus(m.status),
        cost_cny=m.cost_cny,
        description_en=m.description_en,
    )


def item_snapshot(
    i: Item | Row[Any],
    matrix_size: int,
    mitigations: tuple[MitigationSnapshot, ...] | None = None,
    effects: FinancialEffects | None = None,
) -> ItemSnapshot:
    """An item from its ORM object, or from a Core row with its mitigations (and effects) loaded beside it."""
    if mitigations is None:  # an ORM object: SQLAlchemy is loaded already
        from carthane_tcfd.store.models import Item

        assert isinstance(i, Item)
        mitigations = tuple(mitigation_snapshot(m) for m in i.mitigations)
    return ItemSnapshot(
        id=i.id,
        code=i.code,
        **{f.name: _loaded(f, getattr(i, f.name)) for f in ITEM_FIELDS},
        mitigations=mitigations,
        version=i.version,
        updated_at=i.updated_at,
        updated_by=i.updated_by,
        matrix_size=matrix_size,
        effects=effects or FinancialEffects(),
    )


@functools.lru_cache(maxsize=4096)
def code_list(text: str | None) -> tuple[str, ...]:
    """A JSON list of codes, decoded once per distinct text: registers repeat a few combinations, and
    decoding every small list one by one shows in the launch time (README, Performance)."""
    return tuple(json.loads(text)) if text else ()


def _loaded(field: ItemField, value: Any) -> Any:
    """A stored value as a snapshot holds it; a code list may come as JSON text (Core rows read it so)."""
    return codes_of(value) if field.shape is Shape.CODES else field.loaded(value)


def codes_of(value: str | list[str] | None) -> tuple[str, ...]:
    """A code list from an ORM object (decoded) or a Core row (JSON text)."""
    return code_list(value) if isinstance(value, str) or value is None else tuple(value)


CATEGORIES = {c.value: c for c in Category}  # a dict lookup: calling the enum costs per row


def item_row(row: dict[str, Any], matrix_size: int, open_mitigations: int, actions_text: str) -> ItemRow:
    """A grid row from the values of its ROW_FIELDS columns by name (store/grid_sql.py; the dict becomes the
    row's attributes) and the summary of its mitigations. SQLite gives booleans as 0/1."""
    row["category"] = CATEGORIES[row["category"]]
    for name in CODE_LISTS:
        row[name] = code_list(row[name])
    row["scores_illustrative"] = bool(row["scores_illustrative"])
    row["closed"] = bool(row["closed"])
    row["matrix_size"] = matrix_size
    row["open_mitigations"] = open_mitigations
    row["actions_text"] = actions_text
    return ItemRow.of_values(row)


def period_of_row(row: Mapping[str, Any]) -> PeriodSnapshot:
    """A period from the values of its PERIOD_FIELDS columns by name (store/grid_sql.py): its JSON read as
    text, its time as text on SQLite, its flag as 0/1."""
    values = dict(row)
    for name in PERIOD_JSON:
        values[name] = json.loads(values[name])
    changed = values["status_changed_at"]
    if isinstance(changed, str):
        values["status_changed_at"] = dt.datetime.fromisoformat(changed)
    values["one_person_team"] = bool(values["one_person_team"])
    return period_snapshot(SimpleNamespace(**values))
