"""The front of the board pack: cover, governance narrative, summary."""

from __future__ import annotations

from carthane_tcfd.domain.taxonomy import Category, Horizon, Kind, MitigationStatus, ValueChain
from carthane_tcfd.reports import summary
from carthane_tcfd.reports.pack_context import SHEETS, PackContext
from carthane_tcfd.reports.xlsx import band_style_name, put, put_long, put_row, set_widths

SUBHEADING_MAX = 40


def build_cover(ctx: PackContext) -> None:
    ws = ctx.sheet("cover")
    ws.hide_gridlines()
    set_widths(ws, [4, 26, 70])
    p = ctx.snapshot.period
    put(ws, 2, 2, ctx.t("company"), "pack_subtitle")
    put(ws, 4, 2, ctx.t("report_title"), "pack_title")
    ws.height(4, 34)
    put(ws, 5, 2, p.title, "pack_subtitle")
    put(ws, 6, 2, ctx.t("framework"), "pack_note")
    rows = [
        ("period", str(p.year)),
        ("status", p.status.label(ctx.lang)),
        ("prepared_on", ctx.snapshot.prepared_on.isoformat()),
        ("prepared_by", ctx.snapshot.prepared_by),
    ]
    for offset, (key, value) in enumerate(rows):
        put(ws, 8 + offset, 2, ctx.t(key), "pack_heading")
        put(ws, 8 + offset, 3, value, "pack_plain")
    put(ws, 13, 2, ctx.t("confidential"), "pack_confidential")
    put(ws, 15, 2, ctx.t("contents"), "pack_heading")
    for offset, key in enumerate(SHEETS[1:]):
        name = ctx.sheet_name(key)
        ws.link(16 + offset, 2, f"{offset + 1}. {name}", name)
    if not ctx.snapshot.items:
        put(ws, 17 + len(SHEETS), 2, ctx.t("empty_register"), "pack_confidential")
    ctx.print_setup(ws, title_rows=None, last_col=3)


def _is_subheading(paragraph: str) -> bool:
    """A short line without a sentence's end, such as the report's headings 优化治理、完善流程."""
    return len(paragraph) <= SUBHEADING_MAX and not paragraph.rstrip().endswith(("。", ".", "：", ":", "；", ";"))


def build_governance(ctx: PackContext) -> None:
    """The four narratives, in the edition's language, paragraph by paragraph."""
    ws = ctx.sheet("governance")
    ws.hide_gridlines()
    set_widths(ws, [92])
    row = ctx.title_block(ws, "governance_title")
    n = ctx.snapshot.period.narrative
    for key, zh, en in (
        ("narrative.governance", n.governance, n.governance_en),
        ("narrative.strategy", n.strategy, n.strategy_en),
        ("narrative.risk_management", n.risk_management, n.risk_management_en),
        ("narrative.metrics_targets", n.metrics_targets, n.metrics_targets_en),
    ):
        heading = row
        put(ws, row, 1, ctx.t(key), "pack_heading")
        row += 1
        text = ctx.text_of(zh, en) if zh.strip() else ctx.t("not_written")
        for paragraph in [p for p in text.split("\n") if p.strip()]:
            style = "pack_subheading" if _is_subheading(paragraph) else "pack_plain"
            row = put_long(ws, row, 1, paragraph, style)
        ws.keep_together(heading, heading + 1)  # a heading never ends a page
        row += 1
    ctx.print_setup(ws, title_rows=None, last_col=1, landscape=False)


def build_summary(ctx: PackContext) -> None:
    ws = ctx.sheet("summary")
    set_widths(ws, [30, 14, 14, 14, 14, 40])
    lang = ctx.lang
    snap = ctx.snapshot
    row = ctx.title_block(ws, "summary_title")
    if not snap.items:
        put(ws, row, 1, ctx.t("empty_register"), "pack_confidential")
        row += 2

    put(ws, row, 1, ctx.t("by_category"), "pack_heading")
    row += 1
    put_row(ws, row, [ctx.t("col.category"), ctx.t("kind"), ctx.t("count")], "pack_header")
    row += 1
    counts = summary.count_by_category(snap.items)
    for category in Category:
        put_row(ws, row, [category.label(lang), category.kind.label(lang)])
        put(ws, row, 3, counts[category], "pack_number")
        row += 1
    for kind, word in ((Kind.RISK, "risks_word"), (Kind.OPPORTUNITY, "opps_word")):
        put_row(ws, row, [f"{ctx.t('totals')} · {ctx.t(word)}", kind.label(lang)], "pack_header")
        put(ws, row, 3, len(snap.of_kind(kind)), "pack_header")
        row += 1
    row += 1

    put(ws, row, 1, ctx.t("horizon_segment"), "pack_heading")
    row += 1
    put_row(ws, row, ["", *(v.label(lang) for v in ValueChain)], "pack_header")
    row += 1
    table = summary.horizon_by_segment(snap.items)
    for horizon in Horizon:
        put(ws, row, 1, horizon.label(lang), "pack_axis")
        for col, segment in enumerate(ValueChain, start=2):
            put(ws, row, col, table[(horizon, segment)], "pack_center")
        row += 1
    row += 1

    put(ws, row, 1, ctx.t("top_risks"), "pack_heading")
    row += 1
    put_row(
        ws,
        row,
        [ctx.t("col.code"), ctx.t("rating"), ctx.t("col.res_score"), ctx.t("col.owner"), "", ctx.t("col.title")],
        "pack_header",
    )
    row += 1
    top = summary.top_risks(snap)
    for item in top:
        band = item.residual_band or item.inherent_band
        assert band is not None
        mark = "*" if item.scores_illustrative else ""
        put_row(
            ws,
            row,
            [
                item.code,
                f"{band.label(lang)}{mark}",
                item.residual_score or item.inherent_score,
                item.owner or "—",
                "",
                ctx.title_of(item),
            ],
        )
        put(ws, row, 2, f"{band.label(lang)}{mark}", band_style_name(band, Kind.RISK))
        row += 1
    if not top:
        put(ws, row, 1, ctx.t("none"), "pack_plain")
        row += 1
    if any(i.scores_illustrative for i in snap.items):
        put(ws, row, 1, ctx.t("illustrative"), "pack_note")
        row += 1
    row += 1

    put(ws, row, 1, ctx.t("gaps"), "pack_heading")
    row += 1
    for key, items in (
        ("no_assessment", summary.unassessed(snap.items)),
        ("no_owner", summary.without_owner(snap.items)),
    ):
        put(ws, row, 1, ctx.t(key), "pack_text")
        put(ws, row, 2, len(items), "pack_number")
        ws.merge(row, 3, 6, ", ".join(i.code for i in items) or ctx.t("none"))
        row += 1
    statuses, overdue = summary.mitigations_by_status(snap.items, ctx.today)
    put(ws, row, 1, ctx.t("sheet.mitigations"), "pack_text")
    put(ws, row, 2, sum(statuses.values()), "pack_number")
    parts = [f"{s.label(lang)} {statuses[s]}" for s in MitigationStatus]
    ws.merge(row, 3, 6, " · ".join(parts) + f" · {ctx.t('col.overdue')} {overdue}")
    row += 2

    put(ws, row, 1, ctx.t("changes"), "pack_heading")
    row += 1
    changes = summary.comparison(snap, ctx.today)
    if changes is None:
        put(ws, row, 1, ctx.t("no_previous"), "pack_plain")
        row += 1
    else:
        put(ws, row, 1, f"{ctx.t('period')} {changes.from_year} → {changes.to_year}", "pack_plain")
        row += 1
        new = [i.code for i in changes.new]
        modified = [m.code for m in changes.modified]
        closed = [f"{i.code} {ctx.title_of(i)}" for i in changes.closed]
        for key, codes in (("new_items", new), ("changed_items", modified), ("closed_items", closed)):
            put(ws, row, 1, ctx.t(key), "pack_text")
            put(ws, row, 2, len(codes), "pack_number")
            ws.merge(row, 3, 6, ", ".join(codes) or ctx.t("none"))
            row += 1
    ctx.print_setup(ws, title_rows=None, last_col=6)
