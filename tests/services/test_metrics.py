"""The metrics service on SQLite and PostgreSQL: a whole metric set round-trips, is validated before
anything is written, audited, guarded by its version, refused in an approved period, and copy to next
year carries its structure without figures."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from sqlalchemy import select

from carthane_tcfd.domain.errors import ConflictError, PeriodLocked, ValidationFailed
from carthane_tcfd.domain.ghg import (
    Boundary,
    CrossIndustry,
    LineStatus,
    MeasureState,
    TargetMetric,
    TargetStatus,
    Verification,
)
from carthane_tcfd.domain.inventory import CustomMetric, Line
from carthane_tcfd.domain.metric_set import MetricSet
from carthane_tcfd.domain.targets import CrossIndustryMetric, Milestone, Target, cross_industry_of

D = Decimal
TARGET = Target(
    title="范围一和范围二排放较2024年下降50%",
    title_en="Halve scope 1 and 2 emissions from 2024",
    metric=TargetMetric.SCOPE1_2,
    base_year=2024,
    base_value=D("8272.98"),
    target_year=2030,
    target_value=D("4136.49"),
    coverage="上海、南通工厂",
    milestones=(Milestone(2027, D("6204.74")),),
    science_based=True,
    status=TargetStatus.ACTIVE,
)


def edited(metrics: MetricSet) -> MetricSet:
    inventory = metrics.inventory
    for line in (
        Line("scope1.fugitive", D("200.5"), source="2025 清册"),
        Line("scope2.market", D("6100.25")),
        Line("energy.diesel", D("1200"), D("1.75")),
        Line("scope3.franchises", status=LineStatus.NOT_RELEVANT, reason="无特许经营"),
        Line("output.revenue", D("654.3")),
    ):
        inventory = inventory.with_line(line)
    inventory = dataclasses.replace(
        inventory,
        basis=dataclasses.replace(inventory.basis, gwp="IPCC AR6", verification=Verification.LIMITED_ASSURANCE),
        custom=(CustomMetric("危险废弃物产生总量", "Hazardous waste", "吨", D("98.66"), "附录1"),),
    )
    cross = cross_industry_of(
        [
            CrossIndustryMetric(
                CrossIndustry.CAPITAL_DEPLOYMENT, MeasureState.MEASURED, D("12.5"), "百万元", None, "光伏"
            ),
            CrossIndustryMetric(CrossIndustry.INTERNAL_CARBON_PRICE, MeasureState.NOT_APPLICABLE, narrative="未采用"),
        ]
    )
    return MetricSet(inventory, cross, (TARGET,))


def test_a_whole_metric_set_round_trips(register):
    view = register.metrics.view(2024)
    assert view.version == 1 and not view.read_only
    saved = register.metrics.save(2024, edited(view.current), view.version)
    again = register.metrics.view(2024)
    assert again.current == edited(view.current) == saved.current
    assert again.version == 2
    assert again.current.inventory.line("energy.diesel").tce == D("1.75")
    assert again.current.inventory.basis.boundary is Boundary.OPERATIONAL_CONTROL
    assert again.totals.scope1 == D("1.14") + D("10.44") + D("200.5")
    assert again.current.targets[0].milestones == (Milestone(2027, D("6204.74")),)


def test_the_english_beside_a_lines_source_and_reason_round_trips_and_goes_to_next_year(register):
    view = register.metrics.view(2024)
    seeded = view.current.inventory.line("scope3.capital_goods")
    assert (seeded.reason, seeded.reason_en) == ("2024年报告未核算", "not calculated in the 2024 report")
    inventory = view.current.inventory.with_line(
        Line("scope1.fugitive", D("200.5"), source="2025 清册", source_en="2025 inventory")
    )
    inventory = dataclasses.replace(
        inventory,
        basis=dataclasses.replace(inventory.basis, target_note_en="No target yet."),
        custom=(CustomMetric("危险废弃物产生总量", "Hazardous waste", "吨", D("98.66"), "附录1", "Appendix 1"),),
    )
    register.metrics.save(2024, dataclasses.replace(view.current, inventory=inventory), view.version)
    again = register.metrics.view(2024).current.inventory
    assert again.line("scope1.fugitive").source_en == "2025 inventory"
    assert again.basis.target_note_en == "No target yet." and again.custom[0].source_en == "Appendix 1"
    register.periods.copy_to_next_year(2024)
    carried = register.metrics.view(2025).current.inventory
    assert carried.line("scope3.capital_goods").reason_en == "not calculated in the 2024 report"
    assert carried.line("scope1.fugitive").source_en == "", "a source belongs to its year's figure"


def test_each_changed_field_is_audited(register):
    from carthane_tcfd.store.models import AuditEntry

    view = register.metrics.view(2024)
    register.metrics.save(2024, edited(view.current), view.version)
    with register.metrics.ctx.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "metrics")).all()
    fields = {e.field: (e.old_value, e.new_value) for e in entries}
    assert fields["lines[scope1.fugitive].value"][1] == "200.5"
    assert fields["lines[scope1.fugitive].value"][0].startswith("238.56")
    assert fields["basis.gwp"] == ("", "IPCC AR6")
    assert fields["targets[0]"][1] == TARGET.title
    assert all(e.who == "alice" and e.period_year == 2024 for e in entries)


def test_an_invalid_set_writes_nothing(register):
    view = register.metrics.view(2024)
    bad = dataclasses.replace(
        view.current, inventory=view.current.inventory.with_line(Line("scope1.fugitive", D("-3")))
    )
    with pytest.raises(ValidationFailed) as error:
        register.metrics.save(2024, bad, view.version)
    assert "must not be negative" in error.value.en and "Fugitive emissions" in error.value.en
    assert register.metrics.view(2024) == view


def test_a_stale_version_is_a_conflict_naming_who_saved(register):
    view = register.metrics.view(2024)
    register.metrics.save(2024, edited(view.current), view.version)
    with pytest.raises(ConflictError) as error:
        register.metrics.save(2024, view.current, view.version)
    assert error.value.who == "alice"
    assert register.metrics.view(2024).current == edited(view.current)


def test_an_approved_period_refuses_metric_changes(register):
    from carthane_tcfd.domain.signoff import StepRequest
    from carthane_tcfd.services.register import open_register

    register.workflow.submit(2024, StepRequest())
    approver = open_register(register.url, user="approver")
    approver.workflow.approve(2024, StepRequest("同意"))
    approver.close()
    view = register.metrics.view(2024)
    assert view.read_only
    with pytest.raises(PeriodLocked):
        register.metrics.save(2024, edited(view.current), view.version)


def test_copy_to_next_year_carries_the_structure_with_empty_values(register):
    view = register.metrics.view(2024)
    register.metrics.save(2024, edited(view.current), view.version)
    register.periods.copy_to_next_year(2024)
    copy = register.metrics.view(2025)
    inventory = copy.current.inventory
    assert not inventory.has_figures
    assert inventory.line("scope3.franchises").reason == "无特许经营"
    assert inventory.line("scope3.capital_goods").status is LineStatus.NOT_CALCULATED
    assert inventory.basis.gwp == "IPCC AR6" and inventory.basis.boundary is Boundary.OPERATIONAL_CONTROL
    assert [m.name_zh for m in inventory.custom] == ["危险废弃物产生总量"]
    assert copy.current.targets == (TARGET,)
    assert all(m.state is MeasureState.NOT_MEASURED for m in copy.current.cross_industry)
    assert copy.previous_year == 2024 and copy.previous_totals.total == register.metrics.totals(2024).total
    # a figure entered in 2025 compares with 2024 and moves the target's progress
    entered = dataclasses.replace(
        copy.current,
        inventory=inventory.with_line(Line("scope1.fugitive", D("150"))).with_line(Line("scope2.location", D("7000"))),
    )
    saved = register.metrics.save(2025, entered, copy.version)
    progress = saved.progress(TARGET)
    assert progress.year == 2025 and progress.actual == D("7150")
    assert progress.on_track  # 7,150 is below the straight line's 7,583.73 for 2025


def test_totals_for_the_scenario_sensitivities(register):
    totals = register.metrics.totals(2024)
    assert totals.scope1_2 == D("8272.98")
    assert totals.purchased_electricity_kwh == D("13570968.02")


def test_the_status_bar_count_takes_the_officers_metrics_and_targets_without_english(register):
    """The database's count (the status bar) agrees with the cover's (domain.translation_status) for a
    custom metric and a target held in Chinese only, for inventory lines' sources and reasons, and for the
    inventory basis's texts."""
    from carthane_tcfd.domain.translation_status import english_pending

    view = register.metrics.view(2024)
    before = english_pending(register.periods.snapshot(2024))
    metrics = edited(view.current)
    chinese_only = dataclasses.replace(
        metrics,
        inventory=dataclasses.replace(
            metrics.inventory, custom=(CustomMetric("危险废弃物产生总量", "", "吨", D("98.66")),)
        ),
        targets=(dataclasses.replace(TARGET, title_en=" "),),
    )
    register.metrics.save(2024, chinese_only, view.version)
    after = english_pending(register.periods.snapshot(2024))
    assert after == [
        *before,
        "metric scope1.fugitive source",  # the edited lines' Chinese source and reason, no English beside them
        "metric scope3.franchises reason",
        "metric 危险废弃物产生总量",
        f"target {TARGET.title}",
    ]
    assert register.items.english_pending(2024) == len(after)
