"""The user's language: Chinese on a Chinese system, English otherwise (the GUI can override it)."""

from __future__ import annotations

import locale
import os

from carthane_tcfd.domain.taxonomy import Lang


def system_lang() -> Lang:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh" if code.lower().startswith("zh") else "en"
