"""The "Financial effects", "Scenario analysis" and "Scenario grid" sheets read back as a reader sees them."""

from __future__ import annotations

import dataclasses
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from carthane_tcfd.domain.effects import AnticipatedEffect, Direction, FinancialEffects
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.scenarios import Assessment, CarbonPrice, ScenarioInputs
from carthane_tcfd.reports.boardpack import write_workbook

EFFECTS = FinancialEffects(
    current_narrative="=台风停产",  # text a spreadsheet would take for a formula
    current_cny=Decimal("250000"),
    anticipated=(AnticipatedEffect("short", Decimal(100000), Decimal(900000), "历史损失 × 频率"),),
    statement_lines=("revenue", "asset_carrying_amounts"),
    material_adjustment=True,
)


@pytest.fixture
def filled(snapshot):
    """The seeded snapshot with effects on PR-01, parameters on the first scenario and one grid cell."""
    first = snapshot.items[0]
    items = (dataclasses.replace(first, effects=EFFECTS), *snapshot.items[1:])
    scenarios = snapshot.scenarios
    s0 = dataclasses.replace(
        scenarios.scenarios[0],
        carbon_prices=(CarbonPrice(2030, Decimal(100)),),
        electricity_change_pct=Decimal(10),
        temperature_c=Decimal("1.5"),
    )
    cell = Assessment(Direction.ADVERSE, 5, Decimal(1000), Decimal(5000), "停产", first.id, s0.id, "short")
    scenarios = dataclasses.replace(
        scenarios,
        scenarios=(s0, *scenarios.scenarios[1:]),
        inputs=ScenarioInputs("三种情景下均具韧性。", Decimal(2_000_000)),
        assessments=(cell,),
    )
    return dataclasses.replace(snapshot, items=items, scenarios=scenarios)


def read(snapshot, lang):
    out = io.BytesIO()
    write_workbook(snapshot, out, lang)
    return load_workbook(io.BytesIO(out.getvalue()))


def values(ws):
    return [[c for c in row] for row in ws.iter_rows(values_only=True)]


def find_row(ws, first):
    for row in ws.iter_rows():
        if row[0].value == first:
            return row
    raise AssertionError(f"no row starting {first!r}")


def test_effects_sheet_shows_figures_reasons_and_exposure(filled):
    ws = read(filled, "en")["Financial effects"]
    heads = [c.value for c in ws[5]]
    assert heads[:5] == ["Code", "Title", "Current effect", "Current (CNY)", "Anticipated (CNY) · Short term"]
    pr01 = [c.value for c in find_row(ws, "PR-01")]
    assert pr01[2] == "=台风停产" and ws.cell(6, 3).data_type == "s"
    assert pr01[3] == 250000
    assert pr01[4] == "100,000 – 900,000\n历史损失 × 频率"
    assert pr01[5] == "n/a"  # PR-01 has no medium horizon
    assert pr01[7] == "Revenue\nAsset carrying amounts / impairment" and pr01[8] == "Yes"
    pr02 = [c.value for c in find_row(ws, "PR-02")]
    assert pr02[9] == "Not quantified in the source report\n(as transcribed from the 2024 ESG report)"
    exposure = read(filled, "en")["Scenario analysis"]  # not under the effects table, whose header repeats
    risks = [c.value for c in find_row(exposure, "Risk")]
    assert risks[1] == "100,000 – 900,000" and risks[2] == "—"
    assert ws.print_title_rows == "$5:$5"  # the header row repeats on every page
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"


def test_scenario_sheet_shows_parameters_sensitivities_and_resilience(filled):
    ws = read(filled, "en")["Scenario analysis"]
    cells = [v for row in values(ws) for v in row if v is not None]
    assert "Orderly transition (about 1.5 °C)" in cells and "2030: 100.00" in cells
    assert cells.count("not entered") >= 6  # the two other scenarios stay empty
    rows = [r for r in values(ws) if r[1] == "Carbon price × emissions"]
    assert rows[0][4] == "100.00 CNY/tCO2e × 8,272.98 tCO2e (scope 1+2)"
    assert rows[0][7] == pytest.approx(827298.0)
    elec = [r for r in values(ws) if r[1] == "Electricity price change × purchased electricity cost"]
    assert elec[0][4] == "+10.00 % × 2,000,000.00 CNY" and elec[0][7] == pytest.approx(200000.0)
    assert "三种情景下均具韧性。" in cells


def test_grid_sheet_colours_cells_by_level_and_guides_when_empty(filled, snapshot):
    ws = read(filled, "zh")["情景评估表"]
    row = find_row(ws, "PR-01")
    assert row[3].value == "不利 · L5\n1,000 – 5,000"
    assert row[3].fill.fgColor.rgb.endswith(Band.CRITICAL.colour.lstrip("#"))
    assert row[4].value == "不适用"  # PR-01 has no medium horizon
    assert row[6].value == "短期: 停产"
    assert ws.print_title_rows == "$5:$5"  # the header row repeats on every page
    empty = read(snapshot, "en")["Scenario grid"]
    texts = [v for r in values(empty) for v in r if isinstance(v, str)]
    assert any(t.startswith("For each item, fill in the direction and level") for t in texts)


def test_a_page_break_falls_above_the_row_it_is_asked_before(filled):
    """A heading kept with its table starts the new page (the break is above the heading, not under it)."""
    from carthane_tcfd.reports.pack_context import PackContext
    from carthane_tcfd.reports.xlsx import Book, put

    out = io.BytesIO()
    book = Book(out)
    ctx = PackContext(filled, "en", book)
    ws = ctx.sheet("cover")
    for row in range(1, 8):
        put(ws, row, 1, f"row {row}")
    ws.page_break_before(5)
    ctx.print_setup(ws, title_rows=None, last_col=1)
    book.close()
    read = load_workbook(io.BytesIO(out.getvalue()))[ctx.sheet_name("cover")]
    assert [b.id for b in read.row_breaks.brk] == [4]  # OOXML: a break above 0-based row 4, i.e. row 5


def test_effects_and_the_scenario_set_survive_the_frozen_snapshot(filled):
    """What an approval stores (snapshot_data) reads back equal: effects, scenarios, inputs and grid."""
    import json

    from carthane_tcfd.domain.records import RegisterSnapshot
    from carthane_tcfd.domain.snapshot_data import from_data, to_data

    back = from_data(RegisterSnapshot, json.loads(json.dumps(to_data(filled))))
    assert back.items[0].effects == EFFECTS
    assert back.scenarios == filled.scenarios
