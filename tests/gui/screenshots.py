"""Screenshots of the application, taken offscreen, for looking at what a user sees:

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/gui/screenshots.py [OUT_DIR]

Writes, for Chinese and English: the Risks page with an item in the editor (mitigations shown), the
history view of that item, the Matrix page and the Dashboard, into OUT_DIR (default: ./shots)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def shoot(out: Path, lang: str) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from carthane_tcfd.ui.dialogs.history_dialog import HistoryDialog
    from carthane_tcfd.ui.launch import build_window
    from carthane_tcfd.ui.settings import LANGUAGE, Settings

    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="tcfd-shots-"))
    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.set(LANGUAGE, lang)
    window = build_window(app, settings)
    window.resize(1500, 900)
    window.show()
    window.database_actions.open_location(str(folder / "register.sqlite3"))
    app.processEvents()
    written = []

    def grab(widget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        path = out / f"{name}_{lang}.png"
        widget.grab().save(str(path))
        written.append(path)

    page = window.risks
    page.select_item(page.model.item_at(2).id)
    grab(window, "risks_editor")
    item = page.editor.item
    records = window.state.services.items.history(item.id)
    draft = item.to_draft()
    draft.owner = "安环部" if lang == "zh" else "HSE department"
    draft.mitigations[0].owner = draft.owner
    window.state.save(item.id, draft, item.version)
    records = window.state.services.items.history(item.id)
    dialog = HistoryDialog(f"{item.code} {item.display_title(lang)}", records, lang, window)
    dialog.show()
    grab(dialog, "history")
    dialog.close()
    window.tabs.setCurrentWidget(window.matrix)
    window.matrix.view_box.setCurrentIndex(2)
    grab(window, "matrix")
    window.tabs.setCurrentWidget(window.dashboard)
    grab(window, "dashboard")
    window.state.services.close()
    window.close()
    return written


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "shots"
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("zh", "en"):
        for path in shoot(out, lang):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
