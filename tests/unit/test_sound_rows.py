"""The grid's quick check of a stored row (repair.surely_sound) never says yes to a row item_damage refuses:
it only lets through what item_damage would."""

from __future__ import annotations

import pytest

from carthane_tcfd.services.repair import item_damage, surely_sound

SOUND = {
    "category": "physical_acute",
    "horizons": '["short", "long"]',
    "value_chain": '["operations"]',
    "financial_impacts": '["asset_loss", "revenue_decrease"]',
    "likelihood": 4,
    "impact": 3,
    "residual_likelihood": 2,
    "residual_impact": None,
}


def test_a_sound_row_is_judged_once_then_passes_quickly():
    row = dict(SOUND, horizons='[ "medium" ]')  # a code-list text not seen before (in this process)
    assert not surely_sound(row, 5)
    assert item_damage(row, 5) is None  # judged sound, and its texts remembered
    assert surely_sound(row, 5)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("category", "meteor"),
        ("horizons", '["short", "someday"]'),
        ("value_chain", "not json"),
        ("financial_impacts", None),  # NULL is sound, but the quick check leaves it to item_damage
        ("financial_impacts", ["asset_loss"]),  # a decoded list: not a text it has seen
        ("likelihood", 6),
        ("impact", 0),
        ("residual_likelihood", 2.5),
        ("residual_impact", True),
    ],
)
def test_anything_else_goes_to_item_damage(field, value):
    item_damage(SOUND, 5)  # the sound texts are known
    assert surely_sound(SOUND, 5)
    row = dict(SOUND, **{field: value})
    assert not surely_sound(row, 5)
    found = item_damage(row, 5)
    assert found is None if value is None or isinstance(value, list) else found == (field, value)
