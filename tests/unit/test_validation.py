from __future__ import annotations

from decimal import Decimal

from carthane_tcfd.domain.records import ItemDraft, MitigationDraft
from carthane_tcfd.domain.taxonomy import Category
from carthane_tcfd.domain.validation import validate_item


def fields(draft: ItemDraft, size: int = 5) -> set[str]:
    return {p.field for p in validate_item(draft, size)}


def test_a_complete_draft_is_valid():
    draft = ItemDraft(
        Category.PHYSICAL_ACUTE,
        "台风",
        horizons=["short"],
        likelihood=2,
        impact=3,
        mitigations=[MitigationDraft("投保")],
    )
    assert validate_item(draft, 5) == []


def test_problems_name_their_field_in_both_languages():
    problems = validate_item(ItemDraft(Category.MARKETS, "  "), 5)
    assert [p.field for p in problems] == ["title"]
    assert problems[0].message("zh") == "名称：不能为空"
    assert problems[0].message("en") == "Title: is required"


def test_scores_must_lie_on_the_period_scale_and_come_in_pairs():
    assert fields(ItemDraft(Category.MARKETS, "x", likelihood=6, impact=1)) == {"likelihood"}
    assert fields(ItemDraft(Category.MARKETS, "x", likelihood=6, impact=1), size=6) == set()
    assert fields(ItemDraft(Category.MARKETS, "x", residual_likelihood=2)) == {"residual_impact"}


def test_unknown_codes_and_inverted_estimates_are_refused():
    draft = ItemDraft(
        Category.MARKETS,
        "x",
        horizons=["soon"],
        value_chain=["upstream", "upstream"],
        estimate_low_cny=Decimal(5),
        estimate_high_cny=Decimal(1),
    )
    assert fields(draft) == {"horizons", "value_chain", "estimate_high_cny"}


def test_mitigation_problems_point_at_their_row():
    draft = ItemDraft(
        Category.MARKETS, "x", mitigations=[MitigationDraft("ok"), MitigationDraft("", cost_cny=Decimal(-1))]
    )
    assert fields(draft) == {"mitigations[1].description", "mitigations[1].cost_cny"}
    assert any(p.en.startswith("Action:") for p in validate_item(draft, 5))
