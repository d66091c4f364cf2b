"""An item's fields are declared once (domain/item_fields.py): every list of fields derives from it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing

from carthane_tcfd.cli import item_json
from carthane_tcfd.domain.item_fields import Shape
from carthane_tcfd.domain.records import ITEM_FIELDS, ItemDraft, ItemHeader, ItemSnapshot
from carthane_tcfd.domain.taxonomy import Category
from carthane_tcfd.domain.validation import FIELD_LABELS, validate_item
from carthane_tcfd.ui.dialogs.conflict_dialog import differences


def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


def test_every_declared_field_is_on_the_snapshot_and_the_row_fields_on_the_grid_row():
    snapshot, header, draft = _hints(ItemSnapshot), _hints(ItemHeader), _hints(ItemDraft)
    for f in ITEM_FIELDS:
        assert f.name in snapshot, f"ItemSnapshot lacks the declared field {f.name}"
        assert (f.name in header) == f.in_row, f"{f.name}: in_row and ItemHeader disagree"
        if f.shape is Shape.CODES:
            assert draft[f.name] == list[str] and snapshot[f.name] == tuple[str, ...]
        else:
            assert draft[f.name] == snapshot[f.name], f.name
    undeclared = {f.name for f in dataclasses.fields(ItemDraft)} - {f.name for f in ITEM_FIELDS}
    assert undeclared == {"mitigations", "effects"}  # records of their own, with their own declarations


def test_the_declaration_is_complete_where_it_is_read():
    for f in ITEM_FIELDS:
        assert f.zh and f.en and FIELD_LABELS[f.name] == (f.zh, f.en)
        assert (f.vocabulary is not None) == (f.shape is Shape.CODES), f.name
        assert f.table is None or f.in_row, f"{f.name}: the CLI table prints grid rows"
        assert f.english is None or f.english in {g.name for g in ITEM_FIELDS}
    keys = [f.json_key for f in ITEM_FIELDS if f.json_key]
    assert len(keys) == len(set(keys))


def test_list_json_keys_are_the_declared_ones_in_the_design_order():
    item = ItemSnapshot(
        **{f.name: f.loaded(f.stored(v)) for f, v in zip(ITEM_FIELDS, _values(), strict=True)},
        id=1,
        code="PR-01",
        version=1,
        matrix_size=5,
        mitigations=(),
        updated_at=dt.datetime(2025, 1, 1),
        updated_by="alice",
    )
    data = item_json(item)
    assert list(data) == [
        "code", "kind", "category", "title", "title_en", "description", "description_en", "horizons", "value_chain",
        "financial_impacts", "likelihood", "impact", "residual_likelihood", "residual_impact",
        "scores_illustrative", "owner", "closed", "closed_reason", "mitigations", "financial_effects",
    ]  # fmt: skip
    assert data["horizons"] == ["medium", "short"] and data["category"] == "physical_acute"


def _values() -> list[object]:
    by_name = {
        "category": Category.PHYSICAL_ACUTE,
        "title": "台风",
        "horizons": ["medium", "short"],
        "value_chain": [],
        "financial_impacts": [],
        "scores_illustrative": False,
    }
    defaults = {f.name: f.default for f in dataclasses.fields(ItemDraft)}
    return [by_name.get(f.name, defaults[f.name]) for f in ITEM_FIELDS]


def test_text_limits_come_from_the_declaration():
    for f in ITEM_FIELDS:
        if f.shape is Shape.TEXT and f.max_length:
            draft = ItemDraft(Category.MARKETS, "x")
            setattr(draft, f.name, "字" * (f.max_length + 1))
            assert [p.field for p in validate_item(draft, 5)] == [f.name]


def test_a_conflict_compares_sets_as_sets_and_skips_what_the_system_keeps():
    mine = ItemDraft(Category.MARKETS, "x", horizons=["short", "long"], scores_illustrative=True)
    theirs = ItemDraft(Category.MARKETS, "x", horizons=["long", "short"])
    assert differences(mine, theirs, "en") == []
    theirs.owner = "HSE"
    assert differences(mine, theirs, "en") == [("Owner", "—", "HSE")]
