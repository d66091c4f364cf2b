"""The dashboard's exposure chart and scenario heat map, read back from the figure's artists."""

from __future__ import annotations

from decimal import Decimal

from carthane_tcfd.domain.effects import Direction
from carthane_tcfd.domain.scenarios import Assessment, EffectsOverview, ScenarioSet, scenario_heat
from carthane_tcfd.reports.charts import dashboard_figure


def texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def overview(snapshot, assessments=()) -> EffectsOverview:
    scenarios = ScenarioSet(2024, 5, snapshot.scenarios.scenarios, assessments=tuple(assessments))
    return EffectsOverview(
        {"short": (Decimal(1_000_000), Decimal(3_500_000))},
        {"long": (Decimal(2_000_000), Decimal(2_000_000))},
        scenarios,
    )


def test_exposure_bars_run_from_the_summed_low_to_high_per_kind(snapshot):
    fig = dashboard_figure(snapshot, _actions(), "en", overview=overview(snapshot))
    exposure = next(ax for ax in fig.axes if ax.get_title().startswith("Anticipated exposure"))
    bars = [(round(p.get_y(), 2), round(p.get_y() + p.get_height(), 2)) for p in exposure.patches]
    assert (1.0, 3.5) in bars
    assert "1.0–3.5" in [t.get_text() for t in exposure.texts] and "2.0–2.0" in [t.get_text() for t in exposure.texts]
    assert [t.get_text() for t in exposure.get_legend().get_texts()] == ["Risk", "Opportunity"]


def test_heat_map_counts_adverse_and_favourable_with_the_mean_level(snapshot):
    s0 = snapshot.scenarios.scenarios[0]
    cells = [
        Assessment(Direction.ADVERSE, 4, item_id=1, scenario_id=s0.id, horizon="short"),
        Assessment(Direction.ADVERSE, 3, item_id=2, scenario_id=s0.id, horizon="short"),
        Assessment(Direction.FAVOURABLE, 2, item_id=3, scenario_id=s0.id, horizon="short"),
    ]
    heat = scenario_heat(overview(snapshot, cells).scenarios)
    assert heat[(s0.id, "short")].adverse == 2 and heat[(s0.id, "short")].adverse_level == Decimal("3.5")
    fig = dashboard_figure(snapshot, _actions(), "zh", overview=overview(snapshot, cells))
    heat_ax = next(ax for ax in fig.axes if ax.get_title().startswith("情景热力图"))
    cell = next(t for t in heat_ax.texts if t.get_gid() == "scenario_heat:0:0")
    assert cell.get_text() == "不利 2 · L3.5\n有利 1"
    assert heat_ax.get_yticklabels()[0].get_text() == "有序转型（约 1.5 °C）"


def test_empty_effects_say_so_instead_of_drawing_nothing(snapshot):
    empty = EffectsOverview({}, {}, snapshot.scenarios)
    shown = texts(dashboard_figure(snapshot, _actions(), "en", overview=empty))
    assert "No anticipated amounts entered yet" in shown and "The scenario grid is not filled in yet" in shown


def _actions():
    from carthane_tcfd.domain.taxonomy import MitigationStatus

    return dict.fromkeys(MitigationStatus, 0), 0
