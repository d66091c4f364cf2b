"""A property-based test of the services: random sequences of create, update (also from a stale copy),
delete, add and move an action, submit, approve and reopen, against a simple model of the register,
checked after each step. Two officers: alice edits and submits, bob approves (segregation of duties)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from carthane_tcfd.domain.errors import ConflictError, PeriodLocked, UserError, ValidationFailed
from carthane_tcfd.domain.records import ItemDraft, MitigationDraft
from carthane_tcfd.domain.signoff import StepRequest
from carthane_tcfd.domain.taxonomy import Category, PeriodStatus
from carthane_tcfd.services.register import open_register
from tests.reliability.payloads import REFUSED, STORABLE

# any text a user may type, hostile ones included; the refused ones must be refused and change nothing
TEXTS = st.one_of(
    st.sampled_from(sorted(STORABLE.values())),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40),
)
BAD_TEXTS = st.sampled_from(sorted(REFUSED.values()))
CATEGORIES = st.sampled_from(list(Category))


class RegisterMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        url = f"sqlite:///{Path(self.folder.name) / 'r.sqlite3'}"
        self.alice = open_register(url, user="alice", seed=False)
        self.bob = open_register(url, user="bob", seed=False)
        self.alice.periods.create(2025, "2025")
        self.model: dict[str, tuple[str, tuple[str, ...]]] = {}  # code -> title, action texts
        self.ids: dict[str, int] = {}
        self.versions: dict[str, int] = {}
        self.status = PeriodStatus.DRAFT
        self.used_codes: set[str] = set()

    def teardown(self) -> None:
        self.alice.close()
        self.bob.close()
        self.folder.cleanup()

    @property
    def editable(self) -> bool:
        return self.status is not PeriodStatus.APPROVED

    def _changes(self, change) -> bool:  # type: ignore[no-untyped-def]
        """Run a change; False when the approved period refused it (as the model says it must)."""
        if self.editable:
            change()
            return True
        try:
            change()
        except PeriodLocked:
            return False
        raise AssertionError("an approved period took a change")

    @rule(category=CATEGORIES, title=TEXTS)
    def create(self, category: Category, title: str) -> None:
        made: list[object] = []
        if self._changes(lambda: made.append(self.alice.items.create(2025, ItemDraft(category, title)))):
            item = made[0]
            assert item.code not in self.used_codes  # never reused
            self.used_codes.add(item.code)
            self.model[item.code] = (title.strip(), ())
            self.ids[item.code], self.versions[item.code] = item.id, item.version

    @precondition(lambda self: self.model)
    @rule(data=st.data(), title=TEXTS)
    def update(self, data: st.DataObject, title: str) -> None:
        code = data.draw(st.sampled_from(sorted(self.model)))
        draft = self.alice.items.get(self.ids[code]).to_draft()
        draft.title = title
        saved: list[object] = []
        if self._changes(lambda: saved.append(self.alice.items.update(self.ids[code], draft, self.versions[code]))):
            self.model[code] = (title.strip(), self.model[code][1])
            self.versions[code] = saved[0].version

    @precondition(lambda self: self.model)
    @rule(data=st.data(), title=TEXTS)
    def stale_update_is_a_conflict(self, data: st.DataObject, title: str) -> None:
        code = data.draw(st.sampled_from(sorted(self.model)))
        draft = self.alice.items.get(self.ids[code]).to_draft()
        draft.title = title
        try:
            self.bob.items.update(self.ids[code], draft, self.versions[code] - 1)
        except ConflictError as exc:
            assert exc.who and exc.when is not None  # names who and when
        except PeriodLocked:
            assert not self.editable
        else:
            raise AssertionError("a stale copy was saved")

    @precondition(lambda self: self.model)
    @rule(data=st.data(), bad=BAD_TEXTS)
    def bad_text_is_refused(self, data: st.DataObject, bad: str) -> None:
        code = data.draw(st.sampled_from(sorted(self.model)))
        draft = self.alice.items.get(self.ids[code]).to_draft()
        draft.description = bad
        try:
            self.alice.items.update(self.ids[code], draft, self.versions[code])
        except (ValidationFailed, PeriodLocked):
            return
        raise AssertionError("bad text was stored")

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        code = data.draw(st.sampled_from(sorted(self.model)))
        if self._changes(lambda: self.alice.items.delete(self.ids[code], self.versions[code])):
            del self.model[code], self.ids[code], self.versions[code]

    @precondition(lambda self: self.model)
    @rule(data=st.data(), text=TEXTS)
    def add_action(self, data: st.DataObject, text: str) -> None:
        code = data.draw(st.sampled_from(sorted(self.model)))
        saved: list[object] = []
        add = lambda: saved.append(  # noqa: E731
            self.alice.items.add_mitigation(self.ids[code], MitigationDraft(text), self.versions[code])
        )
        if self._changes(add):
            title, actions = self.model[code]
            self.model[code] = (title, (*actions, text))
            self.versions[code] = saved[0].version

    @precondition(lambda self: any(len(a) > 1 for _, a in self.model.values()))
    @rule(data=st.data(), delta=st.sampled_from([-1, 1]))
    def move_action(self, data: st.DataObject, delta: int) -> None:
        code = data.draw(st.sampled_from(sorted(c for c, (_, a) in self.model.items() if len(a) > 1)))
        item = self.alice.items.get(self.ids[code])
        index = data.draw(st.integers(0, len(item.mitigations) - 1))
        saved: list[object] = []
        move = lambda: saved.append(  # noqa: E731
            self.alice.items.move_mitigation(self.ids[code], item.mitigations[index].id, delta, self.versions[code])
        )
        if self._changes(move):
            actions = list(self.model[code][1])
            new = max(0, min(len(actions) - 1, index + delta))
            actions.insert(new, actions.pop(index))
            self.model[code] = (self.model[code][0], tuple(actions))
            self.versions[code] = saved[0].version

    @rule()
    def submit(self) -> None:
        try:
            self.alice.workflow.submit(2025, StepRequest())
            assert self.status is PeriodStatus.DRAFT
            self.status = PeriodStatus.IN_REVIEW
            event("submitted")
        except UserError:  # not a draft, or items still lack what a submission needs: nothing changed
            pass

    @rule()
    def approve(self) -> None:
        try:
            self.bob.workflow.approve(2025, StepRequest(comment="approved by the committee"))
            assert self.status is PeriodStatus.IN_REVIEW
            self.status = PeriodStatus.APPROVED
            event("approved")
        except UserError:
            assert self.status is not PeriodStatus.IN_REVIEW or self._stored_status() is PeriodStatus.IN_REVIEW

    @rule()
    def reopen(self) -> None:
        try:
            self.alice.workflow.reopen(2025, StepRequest(comment="changes requested"))
            assert self.status is not PeriodStatus.DRAFT
            self.status = PeriodStatus.DRAFT
        except UserError:
            assert self.status is PeriodStatus.DRAFT

    def _stored_status(self) -> PeriodStatus:
        return self.alice.periods.get(2025).status

    @invariant()
    def the_register_is_the_model(self) -> None:
        assert self._stored_status() is self.status
        stored = {
            i.code: (i.title, tuple(m.description for m in i.mitigations)) for i in self.alice.items.in_period(2025)
        }
        assert stored == self.model


RegisterMachine.TestCase.settings = settings(
    max_examples=8,
    stateful_step_count=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,  # the same sequences in CI as here
    database=None,  # nothing written to the working tree
)
test_services_against_a_model = RegisterMachine.TestCase
