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


def test_ghg_and_energy_figures_match_the_report(seeded):
    values = {m.code: m.value for m in seeded.metrics}
    assert values["ghg.scope1"] == Decimal("250.14")
    assert values["ghg.scope2"] == Decimal("8022.84")
    assert values["ghg.scope3"] == Decimal("1861.05")
    assert values["ghg.total"] == Decimal("10134.03")
    assert values["ghg.scope1"] + values["ghg.scope2"] + values["ghg.scope3"] == values["ghg.total"]
    subs = ["ghg.scope3.cat1", "ghg.scope3.cat4", "ghg.scope3.cat5", "ghg.scope3.cat7"]
    assert sum(values[c] for c in subs) == values["ghg.scope3"]
    assert values["energy.renewable_share"] == Decimal("13.64")
    assert values["energy.pv_output"] == Decimal("2150689")
    assert values["water.total"] == Decimal("21462")
    text = report_text()
    for figure in ("250.14", "8,022.84", "1,861.05", "10,134.03", "0.00017", "1,937.85", "21,462"):
        assert figure in text
