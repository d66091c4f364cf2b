"""The pack's "Metrics and targets" sheet: the basis, the inventory grouped by scope and category with
last period's figures and the change in %, the officer's own metrics, the cross-industry metrics, the
targets with their progress, and native Excel charts (scope split, trend, each target's trajectory)
drawn from a chart-data block beside the printed area, so the charts stay editable in Excel."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.ghg import LineGroup, LineStatus, MeasureState
from carthane_tcfd.domain.inventory import format_figure
from carthane_tcfd.domain.metric_rows import MetricRow, metric_rows
from carthane_tcfd.domain.metric_set import MetricsView
from carthane_tcfd.domain.targets import Target
from carthane_tcfd.reports.pack_context import PackContext
from carthane_tcfd.reports.xlsx import put, put_row, set_widths
from carthane_tcfd.reports.xlsx_styles import FONT, MAX_PLACES, number_style

DOWNSTREAM_FIRST = 9  # GHG Protocol: scope 3 categories 1–8 are upstream, 9–15 downstream
WIDTHS: list[float] = [46, 16, 16, 16, 11, 50]  # metric, unit, this year, last year, change, status / source
LAST_COL = len(WIDTHS)
DATA_COL = LAST_COL + 3  # the chart data, right of the printed columns
SCOPES = (LineGroup.SCOPE1, LineGroup.SCOPE2, LineGroup.SCOPE3)


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{value.quantize(Decimal('0.1')):+,f}%"


def _number(value: Decimal | None, places: int | None) -> float | str:
    if value is None:
        return "—"
    return float(value.quantize(Decimal(1).scaleb(-places))) if places is not None else float(value)


def _number_style(value: Decimal | None, places: int | None) -> str:
    """Whole numbers without a decimal point, decimals with the places given (xlsx_styles.number_style)."""
    if places is not None:
        return f"pack_number_{min(places, MAX_PLACES)}"
    return number_style(value) if value is not None else "pack_center"


class MetricsSheet:
    def __init__(self, ctx: PackContext, view: MetricsView) -> None:
        self.ctx = ctx
        self.view = view
        self.ws = ctx.sheet("metrics")
        self.lang = ctx.lang
        self.row = 4
        self.data_row = 4  # next free row of the chart data
        self._charts_start = 0  # the charts' heading row, until the first chart is placed

    def t(self, key: str) -> str:
        return self.ctx.t(key)

    def heading(self, key: str, text: str | None = None) -> int:
        """A section heading after a blank row; the heading's row (where the section starts)."""
        self.row += 1
        put(self.ws, self.row, 1, text or self.t(key), "pack_heading")
        self.row += 1
        return self.row - 1

    def together(self, first: int) -> None:
        """Keep a section, from its heading at `first` to the last row written, on one page where it fits
        one (so a table that moves to a new page takes its header with it); one too long for a page keeps
        at least its heading with the table's header and first row (print_rules.page_breaks)."""
        self.ws.keep_together(first, self.row - 1)

    def note(self, text: str) -> None:
        self.ws.merge(self.row, 1, LAST_COL, text, "pack_note")
        self.row += 1

    # ---- sections ------------------------------------------------------------------------------
    def basis(self) -> None:
        b = self.view.current.inventory.basis
        missing = self.t("not_stated")

        def text(value: str, english: str) -> str:
            """The officer's text in the edition's language (the Chinese, marked, where the English is
            missing); or "not stated"."""
            return self.ctx.text_of(value, english) if value.strip() else missing

        verification = b.verification.label(self.lang) if b.verification else missing
        pairs = [
            ("basis.boundary", b.boundary.label(self.lang) if b.boundary else missing),
            ("basis.standards", text(b.standards, b.standards_en)),
            ("basis.factor_sources", text(b.factor_sources, b.factor_sources_en)),
            ("basis.gwp", b.gwp or missing),
            (
                "basis.verification",
                "\n".join(
                    [
                        verification,
                        *([text(b.verification_note, b.verification_note_en)] if b.verification_note else []),
                    ]
                ),
            ),
            ("basis.scope2_for_total", b.scope2_for_total.label(self.lang)),
            ("basis.output_unit", b.output_unit(self.lang) or missing),
            ("basis.source", text(b.source, b.source_en)),
        ]
        self.heading("basis_title")
        for key, value in pairs:
            put(self.ws, self.row, 1, self.t(key), "pack_header")
            self.ws.merge(self.row, 2, LAST_COL, value, "pack_text")
            self.row += 1
        # with the sheet's title: moved to the next page on its own, it left the title alone on a page (a
        # basis too long for one page keeps its first rows with the title and flows on: each row is labelled)
        self.ws.keep_together(1, self.row - 1)
        for notice in self.view.notices:
            self.note("⚠ " + notice.message(self.lang))

    def inventory(self) -> None:
        view = self.view
        year, before = view.year, view.previous_year
        heads = [
            self.t("metric"),
            self.t("unit"),
            str(year),
            str(before) if before else self.t("previous_none"),
            self.t("change"),
            self.t("status_source"),
        ]
        output_unit = view.current.inventory.basis.output_unit(self.lang)
        group: LineGroup | str | None = "start"
        first = 0
        for row in metric_rows(view):
            # scope 3's downstream categories start a table of their own: the whole of scope 3 can run
            # longer than a page, and its second page would have had no header
            downstream = row.line is not None and row.line.definition.number == DOWNSTREAM_FIRST
            if row.group != group or downstream:
                if first:
                    self.together(first)
                group = row.group
                title = row.group.label(self.lang) if row.group else self.t("custom_metrics")
                first = self.heading("", self.t("scope3_downstream") if downstream else title)
                put_row(self.ws, self.row, heads, "pack_header")
                self.row += 1
            self._metric_row(row, output_unit)
            if row.line is not None and row.line.definition.tce:
                self._tce_row(row)
        self.together(first)

    def _metric_row(self, row: MetricRow, output_unit: str) -> None:
        ws, r = self.ws, self.row
        style = "pack_total" if row.computed else "pack_text"
        label = ("" if row.level == 0 else "    ") + row.label(self.lang)
        put(ws, r, 1, label, style)
        put(ws, r, 2, row.unit_of(self.lang, output_unit), "pack_center")
        put(ws, r, 3, _number(row.value, row.places), _number_style(row.value, row.places))
        previous = self.view.previous_year is not None
        put(ws, r, 4, _number(row.previous, row.places) if previous else "", _number_style(row.previous, row.places))
        put(ws, r, 5, _pct(row.change_pct), "pack_center")
        note = self._status_text(row)
        put(ws, r, 6, note, "pack_text")
        self.row += 1

    def _tce_row(self, row: MetricRow) -> None:
        ws, r = self.ws, self.row
        put(ws, r, 1, "        " + self.t("in_tce"), "pack_text")
        put(ws, r, 2, self.t("tce"), "pack_center")
        put(ws, r, 3, _number(row.tce, None), _number_style(row.tce, None))
        previous = self.view.previous_year is not None
        put(ws, r, 4, _number(row.previous_tce, None) if previous else "", _number_style(row.previous_tce, None))
        put(ws, r, 5, _pct(row.change_tce_pct), "pack_center")
        put(ws, r, 6, "", "pack_text")
        self.row += 1

    def _status_text(self, row: MetricRow) -> str:
        """Computed, left out with the reason, or where the figure comes from."""
        line = row.line
        if row.computed or (line is None and row.value is None):
            return row.status_text(self.lang)
        text_of = self.ctx.text_of  # the English edition's text, or the Chinese marked as pending
        if line is None:
            custom = self.view.current.inventory.custom[int(row.key.split(".")[1])]
            return text_of(custom.source, custom.source_en)
        if line.status is not LineStatus.CALCULATED:
            separator = "：" if self.lang == "zh" else ": "
            return f"{line.status.label(self.lang)}{separator}{text_of(line.reason, line.reason_en)}"
        return text_of(line.source, line.source_en) or row.status_text(self.lang)

    def cross_industry(self) -> None:
        first = self.heading("cross_title")
        heads = [
            self.t("cross_metric"),
            self.t("cross_state"),
            self.t("cross_amount"),
            self.t("cross_share"),
        ]
        put_row(self.ws, self.row, heads, "pack_header")
        self.ws.merge(self.row, 5, 6, self.t("narrative"), "pack_header")  # the narrative takes both last columns
        self.row += 1
        for m in self.view.current.cross_industry:
            label = f"{m.code.paragraph} {m.code.label(self.lang)}"
            state_style = "pack_missing" if m.state is MeasureState.NOT_MEASURED else "pack_center"
            amount = f"{format_figure(m.amount)} {m.unit}".strip() if m.amount is not None else ""
            share = f"{format_figure(m.share_pct)}%" if m.share_pct is not None else ""
            put_row(self.ws, self.row, [label], "pack_text")
            put(self.ws, self.row, 2, m.state.label(self.lang), state_style)
            put(self.ws, self.row, 3, amount, "pack_center")
            put(self.ws, self.row, 4, share, "pack_center")
            self.ws.merge(self.row, 5, 6, m.narrative, "pack_text")
            self.row = self.ws.spill(self.row, 6) + 1
        self.together(first)

    def targets(self) -> None:
        first = self.heading("targets_title")
        targets = self.view.current.targets
        basis = self.view.current.inventory.basis
        note = self.ctx.text_of(basis.target_note, basis.target_note_en)
        if not targets:
            self.note(self.t("no_targets"))
            if note:
                self.note(note)
            self.together(first)
            return
        heads = [
            self.t("target"),
            self.t("target_base"),
            self.t("target_goal"),
            self.t("target_actual"),
            self.t("target_progress"),
            self.t("target_detail"),
        ]
        put_row(self.ws, self.row, heads, "pack_header")
        self.row += 1
        for target in targets:
            self._target_row(target)
        self.together(first)

    def _target_row(self, target: Target) -> None:
        lang = self.lang
        progress = self.view.progress(target)
        title = f"{target.display_title(lang)}\n{target.metric.label(lang)}"
        actual = self.t("no_actual")
        if progress:
            expected = format_figure(progress.expected, 2)
            actual = f"{progress.year}: {format_figure(progress.actual, 2)}\n{self.t('on_line')} {expected}"
        if progress and progress.achieved_pct is not None:
            verdict = self.t("on_track") if progress.on_track else self.t("off_track")
            achieved = f"{format_figure(progress.achieved_pct, 1)}%\n{verdict}"
        else:
            achieved = "—"
        flags = [target.status.label(lang)]
        if target.science_based:
            flags.append(self.t("science_based"))
        if target.validated:
            flags.append(self.t("validated"))
        milestones = "；".join(f"{m.year}: {format_figure(m.value)}" for m in target.milestones)
        detail = "\n".join(
            x for x in (" · ".join(flags), milestones and f"{self.t('milestones')} {milestones}", target.coverage) if x
        )
        cells = [
            title,
            f"{target.base_year}: {format_figure(target.base_value)}",
            f"{target.target_year}: {format_figure(target.target_value)}",
            actual,
            achieved,
            detail,
        ]
        put_row(self.ws, self.row, cells, "pack_text")
        self.row += 1

    # ---- charts ------------------------------------------------------------------------------------
    def _data(self, rows: list[list[Any]]) -> tuple[int, int]:
        """Write chart data right of the printed area; its first and last row (0-based, for charts)."""
        first = self.data_row
        for values in rows:
            put_row(self.ws, self.data_row, values, "pack_plain", first_col=DATA_COL)
            self.data_row += 1
        self.data_row += 1
        return first - 1, first - 2 + len(rows)

    def _chart(self, kind: str, title: str, subtype: str | None = None) -> Any:
        options = {"type": kind, **({"subtype": subtype} if subtype else {})}
        chart = self.ctx.book.wb.add_chart(options)
        chart.set_title({"name": title, "name_font": {"name": FONT, "size": 11}})
        chart.set_legend({"position": "bottom", "font": {"name": FONT, "size": 9}})
        return chart

    def _place(self, chart: Any, rows: int = 16) -> None:
        """A chart across the printed columns, `rows` rows tall, kept on one page (with the section's
        heading when it is the first chart)."""
        first = self._charts_start or self.row
        self._charts_start = 0
        chart.set_size({"width": 720, "height": rows * 20})
        self.ws.ws.insert_chart(self.row - 1, 0, chart, {"x_offset": 10, "y_offset": 5, "object_position": 1})
        self.row += rows + 1
        put(self.ws, self.row - 1, 1, "", "pack_plain")  # the print area covers the chart
        self.ws.keep_together(first, self.row - 1)

    def charts(self) -> None:
        name = self.ctx.sheet_name("metrics")
        totals = self.view.totals
        scopes = [(g.label(self.lang), getattr(totals, g.value)) for g in SCOPES]
        self._charts_start = self.heading("charts_title")
        put(self.ws, self.data_row, DATA_COL, self.t("chart_data"), "pack_heading")
        self.data_row += 1
        if totals.total:
            first, last = self._data([[label, float(value or 0)] for label, value in scopes])
            pie = self._chart("pie", f"{self.t('chart_split')} {self.view.year}")
            pie.add_series(
                {
                    "categories": [name, first, DATA_COL - 1, last, DATA_COL - 1],
                    "values": [name, first, DATA_COL, last, DATA_COL],
                    "data_labels": {"percentage": True, "font": {"name": FONT, "size": 9}},
                    "points": [{"fill": {"color": colour}} for colour in palette.SCOPE_COLOURS],
                }
            )
            self._place(pie)
        trend = [(year, t) for year, t in self.view.trend if t.total is not None]
        if trend:
            header = [self.t("year"), *(label for label, _ in scopes)]
            first, last = self._data(
                [header, *([str(y), *(float(getattr(t, g.value) or 0) for g in SCOPES)] for y, t in trend)]
            )
            column = self._chart("column", self.t("chart_trend"), "stacked")
            for offset in range(1, 4):
                column.add_series(
                    {
                        "name": [name, first, DATA_COL - 1 + offset],
                        "categories": [name, first + 1, DATA_COL - 1, last, DATA_COL - 1],
                        "values": [name, first + 1, DATA_COL - 1 + offset, last, DATA_COL - 1 + offset],
                        "fill": {"color": palette.SCOPE_COLOURS[offset - 1]},
                    }
                )
            column.set_y_axis({"name": "tCO2e", "num_font": {"name": FONT, "size": 9}, "name_font": {"name": FONT}})
            column.set_x_axis({"num_font": {"name": FONT, "size": 9}})
            self._place(column)
        for target in self.view.current.targets:
            points = self.view.trajectory(target)
            header = [self.t("year"), self.t("trajectory"), self.t("actual")]
            rows = [[str(p.year), float(p.expected), float(p.actual) if p.actual is not None else ""] for p in points]
            first, last = self._data([header, *rows])
            line = self._chart("line", f"{self.t('chart_target')}: {target.display_title(self.lang)}")
            for offset, marker in ((1, None), (2, {"type": "circle", "size": 7})):
                series: dict[str, Any] = {
                    "name": [name, first, DATA_COL - 1 + offset],
                    "categories": [name, first + 1, DATA_COL - 1, last, DATA_COL - 1],
                    "values": [name, first + 1, DATA_COL - 1 + offset, last, DATA_COL - 1 + offset],
                }
                if marker:
                    series.update(marker=marker, line={"none": True})
                else:
                    series["line"] = {"dash_type": "dash"}
                line.add_series(series)
            line.show_blanks_as("gap")
            self._place(line)


def build_metrics(ctx: PackContext) -> None:
    ws = ctx.sheet("metrics")
    set_widths(ws, WIDTHS)
    view = ctx.snapshot.metrics
    row = ctx.title_block(ws, "metrics_title")
    if view is None:
        put(ws, row, 1, ctx.t("no_metrics"), "pack_note")
        ctx.print_setup(ws, title_rows=None, last_col=LAST_COL)
        return
    sheet = MetricsSheet(ctx, view)
    sheet.row = row
    sheet.basis()
    sheet.inventory()
    sheet.cross_industry()
    sheet.targets()
    sheet.charts()
    ctx.print_setup(ws, title_rows=None, last_col=LAST_COL)
