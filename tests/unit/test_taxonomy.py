from __future__ import annotations

import pytest

from carthane_tcfd.domain.taxonomy import (
    Category,
    FinancialImpact,
    Horizon,
    Kind,
    MitigationStatus,
    PeriodStatus,
    ValueChain,
    categories_of,
    labels,
)

ALL = (Kind, Category, Horizon, ValueChain, FinancialImpact, MitigationStatus, PeriodStatus)


def test_codes_are_the_stable_codes_of_the_design_guide():
    assert [c.value for c in categories_of(Kind.RISK)] == [
        "physical_acute",
        "physical_chronic",
        "transition_policy_legal",
        "transition_technology",
        "transition_market",
        "transition_reputation",
    ]
    assert [c.value for c in categories_of(Kind.OPPORTUNITY)] == [
        "resource_efficiency",
        "energy_source",
        "products_services",
        "markets",
        "resilience",
    ]
    assert [h.value for h in Horizon] == ["short", "medium", "long"]
    assert [v.value for v in ValueChain] == ["upstream", "operations", "downstream"]
    assert {f.value for f in FinancialImpact} == {
        "revenue_increase",
        "revenue_decrease",
        "opex_increase",
        "opex_decrease",
        "capex_increase",
        "asset_loss",
        "asset_value_increase",
        "liability_increase",
        "financing_cost_increase",
        "financing_cost_decrease",
    }
    assert [s.value for s in PeriodStatus] == ["draft", "in_review", "approved"]


@pytest.mark.parametrize("enum", ALL)
def test_every_code_has_a_distinct_label_in_both_languages(enum):
    for lang in ("zh", "en"):
        texts = [m.label(lang) for m in enum]
        assert all(texts), enum
        assert len(set(texts)) == len(texts), (enum, lang)


def test_report_labels_map_to_codes():
    assert FinancialImpact.parse("财产损失增加") is FinancialImpact.ASSET_LOSS
    assert FinancialImpact.parse("运营成本下降") is FinancialImpact.OPEX_DECREASE
    assert Category.parse("转型风险-声誉") is Category.TRANSITION_REPUTATION
    assert Horizon.parse("Long term") is Horizon.LONG
    with pytest.raises(ValueError):
        Horizon.parse("someday")


def test_category_kind_and_code_prefix():
    assert Category.PHYSICAL_CHRONIC.kind is Kind.RISK and Category.PHYSICAL_CHRONIC.code_prefix == "PR"
    assert Category.TRANSITION_MARKET.code_prefix == "TR"
    assert Category.MARKETS.kind is Kind.OPPORTUNITY and Category.MARKETS.code_prefix == "OP"
    assert all(c.definition[0] and c.definition[1] for c in Category)


def test_labels_joins_in_vocabulary_order():
    assert labels(["long", "short"], Horizon, "zh") == "短期、长期"
    assert labels(["downstream", "upstream"], ValueChain, "en", "/") == "Upstream/Downstream"
