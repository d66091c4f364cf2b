"""The metrics vocabulary: the lines of a GHG and energy inventory (scope 1 sources, scope 2 bases, the 15
scope 3 categories of the GHG Protocol, energy carriers, resources, the report's stated totals) with
stable codes, units and bilingual labels; the states a line, a cross-industry metric and a target take."""

from __future__ import annotations

from dataclasses import dataclass

from carthane_tcfd.domain.taxonomy import Coded, Lang, _labels


class LineGroup(Coded):
    SCOPE1 = "scope1"
    SCOPE2 = "scope2"
    SCOPE3 = "scope3"
    ENERGY = "energy"
    RESOURCE = "resource"
    STATED = "stated"
    OUTPUT = "output"


class Unit(Coded):
    TCO2E = "tco2e"
    TCE = "tce"
    M3 = "m3"
    LITRE = "litre"
    KWH = "kwh"
    TONNE = "tonne"
    PERCENT = "percent"
    CNY_MILLION = "cny_million"
    OUTPUT = "output"  # the period's output measure (the report: pieces)
    TCO2E_PER_OUTPUT = "tco2e_per_output"
    TCE_PER_OUTPUT = "tce_per_output"
    TCO2E_PER_CNY_MILLION = "tco2e_per_cny_million"


class LineStatus(Coded):
    """Whether a line is calculated; a line left out says why (GHG Protocol: scope 3 exclusions)."""

    CALCULATED = "calculated"
    NOT_RELEVANT = "not_relevant"
    NOT_CALCULATED = "not_calculated"


class Boundary(Coded):
    OPERATIONAL_CONTROL = "operational_control"
    FINANCIAL_CONTROL = "financial_control"
    EQUITY_SHARE = "equity_share"


class Scope2Basis(Coded):
    LOCATION = "location"
    MARKET = "market"


class Verification(Coded):
    NOT_VERIFIED = "not_verified"
    VERIFICATION_CONDUCTED = "verification_conducted"  # level of assurance not stated
    LIMITED_ASSURANCE = "limited_assurance"
    REASONABLE_ASSURANCE = "reasonable_assurance"


class CrossIndustry(Coded):
    """IFRS S2 ¶29 (b)–(g): the cross-industry metric categories (our own short descriptions)."""

    TRANSITION_RISK_EXPOSURE = "transition_risk_exposure"
    PHYSICAL_RISK_EXPOSURE = "physical_risk_exposure"
    OPPORTUNITY_ALIGNMENT = "opportunity_alignment"
    CAPITAL_DEPLOYMENT = "capital_deployment"
    INTERNAL_CARBON_PRICE = "internal_carbon_price"
    REMUNERATION = "remuneration"

    @property
    def paragraph(self) -> str:
        return "IFRS S2 ¶29(" + "bcdefg"[list(CrossIndustry).index(self)] + ")"


class MeasureState(Coded):
    NOT_MEASURED = "not_measured"
    MEASURED = "measured"
    NOT_APPLICABLE = "not_applicable"


class TargetMetric(Coded):
    """What a target measures; its actual value comes from the inventory of each year."""

    GHG_TOTAL = "ghg_total"
    SCOPE1 = "scope1"
    SCOPE2 = "scope2"
    SCOPE1_2 = "scope1_2"
    SCOPE3 = "scope3"
    GHG_INTENSITY = "ghg_intensity"
    ENERGY_TCE = "energy_tce"
    RENEWABLE_SHARE = "renewable_share"
    WATER = "water"


class TargetStatus(Coded):
    DRAFT = "draft"
    ACTIVE = "active"
    ACHIEVED = "achieved"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class LineDef:
    """One line of the inventory: its stable code, group, unit and labels; `tce` when the line is an
    energy carrier held in its physical unit and in tonnes of standard coal equivalent."""

    code: str
    group: LineGroup
    unit: Unit
    zh: str
    en: str
    tce: bool = False
    renewable: bool = False
    number: int | None = None  # the GHG Protocol scope 3 category

    def label(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


SCOPE3_CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("purchased_goods_services", "外购商品和服务", "Purchased goods and services"),
    ("capital_goods", "资本货物", "Capital goods"),
    ("fuel_energy_activities", "燃料和能源相关活动", "Fuel- and energy-related activities"),
    ("upstream_transport", "上游运输和配送", "Upstream transportation and distribution"),
    ("waste", "运营中产生的废弃物", "Waste generated in operations"),
    ("business_travel", "商务差旅", "Business travel"),
    ("employee_commuting", "员工通勤", "Employee commuting"),
    ("upstream_leased_assets", "上游租赁资产", "Upstream leased assets"),
    ("downstream_transport", "下游运输和配送", "Downstream transportation and distribution"),
    ("processing_sold_products", "售出产品的加工", "Processing of sold products"),
    ("use_sold_products", "售出产品的使用", "Use of sold products"),
    ("end_of_life", "售出产品的报废处理", "End-of-life treatment of sold products"),
    ("downstream_leased_assets", "下游租赁资产", "Downstream leased assets"),
    ("franchises", "特许经营", "Franchises"),
    ("investments", "投资", "Investments"),
)

LINES: tuple[LineDef, ...] = (
    LineDef("scope1.stationary_combustion", LineGroup.SCOPE1, Unit.TCO2E, "固定源排放", "Stationary combustion"),
    LineDef("scope1.mobile_combustion", LineGroup.SCOPE1, Unit.TCO2E, "移动源排放", "Mobile combustion"),
    LineDef("scope1.fugitive", LineGroup.SCOPE1, Unit.TCO2E, "无组织逸散排放", "Fugitive emissions"),
    LineDef("scope1.process", LineGroup.SCOPE1, Unit.TCO2E, "过程排放", "Process emissions"),
    LineDef("scope2.location", LineGroup.SCOPE2, Unit.TCO2E, "范围二（基于位置）", "Scope 2, location-based"),
    LineDef("scope2.market", LineGroup.SCOPE2, Unit.TCO2E, "范围二（基于市场）", "Scope 2, market-based"),
    *(
        LineDef(f"scope3.{code}", LineGroup.SCOPE3, Unit.TCO2E, f"类别 {n}：{zh}", f"Category {n}: {en}", number=n)
        for n, (code, zh, en) in enumerate(SCOPE3_CATEGORIES, start=1)
    ),
    LineDef("energy.natural_gas", LineGroup.ENERGY, Unit.M3, "天然气", "Natural gas", tce=True),
    LineDef("energy.gasoline", LineGroup.ENERGY, Unit.LITRE, "汽油", "Gasoline", tce=True),
    LineDef("energy.diesel", LineGroup.ENERGY, Unit.LITRE, "柴油", "Diesel", tce=True),
    LineDef("energy.solar_pv", LineGroup.ENERGY, Unit.KWH, "可再生能源（光伏）", "Renewable (solar PV)", True, True),
    LineDef("energy.purchased_electricity", LineGroup.ENERGY, Unit.KWH, "外购电力", "Purchased electricity", tce=True),
    LineDef("resource.pv_output", LineGroup.RESOURCE, Unit.KWH, "光伏年度发电量", "Solar PV output in the year"),
    LineDef(
        "resource.pv_avoided",
        LineGroup.RESOURCE,
        Unit.TCO2E,
        "光伏累计减少碳排放",
        "Emissions avoided by PV (cumulative)",
    ),
    LineDef("resource.water", LineGroup.RESOURCE, Unit.TONNE, "总耗水量", "Total water consumption"),
    LineDef("stated.ghg_total", LineGroup.STATED, Unit.TCO2E, "报告所列排放总量", "Total emissions as stated"),
    LineDef(
        "stated.ghg_intensity",
        LineGroup.STATED,
        Unit.TCO2E_PER_OUTPUT,
        "报告所列排放强度",
        "Emission intensity as stated",
    ),
    LineDef("stated.energy_tce", LineGroup.STATED, Unit.TCE, "报告所列总能源消耗", "Total energy as stated"),
    LineDef(
        "stated.energy_kwh", LineGroup.STATED, Unit.KWH, "报告所列总能源消耗（千瓦时）", "Total energy as stated (kWh)"
    ),
    LineDef(
        "stated.energy_intensity",
        LineGroup.STATED,
        Unit.TCE_PER_OUTPUT,
        "报告所列总能源消耗强度",
        "Energy intensity as stated",
    ),
    LineDef("output.quantity", LineGroup.OUTPUT, Unit.OUTPUT, "产量（强度分母）", "Output (intensity denominator)"),
    LineDef("output.revenue", LineGroup.OUTPUT, Unit.CNY_MILLION, "营业收入", "Revenue"),
)
LINE_BY_CODE: dict[str, LineDef] = {line.code: line for line in LINES}
EMISSION_GROUPS = (LineGroup.SCOPE1, LineGroup.SCOPE2, LineGroup.SCOPE3)


def lines_of(group: LineGroup) -> tuple[LineDef, ...]:
    return tuple(line for line in LINES if line.group is group)


def unit_label(unit: Unit, lang: Lang, output_unit: str = "") -> str:
    """A unit as printed; the output measure's unit is the period's own (the report: 件 / piece)."""
    if unit is Unit.OUTPUT:
        return output_unit or unit.label(lang)
    if unit in (Unit.TCO2E_PER_OUTPUT, Unit.TCE_PER_OUTPUT):
        head = Unit.TCO2E if unit is Unit.TCO2E_PER_OUTPUT else Unit.TCE
        return f"{head.label(lang)}/{output_unit or Unit.OUTPUT.label(lang)}"
    return unit.label(lang)


_labels(
    LineGroup,
    {
        "scope1": ("范围一", "Scope 1"),
        "scope2": ("范围二", "Scope 2"),
        "scope3": ("范围三", "Scope 3"),
        "energy": ("能源消耗", "Energy"),
        "resource": ("光伏与水资源", "Solar PV and water"),
        "stated": ("合计、占比与强度", "Totals, shares and intensities"),
        "output": ("强度分母", "Intensity denominators"),
    },
)
_labels(
    Unit,
    {
        "tco2e": ("tCO2e", "tCO2e"),
        "tce": ("吨标煤", "tce"),
        "m3": ("立方米", "m³"),
        "litre": ("升", "L"),
        "kwh": ("千瓦时", "kWh"),
        "tonne": ("吨", "t"),
        "percent": ("%", "%"),
        "cny_million": ("百万元", "CNY million"),
        "output": ("单位产品", "unit of output"),
        "tco2e_per_output": ("tCO2e/单位产品", "tCO2e per unit of output"),
        "tce_per_output": ("吨标煤/单位产品", "tce per unit of output"),
        "tco2e_per_cny_million": ("tCO2e/百万元", "tCO2e per CNY million"),
    },
)
_labels(
    LineStatus,
    {
        "calculated": ("已核算", "Calculated"),
        "not_relevant": ("不相关", "Not relevant"),
        "not_calculated": ("未核算", "Not calculated"),
    },
)
_labels(
    Boundary,
    {
        "operational_control": ("运营控制法", "Operational control"),
        "financial_control": ("财务控制法", "Financial control"),
        "equity_share": ("股权比例法", "Equity share"),
    },
)
_labels(Scope2Basis, {"location": ("基于位置", "Location-based"), "market": ("基于市场", "Market-based")})
_labels(
    Verification,
    {
        "not_verified": ("未经核查", "Not verified"),
        "verification_conducted": ("已开展核查（保证级别未说明）", "Verified (level of assurance not stated)"),
        "limited_assurance": ("有限保证鉴证", "Limited assurance"),
        "reasonable_assurance": ("合理保证鉴证", "Reasonable assurance"),
    },
)
_labels(
    CrossIndustry,
    {
        "transition_risk_exposure": (
            "易受转型风险影响的资产或业务活动",
            "Assets or business activities vulnerable to transition risks",
        ),
        "physical_risk_exposure": (
            "易受物理风险影响的资产或业务活动",
            "Assets or business activities vulnerable to physical risks",
        ),
        "opportunity_alignment": (
            "与气候相关机遇相一致的资产或业务活动",
            "Assets or business activities aligned with climate-related opportunities",
        ),
        "capital_deployment": (
            "投向气候相关风险与机遇的资本支出、融资或投资",
            "Capital expenditure, financing or investment deployed towards climate risks and opportunities",
        ),
        "internal_carbon_price": ("内部碳价", "Internal carbon price"),
        "remuneration": (
            "与气候因素挂钩的高管薪酬比例",
            "Share of executive remuneration linked to climate considerations",
        ),
    },
)
_labels(
    MeasureState,
    {
        "not_measured": ("尚未计量", "Not yet measured"),
        "measured": ("已计量", "Measured"),
        "not_applicable": ("不适用", "Not applicable"),
    },
)
_labels(
    TargetMetric,
    {
        "ghg_total": ("温室气体排放总量", "Total GHG emissions"),
        "scope1": ("范围一排放", "Scope 1 emissions"),
        "scope2": ("范围二排放", "Scope 2 emissions"),
        "scope1_2": ("范围一和范围二排放", "Scope 1 and 2 emissions"),
        "scope3": ("范围三排放", "Scope 3 emissions"),
        "ghg_intensity": ("排放强度", "Emission intensity"),
        "energy_tce": ("总能源消耗", "Total energy consumption"),
        "renewable_share": ("可再生能源占比", "Renewable share of energy"),
        "water": ("总耗水量", "Total water consumption"),
    },
)
_labels(
    TargetStatus,
    {
        "draft": ("拟定中", "Draft"),
        "active": ("执行中", "Active"),
        "achieved": ("已达成", "Achieved"),
        "withdrawn": ("已撤销", "Withdrawn"),
    },
)
