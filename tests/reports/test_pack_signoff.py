"""The pack of an approved period: the cover's sign-off block with the three officers and the snapshot's
hash, the "Changes since last period" sheet and the summary's change line, read back as a reader sees them."""

from __future__ import annotations

import dataclasses

import pytest
from openpyxl import load_workbook

from carthane_tcfd.domain.signoff import StepRequest
from carthane_tcfd.reports.boardpack import write_board_pack
from carthane_tcfd.services.register import open_register


def texts(ws) -> list[str]:
    return [str(c) for row in ws.iter_rows(values_only=True) for c in row if c not in (None, "")]


@pytest.fixture(scope="module")
def approved_2025(tmp_path_factory):
    """2024 copied to 2025 by Ann; two items changed, one removed, one added; Bo submits, Cai approves."""
    url = f"sqlite:///{tmp_path_factory.mktemp('signoff') / 'r.db'}"
    names = ("Ann Li", "Bo Wang", "Cai Chen")
    ann, bo, cai = (open_register(url, user=name) for name in names)
    cai.set_signer("Chen Cai", "Chair, Board Strategy Committee")
    ann.periods.copy_to_next_year(2024)
    first, second, third = ann.items.in_period(2025)[:3]
    ann.items.update(first.id, dataclasses.replace(first.to_draft(), owner="行政部"), first.version)
    ann.items.update(second.id, dataclasses.replace(second.to_draft(), likelihood=5, impact=5), second.version)
    ann.items.delete(third.id, third.version)
    fourth = ann.items.in_period(2025)[3]
    draft = dataclasses.replace(fourth.to_draft(), title="新增：供应链碳关税", title_en="New: carbon tariff")
    draft.mitigations = []
    added = ann.items.create(2025, draft)
    bo.workflow.submit(2025, StepRequest("请审阅"))
    cai.workflow.approve(2025, StepRequest("同意提交董事会", meeting_reference="BSC-2025-1"))
    snapshot = cai.periods.snapshot(2025)
    for reg in (ann, bo, cai):
        reg.close()
    return snapshot, (first.code, second.code, third.code, added.code)


def test_the_cover_names_who_prepared_submitted_and_approved_and_prints_the_hash(approved_2025, tmp_path):
    snapshot, _codes = approved_2025
    wb = load_workbook(write_board_pack(snapshot, tmp_path / "p.xlsx", "en", with_matrix_image=False))
    cover = "\n".join(texts(wb["Cover"]))
    assert "Ann Li" in cover and "Bo Wang" in cover
    assert "Chen Cai — Chair, Board Strategy Committee" in cover  # the approver's display name and role
    assert "Cai Chen" not in cover
    assert "Prepared by" in cover and "Submitted for review by" in cover and "Approved by" in cover
    assert "BSC-2025-1" in cover
    assert snapshot.frozen_hash and f"Approved snapshot SHA-256\n{snapshot.frozen_hash}" in cover
    assert "Segregation of duties is relaxed" not in cover


def test_the_changes_sheet_lists_exactly_the_four_changes_and_the_movement(approved_2025, tmp_path):
    snapshot, (first, second, third, added) = approved_2025
    wb = load_workbook(write_board_pack(snapshot, tmp_path / "p.xlsx", "en", with_matrix_image=False))
    ws = wb["Changes since last period"]
    rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    flat = texts(ws)
    assert "2024 → 2025: 1 new, 1 closed, 2 modified; Inherent rating up 1" in flat[2]

    def section(title: str) -> list[list[object]]:
        start = next(i for i, r in enumerate(rows) if r[0] == title) + 2
        end = next(i for i in range(start, len(rows)) if rows[i][0] is None and rows[i][1] is None)
        return rows[start:end]

    assert [r[0] for r in section("New items")] == [added]
    assert [r[0] for r in section("Closed items (open last period; closed or gone now)")] == [third]
    modified = section("Modified items (field: last period → this period)")
    assert [r[0] for r in modified if r[0]] == [first, second]
    assert [r[1] for r in modified][:3] == ["Owner", "Inherent likelihood", "Inherent impact"]
    assert "Rating movement · Risk · Inherent" in flat
    summary = texts(wb["Executive summary"])
    assert f"1 — {added}" in summary and f"1 — {third}" in summary


def test_a_pack_without_a_previous_period_says_so(snapshot, tmp_path):
    wb = load_workbook(write_board_pack(snapshot, tmp_path / "p.xlsx", "en", with_matrix_image=False))
    assert "There is no previous period to compare with." in texts(wb["Changes since last period"])
    assert "Approved snapshot SHA-256" not in texts(wb["Cover"])


def test_the_cover_prints_the_one_person_team_relaxation(tmp_path):
    from carthane_tcfd.domain.records import PeriodDraft

    reg = open_register(f"sqlite:///{tmp_path / 'r.db'}", user="Ann Li")
    p = reg.periods.get(2024)
    draft = PeriodDraft(p.title, p.matrix_size, p.horizon_definitions, list(p.impact_thresholds_cny), p.narrative)
    reg.periods.update(2024, dataclasses.replace(draft, one_person_team=True), p.version)
    reg.workflow.submit(2024, StepRequest())
    reg.workflow.approve(2024, StepRequest("一人团队批准"))
    snapshot = reg.periods.snapshot(2024)
    reg.close()
    wb = load_workbook(write_board_pack(snapshot, tmp_path / "p.xlsx", "en", with_matrix_image=False))
    cover = "\n".join(texts(wb["Cover"]))
    assert "Segregation of duties is relaxed for this period (one-person team)" in cover
    assert "(approved under the one-person-team setting)" in cover
