"""Finds a CJK font on the system, once, for Qt (ui/) and matplotlib (reports/) to register explicitly."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

# Preferred fonts, best first: file names as the platforms ship them.
CANDIDATES = (
    "msyh.ttc",  # Microsoft YaHei (Windows)
    "msyh.ttf",
    "PingFang.ttc",  # macOS
    "NotoSansCJK-Regular.ttc",  # Debian fonts-noto-cjk
    "NotoSansCJKsc-Regular.otf",
    "NotoSansSC-Regular.otf",
    "wqy-microhei.ttc",  # Debian fonts-wqy-microhei
    "wqy-zenhei.ttc",
    "simhei.ttf",
    "simsun.ttc",
    "Hiragino Sans GB.ttc",
)
INSTALL_HINT = (
    "No Chinese (CJK) font was found, so Chinese text may show as empty boxes. Install one: "
    "Debian/Ubuntu `sudo apt-get install fonts-wqy-microhei` (or fonts-noto-cjk); Windows and macOS ship one."
)
ENV_VAR = "CARTHANE_TCFD_CJK_FONT"


def _font_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    ]


@functools.cache
def find_cjk_font() -> Path | None:
    """The best CJK font file on this machine ($CARTHANE_TCFD_CJK_FONT first), or None."""
    override = os.environ.get(ENV_VAR)
    if override and Path(override).is_file():
        return Path(override)
    found: dict[str, Path] = {}
    for folder in _font_dirs():
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.name in CANDIDATES and path.name not in found:
                found[path.name] = path
    for name in CANDIDATES:
        if name in found:
            return found[name]
    return None
