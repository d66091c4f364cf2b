"""The inventory as rows grouped by scope and category, each computed total beside the lines it sums,
with the previous period's value and the change in %: what the page's table, the pack's sheet and the
CLI print alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from carthane_tcfd.domain.ghg import LineGroup, LineStatus, Unit, lines_of, unit_label
from carthane_tcfd.domain.inventory import Inventory, InventoryTotals, Line, format_figure, percent_change
from carthane_tcfd.domain.metric_set import MetricsView
from carthane_tcfd.domain.taxonomy import Lang


@dataclass(frozen=True)
class MetricRow:
    """One row: an entered line (`line` set, editable) or a computed figure (`line` None)."""

    key: str  # the line code, "computed.<name>" or "custom.<n>"
    group: LineGroup | None  # None: the officer's own metrics
    zh: str
    en: str
    unit: Unit | None  # None: a custom metric's own unit in `unit_text`
    value: Decimal | None
    previous: Decimal | None
    tce: Decimal | None = None
    previous_tce: Decimal | None = None
    line: Line | None = None
    places: int | None = None  # computed ratios are shown rounded
    unit_text: str = ""
    level: int = 1  # 0 a computed headline, 1 a line under it

    @property
    def computed(self) -> bool:
        return self.line is None and not self.key.startswith("custom.")

    @property
    def status(self) -> LineStatus | None:
        return self.line.status if self.line else None

    @property
    def change_pct(self) -> Decimal | None:
        return percent_change(self.value, self.previous)

    @property
    def change_tce_pct(self) -> Decimal | None:
        return percent_change(self.tce, self.previous_tce)

    def label(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.zh

    def unit_of(self, lang: Lang, output_unit: str) -> str:
        return self.unit_text if self.unit is None else unit_label(self.unit, lang, output_unit)

    def status_text(self, lang: Lang) -> str:
        """Computed, left out (with the status), or not entered yet; empty for an entered figure."""
        zh = lang == "zh"
        if self.computed:
            return "计算所得" if zh else "computed"
        if self.line is not None and self.line.status is not LineStatus.CALCULATED:
            return self.line.status.label(lang)
        return ("未填写" if zh else "not entered") if self.value is None else ""

    def value_text(self, empty: str = "—") -> str:
        return format_figure(self.value, self.places, empty)


# computed rows: key -> (zh, en, unit, how to read it from totals, display places)
Computed = tuple[str, str, Unit, Callable[[InventoryTotals], Decimal | None], int | None]
COMPUTED: dict[str, Computed] = {
    "scope1": ("范围一温室气体排放量", "Scope 1 GHG emissions", Unit.TCO2E, lambda t: t.scope1, None),
    "scope2": (
        "范围二温室气体排放量（计入总量）",
        "Scope 2 GHG emissions (in the total)",
        Unit.TCO2E,
        lambda t: t.scope2,
        None,
    ),
    "scope3": ("范围三温室气体排放量", "Scope 3 GHG emissions", Unit.TCO2E, lambda t: t.scope3, None),
    "total": (
        "温室气体排放总量（范围一、二、三）",
        "Total GHG emissions (scopes 1, 2, 3)",
        Unit.TCO2E,
        lambda t: t.total,
        None,
    ),
    "scope1_2": ("范围一和范围二排放量", "Scope 1 and 2 emissions", Unit.TCO2E, lambda t: t.scope1_2, None),
    "share_scope1": ("范围一排放占比", "Scope 1 share", Unit.PERCENT, lambda t: t.share(LineGroup.SCOPE1), 2),
    "share_scope2": ("范围二排放占比", "Scope 2 share", Unit.PERCENT, lambda t: t.share(LineGroup.SCOPE2), 2),
    "share_scope3": ("范围三排放占比", "Scope 3 share", Unit.PERCENT, lambda t: t.share(LineGroup.SCOPE3), 2),
    "ghg_intensity": (
        "排放强度（按产量）",
        "Emission intensity (per output)",
        Unit.TCO2E_PER_OUTPUT,
        lambda t: t.ghg_intensity,
        6,
    ),
    "ghg_per_revenue": (
        "排放强度（每百万元营业收入）",
        "Emission intensity (per CNY million revenue)",
        Unit.TCO2E_PER_CNY_MILLION,
        lambda t: t.ghg_per_revenue,
        4,
    ),
    "energy_tce": ("总能源消耗", "Total energy consumption", Unit.TCE, lambda t: t.energy_tce, None),
    "renewable_share": ("可再生能源占比", "Renewable share of energy", Unit.PERCENT, lambda t: t.renewable_share, 2),
    "energy_intensity": (
        "总能源消耗强度（按产量）",
        "Energy intensity (per output)",
        Unit.TCE_PER_OUTPUT,
        lambda t: t.energy_intensity,
        6,
    ),
    "pv_coverage": (
        "光伏覆盖工厂用电比例",
        "Share of plant electricity covered by PV",
        Unit.PERCENT,
        lambda t: t.pv_coverage,
        2,
    ),
}
# the sections of the table: a computed headline, then the lines of a group, then more computed rows
LAYOUT: tuple[tuple[LineGroup, tuple[str, ...], tuple[str, ...]], ...] = (
    (LineGroup.SCOPE1, ("scope1",), ()),
    (LineGroup.SCOPE2, ("scope2",), ()),
    (LineGroup.SCOPE3, ("scope3",), ()),
    (
        LineGroup.STATED,
        (
            "total",
            "scope1_2",
            "share_scope1",
            "share_scope2",
            "share_scope3",
            "ghg_intensity",
            "ghg_per_revenue",
            "energy_intensity",
        ),
        (),
    ),
    (LineGroup.ENERGY, ("energy_tce", "renewable_share"), ()),
    (LineGroup.RESOURCE, (), ("pv_coverage",)),
    (LineGroup.OUTPUT, (), ()),
)


def _computed_row(key: str, group: LineGroup, totals: InventoryTotals, previous: InventoryTotals | None) -> MetricRow:
    zh, en, unit, read, places = COMPUTED[key]
    return MetricRow(
        f"computed.{key}",
        group,
        zh,
        en,
        unit,
        read(totals),
        None if previous is None else read(previous),
        places=places,
        level=0,
    )


def _line_row(line: Line, before: Inventory | None) -> MetricRow:
    d = line.definition
    old = before.line(line.code) if before else None
    return MetricRow(
        line.code,
        d.group,
        d.zh,
        d.en,
        d.unit,
        line.value,
        old.value if old else None,
        tce=line.tce,
        previous_tce=old.tce if old else None,
        line=line,
    )


def metric_rows(view: MetricsView) -> list[MetricRow]:
    """Every row in display order: per section its computed headline(s), its lines, its computed
    after-rows; then the officer's own metrics, matched to last year's by name and unit."""
    inventory, before = view.current.inventory, view.previous
    totals, previous_totals = view.totals, view.previous_totals
    rows: list[MetricRow] = []
    for group, heads, tails in LAYOUT:
        rows += [_computed_row(k, group, totals, previous_totals) for k in heads]
        rows += [_line_row(inventory.line(d.code), before) for d in lines_of(group)]
        rows += [_computed_row(k, group, totals, previous_totals) for k in tails]
    earlier = {m.key: m.value for m in before.custom} if before else {}
    for index, metric in enumerate(inventory.custom):
        rows.append(
            MetricRow(
                f"custom.{index}",
                None,
                metric.name_zh or metric.name_en,
                metric.name_en or metric.name_zh,
                None,
                metric.value,
                earlier.get(metric.key),
                unit_text=metric.unit,
            )
        )
    return rows
