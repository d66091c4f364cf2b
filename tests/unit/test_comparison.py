"""Comparing two periods' snapshots, storing a snapshot as data and its hash: pure domain functions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

from carthane_tcfd.domain.comparison import CLOSED, NEW, Basis, Direction, compare_periods
from carthane_tcfd.domain.fingerprint import canonical_json, content_text, snapshot_hash
from carthane_tcfd.domain.inventory import CustomMetric, Inventory
from carthane_tcfd.domain.records import MitigationSnapshot, RegisterSnapshot
from carthane_tcfd.domain.snapshot_data import from_data, to_data
from carthane_tcfd.domain.taxonomy import Kind, MitigationStatus

TODAY = dt.date(2025, 12, 1)


def next_year(snap: RegisterSnapshot, **changes: object) -> RegisterSnapshot:
    period = dataclasses.replace(snap.period, year=snap.period.year + 1, id=snap.period.id + 1)
    return dataclasses.replace(snap, period=period, **changes)


def test_an_unchanged_copy_shows_no_change(snapshot):
    result = compare_periods(snapshot, next_year(snapshot), TODAY)
    assert (result.from_year, result.to_year) == (2024, 2025)
    assert result.item_changes == 0 and not result.rerated and not result.actions_added
    assert not result.period_changes and not result.sections
    assert all(not m.moved for m in result.movements)
    assert len(result.movements) == 2 * len(snapshot.items)  # inherent and residual for every item


def test_new_closed_and_modified_items_with_each_field_old_to_new(snapshot):
    items = list(snapshot.items)
    first, gone = items[0], items[1]
    risen = dataclasses.replace(first, owner="行政部", likelihood=5, impact=5, horizons=("long",))
    added = dataclasses.replace(items[2], id=999, code="PR-09", title="新增风险")
    after = next_year(snapshot, items=(risen, *items[2:], added))
    result = compare_periods(snapshot, after, TODAY)
    assert [i.code for i in result.new] == ["PR-09"]
    assert [i.code for i in result.closed] == [gone.code]
    assert [m.code for m in result.modified] == [first.code]
    changes = {c.field: (c.old, c.new) for c in result.modified[0].changes}
    assert changes == {
        "owner": (first.owner, "行政部"),
        "likelihood": (first.likelihood, 5),
        "impact": (first.impact, 5),
        "horizons": (first.horizons, ("long",)),
    }
    up = result.rerated_by(Basis.INHERENT, Direction.UP)
    assert [(r.code, r.new_score) for r in up] == [(first.code, 25)]
    assert not result.rerated_by(Basis.RESIDUAL, Direction.UP)
    matrix = result.movement_matrix(Basis.INHERENT, Kind.RISK)
    assert matrix[(first.inherent_band.value, "critical")] == [first.code]
    assert matrix[(NEW, added.inherent_band.value)] == ["PR-09"]
    assert matrix[(gone.inherent_band.value, CLOSED)] == [gone.code]
    assert sum(len(codes) for codes in matrix.values()) == len(snapshot.risks) + 1


def test_actions_added_completed_and_overdue(snapshot):
    item = snapshot.items[0]
    done = dataclasses.replace(item.mitigations[0], status=MitigationStatus.COMPLETED)
    late = MitigationSnapshot(0, 9, "新增措施", "", dt.date(2025, 1, 1), MitigationStatus.PLANNED, Decimal("5"))
    changed = dataclasses.replace(item, mitigations=(done, *item.mitigations[1:], late))
    result = compare_periods(snapshot, next_year(snapshot, items=(changed, *snapshot.items[1:])), TODAY)
    assert [(a.code, a.action.description) for a in result.actions_added] == [(item.code, "新增措施")]
    assert [a.action.description for a in result.actions_completed] == [done.description]
    assert (item.code, "新增措施") in {(a.code, a.action.description) for a in result.actions_overdue}
    assert not result.modified  # actions are reported as actions, not as a changed item


def with_metrics(snap: RegisterSnapshot, inventory: Inventory) -> RegisterSnapshot:
    current = dataclasses.replace(snap.metrics.current, inventory=inventory)
    return dataclasses.replace(snap, metrics=dataclasses.replace(snap.metrics, current=current))


def test_metrics_and_narratives_are_compared_by_code(snapshot):
    inventory = snapshot.metrics.current.inventory
    waste = CustomMetric("危险废弃物产生总量", "Hazardous waste", "吨", Decimal("98.66"))
    before = with_metrics(snapshot, dataclasses.replace(inventory, custom=(waste,)))
    fugitive = inventory.line("scope1.fugitive")
    changed = inventory.with_line(dataclasses.replace(fugitive, value=fugitive.value + 1))
    changed = dataclasses.replace(changed, basis=dataclasses.replace(changed.basis, gwp="IPCC AR6"))
    after = next_year(with_metrics(snapshot, changed))
    narrative = dataclasses.replace(snapshot.period.narrative, governance="新的治理说明")
    after = dataclasses.replace(after, period=dataclasses.replace(after.period, narrative=narrative))
    result = compare_periods(before, after, TODAY)
    by_key = {(s.section, s.key, s.removed): s for s in result.sections}
    [value] = by_key[("metrics.lines", "scope1.fugitive", False)].changes
    assert (value.field, value.old, value.new) == ("value", Decimal("238.56"), Decimal("239.56"))
    assert ("metrics.custom", "危险废弃物产生总量 吨", True) in by_key
    assert [c.field for c in by_key[("metrics.basis", "basis", False)].changes] == ["gwp"]
    assert len(result.sections) == 3
    assert [c.field for c in result.period_changes] == ["narrative.governance"]


def test_a_snapshot_survives_storage_as_json_whole(snapshot):
    stored = json.loads(canonical_json(to_data(snapshot)))
    back = from_data(RegisterSnapshot, stored)
    assert back.items == snapshot.items and back.metrics == snapshot.metrics and back.period == snapshot.period
    assert isinstance(back.items[0].mitigations[0].status, MitigationStatus)
    assert snapshot_hash(back) == snapshot_hash(snapshot)


def test_the_content_text_is_the_json_of_the_snapshot_data(snapshot):
    """The encoder writing records itself (shallow_data) makes exactly the text of to_data's data, so
    hashes stored before it are matched."""
    plain = json.dumps(to_data(snapshot), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert content_text(snapshot) == plain


def test_the_hash_follows_content_only(snapshot):
    same = dataclasses.replace(snapshot, prepared_by="someone else", prepared_on=dt.date(2000, 1, 1))
    assert snapshot_hash(same) == snapshot_hash(snapshot)
    assert len(snapshot_hash(snapshot)) == 64
    edited = dataclasses.replace(snapshot.items[0], title=snapshot.items[0].title + "。")
    assert snapshot_hash(dataclasses.replace(snapshot, items=(edited, *snapshot.items[1:]))) != snapshot_hash(snapshot)


@dataclasses.dataclass(frozen=True)
class Later:
    """A record as it is after it gained a section with a default."""

    code: str
    extra: tuple[MitigationSnapshot, ...] = ()


def test_data_stored_before_a_record_gained_a_section_reads_with_its_default():
    assert from_data(Later, {"code": "X"}) == Later("X")
    action = MitigationSnapshot(1, 0, "a", "", None, MitigationStatus.PLANNED, None)
    assert from_data(Later, to_data(Later("X", (action,)))) == Later("X", (action,))


def test_a_changed_financial_effect_is_named_field_by_field(snapshot):
    from carthane_tcfd.domain.comparison_text import change_text

    item = snapshot.items[0]
    effects = dataclasses.replace(item.effects, current_cny=Decimal("1500000"))
    changed = dataclasses.replace(item, effects=effects)
    result = compare_periods(snapshot, next_year(snapshot, items=(changed, *snapshot.items[1:])), TODAY)
    (change,) = result.modified[0].changes
    assert change.field == "effects.current_cny" and change.new == Decimal("1500000")
    assert change_text(change, "en").startswith("Financial effects · Current effect (CNY): ")


def test_the_scenario_set_is_compared_by_scenario_name(snapshot):
    assert snapshot.scenarios is not None and snapshot.scenarios.scenarios
    first = snapshot.scenarios.scenarios[0]
    renamed = dataclasses.replace(first, name="新情景")
    inputs = dataclasses.replace(snapshot.scenarios.inputs, resilience="新的韧性说明")
    scenarios = dataclasses.replace(
        snapshot.scenarios, year=2025, scenarios=(renamed, *snapshot.scenarios.scenarios[1:]), inputs=inputs
    )
    result = compare_periods(snapshot, next_year(snapshot, scenarios=scenarios), TODAY)
    found = {(s.section, s.key, s.added, s.removed) for s in result.sections}
    assert ("scenarios.scenarios", "新情景", True, False) in found
    assert ("scenarios.scenarios", first.name, False, True) in found
    inputs_change = next(s for s in result.sections if s.key == "inputs")
    assert [c.field for c in inputs_change.changes] == ["resilience"]
