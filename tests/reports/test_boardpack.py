"""The board pack read back as a reader sees it (openpyxl, and python-calamine as a second reader)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from carthane_tcfd.domain.errors import UserError
from carthane_tcfd.domain.records import MitigationSnapshot
from carthane_tcfd.domain.scales import Band
from carthane_tcfd.domain.taxonomy import MitigationStatus
from carthane_tcfd.reports import atomic
from carthane_tcfd.reports.boardpack import default_file_name, write_board_pack

ZH_SHEETS = [
    "封面",
    "执行摘要",
    "治理",
    "风险",
    "机遇",
    "行动跟踪",
    "风险矩阵",
    "财务影响",
    "情景分析",
    "情景评估表",
    "指标与目标",
    "与上一年度相比",
    "方法说明",
    "披露索引",
]
EN_SHEETS = [
    "Cover",
    "Executive summary",
    "Governance",
    "Risks",
    "Opportunities",
    "Action tracker",
    "Risk Matrix",
    "Financial effects",
    "Scenario analysis",
    "Scenario grid",
    "Metrics and targets",
    "Changes since last period",
    "Methodology",
    "Disclosure index",
]
INJECTIONS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR"]
READ_BACK = {v.replace("\r", "\n") for v in INJECTIONS}  # an XML writer may turn CR into LF


def as_excel_reads(value):
    """Text as Excel shows it: OOXML writes control characters as _xHHHH_ escapes (CR as _x000D_),
    which Excel and python-calamine decode and openpyxl leaves as they are."""
    if not isinstance(value, str):
        return value
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), value).replace("\r", "\n")


def rows_of(ws, header_row=4):
    heads = [c.value for c in ws[header_row]]
    out = []
    for row in ws.iter_rows(min_row=header_row + 1, values_only=True):
        if row[0] is None:
            break
        out.append(dict(zip(heads, row, strict=False)))
    return out


@pytest.fixture(scope="module")
def packs(tmp_path_factory, snapshot_module):
    folder = tmp_path_factory.mktemp("packs")
    paths = {}
    for lang in ("zh", "en"):
        paths[lang] = write_board_pack(snapshot_module, folder / default_file_name(2024, lang), lang)
    return paths


@pytest.fixture(scope="module")
def snapshot_module(tmp_path_factory):
    from carthane_tcfd.services.register import open_register

    reg = open_register(f"sqlite:///{tmp_path_factory.mktemp('db') / 'r.db'}")
    snap = reg.periods.snapshot(2024)
    reg.close()
    return snap


def test_the_english_edition_of_the_seeded_pack_holds_no_chinese_and_counts_nothing_pending(packs):
    """Every cell of the English edition is English (the seed's texts all have their translations, the
    metrics' sources and reasons included), and the cover says so."""
    import re

    chinese = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
    wb = load_workbook(packs["en"])
    found = [
        f"{ws.title}!{c.coordinate}: {c.value[:40]}"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and chinese.search(c.value)
    ]
    assert found == []
    cover = {r[1]: r[2] for r in wb["Cover"].iter_rows(values_only=True) if len(r) > 2}
    assert cover["English text pending"] == "None"


def test_sheet_names_follow_the_language(packs):
    assert load_workbook(packs["zh"]).sheetnames == ZH_SHEETS
    assert load_workbook(packs["en"]).sheetnames == EN_SHEETS
    assert packs["zh"].name == "凯众TCFD董事会材料_2024.xlsx"


def test_register_sheets_hold_the_seed_items_with_their_taxonomy(packs):
    wb = load_workbook(packs["zh"])
    risks = rows_of(wb["风险"])
    assert [r["编号"] for r in risks] == ["PR-01", "PR-02", "TR-01", "TR-02", "TR-03", "TR-04"]
    pr01 = risks[0]
    assert pr01["名称"].split("\n") == ["极端天气", "物理风险-急性"] and pr01["时间范围"] == "短期"
    assert pr01["价值链"].split("\n") == ["运营", "下游"]
    assert pr01["潜在财务影响"].split("\n") == ["财产损失增加", "运营成本增加", "营业收入下降"], "the report's order"
    assert pr01["固有评级"] == "高*\n12 (3 × 4)" and pr01["剩余评级"] == "中*\n6 (2 × 3)"
    assert pr01["主要应对措施"].startswith("1. 每年开展生产基地投保工作")
    opportunities = rows_of(wb["机遇"])
    assert [r["编号"] for r in opportunities] == ["OP-01", "OP-02", "OP-03", "OP-04", "OP-05"]
    assert opportunities[1]["名称"].endswith("能源来源")
    en = rows_of(load_workbook(packs["en"])["Risks"])
    assert en[2]["Title"].endswith("Transition risk – policy and legal")
    assert en[2]["Time horizons"].split("\n") == ["Short term", "Medium term", "Long term"]
    assert en[4]["Financial impacts"].split("\n") == ["Operating cost increase", "Revenue decrease"]


def test_band_cells_are_coloured_with_the_one_palette(packs):
    ws = load_workbook(packs["en"])["Risks"]
    heads = [c.value for c in ws[4]]
    for head in ("Inherent rating", "Residual rating"):
        col = heads.index(head) + 1
        for row in range(5, 11):
            cell = ws.cell(row, col)
            band = next(b for b in Band if cell.value.startswith(b.label("en")))
            assert cell.fill.fgColor.rgb.upper().endswith(band.colour.lstrip("#").upper())
    ws = load_workbook(packs["en"])["Opportunities"]
    cell = ws.cell(5, heads.index("Inherent rating") + 1)
    band = next(b for b in Band if cell.value.startswith(b.label("en")))
    assert cell.fill.fgColor.rgb.upper().endswith(band.opportunity_colour.lstrip("#").upper())


def test_registers_are_excel_tables_with_frozen_headers_and_print_settings(packs):
    wb = load_workbook(packs["en"])
    for name, table in (("Risks", "Risks"), ("Opportunities", "Opportunities"), ("Action tracker", "Mitigations")):
        ws = wb[name]
        assert table in ws.tables
        assert ws.tables[table].tableStyleInfo.showRowStripes
        assert ws.freeze_panes is not None and ws.freeze_panes.endswith("5")
        assert ws.print_title_rows == "$4:$4"
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        # one page wide: fitToWidth 1 is the file format's default, which a writer may leave implicit
        assert (ws.page_setup.fitToWidth or 1) == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_area
        assert "Page &P of &N" in ws.oddFooter.right.text
        assert re.search(r"Content ID [0-9a-f]{12}", ws.oddFooter.left.text)
        assert "Confidential" in ws.oddHeader.right.text and "DRAFT" in ws.oddHeader.center.text
    for name in ("Risks", "Opportunities", "Action tracker"):
        assert wb[name].page_setup.orientation == "landscape", "wide tables print across the page"
    assert wb["Governance"].page_setup.orientation == "portrait", "prose prints down the page"


def test_action_tracker_sorts_by_due_date_flags_overdue_and_colours_status(tmp_path, snapshot_module):
    item = snapshot_module.items[0]
    due_past = MitigationSnapshot(
        9001,
        3,
        "补充防汛沙袋",
        "安环部",
        dt.date(2020, 1, 31),
        MitigationStatus.PLANNED,
        Decimal("1234567.5"),
        "Sandbags",
    )
    done = MitigationSnapshot(9002, 4, "完成演练", "", dt.date(2030, 1, 1), MitigationStatus.COMPLETED, None)
    changed = dataclasses.replace(item, mitigations=(*item.mitigations, done, due_past))
    snap = dataclasses.replace(snapshot_module, items=(changed, *snapshot_module.items[1:]))
    path = write_board_pack(snap, tmp_path / "p.xlsx", "en", with_matrix_image=False)
    ws = load_workbook(path)["Action tracker"]
    rows = rows_of(ws)
    assert len(rows) == sum(len(i.mitigations) for i in snap.items)
    assert [r["Action"] for r in rows[:2]] == ["Sandbags", "完成演练 (English text pending)"], "by due date"
    row = rows[0]
    assert row["Due date"] == dt.datetime(2020, 1, 31) and row["Status"] == "Planned"
    assert row["Estimated cost (CNY)"] == 1234567.5 and row["Overdue"] == "Yes"
    assert ws.cell(5, 9).number_format == "#,##0.00"
    assert ws.cell(5, 6).number_format == "yyyy-mm-dd"
    assert ws.cell(5, 4).fill.fgColor.rgb.endswith("F8CBAD")
    assert ws.cell(5, 7).fill.fgColor.rgb.endswith("F8CBAD"), "overdue: red"
    assert ws.cell(6, 7).fill.fgColor.rgb.endswith("C6EFCE"), "completed: green"
    seeded = rows[2]
    assert seeded["Status"] == "Not stated in the report" and ws.cell(7, 7).fill.fgColor.rgb.endswith("FFE699")
    assert seeded["Action"].startswith("Insure the production sites every year"), "the English text"
    assert ws["A3"].value.startswith(
        "22 actions: 21 open, of which 1 overdue, 20 without an owner, 20 without a due date."
    )
    summary = {row[0]: row[1] for row in load_workbook(path)["Executive summary"].iter_rows(values_only=True)}
    assert summary["Overdue actions"] == f"1 — {item.code}"
    assert summary["Open actions without an owner"].startswith("20 — "), "counted in actions, as the tracker counts"


def test_formula_like_text_is_stored_as_text_in_every_text_field(tmp_path, snapshot_module):
    item = snapshot_module.items[0]
    mitigations = tuple(
        dataclasses.replace(m, description=INJECTIONS[n % 6], owner=INJECTIONS[(n + 1) % 6])
        for n, m in enumerate(item.mitigations)
    )
    evil = dataclasses.replace(
        item,
        title=INJECTIONS[0],
        title_en=INJECTIONS[0],
        description=INJECTIONS[1],
        owner=INJECTIONS[2],
        mitigations=mitigations,
    )
    period = dataclasses.replace(
        snapshot_module.period,
        title=INJECTIONS[3],
        narrative=dataclasses.replace(
            snapshot_module.period.narrative,
            governance=INJECTIONS[4],
            governance_en=INJECTIONS[4],
            key_messages=INJECTIONS[5],
            key_messages_en=INJECTIONS[5],
        ),
    )
    snap = dataclasses.replace(snapshot_module, items=(evil,), period=period)
    for lang in ("zh", "en"):
        path = write_board_pack(snap, tmp_path / f"evil-{lang}.xlsx", lang, with_matrix_image=False)
        wb = load_workbook(path)
        found = set()
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula: {cell.value!r}"
                    text = as_excel_reads(cell.value)
                    if text in READ_BACK:
                        found.add(text)
        assert found == READ_BACK, f"every injection string survives as text ({lang})"


def test_a_second_reader_opens_the_pack(packs):
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(packs["zh"]))
    assert book.sheet_names == ZH_SHEETS
    risks = book.get_sheet_by_name("风险").to_python()
    codes = [row[0] for row in risks if str(row[0]).startswith(("PR-", "TR-"))]
    assert codes == ["PR-01", "PR-02", "TR-01", "TR-02", "TR-03", "TR-04"]
    metrics = book.get_sheet_by_name("指标与目标").to_python()
    assert any(row[0] == "排放总量" or "温室气体排放总量" in str(row[0]) for row in metrics)


def test_summary_metrics_methodology_and_disclosure_say_what_the_board_needs(packs):
    wb = load_workbook(packs["en"])
    summary = [c for row in wb["Executive summary"].iter_rows(values_only=True) for c in row if c is not None]
    assert "Top risks by residual rating" in summary and "Top opportunities by residual rating" in summary
    assert "First period in the register: there is no previous period to compare with." in summary
    assert "TR-01" in summary
    metrics = {
        row[0].strip(): row[2]
        for row in wb["Metrics and targets"].iter_rows(min_row=4, values_only=True)
        if row[0] and isinstance(row[2], float)
    }
    assert metrics["Total GHG emissions (scopes 1, 2, 3)"] == 10134.03
    assert metrics["Scope 2, location-based"] == 8022.84
    method = [c for row in wb["Methodology"].iter_rows(values_only=True) for c in row if c]
    assert "Within 1 year" in method and "10–16" in method and "CNY 2m–10m" in method
    index = [row for row in wb["Disclosure index"].iter_rows(min_row=5, values_only=True) if row[0]]
    assert sum(1 for r in index if r[0] == "TCFD") == 11
    assert [r[1] for r in index if r[0] == "SSE 14"] == [f"Article {n}" for n in range(20, 29)]
    governance = [c for row in wb["Governance"].iter_rows(values_only=True) for c in row if c]
    assert any(str(c).startswith("Strategy Committee: oversees climate management") for c in governance)
    assert "Better governance, better processes" in governance, "the report's heading, in English"


def test_cover_carries_the_sign_off_block_the_draft_line_and_the_content_id(packs, snapshot_module):
    from carthane_tcfd.domain.fingerprint import snapshot_hash

    ws = load_workbook(packs["en"])["Cover"]
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if c]
    assert "DRAFT — not yet approved by the Board Strategy Committee" in cells
    rows = [[c for c in row if c] for row in ws.iter_rows(values_only=True)]
    signoff = {r[0]: r[1:] for r in rows if r and r[0] in ("Prepared by", "Submitted for review by", "Approved by")}
    assert signoff["Prepared by"][0] == "Transcribed by the application from the 2024 ESG report (no preparer yet)", (
        "who changed the content, from the audit trail; the seed said in words, not by its audit name"
    )
    assert signoff["Submitted for review by"] == ["—", "—", "not yet"]
    assert signoff["Approved by"] == ["—", "—", "not yet"]
    content = next(r[1] for r in rows if r and r[0] == "Content ID")
    assert content.startswith(f"{snapshot_hash(snapshot_module)[:12]} — ")
    assert "Decision requested of the committee" in cells and "English text pending" in cells
    assert "Prepared by: root" not in cells


def test_english_text_pending_is_marked_and_counted(tmp_path, snapshot_module):
    item = dataclasses.replace(snapshot_module.items[0], description_en="")
    metrics = snapshot_module.metrics
    assert metrics is not None and metrics.current.inventory.basis.verification_note_en  # the seed's English
    inventory = metrics.current.inventory
    inventory = dataclasses.replace(inventory, basis=dataclasses.replace(inventory.basis, verification_note_en=""))
    current = dataclasses.replace(metrics.current, inventory=inventory)
    snap = dataclasses.replace(
        snapshot_module,
        items=(item, *snapshot_module.items[1:]),
        metrics=dataclasses.replace(metrics, current=current),
    )
    path = write_board_pack(snap, tmp_path / "p.xlsx", "en", with_matrix_image=False)
    wb = load_workbook(path)
    pr01 = rows_of(wb["Risks"])[0]
    assert pr01["Description"] == f"{item.description} (English text pending)"
    cover = [c for row in wb["Cover"].iter_rows(values_only=True) for c in row if c]
    # the description and the inventory basis's verification note: each printed once, marked
    assert "2 Chinese texts without English yet" in cover
    marked = [
        (ws.title, c.coordinate)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.endswith("(English text pending)")
    ]
    assert len(marked) == 2 and {title for title, _cell in marked} == {"Risks", "Metrics and targets"}


def test_matrix_sheet_paints_codes_in_band_cells_and_holds_the_figure(packs):
    ws = load_workbook(packs["zh"])["风险矩阵"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert "风险矩阵 — 固有" in cells and "机遇矩阵 — 剩余" in cells
    tr01 = next(c for row in ws.iter_rows() for c in row if c.value and "TR-01" in str(c.value))
    assert tr01.fill.fgColor.rgb.endswith(Band.CRITICAL.colour.lstrip("#"))  # inherent 5×4
    assert len(ws._images) == 1


def test_empty_period_gives_a_valid_pack_that_says_so(tmp_path):
    from carthane_tcfd.services.register import open_register

    reg = open_register(f"sqlite:///{tmp_path / 'e.db'}", seed=False)
    reg.periods.create(2025, "2025")
    snap = reg.periods.snapshot(2025)
    reg.close()
    path = write_board_pack(snap, tmp_path / "empty.xlsx", "en")
    wb = load_workbook(path)
    assert wb.sheetnames == EN_SHEETS
    cover = [c for row in wb["Cover"].iter_rows(values_only=True) for c in row if c]
    assert any("register for this period is empty" in str(c) for c in cover)
    assert not wb["Risks"].tables


def test_a_failed_write_keeps_the_old_file(tmp_path, snapshot_module, monkeypatch):
    target = tmp_path / "pack.xlsx"
    target.write_bytes(b"the previous pack")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(UserError, match="disk is full"):
        write_board_pack(snapshot_module, target, "en", with_matrix_image=False)
    assert target.read_bytes() == b"the previous pack"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.xlsx"], "no temporary file is left behind"


def test_an_unwritable_folder_gives_one_clear_message(tmp_path, snapshot_module):
    with pytest.raises(UserError, match="folder does not exist"):
        write_board_pack(snapshot_module, tmp_path / "missing" / "p.xlsx", "en", with_matrix_image=False)


def test_an_approved_period_prints_who_signed_when_and_no_draft_banner(tmp_path, snapshot_module):
    from carthane_tcfd.domain.signoff import Signoff, SignoffRecord
    from carthane_tcfd.domain.taxonomy import PeriodStatus, WorkflowStep

    def record(step, to, who, day, comment="", meeting=None, reference=""):
        at = dt.datetime(2025, 3, day, 9, 0)
        return SignoffRecord(step, PeriodStatus.DRAFT, to, who, who, at, comment, meeting, reference, False, None)

    signoff = Signoff(
        records=(
            record(WorkflowStep.SUBMIT, PeriodStatus.IN_REVIEW, "王芳", 3, "请审阅"),
            record(WorkflowStep.APPROVE, PeriodStatus.APPROVED, "李强", 20, "同意", dt.date(2025, 3, 18), "SC-2025-02"),
        ),
        preparers=("王芳", "张伟"),
        last_edit=dt.datetime(2025, 3, 2, 8, 0),
        one_person_team=False,
    )
    period = dataclasses.replace(snapshot_module.period, status=PeriodStatus.APPROVED)
    snap = dataclasses.replace(snapshot_module, period=period, signoff=signoff)
    wb = load_workbook(write_board_pack(snap, tmp_path / "a.xlsx", "en", with_matrix_image=False))
    rows = [[c for c in row if c] for row in wb["Cover"].iter_rows(values_only=True)]
    signed = {r[0]: r[1:] for r in rows if r and r[0] in ("Prepared by", "Submitted for review by", "Approved by")}
    assert signed["Prepared by"] == ["王芳, 张伟", "2025-03-02"]
    assert signed["Submitted for review by"] == ["王芳", "2025-03-03", "请审阅"]
    assert signed["Approved by"] == ["李强", "2025-03-20", "committee meeting 2025-03-18 SC-2025-02"]
    assert not any("DRAFT" in str(c) for r in rows for c in r)
    assert all("DRAFT" not in (ws.oddHeader.center.text or "") for ws in wb.worksheets)


def test_numbers_show_the_places_they_were_given_and_whole_numbers_no_point(packs):
    """Optional decimal places ("#,##0.######") make Excel show a whole number with a trailing point."""
    wb = load_workbook(packs["en"])
    numbers = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, int | float)]
    assert numbers and not [c.number_format for c in numbers if re.search(r"\.0*#", c.number_format)]
    ws = wb["Metrics and targets"]
    formats = {r[0].value.strip(): r[2].number_format for r in ws.iter_rows() if r[0].value and len(r) > 2}
    assert formats["Scope 1 GHG emissions"] == "#,##0.00"


def test_an_export_reports_its_steps_and_a_cancel_leaves_the_old_file(tmp_path, snapshot_module):
    from carthane_tcfd.domain.errors import Cancelled

    steps = []
    path = write_board_pack(snapshot_module, tmp_path / "p.xlsx", "en", progress=lambda d, t: steps.append((d, t)))
    assert steps[0] == (0, steps[-1][1]) and steps[-1][0] == steps[-1][1], "from the first step to the last"
    assert [d for d, _t in steps] == sorted(d for d, _t in steps)
    before = path.read_bytes()

    def cancel_at_the_fifth(done, total):
        if done == 5:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_board_pack(snapshot_module, path, "en", progress=cancel_at_the_fifth)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["p.xlsx"]


def test_the_sheets_scratch_files_are_removed_written_or_failed(tmp_path, snapshot_module, monkeypatch):
    """xlsxwriter writes each sheet's XML to a scratch folder (Book.close): gone afterwards, also when the
    disk fills up while it writes them, which is said plainly and prints nothing else."""
    import tempfile

    from xlsxwriter.packager import Packager

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    write_board_pack(snapshot_module, tmp_path / "p.xlsx", "en")
    assert list(scratch.iterdir()) == []

    def full(self):
        (Path(self.tmpdir) / "half-written.xml").write_text("<worksheet>")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Packager, "_write_worksheet_files", full)
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    with pytest.raises(UserError, match="the disk is full") as failed:
        write_board_pack(snapshot_module, tmp_path / "q.xlsx", "en")
    del failed
    gc.collect()
    assert list(scratch.iterdir()) == [] and not (tmp_path / "q.xlsx").exists()
    assert unraisable == [], "nothing printed as 'Exception ignored'"
