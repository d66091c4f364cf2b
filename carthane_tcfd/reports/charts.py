"""The dashboard as one matplotlib Figure: counts by category, horizon × value chain, financial impacts,
inherent vs residual bands, mitigations by status (overdue counted)."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.records import ActionCounts, RegisterSnapshot, RegisterView
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.scenarios import EffectsOverview
from carthane_tcfd.domain.taxonomy import Category, FinancialImpact, Horizon, Kind, Lang, MitigationStatus, ValueChain
from carthane_tcfd.reports import summary
from carthane_tcfd.reports.effects_charts import draw_exposure, draw_scenario_heat
from carthane_tcfd.reports.figure_fonts import configure_matplotlib

TITLES = {
    "category": ("按 TCFD 类别", "By TCFD category"),
    "heat": ("时间范围 × 价值链", "Horizon × value chain"),
    "impacts": ("潜在财务影响类型", "Financial impact types"),
    "bands": ("固有与剩余评级分布（风险）", "Inherent vs residual ratings (risks)"),
    "actions": ("应对措施状态（逾期 {n} 项）", "Mitigations by status ({n} overdue)"),
    "inherent": ("固有", "Inherent"),
    "residual": ("剩余", "Residual"),
    "unrated": ("未评估", "Not assessed"),
}


def _t(key: str, lang: Lang) -> str:
    zh, en = TITLES[key]
    return zh if lang == "zh" else en


def dashboard_figure(
    snapshot: RegisterSnapshot | RegisterView,
    actions: ActionCounts,
    lang: Lang = "zh",
    figure: Figure | None = None,
    overview: EffectsOverview | None = None,
) -> Figure:
    """Draw the dashboard into `figure` (cleared first; the GUI passes its canvas's figure) or a new one.
    `actions`: the period's mitigations per status and how many are overdue; `overview`, when given, adds
    a row with the anticipated exposure by horizon and the scenario heat map."""
    configure_matplotlib()
    rows = 3 if overview is not None else 2
    fig = figure or Figure(figsize=(13, 4.25 * rows), dpi=100)
    fig.clear()
    fig.subplots_adjust(left=0.16, right=0.98, top=0.95, bottom=0.06, wspace=0.55, hspace=0.55 + 0.1 * (rows - 2))
    grid = fig.add_gridspec(rows, 3)
    _categories(fig.add_subplot(grid[0, 0]), snapshot, lang)
    _heat(fig.add_subplot(grid[0, 1]), snapshot, lang)
    _impacts(fig.add_subplot(grid[0, 2]), snapshot, lang)
    _bands(fig.add_subplot(grid[1, 0:2]), snapshot, lang)
    statuses, overdue = actions
    ax = fig.add_subplot(grid[1, 2])
    labels = [s.label(lang) for s in MitigationStatus]
    bars = ax.bar(
        labels,
        [statuses[s] for s in MitigationStatus],
        color=[palette.MITIGATION_STATUS_COLOURS[s.value] for s in MitigationStatus],
    )
    ax.bar_label(bars, fontsize=8)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(_t("actions", lang).format(n=overdue), fontsize=10)
    ax.tick_params(axis="x", labelsize=8)
    if overview is not None:
        draw_exposure(fig.add_subplot(grid[2, 0:2]), overview, lang)
        draw_scenario_heat(fig.add_subplot(grid[2, 2]), overview, lang)
    return fig


def _counts_chart(ax: Axes, labels: list[str], counts: list[int], colours: str | list[str], title: str) -> None:
    """Horizontal bars of counts, first label on top, whole-number ticks."""
    bars = ax.barh(labels, counts, color=colours)
    ax.bar_label(bars, fontsize=7)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title, fontsize=10)
    ax.tick_params(axis="y", labelsize=7)


def _categories(ax: Axes, snapshot: RegisterSnapshot | RegisterView, lang: Lang) -> None:
    counts = summary.count_by_category(snapshot.items)
    categories = list(Category)
    colours = [palette.RISK if c.kind is Kind.RISK else palette.OPPORTUNITY for c in categories]
    _counts_chart(
        ax, [c.label(lang) for c in categories], [counts[c] for c in categories], colours, _t("category", lang)
    )


def _heat(ax: Axes, snapshot: RegisterSnapshot | RegisterView, lang: Lang) -> None:
    table = summary.horizon_by_segment(snapshot.items)
    values = [[table[(h, v)] for v in ValueChain] for h in Horizon]
    top = max(1, max(max(r) for r in values))
    ax.imshow(values, cmap="Oranges", vmin=0, vmax=top)
    ax.set_xticks(range(3), [v.label(lang) for v in ValueChain], fontsize=8)
    ax.set_yticks(range(3), [h.label(lang) for h in Horizon], fontsize=8)
    for y, row in enumerate(values):
        for x, value in enumerate(row):
            colour = palette.TEXT_ON_DARK if value > 0.6 * top else palette.TEXT  # readable on the darkest oranges too
            ax.text(x, y, str(value), ha="center", va="center", fontsize=10, color=colour, gid=f"heat:{y}:{x}")
    ax.set_title(_t("heat", lang), fontsize=10)


def _impacts(ax: Axes, snapshot: RegisterSnapshot | RegisterView, lang: Lang) -> None:
    counts = summary.count_by_financial_impact(snapshot.items)
    impacts = list(FinancialImpact)
    _counts_chart(
        ax,
        [f.label(lang) for f in impacts],
        [counts.get(f.value, 0) for f in impacts],
        palette.RULE,
        _t("impacts", lang),
    )


def _bands(ax: Axes, snapshot: RegisterSnapshot | RegisterView, lang: Lang) -> None:
    distribution = summary.band_distribution(snapshot.risks)
    keys: list[Band | None] = [*Band, None]
    labels = [b.label(lang) if b else _t("unrated", lang) for b in keys]
    width = 0.38
    positions = range(len(keys))
    for offset, view, alpha in ((-width / 2, "inherent", 0.55), (width / 2, "residual", 1.0)):
        heights = [distribution[view][k] for k in keys]
        colours = [k.colour if k else palette.EMPTY_FILL for k in keys]
        bars = ax.bar(
            [p + offset for p in positions],
            heights,
            width,
            color=colours,
            alpha=alpha,
            edgecolor=palette.TEXT_SECONDARY,
            linewidth=0.5,
            label=_t(view, lang),
        )
        ax.bar_label(bars, fontsize=8)
    ax.set_xticks(list(positions), labels, fontsize=9)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8)
    ax.set_title(_t("bands", lang), fontsize=10)
