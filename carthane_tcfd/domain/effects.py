"""Financial effects of an item (IFRS S2 ¶15–21): the current effect, the anticipated effect per time
horizon, the financial-statement lines affected, the ¶16(b) flag, and why an effect is not quantified."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from carthane_tcfd.domain.taxonomy import Coded, Lang, _labels


class StatementLine(Coded):
    """The lines of the financial statements a climate item affects."""

    REVENUE = "revenue"
    COST_OF_SALES = "cost_of_sales"
    OPERATING_EXPENSES = "operating_expenses"
    CAPITAL_EXPENDITURE = "capital_expenditure"
    ASSET_CARRYING_AMOUNTS = "asset_carrying_amounts"
    PROVISIONS_LIABILITIES = "provisions_liabilities"
    FINANCING_COSTS = "financing_costs"


class NotQuantifiedReason(Coded):
    """Why an effect is given without figures: IFRS S2's cases, paraphrased, and the seed's own reason."""

    NOT_SEPARATELY_IDENTIFIABLE = "not_separately_identifiable"
    MEASUREMENT_UNCERTAINTY = "measurement_uncertainty"
    SKILLS_RESOURCES = "skills_resources"
    SOURCE_REPORT = "source_report"

    @property
    def reference(self) -> str:
        """The paragraph of IFRS S2 the reason rests on ("" for the seed's reason)."""
        return REASON_REFERENCES[self]

    def described(self, lang: Lang) -> str:
        """The label with its paragraph, as a list shows it."""
        ref = self.reference
        return f"{self.label(lang)} ({ref})" if ref else self.label(lang)


class Direction(Coded):
    """How a scenario would move an item's financial effect."""

    ADVERSE = "adverse"
    FAVOURABLE = "favourable"
    NEUTRAL = "neutral"


_labels(
    StatementLine,
    {
        "revenue": ("营业收入", "Revenue"),
        "cost_of_sales": ("营业成本", "Cost of sales"),
        "operating_expenses": ("期间费用", "Operating expenses"),
        "capital_expenditure": ("资本支出", "Capital expenditure"),
        "asset_carrying_amounts": ("资产账面价值 / 减值", "Asset carrying amounts / impairment"),
        "provisions_liabilities": ("预计负债及其他负债", "Provisions and other liabilities"),
        "financing_costs": ("财务费用 / 融资成本", "Financing costs"),
    },
)
_labels(
    NotQuantifiedReason,
    {
        "not_separately_identifiable": ("影响无法单独识别", "Effects not separately identifiable"),
        "measurement_uncertainty": (
            "计量不确定性过高，定量信息不具有用性",
            "Measurement uncertainty too high for figures to be useful",
        ),
        "skills_resources": ("缺乏所需的技能、能力或资源", "Skills, capabilities or resources not available"),
        "source_report": ("来源报告未量化", "Not quantified in the source report"),
    },
)
_labels(
    Direction,
    {"adverse": ("不利", "Adverse"), "favourable": ("有利", "Favourable"), "neutral": ("中性", "Neutral")},
)

REASON_REFERENCES: dict[NotQuantifiedReason, str] = {
    NotQuantifiedReason.NOT_SEPARATELY_IDENTIFIABLE: "IFRS S2 ¶19(a)",
    NotQuantifiedReason.MEASUREMENT_UNCERTAINTY: "IFRS S2 ¶19(b)",
    NotQuantifiedReason.SKILLS_RESOURCES: "IFRS S2 ¶20",
    NotQuantifiedReason.SOURCE_REPORT: "",
}


@dataclass(frozen=True)
class AnticipatedEffect:
    """The effect expected within one of the item's time horizons: a CNY range and its basis."""

    horizon: str
    low_cny: Decimal | None = None
    high_cny: Decimal | None = None
    basis: str = ""

    @property
    def quantified(self) -> bool:
        return self.low_cny is not None or self.high_cny is not None


@dataclass(frozen=True)
class FinancialEffects:
    """An item's financial effects, as edited and as stored (the same record both ways)."""

    current_narrative: str = ""
    current_cny: Decimal | None = None
    anticipated: tuple[AnticipatedEffect, ...] = ()
    statement_lines: tuple[str, ...] = ()
    material_adjustment: bool = False  # IFRS S2 ¶16(b): significant risk of a material adjustment next period
    reason: NotQuantifiedReason | None = None
    reason_text: str = ""
    reason_from_seed: bool = False  # the reason was written by the seed, not by an officer

    @property
    def quantified(self) -> bool:
        """Whether any figure is given (current or anticipated)."""
        return self.current_cny is not None or any(a.quantified for a in self.anticipated)

    @property
    def accounted_for(self) -> bool:
        """Figures, or a reason why there are none: what a period needs of each item before review."""
        return self.quantified or self.reason is not None

    def for_horizon(self, horizon: str) -> AnticipatedEffect | None:
        for effect in self.anticipated:
            if effect.horizon == horizon:
                return effect
        return None


def seed_effects() -> FinancialEffects:
    """The effects the seed records for a 2024 item: no figures, as the 2024 report quantifies none; the
    reason is marked as the seed's (the GUI and the pack say "not quantified in the 2024 ESG report")."""
    return FinancialEffects(reason=NotQuantifiedReason.SOURCE_REPORT, reason_from_seed=True)


def exposure_by_horizon(
    effects: list[FinancialEffects] | tuple[FinancialEffects, ...],
) -> dict[str, tuple[Decimal, Decimal]]:
    """The sums of the anticipated low and high amounts per horizon code (a missing bound counts as the
    other bound, so a single figure is a point)."""
    sums: dict[str, tuple[Decimal, Decimal]] = {}
    for effect in effects:
        for a in effect.anticipated:
            if not a.quantified:
                continue
            low = a.low_cny if a.low_cny is not None else a.high_cny
            high = a.high_cny if a.high_cny is not None else a.low_cny
            assert low is not None and high is not None
            old_low, old_high = sums.get(a.horizon, (Decimal(0), Decimal(0)))
            sums[a.horizon] = (old_low + low, old_high + high)
    return sums
