"""The pack's Metrics and targets sheet read back as a reader sees it: the inventory with its computed
totals, the categories left out with their reason, the basis, the cross-industry metrics' "not yet
measured", the targets (or the report's word that target-setting is under way) and native charts."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from carthane_tcfd.domain.ghg import TargetMetric
from carthane_tcfd.domain.inventory import Line
from carthane_tcfd.domain.targets import Milestone, Target
from carthane_tcfd.reports.boardpack import write_board_pack

TARGET = Target(
    "范围一和范围二减半",
    TargetMetric.SCOPE1_2,
    2024,
    Decimal("8272.98"),
    2030,
    Decimal("4136.49"),
    title_en="Halve scope 1 and 2",
    milestones=(Milestone(2027, Decimal("6204.74")),),
)


def rows(path, sheet: str) -> list[tuple]:
    return [tuple(r) for r in load_workbook(path)[sheet].iter_rows(values_only=True)]


def charts_of(path) -> list[str]:
    """The chart kinds in the workbook (openpyxl does not read charts back, the package holds them)."""
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        return [re.search(r"<c:(pieChart|barChart|lineChart)>", z.read(n).decode()).group(1) for n in names]


@pytest.fixture
def seeded_packs(tmp_path_factory, snapshot):
    folder = tmp_path_factory.mktemp("packs")
    return {
        lang: write_board_pack(snapshot, folder / f"{lang}.xlsx", lang, with_matrix_image=False)
        for lang in ("zh", "en")
    }


def test_the_seeded_sheet_holds_the_reports_figures_computed_and_cited(seeded_packs):
    sheet = rows(seeded_packs["en"], "Metrics and targets")
    by_label = {str(r[0]).strip(): r for r in sheet if r[0]}
    assert by_label["Total GHG emissions (scopes 1, 2, 3)"][2] == 10134.03
    assert by_label["Scope 1 GHG emissions"][2] == 250.14 and by_label["Scope 1 GHG emissions"][5] == "computed"
    assert by_label["Scope 2 share"][2] == 79.17 and by_label["Renewable share of energy"][2] == 13.64
    assert by_label["Category 7: Employee commuting"][2] == 33.27
    assert by_label["Category 7: Employee commuting"][5] == (
        "2024 ESG Report, Appendix 1 Performance table · Greenhouse gas emissions"
    ), "the source's English, translated for the seed"
    capital = by_label["Category 2: Capital goods"]
    assert capital[2] == "—" and capital[5].startswith("Not calculated: ") and "2024 report" in capital[5]
    assert by_label["Organisational boundary"][1] == "Operational control"
    assert by_label["GWP set"][1] == "(not stated)"
    cross = [r for r in sheet if r[0] and str(r[0]).startswith("IFRS S2 ¶29(")]
    assert len(cross) == 6 and {r[1] for r in cross} == {"Not yet measured"}
    text = [c for r in sheet for c in r if isinstance(c, str)]
    assert "No quantified climate target is set for this period." in text
    assert any("Target-setting is under way" in c for c in text)


def test_scope_3_downstream_is_a_table_of_its_own_with_its_header(seeded_packs):
    """Scope 3 can run longer than a page, and a second table on a sheet has no repeated header: its
    downstream categories (9–15) start a table of their own, kept on one page."""
    sheet = [r[0] for r in rows(seeded_packs["en"], "Metrics and targets")]
    at = sheet.index("Scope 3, downstream (categories 9–15)")
    assert sheet[at + 1] == "Metric", "its own header row"
    assert str(sheet[at + 2]).strip().startswith("Category 9:")
    assert sheet[at - 1] is None and str(sheet[at - 2]).strip().startswith("Category 8:"), "upstream ends above"
    assert "范围三（下游：类别 9–15）" in [r[0] for r in rows(seeded_packs["zh"], "指标与目标")]


def test_the_chinese_edition_is_chinese(seeded_packs):
    sheet = rows(seeded_packs["zh"], "指标与目标")
    labels = [str(r[0]).strip() for r in sheet if r[0]]
    assert "温室气体排放总量（范围一、二、三）" in labels and "类别 4：上游运输和配送" in labels
    assert any(r[1] == "尚未计量" for r in sheet)


def test_the_seeded_pack_has_the_scope_split_and_trend_charts(seeded_packs):
    assert charts_of(seeded_packs["en"]) == ["pieChart", "barChart"]


def test_a_second_year_shows_comparatives_the_target_and_its_trajectory_chart(tmp_path):
    from carthane_tcfd.services.register import open_register

    register = open_register(f"sqlite:///{tmp_path / 'r.db'}")
    register.periods.copy_to_next_year(2024)
    view = register.metrics.view(2025)
    inventory = view.current.inventory.with_line(Line("scope2.location", Decimal("7000"))).with_line(
        Line("scope1.fugitive", Decimal("200"))
    )
    register.metrics.save(2025, dataclasses.replace(view.current, inventory=inventory, targets=(TARGET,)), view.version)
    snapshot = register.periods.snapshot(2025)
    register.close()
    path = write_board_pack(snapshot, tmp_path / "pack.xlsx", "en", with_matrix_image=False)
    sheet = rows(path, "Metrics and targets")
    heads = next(r for r in sheet if r[0] == "Metric")
    assert heads[2:5] == ("2025", "2024", "Change")
    location = next(r for r in sheet if r[0] and str(r[0]).strip() == "Scope 2, location-based")
    assert location[2:5] == (7000, 8022.84, "-12.7%")
    target = next(r for r in sheet if r[0] and str(r[0]).startswith("Halve scope 1 and 2"))
    assert target[1] == "2024: 8,272.98" and target[2] == "2030: 4,136.49"
    assert target[3].startswith("2025: 7,200.00") and "on track" in target[4]
    assert "Milestones 2027: 6,204.74" in target[5]
    assert charts_of(path) == ["pieChart", "barChart", "lineChart"]
    trend_data = [r[8:12] for r in sheet if r[8] in ("2024", "2025")]
    assert trend_data[:2] == [("2024", 250.14, 8022.84, 1861.05), ("2025", 200, 7000, 0)]


def test_the_disclosure_index_states_what_the_metrics_answer(seeded_packs):
    index = {r[1]: r for r in rows(seeded_packs["en"], "Disclosure index") if r[0] in ("TCFD", "SSE 14")}
    b = index["Metrics and targets b"]
    assert b[3] == "Answered" and b[5].startswith("scope 1 / 2 / 3 250.14 / 8,022.84")
    assert "4 of 15 scope 3 categories calculated" in b[5]
    assert index["Metrics and targets c"][3:6:2] == ("Partly", "no quantified target; see the note")
    assert index["Metrics and targets a"][3] == "Partly"
    assert "0 of 6 cross-industry metrics answered" in index["Metrics and targets a"][5]
    assert index["Article 26"][3:6:2] == ("Answered", "boundary, standards, factors and verification stated")
    assert index["Governance a"][5] is None, "rows outside metrics and targets say nothing is missing"


def test_an_empty_period_states_its_metrics_missing():
    from carthane_tcfd.domain.metric_disclosure import Coverage, metrics_disclosure
    from carthane_tcfd.domain.metric_set import MetricSet, MetricsView

    view = MetricsView(2025, MetricSet.empty())
    assert metrics_disclosure(view, "第二十五条").coverage is Coverage.MISSING
    assert metrics_disclosure(view, "第二十六条").coverage is Coverage.MISSING
    assert metrics_disclosure(view, "指标与目标 c / Metrics and targets c").en == "no quantified target"
    assert metrics_disclosure(None, "第二十四条").coverage is Coverage.MISSING
    assert metrics_disclosure(view, "第二十一条") is None


def test_no_page_ends_on_a_section_heading(seeded_packs):
    ws = load_workbook(seeded_packs["zh"])["指标与目标"]
    breaks = [b.id for b in ws.row_breaks.brk]  # each break falls after row `id`
    assert breaks, "the sheet is longer than a page"
    headings = {c.row for c in ws["A"] if c.font and c.font.sz == 12 and c.font.b}
    assert headings and not [row for row in breaks if row in headings]
    assert [row for row in breaks if row + 1 in headings], "sections start on a new page when they would not fit"
