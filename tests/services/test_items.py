from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from carthane_tcfd.domain.errors import ConflictError, ValidationFailed
from carthane_tcfd.domain.filtering import ItemFilter
from carthane_tcfd.domain.records import ItemDraft, MitigationDraft
from carthane_tcfd.domain.taxonomy import Category, Kind, MitigationStatus
from carthane_tcfd.services.register import open_register
from carthane_tcfd.store.models import AuditEntry, Item


def audit_count(register) -> int:
    with register.items.ctx.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


def item_count(register) -> int:
    with register.items.ctx.read() as session:
        return session.scalar(select(func.count()).select_from(Item))


def new_draft(**overrides) -> ItemDraft:
    values = dict(
        category=Category.PHYSICAL_ACUTE,
        title="台风与暴雨",
        description="华东沿海台风",
        horizons=["short"],
        value_chain=["operations"],
        financial_impacts=["asset_loss"],
        likelihood=3,
        impact=4,
        owner="安环部",
        mitigations=[
            MitigationDraft("更新防汛预案", owner="安环部", due=dt.date(2025, 6, 30), cost_cny=Decimal("120000.50"))
        ],
    )
    values.update(overrides)
    return ItemDraft(**values)


def test_create_assigns_the_next_code_and_audits(register):
    before = audit_count(register)
    item = register.items.create(2024, new_draft())
    assert item.code == "PR-03"
    assert item.version == 1 and item.updated_by == "alice"
    assert item.mitigations[0].cost_cny == Decimal("120000.50")
    assert item.mitigations[0].due == dt.date(2025, 6, 30)
    assert audit_count(register) == before + 2  # the item and its mitigation
    history = register.items.history(item.id)
    assert {(h.entity, h.action) for h in history} == {("item", "create"), ("mitigation", "create")}
    assert all(h.who == "alice" for h in history)


def test_codes_are_never_reused_after_a_delete(register):
    first = register.items.create(2024, new_draft(category=Category.MARKETS, title="出口"))
    assert first.code == "OP-06"
    register.items.delete(first.id, first.version)
    second = register.items.create(2024, new_draft(category=Category.MARKETS, title="出口2"))
    assert second.code == "OP-07"


def test_invalid_change_writes_nothing(register):
    items, audits = item_count(register), audit_count(register)
    with pytest.raises(ValidationFailed) as caught:
        register.items.create(2024, new_draft(title="", likelihood=7))
    assert {p.field for p in caught.value.problems} == {"title", "likelihood"}
    assert "名称：不能为空" in caught.value.message("zh")
    assert (item_count(register), audit_count(register)) == (items, audits)


def test_update_records_old_and_new_values(register):
    item = register.items.in_period(2024, Kind.RISK)[0]
    draft = item.to_draft()
    draft.owner = "行政部"
    draft.horizons = ["short", "medium"]
    saved = register.items.update(item.id, draft, item.version)
    assert saved.version > item.version and saved.owner == "行政部"
    changes = {(h.field, h.old_value, h.new_value) for h in register.items.history(item.id)}
    assert ("owner", "", "行政部") in changes
    assert ("horizons", "short", "short,medium") in changes


def test_rescoring_an_illustrative_item_clears_the_illustrative_mark(register):
    item = register.items.in_period(2024)[0]
    assert item.scores_illustrative and "示例评估" in item.notes
    draft = item.to_draft()
    draft.likelihood = 1
    saved = register.items.update(item.id, draft, item.version)
    assert not saved.scores_illustrative
    assert "示例评估" not in saved.notes


def test_stale_copy_raises_a_conflict_naming_who_and_when(db_url):
    alice = open_register(db_url, user="alice")
    bob = open_register(db_url, user="bob")
    try:
        mine = alice.items.in_period(2024)[1]
        theirs = bob.items.get(mine.id)
        bob_draft = theirs.to_draft()
        bob_draft.title = "Bob's title"
        bob.items.update(theirs.id, bob_draft, theirs.version)

        my_draft = mine.to_draft()
        my_draft.title = "Alice's title"
        with pytest.raises(ConflictError) as caught:
            alice.items.update(mine.id, my_draft, mine.version)
        assert caught.value.who == "bob"
        assert "bob" in caught.value.message("en") and caught.value.when is not None
        assert alice.items.get(mine.id).title == "Bob's title", "nothing was overwritten"
    finally:
        alice.close()
        bob.close()


def test_mitigations_add_edit_reorder_remove(register):
    item = register.items.in_period(2024)[0]
    assert [m.position for m in item.mitigations] == [0, 1, 2]
    item = register.items.add_mitigation(
        item.id, MitigationDraft("新增演练", status=MitigationStatus.PLANNED), item.version
    )
    assert item.mitigations[-1].description == "新增演练"
    last = item.mitigations[-1]
    item = register.items.move_mitigation(item.id, last.id, -3, item.version)
    assert item.mitigations[0].id == last.id
    assert [m.position for m in item.mitigations] == [0, 1, 2, 3]
    edit = MitigationDraft(
        "新增演练（季度）",
        owner="安环部",
        due=dt.date(2025, 3, 31),
        status=MitigationStatus.IN_PROGRESS,
        cost_cny=Decimal(5000),
    )
    item = register.items.update_mitigation(item.id, last.id, edit, item.version)
    assert item.mitigations[0].owner == "安环部" and item.mitigations[0].status is MitigationStatus.IN_PROGRESS
    item = register.items.remove_mitigation(item.id, last.id, item.version)
    assert len(item.mitigations) == 3 and [m.position for m in item.mitigations] == [0, 1, 2]
    actions = [h.action for h in register.items.history(item.id) if h.entity == "mitigation"]
    assert {"create", "move", "update", "delete"} <= set(actions)


def test_update_syncs_the_whole_mitigation_list(register):
    item = register.items.in_period(2024)[0]
    draft = item.to_draft()
    draft.mitigations = [draft.mitigations[2], MitigationDraft("新措施"), draft.mitigations[0]]
    saved = register.items.update(item.id, draft, item.version)
    assert [m.description for m in saved.mitigations] == [
        item.mitigations[2].description,
        "新措施",
        item.mitigations[0].description,
    ]


def test_copy_to_next_year_keeps_codes_and_open_mitigations(register):
    item = register.items.in_period(2024)[0]
    draft = item.to_draft()
    draft.mitigations[0].status = MitigationStatus.COMPLETED
    register.items.update(item.id, draft, item.version)
    copied = register.periods.copy_to_next_year(2024)
    assert copied.year == 2025 and copied.status.value == "draft"
    old = register.items.in_period(2024)
    new = register.items.in_period(2025)
    assert [i.code for i in new] == [i.code for i in old]
    assert len(new[0].mitigations) == len(old[0].mitigations) - 1
    assert register.items.create(2025, new_draft()).code == "PR-03"
    snap = register.periods.snapshot(2025)
    assert snap.previous is not None and snap.previous.period.year == 2024 and len(snap.previous.items) == 11


def test_list_filters_by_kind_and_filter(register):
    assert len(register.items.in_period(2024, Kind.RISK)) == 6
    assert len(register.items.in_period(2024, Kind.OPPORTUNITY)) == 5
    upstream = register.items.in_period(2024, flt=ItemFilter(value_chain=frozenset({"upstream"})))
    assert {i.code for i in upstream} == {"PR-02", "TR-01", "TR-03", "OP-03"}
    assert [i.code for i in register.items.in_period(2024, flt=ItemFilter(text="光伏"))] == ["PR-02", "OP-02"]


def test_matrix_cannot_shrink_below_the_scores_in_use(register):
    from carthane_tcfd.domain.records import PeriodDraft

    period = register.periods.get(2024)
    draft = PeriodDraft(
        period.title, 4, period.horizon_definitions, [1_000_000, 5_000_000, 20_000_000], period.narrative
    )
    with pytest.raises(ValidationFailed, match="rescore"):
        register.periods.update(2024, draft, period.version)
    draft.matrix_size = 6
    draft.impact_thresholds_cny = [1, 2, 3, 4, 5]
    assert register.periods.update(2024, draft, period.version).matrix_size == 6


def test_grid_rows_say_what_the_whole_items_say(register):
    """The grid's rows (one aggregate of the mitigations per item) agree with the whole items on every
    column the grid shows, the open-action count, and the text quick search looks in."""
    item = register.items.in_period(2024)[0]
    draft = item.to_draft()
    draft.mitigations[0].status = MitigationStatus.COMPLETED
    draft.mitigations.append(MitigationDraft("新增措施：屋顶光伏", status=MitigationStatus.IN_PROGRESS))
    register.items.update(item.id, draft, item.version)
    bare = register.items.create(2024, new_draft(mitigations=[]))

    whole = register.items.in_period(2024)
    rows = register.items.rows(2024)
    assert [r.code for r in rows] == [i.code for i in whole]
    by_id = {r.id: r for r in rows}
    for i in whole:
        row = by_id[i.id]
        assert (row.title, row.category, row.horizons, row.owner, row.version) == (
            i.title,
            i.category,
            i.horizons,
            i.owner,
            i.version,
        )
        assert (row.inherent_band, row.residual_band) == (i.inherent_band, i.residual_band)
        assert row.open_mitigations == i.open_mitigations
        assert sorted(row.actions_text.split("\n")) == sorted(i.actions_text.split("\n"))
    assert by_id[bare.id].open_mitigations == 0 and by_id[bare.id].actions_text == ""
    assert by_id[item.id].open_mitigations == len(item.mitigations)  # one completed, one added
    assert "屋顶光伏" in by_id[item.id].actions_text


def test_grid_rows_filter_like_the_whole_items(register):
    flt = ItemFilter(text="光伏", horizons=frozenset({"medium"}))
    codes = [r.code for r in register.items.rows(2024, flt=flt)]
    assert codes and codes == [i.code for i in register.items.in_period(2024, flt=flt)]
    assert {r.kind for r in register.items.rows(2024, Kind.OPPORTUNITY)} == {Kind.OPPORTUNITY}
    assert register.items.counts(2024) == {Kind.RISK: 6, Kind.OPPORTUNITY: 5}


def test_action_counts_agree_with_the_whole_items(register):
    """The dashboard's one aggregate query counts what the board pack counts from whole items: per status,
    and open actions past their due date (a completed one is never overdue)."""
    from carthane_tcfd.reports.summary import mitigations_by_status

    item = register.items.in_period(2024)[0]
    draft = item.to_draft()
    draft.mitigations[0].due = dt.date(2020, 3, 31)  # open and past due
    draft.mitigations.append(
        MitigationDraft("已完成的旧措施", due=dt.date(2020, 1, 1), status=MitigationStatus.COMPLETED)
    )
    register.items.update(item.id, draft, item.version)
    today = dt.date(2025, 1, 1)
    statuses, overdue = register.items.action_counts(2024, today)
    assert (statuses, overdue) == mitigations_by_status(tuple(register.items.in_period(2024)), today)
    assert overdue == 1 and statuses[MitigationStatus.COMPLETED] >= 1


def test_reordering_a_set_of_codes_is_no_change_and_writes_no_audit_entry(register):
    item = register.items.in_period(2024, Kind.RISK)[0]
    draft = item.to_draft()
    draft.horizons = ["short", "medium", "long"]
    first = register.items.update(item.id, draft, item.version)
    before = audit_count(register)
    draft.horizons = ["long", "short", "medium"]
    again = register.items.update(item.id, draft, first.version)
    assert audit_count(register) == before
    assert again.version == first.version
    assert again.horizons == ("short", "medium", "long")  # the order as entered stays


def test_english_pending_counts_what_the_pack_marks(tmp_path):
    import dataclasses

    from carthane_tcfd.domain.translation_status import english_pending
    from carthane_tcfd.services.register import open_register

    reg = open_register(f"sqlite:///{tmp_path / 'r.db'}")
    assert reg.items.english_pending(2024) == len(english_pending(reg.periods.snapshot(2024))) == 0
    item = reg.items.in_period(2024)[0]
    draft = item.to_draft()
    draft.description_en = ""
    draft.mitigations[1] = dataclasses.replace(draft.mitigations[1], description_en=" ")
    reg.items.update(item.id, draft, item.version)
    snapshot = reg.periods.snapshot(2024)
    assert reg.items.english_pending(2024) == len(english_pending(snapshot)) == 2
    assert english_pending(snapshot) == ["PR-01 description", "PR-01 action 2"]
    reg.close()


def test_opening_a_new_file_through_the_services_hands_back_a_plain_summary(tmp_path):
    path = tmp_path / "new.sqlite3"
    register = open_register(str(path), seed=False)
    try:
        assert (register.opened.created, register.opened.upgraded_from, register.opened.backup) == (True, None, None)
        assert register.location == str(path.resolve())
    finally:
        register.close()
    again = open_register(str(path))
    try:
        assert not again.opened.created and again.periods.all() == []  # not seeded on a second opening
    finally:
        again.close()


def test_the_audit_user_is_set_through_the_services(register, monkeypatch):
    monkeypatch.setenv("CARTHANE_TCFD_USER", "officer-on-duty")
    item = register.items.in_period(2024, Kind.RISK)[0]
    register.set_user("  carol ")
    draft = item.to_draft()
    draft.owner = "财务部"
    saved = register.items.update(item.id, draft, item.version)
    assert saved.updated_by == "carol" and register.user == "carol"
    register.set_user("")
    assert register.user == "officer-on-duty"
