"""Assessment scales: likelihood, impact (risks) and benefit (opportunities), and rating bands.

A period's matrix size N (3–6, default 5) is the number of levels on each axis, so scores run
1..N. The band of a score is decided on L×I relative to N², which for the default 5×5 gives
the usual bands: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum

from carthane_tcfd.domain import palette
from carthane_tcfd.domain.taxonomy import Kind, Lang

MATRIX_SIZES = range(3, 7)
DEFAULT_MATRIX_SIZE = 5

# Default upper bounds (CNY) of impact levels 1..N-1 for a 5-level scale; level N is above the last.
DEFAULT_IMPACT_THRESHOLDS_CNY: tuple[int, ...] = (500_000, 2_000_000, 10_000_000, 30_000_000)

# Descriptors of each level, per scale size: (zh, en).
_LIKELIHOOD: dict[int, tuple[tuple[str, str], ...]] = {
    3: (("不太可能", "Unlikely"), ("可能", "Possible"), ("很可能", "Likely")),
    4: (("罕见", "Rare"), ("不太可能", "Unlikely"), ("很可能", "Likely"), ("几乎确定", "Almost certain")),
    5: (
        ("罕见", "Rare"),
        ("不太可能", "Unlikely"),
        ("可能", "Possible"),
        ("很可能", "Likely"),
        ("几乎确定", "Almost certain"),
    ),
    6: (
        ("极罕见", "Remote"),
        ("罕见", "Rare"),
        ("不太可能", "Unlikely"),
        ("可能", "Possible"),
        ("很可能", "Likely"),
        ("几乎确定", "Almost certain"),
    ),
}
_IMPACT: dict[int, tuple[tuple[str, str], ...]] = {
    3: (("轻微", "Minor"), ("中等", "Moderate"), ("重大", "Major")),
    4: (("轻微", "Minor"), ("中等", "Moderate"), ("重大", "Major"), ("严重", "Severe")),
    5: (
        ("可忽略", "Negligible"),
        ("轻微", "Minor"),
        ("中等", "Moderate"),
        ("重大", "Major"),
        ("严重", "Severe"),
    ),
    6: (
        ("可忽略", "Negligible"),
        ("轻微", "Minor"),
        ("中等", "Moderate"),
        ("较大", "Significant"),
        ("重大", "Major"),
        ("严重", "Severe"),
    ),
}
_BENEFIT: dict[int, tuple[tuple[str, str], ...]] = {
    3: (("较小", "Small"), ("中等", "Moderate"), ("显著", "Large")),
    4: (("较小", "Small"), ("中等", "Moderate"), ("较大", "Significant"), ("显著", "Large")),
    5: (
        ("很小", "Minimal"),
        ("较小", "Small"),
        ("中等", "Moderate"),
        ("较大", "Significant"),
        ("显著", "Large"),
    ),
    6: (
        ("很小", "Minimal"),
        ("较小", "Small"),
        ("中等", "Moderate"),
        ("较大", "Significant"),
        ("显著", "Large"),
        ("变革性", "Transformative"),
    ),
}


def likelihood_descriptor(level: int, size: int, lang: Lang) -> str:
    zh, en = _LIKELIHOOD[size][level - 1]
    return zh if lang == "zh" else en


def impact_descriptor(level: int, size: int, lang: Lang, kind: Kind = Kind.RISK) -> str:
    table = _BENEFIT if kind is Kind.OPPORTUNITY else _IMPACT
    zh, en = table[size][level - 1]
    return zh if lang == "zh" else en


def impact_axis_name(kind: Kind, lang: Lang) -> str:
    if kind is Kind.OPPORTUNITY:
        return "收益" if lang == "zh" else "Benefit"
    return "影响" if lang == "zh" else "Impact"


def likelihood_axis_name(lang: Lang) -> str:
    return "可能性" if lang == "zh" else "Likelihood"


def default_thresholds(size: int) -> tuple[int, ...]:
    """CNY upper bounds of levels 1..size-1, spread over the default 5-level bounds."""
    base = DEFAULT_IMPACT_THRESHOLDS_CNY
    if size == 5:
        return base
    low, high = base[0], base[-1]
    step = (high / low) ** (1 / (size - 2))
    return tuple(round(low * step**i, -4) for i in range(size - 1))


def impact_level_for_amount(amount_cny: float, thresholds: tuple[int, ...]) -> int:
    """The impact level a CNY amount falls in, given the period's thresholds."""
    for level, bound in enumerate(thresholds, start=1):
        if amount_cny < bound:
            return level
    return len(thresholds) + 1


def threshold_text(level: int, thresholds: tuple[int, ...], lang: Lang) -> str:
    """E.g. '50万–200万元' / 'CNY 0.5m–2m' for a level's band of amounts."""

    def fmt(v: int) -> str:
        if lang == "zh":
            return f"{v / 10_000:,.0f}万" if v < 100_000_000 else f"{v / 100_000_000:g}亿"
        return f"{v / 1_000_000:g}m"

    lower = thresholds[level - 2] if level > 1 else None
    upper = thresholds[level - 1] if level <= len(thresholds) else None
    if lang == "zh":
        if lower is None and upper is not None:
            return f"< {fmt(upper)}元"
        if upper is None and lower is not None:
            return f"≥ {fmt(lower)}元"
        return f"{fmt(lower or 0)}–{fmt(upper or 0)}元"
    if lower is None and upper is not None:
        return f"< CNY {fmt(upper)}"
    if upper is None and lower is not None:
        return f"≥ CNY {fmt(lower)}"
    return f"CNY {fmt(lower or 0)}–{fmt(upper or 0)}"


class Band(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    def label(self, lang: Lang) -> str:
        return BAND_STYLE[self].zh if lang == "zh" else BAND_STYLE[self].en

    @property
    def colour(self) -> str:
        return BAND_STYLE[self].colour

    @property
    def opportunity_colour(self) -> str:
        return BAND_STYLE[self].opportunity_colour

    def colour_for(self, kind: Kind) -> str:
        return self.opportunity_colour if kind is Kind.OPPORTUNITY else self.colour

    def text_colour_for(self, kind: Kind) -> str:
        """Black or white, whichever reads on the band's colour in the palette of `kind`."""
        dark = {Band.CRITICAL} if kind is Kind.RISK else {Band.HIGH, Band.CRITICAL}
        return palette.TEXT_ON_DARK if self in dark else palette.TEXT


@dataclass(frozen=True)
class BandStyle:
    zh: str
    en: str
    colour: str  # risk palette: green, amber, orange, red
    opportunity_colour: str  # opportunity palette: light to deep blue
    max_ratio: float  # upper bound of L×I / N² for this band


BAND_STYLE: dict[Band, BandStyle] = {
    Band.LOW: BandStyle("低", "Low", "#A9D18E", "#DEEBF7", 4 / 25),
    Band.MEDIUM: BandStyle("中", "Medium", "#FFE699", "#9DC3E6", 9 / 25),
    Band.HIGH: BandStyle("高", "High", "#F4B183", "#5B9BD5", 16 / 25),
    Band.CRITICAL: BandStyle("极高", "Critical", "#C00000", "#1F4E79", 1.0),
}


@functools.cache  # a few dozen (likelihood, impact, size) combinations, asked for again and again
def band_for(likelihood: int | None, impact: int | None, size: int = DEFAULT_MATRIX_SIZE) -> Band | None:
    """The rating band of a score, or None while either part is unassessed."""
    if likelihood is None or impact is None:
        return None
    ratio = likelihood * impact / (size * size)
    for band in Band:
        if ratio <= BAND_STYLE[band].max_ratio + 1e-9:
            return band
    return Band.CRITICAL


def band_rule_text(band: Band, size: int) -> str:
    """The scores (L×I) that fall in a band for an N×N matrix, e.g. '10–16'."""
    levels = range(1, size + 1)
    scores = sorted({lk * im for lk in levels for im in levels if band_for(lk, im, size) is band})
    if not scores:
        return "—"
    return f"{scores[0]}–{scores[-1]}" if scores[0] != scores[-1] else str(scores[0])
