"""The Metrics & targets page's charts as one matplotlib Figure: this year's scope split, emissions by
scope over the years in the register, and each target's straight line from base to target against the
actual values (up to two targets; the pack's sheet charts every one)."""

from __future__ import annotations

import textwrap

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.ghg import LineGroup
from carthane_tcfd.domain.inventory import format_figure
from carthane_tcfd.domain.metric_set import MetricsView
from carthane_tcfd.domain.targets import Target
from carthane_tcfd.domain.taxonomy import Lang
from carthane_tcfd.reports.figure_fonts import configure_matplotlib

SCOPES = (LineGroup.SCOPE1, LineGroup.SCOPE2, LineGroup.SCOPE3)
TITLES = {
    "split": ("{year} 年温室气体排放构成", "GHG emissions by scope, {year}"),
    "trend": ("历年温室气体排放（tCO2e）", "GHG emissions by year (tCO2e)"),
    "target": ("目标轨迹：{title}", "Target trajectory: {title}"),
    "line": ("直线轨迹", "Straight line"),
    "actual": ("实际值", "Actual"),
    "none": ("尚无排放数据", "No emissions entered yet"),
    "no_targets": ("本年度未设定量化气候目标", "No quantified climate target is set"),
}
MAX_TARGETS = 2
TITLE_WIDTH = 44  # characters of a target chart's title line


def _t(key: str, lang: Lang, **values: object) -> str:
    zh, en = TITLES[key]
    return (zh if lang == "zh" else en).format(**values)


def _empty(ax: Axes, text: str) -> None:
    ax.axis("off")
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=10, color=palette.TEXT_MUTED, transform=ax.transAxes)


def _split(ax: Axes, view: MetricsView, lang: Lang) -> None:
    totals = view.totals
    values = [float(getattr(totals, g.value) or 0) for g in SCOPES]
    ax.set_title(_t("split", lang, year=view.year), fontsize=11)
    if not sum(values):
        _empty(ax, _t("none", lang))
        return
    labels = [g.label(lang) for g in SCOPES]
    ax.pie(
        values,
        labels=labels,
        colors=palette.SCOPE_COLOURS,
        autopct="%1.2f%%",
        startangle=90,
        counterclock=False,
        textprops={"fontsize": 9},
    )
    ax.set_aspect("equal")


def _trend(ax: Axes, view: MetricsView, lang: Lang) -> None:
    years = [(year, t) for year, t in view.trend if t.total is not None]
    ax.set_title(_t("trend", lang), fontsize=11)
    if not years:
        _empty(ax, _t("none", lang))
        return
    names = [str(year) for year, _ in years]
    bottom = [0.0] * len(years)
    for group, colour in zip(SCOPES, palette.SCOPE_COLOURS, strict=True):
        heights = [float(getattr(t, group.value) or 0) for _, t in years]
        ax.bar(names, heights, bottom=bottom, color=colour, label=group.label(lang), width=0.6)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    for x, total in enumerate(bottom):
        ax.text(x, total, format_figure(years[x][1].total, 2), ha="center", va="bottom", fontsize=8)
    ax.legend(fontsize=8, loc="lower right")
    ax.tick_params(labelsize=8)


def _target(ax: Axes, view: MetricsView, target: Target, lang: Lang) -> None:
    points = view.trajectory(target)
    title = textwrap.fill(_t("target", lang, title=target.display_title(lang)), TITLE_WIDTH)  # wrapped, never cut
    ax.set_title(title, fontsize=10, parse_math=False)  # the officer's text, drawn literally
    years = [p.year for p in points]
    ax.plot(years, [float(p.expected) for p in points], linestyle="--", color=palette.RULE, label=_t("line", lang))
    actual = [(p.year, float(p.actual)) for p in points if p.actual is not None]
    if actual:
        ax.plot(*zip(*actual, strict=True), marker="o", linestyle="none", color=palette.ERROR, label=_t("actual", lang))
    for m in target.milestones:
        ax.plot([m.year], [float(m.value)], marker="D", color=palette.OPPORTUNITY, linestyle="none")
    ax.set_xticks(years if len(years) <= 12 else years[:: max(1, len(years) // 8)])
    ax.set_ylabel(target.metric.label(lang), fontsize=8)
    ax.legend(fontsize=8)
    ax.tick_params(labelsize=8)


def metrics_figure(view: MetricsView, lang: Lang = "zh", figure: Figure | None = None) -> Figure:
    """Draw the charts into `figure` (cleared first; the GUI passes its canvas's figure) or a new one."""
    configure_matplotlib()
    fig = figure if figure is not None else Figure(figsize=(11, 7.5))
    fig.clear()
    grid = fig.add_gridspec(2, 2)
    _split(fig.add_subplot(grid[0, 0]), view, lang)
    _trend(fig.add_subplot(grid[0, 1]), view, lang)
    targets = view.current.targets[:MAX_TARGETS]
    if not targets:
        _empty(fig.add_subplot(grid[1, :]), _t("no_targets", lang))
    elif len(targets) == 1:  # one target takes the whole row, so its title has room
        _target(fig.add_subplot(grid[1, :]), view, targets[0], lang)
    else:
        for column, target in enumerate(targets):
            _target(fig.add_subplot(grid[1, column]), view, target, lang)
    fig.subplots_adjust(left=0.1, right=0.97, top=0.93, bottom=0.07, hspace=0.4, wspace=0.3)
    return fig
