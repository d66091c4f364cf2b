"""The reference sheets of the board pack: matrix grids, methodology, disclosure index."""

from __future__ import annotations

from carthane_tcfd.domain.scales import (
    DEFAULT_IMPACT_THRESHOLDS_CNY,
    Band,
    band_rule_text,
    impact_axis_name,
    impact_descriptor,
    likelihood_axis_name,
    likelihood_descriptor,
    threshold_text,
)
from carthane_tcfd.domain.taxonomy import Category, Horizon, Kind, Source
from carthane_tcfd.reports import print_rules as rules
from carthane_tcfd.reports.matrix_model import MatrixView, build_grid
from carthane_tcfd.reports.pack_context import PackContext
from carthane_tcfd.reports.xlsx import joined, png_size, put, put_long, put_row, set_widths
from carthane_tcfd.reports.xlsx_styles import band_style_name


def build_matrix_sheet(ctx: PackContext) -> None:
    ws = ctx.sheet("matrix")
    ws.hide_gridlines()
    size = ctx.snapshot.period.matrix_size
    widths: list[float] = [16, 4, *([18] * size)]
    if ctx.matrix_png:  # the picture spans the print area, which spans the page: it prints at the page's width
        spare = rules.Page(landscape=True).width_pt - sum(rules.column_points(w) for w in widths)
        if spare > rules.column_points(1):
            widths.append(rules.column_width(spare))
    set_widths(ws, widths)
    row = ctx.title_block(ws, "matrix_title")
    for kind in Kind:
        if kind is not Kind.RISK:
            ws.page_break_before(row)  # each kind's two grids on a page of their own
        for view in (MatrixView.INHERENT, MatrixView.RESIDUAL):
            row = _grid(ctx, row, kind, view, size) + 1
    if any(i.scores_illustrative for i in ctx.snapshot.items):
        ws.merge(row, 1, 2 + size, ctx.t("illustrative"), "pack_note")
        row += 2
    if ctx.matrix_png:
        ws.page_break_before(row)
        put(ws, row, 1, ctx.t("matrix_image"), "pack_heading")
        row += 1 + ws.image(row + 1, ctx.matrix_png, _picture_width_px(ctx.matrix_png, ws.width_pt(1, len(widths)))) + 1
        put(ws, row, 1, "", "pack_plain")  # so the print area covers the picture
    ctx.print_setup(ws, title_rows=None, last_col=len(widths))


PICTURE_HEIGHT_PT = 430.0  # what a landscape page's body (456 pt of 480 used) holds under the sheet's heading


def _picture_width_px(png: bytes, print_width_pt: float) -> int:
    """The matrix picture's width in sheet pixels: the page's width, or less where its height would not fit
    under the heading (the sheet prints at 100 %: its columns are the page's width)."""
    width, height = png_size(png)
    return round(min(print_width_pt, PICTURE_HEIGHT_PT * width / height) / rules.PT_PER_PX)


CELL_CODES_MAX = 12  # codes a matrix cell lists; above that the first ones and how many more


def _grid(ctx: PackContext, row: int, kind: Kind, view: MatrixView, size: int) -> int:
    """One likelihood × impact grid: likelihood rows from high to low, impact columns from low to high."""
    ws = ctx.sheet("matrix")
    lang = ctx.lang
    grid = build_grid(ctx.snapshot.items, kind, view, size)
    first = row
    put(ws, row, 1, ctx.t(f"matrix.{kind.value}_{view.value}"), "pack_heading")
    row += 1
    for lk in range(size, 0, -1):
        put(ws, row, 1, f"{lk} {likelihood_descriptor(lk, size, lang)}", "pack_axis")
        put(ws, row, 2, lk, "pack_axis")
        for im in range(1, size + 1):
            codes = [i.code for i in grid.cells[(lk, im)]]
            put(
                ws,
                row,
                2 + im,
                joined(codes, ", ", ctx.t("key_more"), CELL_CODES_MAX),
                band_style_name(grid.band(lk, im), kind),
            )
        ws.height(row, 30)
        row += 1
    put(ws, row, 1, f"↑ {likelihood_axis_name(lang)}   {impact_axis_name(kind, lang)} →", "pack_axis")
    put(ws, row, 2, "", "pack_axis")
    for im in range(1, size + 1):
        put(ws, row, 2 + im, f"{im} {impact_descriptor(im, size, lang, kind)}", "pack_axis")
    ws.keep_together(first, row)
    row += 1
    if grid.unscored:
        put(ws, row, 1, ctx.t("unscored"), "pack_note")
        ws.merge(
            row,
            3,
            2 + size,
            joined([i.code for i in grid.unscored], ", ", ctx.t("key_more"), CELL_CODES_MAX),
            "pack_note",
        )
        row += 1
    return row


def _sources(ctx: PackContext, row: int) -> int:
    """Where the register's content comes from, and what is the application's default: the next free row."""
    ws = ctx.sheet("methodology")
    lines = []
    seeded: dict[str, list[str]] = {}
    for item in ctx.snapshot.items:
        if item.source:
            seeded.setdefault(item.source, []).append(item.code)
    for code, items in seeded.items():
        lines.append(f"{', '.join(items)}: {Source(code).label(ctx.lang)}. {ctx.t('source.editorial')}")
    if seeded:
        lines += [ctx.t("source.narratives"), ctx.t("source.metrics"), ctx.t("source.translation")]
    lines.append(ctx.t("source.defaults"))
    if any(i.scores_illustrative for i in ctx.snapshot.items):
        lines.append(ctx.t("illustrative"))
    first = row
    put(ws, row, 1, ctx.t("sources"), "pack_heading")
    row += 1
    for line in lines:
        row = put_long(ws, row, 1, line, "pack_plain", span=4)
    ws.keep_together(first, row - 1)
    return row + 1


def build_methodology(ctx: PackContext) -> None:
    ws = ctx.sheet("methodology")
    lang = ctx.lang
    period = ctx.snapshot.period
    size = period.matrix_size
    set_widths(ws, [22, 26, 22, 60])
    row = ctx.title_block(ws, "methodology_title")
    row = put_long(ws, row, 1, ctx.t("matrix_size_note").format(n=size), "pack_plain", span=4) + 1

    row = _sources(ctx, row)

    def section(title: str, heads: list[str], rows: list[list[str]], last_wide: bool = False) -> None:
        """A small table under its heading, kept on one page; `last_wide`: its last column spans the
        sheet's remaining columns."""
        nonlocal row
        ws.keep_together(row, row + 1 + len(rows))
        put(ws, row, 1, title, "pack_heading")
        row += 1
        for values, style in ((heads, "pack_header"), *((r, "pack_text") for r in rows)):
            if last_wide:
                put_row(ws, row, values[:-1], style)
                ws.merge(row, len(values), 4, values[-1], style)
            else:
                put_row(ws, row, values, style)
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
    default = tuple(thresholds) == DEFAULT_IMPACT_THRESHOLDS_CNY
    section(
        ctx.t("impact_scale") + (f" — {ctx.t('default_thresholds')}" if default else ""),
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

    ws.keep_together(row, row + 1 + len(Band))
    put(ws, row, 1, ctx.t("band_rules"), "pack_heading")
    row += 1
    put_row(ws, row, [ctx.t("band"), ctx.t("scores"), ctx.t("risk_colour"), ctx.t("opp_colour")], "pack_header")
    row += 1
    for band in Band:
        put(ws, row, 1, band.label(lang), "pack_text")
        put(ws, row, 2, band_rule_text(band, size), "pack_center")
        put(ws, row, 3, band.label(lang), band_style_name(band, Kind.RISK))  # the colour itself, never its code
        put(ws, row, 4, band.label(lang), band_style_name(band, Kind.OPPORTUNITY))
        row += 1
    row += 1
    section(
        ctx.t("category_defs"),
        [ctx.t("col.category"), ctx.t("kind"), ctx.t("definition")],
        [[c.label(lang), c.kind.label(lang), c.definition[0 if lang == "zh" else 1]] for c in Category],
        last_wide=True,
    )
    ctx.print_setup(ws, title_rows=None, last_col=4)
