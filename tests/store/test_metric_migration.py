"""Migration 0003 carries the values of the earlier single metric table into the inventory."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Numeric, bindparam, text

from carthane_tcfd.domain.ghg import LineStatus
from carthane_tcfd.store.engine import make_engine
from carthane_tcfd.store.migrate import upgrade

# (code, group, label_zh, label_en, unit, value, level) as release 0002 seeded them, plus one code the
# new schema has no line for
OLD_ROWS = [
    ("ghg.scope1", "ghg", "范围一温室气体排放量", "Scope 1 GHG emissions", "tCO2e", "250.14", 0),
    ("ghg.scope1.stationary", "ghg", "固定源排放", "Stationary combustion", "tCO2e", "1.14", 1),
    ("ghg.scope1.mobile", "ghg", "移动源排放", "Mobile combustion", "tCO2e", "10.44", 1),
    ("ghg.scope1.fugitive", "ghg", "无组织逸散排放", "Fugitive emissions", "tCO2e", "238.56", 1),
    ("ghg.scope2", "ghg", "范围二温室气体排放量", "Scope 2 GHG emissions", "tCO2e", "8022.84", 0),
    ("ghg.scope3", "ghg", "范围三温室气体排放量", "Scope 3 GHG emissions", "tCO2e", "1861.05", 0),
    ("ghg.scope3.cat1", "ghg", "类别 1", "Category 1", "tCO2e", "9.24", 1),
    ("ghg.scope3.cat4", "ghg", "类别 4", "Category 4", "tCO2e", "1805.06", 1),
    ("ghg.scope3.cat5", "ghg", "类别 5", "Category 5", "tCO2e", "13.48", 1),
    ("ghg.scope3.cat7", "ghg", "类别 7", "Category 7", "tCO2e", "33.27", 1),
    ("ghg.total", "ghg", "排放总量", "Total", "tCO2e", "10134.03", 0),
    ("ghg.intensity", "ghg", "排放强度", "Emission intensity", "tCO2e/件", "0.00017", 0),
    ("energy.natural_gas", "energy", "天然气", "Natural gas", "立方米", "527", 0),
    ("energy.natural_gas_tce", "energy", "天然气（折标煤）", "Natural gas (tce)", "吨标煤", "0.64", 1),
    ("energy.purchased_electricity", "energy", "外购电力", "Electricity", "千瓦时", "13570968.02", 0),
    ("energy.purchased_electricity_tce", "energy", "外购电力（折标煤）", "Electricity (tce)", "吨标煤", "1667.87", 1),
    ("energy.renewable_share", "energy", "可再生能源占比", "Renewable share", "%", "13.64", 0),
    ("energy.pv_output", "energy", "光伏发电量", "PV output", "千瓦时", "2150689", 0),
    ("water.total", "water", "总耗水量", "Total water consumption", "吨", "21462", 0),
    ("waste.hazardous", "waste", "危险废弃物", "Hazardous waste", "吨", "98.66", 0),
]


def _old_database(url: str) -> None:
    engine = make_engine(url)
    upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO period (id, year, title, status, matrix_size, horizon_definitions, impact_thresholds,"
                " governance_text, strategy_text, risk_management_text, metrics_targets_text, status_changed_by,"
                " created_at, updated_at, updated_by, version) VALUES (1, 2024, 'old', 'draft', 5, '{}', '[]',"
                " '', '', '', '', '', '2024-01-01', '2024-01-01', '', 1)"
            )
        )
        for position, (code, group, zh, en, unit, value, level) in enumerate(OLD_ROWS):
            conn.execute(
                text(
                    'INSERT INTO metric (period_id, code, "group", label_zh, label_en, unit, value, level, position)'
                    " VALUES (1, :code, :group, :zh, :en, :unit, :value, :level, :position)"
                ).bindparams(bindparam("value", type_=Numeric(20, 6))),
                {"code": code, "group": group, "zh": zh, "en": en, "unit": unit, "value": Decimal(value)}
                | {"level": level, "position": position},
            )
    upgrade(engine)
    engine.dispose()


def test_upgrade_carries_every_old_value_into_the_inventory(db_url):
    from carthane_tcfd.services.register import open_register

    _old_database(db_url)
    register = open_register(db_url, seed=False)
    try:
        view = register.metrics.view(2024)
    finally:
        register.close()
    inventory, totals = view.current.inventory, view.totals
    assert inventory.line("scope1.fugitive").value == Decimal("238.56")
    assert inventory.line("scope2.location").value == Decimal("8022.84")
    assert inventory.line("scope3.upstream_transport").value == Decimal("1805.06")
    gas = inventory.line("energy.natural_gas")
    assert (gas.value, gas.tce) == (Decimal("527"), Decimal("0.64"))
    assert inventory.line("stated.ghg_total").value == Decimal("10134.03")
    assert inventory.line("stated.ghg_intensity").value == Decimal("0.00017")
    assert inventory.line("resource.pv_output").value == Decimal("2150689")
    assert inventory.line("resource.water").value == Decimal("21462")
    assert inventory.basis.output_unit_zh == "件"
    # the subtotals the old table held are now computed, and agree with what it held
    assert (totals.scope1, totals.scope3, totals.total) == (Decimal("250.14"), Decimal("1861.05"), Decimal("10134.03"))
    # categories the old table did not hold are marked, with the reason
    capital = inventory.line("scope3.capital_goods")
    assert capital.status is LineStatus.NOT_CALCULATED and capital.reason
    # a code without a line is kept as a custom metric, not dropped
    [kept] = inventory.custom
    assert (kept.name_zh, kept.name_en, kept.unit, kept.value) == (
        "危险废弃物",
        "Hazardous waste",
        "吨",
        Decimal("98.66"),
    )
    assert not view.notices
