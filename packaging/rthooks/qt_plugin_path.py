# Run-time hook of the Linux bundle, in place of PyInstaller's PySide6 hook (packaging/carthane_tcfd.spec):
# the same QT_PLUGIN_PATH, without importing PySide6.QtCore at every start. PyInstaller's hook imports it
# to write an embedded qt.conf, which PySide6's own wheels already register when QtCore is first imported;
# so every command paid for Qt's and shiboken's loading, 65 ms of a `list` that uses no Qt at all
# (README, "Desktop bundle").
from __future__ import annotations

import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")
