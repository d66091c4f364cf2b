"""Metrics as an inventory per period: inventory lines (scope 1 sources, scope 2 bases, the 15 scope 3
categories, energy carriers in their unit and in tce, PV, water, stated totals), the basis, custom
metrics, cross-industry metrics and targets. The single `metric` table's values are carried over:
each code to its line (a carrier's tce figure to the carrier's line), totals and intensities the report
states to the `stated.*` lines, the scope 3 categories it did not hold marked not calculated; the
scope 1 and 3 subtotals, renewable share and PV coverage are computed from the lines from now on; any
other code becomes a custom metric, so nothing is lost.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

FIGURE = sa.Numeric(24, 8)
SCOPE3 = (
    "purchased_goods_services",
    "capital_goods",
    "fuel_energy_activities",
    "upstream_transport",
    "waste",
    "business_travel",
    "employee_commuting",
    "upstream_leased_assets",
    "downstream_transport",
    "processing_sold_products",
    "use_sold_products",
    "end_of_life",
    "downstream_leased_assets",
    "franchises",
    "investments",
)
# old metric code -> (line code, column)
CARRIED: dict[str, tuple[str, str]] = {
    "ghg.scope1.stationary": ("scope1.stationary_combustion", "value"),
    "ghg.scope1.mobile": ("scope1.mobile_combustion", "value"),
    "ghg.scope1.fugitive": ("scope1.fugitive", "value"),
    "ghg.scope2": ("scope2.location", "value"),
    **{f"ghg.scope3.cat{n}": (f"scope3.{code}", "value") for n, code in enumerate(SCOPE3, start=1)},
    "ghg.total": ("stated.ghg_total", "value"),
    "ghg.intensity": ("stated.ghg_intensity", "value"),
    "energy.natural_gas": ("energy.natural_gas", "value"),
    "energy.natural_gas_tce": ("energy.natural_gas", "tce"),
    "energy.gasoline": ("energy.gasoline", "value"),
    "energy.gasoline_tce": ("energy.gasoline", "tce"),
    "energy.pv": ("energy.solar_pv", "value"),
    "energy.pv_tce": ("energy.solar_pv", "tce"),
    "energy.purchased_electricity": ("energy.purchased_electricity", "value"),
    "energy.purchased_electricity_tce": ("energy.purchased_electricity", "tce"),
    "energy.total_kwh": ("stated.energy_kwh", "value"),
    "energy.total_tce": ("stated.energy_tce", "value"),
    "energy.intensity": ("stated.energy_intensity", "value"),
    "energy.pv_output": ("resource.pv_output", "value"),
    "energy.pv_avoided": ("resource.pv_avoided", "value"),
    "water.total": ("resource.water", "value"),
}
COMPUTED_NOW = {"ghg.scope1", "ghg.scope3", "energy.renewable_share", "energy.pv_coverage"}
CARRIED_SOURCE = "原指标表 / earlier metrics table"
NOT_HELD = "原指标表未列此类别 / not in the earlier metrics table"

metric = sa.table(
    "metric",
    sa.column("id", sa.Integer),
    sa.column("period_id", sa.Integer),
    sa.column("code", sa.String),
    sa.column("group", sa.String),
    sa.column("label_zh", sa.String),
    sa.column("label_en", sa.String),
    sa.column("unit", sa.String),
    sa.column("value", sa.Numeric(20, 6)),
    sa.column("level", sa.Integer),
    sa.column("position", sa.Integer),
)
line = sa.table(
    "inventory_line",
    sa.column("period_id", sa.Integer),
    sa.column("code", sa.String),
    sa.column("value", FIGURE),
    sa.column("tce", FIGURE),
    sa.column("status", sa.String),
    sa.column("reason", sa.Text),
    sa.column("source", sa.String),
)
basis = sa.table(
    "metric_basis",
    *(sa.column(name, sa.String) for name in ("boundary", "gwp", "verification", "scope2_for_total")),
    *(sa.column(name, sa.String) for name in ("output_unit_zh", "output_unit_en", "source", "updated_by")),
    *(sa.column(name, sa.Text) for name in ("standards", "factor_sources", "verification_note", "target_note")),
    sa.column("period_id", sa.Integer),
    sa.column("updated_at", sa.DateTime),
    sa.column("version", sa.Integer),
)
custom = sa.table(
    "custom_metric",
    sa.column("period_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("name_zh", sa.String),
    sa.column("name_en", sa.String),
    sa.column("unit", sa.String),
    sa.column("value", FIGURE),
    sa.column("source", sa.String),
)
period = sa.table("period", sa.column("id", sa.Integer), sa.column("updated_at", sa.DateTime))


def _create_tables() -> None:
    op.create_table(
        "inventory_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(60), nullable=False),
        sa.Column("value", FIGURE, nullable=True),
        sa.Column("tce", FIGURE, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.String(500), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"], ["period.id"], name="fk_inventory_line_period_id_period", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_inventory_line"),
        sa.UniqueConstraint("period_id", "code", name="uq_inventory_line_period_id"),
    )
    op.create_index("ix_inventory_line_period_id", "inventory_line", ["period_id"])
    op.create_table(
        "metric_basis",
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("boundary", sa.String(30), nullable=True),
        sa.Column("standards", sa.Text(), nullable=False),
        sa.Column("factor_sources", sa.Text(), nullable=False),
        sa.Column("gwp", sa.String(200), nullable=False),
        sa.Column("verification", sa.String(30), nullable=True),
        sa.Column("verification_note", sa.Text(), nullable=False),
        sa.Column("scope2_for_total", sa.String(20), nullable=False),
        sa.Column("output_unit_zh", sa.String(40), nullable=False),
        sa.Column("output_unit_en", sa.String(40), nullable=False),
        sa.Column("target_note", sa.Text(), nullable=False),
        sa.Column("source", sa.String(500), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"], ["period.id"], name="fk_metric_basis_period_id_period", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("period_id", name="pk_metric_basis"),
    )
    op.create_table(
        "custom_metric",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("value", FIGURE, nullable=True),
        sa.Column("source", sa.String(500), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"], ["period.id"], name="fk_custom_metric_period_id_period", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_custom_metric"),
    )
    op.create_index("ix_custom_metric_period_id", "custom_metric", ["period_id"])
    op.create_table(
        "cross_industry_metric",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("amount", FIGURE, nullable=True),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("share_pct", FIGURE, nullable=True),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"], ["period.id"], name="fk_cross_industry_metric_period_id_period", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_cross_industry_metric"),
        sa.UniqueConstraint("period_id", "code", name="uq_cross_industry_metric_period_id"),
    )
    op.create_index("ix_cross_industry_metric_period_id", "cross_industry_metric", ["period_id"])
    op.create_table(
        "climate_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("title_en", sa.String(200), nullable=False),
        sa.Column("metric", sa.String(30), nullable=False),
        sa.Column("coverage", sa.Text(), nullable=False),
        sa.Column("base_year", sa.Integer(), nullable=False),
        sa.Column("base_value", FIGURE, nullable=False),
        sa.Column("target_year", sa.Integer(), nullable=False),
        sa.Column("target_value", FIGURE, nullable=False),
        sa.Column("milestones", sa.JSON(), nullable=False),
        sa.Column("science_based", sa.Boolean(), nullable=False),
        sa.Column("validated", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"], ["period.id"], name="fk_climate_target_period_id_period", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_climate_target"),
    )
    op.create_index("ix_climate_target_period_id", "climate_target", ["period_id"])


def _carry_over(conn: sa.Connection) -> None:
    rows = conn.execute(sa.select(metric).order_by(metric.c.period_id, metric.c.position)).all()
    by_period: dict[int, list[Any]] = {}
    for row in rows:
        by_period.setdefault(row.period_id, []).append(row)
    for period_id, old in by_period.items():
        lines: dict[str, dict[str, Any]] = {}
        others = []
        output_unit = ""
        for row in old:
            if row.code in CARRIED:
                code, column = CARRIED[row.code]
                entry = lines.setdefault(
                    code,
                    {"value": None, "tce": None, "status": "calculated", "reason": "", "source": CARRIED_SOURCE},
                )
                entry[column] = Decimal(str(row.value))
                if row.code == "ghg.intensity" and "/" in row.unit:
                    output_unit = row.unit.split("/", 1)[1].strip()
            elif row.code not in COMPUTED_NOW:
                others.append(row)
        for code in SCOPE3:
            lines.setdefault(
                f"scope3.{code}",
                {"value": None, "tce": None, "status": "not_calculated", "reason": NOT_HELD, "source": ""},
            )
        conn.execute(sa.insert(line), [{"period_id": period_id, "code": c, **v} for c, v in lines.items()])
        if others:
            conn.execute(
                sa.insert(custom),
                [
                    {
                        "period_id": period_id,
                        "position": i,
                        "name_zh": r.label_zh,
                        "name_en": r.label_en,
                        "unit": r.unit,
                        "value": Decimal(str(r.value)),
                        "source": CARRIED_SOURCE,
                    }
                    for i, r in enumerate(others)
                ],
            )
        if output_unit:
            conn.execute(
                sa.insert(basis),
                [
                    {
                        "period_id": period_id,
                        "boundary": None,
                        "gwp": "",
                        "verification": None,
                        "scope2_for_total": "location",
                        "output_unit_zh": output_unit,
                        "output_unit_en": "",
                        "source": "",
                        "updated_by": "migration 0003",
                        "standards": "",
                        "factor_sources": "",
                        "verification_note": "",
                        "target_note": "",
                        "updated_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
                        "version": 1,
                    }
                ],
            )


def upgrade() -> None:
    _create_tables()
    _carry_over(op.get_bind())
    op.drop_index("ix_metric_period_id", table_name="metric")
    op.drop_table("metric")


def downgrade() -> None:
    op.create_table(
        "metric",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(60), nullable=False),
        sa.Column("group", sa.String(20), nullable=False),
        sa.Column("label_zh", sa.String(200), nullable=False),
        sa.Column("label_en", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("value", sa.Numeric(20, 6), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("unit_en", sa.String(40), nullable=False, server_default=""),  # as migration 0005 left it
        sa.ForeignKeyConstraint(["period_id"], ["period.id"], name="fk_metric_period_id_period", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_metric"),
        sa.UniqueConstraint("period_id", "code", name="uq_metric_period_id"),
    )
    op.create_index("ix_metric_period_id", "metric", ["period_id"])
    conn = op.get_bind()
    back = {target: old for old, target in CARRIED.items()}
    rows = conn.execute(sa.select(line).order_by(line.c.period_id, line.c.code)).all()
    out = []
    for position, row in enumerate(rows):
        for column in ("value", "tce"):
            code = back.get((row.code, column))
            value = getattr(row, column)
            if code and value is not None:
                out.append(
                    {
                        "period_id": row.period_id,
                        "code": code,
                        "group": code.split(".", 1)[0],
                        "label_zh": code,
                        "label_en": code,
                        "unit": "",
                        "value": value,
                        "level": 0,
                        "position": position * 2 + (column == "tce"),
                    }
                )
    if out:
        conn.execute(sa.insert(metric), out)
    for name in ("climate_target", "cross_industry_metric", "custom_metric", "inventory_line"):
        op.drop_index(f"ix_{name}_period_id", table_name=name)
        op.drop_table(name)
    op.drop_table("metric_basis")
