"""The reference sheets of the board pack: matrix grids, methodology, disclosure index."""

from __future__ import annotations

from carthane_tcfd.domain.metric_disclosure import metrics_disclosure
from carthane_tcfd.domain.scales import (
    Band,
    band_rule_text,
    impact_axis_name,
    impact_descriptor,
    likelihood_axis_name,
    likelihood_descriptor,
    threshold_text,
)
from carthane_tcfd.domain.taxonomy import Category, Horizon, Kind
from carthane_tcfd.reports.matrix_model import MatrixView, build_grid
from carthane_tcfd.reports.pack_context import PackContext
from carthane_tcfd.reports.xlsx import band_style_name, joined, put, put_row, set_widths


def build_matrix_sheet(ctx: PackContext) -> None:
    ws = ctx.sheet("matrix")
    ws.hide_gridlines()
    size = ctx.snapshot.period.matrix_size
    set_widths(ws, [16, 4, *([18] * size)])
    row = ctx.title_block(ws, "matrix_title")
    for kind in Kind:
        if kind is not Kind.RISK:
            ws.page_break_before(row)  # each kind's two grids on a page of their own
        for view in (MatrixView.INHERENT, MatrixView.RESIDUAL):
            row = _grid(ctx, row, kind, view, size) + 1
    if any(i.scores_illustrative for i in ctx.snapshot.items):
        put(ws, row, 1, ctx.t("illustrative"), "pack_note")
        row += 2
    if ctx.matrix_png:
        ws.page_break_before(row)
        put(ws, row, 1, ctx.t("matrix_image"), "pack_heading")
        row += 1 + ws.image(row + 1, ctx.matrix_png, 900) + 1
        put(ws, row, 1, "", "pack_plain")  # so the print area covers the picture
    ctx.print_setup(ws, title_rows=None, last_col=2 + size)


def _grid(ctx: PackContext, row: int, kind: Kind, view: MatrixView, size: int) -> int:
    """One likelihood × impact grid: likelihood rows from high to low, impact columns from low to high."""
    ws = ctx.sheet("matrix")
    lang = ctx.lang
    grid = build_grid(ctx.snapshot.items, kind, view, size)
    put(ws, row, 1, ctx.t(f"matrix.{kind.value}_{view.value}"), "pack_heading")
    row += 1
    for lk in range(size, 0, -1):
        put(ws, row, 1, f"{lk} {likelihood_descriptor(lk, size, lang)}", "pack_axis")
        put(ws, row, 2, lk, "pack_axis")
        for im in range(1, size + 1):
            codes = [i.code for i in grid.cells[(lk, im)]]
            put(ws, row, 2 + im, joined(codes, "\n", ctx.t("key_more")), band_style_name(grid.band(lk, im), kind))
        ws.height(row, max(30, 15 * max(1, max(len(grid.cells[(lk, im)]) for im in range(1, size + 1)))))
        row += 1
    put(ws, row, 1, f"↑ {likelihood_axis_name(lang)}   {impact_axis_name(kind, lang)} →", "pack_axis")
    put(ws, row, 2, "", "pack_axis")
    for im in range(1, size + 1):
        put(ws, row, 2 + im, f"{im} {impact_descriptor(im, size, lang, kind)}", "pack_axis")
    row += 1
    if grid.unscored:
        put(ws, row, 1, ctx.t("unscored"), "pack_note")
        put(ws, row, 3, joined([i.code for i in grid.unscored], ", ", ctx.t("key_more")), "pack_note")
        row += 1
    return row


def build_methodology(ctx: PackContext) -> None:
    ws = ctx.sheet("methodology")
    lang = ctx.lang
    period = ctx.snapshot.period
    size = period.matrix_size
    set_widths(ws, [22, 26, 22, 60])
    row = ctx.title_block(ws, "methodology_title")
    put(ws, row, 1, ctx.t("matrix_size_note").format(n=size), "pack_plain")
    row += 2

    def section(title: str, heads: list[str], rows: list[list[str]]) -> None:
        nonlocal row
        put(ws, row, 1, title, "pack_heading")
        row += 1
        put_row(ws, row, heads, "pack_header")
        row += 1
        for values in rows:
            put_row(ws, row, values)
            row += 1
        row += 1

    section(
        ctx.t("horizon_defs"),
        [ctx.t("horizon"), ctx.t("definition")],
        [[h.label(lang), period.horizon_definitions.get(h.value, {}).get(lang, "")] for h in Horizon],
    )
    section(
        ctx.t("likelihood_scale"),
        [ctx.t("level"), ctx.t("descriptor")],
        [[str(n), likelihood_descriptor(n, size, lang)] for n in range(1, size + 1)],
    )
    thresholds = period.impact_thresholds_cny
    section(
        ctx.t("impact_scale"),
        [ctx.t("level"), ctx.t("descriptor"), ctx.t("threshold")],
        [
            [
                str(n),
                impact_descriptor(n, size, lang),
                threshold_text(n, thresholds, lang) if len(thresholds) == size - 1 else "—",
            ]
            for n in range(1, size + 1)
        ],
    )
    section(
        ctx.t("benefit_scale"),
        [ctx.t("level"), ctx.t("descriptor")],
        [[str(n), impact_descriptor(n, size, lang, Kind.OPPORTUNITY)] for n in range(1, size + 1)],
    )

    put(ws, row, 1, ctx.t("band_rules"), "pack_heading")
    row += 1
    put_row(ws, row, [ctx.t("band"), ctx.t("scores"), ctx.t("risk_colour"), ctx.t("opp_colour")], "pack_header")
    row += 1
    for band in Band:
        put(ws, row, 1, band.label(lang), "pack_text")
        put(ws, row, 2, band_rule_text(band, size), "pack_center")
        put(ws, row, 3, band.colour, band_style_name(band, Kind.RISK))
        put(ws, row, 4, band.opportunity_colour, band_style_name(band, Kind.OPPORTUNITY))
        row += 1
    row += 1
    section(
        ctx.t("category_defs"),
        [ctx.t("col.category"), ctx.t("kind"), "", ctx.t("definition")],
        [[c.label(lang), c.kind.label(lang), "", c.definition[0 if lang == "zh" else 1]] for c in Category],
    )
    ctx.print_setup(ws, title_rows=None, last_col=4)


# (framework, reference, (zh, en) paraphrase, sheet keys that answer it)
TCFD_INDEX: list[tuple[str, str, tuple[str, str], tuple[str, ...]]] = [
    (
        "TCFD",
        "治理 a / Governance a",
        ("董事会对气候相关风险与机遇的监督", "Board oversight of climate-related risks and opportunities"),
        ("governance",),
    ),
    (
        "TCFD",
        "治理 b / Governance b",
        ("管理层在评估和管理气候相关风险与机遇中的角色", "Management's role in assessing and managing them"),
        ("governance",),
    ),
    (
        "TCFD",
        "战略 a / Strategy a",
        (
            "识别的短期、中期、长期气候相关风险与机遇",
            "Climate-related risks and opportunities identified over the short, medium and long term",
        ),
        ("risks", "opportunities"),
    ),
    (
        "TCFD",
        "战略 b / Strategy b",
        ("风险与机遇对业务、战略和财务规划的影响", "Their impact on the business, strategy and financial planning"),
        ("effects", "risks", "opportunities", "summary"),
    ),
    (
        "TCFD",
        "战略 c / Strategy c",
        ("不同气候情景下战略的韧性", "Resilience of the strategy under different climate scenarios"),
        ("scenarios", "scenario_grid"),
    ),
    (
        "TCFD",
        "风险管理 a / Risk management a",
        ("识别和评估气候相关风险的流程", "Processes for identifying and assessing climate-related risks"),
        ("governance", "methodology"),
    ),
    (
        "TCFD",
        "风险管理 b / Risk management b",
        ("管理气候相关风险的流程", "Processes for managing climate-related risks"),
        ("mitigations", "matrix"),
    ),
    (
        "TCFD",
        "风险管理 c / Risk management c",
        ("上述流程如何融入整体风险管理", "How these processes are integrated into overall risk management"),
        ("governance",),
    ),
    (
        "TCFD",
        "指标与目标 a / Metrics and targets a",
        ("用于评估气候相关风险与机遇的指标", "Metrics used to assess climate-related risks and opportunities"),
        ("metrics", "methodology"),
    ),
    (
        "TCFD",
        "指标与目标 b / Metrics and targets b",
        ("范围一、范围二及适用时范围三温室气体排放", "Scope 1, scope 2 and, where appropriate, scope 3 GHG emissions"),
        ("metrics",),
    ),
    (
        "TCFD",
        "指标与目标 c / Metrics and targets c",
        ("管理气候相关风险与机遇的目标及其进展", "Targets used and performance against them"),
        ("metrics", "governance"),
    ),
]
SSE_INDEX: list[tuple[str, str, tuple[str, str], tuple[str, ...]]] = [
    (
        "SSE 14",
        "第二十一条",
        (
            "应对气候变化的总体披露框架（治理、战略、影响风险和机遇管理、指标与目标）",
            "The overall climate disclosure (governance, strategy, impact/risk/opportunity management, "
            "metrics and targets)",
        ),
        ("governance", "summary"),
    ),
    (
        "SSE 14",
        "第二十二条",
        (
            "气候相关风险与机遇及其对经营和财务的影响",
            "Climate-related risks and opportunities and their effect on operations and finances",
        ),
        ("risks", "opportunities"),
    ),
    (
        "SSE 14",
        "第二十三条",
        (
            "气候相关风险与机遇的应对措施与财务影响",
            "Responses to climate-related risks and opportunities and their financial implications",
        ),
        ("effects", "risks", "mitigations"),
    ),
    (
        "SSE 14",
        "第二十四条",
        ("温室气体排放与减排目标", "Greenhouse gas emissions and reduction targets"),
        ("metrics",),
    ),
    (
        "SSE 14",
        "第二十五条",
        ("范围一、范围二、范围三温室气体排放量", "Scope 1, 2 and 3 greenhouse gas emissions"),
        ("metrics",),
    ),
    (
        "SSE 14",
        "第二十六条",
        ("温室气体核算方法、边界与数据变化说明", "GHG accounting method, boundary and restatements"),
        ("metrics", "methodology"),
    ),
    (
        "SSE 14",
        "第二十七条",
        ("减排措施及成效", "Emission-reduction measures and their results"),
        ("mitigations", "metrics"),
    ),
    (
        "SSE 14",
        "第二十八条",
        ("低碳运营与其他气候相关事项", "Low-carbon operations and other climate-related matters"),
        ("metrics", "governance"),
    ),
]


def build_disclosure_index(ctx: PackContext) -> None:
    ws = ctx.sheet("disclosure")
    set_widths(ws, [10, 28, 50, 30, 44])
    row = ctx.title_block(ws, "disclosure_title")
    heads = [ctx.t("framework_col"), ctx.t("reference"), ctx.t("topic"), ctx.t("where"), ctx.t("filled")]
    put_row(ws, row, heads, "pack_header")
    for framework, reference, text, sheets in TCFD_INDEX + SSE_INDEX:
        row += 1
        put_row(ws, row, [framework, reference, text[0 if ctx.lang == "zh" else 1]])
        names = [ctx.sheet_name(s) for s in sheets]
        ws.link(row, 4, "、".join(names) if ctx.lang == "zh" else ", ".join(names), names[0])
        state = metrics_disclosure(ctx.snapshot.metrics, reference)
        put(ws, row, 5, state.text(ctx.lang) if state else "", "pack_text")
    row += 2
    put(ws, row, 1, ctx.t("sse_note"), "pack_note")
    ctx.print_setup(ws, title_rows=4, last_col=5)
