"""The inventory's computed figures, its validation and the targets' trajectory, without a database."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from carthane_tcfd.domain.ghg import (
    LINES,
    CrossIndustry,
    LineGroup,
    LineStatus,
    MeasureState,
    Scope2Basis,
    TargetMetric,
)
from carthane_tcfd.domain.inventory import Basis, CustomMetric, Inventory, Line, format_figure, inventory_totals
from carthane_tcfd.domain.metric_rows import metric_rows
from carthane_tcfd.domain.metric_set import MetricSet, MetricsView
from carthane_tcfd.domain.metrics_validation import validate_metric_set
from carthane_tcfd.domain.targets import CrossIndustryMetric, Milestone, Target, cross_industry_of

D = Decimal


def inventory(**values: str | tuple[str, str]) -> Inventory:
    """An inventory from line codes written with '__' for '.': scope1__fugitive="238.56"."""
    lines = []
    for key, value in values.items():
        code = key.replace("__", ".")
        if isinstance(value, tuple):
            lines.append(Line(code, D(value[0]), D(value[1])))
        else:
            lines.append(Line(code, D(value)))
    return Inventory.of(lines)


def metric_set(inv: Inventory, targets: tuple[Target, ...] = ()) -> MetricSet:
    return MetricSet(inv, cross_industry_of(()), targets)


def problems_of(inv: Inventory | MetricSet) -> dict[str, str]:
    metrics = inv if isinstance(inv, MetricSet) else metric_set(inv)
    return {p.field: p.en for p in validate_metric_set(metrics)}


def test_every_line_code_is_unique_and_there_are_fifteen_scope3_categories():
    codes = [line.code for line in LINES]
    assert len(codes) == len(set(codes))
    numbers = [line.number for line in LINES if line.group is LineGroup.SCOPE3]
    assert numbers == list(range(1, 16))


def test_totals_and_shares_are_computed_from_the_lines():
    inv = inventory(
        scope1__stationary_combustion="1.14",
        scope1__mobile_combustion="10.44",
        scope1__fugitive="238.56",
        scope2__location="8022.84",
        scope2__market="5000",
        scope3__purchased_goods_services="9.24",
        scope3__upstream_transport="1805.06",
        scope3__waste="13.48",
        scope3__employee_commuting="33.27",
    )
    totals = inventory_totals(inv)
    assert (totals.scope1, totals.scope2, totals.scope3) == (D("250.14"), D("8022.84"), D("1861.05"))
    assert totals.total == D("10134.03") and totals.scope1_2 == D("8272.98")
    shares = [totals.share(g).quantize(D("0.01")) for g in (LineGroup.SCOPE1, LineGroup.SCOPE2, LineGroup.SCOPE3)]
    assert shares == [D("2.47"), D("79.17"), D("18.36")]
    market = dataclasses.replace(inv, basis=Basis(scope2_for_total=Scope2Basis.MARKET))
    assert inventory_totals(market).total == D("250.14") + D("5000") + D("1861.05")


def test_a_line_left_out_counts_nothing_and_nothing_entered_is_none():
    inv = Inventory.of([Line("scope3.capital_goods", None, status=LineStatus.NOT_RELEVANT, reason="no capex")])
    totals = inventory_totals(inv)
    assert totals.scope3 is None and totals.total is None and totals.renewable_share is None
    assert totals.share(LineGroup.SCOPE1) is None and totals.ghg_intensity is None


def test_energy_renewable_share_pv_coverage_and_intensities():
    inv = inventory(
        energy__natural_gas=("527", "0.64"),
        energy__gasoline=("4670", "5.02"),
        energy__solar_pv=("2150689", "264.32"),
        energy__purchased_electricity=("13570968.02", "1667.87"),
        resource__pv_output="2150689",
        scope2__location="8022.84",
        output__quantity="1000000",
        output__revenue="500",
    )
    totals = inventory_totals(inv)
    assert totals.energy_tce == D("1937.85") and totals.purchased_electricity_kwh == D("13570968.02")
    assert totals.renewable_share.quantize(D("0.01")) == D("13.64")
    assert totals.pv_coverage.quantize(D("0.01")) == D("13.68")
    assert totals.ghg_intensity == D("0.00802284")
    assert totals.ghg_per_revenue == D("16.04568")
    assert totals.energy_intensity == D("0.00193785")


def test_a_stated_total_that_differs_from_the_sum_is_a_notice_with_both_numbers():
    inv = inventory(scope1__fugitive="100", scope2__location="200", stated__ghg_total="300.00")
    view = MetricsView(2024, metric_set(inv))
    assert view.notices == []
    wrong = inv.with_line(Line("stated.ghg_total", D("310")))
    notices = MetricsView(2024, metric_set(wrong)).notices
    assert [n.field for n in notices] == ["stated.ghg_total"]
    assert "310" in notices[0].en and "300.00" in notices[0].en


def test_a_stated_figure_matches_at_its_own_precision():
    inv = inventory(scope2__location="10134.03", output__quantity="59612000", stated__ghg_intensity="0.00017")
    assert MetricsView(2024, metric_set(inv)).notices == []


@pytest.mark.parametrize(
    "line,field,message",
    [
        (Line("scope1.fugitive", D("-1")), "lines[scope1.fugitive].value", "must not be negative"),
        (Line("scope1.fugitive", D("NaN")), "lines[scope1.fugitive].value", "finite"),
        (Line("scope1.fugitive", D("Infinity")), "lines[scope1.fugitive].value", "finite"),
        (Line("scope1.fugitive", D("1e16")), "lines[scope1.fugitive].value", "at most"),
        (Line("scope1.fugitive", D("0.123456789")), "lines[scope1.fugitive].value", "8 decimal places"),
        (Line("scope1.fugitive", D("1234567890.1234567")), "lines[scope1.fugitive].value", "significant digits"),
        (Line("scope1.fugitive", D("1"), D("1")), "lines[scope1.fugitive].tce", "no coal-equivalent"),
        (Line("energy.gasoline", D("1"), D("-2")), "lines[energy.gasoline].tce", "must not be negative"),
        (
            Line("scope3.franchises", None, status=LineStatus.NOT_RELEVANT),
            "lines[scope3.franchises].reason",
            "reason is required",
        ),
        (
            Line("scope3.franchises", D("3"), status=LineStatus.NOT_CALCULATED, reason="later"),
            "lines[scope3.franchises].value",
            "must be empty",
        ),
        (Line("scope1.fugitive", D("1"), source="x" * 501), "lines[scope1.fugitive].source", "500 characters"),
    ],
)
def test_bad_lines_are_refused_with_the_line_named(line, field, message):
    problems = problems_of(Inventory.of([line]))
    assert message in problems[field]
    assert line.definition.en in problems[field]


def test_an_unknown_line_code_is_refused():
    inv = Inventory((Line("scope4.magic", D("1")),))
    assert "unknown line code" in problems_of(inv)["lines[scope4.magic]"]


def test_custom_metrics_need_a_name_and_may_not_repeat():
    inv = dataclasses.replace(
        Inventory.empty(),
        custom=(CustomMetric("危险废弃物", "Hazardous waste", "t", D("98.66")), CustomMetric("", "", "t", D("1"))),
    )
    assert "name is required" in problems_of(inv)["custom[1].name_zh"]
    twice = dataclasses.replace(inv, custom=(inv.custom[0], inv.custom[0]))
    assert "repeats" in problems_of(twice)["custom[1].name_zh"]
    negative = dataclasses.replace(inv, custom=(CustomMetric("净值", "", "t", D("-5")),))
    assert problems_of(negative) == {}


def test_cross_industry_metrics_are_measured_with_a_figure_or_not_at_all():
    base = MetricSet.empty()
    assert all(m.state is MeasureState.NOT_MEASURED for m in base.cross_industry)
    assert validate_metric_set(base) == []

    def with_metric(metric: CrossIndustryMetric) -> dict[str, str]:
        return problems_of(dataclasses.replace(base, cross_industry=cross_industry_of([metric])))

    code = CrossIndustry.CAPITAL_DEPLOYMENT
    field = "cross_industry[capital_deployment]"
    assert "required when measured" in with_metric(CrossIndustryMetric(code, MeasureState.MEASURED))[f"{field}.amount"]
    unmeasured = CrossIndustryMetric(code, MeasureState.NOT_MEASURED, D("5"), "CNY")
    assert "empty unless measured" in with_metric(unmeasured)[f"{field}.amount"]
    assert "needs a unit" in with_metric(CrossIndustryMetric(code, MeasureState.MEASURED, D("5")))[f"{field}.unit"]
    share = CrossIndustryMetric(code, MeasureState.MEASURED, share_pct=D("120"))
    assert "at most 100" in with_metric(share)[f"{field}.share_pct"]
    assert with_metric(CrossIndustryMetric(code, MeasureState.MEASURED, D("12.5"), "CNY million")) == {}
    assert CrossIndustry.INTERNAL_CARBON_PRICE.paragraph == "IFRS S2 ¶29(f)"


def target(**changes: object) -> Target:
    base = Target("范围一和二减排", TargetMetric.SCOPE1_2, 2024, D("8272.98"), 2030, D("4136.49"))
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_targets_are_validated():
    def problems(t: Target) -> dict[str, str]:
        return problems_of(metric_set(Inventory.empty(), (t,)))

    assert problems(target()) == {}
    assert "after the base year" in problems(target(target_year=2020))["targets[0].target_year"]
    assert "title is required" in problems(target(title=" "))["targets[0].title"]
    assert "between base and target" in problems(target(milestones=(Milestone(2035, D("1")),)))["targets[0].milestones"]
    assert (
        "repeat"
        in problems(target(milestones=(Milestone(2027, D("1")), Milestone(2027, D("2")))))["targets[0].milestones"]
    )
    assert (
        "at most 100"
        in problems(target(metric=TargetMetric.RENEWABLE_SHARE, base_value=D("13.64"), target_value=D("130")))[
            "targets[0].target_value"
        ]
    )


def test_the_straight_line_and_progress_of_a_reduction_target():
    t = target(base_value=D("1000"), target_value=D("400"), base_year=2024, target_year=2030)
    assert t.expected(2024) == D("1000") and t.expected(2027) == D("700") and t.expected(2030) == D("400")
    assert t.expected(2040) == D("400"), "the line holds at the target after the target year"
    view_2025 = MetricsView(
        2025,
        metric_set(inventory(scope1__fugitive="50", scope2__location="800"), (t,)),
        history=((2024, inventory(scope1__fugitive="100", scope2__location="900")),),
    )
    progress = view_2025.progress(t)
    assert (progress.year, progress.actual, progress.expected) == (2025, D("850"), D("900"))
    assert progress.on_track and progress.achieved_pct == D("25")
    points = view_2025.trajectory(t)
    assert [(p.year, p.actual) for p in points[:3]] == [(2024, D("1000")), (2025, D("850")), (2026, None)]
    behind = MetricsView(2025, metric_set(inventory(scope2__location="950"), (t,)))
    assert not behind.progress(t).on_track


def test_progress_of_a_target_that_raises_its_metric():
    t = target(metric=TargetMetric.RENEWABLE_SHARE, base_value=D("10"), target_value=D("30"), target_year=2028)
    inv = inventory(energy__solar_pv=("1", "20"), energy__purchased_electricity=("1", "80"))
    progress = MetricsView(2025, metric_set(inv, (t,))).progress(t)
    assert progress.actual == D("20") and progress.expected == D("15") and progress.on_track
    assert progress.achieved_pct == D("50")


def test_copy_to_next_year_keeps_the_structure_and_no_figures():
    inv = Inventory.of(
        [
            Line("scope1.fugitive", D("238.56"), source="report"),
            Line("scope3.franchises", status=LineStatus.NOT_RELEVANT, reason="no franchises"),
        ],
        Basis(output_unit_zh="件", source="report"),
        (CustomMetric("危险废弃物", "Hazardous waste", "t", D("98.66")),),
    )
    measured = CrossIndustryMetric(CrossIndustry.CAPITAL_DEPLOYMENT, MeasureState.MEASURED, D("3"), "CNY million")
    structure = MetricSet(inv, cross_industry_of([measured]), (target(),)).structure()
    assert not structure.inventory.has_figures
    assert structure.inventory.line("scope3.franchises").reason == "no franchises"
    assert structure.inventory.line("scope1.fugitive") == Line("scope1.fugitive")
    assert structure.inventory.basis.output_unit_zh == "件" and structure.inventory.basis.source == ""
    assert structure.inventory.custom == (CustomMetric("危险废弃物", "Hazardous waste", "t"),)
    capital = structure.cross_industry[list(CrossIndustry).index(CrossIndustry.CAPITAL_DEPLOYMENT)]
    assert capital.state is MeasureState.NOT_MEASURED and capital.unit == "CNY million" and capital.amount is None
    assert structure.targets == (target(),)


def test_rows_carry_last_years_figures_and_the_change():
    before = inventory(scope1__fugitive="200", energy__gasoline=("1000", "1.5"))
    before = dataclasses.replace(before, custom=(CustomMetric("危险废弃物", "", "t", D("80")),))
    now = inventory(scope1__fugitive="150", energy__gasoline=("1200", "1.8"))
    now = dataclasses.replace(now, custom=(CustomMetric("危险废弃物", "", "t", D("100")),))
    rows = {r.key: r for r in metric_rows(MetricsView(2025, metric_set(now), history=((2024, before),)))}
    assert rows["scope1.fugitive"].previous == D("200") and rows["scope1.fugitive"].change_pct == D("-25")
    assert rows["computed.scope1"].value == D("150") and rows["computed.scope1"].computed
    assert rows["energy.gasoline"].change_tce_pct == D("20")
    assert rows["custom.0"].previous == D("80") and rows["custom.0"].change_pct == D("25")
    assert rows["computed.share_scope1"].value_text() == "100.00"


def test_figures_are_shown_with_separators_and_no_exponent():
    assert format_figure(D("13570968.02")) == "13,570,968.02"
    assert format_figure(D("0.000032")) == "0.000032"
    assert format_figure(D("1E+3")) == "1,000"
    assert format_figure(None) == "—"
    assert format_figure(D("2.4683"), 2) == "2.47"
