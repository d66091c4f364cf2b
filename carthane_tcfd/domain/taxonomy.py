"""The TCFD vocabulary: stable codes (DESIGN.md §2) with Chinese and English labels."""

from __future__ import annotations

import functools
from enum import StrEnum
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

# (enum class, code) -> (zh label, en label). Keyed by class because codes repeat across
# vocabularies ("medium" is a horizon and a band).
_LABELS: dict[tuple[type[StrEnum], str], tuple[str, str]] = {}


class Coded(StrEnum):
    """A stable code with a bilingual label."""

    def label(self, lang: Lang) -> str:
        zh, en = _LABELS[(type(self), self.value)]
        return zh if lang == "zh" else en

    @classmethod
    def parse(cls, value: str) -> Coded:
        """The member whose code, zh label or en label is `value` (case-insensitive for codes)."""
        text = value.strip()
        for member in cls:
            zh, en = _LABELS[(cls, member.value)]
            if text.lower() in (member.value, en.lower()) or text == zh:
                return member
        raise ValueError(f"unknown {cls.__name__} {value!r}")


def _labels(cls: type[StrEnum], table: dict[str, tuple[str, str]]) -> None:
    missing = {m.value for m in cls} ^ set(table)
    assert not missing, f"labels of {cls.__name__} differ from its members: {missing}"
    for code, pair in table.items():
        _LABELS[(cls, code)] = pair


class Kind(Coded):
    RISK = "risk"
    OPPORTUNITY = "opportunity"


class Category(Coded):
    PHYSICAL_ACUTE = "physical_acute"
    PHYSICAL_CHRONIC = "physical_chronic"
    TRANSITION_POLICY_LEGAL = "transition_policy_legal"
    TRANSITION_TECHNOLOGY = "transition_technology"
    TRANSITION_MARKET = "transition_market"
    TRANSITION_REPUTATION = "transition_reputation"
    RESOURCE_EFFICIENCY = "resource_efficiency"
    ENERGY_SOURCE = "energy_source"
    PRODUCTS_SERVICES = "products_services"
    MARKETS = "markets"
    RESILIENCE = "resilience"

    @property
    def kind(self) -> Kind:
        return Kind.RISK if self.value.startswith(("physical", "transition")) else Kind.OPPORTUNITY

    @property
    def code_prefix(self) -> str:
        """The prefix of item codes: PR physical risk, TR transition risk, OP opportunity."""
        if self.value.startswith("physical"):
            return "PR"
        if self.value.startswith("transition"):
            return "TR"
        return "OP"

    @property
    def definition(self) -> tuple[str, str]:
        """A one-line (zh, en) definition, paraphrasing the TCFD categories."""
        return CATEGORY_DEFINITIONS[self]


CODE_ORDER = {"PR": 0, "TR": 1, "OP": 2}  # physical risks, transition risks, then opportunities


def code_sort_key(code: str) -> tuple[int, str]:
    """Items in register order: by code prefix (CODE_ORDER), then by number (PR-2 before PR-10)."""
    prefix, _, number = code.partition("-")
    return CODE_ORDER.get(prefix, 9), number.zfill(6)


def categories_of(kind: Kind) -> list[Category]:
    return [c for c in Category if c.kind is kind]


class Horizon(Coded):
    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


class ValueChain(Coded):
    UPSTREAM = "upstream"
    OPERATIONS = "operations"
    DOWNSTREAM = "downstream"


class FinancialImpact(Coded):
    REVENUE_INCREASE = "revenue_increase"
    REVENUE_DECREASE = "revenue_decrease"
    OPEX_INCREASE = "opex_increase"
    OPEX_DECREASE = "opex_decrease"
    CAPEX_INCREASE = "capex_increase"
    ASSET_LOSS = "asset_loss"
    ASSET_VALUE_INCREASE = "asset_value_increase"
    LIABILITY_INCREASE = "liability_increase"
    FINANCING_COST_INCREASE = "financing_cost_increase"
    FINANCING_COST_DECREASE = "financing_cost_decrease"


class MitigationStatus(Coded):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NOT_STATED = "not_stated"  # transcribed from a report that gives no status: open until an officer sets it

    @property
    def is_open(self) -> bool:
        return self in (MitigationStatus.PLANNED, MitigationStatus.IN_PROGRESS, MitigationStatus.NOT_STATED)


class Source(Coded):
    """Where an item was transcribed from. The report names its items only by category: their titles
    were written for the register (editorial)."""

    ESG2024_RISKS = "esg2024_risks"
    ESG2024_OPPORTUNITIES = "esg2024_opportunities"


class PeriodStatus(Coded):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"


class WorkflowStep(Coded):
    """A step of a period's sign-off."""

    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    REOPEN = "reopen"


_labels(Kind, {"risk": ("风险", "Risk"), "opportunity": ("机遇", "Opportunity")})
_labels(
    Category,
    {
        "physical_acute": ("物理风险-急性", "Physical risk – acute"),
        "physical_chronic": ("物理风险-慢性", "Physical risk – chronic"),
        "transition_policy_legal": ("转型风险-政策和法律", "Transition risk – policy and legal"),
        "transition_technology": ("转型风险-技术", "Transition risk – technology"),
        "transition_market": ("转型风险-市场", "Transition risk – market"),
        "transition_reputation": ("转型风险-声誉", "Transition risk – reputation"),
        "resource_efficiency": ("资源效率", "Resource efficiency"),
        "energy_source": ("能源来源", "Energy source"),
        "products_services": ("产品和服务", "Products and services"),
        "markets": ("市场", "Markets"),
        "resilience": ("适应性", "Resilience"),
    },
)
_labels(
    Horizon,
    {"short": ("短期", "Short term"), "medium": ("中期", "Medium term"), "long": ("长期", "Long term")},
)
_labels(
    ValueChain,
    {"upstream": ("上游", "Upstream"), "operations": ("运营", "Operations"), "downstream": ("下游", "Downstream")},
)
_labels(
    FinancialImpact,
    {
        "revenue_increase": ("营业收入增加", "Revenue increase"),
        "revenue_decrease": ("营业收入下降", "Revenue decrease"),
        "opex_increase": ("运营成本增加", "Operating cost increase"),
        "opex_decrease": ("运营成本下降", "Operating cost decrease"),
        "capex_increase": ("资本支出增加", "Capital expenditure increase"),
        "asset_loss": ("财产损失增加", "Asset loss (damage, write-off, impairment)"),
        "asset_value_increase": ("资产价值增加", "Asset value increase"),
        "liability_increase": ("负债增加", "Liability increase"),
        "financing_cost_increase": ("融资成本增加", "Financing cost increase"),
        "financing_cost_decrease": ("融资成本下降", "Financing cost decrease"),
    },
)
_labels(
    MitigationStatus,
    {
        "planned": ("计划中", "Planned"),
        "in_progress": ("进行中", "In progress"),
        "completed": ("已完成", "Completed"),
        "cancelled": ("已取消", "Cancelled"),
        "not_stated": ("报告未说明", "Not stated in the report"),
    },
)
_labels(
    Source,
    {
        "esg2024_risks": (
            "凯众股份 2024 年度 ESG 报告 · 应对气候变化 · 战略 · 风险表",
            "Carthane 2024 ESG report · Climate change · Strategy · risk table",
        ),
        "esg2024_opportunities": (
            "凯众股份 2024 年度 ESG 报告 · 应对气候变化 · 战略 · 机遇表",
            "Carthane 2024 ESG report · Climate change · Strategy · opportunity table",
        ),
    },
)
_labels(
    PeriodStatus,
    {"draft": ("草稿", "Draft"), "in_review": ("审阅中", "In review"), "approved": ("已批准", "Approved")},
)
_labels(
    WorkflowStep,
    {
        "submit": ("提交审阅", "Submitted for review"),
        "approve": ("批准", "Approved"),
        "return": ("退回修改", "Returned for changes"),
        "reopen": ("重新开启", "Reopened"),
    },
)

CATEGORY_DEFINITIONS: dict[Category, tuple[str, str]] = {
    Category.PHYSICAL_ACUTE: (
        "由极端天气等事件驱动的风险，如台风、暴雨、洪涝、高温。",
        "Event-driven risks such as typhoons, heavy rain, floods and heatwaves.",
    ),
    Category.PHYSICAL_CHRONIC: (
        "由气候模式长期变化驱动的风险，如持续升温、海平面上升、资源短缺。",
        "Longer-term shifts in climate patterns: rising temperatures, sea levels, resource scarcity.",
    ),
    Category.TRANSITION_POLICY_LEGAL: (
        "气候相关政策、法规、关税与披露要求变化带来的风险。",
        "Changes in climate policy, regulation, tariffs and disclosure duties.",
    ),
    Category.TRANSITION_TECHNOLOGY: (
        "低碳技术替代与技术落后带来的风险。",
        "Substitution by lower-carbon technologies and falling behind in them.",
    ),
    Category.TRANSITION_MARKET: (
        "客户需求、原材料供需与价格变化带来的风险。",
        "Shifts in customer demand, raw-material supply and prices.",
    ),
    Category.TRANSITION_REPUTATION: (
        "利益相关方对企业气候表现认知变化带来的风险。",
        "Changing stakeholder perception of the company's climate performance.",
    ),
    Category.RESOURCE_EFFICIENCY: (
        "更高效的生产、能源与水资源利用带来的机遇。",
        "More efficient production and use of energy and water.",
    ),
    Category.ENERGY_SOURCE: ("使用低排放能源带来的机遇。", "Use of lower-emission energy sources."),
    Category.PRODUCTS_SERVICES: (
        "开发低碳产品和服务带来的机遇。",
        "Development of low-carbon products and services.",
    ),
    Category.MARKETS: ("进入新市场或新业务领域的机遇。", "Access to new markets and lines of business."),
    Category.RESILIENCE: (
        "增强适应气候变化能力带来的机遇。",
        "Building the capacity to adapt to climate change.",
    ),
}


def char_width(ch: str) -> int:
    """Columns a character takes in a terminal or a fixed-width layout: CJK characters take two."""
    return 2 if ord(ch) > 0x2E80 else 1


def labels(values: list[str] | tuple[str, ...], enum: type[Coded], lang: Lang, sep: str = "、") -> str:
    """Codes of one vocabulary joined as readable labels, in the vocabulary's order."""
    return _joined(tuple(values), enum, lang, sep)


def labels_as_entered(values: list[str] | tuple[str, ...], enum: type[Coded], lang: Lang, sep: str = "、") -> str:
    """Codes of one vocabulary joined as readable labels, in the order they were entered (an item's
    financial impacts keep the report's order)."""
    return _in_order(tuple(values), enum, lang, sep)


@functools.cache
def _in_order(values: tuple[str, ...], enum: type[Coded], lang: Lang, sep: str) -> str:
    return sep.join(enum(v).label(lang) for v in values)


@functools.cache
def _joined(values: tuple[str, ...], enum: type[Coded], lang: Lang, sep: str) -> str:
    chosen = set(values)  # registers repeat the same few combinations: each is joined once
    return sep.join(m.label(lang) for m in enum if m.value in chosen)
