"""ORM rows to the frozen records of the domain, so nothing above services holds a Session."""

from __future__ import annotations

import functools
import json
from typing import Any

from sqlalchemy import Row

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
from carthane_tcfd.store.models import Item, Mitigation, Period


def period_snapshot(p: Period) -> PeriodSnapshot:
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
    if mitigations is None:
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


# The item columns of a grid row, in the order item_row unpacks them; CODE_LISTS are read as JSON text.
CODE_LISTS = tuple(f.name for f in ITEM_FIELDS if f.in_row and f.shape is Shape.CODES)
ROW_FIELDS = ("id", "code", *(f.name for f in ITEM_FIELDS if f.in_row), "version")


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


def item_row(values: Row[Any], matrix_size: int, open_mitigations: int, actions_text: str) -> ItemRow:
    """A grid row from a Core row of the ROW_FIELDS columns and the summary of its mitigations (read by
    position: reading a Row's fields by name costs more than the rest of the conversion)."""
    row = dict(zip(ROW_FIELDS, values, strict=True))
    row["category"] = Category(row["category"])
    for name in CODE_LISTS:
        row[name] = code_list(row[name])
    return ItemRow(**row, matrix_size=matrix_size, open_mitigations=open_mitigations, actions_text=actions_text)
