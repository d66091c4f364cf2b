"""The sign-off in the window: submit asks for a comment, approving one's own submission is refused in the
dialog with the reason, the sign-off history and the comparison dialogs, and Undo in an approved period."""

from __future__ import annotations

import dataclasses

from carthane_tcfd.domain.signoff import StepRequest
from carthane_tcfd.services.register import open_register
from tests.gui.conftest import approve_by_another_officer


def answer(comment: str, reference: str = ""):
    """A dialog answer: type the comment (and the meeting reference), press OK; the dialog's own answer."""

    def fill(dialog) -> bool:
        dialog.comment.setPlainText(comment)
        dialog.meeting_reference.setText(reference)
        dialog.accept()
        fill.dialog = dialog
        return dialog.result() == dialog.DialogCode.Accepted

    return fill


def test_submit_asks_for_confirmation_with_a_comment_and_cancel_changes_nothing(window, prompts_recorder):
    window.act_submit.trigger()
    assert prompts_recorder.asked[-1] == ("dialog", "Submit for review")
    assert window.state.period.status.value == "draft", "cancelled: nothing submitted"
    prompts_recorder.on_dialog = answer("请审阅 TR-01 的措施")
    window.act_submit.trigger()
    assert window.state.period.status.value == "in_review"
    (record,) = window.state.services.workflow.signoff(2024).records
    assert (record.who, record.comment) == ("tester", "请审阅 TR-01 的措施")
    assert window.act_approve.isEnabled() and window.act_return.isEnabled() and not window.act_submit.isEnabled()


def test_the_signers_name_and_role_set_in_the_window_are_recorded_with_a_step(window, prompts_recorder):
    prompts_recorder.text_answers = ["R" * 201, "Officer"]
    window.act_signer.trigger()
    assert prompts_recorder.kinds()[-1] == "error", "a name too long is refused with a message"
    prompts_recorder.text_answers = ["Tess Ter", "Risk Officer"]
    window.act_signer.trigger()
    prompts_recorder.on_dialog = answer("请审阅")
    window.act_submit.trigger()
    (record,) = window.state.services.workflow.signoff(2024).records
    assert (record.who, record.signed_as) == ("tester", "Tess Ter — Risk Officer")
    window.database_actions.open_location(window.state.services.url.removeprefix("sqlite:///"))
    assert window.state.services.items.ctx.signer_name == "Tess Ter", "kept in the settings for the next opening"


def test_approving_ones_own_submission_is_refused_in_the_dialog_with_the_reason(window, prompts_recorder):
    window.state.services.workflow.submit(2024, StepRequest())
    window.state.refresh_period()
    prompts_recorder.on_dialog = fill = answer("同意")
    window.act_approve.trigger()
    dialog = fill.dialog
    assert dialog.problems.isVisibleTo(dialog)
    assert "You submitted the 2024 period for review, so you cannot approve it" in dialog.problems.text()
    assert dialog.comment.toPlainText() == "同意", "the input stays"
    assert window.state.period.status.value == "in_review"


def test_another_officer_approves_with_the_committee_meeting_and_history_lists_it(
    window, prompts_recorder, qtmodeltester
):
    other = open_register(window.state.services.url, user="Bo Wang")
    other.workflow.submit(2024, StepRequest("请审阅"))
    other.close()
    window.state.refresh_period()
    prompts_recorder.on_dialog = answer("同意提交董事会", "BSC-2025-1")
    window.act_approve.trigger()
    assert window.state.period.read_only and window.lock_banner.isVisible()
    captured = {}
    prompts_recorder.on_dialog = lambda dialog: captured.setdefault("history", dialog) and False
    window.act_signoff.trigger()
    model = captured["history"].model
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["Bo Wang", "tester"]
    assert model.index(1, 5).data() == "BSC-2025-1" and len(model.index(1, 6).data()) == 64


def test_compare_shows_what_changed_between_two_periods(window, prompts_recorder):
    services = window.state.services
    services.periods.copy_to_next_year(2024)
    item = services.items.in_period(2025)[0]
    services.items.update(item.id, dataclasses.replace(item.to_draft(), owner="行政部"), item.version)
    window.state.select_period(2025)
    captured = {}
    prompts_recorder.on_dialog = lambda dialog: captured.setdefault("compare", dialog) and False
    window.act_compare.trigger()
    text = captured["compare"].text.toPlainText()
    assert text.startswith("2024 → 2025") and "Modified (1)" in text and "Owner: — → 行政部" in text


def test_undo_is_disabled_in_an_approved_period_and_a_refused_undo_keeps_its_step(window, prompts_recorder):
    page = window.risks
    item = page.model.item_at(0)
    page.select_item(item.id)
    page.editor.owner.setText("安环部")
    page.editor._mark_dirty()
    assert page.save() and window.act_undo.isEnabled()
    approve_by_another_officer(window, 2024)
    assert not window.act_undo.isEnabled(), "an approved period takes no undo"
    # another session reopens and approves again behind the window's back: Undo is offered, then refused
    other = open_register(window.state.services.url, user="approver")
    other.workflow.reopen(2024, StepRequest("补充"))
    window.state.refresh_period()
    assert window.act_undo.isEnabled()
    window.state.services.workflow.submit(2024, StepRequest())
    other.workflow.approve(2024, StepRequest("同意"))
    other.close()
    stack = window.state.undo
    count, index = stack.count(), stack.index()
    window.act_undo.trigger()
    assert prompts_recorder.kinds()[-1] == "error" and "approved and read-only" in prompts_recorder.asked[-1][1]
    assert (stack.count(), stack.index()) == (count, index), "the refused step stays on the stack"
    assert window.state.current(item.id).owner == "安环部"
    assert not window.act_undo.isEnabled(), "the window learnt that the period is approved"


def test_the_editor_closes_an_item_with_a_reason_and_keeps_it_in_the_register(window, prompts_recorder):
    page = window.risks
    item = page.model.item_at(0)
    page.select_item(item.id)
    page.editor.closed.setChecked(True)
    assert page.editor.dirty
    assert not page.save(), "a reason is required"
    assert "Reason closed: is required to close an item" in page.editor._errors["closed_reason"].text()
    page.editor.closed_reason.setText("工厂已搬迁")
    page.editor._mark_dirty()
    assert page.save()
    saved = window.state.current(item.id)
    assert saved.closed and saved.closed_reason == "工厂已搬迁"
    row = next(r for r in range(page.model.rowCount()) if page.model.item_at(r).code == item.code)
    assert page.model.index(row, 2).data().endswith(" (closed)"), "kept, not deleted, and marked"
