"""The board pack's "Financial effects", "Scenario analysis" and "Scenario grid" sheets: each item's current
and anticipated effects, the anticipated exposure by horizon, the scenario set, the sensitivities with their inputs and
formula, the resilience narrative and the assessment grid."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from carthane_tcfd.domain.effects import FinancialEffects, StatementLine, exposure_by_horizon
from carthane_tcfd.domain.records import ItemSnapshot
from carthane_tcfd.domain.scenarios import GRID_GUIDANCE, Assessment, ScenarioSet, level_band
from carthane_tcfd.domain.sensitivity import emissions_of, sensitivities
from carthane_tcfd.domain.taxonomy import Horizon, Kind, labels
from carthane_tcfd.reports.pack_context import PackContext
from carthane_tcfd.reports.xlsx import Sheet, put, put_cells, put_row, set_widths
from carthane_tcfd.reports.xlsx_styles import band_style_name

TEXT: dict[str, tuple[str, str]] = {
    "effects_note": (
        "参照 IFRS S2 第 15–21 段及《企业可持续披露准则第1号——气候（试行）》第三章：当期与预期财务影响，"
        "金额单位为人民币元；未量化时列明原因。",
        "After IFRS S2 ¶15–21 and China's climate standard (chapter 3): current and anticipated financial "
        "effects in CNY; where an effect is not quantified, the reason is given.",
    ),
    "col.current": ("当期影响", "Current effect"),
    "col.current_cny": ("当期金额（元）", "Current (CNY)"),
    "col.lines": ("受影响的报表项目", "Statement lines"),
    "col.adjustment": ("重大调整风险 ¶16(b)", "Adjustment risk ¶16(b)"),
    "col.reason": ("未量化原因", "Why not quantified"),
    "col.anticipated": ("预期影响（元）· {h}", "Anticipated (CNY) · {h}"),
    "not_covered": ("不适用", "n/a"),
    "seed_mark": ("（据 2024 年 ESG 报告转录）", "(as transcribed from the 2024 ESG report)"),
    "exposure": ("按时间范围汇总的预期影响（元，下限 – 上限）", "Anticipated exposure by horizon (CNY, low – high)"),
    "kind_col": ("类型", "Type"),
    "scenario_set": ("情景设定", "Scenario set"),
    "col.scenario": ("情景", "Scenario"),
    "col.source": ("来源", "Source"),
    "col.temperature": ("温升（°C）", "Temperature (°C)"),
    "col.horizon_year": ("分析年限", "Horizon (year)"),
    "col.carbon_path": ("碳价路径（元/吨CO2e）", "Carbon price path (CNY/tCO2e)"),
    "col.electricity": ("电价变化（%）", "Electricity price change (%)"),
    "col.assumptions": ("假设", "Assumptions"),
    "empty_parameter": ("未填写", "not entered"),
    "sensitivity": ("敏感性分析", "Sensitivities"),
    "sensitivity_note": (
        "排放量取自本年度指标（范围一 + 范围二{s3}）；外购电力成本为本年度输入值。未填写参数的情景不计算。",
        "Emissions are the period's metrics (scope 1 + scope 2{s3}); the purchased electricity cost is an input of "
        "the period. Scenarios without parameters are not computed.",
    ),
    "scope3_suffix": (" + 范围三", " + scope 3"),
    "col.kind_of": ("敏感性", "Sensitivity"),
    "col.year": ("年份", "Year"),
    "col.inputs": ("输入", "Inputs"),
    "col.formula": ("公式", "Formula"),
    "col.result": ("结果（元）", "Result (CNY)"),
    "carbon": ("碳价 × 排放量", "Carbon price × emissions"),
    "electricity": ("电价变化 × 外购电力成本", "Electricity price change × purchased electricity cost"),
    "no_parameters": (
        "情景参数尚未填写，尚无敏感性结果。",
        "No scenario parameters entered yet: no sensitivity results.",
    ),
    "missing_input": ("缺少输入", "input missing"),
    "resilience": ("气候韧性（TCFD 战略 c / IFRS S2 第 22 段）", "Climate resilience (TCFD Strategy c / IFRS S2 ¶22)"),
    "grid_legend": (
        "单元格：方向 · 等级（本年度影响量表 1–{n}）· 金额区间（元）；"
        "颜色按等级：风险色为不利，蓝色为有利，灰色为中性。",
        "Cells: direction · level (the period's impact scale 1–{n}) · CNY range; colour by level: the risk palette "
        "for adverse, blue for favourable, grey for neutral.",
    ),
    "col.narrative": ("说明", "Narrative"),
}
HEADER_ROW = 5


def _t(ctx: PackContext, key: str) -> str:
    zh, en = TEXT[key]
    return zh if ctx.lang == "zh" else en


def _money(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def _range(low: Decimal | None, high: Decimal | None) -> str:
    if low is None and high is None:
        return ""
    if low is None or high is None or low == high:
        return _money(low if low is not None else high)
    return f"{_money(low)} – {_money(high)}"


def _reason(ctx: PackContext, e: FinancialEffects) -> str:
    if e.reason is None:
        return ""
    text = e.reason.described(ctx.lang)
    if e.reason_text.strip():
        text += f"\n{e.reason_text.strip()}"
    return text + (f"\n{_t(ctx, 'seed_mark')}" if e.reason_from_seed else "")


def _anticipated(ctx: PackContext, item: ItemSnapshot, horizon: str) -> str:
    if horizon not in item.horizons:
        return _t(ctx, "not_covered")
    a = item.effects.for_horizon(horizon) if item.effects.anticipated else None
    if a is None:
        return ""
    amount = _range(a.low_cny, a.high_cny)
    return "\n".join(part for part in (amount, a.basis.strip()) if part)


STYLES = {1: "pack_center", 4: "pack_money", 9: "pack_center"}  # of the effects table's columns, else pack_text


def build_financial_effects(ctx: PackContext) -> None:
    ws = ctx.sheet("effects")
    lang = ctx.lang
    widths: list[float] = [7, 14, 21, 15, 17, 17, 17, 15, 12, 22]  # 15: 999,999,999.99 without "###"
    set_widths(ws, widths)
    ctx.title_block(ws, "sheet.effects")
    ws.merge(3, 1, len(widths), _t(ctx, "effects_note"), "pack_note")
    heads = [
        ctx.t("col.code"),
        ctx.t("col.title"),
        _t(ctx, "col.current"),
        _t(ctx, "col.current_cny"),
        *(_t(ctx, "col.anticipated").format(h=h.label(lang)) for h in Horizon),
        _t(ctx, "col.lines"),
        _t(ctx, "col.adjustment"),
        _t(ctx, "col.reason"),
    ]
    put_row(ws, HEADER_ROW, heads, "pack_header")
    ws.height(HEADER_ROW, 42)
    styles = [STYLES.get(col, "pack_text") for col in range(1, len(widths) + 1)]
    horizons = [h.value for h in Horizon]
    row = HEADER_ROW
    for item in ctx.snapshot.items:
        row += 1
        e = item.effects
        texts: list[Any] = [
            item.code,
            ctx.title_of(item),
            e.current_narrative,
            float(e.current_cny) if e.current_cny is not None else None,
            *[_anticipated(ctx, item, h) for h in horizons],
            labels(e.statement_lines, StatementLine, lang, "\n"),
            ctx.t("yes") if e.material_adjustment else ctx.t("no"),
            _reason(ctx, e),
        ]
        put_cells(ws, row, texts, styles)
        row = ws.spill(row, len(widths))
    if row == HEADER_ROW:
        row += 1
        put(ws, row, 1, ctx.t("empty_register"), "pack_note")
    ws.freeze(HEADER_ROW + 1, 3)
    ctx.print_setup(ws, title_rows=HEADER_ROW, last_col=len(widths))


def _scenario_set(ctx: PackContext, ws: Sheet, row: int, scenarios: ScenarioSet, widths: Sequence[float]) -> int:
    lang = ctx.lang
    empty = _t(ctx, "empty_parameter")
    heading = row
    put(ws, row, 1, _t(ctx, "scenario_set"), "pack_heading")
    row += 1
    heads = ["col.scenario", "col.source", "col.temperature", "col.horizon_year", "col.carbon_path", "col.electricity"]
    put_row(ws, row, [_t(ctx, h) for h in heads], "pack_header")
    ws.merge(row, 7, 8, _t(ctx, "col.assumptions"), "pack_header")
    ws.height(row, 30)
    for s in scenarios.scenarios:
        row += 1
        texts = [
            s.display_name(lang),
            s.source,
            f"{s.temperature_c}" if s.temperature_c is not None else empty,
            str(s.horizon_year) if s.horizon_year is not None else empty,
            "\n".join(f"{p.year}: {p.price_cny:,.2f}" for p in s.carbon_prices) or empty,
            f"{s.electricity_change_pct:+.2f}" if s.electricity_change_pct is not None else empty,
        ]
        put_row(ws, row, texts)
        ws.merge(row, 7, 8, s.assumptions or empty, "pack_text")
    ws.keep_together(heading, row)
    return row + 2


def _sensitivities(ctx: PackContext, ws: Sheet, row: int, scenarios: ScenarioSet, widths: Sequence[float]) -> int:
    result = sensitivities(
        scenarios, emissions_of(ctx.snapshot.metrics.totals if ctx.snapshot.metrics else None), ctx.lang
    )
    heading = row
    put(ws, row, 1, _t(ctx, "sensitivity"), "pack_heading")
    row += 1
    scope3 = _t(ctx, "scope3_suffix") if scenarios.inputs.include_scope3 else ""
    ws.merge(row, 1, len(widths), _t(ctx, "sensitivity_note").format(s3=scope3), "pack_note")
    row += 1
    heads = ["col.scenario", "col.kind_of", "col.year", "col.inputs"]
    put_row(ws, row, [_t(ctx, h) for h in heads], "pack_header")
    ws.merge(row, 5, 7, _t(ctx, "col.formula"), "pack_header")
    put(ws, row, 8, _t(ctx, "col.result"), "pack_header")
    if not result.carbon and not result.electricity:
        row += 1
        ws.merge(row, 1, len(widths), _t(ctx, "no_parameters"), "pack_note")
    missing = _t(ctx, "missing_input")
    for c in result.carbon:
        row += 1
        inputs = f"{c.price_cny:,.2f} CNY/tCO2e; {_money(c.emissions_t) if c.emissions_t is not None else missing} t"
        put_row(ws, row, [c.scenario, _t(ctx, "carbon"), c.year, inputs])
        ws.merge(row, 5, 7, c.formula, "pack_text")
        put(ws, row, 8, float(c.result_cny) if c.result_cny is not None else missing, "pack_money")
    for x in result.electricity:
        row += 1
        cost = f"{x.cost_cny:,.2f} CNY" if x.cost_cny is not None else missing
        inputs = f"{x.change_pct:+.2f} %; {cost}"
        put_row(ws, row, [x.scenario, _t(ctx, "electricity"), "", inputs])
        ws.merge(row, 5, 7, x.formula, "pack_text")
        put(ws, row, 8, float(x.result_cny) if x.result_cny is not None else missing, "pack_money")
    ws.keep_together(heading, row)
    return row + 2


def _cell_text(ctx: PackContext, a: Assessment) -> str:
    """'Adverse · L3' over the amount's range, each where given."""
    head = a.direction.label(ctx.lang) if a.direction else ""
    if a.level is not None:
        head = f"{head} · L{a.level}" if head else f"L{a.level}"
    amount = _range(a.low_cny, a.high_cny)
    return f"{head}\n{amount}" if head and amount else head or amount


def _cell_style(a: Assessment, size: int) -> str:
    if a.direction is None:
        return "pack_center"
    if a.direction.value == "neutral":
        return "pack_axis"
    band = level_band(a.level, size)
    if band is None:
        return "pack_center"
    return band_style_name(band, Kind.OPPORTUNITY if a.direction.value == "favourable" else Kind.RISK)


def build_scenario_grid(ctx: PackContext) -> None:
    """One row per item and scenario that has an assessed cell: the three horizons, then the narratives
    (one wide column: a merged pair of columns cost 30,000 merges at 10,000 items); the header repeats on
    every printed page."""
    ws = ctx.sheet("scenario_grid")
    lang = ctx.lang
    widths: list[float] = [7, 18, 24, 16, 16, 16, 60]
    set_widths(ws, widths)
    ctx.title_block(ws, "sheet.scenario_grid")
    scenarios = _scenarios_of(ctx)
    ws.merge(3, 1, len(widths), _t(ctx, "grid_legend").format(n=scenarios.matrix_size), "pack_note")
    heads = [ctx.t("col.code"), ctx.t("col.title"), _t(ctx, "col.scenario"), *(h.label(lang) for h in Horizon)]
    put_row(ws, HEADER_ROW, [*heads, _t(ctx, "col.narrative")], "pack_header")
    row = HEADER_ROW
    cells = scenarios.cells
    size = scenarios.matrix_size
    not_covered = _t(ctx, "not_covered")
    horizons = [(h.value, f"{h.label(lang)}: ") for h in Horizon]
    names = [(s.id, s.display_name(lang)) for s in scenarios.scenarios]
    # 90,000 cells at 10,000 items show a few hundred distinct texts and styles: each made once
    shown: dict[tuple[Any, ...], tuple[str, str]] = {}
    for item in ctx.snapshot.items:
        title = None
        for scenario_id, name in names:
            found = [cells.get((item.id, scenario_id, value)) for value, _label in horizons]
            if not any(found):
                continue
            row += 1
            title = title or ctx.title_of(item)
            values = [item.code, title, name]
            styles = ["pack_text", "pack_text", "pack_text"]
            narratives = []
            for (value, label), a in zip(horizons, found, strict=True):
                if a is None:
                    covered = value in item.horizons
                    values.append("" if covered else not_covered)
                    styles.append("pack_center" if covered else "pack_axis")
                    continue
                key = (a.direction, a.level, a.low_cny, a.high_cny)
                text, style = shown.get(key) or shown.setdefault(key, (_cell_text(ctx, a), _cell_style(a, size)))
                values.append(text)
                styles.append(style)
                narrative = a.narrative.strip()
                if narrative:
                    narratives.append(label + narrative)
            values.append("\n".join(narratives))
            styles.append("pack_text")
            put_cells(ws, row, values, styles)
            row = ws.spill(row, len(widths))
    if row == HEADER_ROW:
        row += 1
        ws.merge(row, 1, len(widths), GRID_GUIDANCE[0 if lang == "zh" else 1], "pack_note")
    ws.freeze(HEADER_ROW + 1, 3)
    ctx.print_setup(ws, title_rows=HEADER_ROW, last_col=len(widths))


def _exposure(ctx: PackContext, ws: Sheet, row: int) -> int:
    """The anticipated effects summed by horizon, risks and opportunities apart; the next free row. (Here,
    not under the effects table: that table's header repeats on every page, and printed above this one
    when it began a page.)"""
    heading = row
    put(ws, row, 1, _t(ctx, "exposure"), "pack_heading")
    row += 1
    put_row(ws, row, [_t(ctx, "kind_col"), *(h.label(ctx.lang) for h in Horizon)], "pack_header")
    for kind in Kind:
        row += 1
        sums = exposure_by_horizon([i.effects for i in ctx.snapshot.of_kind(kind)])
        put(ws, row, 1, kind.label(ctx.lang), "pack_text")
        put_row(ws, row, [_range(*sums[h.value]) if h.value in sums else "—" for h in Horizon], "pack_center", 2)
    ws.keep_together(heading, row)
    return row + 2


def _scenarios_of(ctx: PackContext) -> ScenarioSet:
    period = ctx.snapshot.period
    return ctx.snapshot.scenarios or ScenarioSet(period.year, period.matrix_size)


def build_scenario_analysis(ctx: PackContext) -> None:
    ws = ctx.sheet("scenarios")
    widths: list[float] = [22, 20, 13, 18, 22, 14, 29, 16]
    set_widths(ws, widths)
    row = ctx.title_block(ws, "sheet.scenarios")
    row = _exposure(ctx, ws, row)
    scenarios = _scenarios_of(ctx)
    row = _scenario_set(ctx, ws, row, scenarios, widths)
    row = _sensitivities(ctx, ws, row, scenarios, widths)
    put(ws, row, 1, _t(ctx, "resilience"), "pack_heading")
    row += 1
    resilience = scenarios.inputs.resilience.strip() or ctx.t("not_written")
    for paragraph in [p for p in resilience.split("\n") if p.strip()]:
        ws.merge(row, 1, 8, paragraph, "pack_plain")
        row += 1
    ctx.print_setup(ws, title_rows=None, last_col=len(widths))
