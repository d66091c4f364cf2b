"""Registers the system's CJK font with matplotlib (its cached font list does not see fonts installed
after the cache was built) and sets the rendering options every figure shares."""

from __future__ import annotations

import functools
import logging
import warnings

from carthane_tcfd.fonts import INSTALL_HINT, find_cjk_font

log = logging.getLogger("carthane_tcfd")


@functools.cache
def configure_matplotlib() -> str | None:
    """Register the CJK font once; its family name, or None (after one clear warning) when there is none."""
    import matplotlib
    from matplotlib import font_manager

    # Every text comes from data or our labels, never markup: "$5m to $8m" is two dollar signs, not
    # mathtext (which would garble it, or fail the whole figure on an unbalanced or unknown command).
    matplotlib.rcParams["text.parse_math"] = False
    matplotlib.rcParams["text.usetex"] = False
    # a character the fonts lack (an emoji in a title) is drawn as a box: not worth a warning per glyph
    warnings.filterwarnings("ignore", r"Glyph \d+ .*missing from font", UserWarning)
    # a CJK font without a bold face is used at its regular weight; that is not worth a warning per text
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

    matplotlib.rcParams["pdf.fonttype"] = 42  # embed TrueType: text stays extractable
    matplotlib.rcParams["axes.unicode_minus"] = False
    path = find_cjk_font()
    if path is None:
        log.warning(INSTALL_HINT)
        import sys

        print(f"warning: {INSTALL_HINT}", file=sys.stderr)
        return None
    font_manager.fontManager.addfont(str(path))
    family = font_manager.FontProperties(fname=str(path)).get_name()
    matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    matplotlib.rcParams["font.family"] = "sans-serif"
    return str(family)
