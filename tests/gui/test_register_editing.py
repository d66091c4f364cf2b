"""Driving the register pages offscreen as a risk officer would: create, validate, edit, conflict,
unsaved edits, filter, sort, undo/redo, approved periods."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from carthane_tcfd.domain.taxonomy import Kind
from carthane_tcfd.services.register import open_register
from tests.gui.conftest import approve_by_another_officer


def codes(page):
    return [page.model.item_at(r).code for r in range(page.model.rowCount())]


def db_items(window, kind=None):
    return window.state.services.items.in_period(2024, kind)


def test_create_a_risk_through_the_editor(window, qtbot):
    page = window.risks
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.creating and page.editor.isEnabled()
    page.editor.title_edit.insert("台风与暴雨")  # QTest types Latin-1 only; insert() is a user edit too
    page.editor.category.setCurrentIndex(0)
    page.editor.horizons.box("short").setChecked(True)
    page.editor.value_chain.box("operations").setChecked(True)
    page.editor.impacts.box("asset_loss").setChecked(True)
    page.editor.inherent.likelihood.setCurrentIndex(3)
    page.editor.inherent.impact.setCurrentIndex(4)
    qtbot.mouseClick(page.editor.add_action, Qt.MouseButton.LeftButton)
    page.editor.mitigations.setData(page.editor.mitigations.index(0, 0), "更新防汛应急预案")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert "PR-03" in codes(page)
    stored = next(i for i in db_items(window) if i.code == "PR-03")
    assert stored.title == "台风与暴雨" and stored.horizons == ("short",)
    assert (stored.likelihood, stored.impact) == (3, 4)
    assert [m.description for m in stored.mitigations] == ["更新防汛应急预案"]
    assert page.editor.item.code == "PR-03" and not page.editor.dirty


def test_a_validation_error_shows_beside_the_field_and_nothing_is_written(window, qtbot):
    page = window.risks
    before = len(db_items(window))
    window.act_new_risk.trigger()
    page.editor.inherent.likelihood.setCurrentIndex(2)  # impact left unset: a half score
    window.act_save.trigger()
    errors = page.editor._errors
    assert errors["title"].isVisible() and "Title: is required" in errors["title"].text()
    assert errors["impact"].isVisible()
    assert page.editor.summary.isVisible()
    assert len(db_items(window)) == before


def test_edit_and_save_records_the_change(window, qtbot):
    page = window.risks
    page.select_item(page.model.item_at(0).id)
    page.editor.owner.clear()
    page.editor.owner.insert("行政部")
    assert page.editor.dirty and window.act_save.isEnabled()
    window.act_save.trigger()
    stored = next(i for i in db_items(window) if i.code == "PR-01")
    assert stored.owner == "行政部"
    history = window.state.services.items.history(stored.id)
    assert ("owner", "", "行政部") in {(h.field, h.old_value, h.new_value) for h in history}
    assert page.model.item_at(0).owner == "行政部"


def test_saving_from_the_editor_keeps_the_fields_it_has_no_widget_for(window):
    """Fields the form does not edit (the source, each action's English text) are carried over by a save,
    never blanked."""
    page = window.risks
    before = next(i for i in db_items(window) if i.code == "PR-01")
    assert before.description_en and before.source and before.mitigations[0].description_en
    page.select_item(before.id)
    page.editor.owner.insert("·")
    window.act_save.trigger()
    after = next(i for i in db_items(window) if i.code == "PR-01")
    assert after.owner.endswith("·") and after.version > before.version
    assert (after.description_en, after.source) == (before.description_en, before.source)
    assert [m.description_en for m in after.mitigations] == [m.description_en for m in before.mitigations]


def open_then_bob_saves(window, **changes):
    """Alice opens PR-02 in the editor; meanwhile Bob, in his own session, saves it with `changes`."""
    page = window.risks
    item = page.model.item_at(1)
    page.select_item(item.id)
    other = open_register(window.state.services.url, user="bob")
    theirs = other.items.get(item.id).to_draft()
    for name, value in changes.items():
        setattr(theirs, name, value)
    other.items.update(item.id, theirs, item.version)
    other.close()
    return page, item


def test_a_conflict_keeps_the_users_edits(window, qtbot, monkeypatch):
    from carthane_tcfd.ui.dialogs.conflict_dialog import ConflictDialog

    page, item = open_then_bob_saves(window, title="Bob's title")

    shown = {}

    def fake_exec(dialog):
        shown["text"] = dialog.diff.toPlainText()
        shown["message"] = dialog.findChildren(type(page.count_label))[0].text()
        return 0  # keep my edits

    monkeypatch.setattr(ConflictDialog, "exec", fake_exec)
    page.editor.title_edit.clear()
    qtbot.keyClicks(page.editor.title_edit, "Alice's title")
    assert not page.save()
    assert "bob" in shown["message"]
    assert "Alice's title" in shown["text"] and "Bob's title" in shown["text"]
    assert page.editor.title_edit.text() == "Alice's title" and page.editor.dirty
    assert window.state.current(item.id).title == "Bob's title"


def test_reloading_after_a_conflict_shows_their_version(window, monkeypatch):
    from carthane_tcfd.ui.dialogs.conflict_dialog import ConflictDialog

    page, _item = open_then_bob_saves(window, owner="采购部")
    monkeypatch.setattr(ConflictDialog, "exec", lambda dialog: ConflictDialog.RELOAD)
    page.editor.sites.setText("上海工厂")
    page.editor._mark_dirty()
    assert not page.save()
    assert page.editor.owner.text() == "采购部" and not page.editor.dirty


def test_unsaved_changes_prompt_on_switching_items(window, qtbot, prompts_recorder):
    page = window.risks
    page.select_item(page.model.item_at(0).id)
    qtbot.keyClicks(page.editor.title_edit, " (edited)")
    prompts_recorder.unsaved_answer = "cancel"
    page.table.selectRow(2)
    assert prompts_recorder.kinds() == ["unsaved"]
    assert page.editor.item.code == "PR-01" and page.editor.title_edit.text().endswith("(edited)")
    assert page.table.currentIndex().row() == 0

    prompts_recorder.unsaved_answer = "discard"
    page.table.selectRow(2)
    assert page.editor.item.code == "TR-01" and not page.editor.dirty
    assert window.state.current(page.model.item_at(0).id).title == "极端天气"


def test_closing_with_unsaved_edits_asks_and_cancel_keeps_the_window(window, qtbot, prompts_recorder):
    page = window.risks
    page.select_item(page.model.item_at(0).id)
    qtbot.keyClicks(page.editor.notes, "x")
    prompts_recorder.unsaved_answer = "cancel"
    assert not window.close()
    assert window.isVisible() and page.editor.dirty
    prompts_recorder.unsaved_answer = "save"
    assert window.close()
    assert window.state.current(page.editor.item.id).notes.startswith("x")


def test_quick_search_and_filters_narrow_the_rows(window, qtbot):
    page = window.risks
    assert page.model.rowCount() == 6
    page.filters.search.insert("光伏")  # in PR-02's mitigation text
    assert codes(page) == ["PR-02"]
    page.filters.search.clear()
    page.filters.segments.actions_by_code["upstream"].setChecked(True)
    assert codes(page) == ["PR-02", "TR-01", "TR-03"]
    page.filters.horizons.actions_by_code["short"].setChecked(True)
    assert codes(page) == ["TR-01"]
    assert page.filters.clear_button.isEnabled()
    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 6 and not page.filters.clear_button.isEnabled()
    page.filters.bands.actions_by_code["low"].setChecked(True)  # rated by residual
    assert codes(page) == ["TR-04"]
    assert "1 of 6 shown" in page.count_label.text()


def test_sort_by_any_column(window, qtbot):
    page = window.risks
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(6) + 5, 5))
    first = [page.model.item_at(r).inherent_score for r in range(6)]
    assert first == sorted(first) or first == sorted(first, reverse=True)
    page.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    assert codes(page)[0] == "TR-01"
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    titles = [page.model.item_at(r).title_en.lower() for r in range(6)]
    assert titles == sorted(titles)


def test_undo_and_redo_go_through_the_services(window):
    page = window.risks
    item = page.model.item_at(0)
    page.select_item(item.id)
    page.editor.owner.setText("安环部")
    page.editor._mark_dirty()
    assert page.save()
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()
    assert window.state.current(item.id).owner == ""
    window.act_redo.trigger()
    assert window.state.current(item.id).owner == "安环部"
    actions = [h.field for h in window.state.services.items.history(item.id)]
    assert actions.count("owner") == 3, "save, undo and redo are each in the audit trail"


def test_delete_asks_and_can_be_undone_with_the_same_code(window, prompts_recorder):
    page = window.risks
    page.select_item(page.model.item_at(3).id)
    assert page.editor.item.code == "TR-02"
    window.act_delete.trigger()  # the table's Del key; the menu entry is the same action
    assert prompts_recorder.kinds() == ["confirm"]
    assert "TR-02" not in codes(page)
    window.act_undo.trigger()
    assert "TR-02" in codes(page)
    restored = next(i for i in db_items(window) if i.code == "TR-02")
    assert len(restored.mitigations) == 1


def test_an_approved_period_is_read_only_and_says_why(window):
    approve_by_another_officer(window, 2024)
    page = window.risks
    page.select_item(page.model.item_at(0).id)
    assert not page.editor.title_edit.isEnabled()
    assert page.editor.description.isReadOnly()
    assert not page.editor.add_action.isEnabled()
    assert page.editor.mitigations.read_only
    assert "approved" in page.editor.banner.text()
    assert window.lock_banner.isVisible() and "read-only" in window.lock_banner.text()
    assert not window.act_new_risk.isEnabled() and not window.act_save.isEnabled()
    assert window.act_reopen.isEnabled()


def test_reopen_asks_for_a_reason_and_unlocks(window, prompts_recorder):
    approve_by_another_officer(window, 2024)

    def reason(dialog) -> bool:
        dialog.comment.setPlainText("补充台风风险")
        dialog.accept()
        return True

    prompts_recorder.on_dialog = reason
    window.act_reopen.trigger()
    assert window.state.period.status.value == "draft"
    assert window.state.services.workflow.signoff(2024).records[-1].comment == "补充台风风险"
    assert window.risks.editor.title_edit.isEnabled() or window.risks.editor.item is None
    assert window.act_new_risk.isEnabled()


def test_opportunity_page_lists_opportunities_with_their_categories(window):
    page = window.opportunities
    assert page.model.rowCount() == 0, "a page off screen is filled when it is first shown"
    window.tabs.setCurrentWidget(page)
    assert codes(page) == ["OP-01", "OP-02", "OP-03", "OP-04", "OP-05"]
    page.select_item(page.model.item_at(0).id)
    categories = [page.editor.category.itemData(i) for i in range(page.editor.category.count())]
    assert categories == ["resource_efficiency", "energy_source", "products_services", "markets", "resilience"]
    assert page.editor.kind is Kind.OPPORTUNITY


def test_undo_of_a_new_item_removes_it_and_redo_brings_it_back_with_its_code(window):
    page = window.risks
    window.act_new_risk.trigger()
    page.editor.title_edit.insert("Heat stress at Nantong")
    assert page.save()
    assert "PR-03" in codes(page)
    window.act_undo.trigger()
    assert "PR-03" not in codes(page)
    window.act_redo.trigger()
    assert "PR-03" in codes(page)
    assert next(i for i in db_items(window) if i.code == "PR-03").title == "Heat stress at Nantong"


def test_the_estimate_shows_the_impact_level_of_the_period_thresholds(window):
    page = window.risks
    page.select_item(page.model.item_at(0).id)
    page.editor.estimate_high.setText("3,000,000")
    assert page.editor.estimate_hint.text() == "≈ impact level 3 (CNY 2m–10m)"
    page.editor.estimate_high.setText("")
    assert page.editor.estimate_hint.text() == ""


def test_the_editor_reads_the_item_as_it_is_now_and_says_when_another_officer_deleted_it(
    window, qtbot, prompts_recorder
):
    """The grid holds rows; the editor reads the whole item on selection, so Bob's edit shows at once,
    and an item Bob deleted meanwhile is explained and leaves the grid."""
    page = window.risks
    first, second = page.model.item_at(0), page.model.item_at(1)
    other = open_register(window.state.services.url, user="bob")
    theirs = other.items.get(first.id).to_draft()
    theirs.owner = "Bob's department"
    other.items.update(first.id, theirs, first.version)
    other.items.delete(second.id, second.version)
    other.close()

    page.select_item(first.id)
    assert page.editor.owner.text() == "Bob's department"
    assert page.editor.mitigations.rowCount() == len(window.state.current(first.id).mitigations) > 0

    page.select_item(second.id)
    assert prompts_recorder.asked[-1] == ("error", "That item no longer exists; it may have been deleted.")
    assert second.code not in codes(page)


def test_the_english_texts_are_edited_beside_the_chinese_and_kept_on_save(window, qtbot):
    from carthane_tcfd.ui.models.mitigation_model import DESCRIPTION_EN

    page = window.risks
    page.select_item(page.model.item_at(0).id)
    editor = page.editor
    assert editor.description_en.toPlainText().startswith("Extreme weather may damage offices")
    model = editor.mitigations
    assert model.data(model.index(0, DESCRIPTION_EN)).startswith("Insure the production sites")
    editor.owner.clear()
    editor.owner.insert("行政部")  # an edit elsewhere must not lose the English texts
    model.setData(model.index(1, DESCRIPTION_EN), "Strengthen emergency management.")
    editor.description_en.setPlainText("Extreme weather may damage our plants.")
    window.act_save.trigger()
    stored = next(i for i in db_items(window) if i.code == "PR-01")
    assert stored.description_en == "Extreme weather may damage our plants."
    assert stored.description.startswith("极端天气可能会对办公场所"), "the Chinese stays as written"
    assert stored.mitigations[0].description_en.startswith("Insure the production sites")
    assert stored.mitigations[1].description_en == "Strengthen emergency management."
    assert stored.source == "esg2024_risks"
