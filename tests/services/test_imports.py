"""Import of a filled template, on SQLite and PostgreSQL: dry run, exact edits, conflicts, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from carthane_tcfd.cli import item_json
from carthane_tcfd.domain.errors import PeriodLocked, UserError
from carthane_tcfd.domain.imports import MAX_LISTED_PROBLEMS, problem_lines
from carthane_tcfd.domain.signoff import StepRequest
from carthane_tcfd.domain.taxonomy import Kind, MitigationStatus
from carthane_tcfd.reports.template_reader import ReadOptions, read_template
from carthane_tcfd.reports.template_writer import TemplateRequest, save_template
from carthane_tcfd.services.imports import ImportRefused
from carthane_tcfd.services.register import open_register
from carthane_tcfd.store.models import AuditEntry, Item
from tests.reports.hostile_corpus import CORPUS, genuine_template, make_corpus


def make_template(register, folder: Path, request: TemplateRequest | None = None) -> Path:
    target = folder / "template.xlsx"
    save_template(
        register.imports.template_source(2024),
        target,
        request or TemplateRequest("en"),
        register=register.location,
        made_by=register.user,
    )
    return target


def edit(path: Path, change) -> Path:
    wb = openpyxl.load_workbook(path)
    change(wb)
    target = path.with_name("edited.xlsx")
    wb.save(target)
    return target


def col(ws, header: str) -> int:
    return [c.value for c in ws[1]].index(header) + 1


def listing(register) -> dict[str, dict]:
    return {i.code: item_json(i) for i in register.items.in_period(2024)}


def audit_count(register) -> int:
    with register.items.ctx.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


def test_template_imported_unedited_changes_nothing(register, tmp_path):
    template = make_template(register, tmp_path)
    before, audits = listing(register), audit_count(register)
    plan = register.imports.apply(read_template(template), lang="en")
    assert (len(plan.new), len(plan.changed), len(plan.unchanged), len(plan.conflicts)) == (0, 0, 11, 0)
    assert plan.summary("en") == "0 new, 0 changed, 11 unchanged, 0 conflicts"
    assert listing(register) == before and audit_count(register) == audits


def _two_risks_and_a_status(wb) -> None:
    items, actions = wb["Items"], wb["Actions"]
    for row, title in ((13, "Heat stress at the Shanghai plant"), (14, "Water shortage in Anhui")):
        items.cell(row, col(items, "Category"), "物理风险-慢性")  # a Chinese label in an English template
        items.cell(row, col(items, "Title"), f"  {title} ")
        items.cell(row, col(items, "Owner"), "EHS")
        items.cell(row, col(items, "Time horizons: Long term"), "✓")
        items.cell(row, col(items, "Inherent likelihood"), "３")  # full-width digit, as text
        items.cell(row, col(items, "Inherent impact"), 4)
    actions.cell(2, col(actions, "Status"), "completed")  # a code instead of a label


def test_edits_are_imported_exactly_and_audited_with_the_file_as_source(register, tmp_path):
    before = listing(register)
    edited = edit(make_template(register, tmp_path), _two_risks_and_a_status)
    preview = register.imports.preview(read_template(edited), lang="en")
    assert listing(register) == before  # the dry run wrote nothing
    assert [(n.row, n.title) for n in preview.new] == [
        (13, "Heat stress at the Shanghai plant"),
        (14, "Water shortage in Anhui"),
    ]
    [change] = preview.changed
    assert change.code == "PR-01"
    was = MitigationStatus(before["PR-01"]["mitigations"][0]["status"]).label("en")
    assert [(c.label, c.old, c.new) for c in change.changes] == [("Action 1 · Status", was, "Completed")]

    plan = register.imports.apply(read_template(edited), lang="en")
    assert plan.summary("en") == "2 new, 1 changed, 10 unchanged, 0 conflicts"
    after = listing(register)
    assert set(after) - set(before) == {"PR-03", "PR-04"}
    assert after["PR-03"]["title"] == "Heat stress at the Shanghai plant"
    assert after["PR-03"]["horizons"] == ["long"] and after["PR-03"]["likelihood"] == 3
    assert after["PR-01"]["mitigations"][0]["status"] == "completed"
    after["PR-01"]["mitigations"][0]["status"] = before["PR-01"]["mitigations"][0]["status"]
    assert {code: after[code] for code in before} == before  # nothing else moved

    pr01 = next(i for i in register.items.in_period(2024) if i.code == "PR-01")
    [entry] = [h for h in register.items.history(pr01.id) if h.field == "status"]
    assert (entry.old_value, entry.new_value, entry.who) == (
        before["PR-01"]["mitigations"][0]["status"],
        "completed",
        "alice",
    )
    assert entry.source == "import from edited.xlsx"


def test_a_change_made_after_the_template_is_a_conflict_naming_who_and_when(register, db_url, tmp_path):
    template = make_template(register, tmp_path)
    original_owner = listing(register)["TR-01"]["owner"]
    bob = open_register(db_url, user="bob")
    try:
        item = next(i for i in bob.items.in_period(2024) if i.code == "TR-01")
        draft = item.to_draft()
        draft.owner = "采购部"
        bob.items.update(item.id, draft, item.version)
    finally:
        bob.close()

    def retitle(wb) -> None:
        ws = wb["Items"]
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "TR-01")
        ws.cell(row, col(ws, "Title"), "Carbon pricing")

    edited = edit(template, retitle)
    with pytest.raises(ImportRefused) as refused:
        register.imports.apply(read_template(edited), lang="en")
    [conflict] = refused.value.plan.conflicts
    assert conflict.who == "bob" and conflict.when.date() == dt.datetime.now(dt.UTC).date()
    assert "TR-01 was changed by bob at" in conflict.message("en")
    assert listing(register)["TR-01"]["owner"] == "采购部"  # nothing written

    plan = register.imports.apply(read_template(edited), lang="en", take_file_values=True)
    assert [c.code for c in plan.changed] == ["TR-01"]
    after = listing(register)["TR-01"]
    assert (after["title"], after["owner"]) == ("Carbon pricing", original_owner)  # the whole row as the file has it


def test_an_approved_period_refuses_the_import_as_a_whole(register, tmp_path):
    edited = edit(make_template(register, tmp_path), _two_risks_and_a_status)
    register.workflow.submit(2024, StepRequest())
    approver = open_register(register.url, user="carol")  # who submits does not approve
    try:
        approver.workflow.approve(2024, StepRequest("同意"))
    finally:
        approver.close()
    audits = audit_count(register)
    with pytest.raises(PeriodLocked):
        register.imports.preview(read_template(edited))
    with pytest.raises(PeriodLocked):
        register.imports.apply(read_template(edited))
    assert audit_count(register) == audits


def test_rows_left_out_of_the_file_are_never_deleted(register, tmp_path):
    def keep_one_item(wb) -> None:
        wb["Items"].delete_rows(3, 20)
        wb["Actions"].delete_rows(3, 100)
        wb["Financial effects"].delete_rows(3, 20)
        grid = wb["Scenario grid"]
        kept = sum(1 for row in grid.iter_rows(min_row=2, max_col=1, values_only=True) if row[0] == "PR-01")
        grid.delete_rows(2 + kept, grid.max_row)

    before = listing(register)
    plan = register.imports.apply(read_template(edit(make_template(register, tmp_path), keep_one_item)))
    assert plan.unchanged == ("PR-01",)
    assert listing(register) == before


def test_any_problem_writes_nothing_and_the_list_stops_at_fifty(register, tmp_path):
    def many_bad_scores(wb) -> None:
        ws = wb["Items"]
        for row in range(13, 13 + 60):
            ws.cell(row, col(ws, "Category"), "Markets")
            ws.cell(row, col(ws, "Title"), f"New {row}")
            ws.cell(row, col(ws, "Inherent likelihood"), 9)
            ws.cell(row, col(ws, "Inherent impact"), 1)
        ws.cell(13, col(ws, "Inherent likelihood"), 2)  # one valid new row among them

    items = listing(register)
    template = read_template(edit(make_template(register, tmp_path), many_bad_scores))
    with pytest.raises(ImportRefused) as refused:
        register.imports.apply(template, lang="en")
    lines = problem_lines(refused.value.plan.problems, "en")
    assert len(refused.value.plan.problems) == 59
    assert len(lines) == MAX_LISTED_PROBLEMS + 1 and lines[-1] == "… and 9 more problems not listed"
    assert lines[0] == "sheet 'Items', row 14, column Y (Inherent likelihood): must be between 1 and 5"
    assert listing(register) == items


def test_unknown_columns_are_reported_unless_the_user_chooses_to_ignore_them(register, tmp_path):
    def add_column(wb) -> None:
        ws = wb["Items"]
        ws.cell(1, 40, "Reviewer")
        ws.cell(2, 40, "Wang")

    edited = edit(make_template(register, tmp_path), add_column)
    [problem] = read_template(edited).problems
    assert problem.message("en") == (
        "sheet 'Items', row 1, column AN (Reviewer): unknown column "
        "(choose to ignore unknown columns to import without it)"
    )
    ignoring = read_template(edited, ReadOptions(ignore_unknown_columns=True))
    assert ignoring.problems == []
    assert len(register.imports.preview(ignoring).unchanged) == 11


def test_importing_the_same_new_rows_twice_is_refused(register, tmp_path):
    edited = edit(make_template(register, tmp_path), _two_risks_and_a_status)
    register.imports.apply(read_template(edited))
    with pytest.raises(ImportRefused) as refused:
        register.imports.apply(read_template(edited), lang="en")
    assert (
        refused.value.plan.problems[0]
        .message("en")
        .startswith("sheet 'Items', row 13, column C (Title): the item PR-03 has this title already")
    )


def test_templates_of_one_owner_one_kind_or_blank(register, tmp_path):
    item = register.items.in_period(2024)[1]
    draft = item.to_draft()
    draft.owner = "安环部"
    register.items.update(item.id, draft, item.version)
    for request, expected in (
        (TemplateRequest("zh", owner=" 安环部"), [item.code]),
        (TemplateRequest("en", kind=Kind.OPPORTUNITY), ["OP-01", "OP-02", "OP-03", "OP-04", "OP-05"]),
        (TemplateRequest("en", blank=True), []),
    ):
        template = read_template(make_template(register, tmp_path, request))
        assert [row.code for row in template.items] == expected
        assert template.problems == []


def test_the_template_offers_dropdowns_dates_and_a_hidden_identity(register, tmp_path):
    wb = openpyxl.load_workbook(make_template(register, tmp_path, TemplateRequest("zh")))
    sheets = ["填写说明", "条目", "应对措施", "财务影响", "情景分析", "指标", "目标", "_lists", "_identity"]
    assert wb.sheetnames == sheets
    grid = wb["情景分析"]
    first = register.items.in_period(2024)[0]
    assert [c.value for c in grid[2]][:4] == ["PR-01", first.title, "有序转型（约 1.5 °C）", "短期"]
    grid_sources = {dv.formula1 for dv in grid.data_validations.dataValidation}
    scenario_list = next(f for f in grid_sources if f.endswith("$D$1:$D$3"))
    assert [wb["_lists"][f"D{n}"].value for n in (1, 2, 3)] == [
        "有序转型（约 1.5 °C）",
        "延迟转型（约 2 °C）",
        "现行政策（3 °C 及以上）",
    ], scenario_list
    metrics = wb["指标"]
    assert metrics["A2"].value == "scope1.stationary_combustion" and metrics["D2"].value == 1.14
    assert wb["_identity"].sheet_state == "hidden" and wb["_lists"].sheet_state == "hidden"
    items = wb["条目"]
    sources = {str(dv.sqref): dv.formula1 for dv in items.data_validations.dataValidation}
    assert any(f == "'_lists'!$A$1:$A$11" for f in sources.values())  # categories, in Chinese
    assert '"1,2,3,4,5"' in sources.values()  # scores 1..N
    assert wb["_lists"]["A1"].value == "物理风险-急性"
    actions = wb["应对措施"]
    due = actions.cell(2, col(actions, "到期日")).value
    assert due is None or isinstance(due, dt.datetime)
    identity = {r[0]: r[1] for r in wb["_identity"].iter_rows(max_col=2, values_only=True) if r[0]}
    assert identity["period"] == 2024 and identity["format"] == "carthane-tcfd-template"


def test_statuses_round_trip_in_both_languages(register, tmp_path):
    template = read_template(make_template(register, tmp_path, TemplateRequest("zh")))
    statuses = {a.draft.status for a in template.actions}
    assert statuses <= set(MitigationStatus) and statuses
    assert len(register.imports.preview(template).unchanged) == 11


def test_items_count_unchanged_by_a_refused_import(register, tmp_path):
    def bad(wb) -> None:
        wb["Items"].cell(13, 2, "Markets")  # a new row without a title

    with register.items.ctx.read() as session:
        before = session.scalar(select(func.count()).select_from(Item))
    with pytest.raises(ImportRefused):
        register.imports.apply(read_template(edit(make_template(register, tmp_path), bad)))
    with register.items.ctx.read() as session:
        assert session.scalar(select(func.count()).select_from(Item)) == before


def test_a_template_of_another_register_is_refused_even_with_the_same_codes(register, tmp_path):
    other = genuine_template(tmp_path)  # another register seeded with the same 2024 items and codes
    before = dump(register)
    with pytest.raises(ImportRefused) as refused:
        register.imports.apply(read_template(other), lang="en")
    [line] = problem_lines(refused.value.plan.problems, "en")
    assert "made from another register (corpus)" in line
    assert register.imports.preview(read_template(other), lang="en").blocked
    assert dump(register) == before


def test_a_template_of_another_period_needs_that_period_named(register, tmp_path):
    template = read_template(make_template(register, tmp_path))
    register.periods.copy_to_next_year(2024)
    before = dump(register)
    [line] = problem_lines(register.imports.preview(template, lang="en").problems, "en")
    assert line == (
        "the template belongs to 2024 but the register's current period is 2025: to import into 2024, "
        "say so (--period 2024)"
    )
    [chosen] = problem_lines(register.imports.preview(template, year=2025, lang="en").problems, "en")
    assert chosen == "the template belongs to 2024, not to the chosen period 2025"
    plan = register.imports.apply(template, year=2024, lang="en")
    assert plan.summary("en") == "0 new, 0 changed, 11 unchanged, 0 conflicts"
    assert dump(register) == before


def dump(register) -> dict[str, list[tuple]]:
    """Every row of every table, in key order: the database's content, comparable on PostgreSQL too."""
    from carthane_tcfd.store.models import Base

    with register.items.ctx.read() as session:
        return {
            table.name: [tuple(r) for r in session.execute(select(table).order_by(*table.primary_key.columns))]
            for table in Base.metadata.sorted_tables
        }


@pytest.mark.parametrize("hostile", CORPUS, ids=[h.name for h in CORPUS])
def test_every_hostile_file_leaves_every_table_as_it_was(hostile, register, tmp_path):
    made = make_corpus(make_template(register, tmp_path), tmp_path, {hostile.name})  # of this very register
    before = dump(register)
    try:
        template = read_template(made[hostile.name])
    except UserError as refused:  # refused whole, before the register is asked anything
        lines = [refused.message("en")]
    else:
        with pytest.raises(ImportRefused) as refused_plan:
            register.imports.apply(template, lang="en")
        lines = problem_lines(refused_plan.value.plan.problems, "en")
    assert len(lines) == hostile.lines, lines
    for expected in hostile.expect:
        assert any(expected in line for line in lines), (expected, lines)
    assert dump(register) == before


def test_financial_effects_are_imported_from_their_sheet(register, tmp_path):
    item = next(i for i in register.items.in_period(2024) if i.code == "PR-01")
    horizon = item.horizons[0]
    missing = next(h for h in ("short", "medium", "long") if h not in item.horizons)
    labels = {"short": "Short term", "medium": "Medium term", "long": "Long term"}

    def effects(wb) -> None:
        ws = wb["Financial effects"]
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "PR-01")
        ws.cell(row, col(ws, "Current effect (CNY)"), "1,200,000")
        ws.cell(row, col(ws, "Statement line: Revenue"), "✓")
        ws.cell(row, col(ws, "Reason not quantified")).value = None  # cleared: figures are given now
        ws.cell(row, col(ws, f"Anticipated low ({labels[horizon]})"), 500000)
        ws.cell(row, col(ws, f"Anticipated high ({labels[horizon]})"), 800000)

    edited = edit(make_template(register, tmp_path), effects)
    [change] = register.imports.preview(read_template(edited), lang="en").changed
    assert {(c.label, c.new) for c in change.changes} >= {
        ("Current effect (CNY)", "1,200,000.00"),
        ("Statement line", "Revenue"),
        (f"Anticipated low ({labels[horizon]})", "500,000.00"),
    }
    register.imports.apply(read_template(edited))
    after = register.items.get(item.id).effects
    assert after.current_cny == 1_200_000 and after.statement_lines == ("revenue",) and after.reason is None
    assert after.for_horizon(horizon).low_cny == 500_000 and after.for_horizon(horizon).high_cny == 800_000

    def outside(wb) -> None:
        ws = wb["Financial effects"]
        ws.cell(2, col(ws, f"Anticipated low ({labels[missing]})"), 1)

    with pytest.raises(ImportRefused) as refused:
        register.imports.apply(read_template(edit(make_template(register, tmp_path), outside)), lang="en")
    [problem] = refused.value.plan.problems
    assert problem.sheet == "Financial effects" and problem.row == 2
    assert f"horizon {missing} is not among the item's horizons" in problem.message("en")


# ---- the scenario grid and metrics sheets ---------------------------------------------------------------
def _grid_row(ws, code: str, scenario: str, horizon: str) -> int:
    for number, row in enumerate(ws.iter_rows(min_row=2, max_col=4, values_only=True), start=2):
        if (row[0], row[2], row[3]) == (code, scenario, horizon):
            return number
    raise AssertionError((code, scenario, horizon))


def _metric_row(ws, key: str) -> int:
    return next(n for n, (k,) in enumerate(ws.iter_rows(min_row=2, max_col=1, values_only=True), start=2) if k == key)


ORDERLY = "Orderly transition (about 1.5 °C)"


def _assess_and_measure(wb) -> None:
    grid, metrics = wb["Scenario grid"], wb["Metrics"]
    row = _grid_row(grid, "PR-01", ORDERLY, "Short term")
    grid.cell(row, col(grid, "Direction"), "不利")  # a Chinese label in an English template
    grid.cell(row, col(grid, "Level"), "４")
    grid.cell(row, col(grid, "Low (CNY)"), 1_000_000)
    grid.cell(row, col(grid, "High (CNY)"), "2,500,000")
    grid.cell(row, col(grid, "Narrative"), "Heat waves stop the moulding line")
    metrics.cell(_metric_row(metrics, "scope1.fugitive"), col(metrics, "Value"), 240.5)


def test_grid_cells_and_metric_values_are_imported_exactly_with_their_audit(register, tmp_path):
    template = make_template(register, tmp_path)
    before, pr01 = dump(register), next(i for i in register.items.in_period(2024) if i.code == "PR-01")
    edited = edit(template, _assess_and_measure)
    preview = register.imports.preview(read_template(edited), lang="en")
    assert dump(register) == before  # the dry run wrote nothing
    assert preview.summary("en") == "0 new, 2 changed, 10 unchanged, 0 conflicts"
    grid_change, metric_change = preview.changed
    assert (grid_change.code, metric_change.code, metric_change.title) == ("PR-01", "Metrics", "2024 metrics")
    assert [(c.label, c.old, c.new) for c in grid_change.changes] == [
        (f"{ORDERLY} · Short term · Direction", "—", "Adverse"),
        (f"{ORDERLY} · Short term · Level", "—", "4"),
        (f"{ORDERLY} · Short term · Low (CNY)", "—", "1,000,000.00"),
        (f"{ORDERLY} · Short term · High (CNY)", "—", "2,500,000.00"),
        (f"{ORDERLY} · Short term · Narrative", "—", "Heat waves stop the moulding line"),
    ]
    assert [(c.label, c.old, c.new) for c in metric_change.changes] == [
        ("Fugitive emissions · Value", "238.56", "240.5")
    ]

    register.imports.apply(read_template(edited), lang="en")
    scenarios = register.scenarios.set_of(2024)
    orderly = scenarios.scenarios[0]
    cell = register.scenarios.cell(pr01.id, orderly.id, "short")
    assert cell is not None and (cell.direction.value, cell.level, cell.low_cny, cell.high_cny, cell.narrative) == (
        "adverse",
        4,
        1_000_000,
        2_500_000,
        "Heat waves stop the moulding line",
    )
    assert len(scenarios.assessments) == 1
    fugitive = register.metrics.view(2024).current.inventory.line("scope1.fugitive")
    assert str(fugitive.value) == "240.5"
    with register.items.ctx.read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(2)).all()
    assert {(e.entity, e.source, e.who) for e in entries} == {
        ("assessment", "import from edited.xlsx", "alice"),
        ("metrics", "import from edited.xlsx", "alice"),
    }
    after = dump(register)
    changed = {t for t in before if before[t] != after[t]}
    assert changed == {"scenario_assessment", "inventory_line", "metric_basis", "audit_entry"}
    again = register.imports.apply(read_template(edited), lang="en")  # the same file again: nothing to do
    assert again.summary("en") == "0 new, 0 changed, 11 unchanged, 0 conflicts"


def test_a_grid_cell_saved_since_the_template_is_a_conflict_naming_who(register, db_url, tmp_path):
    from carthane_tcfd.domain.effects import Direction
    from carthane_tcfd.domain.scenarios import CellDraft

    template = make_template(register, tmp_path)
    edited = edit(template, _assess_and_measure)
    bob = open_register(db_url, user="bob")
    try:
        pr01 = next(i for i in bob.items.in_period(2024) if i.code == "PR-01")
        orderly = bob.scenarios.set_of(2024).scenarios[0]
        bob.scenarios.save_cell(pr01.id, orderly.id, "short", CellDraft(Direction.FAVOURABLE, 2), 0)
    finally:
        bob.close()
    with pytest.raises(ImportRefused) as refused:
        register.imports.apply(read_template(edited), lang="en")
    [conflict] = refused.value.plan.conflicts
    assert conflict.code == "PR-01" and conflict.who == "bob"
    assert (f"{ORDERLY} · Short term · Direction", "Favourable", "Adverse") in [
        (c.label, c.old, c.new) for c in conflict.changes
    ]
    register.imports.apply(read_template(edited), lang="en", take_file_values=True)
    cell = register.scenarios.cell(pr01.id, orderly.id, "short")
    assert cell is not None and cell.direction is Direction.ADVERSE and cell.level == 4


def test_grid_and_metric_problems_are_located_and_nothing_is_written(register, tmp_path):
    def bad(wb) -> None:
        grid, metrics = wb["Scenario grid"], wb["Metrics"]
        row = _grid_row(grid, "PR-01", ORDERLY, "Short term")
        grid.cell(row, col(grid, "Level"), 3)  # a level without a direction
        grid.cell(row + 1, col(grid, "Scenario"), "Hothouse world")
        grid.cell(row + 2, col(grid, "Horizon"), "Long term")  # PR-01 covers the short term only
        grid.cell(row + 2, col(grid, "Direction"), "Adverse")
        grid.cell(row + 3, col(grid, "Low (CNY)"), 5)  # the next item's first row
        grid.cell(row + 3, col(grid, "High (CNY)"), 4)
        fugitive = _metric_row(metrics, "scope1.fugitive")
        metrics.cell(fugitive, col(metrics, "Value"), -3)
        metrics.cell(fugitive + 1, col(metrics, "Key"), "scope9.nothing")

    before = dump(register)
    edited = edit(make_template(register, tmp_path), bad)
    with pytest.raises(ImportRefused) as refused:
        register.imports.apply(read_template(edited), lang="en")
    lines = problem_lines(refused.value.plan.problems, "en")
    grid_row = lambda ws_row: f"sheet 'Scenario grid', row {ws_row}"  # noqa: E731
    wb = openpyxl.load_workbook(edited)
    g = _grid_row(wb["Scenario grid"], "PR-01", ORDERLY, "Short term")
    o = g + 2
    f = _metric_row(wb["Metrics"], "scope1.fugitive")
    assert sorted(lines) == sorted(
        [
            f"{grid_row(g)}, column E (Direction): is required with a level",
            f"{grid_row(g + 1)}, column C (Scenario): is not a scenario of the period: Hothouse world (there are: "
            "Orderly transition (about 1.5 °C), Delayed transition (about 2 °C), Current policies (3 °C or more))",
            f"{grid_row(o)}, column D (Horizon): PR-01 does not cover the horizon 'Long term': tick it in the items "
            "sheet, or clear this row",
            f"{grid_row(o + 1)}, column H (High (CNY)): must not be below the low amount",
            f"sheet 'Metrics', row {f}, column D (Value): must not be negative",
            f"sheet 'Metrics', row {f + 1}, column A (Key): is not a metric of the register: scope9.nothing",
        ]
    ), lines
    assert dump(register) == before


def test_targets_are_updated_by_number_and_added_without_one(register, tmp_path):
    def targets(wb) -> None:
        ws = wb["Targets"]
        heads = [c.value for c in ws[1]]
        values = {
            "Title": "Cut scope 1 and 2 emissions by 30%",
            "Target metric": "Scope 1 and 2 emissions",
            "Base year": 2024,
            "Base value": 8272.98,
            "Target year": 2030,
            "Target value": "5791.09",
            "Target status": "active",
            "Science-based": "✓",
        }
        for name, value in values.items():
            ws.cell(2, heads.index(name) + 1, value)
        ws.cell(3, heads.index("Title") + 1, "A target without its numbers")

    before = dump(register)
    assert not register.metrics.view(2024).current.targets
    edited = edit(make_template(register, tmp_path), targets)
    with pytest.raises(ImportRefused) as refused:
        register.imports.apply(read_template(edited), lang="en")
    assert problem_lines(refused.value.plan.problems, "en") == [
        f"sheet 'Targets', row 3, column {letter} ({name}): is required"
        for letter, name in (
            ("D", "Target metric"),
            ("F", "Base year"),
            ("G", "Base value"),
            ("H", "Target year"),
            ("I", "Target value"),
        )
    ]
    assert dump(register) == before

    wb = openpyxl.load_workbook(edited)
    wb["Targets"].delete_rows(3)
    wb.save(edited)
    plan = register.imports.apply(read_template(edited), lang="en")
    [change] = plan.changed
    assert [(c.label, c.old, c.new) for c in change.changes] == [
        ("Target 1", "—", "Cut scope 1 and 2 emissions by 30%")
    ]
    [target] = register.metrics.view(2024).current.targets
    assert (target.metric.value, target.base_year, str(target.target_value), target.status.value) == (
        "scope1_2",
        2024,
        "5791.09",
        "active",
    )
    assert target.science_based and not target.validated

    def retarget(wb) -> None:
        ws = wb["Targets"]
        heads = [c.value for c in ws[1]]
        ws.cell(2, heads.index("Target year") + 1, 2035)
        ws.cell(2, heads.index("Validated") + 1, "✓")

    again = register.imports.apply(read_template(edit(make_template(register, tmp_path), retarget)), lang="en")
    assert [(c.label, c.old, c.new) for c in again.changed[0].changes] == [
        ("Target 1 · Target year", "2030", "2035"),
        ("Target 1 · Validated", "—", "✓"),
    ]


def test_a_template_of_the_first_format_is_refused_with_what_to_do(register, tmp_path):
    def first_format(wb) -> None:
        identity = wb["_identity"]
        row = next(r for r in range(1, 20) if identity.cell(r, 1).value == "format_version")
        identity.cell(row, 2, 1)

    template = read_template(edit(make_template(register, tmp_path), first_format))
    assert not template.complete
    [line] = problem_lines(register.imports.preview(template, lang="en").problems, "en")
    assert line == (
        "sheet '_identity': this template was made by an older version (without the scenario grid, metrics "
        "and the register's identity): export a new template"
    )
