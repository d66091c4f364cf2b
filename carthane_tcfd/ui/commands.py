"""Undo and redo of saved changes: each step is a new change through the services, so the audit trail
records the undo too. A step that can no longer apply (someone else changed the item) reports why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from carthane_tcfd.domain.errors import PeriodLocked, UserError
from carthane_tcfd.domain.records import ItemDraft, ItemSnapshot
from carthane_tcfd.ui.app_state import AppState

ErrorSink = Callable[[UserError], None]


class Step(Protocol):
    text: str

    def apply(self) -> None: ...

    def revert(self) -> None: ...


class StepCommand(QUndoCommand):
    """One undoable step. The change itself was made before the command was pushed."""

    def __init__(self, step: Step, on_error: ErrorSink) -> None:
        super().__init__(step.text)
        self.step = step
        self.on_error = on_error
        self.skip = True  # the next redo or undo changes nothing (the change is made, or was refused)
        self.refused = False  # the period refused the last attempt (approved meanwhile)

    def redo(self) -> None:
        self._attempt(self.step.apply)

    def undo(self) -> None:
        self._attempt(self.step.revert)

    def _attempt(self, action: Callable[[], None]) -> None:
        if self.skip:
            self.skip = False
            return
        try:
            action()
        except PeriodLocked as exc:  # the step still applies once the period is reopened: it stays
            self.refused = True
            self.on_error(exc)
        except UserError as exc:  # the item changed or went: this step can no longer apply
            self.setObsolete(True)
            self.on_error(exc)


def undo_step(stack: QUndoStack) -> None:
    """Undo the last step; a step the period refuses keeps its place on the stack."""
    _move(stack, stack.undo, stack.index() - 1)


def redo_step(stack: QUndoStack) -> None:
    """Redo the next step; a step the period refuses keeps its place on the stack."""
    _move(stack, stack.redo, stack.index())


def _move(stack: QUndoStack, move: Callable[[], None], position: int) -> None:
    command = stack.command(position)
    index = stack.index()
    move()
    if isinstance(command, StepCommand) and command.refused:  # QUndoStack moved past it: move back
        command.refused = False
        command.skip = True
        stack.setIndex(index)


class SaveItem:
    def __init__(self, state: AppState, before: ItemSnapshot, after: ItemSnapshot) -> None:
        self.state = state
        self.text = after.code
        self.item_id = after.id
        self.before: ItemDraft = before.to_draft()
        self.after: ItemDraft = after.to_draft()

    def _save(self, draft: ItemDraft) -> None:
        current = self.state.current(self.item_id)
        # mitigations keep their ids across saves, so the stored list is matched by position
        for old, new in zip(draft.mitigations, current.mitigations, strict=False):
            old.id = new.id
        self.state.save(self.item_id, draft, current.version)

    def apply(self) -> None:
        self._save(self.after)

    def revert(self) -> None:
        self._save(self.before)


class CreateItem:
    def __init__(self, state: AppState, created: ItemSnapshot) -> None:
        self.state = state
        self.text = f"+ {created.code}"
        self.item_id = created.id
        self.code = created.code
        self.draft = created.to_draft()

    def apply(self) -> None:
        for m in self.draft.mitigations:
            m.id = None
        self.state.create(self.draft, code=self.code, replaces=self.item_id)

    def revert(self) -> None:
        current = self.state.current(self.item_id)
        self.draft = current.to_draft()
        self.state.delete(self.item_id, current.version)


class DeleteItem(CreateItem):
    """Deleting is creating, backwards."""

    def __init__(self, state: AppState, deleted: ItemSnapshot) -> None:
        super().__init__(state, deleted)
        self.text = f"− {deleted.code}"

    def apply(self) -> None:
        super().revert()

    def revert(self) -> None:
        super().apply()
