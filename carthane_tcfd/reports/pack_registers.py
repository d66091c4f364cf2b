"""The register sheets of the board pack: risks, opportunities, and the mitigation action plan."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from carthane_tcfd.domain.records import ItemSnapshot
from carthane_tcfd.domain.taxonomy import FinancialImpact, Horizon, Kind, ValueChain, labels, labels_as_entered
from carthane_tcfd.reports.pack_context import PackContext
from carthane_tcfd.reports.xlsx import add_table, band_style_name, put, set_widths

HEADER_ROW = 4
TOP_ACTIONS = 3  # actions a register row shows; the action tracker lists them all


def _estimate(item: ItemSnapshot) -> str:
    low, high = item.estimate_low_cny, item.estimate_high_cny

    def fmt(v: Decimal) -> str:
        return f"{v:,.0f}"

    if low is None and high is None:
        return "—"
    if low is not None and high is not None:
        return f"{fmt(low)} – {fmt(high)}"
    return fmt(low if low is not None else high)  # type: ignore[arg-type]


def _rating(ctx: PackContext, item: ItemSnapshot, residual: bool) -> str:
    """'High 12 (3 × 4)', with * when the scores are illustrative; '—' when not assessed."""
    band = item.residual_band if residual else item.inherent_band
    lk, im = (item.residual_likelihood, item.residual_impact) if residual else (item.likelihood, item.impact)
    if band is None or lk is None or im is None:
        return ctx.t("assessment.none")
    mark = "*" if item.scores_illustrative else ""
    return f"{band.label(ctx.lang)}{mark}\n{lk * im} ({lk} × {im})"


def _top_actions(item: ItemSnapshot, ctx: PackContext) -> str:
    """The first actions, numbered; how many more the action tracker lists."""
    shown = [f"{n}. {ctx.text_of(m.description, m.description_en)}" for n, m in enumerate(item.mitigations, 1)]
    more = len(shown) - TOP_ACTIONS
    lines = shown[:TOP_ACTIONS] + ([ctx.t("more_actions").format(n=more)] if more > 0 else [])
    return "\n".join(lines)


Column = tuple[str, float, Callable[[ItemSnapshot], Any], str]  # header key, width, value, style


def _columns(ctx: PackContext, kind: Kind) -> list[Column]:
    lang = ctx.lang
    return [
        ("col.code", 7, lambda i: i.code, "pack_center"),
        ("col.title", 18, lambda i: f"{ctx.title_of(i)}\n{i.category.label(lang)}", "pack_text"),
        ("col.description", 30, lambda i: ctx.text_of(i.description, i.description_en), "pack_text"),
        ("col.horizons", 9, lambda i: labels(i.horizons, Horizon, lang, "\n"), "pack_text"),
        ("col.value_chain", 9, lambda i: labels(i.value_chain, ValueChain, lang, "\n"), "pack_text"),
        ("col.impacts", 15, lambda i: labels_as_entered(i.financial_impacts, FinancialImpact, lang, "\n"), "pack_text"),
        ("col.estimate", 11, _estimate, "pack_center"),
        ("col.inherent", 10, lambda i: _rating(ctx, i, residual=False), "band:inherent"),
        ("col.residual", 10, lambda i: _rating(ctx, i, residual=True), "band:residual"),
        ("col.owner", 9, lambda i: i.owner or "—", "pack_text"),
        ("col.top_actions", 28, lambda i: _top_actions(i, ctx), "pack_text"),
    ]


def build_register(ctx: PackContext, kind: Kind) -> None:
    key = "risks" if kind is Kind.RISK else "opportunities"
    ws = ctx.sheet(key)
    items = ctx.snapshot.of_kind(kind)
    columns = _columns(ctx, kind)
    set_widths(ws, [c[1] for c in columns])
    ctx.title_block(ws, f"sheet.{key}")
    put(ws, 3, 1, ctx.t("register_note"), "pack_note")
    for col, (head, *_rest) in enumerate(columns, start=1):
        put(ws, HEADER_ROW, col, ctx.t(head), "pack_header")
    row = HEADER_ROW
    for item in items:
        row += 1
        for col, (_head, _width, value, style) in enumerate(columns, start=1):
            if style.startswith("band:"):
                b = item.inherent_band if style == "band:inherent" else item.residual_band
                style = band_style_name(b, kind) if b else "pack_center"
            put(ws, row, col, value(item), style)
    if items:
        heads = [ctx.t(head) for head, *_rest in columns]
        add_table(ws, "Risks" if kind is Kind.RISK else "Opportunities", HEADER_ROW, row, heads)
        if any(i.scores_illustrative for i in items):
            put(ws, row + 2, 1, ctx.t("illustrative"), "pack_note")
    else:
        put(ws, HEADER_ROW + 1, 1, ctx.t("empty_register"), "pack_note")
    ws.freeze(HEADER_ROW + 1, 3)
    ctx.print_setup(ws, title_rows=HEADER_ROW, last_col=len(columns))


def build_mitigations(ctx: PackContext) -> None:
    ws = ctx.sheet("mitigations")
    heads = [
        "col.code",
        "col.title",
        "col.no",
        "col.action",
        "col.owner",
        "col.due",
        "col.status",
        "col.cost",
        "col.overdue",
    ]
    set_widths(ws, [8, 24, 6, 60, 14, 12, 10, 16, 9])
    ctx.title_block(ws, "sheet.mitigations")
    put(ws, 3, 1, ctx.t("overdue_note"), "pack_note")
    for col, head in enumerate(heads, start=1):
        put(ws, HEADER_ROW, col, ctx.t(head), "pack_header")
    row = HEADER_ROW
    for item in ctx.snapshot.items:
        for number, m in enumerate(item.mitigations, start=1):
            row += 1
            overdue = m.is_overdue(ctx.today)
            text_style = "pack_overdue" if overdue else "pack_text"
            values: list[tuple[Any, str]] = [
                (item.code, "pack_center"),
                (ctx.title_of(item), text_style),
                (number, "pack_center"),
                (m.description, text_style),
                (m.owner, text_style),
                (m.due, "pack_overdue_date" if overdue else "pack_date"),
                (m.status.label(ctx.lang), text_style),
                (float(m.cost_cny) if m.cost_cny is not None else None, "pack_money"),
                (ctx.t("yes") if overdue else ctx.t("no"), text_style),
            ]
            for col, (value, style) in enumerate(values, start=1):
                put(ws, row, col, value, style)
            ws.height(row, max(15, 14 * (len(m.description) // 30 + 1)))
    if row > HEADER_ROW:
        add_table(ws, "Mitigations", HEADER_ROW, row, [ctx.t(head) for head in heads])
    else:
        put(ws, HEADER_ROW + 1, 1, ctx.t("empty_register"), "pack_note")
    ws.freeze(HEADER_ROW + 1, 1)
    ctx.print_setup(ws, title_rows=HEADER_ROW, last_col=len(heads))
