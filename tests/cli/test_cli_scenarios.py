"""`scenarios` and the effects/scenario keys of `list --json`, run as a user runs them."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

from carthane_tcfd.domain.effects import Direction
from carthane_tcfd.domain.scenarios import CarbonPrice, CellDraft, ScenarioInputs
from carthane_tcfd.services.register import open_register
from tests.cli.test_cli import run


def fill(db: str) -> None:
    register = open_register(f"sqlite:///{db}", user="alice")
    try:
        first = register.scenarios.set_of(2024).scenarios[0]
        draft = replace(
            first.to_draft(), carbon_prices=(CarbonPrice(2030, Decimal(150)),), electricity_change_pct=Decimal(5)
        )
        register.scenarios.update(first.id, draft, first.version)
        register.scenarios.save_inputs(2024, ScenarioInputs("韧性", Decimal(1_000_000)))
        item = register.items.in_period(2024)[0]
        register.scenarios.save_cell(item.id, first.id, "short", CellDraft(Direction.ADVERSE, 2, narrative="n"), 0)
    finally:
        register.close()


def test_scenarios_json_prints_the_set_the_inputs_and_the_sensitivities(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    fill(db)
    result = run("--db", db, "scenarios", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["name_en"] for s in data["scenarios"]][1] == "Delayed transition (about 2 °C)"
    assert data["scenarios"][0]["carbon_prices"] == [{"year": 2030, "price_cny": 150.0}]
    assert data["scenarios"][1]["carbon_prices"] == [] and data["scenarios"][1]["electricity_change_pct"] is None
    assert data["inputs"]["scope1_t"] + data["inputs"]["scope2_t"] == 8272.98
    [carbon] = data["sensitivities"]["carbon_price"]
    assert carbon["result_cny"] == 150 * 8272.98 and carbon["year"] == 2030
    [power] = data["sensitivities"]["electricity_price"]
    assert power["result_cny"] == 50000.0
    assert data["assessed_cells"] == 1
    [row] = data["assessments"]  # the grid as entered, by item code
    assert row["code"] == json.loads(run("--db", db, "list", "--json").stdout)[0]["code"]
    assert [(c["scenario_en"], c["horizon"], c["direction"], c["level"], c["narrative"]) for c in row["cells"]] == [
        ("Orderly transition (about 1.5 °C)", "short", "adverse", 2, "n")
    ]
    text = run("--db", db, "scenarios", "--lang", "en")
    assert "= 1,240,947.00 CNY" in text.stdout


def test_list_json_items_carry_effects_and_assessments(tmp_path):
    db = str(tmp_path / "r.sqlite3")
    fill(db)
    items = json.loads(run("--db", db, "list", "--json").stdout)
    first = items[0]
    assert first["financial_effects"]["not_quantified"] == {
        "reason": "source_report",
        "reference": "",
        "text": "",
        "from_seed": True,
    }
    assert (
        first["financial_effects"]["anticipated"] == {} and first["financial_effects"]["current"]["amount_cny"] is None
    )
    assert first["scenario_assessments"] == [
        {
            "scenario": "有序转型（约 1.5 °C）",
            "scenario_en": "Orderly transition (about 1.5 °C)",
            "horizon": "short",
            "direction": "adverse",
            "level": 2,
            "low_cny": None,
            "high_cny": None,
            "narrative": "n",
        }
    ]
    assert all(i["scenario_assessments"] == [] for i in items[1:])


def test_scenarios_of_a_missing_period_fails_in_one_line(tmp_path):
    result = run("--db", str(tmp_path / "r.sqlite3"), "scenarios", "--period", "1999", "--lang", "en")
    assert result.returncode == 1 and result.stderr.strip() == "error: There is no register for 1999."


def test_a_cell_left_outside_its_items_horizons_is_in_neither_the_json_nor_the_pack(tmp_path):
    """PR-01 has only the short horizon; a long cell a former version left behind is not printed."""
    from openpyxl import load_workbook
    from sqlalchemy import insert

    from carthane_tcfd.store.models import ScenarioAssessment

    db = str(tmp_path / "r.sqlite3")
    fill(db)
    register = open_register(f"sqlite:///{db}", user="alice")
    try:
        item = register.items.in_period(2024)[0]
        scenario = register.scenarios.set_of(2024).scenarios[0]
        with register.scenarios.ctx.write() as session:
            stale = {"item_id": item.id, "scenario_id": scenario.id, "horizon": "long", "direction": "adverse"}
            session.execute(insert(ScenarioAssessment).values(**stale, level=5, narrative="stale"))
    finally:
        register.close()
    items = json.loads(run("--db", db, "list", "--json").stdout)
    assert [(a["horizon"], a["narrative"]) for a in items[0]["scenario_assessments"]] == [("short", "n")]
    pack = tmp_path / "pack.xlsx"
    assert run("--db", db, "export", "--out", str(pack), "--lang", "en").returncode == 0
    grid = load_workbook(pack)["Scenario grid"]
    rows = list(grid.iter_rows(values_only=True))
    [pr01] = [r for r in rows if r[0] == item.code]
    assert pr01[4:7] == ("n/a", "n/a", "Short term: n")  # medium, long: not the item's; the narrative
    assert "L2" in pr01[3] and not any("L5" in str(c) or "stale" in str(c) for r in rows for c in r)
