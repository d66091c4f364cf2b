"""Registers the system's CJK font with matplotlib (its cached font list does not see fonts installed
after the cache was built) and sets the rendering options every figure shares."""

from __future__ import annotations

import functools
import logging

from carthane_tcfd.fonts import INSTALL_HINT, find_cjk_font

log = logging.getLogger("carthane_tcfd")


@functools.cache
def configure_matplotlib() -> str | None:
    """Register the CJK font once; its family name, or None (after one clear warning) when there is none."""
    import matplotlib
    from matplotlib import font_manager

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
