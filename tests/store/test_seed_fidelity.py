"""Every seeded item against the ESG report (../shared/seed/carthane-esg-report-2024.txt)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from carthane_tcfd.domain.taxonomy import Category, FinancialImpact, Horizon, ValueChain
from tests.conftest import ROOT

REPORT_CANDIDATES = [
    ROOT.parent / "shared" / "seed" / "carthane-esg-report-2024.txt",
    ROOT / "resources" / "seed" / "carthane-esg-report-2024.txt",
]

# (code, category as the report heads it, 短/中/长期 cell, 价值链 cell, 潜在财务影响 cell, bullets)
REPORT_TABLE = [
    ("PR-01", "物理风险-急性", "短期", "运营 下游", "财产损失增加 运营成本增加 营业收入下降", 3),
    ("PR-02", "物理风险-慢性", "长期", "上游 运营", "运营成本增加", 3),
    ("TR-01", "转型风险-政策和法律", "短中长期", "上游 运营 下游", "运营成本增加", 3),
    ("TR-02", "转型风险-技术", "中长期", "运营", "运营成本增加", 1),
    ("TR-03", "转型风险-市场", "中长期", "上游 运营", "运营成本增加 营业收入下降", 2),
    ("TR-04", "转型风险-声誉", "长期", "运营", "运营成本增加 营业收入下降", 2),
    ("OP-01", "资源效率", "短中期", "运营", "运营成本下降", 2),
    ("OP-02", "能源来源", "中长期", "运营", "运营成本下降", 1),
    ("OP-03", "产品和服务", "中长期", "上游 运营", "营业收入增加", 1),
    ("OP-04", "市场", "中长期", "运营 下游", "营业收入增加", 1),
    ("OP-05", "适应性", "长期", "运营", "营业收入增加", 1),
]
HORIZON_CHARS = {"短": Horizon.SHORT, "中": Horizon.MEDIUM, "长": Horizon.LONG}


def report_text() -> str:
    for path in REPORT_CANDIDATES:
        if path.exists():
            return path.read_text(encoding="utf-8")
    pytest.skip("the ESG report is not beside the repository")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    from carthane_tcfd.services.register import open_register

    reg = open_register(f"sqlite:///{tmp_path_factory.mktemp('seed') / 'r.db'}")
    yield reg.periods.snapshot(2024)
    reg.close()


def test_the_register_has_six_risks_and_five_opportunities(seeded):
    assert [i.code for i in seeded.items] == [row[0] for row in REPORT_TABLE]
    assert len(seeded.risks) == 6 and len(seeded.opportunities) == 5


@pytest.mark.parametrize("row", REPORT_TABLE, ids=[r[0] for r in REPORT_TABLE])
def test_item_matches_the_report(seeded, row):
    code, category, horizons, segments, impacts, bullets = row
    item = next(i for i in seeded.items if i.code == code)
    assert item.category is Category.parse(category)
    assert set(item.horizons) == {HORIZON_CHARS[c].value for c in horizons if c in HORIZON_CHARS}
    assert set(item.value_chain) == {ValueChain.parse(s).value for s in segments.split()}
    assert set(item.financial_impacts) == {FinancialImpact.parse(s).value for s in impacts.split()}
    assert len(item.mitigations) == bullets
    report = squash(report_text())
    assert squash(item.description) in report, f"{code}: description is not the report's text"
    for m in item.mitigations:
        # the report breaks bullets over lines; the text itself must be the report's
        assert squash(m.description) in report.replace("•", ""), f"{code}: {m.description[:20]}…"


def test_scores_are_marked_illustrative_everywhere(seeded):
    for item in seeded.items:
        assert item.scores_illustrative
        assert "示例评估" in item.notes and "Illustrative assessment" in item.notes


def test_period_carries_the_reports_horizons_and_narratives(seeded):
    period = seeded.period
    assert period.horizon_definitions["short"]["zh"] == "1年以内"
    assert period.horizon_definitions["medium"]["zh"] == "1-3年"
    assert period.horizon_definitions["long"]["zh"] == "3-5年"
    report = squash(report_text())
    for text in (period.narrative.strategy, period.narrative.metrics_targets.split("\n\n")[0]):
        assert squash(text) in report
    assert "战略委员会" in period.narrative.governance and "董事会" in period.narrative.governance


# (line code or computed figure, the figure as stored or computed, the report's row as printed in it)
INVENTORY_FIGURES = [
    ("scope1.stationary_combustion", "1.14", "固定源排放 tCO2e 1.14"),
    ("scope1.mobile_combustion", "10.44", "移动源排放 tCO2e 10.44"),
    ("scope1.fugitive", "238.56", "无组织逸散排放 tCO2e 238.56"),
    ("scope2.location", "8022.84", "范围二温室气体排放量 tCO2e 8,022.84"),
    ("scope3.purchased_goods_services", "9.24", "类别 1：外购商品和服务 tCO2e 9.24"),
    ("scope3.upstream_transport", "1805.06", "类别 4：上游运输和配送 tCO2e 1,805.06"),
    ("scope3.waste", "13.48", "类别 5：运营中产生的废弃物 tCO2e 13.48"),
    ("scope3.employee_commuting", "33.27", "类别 7：员工通勤 tCO2e 33.27"),
    ("stated.ghg_total", "10134.03", "排放总量 tCO2e 10,134.03"),
    ("stated.ghg_intensity", "0.00017", "排放强度 tCO2e/件 0.00017"),
    ("energy.natural_gas", "527", "天然气 立方米 527"),
    ("energy.gasoline", "4670", "汽油 升 4,670"),
    ("energy.solar_pv", "2150689", "可再生能源（光伏） 千瓦时 2,150,689"),
    ("energy.purchased_electricity", "13570968.02", "外购电力 千瓦时 13,570,968.02"),
    ("stated.energy_tce", "1937.85", "吨标煤 1,937.85"),
    ("stated.energy_kwh", "15767706.94", "总能源消耗 千瓦时 15,767,706.94"),
    ("stated.energy_intensity", "0.000032", "总能源消耗强度 吨标煤 /件 0.000032"),
    ("resource.pv_output", "2150689", "年度总发电量 2,150,689 kWh"),
    ("resource.pv_avoided", "1279", "累计减少排放 1,279 tCO2e"),
    ("resource.water", "21462", "总耗水量 吨 21,462"),
]
CARRIER_TCE = [
    ("energy.natural_gas", "0.64", "立方米 527 吨标煤 0.64"),
    ("energy.gasoline", "5.02", "升 4,670 吨标煤 5.02"),
    ("energy.solar_pv", "264.32", "千瓦时 2,150,689 吨标煤 264.32"),
    ("energy.purchased_electricity", "1667.87", "千瓦时 13,570,968.02 吨标煤 1,667.87"),
]
# computed from the lines, never typed: (name, places shown, the report's figure, the report's words)
COMPUTED_FIGURES = [
    ("scope1", None, "250.14", "范围一温室气体排放量 tCO2e 250.14"),
    ("scope3", None, "1861.05", "范围三温室气体排放量 tCO2e 1,861.05"),
    ("total", None, "10134.03", "总量为 10,134.03 tCO2e"),
    ("share_scope1", 2, "2.47", "范围一排放占比 2.47%"),
    ("share_scope2", 2, "79.17", "范围二排放占比 79.17%"),
    ("share_scope3", 2, "18.36", "范围三排放占比 18.36%"),
    ("energy_tce", None, "1937.85", "能源消耗总量为 1,937.85吨标准煤"),
    ("renewable_share", 2, "13.64", "可再生能源占比 % 13.64"),
    ("pv_coverage", 2, "13.68", "覆盖工厂用电 13.68%"),
]
FACTOR_SOURCES = [
    "IPCC 2021年第六次评估报告",
    "《省级温室气体清单编制指南（试行）》",
    "2589-2020 综合能耗计算通则",
    "2006年 IPCC国家温室气体清单指南",
    "《2022年电力二氧化碳排放因子》",
    "中国生命周期基础数据库（CLCD）",
    "《中国城市绿色出行及其碳排放分析报告》",
]
CITATION = "《2024年度ESG报告》"


def _in_report(words: str) -> bool:
    return squash(words) in squash(report_text())


@pytest.mark.parametrize("code,figure,words", INVENTORY_FIGURES, ids=[f[0] for f in INVENTORY_FIGURES])
def test_inventory_line_is_the_reports_figure_and_cites_it(seeded, code, figure, words):
    line = seeded.metrics.current.inventory.line(code)
    assert line.value == Decimal(figure)
    assert _in_report(words), f"the report does not print {words!r}"
    assert line.source.startswith(CITATION)


@pytest.mark.parametrize("code,figure,words", CARRIER_TCE, ids=[f[0] for f in CARRIER_TCE])
def test_energy_carrier_in_tce_is_the_reports_figure(seeded, code, figure, words):
    assert seeded.metrics.current.inventory.line(code).tce == Decimal(figure)
    assert _in_report(words)


@pytest.mark.parametrize("key,places,figure,words", COMPUTED_FIGURES, ids=[f[0] for f in COMPUTED_FIGURES])
def test_computed_figure_equals_the_reports(seeded, key, places, figure, words):
    from carthane_tcfd.domain.metric_rows import metric_rows

    row = next(r for r in metric_rows(seeded.metrics) if r.key == f"computed.{key}")
    value = row.value if places is None else row.value.quantize(Decimal(1).scaleb(-places))
    assert value == Decimal(figure)
    assert _in_report(words)


def test_scope3_categories_not_in_the_report_are_marked_not_calculated(seeded):
    from carthane_tcfd.domain.ghg import LineGroup, LineStatus

    lines = seeded.metrics.current.inventory.of_group(LineGroup.SCOPE3)
    calculated = [line.definition.number for line in lines if line.status is LineStatus.CALCULATED]
    assert calculated == [1, 4, 5, 7]
    assert _in_report("类别 1-外购商品和服务、类别 4-上游运输和配送、类别 5-运营中产生的废弃物、类别 7-员工通勤")
    for line in lines:
        if line.status is not LineStatus.CALCULATED:
            assert line.status is LineStatus.NOT_CALCULATED and line.value is None
            assert line.reason == "2024年报告未核算" and line.reason_en == "not calculated in the 2024 report"


def test_basis_is_the_reports_boundary_and_factor_sources(seeded):
    from carthane_tcfd.domain.ghg import Boundary, Verification

    basis = seeded.metrics.current.inventory.basis
    assert basis.boundary is Boundary.OPERATIONAL_CONTROL and _in_report("采用运营控制法界定温室气体核算边界")
    for source in FACTOR_SOURCES:
        assert squash(source) in squash(basis.factor_sources) and _in_report(source), source
    assert _in_report("依据 ISO 14064标准") and "ISO 14064" in basis.standards
    assert basis.verification is Verification.VERIFICATION_CONDUCTED and _in_report("首次开展了温室气体排放核查工作")
    assert basis.gwp == "", "the report does not say which GWP set it used"
    assert (basis.output_unit_zh, basis.output_unit_en) == ("件", "piece")
    assert basis.source.startswith(CITATION)


def test_no_target_is_seeded_and_the_report_says_target_setting_is_under_way(seeded):
    from carthane_tcfd.domain.ghg import MeasureState

    metrics = seeded.metrics.current
    assert metrics.targets == ()
    assert "逐步推进碳排放自查与减碳目标制定工作" in metrics.inventory.basis.target_note
    assert _in_report("逐步推进碳排放自查与减碳目标制定工作")
    assert all(m.state is MeasureState.NOT_MEASURED for m in metrics.cross_industry)


def test_seeded_figures_raise_no_mismatch_warning(seeded):
    assert seeded.metrics.notices == []
