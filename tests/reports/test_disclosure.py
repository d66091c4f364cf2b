"""The disclosure index tells the truth: each row's status follows the register's data, and its link
points at the cell that answers it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from openpyxl import load_workbook

from carthane_tcfd.reports.boardpack import write_board_pack
from carthane_tcfd.reports.pack_disclosure import REQUIREMENTS, Status, statuses


@pytest.fixture(scope="module")
def snapshot_module(tmp_path_factory):
    from carthane_tcfd.services.register import open_register

    reg = open_register(f"sqlite:///{tmp_path_factory.mktemp('db') / 'r.db'}")
    snap = reg.periods.snapshot(2024)
    reg.close()
    return snap


def status_of(snapshot, framework, reference):
    return next(s for f, r, s in statuses(snapshot) if f == framework and r == reference)


def test_the_index_covers_tcfd_ifrs_s2_sse_20_to_28_and_the_mof_chapters():
    frameworks = [f for f, *_ in REQUIREMENTS]
    assert frameworks.count("TCFD") == 11
    sse = [r for f, r, *_ in REQUIREMENTS if f == "SSE 14"]
    assert sse[0] == "第二十条" and len(sse) == 9, "articles 20 to 28 as the report's appendix lists them"
    assert any(r.startswith("¶29(a)") for f, r, *_ in REQUIREMENTS if f == "IFRS S2")
    assert sum(1 for f in frameworks if "MoF" in f) == 4


def test_seeded_statuses_follow_what_the_register_holds(snapshot_module):
    assert status_of(snapshot_module, "TCFD", "治理 a / Governance a") is Status.ANSWERED
    assert status_of(snapshot_module, "TCFD", "风险管理 c / Risk management c") is Status.ANSWERED
    assert status_of(snapshot_module, "TCFD", "指标与目标 b / Metrics and targets b") is Status.ANSWERED
    assert status_of(snapshot_module, "TCFD", "风险管理 b / Risk management b") is Status.PARTLY, "no owners or dates"
    assert status_of(snapshot_module, "TCFD", "指标与目标 c / Metrics and targets c") is Status.PARTLY
    assert status_of(snapshot_module, "IFRS S2", "¶29(b)–(f)") is Status.PARTLY, "some cross-industry metrics"


def test_statuses_change_with_the_data(snapshot_module):
    empty = dataclasses.replace(snapshot_module.period.narrative, governance="", governance_en="")
    snap = dataclasses.replace(snapshot_module, period=dataclasses.replace(snapshot_module.period, narrative=empty))
    assert status_of(snap, "TCFD", "治理 a / Governance a") is Status.NOT_YET
    no_metrics = dataclasses.replace(snapshot_module, metrics=None)
    assert status_of(no_metrics, "IFRS S2", "¶29(a)") is Status.NOT_YET
    assert status_of(no_metrics, "SSE 14", "第二十条") is Status.NOT_YET, "no energy figures"
    planned = tuple(
        dataclasses.replace(
            i,
            mitigations=tuple(dataclasses.replace(m, owner="安环部", due=dt.date(2030, 1, 1)) for m in i.mitigations),
        )
        for i in snapshot_module.items
    )
    snap = dataclasses.replace(snapshot_module, items=planned)
    assert status_of(snap, "TCFD", "风险管理 b / Risk management b") is Status.ANSWERED


def test_each_row_links_to_the_cell_that_answers_it_in_the_editions_language(tmp_path, snapshot_module):
    wb = load_workbook(write_board_pack(snapshot_module, tmp_path / "p.xlsx", "en", with_matrix_image=False))
    ws = wb["Disclosure index"]
    rows = [r for r in ws.iter_rows(min_row=5, max_row=4 + len(REQUIREMENTS))]
    assert len(rows) == len(REQUIREMENTS)
    governance = next(r for r in rows if r[1].value == "Governance a")
    assert governance[3].value == "Answered"
    target = governance[4].hyperlink.location
    sheet, cell = target.split("!")
    assert wb[sheet.strip("'")][cell].value.startswith("Governance"), "the narrative's heading"
    assert governance[4].value == "Governance", "on paper the sheet's name, not a cell address"
    article20 = next(r for r in rows if r[1].value == "Article 20")
    assert article20[3].value == "Answered"
    for row in rows:
        sheet = row[4].hyperlink.location.split("!")[0].strip("'")
        assert sheet in wb.sheetnames
        assert row[3].value in ("Answered", "Partly", "Not yet")
        assert row[3].value == "Answered" or row[5].value, "what is missing, unless answered"
