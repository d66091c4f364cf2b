"""The history speaks the user's language: labels of categories, sets of codes and statuses, not codes;
re-ordering a set is no change."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex


def _history_rows(window, monkeypatch) -> list[tuple[str, str, str]]:
    from carthane_tcfd.ui.dialogs.history_dialog import HistoryDialog

    shown = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.risks.show_history()
    model = shown[0].model
    return [tuple(model.index(r, c).data() for c in (3, 4, 5)) for r in range(model.rowCount(QModelIndex()))]


def test_history_shows_labels_and_a_reordered_set_writes_nothing(window, monkeypatch):
    from carthane_tcfd.domain.taxonomy import FinancialImpact, MitigationStatus
    from carthane_tcfd.ui.models.mitigation_model import STATUS

    page = window.risks
    page.select_item(page.model.item_at(0).id)  # PR-01: revenue decrease, opex increase, asset loss
    editor = page.editor
    stored_impacts = editor.item.financial_impacts
    impacts = editor.impacts
    impacts.box("opex_increase").setChecked(False)
    editor.mitigations.setData(editor.mitigations.index(0, STATUS), MitigationStatus.COMPLETED.value)
    window.act_save.trigger()
    rows = _history_rows(window, monkeypatch)
    before_impacts = ", ".join(FinancialImpact(code).label("en") for code in stored_impacts)
    after_impacts = ", ".join(FinancialImpact(code).label("en") for code in stored_impacts if code != "opex_increase")
    assert "Asset loss (damage, write-off, impairment)" in after_impacts
    assert ("Financial impacts", before_impacts, after_impacts) in rows, "labels, in the order they were entered"
    status_rows = [row for row in rows if row[0] == "Status"]
    assert status_rows and status_rows[0][2] == "Completed", rows
    assert not any("_" in text for row in rows for text in row[1:] if text), rows

    before = len(rows)
    stored = window.state.services.items.get(page.model.item_at(0).id)
    draft = stored.to_draft()
    draft.financial_impacts = list(reversed(draft.financial_impacts))
    window.state.services.items.update(stored.id, draft, stored.version)
    assert len(_history_rows(window, monkeypatch)) == before, "the same codes in another order are no change"


def test_saving_from_the_editor_keeps_the_fields_it_does_not_show(window):
    """English texts (and any field without a widget) survive a save from the form."""
    page = window.risks
    item = page.model.item_at(0)
    stored = window.state.services.items.get(item.id)
    draft = stored.to_draft()
    draft.description_en = "English text kept"
    draft.mitigations[0].description_en = "Action text kept"
    window.state.services.items.update(stored.id, draft, stored.version)
    window.state.reload_items()
    page.select_item(item.id)
    page.editor.owner.insert("x")
    window.act_save.trigger()
    again = window.state.services.items.get(item.id)
    assert again.owner.endswith("x")
    assert again.description_en == "English text kept"
    assert again.mitigations[0].description_en == "Action text kept"
