"""The dashboard's charts of financial effects and scenario analysis: the anticipated exposure by horizon
(risks and opportunities apart, low to high) and the scenario heat map (scenario × horizon)."""

from __future__ import annotations

from decimal import Decimal

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.scales import band_for
from carthane_tcfd.domain.scenarios import EffectsOverview, Exposure, scenario_heat
from carthane_tcfd.domain.taxonomy import Horizon, Kind, Lang

TITLES = {
    "exposure": (
        "按时间范围的预期财务影响（百万元，下限–上限）",
        "Anticipated exposure by horizon (CNY million, low–high)",
    ),
    "no_figures": ("尚未填写预期影响金额", "No anticipated amounts entered yet"),
    "heat": ("情景热力图：不利评估数与平均等级", "Scenario heat map: adverse assessments and mean level"),
    "no_grid": ("情景评估表尚未填写", "The scenario grid is not filled in yet"),
    "adverse": ("不利", "adverse"),
    "favourable": ("有利", "favourable"),
}
MILLION = Decimal(1_000_000)


def _t(key: str, lang: Lang) -> str:
    zh, en = TITLES[key]
    return zh if lang == "zh" else en


def draw_exposure(ax: Axes, overview: EffectsOverview, lang: Lang) -> None:
    """Per horizon, one bar per kind from the summed low to the summed high (a point shows as a thin bar)."""
    horizons = list(Horizon)
    width = 0.38
    shown = False
    top = 0.0
    for offset, kind, exposure in (
        (-width / 2, Kind.RISK, overview.risks),
        (width / 2, Kind.OPPORTUNITY, overview.opportunities),
    ):
        colour = palette.RISK if kind is Kind.RISK else palette.OPPORTUNITY
        label: str | None = kind.label(lang)  # on the first bar of the kind only
        for x, horizon in enumerate(horizons):
            low, high = _millions(exposure, horizon.value)
            if low is None or high is None:
                continue
            shown = True
            top = max(top, high)
            height = max(high - low, 0.02 * max(high, 1.0))
            ax.bar(x + offset, height, width, bottom=low, color=colour, label=label)
            label = None
            ax.text(x + offset, high, f"{low:,.1f}–{high:,.1f}", ha="center", va="bottom", fontsize=7)
    ax.set_xticks(range(len(horizons)), [h.label(lang) for h in horizons], fontsize=8)
    ax.set_xlim(-0.6, len(horizons) - 0.4)
    ax.set_ylim(0, top * 1.2 or 1)  # room above the tallest bar for its label
    ax.set_title(_t("exposure", lang), fontsize=10)
    if shown:
        ax.legend(fontsize=8)
    else:
        ax.text(0.5, 0.5, _t("no_figures", lang), ha="center", va="center", transform=ax.transAxes, fontsize=9)
        ax.set_yticks([])


def _millions(exposure: Exposure, horizon: str) -> tuple[float | None, float | None]:
    found = exposure.get(horizon)
    if found is None:
        return None, None
    return float(found[0] / MILLION), float(found[1] / MILLION)


def draw_scenario_heat(ax: Axes, overview: EffectsOverview, lang: Lang) -> None:
    """Rows: scenarios; columns: horizons; colour: the band of the mean adverse level; text: counts."""
    scenarios = overview.scenarios
    heat = scenario_heat(scenarios)
    horizons = list(Horizon)
    rows = len(scenarios.scenarios)
    size = scenarios.matrix_size
    for y, s in enumerate(scenarios.scenarios):
        for x, horizon in enumerate(horizons):
            cell = heat.get((s.id, horizon.value))
            colour, text_colour, text = palette.NEUTRAL_FILL, palette.TEXT, ""
            if cell is not None:
                if cell.adverse_level is not None:
                    level = round(cell.adverse_level)
                    band = band_for(level, level, size)
                    if band is not None:
                        colour, text_colour = band.colour, band.text_colour_for(Kind.RISK)
                mean = f" · L{cell.adverse_level}" if cell.adverse_level is not None else ""
                text = f"{_t('adverse', lang)} {cell.adverse}{mean}\n{_t('favourable', lang)} {cell.favourable}"
            ax.add_patch(Rectangle((x, y), 1, 1, facecolor=colour, edgecolor=palette.WHITE, linewidth=2))
            ax.text(
                x + 0.5,
                y + 0.5,
                text,
                ha="center",
                va="center",
                fontsize=7,
                color=text_colour,
                gid=f"scenario_heat:{y}:{x}",
            )
    ax.set_xlim(0, len(horizons))
    ax.set_ylim(rows, 0)
    ax.set_xticks([x + 0.5 for x in range(len(horizons))], [h.label(lang) for h in horizons], fontsize=8)
    ax.set_yticks(
        [y + 0.5 for y in range(rows)], [_short(s.display_name(lang)) for s in scenarios.scenarios], fontsize=7
    )
    ax.tick_params(length=0)
    ax.set_title(_t("heat", lang), fontsize=10)
    if not scenarios.assessments:
        ax.text(0.5, -0.18, _t("no_grid", lang), ha="center", va="top", transform=ax.transAxes, fontsize=8)


def _short(name: str, limit: int = 22) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
