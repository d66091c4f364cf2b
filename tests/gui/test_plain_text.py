"""Class 8 of issue 13: user text containing HTML is shown as the characters it is, never rendered (an
<img src=…> in a title must not load a local file): labels, message boxes and tooltips."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QToolTip

from carthane_tcfd.domain.records import ItemDraft, MitigationDraft
from carthane_tcfd.domain.taxonomy import Category
from carthane_tcfd.ui import prompts

HTML = '<b>Bold</b><img src="file:///etc/passwd">'


def test_html_in_user_text_is_shown_literally_everywhere(window, monkeypatch):
    item = window.state.services.items.create(
        2024,
        ItemDraft(
            Category.PHYSICAL_ACUTE,
            HTML,
            description=HTML,
            likelihood=2,
            impact=2,
            mitigations=[MitigationDraft(HTML, due=dt.date(2026, 1, 1))],
        ),
    )
    window.state.reload_items()
    window.open_item(item.id)
    page = window.risks
    assert page.editor.heading.text().endswith(HTML)
    showing_html = [label for label in window.findChildren(QLabel) if "<img" in label.text()]
    assert showing_html and all(label.textFormat() == Qt.TextFormat.PlainText for label in showing_html)

    row = next(r for r in range(page.model.rowCount()) if page.model.item_at(r).id == item.id)
    tip = page.model.data(page.model.index(row, 2), Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "&lt;img" in tip
    mitigations = page.editor.mitigations
    tip = mitigations.data(mitigations.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "&lt;img" in tip

    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_: shown.append(text))
    window.matrix.redraw()
    monkeypatch.setattr(window.matrix, "item_under", lambda _event: item)
    window.matrix._hover(None)
    assert shown and "<img" not in shown[0] and "&lt;img" in shown[0]


def test_message_boxes_show_their_text_literally(qapp):
    box = prompts.message_box(None, QMessageBox.Icon.Warning, "t", f"Delete {HTML}?")
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.deleteLater()


def test_items_a_stored_value_keeps_out_are_named(window, prompts_recorder, tmp_path, qtbot):
    from sqlalchemy import text

    with window.state.services.items.ctx.engine.begin() as conn:
        conn.execute(text("UPDATE item SET category = 'bogus' WHERE code = 'PR-01'"))
    window.state.refresh_period()
    window.state.reload_items()

    def errors() -> list[str]:
        return [t for kind, t in prompts_recorder.asked if kind == "error"]

    qtbot.waitUntil(lambda: bool(errors()))  # named once the page is painted (README, Performance)
    assert len(errors()) == 1 and "PR-01" in errors()[0] and "category" in errors()[0]
    assert "PR-01" not in [window.risks.model.item_at(r).code for r in range(window.risks.model.rowCount())]


def test_an_unfinished_register_is_offered_a_rebuild(window, prompts_recorder, tmp_path):
    import sqlite3

    db = tmp_path / "half.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE item (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    prompts_recorder.confirm_answer = True
    assert window.database_actions.open_location(str(db))
    assert [k for k, _ in prompts_recorder.asked] == ["confirm"]
    assert len(window.state.services.items.rows(2024)) == 11  # the seeded register, built again
    assert list(tmp_path.glob("half.sqlite3.unfinished-*"))
