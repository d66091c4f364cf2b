"""Registers the system's CJK font with Qt, so Chinese renders the same in every widget."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from carthane_tcfd.fonts import INSTALL_HINT, find_cjk_font

log = logging.getLogger("carthane_tcfd")


def register_cjk_font(app: QApplication) -> str | None:
    """Add the CJK font to Qt and make it the fallback of the application font; the warning to show
    the user when there is none."""
    path = find_cjk_font()
    if path is None:
        log.warning(INSTALL_HINT)
        return INSTALL_HINT
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("Qt could not load the font %s", path)
        return INSTALL_HINT
    font = QFont(app.font())
    font.setFamilies([app.font().family(), families[0]])
    app.setFont(font)
    return None
