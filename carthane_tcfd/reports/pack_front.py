"""The governance sheet of the board pack: the period's four narratives."""

from __future__ import annotations

from carthane_tcfd.reports.pack_context import PackContext
from carthane_tcfd.reports.xlsx import put, put_long, set_widths

SUBHEADING_MAX = 40


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
        ctx.mark(key, "governance", row)
        row += 1
        text = ctx.text_of(zh, en) if zh.strip() else ctx.t("not_written")
        for paragraph in [p for p in text.split("\n") if p.strip()]:
            style = "pack_subheading" if _is_subheading(paragraph) else "pack_plain"
            row = put_long(ws, row, 1, paragraph, style)
        ws.keep_together(heading, heading + 1)  # a heading never ends a page
        row += 1
    ctx.print_setup(ws, title_rows=None, last_col=1, landscape=False)
